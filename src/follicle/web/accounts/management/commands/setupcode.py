"""``manage.py setupcode`` (also ``follicle setupcode``): a new one-time set-up code.

For a clinician or admin whose code expired, who lost their phone, or whose account was made
in the admin site. Issuing a code removes the account's authenticator apps, so the next
sign-in must set one up again, with this code.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from follicle.web.accounts.actions import reissue_enrolment_code, setup_code_instructions
from follicle.web.accounts.models import Role, User
from follicle.web.audit.context import OPERATOR_HELP, command_context


class Command(BaseCommand):
    help = "Issue a new one-time set-up code for a clinician's or admin's authenticator app."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--operator", default=None, help=OPERATOR_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(
            email__iexact=options["email"], role__in=[Role.CLINICIAN, Role.ADMIN]
        ).first()
        if user is None:
            raise CommandError("no clinician or admin account has this email address")
        if not user.is_active:
            raise CommandError("this account is deactivated; reactivate it in the admin first")
        audit = command_context("setupcode", operator=options.get("operator"))
        code, removed = reissue_enrolment_code(audit=audit, user=user)
        if removed:
            self.stdout.write(f"{removed} authenticator app(s) of account {user.pk} removed")
        self.stdout.write(setup_code_instructions(code))
