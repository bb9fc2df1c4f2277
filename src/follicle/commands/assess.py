"""``follicle assess``: run the engine on answers from a file or standard input.

Single mode prints one result (JSON, or ``--format text``); invalid answers exit with code 2
and list every problem on standard error as ``field: message``. Batch mode reads JSON Lines
and writes one line per input line: the result, or ``{"line": n, "errors": [...]}``; it never
stops at a bad line. Blank lines are skipped.

Input that cannot be read is bad input too, never a traceback: a missing file, a folder or an
unreadable file is reported as ``file: message``; text that is not UTF-8, JSON nested deeper
than Python can parse, or a number of more digits than Python converts (4,300) as
``answers: message`` (exit 2; in batch mode an error object for that line).
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


class Unreadable(Exception):
    """The input could not be read at all (the file is missing, a folder, not allowed)."""

    def __init__(self, problem: FieldError) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _read(path: str) -> bytes:
    """The whole input, as bytes: standard input for ``-``, otherwise the file."""
    name = "standard input" if path == "-" else path
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            return stream.read() if stream is not None else sys.stdin.read().encode()
        return Path(path).read_bytes()
    except FileNotFoundError:
        problem = FieldError(name, "There is no such file.")
    except IsADirectoryError:
        problem = FieldError(name, "This is a folder; give the answers file inside it.")
    except PermissionError:
        problem = FieldError(name, "This file cannot be read: permission denied.")
    except OSError as error:
        problem = FieldError(name, f"This file cannot be read: {error.strerror or 'input error'}.")
    raise Unreadable(problem)


def _decode(data: bytes) -> tuple[str, FieldError | None]:
    """UTF-8 text (a leading byte-order mark is allowed), or what is wrong with it."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return "", FieldError(
            "answers",
            f"This is not UTF-8 text (byte {error.start + 1} cannot be read); save it as UTF-8.",
        )


def _errors_json(errors: list[FieldError]) -> list[dict[str, str]]:
    return [{"field": e.field, "message": e.message} for e in errors]


def _parse(text: str) -> tuple[Any, FieldError | None]:
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        problem = f"This is not valid JSON (line {error.lineno}, column {error.colno})."
    except RecursionError:
        problem = "The JSON is nested too deeply to read; no answer needs more than two levels."
    except ValueError:  # int() refused a number of too many digits
        limit = sys.get_int_max_str_digits()
        problem = f"A number has more than {limit:,} digits; no answer needs one that long."
    return None, FieldError("answers", problem)


def _answers(data: bytes) -> tuple[Any, FieldError | None]:
    text, problem = _decode(data)
    return (None, problem) if problem is not None else _parse(text)


def single(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    raw, problem = _answers(_read(args.file))
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
    data = _read(args.batch).removeprefix(b"\xef\xbb\xbf")  # a byte-order mark
    lines = data.split(b"\n")  # only newlines end a line (JSON may hold U+2028)
    invalid = 0
    progress = tqdm(lines, unit="answers", file=err, disable=not err.isatty())
    for number, line in enumerate(progress, start=1):
        if not line.strip():
            continue
        raw, problem = _answers(line)
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
    if not args.batch and args.file is None:
        print("give a FILE (or - for standard input), or --batch FILE.jsonl", file=err)
        return EXIT_INVALID
    try:
        return batch(args, out, err) if args.batch else single(args, out, err)
    except Unreadable as unreadable:
        print(unreadable.problem, file=err)
        return EXIT_INVALID


def register(commands: Any) -> None:
    p = commands.add_parser("assess", help="assess answers (JSON) and print the result")
    p.add_argument("file", nargs="?", help="answers JSON file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument(
        "--batch", metavar="FILE.jsonl", help="one answers object per line; one result per line"
    )
    p.set_defaults(handler=handle)
