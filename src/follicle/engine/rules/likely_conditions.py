"""Likely conditions: weigh each condition's signals from the knowledge data.

A condition is ``likely`` when at least one strong signal, or two supporting ones, point to it
and none points away; ``possible`` when any signal points to it. Conditions with no signal for
them are left out. Order: likely first, then by strong, supporting and (fewest) against
signals, then the data's order, so the ranking is deterministic.

How a condition is weighed depends only on which of its signals hold, and a condition has a
handful of signals; so each pattern is weighed once per knowledge version (:func:`weigh`) and
kept on the compiled condition (see ``CompiledCondition.weighings`` for the bound).
"""

from __future__ import annotations

from dataclasses import dataclass

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledCondition, CompiledKnowledge
from follicle.engine.result import LikelyCondition
from follicle.engine.trace import Fired, Trace
from follicle.knowledge.contract import Likelihood


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


def weigh(compiled_condition: CompiledCondition, holds: tuple[bool, ...]) -> Weighing:
    """Weigh a condition given which of its signals hold (``holds[n]`` for signal ``n``)."""
    fired = [s for s, held in zip(compiled_condition.signals, holds, strict=True) if held]
    strong = sum(s.signal.strength == "strong" for s in fired)
    supporting = sum(s.signal.strength == "supporting" for s in fired)
    against = len(fired) - strong - supporting
    trace: list[Fired] = [(s.rule_id, s.reads) for s in fired]
    if strong + supporting == 0:
        return Weighing(fired=tuple(trace), weighed=None)
    condition = compiled_condition.condition
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
    key = (not likely, -strong, -supporting, against, compiled_condition.order)
    return Weighing(fired=tuple(trace), weighed=Weighed(result=result, key=key, reads=reads))


def weigh_conditions(
    data: CompiledKnowledge, answers: Answers, trace: Trace
) -> tuple[tuple[LikelyCondition, ...], dict[str, tuple[str, ...]]]:
    """The likely and possible conditions, and for each the answer items its signals read."""
    weighed: list[Weighed] = []
    holds = data.signal_checks(answers)
    for compiled_condition in data.conditions:
        pattern = holds[compiled_condition.start : compiled_condition.stop]
        if True not in pattern:
            continue
        memo = compiled_condition.weighings
        weighing = memo.get(pattern) if memo is not None else None
        if weighing is None:
            weighing = weigh(compiled_condition, pattern)
            if memo is not None:
                memo[pattern] = weighing
        trace.extend(weighing.fired)
        if weighing.weighed is not None:
            weighed.append(weighing.weighed)
    weighed.sort(key=lambda w: w.key)
    return tuple(w.result for w in weighed), {w.result.id: w.reads for w in weighed}
