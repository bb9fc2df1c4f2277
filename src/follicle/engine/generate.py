"""Random valid answers, generated from the questionnaire itself.

Used by the property tests (through Hypothesis's ``randoms()``) and by the benchmark, so both
exercise every item, code and skip-logic branch the data defines, not a hand-picked few.
"""

from __future__ import annotations

import random
from typing import Any

from follicle.engine.answers import Answers, AnswerValue
from follicle.engine.compiled import CompiledItem, compiled
from follicle.knowledge.bundle import Knowledge


def _enabled_codes(item: CompiledItem, so_far: Answers) -> list[str]:
    return [o.code for o in item.item.options if item.shows(o.code, so_far)]


def _value(
    item: CompiledItem, so_far: Answers, rng: random.Random, treatments: list[str], calm: bool
) -> tuple[Any, AnswerValue]:
    """(the JSON value, the typed value) for one visible item."""
    spec = item.item
    if spec.type == "integer":
        low, high, _ = item.range_for(so_far)
        value = (
            rng.randint(low, min(high, low + 80)) if rng.random() < 0.8 else rng.randint(low, high)
        )
        return value, value
    if spec.type == "boolean":
        flag = rng.random() < 0.5
        return flag, flag
    codes = _enabled_codes(item, so_far)
    if spec.type == "choice":
        code = rng.choice(codes)
        return code, code
    if spec.type == "multi":
        exclusive = [o.code for o in spec.options if o.exclusive and o.code in codes]
        others = [c for c in codes if c not in exclusive]
        if exclusive and rng.random() < (0.85 if calm else 0.4):
            return [exclusive[0]], frozenset(exclusive[:1])
        chosen = rng.sample(others, rng.randint(1, min(3, len(others))))
        return chosen, frozenset(chosen)
    picked = rng.sample(treatments, rng.choice((0, 0, 1, 1, 2, 3)))
    if spec.type == "months_by_treatment":
        months = {t: rng.choice((0, 3, 6, 12, 24, rng.randint(0, 600))) for t in picked}
        return months, dict(sorted(months.items()))
    outcomes = {t: rng.choice(codes) for t in picked}
    return outcomes, dict(sorted(outcomes.items()))


def random_answers(
    knowledge: Knowledge, rng: random.Random, *, calm: bool = False
) -> dict[str, Any]:
    """A complete, valid answers object (JSON-ready), chosen at random.

    ``calm`` answers "none of these" to most select-all questions, so fewer symptoms and fewer
    red flags come up: uniform choices raise a red flag in about 97 sets in 100, which leaves
    the online-plan rules rarely exercised.
    """
    data = compiled(knowledge)
    treatments = list(knowledge.treatments)
    raw: dict[str, Any] = {}
    typed: dict[str, AnswerValue] = {}
    for item in data.items:
        so_far = Answers.of(typed)
        if item.visible is not None and not item.visible(so_far):
            continue
        if not item.item.required and rng.random() < 0.3:
            continue
        raw[item.item.id], typed[item.item.id] = _value(item, so_far, rng, treatments, calm)
    return raw
