"""Schema of red flags (route to in-person care) and contributing factors (what to check)."""

from __future__ import annotations

from pydantic import Field

from follicle.knowledge.base import Id, Sourced, Text
from follicle.knowledge.contract import Urgency
from follicle.knowledge.predicates import Predicate


class RedFlag(Sourced):
    """An answer pattern that means a clinician should see the person rather than an online plan."""

    id: Id
    name: Text
    urgency: Urgency
    when: Predicate
    message: Text
    bring: tuple[Text, ...] = Field(min_length=1)


class ContributingFactor(Sourced):
    """Something in the answers that can cause or worsen shedding and is worth checking."""

    id: Id
    name: Text
    when: Predicate
    message: Text
    suggested_checks: tuple[Id, ...] = ()
    prescriber_reminder: bool = False
