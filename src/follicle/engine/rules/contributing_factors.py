"""Contributing factors: what in the answers may cause or worsen the loss, and what to check."""

from __future__ import annotations

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge
from follicle.engine.result import ContributingFactorOut
from follicle.engine.trace import Trace
from follicle.engine.wording import stated

PRESCRIBER_REMINDER = (
    "Never stop or change a prescribed medicine without talking to the person who prescribed it."
)


def find_contributing_factors(
    data: CompiledKnowledge, answers: Answers, trace: Trace
) -> tuple[ContributingFactorOut, ...]:
    found: list[ContributingFactorOut] = []
    for (factor, reads), holds in zip(data.factors, data.factor_checks(answers), strict=True):
        if not holds:
            continue
        trace.fire(f"factor.{factor.id}", reads)
        said = stated(factor.message, factor)
        message = f"{said} {PRESCRIBER_REMINDER}" if factor.prescriber_reminder else said
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
