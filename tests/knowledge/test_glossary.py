"""The glossary: plain meanings, short sentences, cited facts, each word explained once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from follicle.knowledge import Knowledge, check_knowledge
from follicle.knowledge.glossary import MAX_SENTENCE_WORDS, sentences


def _problems(root: Path) -> set[tuple[str, str, str]]:
    _, problems = check_knowledge(root)
    return {(p.file, p.field, p.message) for p in problems}


def _has(found: set[tuple[str, str, str]], file: str, field: str, message: str) -> bool:
    return any(f == file and field in fld and message in m for f, fld, m in found)


def test_the_words_the_review_found_unexplained_are_in_the_glossary(knowledge: Knowledge) -> None:
    for term_id in (
        "off_label",
        "first_line",
        "telogen_effluvium",
        "androgenetic_alopecia",
        "ind",
        "five_alpha_reductase_inhibitor",
        "minoxidil_shedding",
        "placebo",
        "systematic_review",
    ):
        assert term_id in knowledge.glossary


def test_every_meaning_is_short_enough_to_read_at_about_nine(knowledge: Knowledge) -> None:
    for term in knowledge.glossary.values():
        for sentence in sentences(term.meaning):
            assert len(sentence.split()) <= MAX_SENTENCE_WORDS, (term.id, sentence)


def test_planted_glossary_errors_are_each_reported_at_their_field(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    # a number typed into a meaning
    edit("glossary.yaml", "Losing more hair than usual for a short time", "Losing 20% more hair")
    # a fact citing a source that does not exist
    edit("glossary.yaml", "citations: [kaufman-1998]", "citations: [nobody-2099]")
    # a fact with no source at all
    edit(
        "glossary.yaml",
        "      citations: [filbrandt-2013]\n",
        "",
    )
    # the same word explained twice
    edit("glossary.yaml", "  term: second line\n  forms: [second-line]", "  term: first line")
    # a meaning too long to read at about nine
    edit(
        "glossary.yaml",
        "A dummy treatment that looks like the real one but has no medicine in it.",
        "A dummy treatment that looks in every single way just like the real one that it is "
        "being compared with but has no medicine in it.",
    )
    # a key the schema does not know
    edit("glossary.yaml", "- id: dht\n", "- id: dht\n  reading_age: 9\n")
    found = _problems(knowledge_copy)
    assert _has(found, "glossary.yaml", "minoxidil_shedding.meaning", "may not contain a digit")
    assert _has(found, "glossary.yaml", "placebo.facts[0].citations", "unknown reference")
    assert _has(found, "glossary.yaml", "scarring_alopecia.facts[0].citations", "Field required")
    assert _has(found, "glossary.yaml", "first line", "is explained 2 times")
    assert _has(found, "glossary.yaml", "placebo.meaning", "too long")
    assert _has(found, "glossary.yaml", "reading_age", "Extra inputs are not permitted")


def test_an_article_may_only_use_a_term_the_glossary_explains(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("articles/finasteride.md", "[[term:off_label]]", "[[term:off_licence]]")
    found = _problems(knowledge_copy)
    assert _has(found, "articles/finasteride.md", "body", "[[term:off_licence]] is not in glossary")


def test_a_glossary_fact_on_an_unconfirmed_source_alone_must_be_stored_unverified(
    knowledge_copy: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "glossary.yaml",
        "citations: [kaufman-1998]",
        "citations: [finasteride-patient-info-copies]",
    )
    found = _problems(knowledge_copy)
    assert _has(found, "glossary.yaml", "placebo.facts[0]", "stored as verified")
