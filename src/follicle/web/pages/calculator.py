"""The cost calculator's arithmetic, kept out of the view: which plan to use (a treatment's
from the data, or the numbers on the form) and the table of years, with unknown years kept
unknown."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from follicle.engine import HORIZONS, CostPlan, plan_for, project_years
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.treatments import Treatment


@dataclass(frozen=True, slots=True)
class YearRow:
    year: int
    that_year: tuple[int, int] | None  # low, high spent in that year; None if unknown
    so_far: tuple[int, int] | None  # low, high in all up to that year; None if unknown


def form_values(plan: CostPlan, treatment: Treatment, years: int) -> dict[str, Any]:
    """The form fields that reproduce a treatment's plan, for the person to adjust."""
    return {
        "treatment": treatment.id,
        "loaded": treatment.id,
        "unit": plan.unit,
        "price_low": plan.low,
        "price_high": plan.high,
        "sessions_min": plan.sessions_min or None,
        "sessions_max": plan.sessions_max or None,
        "maintenance_min": plan.maintenance_min,
        "maintenance_max": plan.maintenance_max,
        "years": years,
    }


def plan_from_form(data: dict[str, Any]) -> CostPlan:
    return CostPlan(
        low=data["price_low"],
        high=data["price_high"],
        unit=data.get("unit") or "month",
        sessions_min=data.get("sessions_min") or 0,
        sessions_max=data.get("sessions_max") or 0,
        maintenance_min=data.get("maintenance_min"),
        maintenance_max=data.get("maintenance_max"),
    )


def same_numbers(plan: CostPlan, other: CostPlan) -> bool:
    """The form still holds the treatment's own numbers (so its caveats still apply). The form
    cannot say whether later years are known, so that flag is not compared."""
    return replace(other, later_years_known=plan.later_years_known) == plan


def own_numbers_notes(plan: CostPlan) -> list[str]:
    if plan.unit == "session" and plan.maintenance_min is None:
        return ["You entered no maintenance sessions, so later years cost nothing more here."]
    return []


def year_rows(plan: CostPlan, years: int) -> list[YearRow]:
    rows: list[YearRow] = []
    previous: tuple[int, int] | None = (0, 0)
    for year in range(1, years + 1):
        total = project_years(plan, year)
        spent = (
            (total[0] - previous[0], total[1] - previous[1])
            if total is not None and previous is not None
            else None
        )
        rows.append(YearRow(year, spent, total))
        previous = total
    return rows


@dataclass(frozen=True, slots=True)
class Gap:
    """A treatment our sources give no price for, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class Estimate:
    name: str
    rows: list[YearRow]
    notes: list[str]
    #: Set when the numbers are the treatment's own, from the data (its sources apply).
    treatment: Treatment | None
    #: (year, low, high) so far, for the chart: the usual horizons and the last year asked for.
    spans: tuple[tuple[int, int, int], ...]
    #: The form values to show instead of the submitted ones (a treatment was just chosen).
    prefill: dict[str, Any] | None


def estimate(
    data: dict[str, Any], knowledge: Knowledge, *, starts_from_treatment: bool
) -> Estimate | Gap:
    """The estimate for a valid cost form: a treatment's own numbers when it was just chosen,
    or when the form still holds them; otherwise the numbers on the form."""
    years = data.get("years") or 5
    chosen = knowledge.treatments.get(data.get("treatment") or "")
    plan: CostPlan | None = None
    notes: list[str] = []
    prefill: dict[str, Any] | None = None
    if chosen is not None:
        own, gap, notes = plan_for(chosen)
        if own is None:
            return Gap(chosen.name, gap or "")
        if starts_from_treatment:
            plan, prefill = own, form_values(own, chosen, years)
        elif same_numbers(own, plan_from_form(data)):
            plan = own
    from_data = plan is not None
    if plan is None:
        plan = plan_from_form(data)
        name = f"{chosen.name}, with your numbers" if chosen is not None else "Your numbers"
        notes = own_numbers_notes(plan)
    else:
        assert chosen is not None
        name = chosen.name
    rows = year_rows(plan, years)
    spans = tuple(
        (r.year, *r.so_far)
        for r in rows
        if r.so_far is not None and (r.year in HORIZONS or r.year == years)
    )
    return Estimate(name, rows, notes, chosen if from_data else None, spans, prefill)
