"""``follicle assess``: run the engine on answers from a file or standard input.

Single mode prints one result (JSON, or ``--format text``); invalid answers exit with code 2
and list every problem on standard error as ``field: message``. Batch mode reads JSON Lines
and writes one line per input line: the result, or ``{"line": n, "errors": [...]}``; it never
stops at a bad line. Blank lines are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from follicle.engine import FieldError, run
from follicle.knowledge import default_knowledge
from follicle.render.text import render_text

EXIT_INVALID = 2


def _read(path: str) -> str:
    """The whole input: standard input for ``-``, otherwise the file (UTF-8)."""
    return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")


def _errors_json(errors: list[FieldError]) -> list[dict[str, str]]:
    return [{"field": e.field, "message": e.message} for e in errors]


def _parse(text: str) -> tuple[Any, FieldError | None]:
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, FieldError(
            "answers", f"This is not valid JSON (line {error.lineno}, column {error.colno})."
        )


def single(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    raw, problem = _parse(_read(args.file))
    if problem is not None:
        print(problem, file=err)
        return EXIT_INVALID
    result = run(raw, default_knowledge())
    if isinstance(result, list):
        for error in result:
            print(error, file=err)
        return EXIT_INVALID
    out.write(render_text(result) if args.format == "text" else result.to_json() + "\n")
    return 0


def batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge = default_knowledge()
    lines = _read(args.batch).split("\n")  # only newlines end a line (JSON may hold U+2028)
    invalid = 0
    progress = tqdm(lines, unit="answers", file=err, disable=not err.isatty())
    for number, line in enumerate(progress, start=1):
        if not line.strip():
            continue
        raw, problem = _parse(line)
        result = [problem] if problem is not None else run(raw, knowledge)
        if isinstance(result, list):
            invalid += 1
            out.write(
                json.dumps({"line": number, "errors": _errors_json(result)}, ensure_ascii=False)
                + "\n"
            )
        else:
            out.write(result.to_json() + "\n")
    if invalid:
        print(f"{invalid} line(s) had invalid answers.", file=err)
    return 0


def handle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.batch:
        return batch(args, out, err)
    if args.file is None:
        print("give a FILE (or - for standard input), or --batch FILE.jsonl", file=err)
        return EXIT_INVALID
    return single(args, out, err)


def register(commands: Any) -> None:
    p = commands.add_parser("assess", help="assess answers (JSON) and print the result")
    p.add_argument("file", nargs="?", help="answers JSON file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument(
        "--batch", metavar="FILE.jsonl", help="one answers object per line; one result per line"
    )
    p.set_defaults(handler=handle)
