"""Options: every treatment once, with its tier, status, reasons, cautions and cost.

The order of the questions asked of each treatment is the clinical order of priority:

1. *Tier* for this person, from the treatment's placements in the data (first match).
2. *Contraindications* from the data: any that holds makes the status ``avoid``.
3. *In-person route*: with a red flag nothing else is offered; every option is ``not_now``.
4. *Suitability*: sex, age, the conditions it treats, and what the person is open to.
5. *History*: stopped for side effects or no benefit means ``not_now`` until a clinician
   reviews it; current use is noted.
6. *Tier to status*: first line is ``recommended``; second line is ``consider`` once a first-line
   option is unavailable, unsuitable or failed; adjuncts are ``consider`` alongside first-line
   treatment; in-office options are ``consider`` once the person is on, or has tried, a
   first- or second-line treatment; experimental options follow the exosome criteria.
7. *Cautions* that hold turn ``recommended`` into ``consider`` (discuss with a clinician).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge, CompiledTreatment
from follicle.engine.result import CostProjection, Criterion, Option
from follicle.engine.rules.costs import dollars
from follicle.engine.trace import Trace
from follicle.knowledge.contract import Route, Status, Tier
from follicle.knowledge.treatments import Caution

OPEN_TO_WORDS = {
    "pills": "tablets",
    "topicals": "scalp liquids or foams",
    "home_devices": "home devices",
    "in_office_procedures": "clinic procedures",
    "experimental_treatments": "experimental treatments",
}

EVIDENCE_BASED_TIERS: tuple[Tier, ...] = ("first_line", "second_line")


@dataclass(frozen=True, slots=True)
class Person:
    """The few answers the option rules consult again and again, read once per assessment."""

    sex: str | None
    age: int
    open_to: frozenset[str]
    months: Mapping[str, int]
    tried: Mapping[str, str]
    budget: int | None

    @classmethod
    def of(cls, answers: Answers) -> Person:
        return cls(
            sex=answers.choice("sex"),
            age=answers.number("age") or 0,
            open_to=answers.codes("open_to"),
            months=answers.months(),
            tried=answers.tried(),
            budget=answers.number("monthly_budget_usd"),
        )


@dataclass(slots=True)
class Draft:
    """An option while the rules are still deciding it."""

    compiled: CompiledTreatment
    tier: Tier
    status: Status | None = None
    reasons: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    # Avoided, unsuitable, not wanted, or failed before: not available to this person now.
    blocked: bool = False
    # Meant for this person's sex and age at all (finasteride is not, for a woman).
    applicable: bool = True

    @property
    def id(self) -> str:
        return self.compiled.treatment.id

    def because(self, rule: str, reason: str) -> None:
        self.rules.append(rule)
        self.reasons.append(reason)

    def cite(self, refs: tuple[str, ...]) -> None:
        self.citations.extend(refs)

    def option(self, rank: int) -> Option:
        """The finished option, once the ranking rule has placed it."""
        compiled = self.compiled
        assert self.status is not None
        return Option(
            treatment=compiled.treatment.id,
            name=compiled.treatment.name,
            tier=self.tier,
            status=self.status,
            rank=rank,
            evidence=compiled.evidence,
            reasons=tuple(self.reasons),
            reason_rules=tuple(self.rules),
            cautions=tuple(self.cautions),
            citations=tuple(dict.fromkeys(self.citations + list(compiled.citations))),
            cost=compiled.cost,
            cost_note=compiled.cost_note,
        )


def _place(compiled_treatment: CompiledTreatment, answers: Answers, trace: Trace) -> Draft:
    for rule_id, placement, holds, reads in compiled_treatment.placements:
        if holds is None or holds(answers):
            draft = Draft(compiled=compiled_treatment, tier=placement.tier)
            draft.because(trace.fire(rule_id, reads), placement.reason)
            draft.cite(placement.citations)
            return draft
    raise AssertionError("the checker guarantees a default placement")  # pragma: no cover


def _contraindications(draft: Draft, fired: tuple[bool, ...], trace: Trace) -> None:
    for compiled_rule in draft.compiled.contraindications:
        if fired[compiled_rule.index]:
            draft.status = "avoid"
            draft.because(
                trace.fire(compiled_rule.rule_id, compiled_rule.reads), compiled_rule.rule.message
            )
            draft.cite(compiled_rule.rule.citations)


def _cautions(draft: Draft, fired: tuple[bool, ...], trace: Trace) -> bool:
    """Add every caution that holds; True if one of them needs a clinician's view first."""
    needs_clinician = False
    for compiled_rule in draft.compiled.cautions:
        if fired[compiled_rule.index]:
            rule = compiled_rule.rule
            assert isinstance(rule, Caution)
            needs_clinician = needs_clinician or rule.needs_clinician
            trace.fire(compiled_rule.rule_id, compiled_rule.reads)
            draft.cautions.append(rule.message)
            draft.cite(rule.citations)
    return needs_clinician


def _suitability(
    draft: Draft, person: Person, identified: dict[str, tuple[str, ...]], trace: Trace
) -> None:
    """Mark the draft ``not_now`` (and blocked) if it is not meant for this person."""
    treatment = draft.compiled.treatment
    suitability = treatment.suitability
    sex = person.sex
    if sex not in suitability.sexes:
        reason = suitability.sex_reason or f"It is not used for people whose sex at birth is {sex}."
        draft.because(trace.fire(f"option.{draft.id}.suitability.sex", ("sex",)), reason)
        draft.cite(suitability.citations)
        draft.status, draft.blocked = "not_now", True
    if person.age < suitability.min_age:
        draft.because(
            trace.fire(f"option.{draft.id}.suitability.age", ("age",)),
            f"It is meant for people aged {suitability.min_age} or over.",
        )
        draft.status, draft.blocked = "not_now", True
    treated = [c for c in suitability.treats if c in identified]
    if not treated and draft.tier != "experimental":
        reads = tuple(dict.fromkeys(i for r in identified.values() for i in r))
        draft.because(
            trace.fire(f"option.{draft.id}.suitability.condition", reads),
            "It treats kinds of hair loss that your answers do not point to.",
        )
        draft.status, draft.blocked = "not_now", True
    if draft.tier != "experimental":
        missing = [kind for kind in suitability.open_to if kind not in person.open_to]
        if missing:
            words = " or ".join(OPEN_TO_WORDS[m] for m in missing)
            draft.because(
                trace.fire(f"option.{draft.id}.preference.open_to", ("open_to",)),
                f"You said you would rather not use {words}.",
            )
            draft.status, draft.blocked = "not_now", True


def _history(draft: Draft, person: Person, trace: Trace) -> None:
    treatment = draft.compiled.treatment
    outcome = person.tried.get(draft.id)
    if outcome == "side_effects":
        draft.because(
            trace.fire(f"option.{draft.id}.history.side_effects", ("tried_before",)),
            "You stopped it because of side effects. A clinician can say whether another dose or form might suit you.",
        )
        draft.status, draft.blocked = "not_now", True
    elif outcome == "no_benefit":
        draft.because(
            trace.fire(f"option.{draft.id}.history.no_benefit", ("tried_before",)),
            "You tried it before without benefit. A clinician can check whether it was used long enough: "
            + treatment.time_to_effect.text,
        )
        draft.cite(treatment.time_to_effect.citations)
        draft.status, draft.blocked = "not_now", True
    elif outcome == "helped":
        draft.because(
            trace.fire(f"option.{draft.id}.history.helped", ("tried_before",)),
            "You said it helped when you used it before.",
        )
    months = person.months.get(draft.id)
    if months is not None:
        draft.because(
            trace.fire(f"option.{draft.id}.history.current", ("current_treatments",)),
            f"You are using it now ({months} months without a break).",
        )


def _status_from_tier(
    draft: Draft,
    *,
    person: Person,
    first_line_gap: bool,
    on_evidence_based: bool,
    criteria: tuple[Criterion, ...],
    trace: Trace,
) -> None:
    rule = f"option.{draft.id}.tier.{draft.tier}"
    using_now = draft.id in person.months
    if draft.tier == "first_line":
        draft.status = "recommended"
        draft.because(
            trace.fire(rule),
            "It is a first-line treatment with strong evidence for people like you.",
        )
    elif draft.tier == "second_line":
        if first_line_gap or using_now:
            draft.status = "consider"
            draft.because(
                trace.fire(
                    f"{rule}.first_line_unavailable",
                    ("tried_before", "open_to", "current_treatments"),
                ),
                "A first-line option is not suitable for you, not wanted or has not worked, so this is worth discussing with a clinician.",
            )
        else:
            draft.status = "not_now"
            draft.because(
                trace.fire(f"{rule}.after_first_line"),
                "It is usually tried after first-line treatment, if that does not work or does not suit you.",
            )
    elif draft.tier == "adjunct":
        draft.status = "consider"
        draft.because(
            trace.fire(rule),
            "It can be added alongside a first-line treatment, not instead of one.",
        )
    elif draft.tier == "in_office":
        if on_evidence_based or using_now:
            draft.status = "consider"
            draft.because(
                trace.fire(
                    f"{rule}.after_medical_treatment", ("current_treatments", "tried_before")
                ),
                "You are on, or have tried, proven medical treatment, so an in-office option can be discussed.",
            )
        else:
            draft.status = "not_now"
            draft.because(
                trace.fire(
                    f"{rule}.medical_treatment_first", ("current_treatments", "tried_before")
                ),
                "Proven, cheaper medical treatment comes first; in-office options are added once that is under way.",
            )
    elif any(not c.met for c in criteria):
        draft.status = "not_now"  # the unmet criteria are given as reasons in decide_options
    else:
        draft.status = "consider"
        draft.because(
            trace.fire(f"{rule}.all_criteria_met"),
            "Every published criterion holds, so it may be considered as an experimental add-on, "
            "ideally within a trial. It is not an established treatment.",
        )


def decide_options(
    data: CompiledKnowledge,
    *,
    answers: Answers,
    route: Route,
    identified: dict[str, tuple[str, ...]],
    criteria: tuple[Criterion, ...],
    trace: Trace,
) -> list[Draft]:
    """Every treatment once, decided but not yet ranked; ranking is the next rule."""
    drafts = [_place(ct, answers, trace) for ct in data.treatments]
    person = Person.of(answers)
    fired = data.rule_checks(answers)
    for draft in drafts:
        suitability = draft.compiled.treatment.suitability
        draft.applicable = person.sex in suitability.sexes and person.age >= suitability.min_age
        if draft.compiled.contraindications:
            _contraindications(draft, fired, trace)
        if draft.status == "avoid":
            draft.blocked = True
            continue
        if route == "in_person":
            draft.status = "not_now"
            draft.because(
                trace.fire(f"option.{draft.id}.in_person_first"),
                "A clinician should see you in person before any treatment is chosen.",
            )
            continue
        _suitability(draft, person, identified, trace)
        _history(draft, person, trace)

    if route == "online_plan":
        # A gap: a first-line option meant for this person is avoided, declined or has failed.
        first_line_gap = any(d.blocked and d.applicable for d in drafts if d.tier == "first_line")
        evidence_based = {d.id for d in drafts if d.tier in EVIDENCE_BASED_TIERS}
        on_evidence_based = any(t in evidence_based for t in (*person.months, *person.tried))
        for draft in drafts:
            if draft.status is None:
                _status_from_tier(
                    draft,
                    person=person,
                    first_line_gap=first_line_gap,
                    on_evidence_based=on_evidence_based,
                    criteria=criteria,
                    trace=trace,
                )

    for draft in drafts:
        _finish(draft, criteria=criteria, fired=fired, person=person, trace=trace)
    return drafts


def _finish(
    draft: Draft,
    *,
    criteria: tuple[Criterion, ...],
    fired: tuple[bool, ...],
    person: Person,
    trace: Trace,
) -> None:
    """Reasons that apply whatever decided the status: exosome criteria, cautions, budget."""
    if draft.tier == "experimental" and draft.status != "consider":
        # One reason per unmet criterion, whatever else decided the status.
        for criterion in criteria:
            if not criterion.met:
                draft.because(f"exosomes.criterion.{criterion.id}.unmet", criterion.reason)
    needs_clinician = bool(draft.compiled.cautions) and _cautions(draft, fired, trace)
    if needs_clinician and draft.status == "recommended":
        draft.status = "consider"
        draft.because(
            trace.fire(f"option.{draft.id}.caution.discuss"),
            "Something in your answers needs a clinician's view before you start it (see the cautions).",
        )
    if person.budget is not None:
        _budget(draft, person.budget, draft.compiled.cost, trace)


def _budget(draft: Draft, budget: int, cost: CostProjection | None, trace: Trace) -> None:
    """Say so when even the low end of the first year is above the monthly budget given.

    Cost never changes the status (safety and evidence decide that); it is shown so that
    "when the math works" is visible.
    """
    if cost is None:
        return
    monthly_low = cost.first_year.low / 12
    if monthly_low > budget:
        draft.because(
            trace.fire(f"option.{draft.id}.budget.over", ("monthly_budget_usd",)),
            f"Even at the low end it comes to about {dollars(round(monthly_low))} a month in the first "
            f"year, more than the {dollars(budget)} a month you said you could spend.",
        )
