"""Which pages and options cite each reference (for the reference list)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.urls import reverse

from follicle.knowledge import default_knowledge
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.statements import walk
from follicle.knowledge.treatments import GuidelineStatement


@dataclass(frozen=True, slots=True)
class Citer:
    label: str
    url: str


def _cited(entry: object) -> set[str]:
    found: set[str] = set()
    for path, value in walk(entry):
        if path.endswith("citations") and isinstance(value, tuple):
            found.update(value)
        if isinstance(value, GuidelineStatement):
            found.add(value.source)
    return found


@cache
def _index(version: str) -> dict[str, tuple[Citer, ...]]:
    knowledge = default_knowledge()
    assert knowledge.version == version
    return build_index(knowledge)


def build_index(knowledge: Knowledge) -> dict[str, tuple[Citer, ...]]:
    index: dict[str, list[Citer]] = {}

    def add(entry: object, citer: Citer) -> None:
        for ref in _cited(entry):
            index.setdefault(ref, []).append(citer)

    for t in knowledge.treatments.values():
        add(
            t,
            Citer(
                f"{t.name} (treatment page and assessment option)",
                reverse("pages:treatment", args=[t.id]),
            ),
        )
    for c in knowledge.conditions.values():
        add(
            c,
            Citer(
                f"{c.plain_name} (likely condition in the assessment)", reverse("assessment:start")
            ),
        )
    for flag in knowledge.red_flags.values():
        add(flag, Citer(f"{flag.name} (red flag in the assessment)", reverse("assessment:start")))
    for factor in knowledge.contributing_factors.values():
        add(
            factor,
            Citer(
                f"{factor.name} (contributing factor in the assessment)",
                reverse("assessment:start"),
            ),
        )
    questions = knowledge.clinic_questions
    for treatment_id in sorted(questions.treatment_ids):
        treatment = knowledge.treatments.get(treatment_id)
        if treatment is None:
            continue
        citer = Citer(
            f"{treatment.name} (questions to ask a clinic)",
            reverse("pages:treatment", args=[treatment_id]) + "#clinic-questions",
        )
        add(questions.for_treatments([treatment_id]), citer)
        add(questions.report, citer)
    for a in knowledge.articles.values():
        for ref in a.cited_references():
            index.setdefault(ref, []).append(
                Citer(f"{a.title} (article)", reverse("pages:article", args=[a.slug]))
            )
    return {ref: tuple(dict.fromkeys(citers)) for ref, citers in index.items()}


def citing(knowledge: Knowledge) -> dict[str, tuple[Citer, ...]]:
    return _index(knowledge.version)
