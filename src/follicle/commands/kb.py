"""``follicle kb``: check, export, show and summarise the knowledge data."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from follicle.knowledge import check_knowledge, load_knowledge
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.checker import Parsed
from follicle.knowledge.statements import StatementCounts, count_statements


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
    document["clinic_questions"] = knowledge.clinic_questions.model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    return document


def statement_counts(knowledge: Knowledge) -> StatementCounts:
    """The counts ``kb check`` prints (and the README quotes; a test keeps them equal)."""
    return count_statements(Parsed.of(knowledge).models(), knowledge.references)


def check(_: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge, problems = check_knowledge()
    if problems or knowledge is None:
        for problem in problems:
            print(problem, file=err)
        print(f"{len(problems)} problem(s) found.", file=err)
        return 1
    print(f"knowledge data OK (version {knowledge.version[:12]})", file=out)
    counts = statement_counts(knowledge)
    print(f"{counts.total} statements", file=out)
    print(f"{counts.unverified} statements marked unverified", file=out)
    print(f"{counts.secondary_only} statements supported only by secondary sources", file=out)
    refs = knowledge.references.values()
    excepted = sum(1 for r in refs if r.metadata_exception is not None)
    print(f"{len(refs)} references, {excepted} with a stated metadata exception", file=out)
    return 0


def summary(_: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    knowledge = load_knowledge()
    print(f"Knowledge version {knowledge.version}", file=out)
    for kind, entries in knowledge.kinds().items():
        print(f"  {kind.replace('_', ' ')}: {len(entries)}", file=out)
    print("Treatments (id, certainty, US status, default tier):", file=out)
    for t in knowledge.treatments.values():
        print(
            f"  {t.id:22} {t.evidence.certainty:9} {t.regulatory.us_status:30} {t.default_tier}",
            file=out,
        )
    return 0


def export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    document = export_document(load_knowledge())
    json.dump(document, out, ensure_ascii=False, indent=2 if args.pretty else None)
    out.write("\n")
    return 0


def show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    found = load_knowledge().find(args.id)
    if not found:
        print(f"no entry with id {args.id!r}", file=err)
        return 2
    kind, entry = found[0]
    document = {"kind": kind, **entry.model_dump(mode="json", by_alias=True, exclude_none=True)}
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def register(commands: Any) -> None:
    kb = commands.add_parser("kb", help="check, export and inspect the knowledge data")
    sub = kb.add_subparsers(dest="kb_command", required=True)
    sub.add_parser("check", help="validate every file; list every problem at once").set_defaults(
        handler=check
    )
    sub.add_parser("summary", help="counts and a line per treatment").set_defaults(handler=summary)
    p = sub.add_parser("export", help="the whole knowledge data as one JSON document")
    p.add_argument(
        "--json", action="store_true", required=True, help="JSON output (the only format)"
    )
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(handler=export)
    p = sub.add_parser("show", help="one entry by id, as JSON")
    p.add_argument("id", help="an id, or KIND/ID (articles/finasteride) where an article shares it")
    p.set_defaults(handler=show)
