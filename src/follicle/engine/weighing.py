"""How a condition is weighed from which of its signals hold.

A condition is ``likely`` when at least one strong signal, or two supporting ones, point to it
and none points away; ``possible`` when any signal points to it; left out when none does. The
weighing depends only on which of the condition's signals hold, and a condition has a handful
of signals, so :mod:`follicle.engine.compiled` weighs every pattern once per knowledge version
(:func:`weighing_table`) and :mod:`follicle.engine.rules.likely_conditions` only looks it up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product
from types import MappingProxyType

from follicle.engine.result import LikelyCondition
from follicle.engine.trace import Fired
from follicle.knowledge.conditions import HairCondition, Signal
from follicle.knowledge.contract import Likelihood

#: Conditions with at most this many signals have every weighing made ahead (2^10 patterns);
#: a larger one is weighed afresh each time rather than tabled.
TABLED_SIGNALS = 10


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    signal: Signal
    rule_id: str
    reads: tuple[str, ...]
    text: str  # the reason as a result shows it


@dataclass(frozen=True, slots=True)
class Weighed:
    result: LikelyCondition
    #: Sorts the conditions: likely first, more strong and supporting, fewer against, data order.
    key: tuple[bool, int, int, int, int]
    reads: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Weighing:
    """One condition weighed for one pattern of holding signals."""

    #: The rules that fired, in order, for the trace.
    fired: tuple[Fired, ...]
    #: None when no signal points to the condition (only signals against it hold).
    weighed: Weighed | None


def weigh(
    condition: HairCondition,
    order: int,
    signals: tuple[CompiledSignal, ...],
    holds: tuple[bool, ...],
) -> Weighing:
    """Weigh a condition given which of its signals hold (``holds[n]`` for signal ``n``);
    ``order`` is the condition's place in the data, the last sort key."""
    fired = [s for s, held in zip(signals, holds, strict=True) if held]
    strong = sum(s.signal.strength == "strong" for s in fired)
    supporting = sum(s.signal.strength == "supporting" for s in fired)
    against = len(fired) - strong - supporting
    trace: list[Fired] = [(s.rule_id, s.reads) for s in fired]
    if strong + supporting == 0:
        return Weighing(fired=tuple(trace), weighed=None)
    likely = (strong >= 1 or supporting >= 2) and against == 0
    likelihood: Likelihood = "likely" if likely else "possible"
    reads = tuple(dict.fromkeys(i for s in fired for i in s.reads))
    trace.append((f"condition.{condition.id}.{likelihood}", reads))
    result = LikelyCondition(
        id=condition.id,
        name=condition.plain_name,
        likelihood=likelihood,
        reasons=tuple(s.text for s in fired),
        reason_rules=tuple(s.rule_id for s in fired),
        suggested_checks=condition.checks,
        citations=tuple(
            dict.fromkeys([*(c for s in fired for c in s.signal.citations), *condition.citations])
        ),
    )
    key = (not likely, -strong, -supporting, against, order)
    return Weighing(fired=tuple(trace), weighed=Weighed(result=result, key=key, reads=reads))


def weighing_table(
    condition: HairCondition, order: int, signals: tuple[CompiledSignal, ...]
) -> Mapping[tuple[bool, ...], Weighing] | None:
    """Every pattern in which at least one signal holds, weighed; None for a condition with
    more than ``TABLED_SIGNALS`` signals."""
    if len(signals) > TABLED_SIGNALS:
        return None
    return MappingProxyType(
        {
            holds: weigh(condition, order, signals, holds)
            for holds in product((False, True), repeat=len(signals))
            if True in holds
        }
    )
