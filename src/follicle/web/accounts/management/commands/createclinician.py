"""``manage.py createclinician`` (also ``follicle createclinician``): a clinician account.

The password is read from standard input (never a command-line argument, which would end up
in shell history and process lists). The clinician adds an authenticator app at first sign-in.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from follicle.web.accounts.actions import EmailTaken, create_clinician
from follicle.web.accounts.models import User


class Command(BaseCommand):
    help = "Create a clinician account (password from standard input or a prompt)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="name shown on signed plans")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )

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
        try:
            user = create_clinician(
                email=options["email"].lower(), password=password, display_name=options["name"]
            )
        except EmailTaken as error:
            raise CommandError("an account with this email address already exists") from error
        self.stdout.write(
            f"clinician {user.pk} created; they set up their authenticator app at first sign-in"
        )
