"""Setting up a clinician's authenticator app needs a one-time code given out of band.

Someone who learns only a clinician's password must not be able to attach their own
authenticator (and so reach people's health data), nor see a secret the clinician later
confirms.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.actions import issue_enrolment_code
from follicle.web.accounts.models import EnrolmentCode, User
from follicle.web.audit.models import AuditEvent
from tests.reviews.conftest import PASSWORD, make_clinician, with_totp

TWO_FACTOR = "/accounts/two-factor/"


def _signed_in_with_password(email: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _enrolling_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def test_a_clinician_sets_up_the_app_with_the_set_up_code(db: None) -> None:
    user = make_clinician("new@example.org")
    code = issue_enrolment_code(user=user)
    client = _signed_in_with_password("new@example.org")
    first = client.get(TWO_FACTOR).content.decode()
    assert "set-up code" in first
    assert "<svg" not in first  # no secret is shown before the code
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.post(TWO_FACTOR, {"code": code.lower()}).status_code == 302
    setup = client.get(TWO_FACTOR).content.decode()
    assert "<svg" in setup
    device = _enrolling_device(user)
    assert client.post(TWO_FACTOR, {"token": _current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert not EnrolmentCode.objects.filter(user=user).exists()  # used up
    assert client.get("/clinic/").status_code == 200
    assert AuditEvent.objects.filter(action="account.second_factor_added").count() == 1


def test_the_password_alone_never_shows_a_secret_or_adds_an_app(db: None) -> None:
    user = make_clinician("stolen@example.org")
    issue_enrolment_code(user=user)
    client = _signed_in_with_password("stolen@example.org")
    response = client.post(TWO_FACTOR, {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "That set-up code is not right" in html
    assert "<svg" not in html
    assert not TOTPDevice.objects.filter(user=user).exists()
    # A made-up token with no accepted code goes nowhere either.
    assert client.post(TWO_FACTOR, {"token": "123456"}).status_code == 422
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get("/clinic/")["Location"].startswith(TWO_FACTOR)
    assert AuditEvent.objects.filter(action="account.enrolment_code_refused").exists()


def test_an_expired_or_missing_code_says_to_ask_for_a_new_one(db: None) -> None:
    user = make_clinician("late@example.org")
    client = _signed_in_with_password("late@example.org")
    missing = client.post(TWO_FACTOR, {"code": "ABCD-EFGH-JKMN"})
    assert missing.status_code == 422
    assert "Ask your administrator for a new one" in missing.content.decode()
    code = issue_enrolment_code(user=user)
    EnrolmentCode.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(1))
    expired = client.post(TWO_FACTOR, {"code": code})
    assert expired.status_code == 422
    assert "Ask your administrator for a new one" in expired.content.decode()


def test_a_code_withdrawn_between_the_two_steps_stops_the_set_up(db: None) -> None:
    user = make_clinician("swap@example.org")
    code = issue_enrolment_code(user=user)
    client = _signed_in_with_password("swap@example.org")
    client.post(TWO_FACTOR, {"code": code})
    device = _enrolling_device(user)
    EnrolmentCode.objects.filter(user=user).delete()
    response = client.post(TWO_FACTOR, {"token": _current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert not device.confirmed
    assert "set-up code" in client.get(TWO_FACTOR).content.decode()  # back to step one


def test_a_new_code_removes_the_old_app(db: None) -> None:
    user = make_clinician("lost@example.org")
    with_totp(user)
    out = io.StringIO()
    call_command("setupcode", email="lost@example.org", stdout=out)
    assert "one-time set-up code:" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert EnrolmentCode.objects.filter(user=user).exists()


def test_a_wrong_app_code_is_refused_and_the_set_up_code_kept(db: None) -> None:
    user = make_clinician("typo@example.org")
    code = issue_enrolment_code(user=user)
    client = _signed_in_with_password("typo@example.org")
    client.post(TWO_FACTOR, {"code": code})
    right = _current_code(_enrolling_device(user))
    response = client.post(TWO_FACTOR, {"token": "000000" if right != "000000" else "111111"})
    assert response.status_code == 422
    assert "That code is not right" in response.content.decode()
    assert EnrolmentCode.objects.filter(user=user).exists()


def test_creating_a_clinician_prints_a_set_up_code_that_works(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command(
        "createclinician", email="cli@example.org", name="Dr Cli", password_stdin=True, stdout=out
    )
    printed = out.getvalue()
    code = printed.split("one-time set-up code: ")[1].split()[0]
    client = _signed_in_with_password("cli@example.org")
    assert client.post(TWO_FACTOR, {"code": code}).status_code == 302


def test_setupcode_refuses_a_persons_account(db: None) -> None:
    from django.core.management.base import CommandError

    from tests.reviews.conftest import make_person

    make_person("someone@example.org")
    with pytest.raises(CommandError):
        call_command("setupcode", email="someone@example.org", stdout=io.StringIO())
