"""Setting up a clinician's authenticator app needs a one-time code given out of band.

Someone who learns only a clinician's password must not be able to attach their own
authenticator (and so reach people's health data), nor see a secret the clinician later
confirms; an administrator who withdraws or replaces a code must be obeyed at once.
"""

from __future__ import annotations

import base64
import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.actions import MAX_CODE_FAILURES, issue_enrolment_code
from follicle.web.accounts.models import EnrolmentCode, User
from follicle.web.audit.models import AuditEvent
from tests.personas import (
    PASSWORD,
    TEST_AUDIT,
    current_code,
    make_admin,
    make_clinician,
    make_person,
    with_totp,
    wrong_code,
)

TWO_FACTOR = "/accounts/two-factor/"


def _signed_in_with_password(email: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _enrolling_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def _audited(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def test_a_clinician_sets_up_the_app_with_the_set_up_code(db: None) -> None:
    user = make_clinician("new@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("new@example.org")
    first = client.get(TWO_FACTOR).content.decode()
    assert "set-up code" in first
    assert "<svg" not in first  # no secret is shown before the code
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.post(TWO_FACTOR, {"code": code.lower()}).status_code == 302
    assert _audited("account.enrolment_code_accepted") == 1
    setup = client.get(TWO_FACTOR).content.decode()
    assert "<svg" in setup
    device = _enrolling_device(user)
    assert client.post(TWO_FACTOR, {"token": current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert not EnrolmentCode.objects.filter(user=user).exists()  # used up
    assert client.get("/clinic/").status_code == 200
    assert _audited("account.second_factor_added") == 1


def test_an_admin_sets_up_the_app_the_same_way(db: None) -> None:
    admin = make_admin("root@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=admin)
    client = _signed_in_with_password("root@example.org")
    assert client.get("/admin/").status_code == 302  # no second factor yet
    client.post(TWO_FACTOR, {"code": code})
    client.post(TWO_FACTOR, {"token": current_code(_enrolling_device(admin))})
    assert client.get("/admin/").status_code == 200


def test_the_password_alone_never_shows_a_secret_or_adds_an_app(db: None) -> None:
    user = make_clinician("stolen@example.org")
    issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("stolen@example.org")
    response = client.post(TWO_FACTOR, {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "That set-up code is not right" in html
    assert "<svg" not in html
    # A made-up app code without an accepted set-up code only gets the set-up code step again.
    response = client.post(TWO_FACTOR, {"token": "123456"})
    assert response.status_code == 422
    assert "Enter the set-up code" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get("/clinic/")["Location"].startswith(TWO_FACTOR)
    assert (
        _audited("account.enrolment_refused") == 1
    )  # the wrong code; a form error is not an attempt


def test_wrong_codes_are_counted_and_the_code_stops_working(db: None) -> None:
    user = make_clinician("guess@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("guess@example.org")
    for _ in range(MAX_CODE_FAILURES - 1):
        assert client.post(TWO_FACTOR, {"code": "AAAA-BBBB-CCCC"}).status_code == 422
    last = client.post(TWO_FACTOR, {"code": "AAAA-BBBB-CCCC"})
    assert "no longer works" in last.content.decode()
    assert not EnrolmentCode.objects.filter(user=user).exists()
    refused = client.post(TWO_FACTOR, {"code": code})  # even the right code is now refused
    assert refused.status_code == 422
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_an_expired_or_missing_code_says_to_ask_for_a_new_one(db: None) -> None:
    user = make_clinician("late@example.org")
    client = _signed_in_with_password("late@example.org")
    missing = client.post(TWO_FACTOR, {"code": "ABCD-EFGH-JKMN"})
    assert missing.status_code == 422
    assert "Ask your administrator for a new one" in missing.content.decode()
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    EnrolmentCode.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(1))
    expired = client.post(TWO_FACTOR, {"code": code})
    assert expired.status_code == 422
    assert "Ask your administrator for a new one" in expired.content.decode()


def test_the_secret_is_hidden_again_once_the_code_expires(db: None) -> None:
    user = make_clinician("slow@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("slow@example.org")
    client.post(TWO_FACTOR, {"code": code})
    assert "<svg" in client.get(TWO_FACTOR).content.decode()
    EnrolmentCode.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(1))
    page = client.get(TWO_FACTOR).content.decode()
    assert "<svg" not in page and "set-up code" in page
    assert TOTPDevice.objects.filter(user=user).exists()  # showing the page writes nothing ...
    refused = client.post(TWO_FACTOR, {"code": code})  # ... the next submit removes it
    assert refused.status_code == 422
    assert "Ask your administrator for a new one" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()  # the half-made device is gone
    assert AuditEvent.objects.filter(
        action="account.enrolment_abandoned", actor_id=user.pk
    ).exists()


def test_an_app_code_from_a_page_whose_set_up_code_expired_starts_again(db: None) -> None:
    user = make_clinician("stale@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("stale@example.org")
    client.post(TWO_FACTOR, {"code": code})
    device = _enrolling_device(user)
    EnrolmentCode.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(1))
    response = client.post(TWO_FACTOR, {"token": current_code(device)})
    assert response.status_code == 302 and response["Location"] == TWO_FACTOR
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_code_replaced_between_the_two_steps_stops_the_set_up(db: None) -> None:
    """The administrator's new code wins: the old session cannot confirm its device, nor use
    up the new code, and no deleted device comes back."""
    user = make_clinician("swap@example.org")
    first = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("swap@example.org")
    client.post(TWO_FACTOR, {"code": first})
    old_device = _enrolling_device(user)
    issue_enrolment_code(
        audit=TEST_AUDIT, user=user
    )  # e.g. `follicle setupcode` after a lost phone
    response = client.post(TWO_FACTOR, {"token": current_code(old_device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert EnrolmentCode.objects.filter(user=user).exists()  # the new code still works
    assert "set-up code" in client.get(TWO_FACTOR).content.decode()  # back to step one


def test_a_code_accepted_in_one_session_cannot_be_finished_in_another(db: None) -> None:
    user = make_clinician("two@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    mine = _signed_in_with_password("two@example.org")
    theirs = _signed_in_with_password("two@example.org")
    mine.post(TWO_FACTOR, {"code": code})
    first_device = _enrolling_device(user)
    theirs.post(TWO_FACTOR, {"code": code})  # the same code accepted again makes a new device
    assert not TOTPDevice.objects.filter(pk=first_device.pk).exists()
    response = mine.post(TWO_FACTOR, {"token": current_code(first_device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_a_second_submit_of_a_finished_set_up_is_harmless(db: None) -> None:
    user = make_clinician("twice@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("twice@example.org")
    client.post(TWO_FACTOR, {"code": code})
    device = _enrolling_device(user)
    token = current_code(device)
    session = client.session
    enrolling = session["follicle_enrolling_device"]
    assert client.post(TWO_FACTOR, {"token": token}).status_code == 302
    session = client.session  # replay the form as a double submit would, from the old state
    session["follicle_enrolling_device"] = enrolling
    session.save()
    client.post(TWO_FACTOR, {"token": token})  # refused as a replayed code, nothing undone
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/clinic/").status_code == 200  # still signed in with the second factor


def test_a_wrong_app_code_is_refused_and_the_set_up_code_kept(db: None) -> None:
    user = make_clinician("typo@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("typo@example.org")
    client.post(TWO_FACTOR, {"code": code})
    right = current_code(_enrolling_device(user))
    response = client.post(TWO_FACTOR, {"token": wrong_code(right)})
    assert response.status_code == 422
    assert "That code is not right" in response.content.decode()
    assert EnrolmentCode.objects.filter(user=user).exists()


def test_a_new_code_removes_the_old_app_and_says_so(db: None) -> None:
    user = make_clinician("lost@example.org")
    with_totp(user)
    out = io.StringIO()
    call_command("setupcode", email="lost@example.org", stdout=out)
    assert "1 authenticator app(s)" in out.getvalue()
    assert "one-time set-up code:" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert EnrolmentCode.objects.filter(user=user).exists()
    event = AuditEvent.objects.filter(action="account.enrolment_code_issued").last()
    assert event is not None and event.detail["authenticators_removed"] == 1


def test_creating_a_clinician_prints_a_set_up_code_that_works(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command(
        "createclinician", email="cli@example.org", name="Dr Cli", password_stdin=True, stdout=out
    )
    code = out.getvalue().split("one-time set-up code: ")[1].split()[0]
    client = _signed_in_with_password("cli@example.org")
    assert client.post(TWO_FACTOR, {"code": code}).status_code == 302


def test_setupcode_refuses_a_persons_or_a_deactivated_account(db: None) -> None:
    make_person("someone@example.org")
    with pytest.raises(CommandError):
        call_command("setupcode", email="someone@example.org", stdout=io.StringIO())
    gone = make_clinician("gone@example.org")
    User.objects.filter(pk=gone.pk).update(is_active=False)
    with pytest.raises(CommandError):
        call_command("setupcode", email="gone@example.org", stdout=io.StringIO())


def test_follicle_setupcode_on_the_command_line(db: None, capsys: Any) -> None:
    from follicle.cli import main

    make_clinician("cmd@example.org")
    assert main(["setupcode", "--email", "cmd@example.org"]) == 0
    assert "one-time set-up code:" in capsys.readouterr().out
    assert main(["setupcode", "--email", "nobody@example.org"]) == 1
    assert "error:" in capsys.readouterr().err


def test_second_factor_attempts_are_rate_limited_per_address(db: None, settings: Any) -> None:
    make_clinician("many@example.org")
    client = _signed_in_with_password("many@example.org")
    for _ in range(settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR):
        assert client.post(TWO_FACTOR, {"code": "AAAA-BBBB-CCCC"}).status_code == 422
    assert client.post(TWO_FACTOR, {"code": "AAAA-BBBB-CCCC"}).status_code == 429


def test_a_raced_second_confirmation_is_told_it_is_already_done(db: None) -> None:
    """Two submits of the last step at the same moment: the second finds the app confirmed."""
    from follicle.web.accounts.actions import Enrolment, accept_enrolment_code, confirm_totp
    from tests.personas import web_audit

    user = make_clinician("race@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    _, device = accept_enrolment_code(audit=web_audit(), user=user, code=code)
    assert device is not None
    token = current_code(device)
    first = confirm_totp(audit=web_audit(), user=user, device_id=device.pk, token=token)
    second = confirm_totp(audit=web_audit(), user=user, device_id=device.pk, token=token)
    assert first[0] is Enrolment.ACCEPTED
    assert second == (Enrolment.ALREADY_CONFIRMED, None)
    device.refresh_from_db()
    assert device.confirmed


def _key_on_the_page(html: str) -> str:
    match = re.search(r'<code class="secret" id="authenticator-key">([^<]*)</code>', html)
    assert match is not None, "the set-up page shows no key for typing by hand"
    return match.group(1)


def test_it_shows_the_key_for_typing_by_hand_in_base32_and_a_code_made_from_it_is_accepted(
    db: None,
) -> None:
    """What an authenticator app does with a key typed by hand: read it as base32 (spaces
    ignored, any case) and make the time-based code from it. Nothing here reads the device."""
    user = make_clinician("typist@example.org")
    code = issue_enrolment_code(audit=TEST_AUDIT, user=user)
    client = _signed_in_with_password("typist@example.org")
    client.post(TWO_FACTOR, {"code": code})
    shown = _key_on_the_page(client.get(TWO_FACTOR).content.decode())
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})*", shown), shown
    typed = shown.replace(" ", "").lower()  # as a person might type it
    key = base64.b32decode(typed.upper() + "=" * (-len(typed) % 8))
    token = f"{totp(key, step=30, t0=0, digits=6):06d}"
    assert client.post(TWO_FACTOR, {"token": token}).status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/clinic/").status_code == 200
