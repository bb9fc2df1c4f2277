"""Likely conditions: weigh each condition's signals from the knowledge data.

A condition is ``likely`` when at least one strong signal, or two supporting ones, point to it
and none points away; ``possible`` when any signal points to it. Conditions with no signal for
them are left out. Order: likely first, then by strong, supporting and (fewest) against
signals, then the data's order, so the ranking is deterministic.

The weighing itself is :func:`follicle.engine.weighing.weigh`; every pattern of holding signals
is weighed once per knowledge version in the compiled condition's table, so here the rule only
evaluates the signals, looks each condition up and orders what it found.
"""

from __future__ import annotations

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge
from follicle.engine.result import LikelyCondition
from follicle.engine.trace import Trace
from follicle.engine.weighing import Weighed, weigh


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
        table = compiled_condition.weighings
        weighing = (
            table[pattern]
            if table is not None
            else weigh(
                compiled_condition.condition,
                compiled_condition.order,
                compiled_condition.signals,
                pattern,
            )
        )
        trace.extend(weighing.fired)
        if weighing.weighed is not None:
            weighed.append(weighing.weighed)
    weighed.sort(key=lambda w: w.key)
    return tuple(w.result for w in weighed), {w.result.id: w.reads for w in weighed}
