"""Schema of the hair-loss conditions the assessment can point to, and the checks they need."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from follicle.knowledge.base import Citations, Id, Sourced, SourcedText, Strict, Text
from follicle.knowledge.predicates import Predicate

SignalStrength = Literal["strong", "supporting", "against"]


class Signal(Sourced):
    """An answer pattern that makes a condition more (or less) likely, with the reason shown.

    Strengths are words, not weights: a condition is ``likely`` with a strong signal (or two
    supporting ones) and nothing against, ``possible`` with any signal for it. The engine
    documents the exact rule; the data only says which way each answer points and why.
    """

    when: Predicate
    strength: SignalStrength
    reason: Text


class Check(Sourced):
    """A test or examination a clinician may use (for example ferritin or thyroid tests)."""

    id: Id
    name: Text
    why: Text


class HairCondition(Strict):
    id: Id
    name: Text
    plain_name: Text
    summary: Text
    features: tuple[SourcedText, ...] = Field(min_length=1)
    course: SourcedText
    checks: tuple[Id, ...] = ()
    next_step: SourcedText
    signals: tuple[Signal, ...] = Field(min_length=1)
    citations: Citations
