"""The cost calculator's arithmetic, kept out of the view: which plan to use (a treatment's
from the data, or the numbers on the form) and the table of years, with unknown years kept
unknown."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from follicle.engine.rules.costs import CostPlan, project_years
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
