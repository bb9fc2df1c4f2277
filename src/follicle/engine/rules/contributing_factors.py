"""Contributing factors: what in the answers may cause or worsen the loss, and what to check.

What a factor says depends only on the data, so each is worded once per knowledge version
(:mod:`follicle.engine.compiled`); here the answers decide which of them apply.
"""

from __future__ import annotations

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge
from follicle.engine.result import ContributingFactorOut
from follicle.engine.trace import Trace


def find_contributing_factors(
    data: CompiledKnowledge, answers: Answers, trace: Trace
) -> tuple[ContributingFactorOut, ...]:
    found: list[ContributingFactorOut] = []
    for (factor, fired), holds in zip(data.factors, data.factor_checks(answers), strict=True):
        if holds:
            trace.record(fired)
            found.append(factor)
    return tuple(found)
