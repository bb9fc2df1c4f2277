"""Likely conditions: weigh each condition's signals from the knowledge data.

A condition is ``likely`` when at least one strong signal, or two supporting ones, point to it
and none points away; ``possible`` when any signal points to it. Conditions with no signal for
them are left out. Order: likely first, then by strong, supporting and (fewest) against
signals, then the data's order, so the ranking is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge
from follicle.engine.result import LikelyCondition
from follicle.engine.trace import Trace
from follicle.knowledge.contract import Likelihood


@dataclass(frozen=True, slots=True)
class Weighed:
    result: LikelyCondition
    strong: int
    supporting: int
    against: int
    order: int
    reads: tuple[str, ...]


def weigh_conditions(
    data: CompiledKnowledge, answers: Answers, trace: Trace
) -> tuple[tuple[LikelyCondition, ...], dict[str, tuple[str, ...]]]:
    """The likely and possible conditions, and for each the answer items its signals read."""
    weighed: list[Weighed] = []
    holds = data.signal_checks(answers)
    for order, compiled_condition in enumerate(data.conditions):
        fired = [s for s in compiled_condition.signals if holds[s.index]]
        if not fired:
            continue
        strong = supporting = against = 0
        for s in fired:
            trace.fire(s.rule_id, s.reads)
            strength = s.signal.strength
            if strength == "strong":
                strong += 1
            elif strength == "supporting":
                supporting += 1
            else:
                against += 1
        if strong + supporting == 0:
            continue
        condition = compiled_condition.condition
        likely = (strong >= 1 or supporting >= 2) and against == 0
        likelihood: Likelihood = "likely" if likely else "possible"
        reads = tuple(dict.fromkeys(i for s in fired for i in s.reads))
        trace.fire(f"condition.{condition.id}.{likelihood}", reads)
        weighed.append(
            Weighed(
                result=LikelyCondition(
                    id=condition.id,
                    name=condition.plain_name,
                    likelihood=likelihood,
                    reasons=tuple(s.text for s in fired),
                    reason_rules=tuple(s.rule_id for s in fired),
                    suggested_checks=condition.checks,
                    citations=tuple(
                        dict.fromkeys(
                            [*(c for s in fired for c in s.signal.citations), *condition.citations]
                        )
                    ),
                ),
                strong=strong,
                supporting=supporting,
                against=against,
                order=order,
                reads=reads,
            )
        )
    weighed.sort(
        key=lambda w: (
            w.result.likelihood != "likely",
            -w.strong,
            -w.supporting,
            w.against,
            w.order,
        )
    )
    return tuple(w.result for w in weighed), {w.result.id: w.reads for w in weighed}
