"""Turn answers and results into what the check-answers and result pages show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from follicle import labels
from follicle.engine import AssessmentResult, Option
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.clinic import ClinicQuestion
from follicle.knowledge.questionnaire import Item
from follicle.knowledge.treatments import Treatment
from follicle.web.assessment import flow
from follicle.web.assessment.flow import RawAnswers
from follicle.web.charts import CostRow, cost_chart, legend


@dataclass(frozen=True, slots=True)
class CheckRow:
    label: str
    answer: str
    change_url: str


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
            )
            for item in step.items
            if item.id in answers or item.id in shown
        ]
        if rows:
            sections.append((step.title, rows))
    return sections


def cost_table(knowledge: Knowledge, options: list[Option]) -> list[tuple[str, Any]]:
    """(option name, its totals by horizon, None where unknown) for each costed option."""
    return [
        (knowledge.treatments[o.treatment].short_name, o.cost.by_horizon())
        for o in options
        if o.cost is not None
    ]


def chart_rows(table: list[tuple[str, Any]]) -> list[CostRow]:
    """The chart draws the known totals only; the table says where a later cost is unknown,
    so it is never drawn as nothing more to pay."""
    return [
        CostRow(name, tuple((years, m.low, m.high) for years, m in totals if m is not None))
        for name, totals in table
    ]


#: Benefit numbers are shown only beside options the person might start. Beside an option to
#: avoid (finasteride for someone pregnant), or when every option waits for an in-person visit,
#: "83 in 100 men" would read as a push; the treatment page still has them.
EFFECTS_SHOWN_FOR = frozenset({"recommended", "consider"})


@dataclass(frozen=True, slots=True)
class OptionView:
    """An option of the result with what the page shows beside it, attached once here from the
    knowledge the presenter already holds (the engine's output names treatments only by id)."""

    option: Option
    treatment: Treatment
    #: Questions to ask a clinic (exosomes, PRP), shown whatever the status: they protect.
    clinic_questions: tuple[ClinicQuestion, ...]
    shows_effects: bool


def option_views(knowledge: Knowledge, result: AssessmentResult) -> list[OptionView]:
    online = result.route != "in_person"
    return [
        OptionView(
            option=o,
            treatment=knowledge.treatments[o.treatment],
            clinic_questions=knowledge.clinic_questions.for_treatments([o.treatment]),
            shows_effects=online and o.status in EFFECTS_SHOWN_FOR,
        )
        for o in result.options
    ]


def result_page(knowledge: Knowledge, result: AssessmentResult) -> dict[str, Any]:
    table = cost_table(knowledge, [o for o in result.options if o.status != "avoid"])
    return {
        "result": result,
        "tiers": labels.by_tier(option_views(knowledge, result), lambda v: v.option.tier),
        "chart": cost_chart(
            chart_rows(table), "Estimated cost of each option over 1, 3 and 5 years"
        ),
        "cost_table": table,
        "legend": legend(),
        "clinic": knowledge.clinic_questions,
    }
