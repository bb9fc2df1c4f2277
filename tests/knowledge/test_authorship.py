"""kb check keeps authorship honest: every page says who wrote it, a clinical review names a
clinician and is no older than the text it reviewed, and no date is in the future."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from follicle.knowledge import check_knowledge

REVIEW = (
    "  clinical_review:\n    reviewer: {who}\n    profession: Dermatologist\n"
    "    reviewed_on: {on}\n"
)


def _found(root: Path) -> set[tuple[str, str, str]]:
    _, problems = check_knowledge(root)
    return {(p.file, p.field, p.message) for p in problems}


def _has(found: set[tuple[str, str, str]], file: str, field: str, message: str) -> bool:
    return any(f == file and field in fld and message in m for f, fld, m in found)


def test_planted_authorship_errors_are_each_reported(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    # a treatment that does not say who wrote it
    edit(
        "treatments/prp.yaml",
        "authorship:\n  written_by: Follicle evidence editors\n",
        "old_authorship:\n  written_by: Follicle evidence editors\n",
    )
    # a review older than the text it reviewed
    edit(
        "treatments/finasteride.yaml",
        "authorship:\n",
        "authorship:\n" + REVIEW.format(who="Dr Ana Example", on="2026-01-01"),
    )
    # the writing team named as its own clinical reviewer
    edit(
        "articles/minoxidil.md",
        "authorship:\n",
        "authorship:\n" + REVIEW.format(who="Follicle evidence editors", on="2026-12-04"),
    )
    # a date in the future
    edit("about.yaml", "  last_updated: 2026-12-04\n", "  last_updated: 2999-01-01\n")
    found = _found(knowledge_copy)
    assert _has(found, "treatments/prp.yaml", "old_authorship", "Extra inputs")
    assert _has(
        found,
        "treatments/finasteride.yaml",
        "clinical_review.reviewed_on",
        "have it reviewed again",
    )
    assert _has(found, "articles/minoxidil.md", "clinical_review.reviewer", "not the writing team")
    assert _has(found, "about.yaml", "authorship.last_updated", "in the future")


def test_a_page_without_authorship_is_refused(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "articles/minoxidil.md",
        "authorship:\n  written_by: Follicle evidence editors\n  last_updated: 2026-12-04\n",
        "",
    )
    found = _found(knowledge_copy)
    assert _has(found, "articles/minoxidil.md", "authorship", "say who wrote this page")


def test_a_current_review_by_a_named_clinician_passes(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/finasteride.yaml",
        "authorship:\n",
        "authorship:\n" + REVIEW.format(who="Dr Ana Example", on="2026-12-04"),
    )
    assert _found(knowledge_copy) == set()
