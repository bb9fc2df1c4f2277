"""``manage.py createclinician`` (also ``follicle createclinician``): a clinician account.

The password is read from standard input (never a command-line argument, which would end up
in shell history and process lists). It prints a one-time set-up code, which the clinician
needs, with the password, to add an authenticator app at first sign-in; give it to them by
another channel than the password (in person or by phone).
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from follicle.web.accounts.actions import (
    EmailTaken,
    create_clinician,
    issue_enrolment_code,
    setup_code_instructions,
)
from follicle.web.accounts.models import User
from follicle.web.audit.context import OPERATOR_HELP, command_context


class Command(BaseCommand):
    help = "Create a clinician account (password from standard input or a prompt)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="name shown on signed plans")
        parser.add_argument("--profession", default="", help="shown on signed plans")
        parser.add_argument("--registration-body", default="", help="shown on signed plans")
        parser.add_argument("--registration-number", default="", help="shown on signed plans")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )
        parser.add_argument("--operator", default=None, help=OPERATOR_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        password = (
            sys.stdin.readline().rstrip("\n")
            if options["password_stdin"]
            else getpass.getpass("Password: ")
        )
        try:
            password_validation.validate_password(password, User(email=options["email"]))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        audit = command_context("createclinician", operator=options.get("operator"))
        try:
            with transaction.atomic():  # never an account without its set-up code
                user = create_clinician(
                    audit=audit,
                    email=options["email"].lower(),
                    password=password,
                    display_name=options["name"],
                    profession=options["profession"],
                    registration_body=options["registration_body"],
                    registration_number=options["registration_number"],
                )
                code = issue_enrolment_code(audit=audit, user=user)
        except EmailTaken as error:
            raise CommandError("an account with this email address already exists") from error
        self.stdout.write(f"clinician {user.pk} created")
        self.stdout.write(setup_code_instructions(code))
