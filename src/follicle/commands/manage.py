"""``follicle createclinician``, ``follicle setupcode`` and ``follicle audit verify``: Django
management commands under the one ``follicle`` command, so operators learn only one tool."""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

import django
from django.core.management import call_command
from django.core.management.base import CommandError


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "follicle.web.settings")
    django.setup()


def create_clinician(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _setup()
    options: dict[str, Any] = {
        "email": args.email,
        "name": args.name,
        "password_stdin": args.password_stdin,
    }
    try:
        call_command("createclinician", stdout=out, **options)
    except CommandError as error:
        print(f"error: {error}", file=err)
        return 1
    return 0


def setup_code(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _setup()
    try:
        call_command("setupcode", stdout=out, email=args.email)
    except CommandError as error:
        print(f"error: {error}", file=err)
        return 1
    return 0


def audit_verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _setup()
    try:
        call_command("audit_verify", stdout=out)
    except CommandError as error:
        print(str(error), file=err)
        return 1
    return 0


def register(commands: Any) -> None:
    p = commands.add_parser("createclinician", help="create a clinician account")
    p.add_argument("--email", required=True)
    p.add_argument("--name", required=True, help="name shown on signed plans")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    p.set_defaults(handler=create_clinician)
    code = commands.add_parser(
        "setupcode",
        help="a new one-time code for a clinician or admin to set up an authenticator app",
    )
    code.add_argument("--email", required=True)
    code.set_defaults(handler=setup_code)
    audit = commands.add_parser("audit", help="the audit trail")
    sub = audit.add_subparsers(dest="audit_command", required=True)
    sub.add_parser(
        "verify", help="walk the hash chain and report the first broken link"
    ).set_defaults(handler=audit_verify)
