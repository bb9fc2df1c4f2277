"""Schema of a treatment: what it is, how it is given, what it costs, how sure we are.

One YAML file per treatment under ``knowledge/treatments/``. Every fact carries its citations;
the fields the engine reads (``placements``, ``suitability``, ``contraindications``,
``cautions``, ``cost_basis``) are coded so that no clinical threshold lives in engine code.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_validator

from follicle.knowledge.authorship import Authorship
from follicle.knowledge.base import (
    Citations,
    Id,
    IntRange,
    RefId,
    Sourced,
    SourcedText,
    Strict,
    Text,
)
from follicle.knowledge.contract import Certainty, Regulatory, Tier
from follicle.knowledge.effects import (
    Duration,
    OnStopping,
    PlaceboEvidence,
    Supply,
    TimeToJudge,
)
from follicle.knowledge.predicates import Predicate

Category = Literal[
    "topical_drug",
    "oral_drug",
    "medicated_shampoo",
    "home_device",
    "procedure",
    "biologic",
    "surgery",
]
OpenTo = Literal[
    "pills", "topicals", "home_devices", "in_office_procedures", "experimental_treatments"
]
Sex = Literal["female", "male"]
StudyType = Literal[
    "randomized_trial",
    "meta_analysis",
    "network_meta_analysis",
    "systematic_review",
    "case_series",
    "case_report",
    "pilot_study",
    "uncontrolled_trial",
    "cohort_study",
    "preclinical",
    "expert_consensus",
]
CostUnit = Literal["month", "session", "device", "procedure", "course", "graft"]
ActionKind = Literal[
    "approval",
    "otc_switch",
    "device_clearance",
    "label_change",
    "safety_notification",
    "public_safety_alert",
    "warning_letter",
    "untitled_letter",
    "petition_decision",
]


class NamedFact(SourcedText):
    """A fact with an id so pages and articles can pull it by name."""

    id: Id


class DeliveryMode(Sourced):
    id: Id
    name: Text
    description: Text


class Protocol(Sourced):
    """How the treatment is used. Ranges are what the cited sources describe, not advice."""

    summary: Text
    dosing: Text | None = None
    initial_sessions: IntRange | None = None
    interval_weeks: IntRange | None = None
    session_minutes: IntRange | None = None
    maintenance: Text | None = None
    maintenance_interval_months: IntRange | None = None


class CostRange(Sourced):
    """A price range as one source states it. ``year`` is absent for undated pages."""

    id: Id
    label: Text
    low: int = Field(ge=0)
    high: int = Field(ge=0)
    unit: CostUnit
    currency: Literal["USD"] = "USD"
    year: int | None = Field(default=None, ge=1980, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.high < self.low:
            raise ValueError(f"high ({self.high}) is below low ({self.low})")
        return self


class QualitativeCost(SourcedText):
    """A price described only in words by its source (for example the seed article)."""

    id: Id


class RegulatoryAction(Sourced):
    """A dated regulatory event: approval, clearance, label change, notification or letter."""

    date: dt.date
    date_precision: Literal["day", "month", "year"] = "day"
    kind: ActionKind
    agency: Literal["FDA"] = "FDA"
    subject: Text
    summary: Text


class RegulatoryStatus(Sourced):
    """US status for hair loss specifically (a drug approved for something else is off-label)."""

    us_status: Regulatory
    summary: Text
    actions: tuple[RegulatoryAction, ...] = ()


class KeyFinding(Sourced):
    """One study's headline result, with its design and size where the source gives them."""

    design: StudyType
    participants: int | None = Field(default=None, ge=1)
    text: Text


class Evidence(Strict):
    """How well the treatment is shown to work for pattern hair loss.

    ``certainty`` is Follicle's editorial rating in the spirit of GRADE (high, moderate, low,
    very low), resting on the cited studies; ``certainty_rationale`` says why.
    """

    certainty: Certainty
    certainty_rationale: Text
    study_types: tuple[StudyType, ...] = Field(min_length=1)
    key_findings: tuple[KeyFinding, ...] = Field(min_length=1)
    limitations: tuple[SourcedText, ...] = ()
    citations: Citations


class GuidelineStatement(Sourced):
    """What a named guideline or consensus says, paraphrased, with its strength wording."""

    source: RefId
    population: Text
    strength: Text
    statement: Text


class CodedRule(Sourced):
    """A contraindication or caution the engine can test against the answers."""

    id: Id
    when: Predicate
    message: Text


class Contraindication(CodedRule):
    """A reason not to use the option: ``avoid`` by default, or ``not_now`` when the option
    only has to wait for something (another team's decision, the scalp to settle).

    ``local`` marks one that holds only because of the scalp's state today (red, sore,
    infected): the option waits (``not_now``), and, unlike a real contraindication, a failure or
    a refusal, that is never a reason to move on to a tablet (see ``follows``).
    """

    status: Literal["avoid", "not_now"] = "avoid"
    local: bool = False

    @model_validator(mode="after")
    def _local_waits(self) -> Self:
        if self.local and self.status != "not_now":
            raise ValueError("a local contraindication only waits for the scalp: status not_now")
        return self


class Caution(CodedRule):
    """A caution shown when it holds. ``needs_clinician`` (the default) means a clinician should
    weigh it before the person starts, so the engine does not call the option ``recommended``;
    general warnings that apply to everyone set it to ``false``.
    """

    needs_clinician: bool = True


class TimeToEffect(Sourced):
    months: IntRange | None = None
    text: Text


class Placement(Sourced):
    """Which tier the option takes for the people matched by ``when`` (first match wins)."""

    when: Predicate | None = None
    tier: Tier
    reason: Text


class Suitability(Strict):
    """Who the option is meant for; outside it the engine says ``not_now`` and why."""

    sexes: tuple[Sex, ...] = Field(min_length=1)
    sex_reason: Text | None = None
    min_age: int = Field(ge=0, le=120)
    open_to: tuple[OpenTo, ...] = Field(min_length=1)
    treats: tuple[Id, ...] = Field(min_length=1)
    #: Conditions (among ``treats``) for which this is a first treatment whatever its tier for
    #: pattern loss: ketoconazole shampoo is an add-on for pattern loss but a first treatment
    #: for seborrhoeic dermatitis.
    first_choice_for: tuple[Id, ...] = ()
    citations: Citations

    @model_validator(mode="after")
    def _first_choice_is_treated(self) -> Self:
        stray = [c for c in self.first_choice_for if c not in self.treats]
        if stray:
            raise ValueError(f"first_choice_for names conditions not in treats: {stray}")
        return self


class Treatment(Strict):
    id: Id
    name: Text
    short_name: Text
    category: Category
    summary: Text
    mechanism: SourcedText
    facts: tuple[NamedFact, ...] = ()
    delivery_modes: tuple[DeliveryMode, ...] = Field(min_length=1)
    protocol: Protocol
    costs: tuple[CostRange, ...] = ()
    qualitative_costs: tuple[QualitativeCost, ...] = ()
    cost_basis: Id | None = None
    cost_gap: Text | None = None
    regulatory: RegulatoryStatus
    evidence: Evidence
    guideline_statements: tuple[GuidelineStatement, ...] = ()
    side_effects: tuple[SourcedText, ...] = ()
    contraindications: tuple[Contraindication, ...] = ()
    cautions: tuple[Caution, ...] = ()
    time_to_effect: TimeToEffect
    suitability: Suitability
    placements: tuple[Placement, ...] = Field(min_length=1)
    #: Treatments this one always ranks after, whatever the statuses (exosomes after PRP).
    ranks_after: tuple[Id, ...] = ()
    #: For a second-line option: the first-line options it usually follows; it becomes worth
    #: discussing when one of them is avoided, declined or failed for this person.
    follows: tuple[Id, ...] = ()
    #: Effect against placebo, what happens on stopping, how long before judging, how long it
    #: is taken (issue 9). Optional here so small test fixtures stay small; the checker
    #: requires them for every treatment in the real data.
    effects: PlaceboEvidence | None = None
    on_stopping: OnStopping | None = None
    time_to_judge: TimeToJudge | None = None
    duration: Duration | None = None
    #: How to get it: prescription, over the counter, home device, clinic (issue 11).
    supply: Supply | None = None
    #: Who wrote the treatment's page and who reviewed it clinically (optional here for small
    #: fixtures; the checker requires it in the real data).
    authorship: Authorship | None = None

    @model_validator(mode="after")
    def _costs_consistent(self) -> Self:
        ids = [c.id for c in self.costs]
        if self.cost_basis is None and self.costs and self.cost_gap is None:
            # Prices may be shown without being used for estimates (clinic advertising), but
            # then cost_gap must say why none of them is the basis.
            raise ValueError(
                "cost_basis must name the cost range used for estimates, "
                "or cost_gap must say why none is used"
            )
        if self.cost_basis is not None and self.cost_basis not in ids:
            raise ValueError(f"cost_basis {self.cost_basis!r} is not one of the costs {ids}")
        if not self.costs and self.cost_gap is None:
            raise ValueError("with no cost ranges, cost_gap must say why no price is given")
        if self.placements[-1].when is not None:
            raise ValueError("the last placement must have no `when` (it is the default)")
        return self

    @property
    def default_tier(self) -> Tier:
        """The tier of the default (last) placement: the treatment's tier in general, as pages
        show it; the engine places each person by the first placement that holds."""
        return self.placements[-1].tier

    @property
    def basis_cost(self) -> CostRange | None:
        return next((c for c in self.costs if c.id == self.cost_basis), None)
