"""``follicle questionnaire``: the questionnaire as JSON, or ``--example`` answers to start from."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from follicle.engine.examples import EXAMPLE
from follicle.knowledge import default_knowledge


def handle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.example:
        document: Any = EXAMPLE
    else:
        document = default_knowledge().questionnaire.model_dump(
            mode="json", by_alias=True, exclude_none=True
        )
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def register(commands: Any) -> None:
    p = commands.add_parser(
        "questionnaire", help="print the questionnaire, or an example answers object"
    )
    p.add_argument("--example", action="store_true", help="a complete, valid answers object")
    p.set_defaults(handler=handle)
