"""`make run` loads demo content: a clinician who can sign in with a second factor, and a
person with a case waiting for review."""

from __future__ import annotations

import io

from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.models import Role, User
from follicle.web.reviews.models import Case, Status


def test_the_demo_has_a_ready_clinician_and_a_waiting_case(db: None) -> None:
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    clinician = User.objects.get(role=Role.CLINICIAN)
    assert TOTPDevice.objects.filter(user=clinician, confirmed=True).exists()
    case = Case.objects.get()
    assert case.person.role == Role.PERSON and case.status == Status.SUBMITTED
    assert "otpauth://" in out.getvalue()
