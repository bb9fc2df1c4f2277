"""``manage.py loaddemo``: demo accounts and one waiting case, so the review can be tried on a
fresh machine (``make run`` loads it). Refuses to run in production. Everything it makes is
made by actions, audited under the operator who ran it."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from follicle.engine import EXAMPLE
from follicle.knowledge import default_knowledge
from follicle.web.accounts.actions import NotInProduction, create_demo_accounts
from follicle.web.accounts.authenticator import key_for_typing
from follicle.web.accounts.models import User
from follicle.web.audit.context import OPERATOR_HELP, command_context
from follicle.web.reviews.actions import request_review

CLINICIAN = "clinician@demo.invalid"
PERSON = "person@demo.invalid"


class Command(BaseCommand):
    help = "Create demo accounts (development only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--operator", default=None, help=OPERATOR_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo accounts are for development only")
        if User.objects.filter(email=CLINICIAN).exists():
            self.stdout.write(
                f"demo accounts exist ({CLINICIAN}, {PERSON}); passwords were printed when created"
            )
            return
        audit = command_context("loaddemo", operator=options.get("operator"))
        password = secrets.token_urlsafe(12)
        try:
            with transaction.atomic():  # the accounts and their case, or nothing
                _, device, person = create_demo_accounts(
                    audit=audit, clinician_email=CLINICIAN, person_email=PERSON, password=password
                )
                request_review(
                    audit=audit,
                    person=person,
                    answers=dict(EXAMPLE),
                    note="Demo case.",
                    idempotency_key=uuid.uuid4(),
                    knowledge=default_knowledge(),
                )
        except NotInProduction as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            "Demo accounts (development only):\n"
            f"  clinician {CLINICIAN} / {password}\n"
            f"    authenticator key (type it into any TOTP app): {key_for_typing(device)}\n"
            f"    or as an address: {device.config_url}\n"
            f"  person    {PERSON} / {password}\n"
        )
