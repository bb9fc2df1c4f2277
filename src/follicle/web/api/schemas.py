"""The API's own schemas: problem details, the cost calculator's question and answer, and the
JSON Schema of the contract's answers (built from the questionnaire in the knowledge data).

The result, the questionnaire, treatments and references are the engine's and the knowledge's
own types (``AssessmentResult``, ``Questionnaire``, ``Treatment``, ``Reference``): the API
documents them as they are rather than copying them into API schemas that could drift.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Item


class FieldProblem(Schema):
    field: str = Field(description="The contract id of the answer (or the field) at fault.")
    message: str


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] | None = Field(
        default=None, description="One entry per invalid field, when the input was at fault."
    )


class CostQuestion(Schema):
    """A treatment to start from, or your own numbers (a clinic's quote), and the years.

    With a treatment and no prices, the treatment's own numbers from our sources are used;
    with prices, your numbers are (the treatment's sources then apply only if the numbers are
    still its own)."""

    model_config = ConfigDict(extra="forbid")

    treatment: str | None = Field(default=None, description="A treatment id, to start from.")
    unit: Literal["month", "session", "one_off"] | None = None
    price_low: int | None = Field(default=None, ge=0, le=1_000_000)
    price_high: int | None = Field(default=None, ge=0, le=1_000_000)
    sessions_min: int | None = Field(default=None, ge=0, le=100)
    sessions_max: int | None = Field(default=None, ge=0, le=100)
    maintenance_min: int | None = Field(default=None, ge=1, le=120)
    maintenance_max: int | None = Field(default=None, ge=1, le=120)
    years: int = Field(default=5, ge=1, le=20)


class Span(Schema):
    low: int
    high: int


class CostYear(Schema):
    year: int
    that_year: Span | None = Field(description="Spent in that year; null when unknown.")
    so_far: Span | None = Field(description="Spent up to the end of that year; null when unknown.")


class CostEstimate(Schema):
    name: str
    currency: Literal["USD"] = "USD"
    treatment: str | None = Field(
        description="The treatment whose own numbers (and sources) were used, if any."
    )
    rows: list[CostYear]
    notes: list[str]
    unknown: str | None = Field(
        default=None,
        description="Why no estimate can be given (our sources name no price); rows are empty.",
    )


def _answer_schema(item: Item, treatments: list[str]) -> dict[str, Any]:
    codes = list(item.codes)
    schema: dict[str, Any]
    if item.type == "integer":
        lows = [item.minimum or 0, *(limit.minimum for limit in item.limits)]
        highs = [item.maximum or 0, *(limit.maximum for limit in item.limits)]
        schema = {"type": "integer", "minimum": min(lows), "maximum": max(highs)}
    elif item.type == "boolean":
        schema = {"type": "boolean"}
    elif item.type == "choice":
        schema = {"type": "string", "enum": codes}
    elif item.type == "multi":
        schema = {
            "type": "array",
            "items": {"type": "string", "enum": codes},
            "minItems": 1,
            "uniqueItems": True,
        }
    else:
        value: dict[str, Any] = (
            {"type": "integer", "minimum": item.minimum, "maximum": item.maximum}
            if item.type == "months_by_treatment"
            else {"type": "string", "enum": codes}
        )
        schema = {
            "type": "object",
            "properties": dict.fromkeys(treatments, value),
            "additionalProperties": False,
        }
    schema["title"] = item.label
    if item.applies_when:
        schema["description"] = f"Asked only when: {item.applies_when}"
    return schema


def answers_schema(knowledge: Knowledge) -> dict[str, Any]:
    """The contract's answers as JSON Schema: each item's type, codes and widest range.

    Skip logic, ranges narrowed by another answer and "none alone" are the engine's to judge
    (``validate``), so an answers object this schema accepts may still be refused with a 422
    naming the item; required here are only the items asked of everyone."""
    treatments = list(knowledge.treatments)
    items = knowledge.questionnaire.items
    return {
        "title": "Answers",
        "description": "The assessment contract's answers, keyed by item id.",
        "type": "object",
        "properties": {item.id: _answer_schema(item, treatments) for item in items},
        "required": [i.id for i in items if i.required and i.enable_when is None],
        "additionalProperties": False,
    }
