"""A person's own authenticator app: turned on with a QR code or a key typed by hand and the
app's first code, asked for at every sign-in after that, turned off with the password and a code.
Every step is audited and shares the second-factor rate limit."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.authenticator import key_for_typing
from follicle.web.accounts.models import User
from follicle.web.audit.models import AuditEvent
from tests.personas import PASSWORD, Persona, current_code, make_person, wrong_code

ON = "/accounts/two-factor/turn-on/"
OFF = "/accounts/two-factor/turn-off/"
TWO_FACTOR = "/accounts/two-factor/"
LOGIN = "/accounts/login/"


def _actions(user: User) -> list[str]:
    return list(
        AuditEvent.objects.filter(actor_id=user.pk)
        .order_by("sequence")
        .values_list("action", flat=True)
    )


def _later(device: TOTPDevice) -> None:
    """As if the next code came up and django-otp's delay after a wrong code had passed (a code
    is taken once: the one that turned the app on cannot sign in too)."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None, last_t=-1
    )


def _turn_on(persona: Persona) -> TOTPDevice:
    assert persona.client.post(ON)["Location"] == ON
    device = TOTPDevice.objects.get(user=persona.user)
    response = persona.client.post(ON, {"token": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/accounts/security/"
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_a_person_turns_on_an_authenticator_app_with_the_qr_code_or_the_key(
    person_a: Persona,
) -> None:
    security = person_a.client.get("/accounts/security/").content.decode()
    assert "Add an authenticator app" in security
    assert person_a.client.post(ON).status_code == 302
    device = TOTPDevice.objects.get(user=person_a.user)
    assert not device.confirmed
    page = person_a.client.get(ON)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and key_for_typing(device) in html
    refused = person_a.client.post(ON, {"token": wrong_code(current_code(device))})
    assert refused.status_code == 422
    assert "That code is not right" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    _later(device)
    assert person_a.client.post(ON, {"token": current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert _actions(person_a.user)[-3:] == [
        "account.second_factor_setup_started",
        "account.enrolment_refused",
        "account.second_factor_added",
    ]
    assert (
        "Turn off the authenticator app"
        in person_a.client.get("/accounts/security/").content.decode()
    )


def test_starting_again_replaces_a_device_whose_key_was_already_shown(person_a: Persona) -> None:
    person_a.client.post(ON)
    first = TOTPDevice.objects.get(user=person_a.user)
    person_a.client.post(ON)
    second = TOTPDevice.objects.get(user=person_a.user)
    assert second.pk != first.pk and not second.confirmed


def test_once_on_signing_in_asks_for_the_code(person_a: Persona) -> None:
    device = _turn_on(person_a)
    _later(device)
    client = Client()
    assert (
        client.post(LOGIN, {"username": person_a.user.email, "password": PASSWORD}).status_code
        == 302
    )
    sent = client.get("/my/cases/")
    assert sent.status_code == 302 and sent["Location"].startswith(TWO_FACTOR)
    assert client.get("/accounts/security/")["Location"].startswith(TWO_FACTOR)
    assert (
        client.post(sent["Location"], {"token": wrong_code(current_code(device))}).status_code
        == 422
    )
    _later(device)
    passed = client.post(sent["Location"], {"token": current_code(device)})
    assert passed.status_code == 302 and passed["Location"] == "/my/cases/"
    assert client.get("/my/cases/").status_code == 200


def test_turning_it_on_sends_the_other_sessions_to_the_second_factor(db: None) -> None:
    user = make_person("two@example.org")
    here, there = Client(), Client()
    for client in (here, there):
        client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    _turn_on(Persona(user, here))
    assert here.get("/my/cases/").status_code == 200
    assert there.get("/my/cases/")["Location"].startswith(TWO_FACTOR)


def test_turning_it_off_needs_the_password_and_a_code(person_a: Persona) -> None:
    device = _turn_on(person_a)
    _later(device)
    assert person_a.client.get(OFF).status_code == 200
    no_password = person_a.client.post(OFF, {"password": "not it", "token": current_code(device)})
    assert no_password.status_code == 422
    assert "Your password is not right" in no_password.content.decode()
    no_code = person_a.client.post(
        OFF, {"password": PASSWORD, "token": wrong_code(current_code(device))}
    )
    assert no_code.status_code == 422
    assert "That code is not right" in no_code.content.decode()
    assert TOTPDevice.objects.filter(user=person_a.user, confirmed=True).exists()
    _later(device)
    off = person_a.client.post(OFF, {"password": PASSWORD, "token": current_code(device)})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=person_a.user).exists()
    assert _actions(person_a.user)[-2:] == [
        "account.second_factor_refused",
        "account.second_factor_removed",
    ]
    client = Client()
    client.post(LOGIN, {"username": person_a.user.email, "password": PASSWORD})
    assert client.get("/my/cases/").status_code == 200  # no code asked any more


def test_turning_it_on_and_off_shares_the_second_factor_rate_limit(
    person_a: Persona, settings: Any
) -> None:
    for _ in range(settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR):
        person_a.client.post(ON, {"token": "123456"})
    assert person_a.client.post(ON).status_code == 429
    assert person_a.client.post(OFF, {"password": PASSWORD, "token": "123456"}).status_code == 429
    assert person_a.client.post(TWO_FACTOR, {"token": "123456"}).status_code == 429


@pytest.mark.parametrize("persona", ["clinician", "admin"])
def test_clinicians_and_admins_keep_their_set_up_codes(
    request: pytest.FixtureRequest, persona: str, db: None
) -> None:
    """Only people turn an authenticator on or off themselves; clinicians' and admins' devices
    come only with a set-up code from an administrator."""
    client = request.getfixturevalue(persona).client
    assert client.post(ON).status_code == 403
    assert client.post(OFF, {"password": PASSWORD, "token": "123456"}).status_code == 403
