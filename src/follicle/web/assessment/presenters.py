"""Turn answers and results into what the check-answers and result pages show."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from follicle import labels
from follicle.engine import AssessmentResult, Criterion, Option
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


#: How many options the first screen names: enough to act on, few enough to fit a phone's screen.
FIRST_SCREEN_OPTIONS = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def first_sentence(text: str) -> str:
    """The first sentence of a treatment's summary: its one plain line on the first screen."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class TopOption:
    """One of the first screen's options: what it is in one line, and its price as the
    knowledge data gives it (per month where it is paid monthly, else per its own unit)."""

    option: Option
    short_name: str
    line: str
    price: str
    rough_price: bool


def price_words(knowledge: Knowledge, option: Option) -> tuple[str, bool]:
    """("$15 to $35 a month", verified) from the treatment's price named as the basis of its
    estimate; ("No reliable price found", True) when the data has none. Never a worked-out
    monthly figure for something not paid monthly (a device, a session)."""
    if option.cost is None:
        return "No reliable price found", True
    treatment = knowledge.treatments[option.treatment]
    basis = next(c for c in treatment.costs if c.id == option.cost.basis)
    unit = labels.PRICE_UNIT.get(basis.unit, f"per {basis.unit.replace('_', ' ')}")
    return f"{labels.money_range(basis.low, basis.high)} {unit}", basis.verified


def top_options(knowledge: Knowledge, result: AssessmentResult) -> list[TopOption]:
    """The first one to three options a person might start (recommended or worth discussing),
    in rank order; none when the route is in person."""
    if result.route == "in_person":
        return []
    chosen = [o for o in result.options if o.status in EFFECTS_SHOWN_FOR][:FIRST_SCREEN_OPTIONS]
    return [
        TopOption(
            option=o,
            short_name=knowledge.treatments[o.treatment].short_name,
            line=first_sentence(knowledge.treatments[o.treatment].summary),
            price=price,
            rough_price=not verified,
        )
        for o in chosen
        for price, verified in [price_words(knowledge, o)]
    ]


EXOSOMES = "exosomes"


@dataclass(frozen=True, slots=True)
class ExosomeAnswer:
    """The answer to "what about exosomes?" for someone who showed interest: the engine's
    status, and its criteria, those not yet true first."""

    option: Option
    not_yet: tuple[Criterion, ...]
    already: tuple[Criterion, ...]


def shows_interest_in_exosomes(answers: RawAnswers) -> bool:
    """Open to experimental treatment, or has used or tried exosomes."""
    open_to = answers.get("open_to") or []
    used = {**(answers.get("current_treatments") or {}), **(answers.get("tried_before") or {})}
    return "experimental_treatments" in open_to or EXOSOMES in used


def exosome_answer(result: AssessmentResult, answers: RawAnswers) -> ExosomeAnswer | None:
    if result.route == "in_person" or not shows_interest_in_exosomes(answers):
        return None
    option = next((o for o in result.options if o.treatment == EXOSOMES), None)
    if option is None:
        return None
    criteria = result.exosome_criteria
    return ExosomeAnswer(
        option=option,
        not_yet=tuple(c for c in criteria if not c.met),
        already=tuple(c for c in criteria if c.met),
    )


@dataclass(frozen=True, slots=True)
class BadgeKey:
    """The key to the badges the page shows: (code, label, meaning) for each value present."""

    status: tuple[tuple[str, str, str], ...]
    certainty: tuple[tuple[str, str, str], ...]
    regulatory: tuple[tuple[str, str, str], ...]


def badge_key(views: list[OptionView]) -> BadgeKey:
    options = [v.option for v in views]
    statuses = {o.status for o in options}
    certainties = {o.evidence.certainty for o in options} | {
        e.certainty
        for v in views
        if v.shows_effects and v.treatment.effects is not None
        for e in v.treatment.effects.outcomes
    }
    regulatory = {o.evidence.regulatory for o in options}

    def present(
        words: dict[str, str], means: dict[str, str], codes: AbstractSet[str]
    ) -> tuple[tuple[str, str, str], ...]:
        return tuple((c, words[c], means[c]) for c in means if c in codes)

    return BadgeKey(
        status=present(labels.STATUS, labels.STATUS_MEANS, statuses),
        certainty=present(labels.CERTAINTY, labels.CERTAINTY_MEANS, certainties),
        regulatory=present(labels.REGULATORY, labels.REGULATORY_MEANS, regulatory),
    )


def result_page(
    knowledge: Knowledge, result: AssessmentResult, answers: RawAnswers | None = None
) -> dict[str, Any]:
    """Everything the result page shows. The route decides the page: an in-person result has
    no plan, no cost chart and no review offer, only links to read after the appointment."""
    online = result.route != "in_person"
    table = (
        cost_table(knowledge, [o for o in result.options if o.status != "avoid"]) if online else []
    )
    views = option_views(knowledge, result)
    return {
        "result": result,
        "online": online,
        "top_options": top_options(knowledge, result),
        "exosome_answer": exosome_answer(result, answers or {}),
        "options": views,
        "key": badge_key(views),
        "chart": cost_chart(
            chart_rows(table), "Estimated cost of each option over 1, 3 and 5 years"
        ),
        "cost_table": table,
        "legend": legend(),
        "clinic": knowledge.clinic_questions,
        "shows_clinic_report": online and any(v.clinic_questions for v in views),
    }
