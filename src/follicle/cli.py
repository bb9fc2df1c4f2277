"""The ``follicle`` command: ``follicle kb check|export|show|summary`` (more subcommands join as
the engine and the web app land). Exit codes: 0 fine, 1 the knowledge data has problems,
2 bad input or usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from follicle.knowledge import check_knowledge, load_knowledge
from follicle.knowledge.bundle import Knowledge


def export_document(knowledge: Knowledge) -> dict[str, Any]:
    """The whole knowledge data as one JSON-ready document, with its version hash."""
    document: dict[str, Any] = {"knowledge_version": knowledge.version}
    for kind, entries in knowledge.kinds().items():
        if kind == "questionnaire_items":
            continue
        document[kind] = [
            e.model_dump(mode="json", by_alias=True, exclude_none=True) for e in entries.values()
        ]
    document["questionnaire"] = knowledge.questionnaire.model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    return document


def _kb_check(_: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge, problems = check_knowledge()
    if problems:
        for problem in problems:
            print(problem, file=err)
        print(f"{len(problems)} problem(s) found.", file=err)
        return 1
    assert knowledge is not None
    print(f"knowledge data OK (version {knowledge.version[:12]})", file=out)
    return 0


def _kb_summary(_: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge = load_knowledge()
    print(f"Knowledge version {knowledge.version}", file=out)
    for kind, entries in knowledge.kinds().items():
        print(f"  {kind.replace('_', ' ')}: {len(entries)}", file=out)
    print("Treatments:", file=out)
    for t in knowledge.treatments.values():
        print(
            f"  {t.id:22} {t.evidence.certainty:9} {t.regulatory.us_status:30} "
            f"{t.placements[-1].tier}",
            file=out,
        )
    return 0


def _kb_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    document = export_document(load_knowledge())
    json.dump(document, out, ensure_ascii=False, indent=2 if args.pretty else None)
    out.write("\n")
    return 0


def _kb_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge = load_knowledge()
    found = knowledge.find(args.id)
    if not found:
        print(f"no entry with id {args.id!r}", file=err)
        return 2
    kind, entry = found[0]
    document = {"kind": kind, **entry.model_dump(mode="json", by_alias=True, exclude_none=True)}
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="follicle", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    commands = parser.add_subparsers(dest="command", required=True)

    kb = commands.add_parser("kb", help="check, export and inspect the knowledge data")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True)
    kb_commands.add_parser(
        "check", help="validate every file; list every problem at once"
    ).set_defaults(handler=_kb_check)
    kb_commands.add_parser("summary", help="counts and a line per treatment").set_defaults(
        handler=_kb_summary
    )
    export = kb_commands.add_parser("export", help="the whole knowledge data as one JSON document")
    export.add_argument(
        "--json", action="store_true", required=True, help="JSON output (the only format)"
    )
    export.add_argument("--pretty", action="store_true", help="indent the JSON")
    export.set_defaults(handler=_kb_export)
    show = kb_commands.add_parser("show", help="one entry by id, as JSON")
    show.add_argument("id")
    show.set_defaults(handler=_kb_show)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = args.handler
    result: int = handler(args, out, err)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
