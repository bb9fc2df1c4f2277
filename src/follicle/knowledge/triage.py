"""Schema of red flags (route to in-person care) and contributing factors (what to check)."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from follicle.knowledge.base import Id, Sourced, Strict, Text
from follicle.knowledge.contract import Likelihood, Urgency
from follicle.knowledge.predicates import Predicate


class ConditionTrigger(Strict):
    """A condition the engine finds at one of these likelihoods.

    Some presentations are defined by a picture the condition rules already weigh from several
    answers (hair pulling, crown-centred scarring loss); a red flag that names the condition
    reuses that weighing instead of repeating its signals in a second predicate.
    """

    id: Id
    likelihood: tuple[Likelihood, ...] = Field(min_length=1)


class RedFlag(Sourced):
    """An answer pattern that means a clinician should see the person rather than an online plan.

    It holds when ``when`` holds and the ``condition`` is found as named; a flag gives at least
    one of the two, and both must hold when it gives both.
    """

    id: Id
    name: Text
    urgency: Urgency
    when: Predicate | None = None
    condition: ConditionTrigger | None = None
    message: Text
    bring: tuple[Text, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_a_test(self) -> Self:
        if self.when is None and self.condition is None:
            raise ValueError("a red flag needs `when`, `condition` or both")
        return self


class ContributingFactor(Sourced):
    """Something in the answers that can cause or worsen shedding and is worth checking."""

    id: Id
    name: Text
    when: Predicate
    message: Text
    suggested_checks: tuple[Id, ...] = ()
    prescriber_reminder: bool = False
