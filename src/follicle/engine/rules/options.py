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

from dataclasses import dataclass, field

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge, CompiledTreatment
from follicle.engine.result import CostProjection, Criterion, Evidence, Option
from follicle.engine.rules.costs import dollars, project_cost
from follicle.engine.trace import Trace
from follicle.knowledge.contract import Route, Status, Tier

OPEN_TO_WORDS = {
    "pills": "tablets",
    "topicals": "scalp liquids or foams",
    "home_devices": "home devices",
    "in_office_procedures": "clinic procedures",
    "experimental_treatments": "experimental treatments",
}

EVIDENCE_BASED_TIERS: tuple[Tier, ...] = ("first_line", "second_line")


@dataclass(slots=True)
class Draft:
    """An option while the rules are still deciding it."""

    compiled: CompiledTreatment
    tier: Tier
    status: Status | None = None
    reasons: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    citations: dict[str, None] = field(default_factory=dict)
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

    def cite(self, *refs: str) -> None:
        self.citations.update(dict.fromkeys(refs))


def _place(compiled_treatment: CompiledTreatment, answers: Answers, trace: Trace) -> Draft:
    treatment = compiled_treatment.treatment
    for n, placement, holds in compiled_treatment.placements:
        if holds is None or holds(answers):
            reads = placement.when.items() if placement.when is not None else ()
            draft = Draft(compiled=compiled_treatment, tier=placement.tier)
            draft.because(
                trace.fire(f"option.{treatment.id}.placement.{n}", reads), placement.reason
            )
            draft.cite(*placement.citations)
            return draft
    raise AssertionError("the checker guarantees a default placement")  # pragma: no cover


def _contraindications(draft: Draft, answers: Answers, trace: Trace) -> None:
    for rule, holds in draft.compiled.contraindications:
        if holds(answers):
            draft.status = "avoid"
            draft.because(
                trace.fire(f"option.{draft.id}.contraindication.{rule.id}", rule.when.items()),
                rule.message,
            )
            draft.cite(*rule.citations)


def _cautions(draft: Draft, answers: Answers, trace: Trace) -> bool:
    """Add every caution that holds; True if one of them needs a clinician's view first."""
    needs_clinician = False
    for rule, holds in draft.compiled.cautions:
        if holds(answers):
            needs_clinician = needs_clinician or rule.needs_clinician
            trace.fire(f"option.{draft.id}.caution.{rule.id}", rule.when.items())
            draft.cautions.append(rule.message)
            draft.cite(*rule.citations)
    return needs_clinician


def _suitability(
    draft: Draft, answers: Answers, identified: dict[str, tuple[str, ...]], trace: Trace
) -> None:
    """Mark the draft ``not_now`` (and blocked) if it is not meant for this person."""
    treatment = draft.compiled.treatment
    suitability = treatment.suitability
    sex = answers.choice("sex")
    if sex not in suitability.sexes:
        reason = suitability.sex_reason or f"It is not used for people whose sex at birth is {sex}."
        draft.because(trace.fire(f"option.{draft.id}.suitability.sex", ("sex",)), reason)
        draft.cite(*suitability.citations)
        draft.status, draft.blocked = "not_now", True
    age = answers.number("age")
    if age is not None and age < suitability.min_age:
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
        open_to = answers.codes("open_to")
        missing = [kind for kind in suitability.open_to if kind not in open_to]
        if missing:
            words = " or ".join(OPEN_TO_WORDS[m] for m in missing)
            draft.because(
                trace.fire(f"option.{draft.id}.preference.open_to", ("open_to",)),
                f"You said you would rather not use {words}.",
            )
            draft.status, draft.blocked = "not_now", True


def _history(draft: Draft, answers: Answers, trace: Trace) -> None:
    treatment = draft.compiled.treatment
    outcome = answers.tried().get(draft.id)
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
        draft.cite(*treatment.time_to_effect.citations)
        draft.status, draft.blocked = "not_now", True
    elif outcome == "helped":
        draft.because(
            trace.fire(f"option.{draft.id}.history.helped", ("tried_before",)),
            "You said it helped when you used it before.",
        )
    months = answers.months().get(draft.id)
    if months is not None:
        draft.because(
            trace.fire(f"option.{draft.id}.history.current", ("current_treatments",)),
            f"You are using it now ({months} months without a break).",
        )


def _status_from_tier(
    draft: Draft,
    *,
    answers: Answers,
    first_line_gap: bool,
    on_evidence_based: bool,
    criteria: tuple[Criterion, ...],
    trace: Trace,
) -> None:
    rule = f"option.{draft.id}.tier.{draft.tier}"
    using_now = draft.id in answers.months()
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
) -> list[Option]:
    """Every treatment once, unranked (``rank`` 0); ranking is the next rule."""
    drafts = [_place(ct, answers, trace) for ct in data.treatments]
    sex, age = answers.choice("sex"), answers.number("age") or 0
    for draft in drafts:
        suitability = draft.compiled.treatment.suitability
        draft.applicable = sex in suitability.sexes and age >= suitability.min_age
        _contraindications(draft, answers, trace)
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
        _suitability(draft, answers, identified, trace)
        _history(draft, answers, trace)

    if route == "online_plan":
        # A gap: a first-line option meant for this person is avoided, declined or has failed.
        first_line_gap = any(d.blocked and d.applicable for d in drafts if d.tier == "first_line")
        evidence_based = {d.id for d in drafts if d.tier in EVIDENCE_BASED_TIERS}
        on_evidence_based = any(t in evidence_based for t in (*answers.months(), *answers.tried()))
        for draft in drafts:
            if draft.status is None:
                _status_from_tier(
                    draft,
                    answers=answers,
                    first_line_gap=first_line_gap,
                    on_evidence_based=on_evidence_based,
                    criteria=criteria,
                    trace=trace,
                )

    options: list[Option] = []
    for draft in drafts:
        if draft.tier == "experimental" and draft.status != "consider":
            # One reason per unmet criterion, whatever else decided the status.
            for criterion in criteria:
                if not criterion.met:
                    draft.because(f"exosomes.criterion.{criterion.id}.unmet", criterion.reason)
        if _cautions(draft, answers, trace) and draft.status == "recommended":
            draft.status = "consider"
            draft.because(
                trace.fire(f"option.{draft.id}.caution.discuss"),
                "Something in your answers needs a clinician's view before you start it (see the cautions).",
            )
        cost, cost_note = project_cost(draft.compiled.treatment)
        _budget(draft, answers, cost, trace)
        options.append(_finish(draft, cost, cost_note))
    return options


def _budget(draft: Draft, answers: Answers, cost: CostProjection | None, trace: Trace) -> None:
    """Say so when even the low end of the first year is above the monthly budget given.

    Cost never changes the status (safety and evidence decide that); it is shown so that
    "when the math works" is visible.
    """
    budget = answers.number("monthly_budget_usd")
    if budget is None or cost is None:
        return
    monthly_low = cost.first_year.low / 12
    if monthly_low > budget:
        draft.because(
            trace.fire(f"option.{draft.id}.budget.over", ("monthly_budget_usd",)),
            f"Even at the low end it comes to about {dollars(round(monthly_low))} a month in the first "
            f"year, more than the {dollars(budget)} a month you said you could spend.",
        )


def _finish(draft: Draft, cost: CostProjection | None, cost_note: str | None) -> Option:
    treatment = draft.compiled.treatment
    assert draft.status is not None
    draft.cite(*treatment.evidence.citations, *treatment.regulatory.citations)
    return Option(
        treatment=treatment.id,
        name=treatment.name,
        tier=draft.tier,
        status=draft.status,
        rank=0,
        evidence=Evidence(
            certainty=treatment.evidence.certainty, regulatory=treatment.regulatory.us_status
        ),
        reasons=tuple(draft.reasons),
        reason_rules=tuple(draft.rules),
        cautions=tuple(draft.cautions),
        citations=tuple(draft.citations),
        cost=cost,
        cost_note=cost_note,
    )
