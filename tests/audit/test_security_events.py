"""Security events are in the protected audit trail: signing in and out on every way in, the
second factor passed and refused, lockout records made and removed, and refused requests for
health data. Accounts are named by id, never by email address."""

from __future__ import annotations

import time
from typing import Any

from django.core.management import call_command
from django.test import Client

from follicle.web.accounts.models import User
from follicle.web.audit.actions import verify_chain
from follicle.web.audit.models import AuditEvent
from follicle.web.middleware import LAST_SEEN
from follicle.web.reviews import actions as review_actions
from tests.cases import make_case
from tests.personas import (
    PASSWORD,
    TEST_AUDIT,
    Persona,
    current_code,
    device_of,
    make_clinician,
    make_person,
    with_totp,
    wrong_code,
)

LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("sequence"))


def _one(action: str) -> AuditEvent:
    events = _events(action)
    assert len(events) == 1, [e.action for e in AuditEvent.objects.all()]
    return events[0]


def _no_email_in_the_trail(*emails: str) -> None:
    dump = " ".join(f"{e.action} {e.detail}" for e in AuditEvent.objects.all())
    for email in emails:
        assert email.lower() not in dump.lower()


def _admin_sign_in(client: Client, user: User, token: str) -> Any:
    device = device_of(user)
    return client.post(
        ADMIN_LOGIN,
        {
            "username": user.email,
            "password": PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": token,
            "next": "/admin/",
        },
    )


def _admin_user(email: str = "root@example.org") -> User:
    user = User.objects.create_superuser(email=email, password=PASSWORD)
    with_totp(user)
    return user


def test_it_records_a_sign_in_and_a_sign_out_by_account_id(db: None) -> None:
    person = make_person("in-and-out@example.org")
    client = Client(REMOTE_ADDR="198.51.100.7")
    assert client.post(LOGIN, {"username": person.email, "password": PASSWORD}).status_code == 302
    signed_in = _one("account.signed_in")
    assert signed_in.actor_id == person.pk and signed_in.actor_role == "person"
    assert signed_in.detail == {"entry": "site"} and signed_in.ip == "198.51.100.7"
    client.post("/accounts/logout/")
    signed_out = _one("account.signed_out")
    assert signed_out.actor_id == person.pk
    _no_email_in_the_trail(person.email)
    assert verify_chain().ok


def test_a_session_that_times_out_is_recorded_as_a_sign_out(
    person_a: Persona, settings: Any
) -> None:
    session = person_a.client.session
    session[LAST_SEEN] = time.time() - settings.FOLLICLE_IDLE_SECONDS - 5
    session.save()
    assert person_a.client.get("/my/cases/").status_code == 302
    assert _one("account.signed_out").actor_id == person_a.user.pk


def test_it_records_a_failed_sign_in_by_account_id_or_as_an_unknown_account(db: None) -> None:
    person = make_person("failing@example.org")
    client = Client()
    client.post(LOGIN, {"username": "FAILING@example.org", "password": "not the password 1"})
    client.post(LOGIN, {"username": "nobody-here@example.org", "password": "not the password 1"})
    known, unknown = _events("account.sign_in_failed")
    assert known.detail == {"entry": "site", "user_id": person.pk}
    assert known.actor_id is None and known.actor_role == "anonymous"
    assert unknown.detail == {"entry": "site", "account": "unknown"}
    assert not _events("account.signed_in")
    _no_email_in_the_trail(person.email, "nobody-here@example.org")


def test_a_clinicians_second_factor_is_recorded_passed_and_refused(db: None, settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the right code at once after a wrong one
    doctor = make_clinician("second@example.org")
    device = with_totp(doctor)
    client = Client()
    client.post(LOGIN, {"username": doctor.email, "password": PASSWORD})
    signed_in = _one("account.signed_in")
    assert signed_in.actor_id == doctor.pk and signed_in.actor_role == "clinician"
    client.post("/accounts/two-factor/", {"token": wrong_code(current_code(device))})
    refused = _one("account.second_factor_refused")
    assert refused.actor_id == doctor.pk and refused.detail == {"entry": "site"}
    client.post("/accounts/two-factor/", {"token": current_code(device)})
    passed = _one("account.second_factor_passed")
    assert passed.actor_id == doctor.pk and passed.detail == {"entry": "site"}


def test_the_admin_sign_in_is_recorded_like_the_clinicians(db: None, settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    root = _admin_user()
    device = device_of(root)
    client = Client(REMOTE_ADDR="198.51.100.8")
    client.post(ADMIN_LOGIN, {"username": root.email, "password": "not the password 1"})
    failed = _one("account.sign_in_failed")
    assert failed.detail == {"entry": "admin", "user_id": root.pk}
    response = _admin_sign_in(client, root, wrong_code(current_code(device)))
    assert response.status_code == 200  # the form again
    refused = _one("account.second_factor_refused")
    assert refused.actor_id == root.pk and refused.detail == {"entry": "admin"}
    assert not _events("account.signed_in")
    response = _admin_sign_in(client, root, current_code(device))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert _one("account.signed_in").detail == {"entry": "admin"}
    passed = _one("account.second_factor_passed")
    assert passed.actor_id == root.pk and passed.detail == {"entry": "admin"}
    assert passed.ip == "198.51.100.8"
    _no_email_in_the_trail(root.email)


def test_a_refused_request_for_a_case_is_recorded_with_the_case_id(
    person_a: Persona, person_b: Persona, clinician: Persona, other_clinician: Persona
) -> None:
    case = make_case(person_a.user)
    review_actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    assert person_b.client.get(f"/my/cases/{case.id}/").status_code == 404
    assert other_clinician.client.get(f"/clinic/cases/{case.id}/").status_code == 403
    assert person_b.client.get("/clinic/").status_code == 403
    not_found, forbidden, queue = _events("access.refused")
    assert not_found.case_id == case.id and not_found.actor_id == person_b.user.pk
    assert not_found.detail == {"status": 404, "route": "reviews:my_case"}
    assert forbidden.case_id == case.id and forbidden.actor_id == other_clinician.user.pk
    assert forbidden.detail == {"status": 403, "route": "reviews:review"}
    assert queue.case_id is None and queue.detail == {"status": 403, "route": "reviews:queue"}
    _no_email_in_the_trail(person_a.user.email, person_b.user.email)


def test_a_granted_request_or_a_missing_page_elsewhere_is_not_a_refusal(
    person_a: Persona,
) -> None:
    case = make_case(person_a.user)
    assert person_a.client.get(f"/my/cases/{case.id}/").status_code == 200
    assert person_a.client.get("/no-such-page/").status_code == 404
    assert not _events("access.refused")


def test_lockout_records_are_recorded_when_made_and_when_reset(db: None, settings: Any) -> None:
    person = make_person("locked@example.org")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": person.email, "password": "not the password 1"})
    created = _one("lockout.record_created")
    assert created.detail["user_id"] == person.pk and created.actor_role == "anonymous"
    assert _one("lockout.started").detail == {"user_id": person.pk}
    call_command("axes_reset_username", person.email)
    deleted = _one("lockout.record_deleted")
    assert deleted.detail["user_id"] == person.pk
    assert deleted.detail["failures"] == settings.AXES_FAILURE_LIMIT
    assert deleted.actor_role == "operator" and deleted.operator
    _no_email_in_the_trail(person.email)
    assert verify_chain().ok


def test_a_successful_sign_in_clearing_a_lockout_record_is_recorded(db: None) -> None:
    person = make_person("cleared@example.org")
    client = Client()
    client.post(LOGIN, {"username": person.email, "password": "not the password 1"})
    client.post(LOGIN, {"username": person.email, "password": PASSWORD})
    assert _one("lockout.record_deleted").detail["user_id"] == person.pk


def test_the_admin_shows_lockout_records_but_cannot_change_or_delete_them(
    admin: Persona, settings: Any
) -> None:
    from axes.models import AccessAttempt

    Client().post(LOGIN, {"username": "someone@example.org", "password": "wrong password 1"})
    attempt = AccessAttempt.objects.get()
    base = f"/admin/axes/accessattempt/{attempt.pk}"
    assert admin.client.get("/admin/axes/accessattempt/").status_code == 200
    assert admin.client.get(f"{base}/delete/").status_code == 403
    assert admin.client.post(f"{base}/delete/", {"post": "yes"}).status_code == 403
    bulk = admin.client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert not _events("lockout.record_deleted")
