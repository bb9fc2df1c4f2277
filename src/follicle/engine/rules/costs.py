"""Cost over time: first year, three and five years, low and high, from the knowledge data.

The projection multiplies the treatment's basis price range by its protocol: monthly prices by
the months; per-session prices by the initial course (fewest sessions at the low price, most at
the high price) and then, from the second year, by the maintenance sessions a year that the
protocol's maintenance interval implies; one-off prices once. Every assumption is spelt out in
the result so a person can see how the number was made.
"""

from __future__ import annotations

from fractions import Fraction

from follicle.engine.result import CostProjection, Money
from follicle.knowledge.treatments import Treatment

HORIZONS = (1, 3, 5)


def dollars(amount: int) -> str:
    """``1500`` -> ``$1,500``."""
    return f"${amount:,}"


def _round(value: Fraction) -> int:
    """Whole dollars, halves rounded up (deterministic; no float drift)."""
    return int((value + Fraction(1, 2)) // 1)


def _money(low: Fraction, high: Fraction) -> Money:
    return Money(low=_round(low), high=_round(high))


def project_cost(treatment: Treatment) -> tuple[CostProjection | None, str | None]:
    """The projection, or ``None`` and a sentence saying why no estimate can be made."""
    basis = treatment.basis_cost
    if basis is None:
        return None, treatment.cost_gap or "No reliable price was found in our sources."
    low, high = Fraction(basis.low), Fraction(basis.high)
    protocol = treatment.protocol
    assumptions: list[str] = [f"Price range: {basis.label}."]
    totals: dict[int, tuple[Fraction, Fraction]]
    if basis.unit == "month":
        totals = {n: (12 * n * low, 12 * n * high) for n in HORIZONS}
        assumptions.append("Used every month without a break.")
    elif basis.unit == "session":
        course = protocol.initial_sessions
        if course is None:
            return None, "The price is per session, but our sources give no number of sessions."
        first = (course.min * low, course.max * high)
        assumptions.append(
            f"First year: an initial course of {course.min} to {course.max} sessions."
        )
        interval = protocol.maintenance_interval_months
        if interval is not None:
            yearly = (Fraction(12, interval.max) * low, Fraction(12, interval.min) * high)
            assumptions.append(
                f"Later years: one maintenance session every {interval.min} to {interval.max} months."
            )
        else:
            yearly = (Fraction(0), Fraction(0))
            assumptions.append(
                "Later years: no maintenance cost included, because our sources give no interval."
            )
        totals = {
            n: (first[0] + (n - 1) * yearly[0], first[1] + (n - 1) * yearly[1]) for n in HORIZONS
        }
    elif basis.unit in ("device", "procedure", "course"):
        totals = dict.fromkeys(HORIZONS, (low, high))
        assumptions.append(
            f"A one-off cost per {basis.unit}; repeats or replacements are not included."
        )
    else:
        return (
            None,
            f"The price is per {basis.unit}, and the number needed varies too much to estimate.",
        )
    return (
        CostProjection(
            currency=basis.currency,
            basis=basis.id,
            unit=basis.unit,
            first_year=_money(*totals[1]),
            three_years=_money(*totals[3]),
            five_years=_money(*totals[5]),
            assumptions=tuple(assumptions),
            citations=tuple(dict.fromkeys(basis.citations + protocol.citations)),
            verified=basis.verified and protocol.verified,
        ),
        None,
    )
