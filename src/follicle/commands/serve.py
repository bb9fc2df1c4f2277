"""``follicle serve``: migrate the database and serve the web app (development server).

With no configuration this is SQLite under ``var/`` on 127.0.0.1:8000. For production run the
WSGI application (``follicle.web.wsgi:application``) behind a proper server; see
``docs/operations.md``.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from django.core.management import call_command

from follicle.commands.manage import setup_django


def handle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    setup_django()
    call_command("migrate", interactive=False, verbosity=0)
    if args.demo:
        call_command("loaddemo", stdout=out)
    print(f"Follicle at http://{args.host}:{args.port}/  (Ctrl+C to stop)", file=out, flush=True)
    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False)
    return 0


def register(commands: Any) -> None:
    p = commands.add_parser("serve", help="migrate and serve the web app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--demo",
        action="store_true",
        help="create demo accounts and a waiting case (development only)",
    )
    p.set_defaults(handler=handle)
