"""Passwords, lockout, timeouts and resets."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.test import Client

from follicle.web.accounts.models import User
from follicle.web.audit.models import AuditEvent
from follicle.web.middleware import LAST_SEEN, SIGNED_IN_AT
from tests.personas import PASSWORD, Persona, make_person


def test_passwords_are_hashed_with_argon2(person_a: Persona) -> None:
    assert identify_hasher(person_a.user.password).algorithm == "argon2"


def test_repeated_failures_lock_the_account_for_that_address(db: None, settings: Any) -> None:
    make_person("lock@example.org")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert (
            client.post(
                "/accounts/login/", {"username": "lock@example.org", "password": "wrong"}
            ).status_code
            == 200
        )
    last_try = client.post(
        "/accounts/login/", {"username": "lock@example.org", "password": "wrong"}
    )
    assert last_try.status_code == 429  # the limit-th failure locks
    locked = client.post("/accounts/login/", {"username": "lock@example.org", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    other = Client(
        REMOTE_ADDR="198.51.100.7"
    )  # the same account from another address is not locked
    assert (
        other.post(
            "/accounts/login/", {"username": "lock@example.org", "password": PASSWORD}
        ).status_code
        == 302
    )


def test_a_wrong_password_says_what_to_do(db: None) -> None:
    make_person("who@example.org")
    html = (
        Client()
        .post("/accounts/login/", {"username": "who@example.org", "password": "nope"})
        .content.decode()
    )
    assert "The email address or password is not right" in html


def test_an_idle_session_ends(person_a: Persona, settings: Any) -> None:
    client = person_a.client
    assert client.get("/my/cases/").status_code == 200
    session = client.session
    session[LAST_SEEN] = time.time() - settings.FOLLICLE_IDLE_SECONDS - 5
    session.save()
    response = client.get("/my/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/my/cases/")["Location"].startswith("/accounts/login/")


def test_a_session_ends_after_the_absolute_limit_even_when_active(
    person_a: Persona, settings: Any
) -> None:
    client = person_a.client
    client.get("/my/cases/")
    session = client.session
    session[SIGNED_IN_AT] = time.time() - settings.FOLLICLE_ABSOLUTE_SECONDS - 5
    session.save()
    assert client.get("/my/cases/")["Location"].startswith("/accounts/login/")


def test_password_reset_by_email(db: None, django_capture_on_commit_callbacks: Any) -> None:
    make_person("reset@example.org")
    client = Client()
    response = client.post("/accounts/password-reset/", {"email": "reset@example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/accounts/password-reset/" in line
    )
    response = client.get(link.replace("http://testserver", ""), follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "an entirely new passphrase 7"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response["Location"] == "/accounts/password-reset/complete/"
    assert User.objects.get(email="reset@example.org").check_password(new)


def test_a_completed_password_reset_is_audited_and_ends_other_sessions(
    person_a: Persona,
) -> None:
    elsewhere = person_a.client  # signed in on another device
    assert elsewhere.get("/my/cases/").status_code == 200
    client = Client(REMOTE_ADDR="198.51.100.20")
    client.post("/accounts/password-reset/", {"email": person_a.user.email})
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/accounts/password-reset/" in line
    )
    form_url = client.get(link.replace("http://testserver", ""), follow=True).redirect_chain[-1][0]
    assert not AuditEvent.objects.filter(action="account.password_reset").exists()
    new = "an entirely new passphrase 8"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    event = AuditEvent.objects.get(action="account.password_reset")
    assert event.actor_id == person_a.user.pk and event.ip == "198.51.100.20"
    assert person_a.user.email not in str(event.detail)
    assert elsewhere.get("/my/cases/")["Location"].startswith("/accounts/login/")


def test_a_refused_new_password_changes_nothing_and_is_not_audited(db: None) -> None:
    make_person("weak@example.org")
    client = Client()
    client.post("/accounts/password-reset/", {"email": "weak@example.org"})
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/accounts/password-reset/" in line
    )
    form_url = client.get(link.replace("http://testserver", ""), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 200
    assert User.objects.get(email="weak@example.org").check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="account.password_reset").exists()


def test_signing_in_changes_the_session_key(db: None) -> None:
    make_person("fixation@example.org")
    client = Client()
    client.get("/assessment/about_you/")
    client.post("/assessment/about_you/", {"age": "30", "sex": "male"})
    before = client.session.session_key
    client.post("/accounts/login/", {"username": "fixation@example.org", "password": PASSWORD})
    assert client.session.session_key != before


def test_sign_up_and_password_reset_are_rate_limited_per_address(db: None, settings: Any) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(settings.FOLLICLE_RESETS_PER_HOUR):
        assert (
            client.post("/accounts/password-reset/", {"email": f"x{n}@example.org"}).status_code
            == 302
        )
    assert client.post("/accounts/password-reset/", {"email": "y@example.org"}).status_code == 429
    assert (
        Client(REMOTE_ADDR="203.0.113.10")
        .post("/accounts/password-reset/", {"email": "y@example.org"})
        .status_code
        == 302
    )
    for _ in range(settings.FOLLICLE_SIGNUPS_PER_HOUR):
        client.post("/accounts/signup/", {"email": "bad"})
    assert client.post("/accounts/signup/", {"email": "bad"}).status_code == 429
