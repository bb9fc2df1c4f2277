"""Turn answers and results into what the check-answers and result pages show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from follicle import labels
from follicle.engine import AssessmentResult
from follicle.engine.result import Option
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.contract import TIERS
from follicle.knowledge.questionnaire import Item
from follicle.web.assessment import flow
from follicle.web.assessment.flow import RawAnswers
from follicle.web.charts import YEARS, CostRow, cost_chart, legend


@dataclass(frozen=True, slots=True)
class CheckRow:
    label: str
    answer: str
    change_url: str
    field_id: str


def answer_words(item: Item, value: Any, knowledge: Knowledge) -> str:
    option_labels = {o.code: o.label for o in item.options}
    if item.type == "choice":
        return option_labels.get(value, str(value))
    if item.type == "multi":
        return "; ".join(option_labels.get(v, str(v)) for v in value)
    if item.type == "boolean":
        return "Yes" if value else "No"
    if item.type == "integer":
        return f"{value} {item.unit}" if item.unit else str(value)
    if not value:
        return "None"
    names = {t.id: t.short_name for t in knowledge.treatments.values()}
    if item.type == "months_by_treatment":
        return "; ".join(f"{names.get(k, k)}: {v} months" for k, v in value.items())
    return "; ".join(f"{names.get(k, k)}: {option_labels.get(v, v)}" for k, v in value.items())


def check_rows(knowledge: Knowledge, answers: RawAnswers) -> list[tuple[str, list[CheckRow]]]:
    """Every question the person was shown, with their answer or "Not answered" (an optional
    question left blank is still something they may want to change)."""
    sections = []
    shown = set(flow.visible_item_ids(knowledge, answers))
    for step in knowledge.questionnaire.steps:
        change = reverse("assessment:step", kwargs={"step_id": step.id}) + "?return=check"
        rows = [
            CheckRow(
                item.label,
                answer_words(item, answers[item.id], knowledge)
                if item.id in answers
                else "Not answered",
                change,
                item.id,
            )
            for item in step.items
            if item.id in answers or item.id in shown
        ]
        if rows:
            sections.append((step.title, rows))
    return sections


def cost_rows(knowledge: Knowledge, options: list[Option]) -> list[CostRow]:
    """One chart row per costed option; a horizon whose cost is unknown is left out (and the
    table says "unknown"), never drawn as nothing more to pay."""
    rows = []
    for o in options:
        if o.cost is None:
            continue
        spans = []
        for years, attr, _ in YEARS:
            money = getattr(o.cost, attr)
            if money is not None:
                spans.append((years, money.low, money.high))
        rows.append(CostRow(name=knowledge.treatments[o.treatment].short_name, spans=tuple(spans)))
    return rows


def cost_table(knowledge: Knowledge, options: list[Option]) -> list[tuple[str, list[Any]]]:
    """(option name, [Money or None for 1, 3 and 5 years]) for the table under the chart."""
    return [
        (
            knowledge.treatments[o.treatment].short_name,
            [getattr(o.cost, attr) for _, attr, _ in YEARS],
        )
        for o in options
        if o.cost is not None
    ]


def result_page(knowledge: Knowledge, result: AssessmentResult) -> dict[str, Any]:
    by_tier = [
        (tier, labels.TIER[tier], [o for o in result.options if o.tier == tier]) for tier in TIERS
    ]
    costed = [o for o in result.options if o.status != "avoid"]
    return {
        "result": result,
        "tiers": [group for group in by_tier if group[2]],
        "chart": cost_chart(
            cost_rows(knowledge, costed), "Estimated cost of each option over 1, 3 and 5 years"
        ),
        "cost_table": cost_table(knowledge, costed),
        "legend": legend(),
        "exosome_option": next(o for o in result.options if o.treatment == "exosomes"),
    }
