"""The checker guards the clinic questions and the topics' facts like any other data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from follicle.knowledge import Knowledge, check_knowledge


def _problems(root: Path) -> set[tuple[str, str, str]]:
    _, problems = check_knowledge(root)
    return {(p.file, p.field, p.message) for p in problems}


def test_a_question_about_an_unknown_treatment_or_reference_is_reported(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("clinic_questions.yaml", "treatments: [exosomes, prp]", "treatments: [exosomes, unicorn]")
    edit("clinic_questions.yaml", "[fda-medwatch-reporting,", "[no-such-page-2099,")
    found = _problems(knowledge_copy)
    assert any(
        f == "clinic_questions.yaml" and "treatments" in fld and "unicorn" in m
        for f, fld, m in found
    )
    assert any("unknown reference 'no-such-page-2099'" in m for _, _, m in found)


def test_advice_said_to_come_from_a_source_must_cite_it(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "clinic_questions.yaml",
        "    basis: follicle\n\nreport_title",
        "    basis: source\n\nreport_title",
    )
    assert any("must cite that source" in m for _, _, m in _problems(knowledge_copy))


def test_an_article_can_take_a_topics_fact_and_a_broken_one_is_reported(
    knowledge: Knowledge, knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    assert any("[[fact:jak_inhibitors." in a.body for a in knowledge.articles.values()), (
        "an article should use a topic's fact"
    )
    edit("topics.yaml", "    - id: baricitinib_approval\n", "    - id: baricitinib_approved\n")
    found = _problems(knowledge_copy)
    assert any(
        "[[fact:jak_inhibitors.baricitinib_approval]] points at nothing" in m for _, _, m in found
    )


def test_a_topic_id_may_not_reuse_another_entrys_id(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("topics.yaml", "- id: clascoterone\n", "- id: ferritin\n")
    found = _problems(knowledge_copy)
    assert any("'ferritin' names 2 different entries" in m for _, _, m in found)
