"""The multi-step form over the questionnaire: parsing, skip logic, validation and progress.

Framework-free on purpose: the questionnaire, its skip logic and its messages come from the
knowledge data and the engine's validator, so the web form, the JSON API and the command line
apply exactly the same rules. Views only carry the session and the request in and out.

Answers are kept as raw JSON-ready values (what the API would receive). Answers to questions
hidden by skip logic are discarded here (the contract allows absent or discarded), so changing
an earlier answer never leaves a stale answer behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from follicle.engine import (
    Answers,
    CompiledItem,
    FieldError,
    compiled_items,
    validate,
    validate_value,
)
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Step

RawAnswers = dict[str, Any]
Getter = Callable[[str], list[str]]

_WHOLE_NUMBER = re.compile(
    r"^[+-]?[0-9]{1,9}$"
)  # ASCII digits only: int() also reads other scripts


def steps(knowledge: Knowledge) -> tuple[Step, ...]:
    return knowledge.questionnaire.steps


def step_by_id(knowledge: Knowledge, step_id: str) -> Step | None:
    return next((s for s in steps(knowledge) if s.id == step_id), None)


def _number(text: str) -> int | str:
    """Whole numbers become ints; anything else stays text so the validator can say why."""
    text = text.strip()
    return int(text) if _WHOLE_NUMBER.match(text) else text


def parse_step(knowledge: Knowledge, step: Step, get: Getter) -> RawAnswers:
    """The step's answers from form fields named by item id (``item.treatment`` for per-treatment
    items). Blank fields are left out; nothing is guessed."""
    values: RawAnswers = {}
    for item in step.items:
        posted = [v for v in get(item.id) if v.strip()]
        if item.type == "integer":
            if posted:
                values[item.id] = _number(posted[0])
        elif item.type == "choice":
            if posted:
                values[item.id] = posted[0]
        elif item.type == "multi":
            if posted:
                values[item.id] = list(dict.fromkeys(posted))
        elif item.type == "boolean":
            if posted:
                values[item.id] = {"yes": True, "no": False}.get(posted[0], posted[0])
        else:
            per_treatment: dict[str, Any] = {}
            for treatment in knowledge.treatments:
                entered = [v for v in get(f"{item.id}.{treatment}") if v.strip()]
                if entered:
                    per_treatment[treatment] = (
                        _number(entered[0]) if item.type == "months_by_treatment" else entered[0]
                    )
            values[item.id] = per_treatment
    return values


def _visible(item: CompiledItem, typed: Mapping[str, Any]) -> bool:
    return item.visible is None or item.visible(Answers.of(typed))


def prune(knowledge: Knowledge, answers: RawAnswers) -> RawAnswers:
    """Drop answers to questions (and options) that the other answers hide, in question order."""
    kept: RawAnswers = {}
    for item in compiled_items(knowledge):
        key = item.item.id
        if key not in answers:
            continue
        so_far = _typed_prefix(knowledge, kept)
        if not _visible(item, so_far):
            continue
        value = answers[key]
        if isinstance(value, list) and item.option_visible:
            shown_so_far = Answers.of(so_far)
            value = [code for code in value if item.shows(code, shown_so_far)]
            if not value:
                continue
        kept[key] = value
    return kept


def _typed_prefix(knowledge: Knowledge, raw: RawAnswers) -> dict[str, Any]:
    """The valid answers among ``raw``, typed, for evaluating skip logic."""
    typed: dict[str, Any] = {}
    for item in compiled_items(knowledge):
        key = item.item.id
        if key not in raw:
            continue
        value = raw[key]
        if item.item.type == "multi" and isinstance(value, list):
            typed[key] = frozenset(v for v in value if isinstance(v, str))
        elif item.item.type in ("choice", "integer", "boolean"):
            typed[key] = value
        elif isinstance(value, dict):
            typed[key] = dict(value)
    return typed


def merge(knowledge: Knowledge, answers: RawAnswers, step: Step, values: RawAnswers) -> RawAnswers:
    """The answers with this step's replaced by ``values``, hidden ones discarded."""
    merged = {k: v for k, v in answers.items() if k not in {i.id for i in step.items}}
    merged.update(values)
    return prune(knowledge, merged)


def _belongs(error: FieldError, item_ids: set[str]) -> bool:
    return error.field in item_ids or error.field.split(".", 1)[0] in item_ids


def errors_for(knowledge: Knowledge, answers: RawAnswers, item_ids: set[str]) -> dict[str, str]:
    """The validator's messages for these items only (later steps are not yet answered)."""
    result = validate(answers, knowledge)
    if isinstance(result, Answers):
        return {}
    return {e.field: e.message for e in result if _belongs(e, item_ids)}


def value_errors(knowledge: Knowledge, values: RawAnswers) -> dict[str, str]:
    """The validator's messages for each value judged on its own (see ``validate_value``)."""
    return {
        e.field: e.message
        for key, value in values.items()
        for e in validate_value(key, value, knowledge)
    }


def visible_item_ids(knowledge: Knowledge, answers: RawAnswers) -> list[str]:
    """Questions that apply given the answers so far (unanswered skip logic counts as shown)."""
    typed = _typed_prefix(knowledge, answers)
    current = Answers.of(typed)
    return [
        item.item.id
        for item in compiled_items(knowledge)
        if item.visible is None
        or any(d not in typed for d in item.depends_on)
        or item.visible(current)
    ]


@dataclass(frozen=True, slots=True)
class Progress:
    position: int  # questions before this step
    total: int  # questions that apply as far as we know
    step_number: int
    step_count: int


def progress(knowledge: Knowledge, answers: RawAnswers, step: Step) -> Progress:
    shown = visible_item_ids(knowledge, answers)
    order = [s.id for s in steps(knowledge)]
    before = {i.id for s in steps(knowledge)[: order.index(step.id)] for i in s.items}
    return Progress(
        position=len([i for i in shown if i in before]) + 1,
        total=len(shown),
        step_number=order.index(step.id) + 1,
        step_count=len(order),
    )


def first_incomplete_step(knowledge: Knowledge, answers: RawAnswers) -> Step | None:
    """The first step with a missing or invalid answer; ``None`` when everything is answered.
    (One validation and one visibility pass for the whole questionnaire.)"""
    result = validate(answers, knowledge)
    errors = [] if isinstance(result, Answers) else result
    shown = set(visible_item_ids(knowledge, answers))
    for step in steps(knowledge):
        ids = {i.id for i in step.items}
        if any(_belongs(e, ids) for e in errors):
            return step
        if any(i.id not in answers and i.required and i.id in shown for i in step.items):
            return step
    return None
