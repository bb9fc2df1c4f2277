"""Schema of a treatment's effect against placebo, and of stopping, judging and duration.

Issue 9 asks for evidence people can weigh: for each treatment, the result of the best
placebo- (or sham- or vehicle-) controlled studies as numbers, outcome by outcome, with the
difference and its confidence interval when the study reports one, and how sure we are of that
one outcome. A treatment with no such trial says so in the data (``placebo_controlled: false``)
rather than by leaving the section out, so a page can never mistake a gap for a silence.

The numbers here are the sources' own. The difference between two groups' responder shares is
never typed in: the sentence writer (:mod:`follicle.knowledge.plain_effects`) computes it from
the arms, so a hand-typed "difference" cannot drift from them.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from follicle.knowledge.base import Id, Sourced, Strict, Text
from follicle.knowledge.contract import Certainty

#: What was measured. ``responders`` counts people who reached a stated result (for example no
#: further visible loss); ``person_rated`` and ``investigator_rated`` are ratings of change.
OutcomeKind = Literal["hair_count", "responders", "person_rated", "investigator_rated", "harm"]
#: What the treatment was compared with. Only the first three are placebo-type comparisons.
ComparatorKind = Literal["placebo", "vehicle", "sham", "active", "usual_care"]
PLACEBO_KINDS: frozenset[str] = frozenset({"placebo", "vehicle", "sham"})
Design = Literal["randomized_trial", "pilot_study", "meta_analysis", "label_pooled_trials"]
DurationKind = Literal["ongoing", "course", "once", "not_known"]
#: How a person gets the treatment: on a prescription, over the counter, as a device bought for
#: home use, at a clinic (a procedure), or ``not_known`` when our sources do not say.
SupplyKind = Literal["prescription", "over_the_counter", "home_device", "clinic", "not_known"]


class Arm(Strict):
    """One group of a study as the source reports it: people analysed and either how many
    reached the outcome (``events`` or ``percent``) or the average change (``mean_change``)."""

    label: Text
    n: int | None = Field(default=None, ge=1)
    events: int | None = Field(default=None, ge=0)
    percent: float | None = Field(default=None, ge=0, le=100)
    mean_change: float | None = None
    #: For a median (small or skewed studies): stated so pages never call it an average.
    median_change: float | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.events is not None and self.n is not None and self.events > self.n:
            raise ValueError(f"{self.label}: events ({self.events}) exceed n ({self.n})")
        if self.events is not None and self.n is None:
            raise ValueError(f"{self.label}: a count of events needs the group size n")
        given = [self.percent_value is not None, self.mean_change is not None]
        given.append(self.median_change is not None)
        if sum(given) != 1:
            raise ValueError(
                f"{self.label}: give exactly one of events/percent, mean_change, median_change"
            )
        return self

    @property
    def percent_value(self) -> float | None:
        """The share reaching the outcome, from ``percent`` or from ``events`` of ``n``."""
        if self.percent is not None:
            return self.percent
        if self.events is not None and self.n:
            return 100 * self.events / self.n
        return None


class Difference(Strict):
    """The difference between the arms as the source reports it, with its interval when the
    source gives one. A difference in responder shares is computed from the arms instead."""

    measure: Literal["mean_difference", "risk_difference"]
    value: float
    unit: Text
    ci_low: float | None = None
    ci_high: float | None = None

    @model_validator(mode="after")
    def _interval(self) -> Self:
        if (self.ci_low is None) != (self.ci_high is None):
            raise ValueError("a confidence interval needs both ends")
        low, high = self.ci_low, self.ci_high
        if low is not None and high is not None and not low <= self.value <= high:
            raise ValueError(
                f"the interval {low} to {high} does not contain its estimate {self.value}"
            )
        return self


class Effect(Sourced):
    """One outcome of one study (or one pooled analysis) against its comparator."""

    id: Id
    outcome: OutcomeKind
    harm: bool = False
    #: What was counted or rated, in plain words ("men with no further hair loss by hair count").
    measure: Text
    #: Unit of ``mean_change`` values, e.g. "hairs per square centimetre".
    unit: Text | None = None
    population: Text
    #: Who the sentence talks about: "men", "women", "people".
    people: Text = "people"
    #: How the sentence says they had it: "taking it", "using it", "having it".
    taking: Text = "taking it"
    #: When the outcome was measured, in the source's own unit (weeks or months), not both.
    weeks: int | None = Field(default=None, ge=1)
    months: int | None = Field(default=None, ge=1)
    comparator: ComparatorKind
    design: Design
    participants: int | None = Field(default=None, ge=1)
    #: How many trials the source pooled for this outcome ("In two 2-year trials").
    studies: int | None = Field(default=None, ge=1)
    treated: Arm | None = None
    control: Arm | None = None
    difference: Difference | None = None
    #: The result in words, for outcomes whose source gives no numbers we can show.
    finding: Text | None = None
    certainty: Certainty
    #: ``source`` when the study or review graded this outcome itself (its own GRADE rating).
    certainty_by: Literal["source", "follicle"] = "follicle"
    certainty_reason: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> Self:
        arms = (self.treated, self.control)
        if (self.treated is None) != (self.control is None):
            raise ValueError(f"{self.id}: give both arms or neither")
        if self.difference is None and self.treated is None and self.finding is None:
            raise ValueError(f"{self.id}: give the arms, a reported difference, or a finding")
        d = self.difference
        shares = [a.percent_value for a in arms if a is not None]
        if d is not None and shares and None not in shares:
            raise ValueError(
                f"{self.id}: the difference in responder shares is computed from the arms; "
                "do not type it in"
            )
        if self.weeks is not None and self.months is not None:
            raise ValueError(f"{self.id}: give the time point in weeks or in months, not both")
        numbers = self.treated is not None or self.difference is not None
        if numbers and self.design != "meta_analysis" and self.weeks is self.months is None:
            raise ValueError(f"{self.id}: numbers need the time point they were measured at")
        if any(a is not None and a.mean_change is not None for a in arms) and not self.unit:
            raise ValueError(f"{self.id}: mean changes need their unit")
        if self.harm != (self.outcome == "harm"):
            raise ValueError(f"{self.id}: harm outcomes, and only they, are marked harm: true")
        return self

    @property
    def placebo_type(self) -> bool:
        return self.comparator in PLACEBO_KINDS


class PlaceboEvidence(Sourced):
    """The treatment's effect against placebo: a summary and the outcomes behind it.

    ``placebo_controlled: false`` states in data that no placebo-, sham- or vehicle-controlled
    trial was found; ``summary`` then says what evidence does exist (for example trials against
    another treatment), and any ``outcomes`` must be of that other kind.
    """

    placebo_controlled: bool
    summary: Text
    outcomes: tuple[Effect, ...] = ()

    @model_validator(mode="after")
    def _matches(self) -> Self:
        placebo = [e for e in self.outcomes if e.placebo_type]
        if self.placebo_controlled and not placebo:
            raise ValueError("placebo_controlled: true needs at least one placebo-type outcome")
        if not self.placebo_controlled and placebo:
            raise ValueError("placebo_controlled: false, yet an outcome has a placebo comparator")
        ids = [e.id for e in self.outcomes]
        if len(ids) != len(set(ids)):
            raise ValueError(f"outcome ids repeat: {ids}")
        return self


class OnStopping(Sourced):
    """What happens when the treatment stops. ``known: false`` when no source says. The time
    over which gains are lost is said in ``text``, in the source's own unit, and only there."""

    known: bool
    text: Text


class TimeToJudge(Sourced):
    """How long to keep going before judging whether it works, in words (``text`` is the one
    place the months are given)."""

    text: Text


class Duration(Sourced):
    """How long it is taken: every day for as long as it should work, a course, or once."""

    kind: DurationKind
    text: Text


class Supply(Sourced):
    """How a person gets it (the signed plan's "how to get it"): ``kind`` decides whether the
    plan offers a prescription or sends the person to a clinic; ``text`` says it in words."""

    kind: SupplyKind
    text: Text
