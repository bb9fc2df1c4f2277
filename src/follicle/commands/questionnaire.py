"""``follicle questionnaire``: the questionnaire as JSON, ``--example`` answers to start from,
or ``--generate N`` random valid answer sets as JSON lines.

Generated answers feed ``follicle assess --batch``: assessing the same seeded set before and
after an engine change, and comparing the output, shows whether the change altered any result.
"""

from __future__ import annotations

import argparse
import json
import random
from typing import Any, TextIO

from follicle.engine import EXAMPLE, random_answers
from follicle.knowledge import default_knowledge


def handle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.generate is None and (args.seed is not None or args.calm):
        print("error: --seed and --calm only apply with --generate N", file=err)
        return 2
    if args.generate is not None:
        knowledge, rng = default_knowledge(), random.Random(args.seed or 0)
        for _ in range(args.generate):
            answers = random_answers(knowledge, rng, calm=args.calm)
            out.write(json.dumps(answers, ensure_ascii=False) + "\n")
        return 0
    if args.example:
        document: Any = EXAMPLE
    else:
        document = default_knowledge().questionnaire.model_dump(
            mode="json", by_alias=True, exclude_none=True
        )
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("give a number of answer sets, 0 or more")
    return value


def register(commands: Any) -> None:
    p = commands.add_parser(
        "questionnaire",
        help="print the questionnaire, an example answers object, or generated answer sets",
    )
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--example", action="store_true", help="a complete, valid answers object")
    shown.add_argument(
        "--generate",
        type=_count,
        metavar="N",
        help="N random valid answers objects, one per line (for `follicle assess --batch`)",
    )
    p.add_argument("--seed", type=int, help="seed for --generate (same seed, same set; 0 if none)")
    p.add_argument(
        "--calm",
        action="store_true",
        help="with --generate: mostly 'none of these' symptoms, so more sets get an online plan",
    )
    p.set_defaults(handler=handle)
