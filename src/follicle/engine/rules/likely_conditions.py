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
    for order, compiled_condition in enumerate(data.conditions):
        condition = compiled_condition.condition
        counts = {"strong": 0, "supporting": 0, "against": 0}
        reasons: list[str] = []
        rules: list[str] = []
        citations: dict[str, None] = {}
        reads: dict[str, None] = {}
        for n, signal, holds in compiled_condition.signals:
            if not holds(answers):
                continue
            signal_reads = signal.when.items()
            rules.append(trace.fire(f"condition.{condition.id}.signal.{n}", signal_reads))
            counts[signal.strength] += 1
            reasons.append(signal.reason)
            citations.update(dict.fromkeys(signal.citations))
            reads.update(dict.fromkeys(signal_reads))
        for_it = counts["strong"] + counts["supporting"]
        if for_it == 0:
            continue
        likely = (counts["strong"] >= 1 or counts["supporting"] >= 2) and counts["against"] == 0
        likelihood: Likelihood = "likely" if likely else "possible"
        trace.fire(f"condition.{condition.id}.{likelihood}", tuple(reads))
        citations.update(dict.fromkeys(condition.citations))
        weighed.append(
            Weighed(
                result=LikelyCondition(
                    id=condition.id,
                    name=condition.plain_name,
                    likelihood=likelihood,
                    reasons=tuple(reasons),
                    reason_rules=tuple(rules),
                    suggested_checks=condition.checks,
                    citations=tuple(citations),
                ),
                strong=counts["strong"],
                supporting=counts["supporting"],
                against=counts["against"],
                order=order,
                reads=tuple(reads),
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
