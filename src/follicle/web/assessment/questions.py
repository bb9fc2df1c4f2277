"""What a step page shows for each question: labels, hints, choices, current values, errors.

Built from the questionnaire so the page can never ask something the data does not define.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify

from follicle.engine import Answers, CompiledItem, compiled_items
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Item, Step
from follicle.web.assessment.flow import RawAnswers, _typed_prefix


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: str
    help: str | None
    applies_when: str | None
    checked: bool
    exclusive: bool


@dataclass(frozen=True, slots=True)
class TreatmentRow:
    id: str
    name: str
    value: str
    error: str | None = None


@dataclass(slots=True)
class Question:
    id: str
    type: str
    label: str
    help: str | None
    applies_when: str | None
    required: bool
    unit: str | None
    value: str = ""
    choices: list[Choice] = field(default_factory=list)
    rows: list[TreatmentRow] = field(default_factory=list)
    error: str | None = None
    enable_when: str = ""  # JSON for the page script; empty when the server decides

    @property
    def row_errors(self) -> bool:
        return any(row.error for row in self.rows)

    @property
    def uses_fieldset(self) -> bool:
        return self.type != "integer"

    @property
    def input_kind(self) -> str:
        return {"choice": "radio", "boolean": "radio", "multi": "checkbox"}.get(
            self.type, self.type
        )


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def questions_for(
    knowledge: Knowledge, step: Step, answers: RawAnswers, shown: RawAnswers, errors: dict[str, str]
) -> list[Question]:
    """Questions of ``step`` that can apply, filled with ``shown`` (what the person entered)."""
    data = {c.item.id: c for c in compiled_items(knowledge)}
    step_ids = {i.id for i in step.items}
    earlier = _typed_prefix(knowledge, {k: v for k, v in answers.items() if k not in step_ids})
    out: list[Question] = []
    for item in step.items:
        compiled_item = data[item.id]
        same_step = item.enable_when is not None and all(
            d in step_ids for d in compiled_item.depends_on
        )
        visible = compiled_item.visible
        if visible is not None and not same_step and not visible(Answers.of(earlier)):
            continue  # decided by earlier answers: not asked
        question = Question(
            id=item.id,
            type=item.type,
            label=item.label,
            help=item.help,
            applies_when=item.applies_when if same_step else None,
            required=item.required,
            unit=item.unit,
            error=errors.get(item.id),
            enable_when=json.dumps(item.enable_when.model_dump(by_alias=True, exclude_none=True))
            if same_step and item.enable_when
            else "",
        )
        _fill(
            question,
            item,
            knowledge=knowledge,
            value=shown.get(item.id),
            earlier=earlier,
            compiled_item=compiled_item,
            errors=errors,
        )
        out.append(question)
    return out


def _fill(
    question: Question,
    item: Item,
    *,
    knowledge: Knowledge,
    value: Any,
    earlier: dict[str, Any],
    compiled_item: CompiledItem,
    errors: dict[str, str],
) -> None:
    if item.type == "boolean":
        current = {True: "yes", False: "no"}.get(value, _text(value))
        question.choices = [
            Choice("yes", "Yes", None, None, current == "yes", False),
            Choice("no", "No", None, None, current == "no", False),
        ]
    elif item.type in ("choice", "multi"):
        selected = set(value) if isinstance(value, list) else {value}
        shown_so_far = Answers.of(earlier)
        question.choices = [
            Choice(o.code, o.label, o.help, o.applies_when, o.code in selected, o.exclusive)
            for o in item.options
            if compiled_item.shows(o.code, shown_so_far)
        ]
    elif item.type in ("months_by_treatment", "outcome_by_treatment"):
        given = value if isinstance(value, dict) else {}
        question.rows = [
            TreatmentRow(t.id, t.name, _text(given.get(t.id)), errors.get(f"{item.id}.{t.id}"))
            for t in knowledge.treatments.values()
        ]
        question.choices = [Choice(o.code, o.label, None, None, False, False) for o in item.options]
    else:
        question.value = _text(value)


def error_links(questions: list[Question], errors: dict[str, str]) -> list[tuple[str, str]]:
    """(anchor, message) for the error summary. Each link lands on something that takes focus
    without JavaScript: the first radio or checkbox of a group, the row's own input, or the
    text box."""
    by_id = {q.id: q for q in questions}
    links = []
    for field_name, message in errors.items():
        question = by_id.get(field_name)
        if "." in field_name:
            anchor = f"input-{slugify(field_name)}"
        elif (
            question is not None
            and question.type in ("choice", "multi", "boolean")
            and question.choices
        ):
            anchor = f"input-{question.id}-{question.choices[0].code}"
        else:
            anchor = f"field-{slugify(field_name)}"
        links.append((anchor, message))
    return links
