"""``manage.py loaddemo``: demo accounts and one waiting case, so the review can be tried on a
fresh machine (``make run`` loads it). Refuses to run in production."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.engine import EXAMPLE
from follicle.knowledge import default_knowledge
from follicle.web.accounts.actions import create_clinician
from follicle.web.accounts.models import Role, User
from follicle.web.reviews.actions import request_review

CLINICIAN = "clinician@demo.invalid"
PERSON = "person@demo.invalid"


class Command(BaseCommand):
    help = "Create demo accounts (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo accounts are for development only")
        if User.objects.filter(email=CLINICIAN).exists():
            self.stdout.write(
                f"demo accounts exist ({CLINICIAN}, {PERSON}); passwords were printed when created"
            )
            return
        password = secrets.token_urlsafe(12)
        doctor = create_clinician(email=CLINICIAN, password=password, display_name="Dr Demo")
        device = TOTPDevice.objects.create(user=doctor, name="demo", confirmed=True)
        person = User.objects.create_user(
            email=PERSON, password=password, role=Role.PERSON, email_verified_at=timezone.now()
        )
        request_review(
            request=None,
            person=person,
            answers=dict(EXAMPLE),
            note="Demo case.",
            idempotency_key=uuid.uuid4(),
            knowledge=default_knowledge(),
        )
        self.stdout.write(
            "Demo accounts (development only):\n"
            f"  clinician {CLINICIAN} / {password}\n"
            f"    authenticator key (add to any TOTP app): {device.config_url}\n"
            f"  person    {PERSON} / {password}\n"
        )
