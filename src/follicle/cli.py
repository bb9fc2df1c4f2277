"""The ``follicle`` command (also ``python -m follicle``).

Subcommands: ``kb`` (check, export, show, summary), ``assess``, ``questionnaire``, ``serve``,
``createclinician``, ``setupcode`` and ``audit verify``. Exit codes: 0 fine, 1 the knowledge
data has problems (or an account command failed), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from follicle.commands import assess, kb, manage, questionnaire, serve


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="follicle", description="Follicle: hair-loss assessment tools."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (kb, assess, questionnaire, serve, manage):
        module.register(commands)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.handler(args, out or sys.stdout, err or sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
