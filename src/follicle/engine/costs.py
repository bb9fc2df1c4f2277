"""Cost over time: first year, three and five years, low and high, from the knowledge data.

The projection multiplies the treatment's basis price range by its protocol: monthly prices by
the months; per-session prices by the initial course (fewest sessions at the low price, most at
the high price) and then, from the second year, by the maintenance sessions a year that the
protocol's maintenance interval implies; one-off prices once. Every assumption is spelt out in
the result so a person can see how the number was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from follicle.engine.result import CostProjection, Money
from follicle.knowledge.treatments import Treatment
from follicle.money import money_range

HORIZONS = (1, 3, 5)


def _round(value: Fraction) -> int:
    """Whole dollars, halves rounded up (deterministic; no float drift)."""
    return int((value + Fraction(1, 2)) // 1)


@dataclass(frozen=True, slots=True)
class CostPlan:
    """A price range and a schedule: everything a cost projection needs.

    ``unit`` is ``month`` (paid every month), ``session`` (an initial course of
    ``sessions_min``..``sessions_max``, then maintenance every ``maintenance_min``..
    ``maintenance_max`` months from the second year) or ``one_off``.
    """

    low: int
    high: int
    unit: str
    sessions_min: int = 0
    sessions_max: int = 0
    maintenance_min: int | None = None
    maintenance_max: int | None = None
    #: False when treatment goes on after the first course at a cost we cannot estimate.
    later_years_known: bool = True


def project_years(plan: CostPlan, years: int) -> tuple[int, int] | None:
    """Low and high total cost after ``years`` years, or ``None`` if that is unknown."""
    if years > 1 and not plan.later_years_known:
        return None
    low, high = Fraction(plan.low), Fraction(plan.high)
    if plan.unit == "month":
        return _round(12 * years * low), _round(12 * years * high)
    if plan.unit == "one_off":
        return _round(low), _round(high)
    first = (plan.sessions_min * low, plan.sessions_max * high)
    if plan.maintenance_min is None or plan.maintenance_max is None:
        yearly = (Fraction(0), Fraction(0))
    else:
        yearly = (
            Fraction(12, plan.maintenance_max) * low,
            Fraction(12, plan.maintenance_min) * high,
        )
    return _round(first[0] + (years - 1) * yearly[0]), _round(first[1] + (years - 1) * yearly[1])


def plan_for(treatment: Treatment) -> tuple[CostPlan | None, str | None, list[str]]:
    """The treatment's cost plan from its data, or ``None`` and why; plus the assumptions."""
    basis = treatment.basis_cost
    if basis is None:
        return None, treatment.cost_gap or "No reliable price was found in our sources.", []
    protocol = treatment.protocol
    when = f"dated {basis.year}" if basis.year else "undated"
    assumptions: list[str] = [
        f"Price: {money_range(basis.low, basis.high)} per {basis.unit.replace('_', ' ')} "
        f"({basis.label}; {when})."
    ]
    if basis.unit == "month":
        assumptions.append("Used every month without a break.")
        return CostPlan(basis.low, basis.high, "month"), None, assumptions
    if basis.unit == "session":
        course = protocol.initial_sessions
        if course is None:
            return None, "The price is per session, but our sources give no number of sessions.", []
        assumptions.append(
            f"First year: an initial course of {course.min} to {course.max} sessions."
        )
        interval = protocol.maintenance_interval_months
        if interval is not None:
            assumptions.append(
                f"Later years: one maintenance session every {interval.min} to {interval.max} months."
            )
        elif protocol.maintenance:
            assumptions.append(
                "Later years: unknown. Maintenance sessions are usual, but our sources give no "
                "interval, so no total beyond the first year is estimated."
            )
        else:
            assumptions.append("Later years: our sources describe no maintenance sessions.")
        plan = CostPlan(
            basis.low,
            basis.high,
            "session",
            course.min,
            course.max,
            interval.min if interval else None,
            interval.max if interval else None,
            later_years_known=interval is not None or not protocol.maintenance,
        )
        return plan, None, assumptions
    if basis.unit in ("device", "procedure", "course"):
        assumptions.append(
            f"A one-off cost per {basis.unit}; repeats or replacements are not included."
        )
        return CostPlan(basis.low, basis.high, "one_off"), None, assumptions
    return (
        None,
        f"The price is per {basis.unit}, and the number needed varies too much to estimate.",
        [],
    )


def project_cost(treatment: Treatment) -> tuple[CostProjection | None, str | None]:
    """The projection, or ``None`` and a sentence saying why no estimate can be made."""
    plan, gap, assumptions = plan_for(treatment)
    if plan is None:
        return None, gap
    basis = treatment.basis_cost
    assert basis is not None
    totals = {n: project_years(plan, n) for n in HORIZONS}
    first = totals[1]
    assert first is not None
    three, five = totals[3], totals[5]
    return (
        CostProjection(
            currency=basis.currency,
            basis=basis.id,
            unit=basis.unit,
            first_year=Money(*first),
            three_years=Money(*three) if three else None,
            five_years=Money(*five) if five else None,
            assumptions=tuple(assumptions),
            citations=tuple(dict.fromkeys(basis.citations + treatment.protocol.citations)),
            verified=basis.verified and treatment.protocol.verified,
        ),
        None,
    )
