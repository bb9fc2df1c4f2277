"""A signed-in account's own pages: change the password, see where it is signed in, and sign
out everywhere else. Each change is audited and every other session ends with it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from follicle.web.accounts.device import describe
from follicle.web.accounts.models import User, UserSession
from follicle.web.audit.models import AuditEvent
from tests.personas import PASSWORD, Persona, make_person

LOGIN = "/accounts/login/"
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
NEW_PASSWORD = "a different long passphrase 9"


def _sign_in(email: str, user_agent: str, password: str = PASSWORD) -> Client:
    client = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR="203.0.113.45")
    response = client.post(LOGIN, {"username": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:300]
    return client


def _signed_in(client: Client) -> bool:
    return client.get("/my/cases/").status_code == 200


@pytest.fixture
def two_browsers(db: None) -> tuple[User, Client, Client]:
    user = make_person("own@example.org")
    return user, _sign_in(user.email, FIREFOX_ANDROID), _sign_in(user.email, SAFARI_IPHONE)


def test_it_changes_the_password_keeps_this_session_and_ends_the_others(
    two_browsers: tuple[User, Client, Client],
) -> None:
    user, phone, other = two_browsers
    response = phone.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/security/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert _signed_in(phone)
    assert not _signed_in(other)
    assert UserSession.objects.filter(user=user).count() == 1
    event = AuditEvent.objects.get(action="account.password_changed")
    assert event.actor_id == user.pk and event.detail == {"sessions_ended": 1}
    assert NEW_PASSWORD not in str(event.detail)


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (
            {
                "old_password": "not it",
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
            "old_password",
            "Your current password is not right.",
        ),
        (
            {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": "other"},
            "new_password2",
            "The two new passwords are not the same.",
        ),
        (
            {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
            "new_password2",
            "too short",
        ),
        ({}, "old_password", "Enter your current password."),
    ],
)
def test_a_refused_password_change_says_why_by_the_field_and_changes_nothing(
    two_browsers: tuple[User, Client, Client], form: dict[str, str], field: str, message: str
) -> None:
    user, phone, other = two_browsers
    response = phone.post("/accounts/password/", form)
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert f'href="#id_{field}"' in response.content.decode()  # the summary links to the field
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert _signed_in(phone) and _signed_in(other)
    assert not AuditEvent.objects.filter(action="account.password_changed").exists()


def test_password_change_attempts_are_rate_limited(person_a: Persona, settings: Any) -> None:
    form = {"old_password": "guess", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    for _ in range(settings.FOLLICLE_PASSWORD_CHANGES_PER_HOUR):
        assert person_a.client.post("/accounts/password/", form).status_code == 422
    assert person_a.client.post("/accounts/password/", form).status_code == 429


def test_the_sessions_page_lists_ones_own_sessions_without_addresses(
    two_browsers: tuple[User, Client, Client], person_b: Persona
) -> None:
    _, phone, _ = two_browsers
    _sign_in(person_b.user.email, "Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/133.0")
    html = phone.get("/accounts/security/").content.decode()
    assert "Firefox on Android" in html and "Safari on an iPhone" in html
    assert "this browser" in html
    assert "Windows" not in html  # person B's session is not listed
    assert "203.0.113" not in html
    assert "Sign out everywhere else" in html
    assert "Last active" in html and "Signed in" in html


def test_sign_out_everywhere_else_ends_the_other_sessions_only(
    two_browsers: tuple[User, Client, Client], person_b: Persona
) -> None:
    user, phone, other = two_browsers
    response = phone.post("/accounts/security/sign-out-others/")
    assert response.status_code == 302 and response["Location"] == "/accounts/security/"
    assert _signed_in(phone) and not _signed_in(other) and _signed_in(person_b.client)
    event = AuditEvent.objects.get(action="account.other_sessions_ended")
    assert event.actor_id == user.pk and event.detail == {"sessions_ended": 1}
    assert "not signed in anywhere else" in phone.get("/accounts/security/").content.decode()


def test_sign_out_everywhere_else_needs_a_post(two_browsers: tuple[User, Client, Client]) -> None:
    _, phone, other = two_browsers
    assert phone.get("/accounts/security/sign-out-others/").status_code == 405
    assert _signed_in(other)


def test_a_session_names_its_account_through_a_new_key_and_forgets_it_on_sign_out(
    db: None, settings: Any
) -> None:
    user = make_person("keys@example.org")
    client = _sign_in(user.email, SAFARI_IPHONE)
    session = client.session
    old_key = session.session_key
    session.cycle_key()  # as signing in or passing the second factor does
    assert session.session_key is not None and session.session_key != old_key
    assert UserSession.objects.get(session_key=session.session_key).user_id == user.pk
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert _signed_in(client)
    client.post("/accounts/logout/")
    assert not UserSession.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("agent", "described"),
    [
        (FIREFOX_ANDROID, "Firefox on Android"),
        (SAFARI_IPHONE, "Safari on an iPhone"),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge on Windows",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Chrome on a Mac",
        ),
        ("curl/8.5.0", "An unknown browser"),
        ("", "An unknown browser"),
    ],
)
def test_a_browser_is_described_in_a_few_words(agent: str, described: str) -> None:
    assert describe(agent) == described
