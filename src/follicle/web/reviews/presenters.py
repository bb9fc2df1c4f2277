"""The plan sheet: what the signed plan page, its PDF and the unreviewed result's PDF show.

One presenter for all three, so the page and the paper can never say different things. It takes
the engine's result as it was stored (``Case.result``, or ``AssessmentResult.to_dict()`` for a
result still in the visitor's session) and, for a signed plan, the clinician's decisions; it adds
from the knowledge data only what the result names by id: what to expect, when to judge it,
what happens on stopping, how to get it, the questions to ask a clinic and the references.
Every amount comes from the stored result's cost (never typed here); an unknown one stays
unknown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from follicle import labels
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.clinic import ClinicQuestion, ClinicQuestions
from follicle.knowledge.effects import OnStopping, Supply, TimeToJudge
from follicle.knowledge.references import Reference
from follicle.knowledge.treatments import TimeToEffect, Treatment
from follicle.money import money_range


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One time named in the clinician's follow-up, as a date from the signing day."""

    amount: int
    unit: str  # "week", "month" or "year"
    on: dt.date

    @property
    def words(self) -> str:
        """``in 6 months: June 2027`` (weeks to the day: ``in 6 weeks: 15 January 2027``)."""
        unit = self.unit if self.amount == 1 else f"{self.unit}s"
        when = f"{self.on.day} {self.on:%B %Y}" if self.unit == "week" else f"{self.on:%B %Y}"
        return f"in {self.amount} {unit}: {when}"


#: A number, or numbers joined by commas, "and", "or" or "to", then a unit of time:
#: "6 months", "6 and 12 months", "3, 6 and 12 months", "1 year".
_TIMES = re.compile(
    r"\b(\d{1,3}(?:\s*(?:,|and|or|&|to)\s*\d{1,3})*)\s*(weeks?|months?|years?)\b", re.I
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_dates(text: str, signed_on: dt.date) -> list[FollowUp]:
    """The times the clinician's follow-up names ("review photos at 6 and 12 months"), as dates
    counted from the day the plan was signed, in the order written, each once. A bare number
    with no unit ("6") names no time: it is shown as written, never guessed to be months."""
    found: list[FollowUp] = []
    for match in _TIMES.finditer(text):
        unit = match.group(2).lower().rstrip("s")
        for number in re.findall(r"\d+", match.group(1)):
            amount = int(number)
            if amount == 0 or amount > 120:
                continue
            if unit == "week":
                on = signed_on + dt.timedelta(weeks=amount)
            else:
                on = add_months(signed_on, amount * (12 if unit == "year" else 1))
            item = FollowUp(amount, unit, on)
            if item not in found:
                found.append(item)
    return found


@dataclass(frozen=True, slots=True)
class NumberedReference:
    number: int
    reference: Reference

    @property
    def identifiers(self) -> list[str]:
        """``DOI 10.1000/x``, ``PMID 123``, ``PMCID PMC1`` and the address, where known."""
        r = self.reference
        found = [
            f"DOI {r.doi}" if r.doi else "",
            f"PMID {r.pmid}" if r.pmid else "",
            f"PMCID {r.pmcid}" if r.pmcid else "",
        ]
        return [i for i in found if i]


class References:
    """References numbered in the order the sheet first cites them."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._all = knowledge.references
        self._numbers: dict[str, int] = {}

    def cite(self, ids: Iterable[str]) -> tuple[int, ...]:
        numbers = []
        for rid in dict.fromkeys(ids):
            if rid not in self._all:
                continue
            if rid not in self._numbers:
                self._numbers[rid] = len(self._numbers) + 1
            numbers.append(self._numbers[rid])
        return tuple(numbers)

    def listed(self) -> list[NumberedReference]:
        return [NumberedReference(n, self._all[rid]) for rid, n in self._numbers.items()]


@dataclass(frozen=True, slots=True)
class Sourced:
    """A sentence from the data with its reference numbers on this sheet."""

    text: str
    refs: tuple[int, ...]
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Cost:
    """Per month and per year in words; ``None`` where our data cannot say."""

    per_month: str | None
    per_year: str | None
    unit: str | None
    #: Why there is no amount, or what the amount leaves out.
    note: str | None
    refs: tuple[int, ...]
    verified: bool


#: How to get an option of each supply kind, in a sentence after the data's own.
HOW_TO_GET = {
    "prescription": (
        "It needs a prescription: ask this clinic for one, or take this plan to your own doctor."
    ),
    "over_the_counter": "You do not need a prescription. Tell your own doctor you use it.",
    "home_device": "You do not need a prescription. Tell your own doctor you use it.",
    "clinic": (
        "It is done at a clinic. Take this plan with you, and ask the questions below first."
    ),
    "not_known": "Ask a pharmacist or your own doctor how to get it where you live.",
}


@dataclass(frozen=True, slots=True)
class OptionSheet:
    place: int
    treatment: Treatment
    status: str
    #: The engine's status, shown when the clinician changed it.
    draft_status: str
    clinician_reason: str
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]
    reason_refs: tuple[int, ...]
    cost: Cost
    expect: Sourced
    judge: Sourced | None
    on_stopping: Sourced | None
    supply: Sourced | None
    supply_kind: str
    how_to_get: str
    clinic_questions: tuple[ClinicQuestion, ...]

    @property
    def name(self) -> str:
        return self.treatment.name

    @property
    def status_words(self) -> str:
        return labels.STATUS.get(self.status, self.status)

    @property
    def changed(self) -> bool:
        return self.status != self.draft_status


@dataclass(frozen=True, slots=True)
class PlanSheet:
    """A signed plan (``signed_by`` set) or an unreviewed result (``reviewed`` false)."""

    reviewed: bool
    route: str
    notice: str
    options: tuple[OptionSheet, ...]
    references: tuple[NumberedReference, ...]
    clinic: ClinicQuestions
    #: Every clinic question that concerns an option of the sheet, once, in the file's order.
    clinic_questions: tuple[ClinicQuestion, ...]
    version: int = 0
    signed_by: Any = None
    signed_on: dt.date | None = None
    instructions: str = ""
    follow_up: str = ""
    follow_ups: tuple[FollowUp, ...] = ()
    content_hash: str = ""
    knowledge_version: str = ""
    engine_version: str = ""
    red_flags: tuple[str, ...] = ()


def _sourced(
    item: TimeToEffect | TimeToJudge | OnStopping | Supply | None, refs: References
) -> Sourced | None:
    if item is None:
        return None
    return Sourced(item.text, refs.cite(item.citations), item.verified)


def _cost(option: dict[str, Any], refs: References) -> Cost:
    cost = option.get("cost")
    if not cost:
        note = option.get("cost_note") or "Our sources give no price."
        return Cost(None, None, None, note, (), True)
    first = cost["first_year"]
    unit = cost["unit"]
    per_year = money_range(first["low"], first["high"])
    if unit == "month":
        # The first year of a monthly price is twelve months of it (engine/costs.py), exactly.
        per_month = money_range(first["low"] // 12, first["high"] // 12)
        note = None
    else:
        per_month = None
        note = f"Not paid monthly: the price is per {unit.replace('_', ' ')}."
        if cost.get("five_years") is None:
            note += " Later years are not known."
    return Cost(
        per_month, per_year, unit, note, refs.cite(cost.get("citations", ())), cost["verified"]
    )


def plan_sheet(
    knowledge: Knowledge,
    result: dict[str, Any],
    *,
    plan: Any = None,
) -> PlanSheet:
    """The sheet for a stored result; with ``plan`` (a signed ``Plan``), its decisions and
    signature. Options come in the plan's order, or the result's rank order when unreviewed."""
    refs = References(knowledge)
    drafts = {o["treatment"]: o for o in result["options"]}
    chosen = (
        list(plan.options)
        if plan is not None
        else [
            {"treatment": o["treatment"], "status": o["status"], "order": o["rank"], "reason": ""}
            for o in result["options"]
        ]
    )
    options = []
    for place, decision in enumerate(sorted(chosen, key=lambda d: d["order"]), start=1):
        tid = decision["treatment"]
        draft = drafts.get(tid)
        treatment = knowledge.treatments.get(tid)
        if draft is None or treatment is None:
            continue
        supply = treatment.supply
        kind = supply.kind if supply else "not_known"
        options.append(
            OptionSheet(
                place=place,
                treatment=treatment,
                status=decision["status"],
                draft_status=draft["status"],
                clinician_reason=decision.get("reason", ""),
                reasons=tuple(draft["reasons"]),
                cautions=tuple(draft["cautions"]),
                reason_refs=refs.cite(draft["citations"]),
                cost=_cost(draft, refs),
                expect=Sourced(
                    treatment.time_to_effect.text,
                    refs.cite(treatment.time_to_effect.citations),
                    treatment.time_to_effect.verified,
                ),
                judge=_sourced(treatment.time_to_judge, refs),
                on_stopping=_sourced(treatment.on_stopping, refs),
                supply=_sourced(supply, refs),
                supply_kind=kind,
                how_to_get=HOW_TO_GET[kind],
                clinic_questions=knowledge.clinic_questions.for_treatments([tid]),
            )
        )
    questions = knowledge.clinic_questions.for_treatments(o.treatment.id for o in options)
    for q in questions:
        refs.cite(q.citations)
    signed_on = timezone.localtime(plan.signed_at).date() if plan is not None else None
    return PlanSheet(
        reviewed=plan is not None,
        route=result["route"],
        notice=result["notice"],
        options=tuple(options),
        references=tuple(refs.listed()),
        clinic=knowledge.clinic_questions,
        clinic_questions=questions,
        version=plan.version if plan is not None else 0,
        signed_by=plan.signed_by if plan is not None else None,
        signed_on=signed_on,
        instructions=plan.instructions if plan is not None else "",
        follow_up=plan.follow_up if plan is not None else "",
        follow_ups=tuple(follow_up_dates(plan.follow_up, signed_on))
        if plan is not None and signed_on is not None
        else (),
        content_hash=plan.content_hash if plan is not None else "",
        knowledge_version=result["knowledge_version"],
        engine_version=result["engine_version"],
        red_flags=tuple(f["message"] for f in result["red_flags"]),
    )
