"""``follicle createclinician``, ``follicle setupcode`` and ``follicle audit verify``: Django
management commands under the one ``follicle`` command, so operators learn only one tool."""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

import django
from django.core.management import call_command
from django.core.management.base import CommandError

from follicle.web.audit.context import OPERATOR_HELP


def setup_django() -> None:
    """Django with Follicle's settings (for every command that needs the web app's models)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "follicle.web.settings")
    django.setup()


def _call(
    command: str, out: TextIO, err: TextIO, *, prefix: str = "error: ", **options: Any
) -> int:
    """Run management command ``command``: 0, or 1 with its error on standard error."""
    setup_django()
    try:
        call_command(command, stdout=out, **options)
    except CommandError as error:
        print(f"{prefix}{error}", file=err)
        return 1
    return 0


def create_clinician(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _call(
        "createclinician",
        out,
        err,
        email=args.email,
        name=args.name,
        profession=args.profession,
        registration_body=args.registration_body,
        registration_number=args.registration_number,
        password_stdin=args.password_stdin,
        operator=args.operator,
    )


def setup_code(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _call("setupcode", out, err, email=args.email, operator=args.operator)


def audit_verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _call("audit_verify", out, err, prefix="")


def _operator_argument(parser: Any) -> None:
    parser.add_argument("--operator", default=None, help=OPERATOR_HELP)


def register(commands: Any) -> None:
    p = commands.add_parser("createclinician", help="create a clinician account")
    p.add_argument("--email", required=True)
    p.add_argument("--name", required=True, help="name shown on signed plans")
    p.add_argument("--profession", default="", help="shown on signed plans")
    p.add_argument("--registration-body", default="", help="shown on signed plans")
    p.add_argument("--registration-number", default="", help="shown on signed plans")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    _operator_argument(p)
    p.set_defaults(handler=create_clinician)
    code = commands.add_parser(
        "setupcode",
        help="a new one-time code for a clinician or admin to set up an authenticator app",
    )
    code.add_argument("--email", required=True)
    _operator_argument(code)
    code.set_defaults(handler=setup_code)
    audit = commands.add_parser("audit", help="the audit trail")
    sub = audit.add_subparsers(dest="audit_command", required=True)
    sub.add_parser(
        "verify", help="walk the hash chain and report the first broken link"
    ).set_defaults(handler=audit_verify)
