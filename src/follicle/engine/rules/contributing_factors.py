"""Contributing factors: what in the answers may cause or worsen the loss, and what to check."""

from __future__ import annotations

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge
from follicle.engine.result import ContributingFactorOut
from follicle.engine.trace import Trace


def find_contributing_factors(
    data: CompiledKnowledge, answers: Answers, trace: Trace
) -> tuple[ContributingFactorOut, ...]:
    found: list[ContributingFactorOut] = []
    for (factor, reads, message), holds in zip(
        data.factors, data.factor_checks(answers), strict=True
    ):
        if not holds:
            continue
        trace.fire(f"factor.{factor.id}", reads)
        found.append(
            ContributingFactorOut(
                id=factor.id,
                name=factor.name,
                message=message,
                suggested_checks=factor.suggested_checks,
                citations=factor.citations,
            )
        )
    return tuple(found)
