"""Options: every treatment once, with its tier, status, reasons, cautions and cost.

The order of the questions asked of each treatment is the clinical order of priority:

1. *Tier* for this person, from the treatment's placements in the data (first match).
2. *Contraindications* from the data: any that holds makes the status ``avoid`` (or
   ``not_now`` for one that only has to wait; a ``local`` one, the scalp's state today, is
   never a reason to go further).
3. *In-person route*: with a red flag nothing else is offered; every option is ``not_now``.
4. *Suitability*: sex, age, the conditions it treats, and what the person is open to.
5. *History*: stopped for side effects or no benefit means ``not_now`` until a clinician
   reviews it; current use is noted.
6. *Tier to status*, in two passes:
   - first line is ``recommended`` when a condition it treats is ``likely`` (``consider`` when
     only ``possible``);
   - second line is ``consider`` when a first-line option it ``follows`` in the data (or any
     first-line option, if it names none) is meant for this person but avoided, declined or
     failed; otherwise ``not_now``;
   - then add-ons are ``consider`` only alongside an evidence-based option the person has or
     uses; in-office options once the person is on, or has tried, evidence-based treatment;
     exosomes follow the contract's criteria.
7. *Cautions* that need a clinician turn ``recommended`` into ``consider``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge, CompiledTreatment
from follicle.engine.result import CostProjection, Criterion, Option
from follicle.engine.trace import Trace
from follicle.knowledge.contract import EXOSOMES, Route, Status, Tier
from follicle.money import dollars

OPEN_TO_WORDS = {
    "pills": "tablets",
    "topicals": "scalp liquids or foams",
    "home_devices": "home devices",
    "in_office_procedures": "clinic procedures",
    "experimental_treatments": "experimental treatments",
    "none": "any treatment for now",
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


class Draft:
    """An option while the rules are still deciding it.

    :meth:`because` records a reason and fires its rule in the trace in one step: an
    assessment gives about sixty reasons, so the engine's speed depends on this staying small.
    """

    __slots__ = (
        "_fired",
        "applicable",
        "block",
        "cautions",
        "citations",
        "compiled",
        "held_for_scalp",
        "id",
        "reasons",
        "rules",
        "status",
        "tier",
    )

    def __init__(self, compiled: CompiledTreatment, tier: Tier, trace: Trace) -> None:
        self.compiled = compiled
        # The treatment id, copied once: the rules ask for it dozens of times per assessment.
        self.id = compiled.treatment.id
        self.tier = tier
        self.status: Status | None = None
        self.reasons: list[str] = []
        self.rules: list[str] = []
        self.cautions: list[str] = []
        self.citations: list[str] = []
        # Why the option is not available now: "avoid", "declined", "failed" or "unsuitable".
        self.block: str | None = None
        # Meant for this person's sex and age at all (finasteride is not, for a woman).
        self.applicable = True
        # The items read by the ``local`` contraindications that hold (the scalp's state
        # today): the option waits for the scalp to settle, which is not a gap.
        self.held_for_scalp: tuple[str, ...] = ()
        self._fired = trace.fired  # appended to directly: the hottest path of the engine

    @property
    def gap(self) -> bool:
        """Meant for this person but avoided, declined or failed: a reason to go further."""
        return self.applicable and self.block in ("avoid", "declined", "failed")

    def because(self, rule: str, reason: str, reads: tuple[str, ...] = ()) -> None:
        """Fire ``rule`` (which read ``reads``) and give its reason."""
        self._fired.append((rule, reads))
        self.rules.append(rule)
        self.reasons.append(reason)

    def caution(self, rule: str, caution: str, reads: tuple[str, ...]) -> None:
        """Fire ``rule`` (which read ``reads``) and give its caution."""
        self._fired.append((rule, reads))
        self.cautions.append(caution)

    def noted(self, rule: str, reason: str) -> None:
        """Give the reason of a rule that already fired elsewhere (an exosome criterion)."""
        self.rules.append(rule)
        self.reasons.append(reason)

    def cite(self, refs: tuple[str, ...]) -> None:
        self.citations.extend(refs)

    def option(self, rank: int) -> Option:
        """The finished option, once the ranking rule has placed it."""
        compiled = self.compiled
        assert self.status is not None
        return Option(
            treatment=self.id,
            name=compiled.treatment.name,
            tier=self.tier,
            status=self.status,
            rank=rank,
            evidence=compiled.evidence,
            reasons=tuple(self.reasons),
            reason_rules=tuple(self.rules),
            cautions=tuple(self.cautions),
            citations=(
                tuple(dict.fromkeys([*self.citations, *compiled.citations]))
                if self.citations
                else compiled.citations
            ),
            cost=compiled.cost,
            cost_note=compiled.cost_note,
        )


def _place(compiled_treatment: CompiledTreatment, answers: Answers, trace: Trace) -> Draft:
    for rule_id, placement, holds, reads, reason in compiled_treatment.placements:
        if holds is None or holds(answers):
            draft = Draft(compiled_treatment, placement.tier, trace)
            draft.because(rule_id, reason, reads)
            draft.cite(placement.citations)
            return draft
    raise AssertionError("the checker guarantees a default placement")  # pragma: no cover


def _contraindications(draft: Draft, fired: tuple[bool, ...]) -> None:
    """The status each contraindication gives (``avoid`` wins over ``not_now``). One that is only
    the scalp's state today leaves ``block`` unset, so it never counts as a reason to move on
    to a tablet."""
    for compiled_rule in draft.compiled.contraindications:
        if fired[compiled_rule.index]:
            if compiled_rule.local:
                draft.held_for_scalp += compiled_rule.reads
            else:
                draft.block = "avoid"
            if draft.status != "avoid":
                draft.status = "avoid" if compiled_rule.status == "avoid" else "not_now"
            draft.because(compiled_rule.rule_id, compiled_rule.text, compiled_rule.reads)
            draft.cite(compiled_rule.rule.citations)


def _cautions(draft: Draft, fired: tuple[bool, ...]) -> bool:
    """Add every caution that holds; True if one of them needs a clinician's view first."""
    needs_clinician = False
    for compiled_rule in draft.compiled.cautions:
        if fired[compiled_rule.index]:
            needs_clinician = needs_clinician or compiled_rule.needs_clinician
            draft.caution(compiled_rule.rule_id, compiled_rule.text, compiled_rule.reads)
            draft.cite(compiled_rule.rule.citations)
    return needs_clinician


def _suitability(
    draft: Draft,
    person: Person,
    identified: dict[str, tuple[str, ...]],
    condition_reads: tuple[str, ...],
) -> None:
    """Mark the draft ``not_now`` (and blocked) if it is not meant for this person."""
    treatment = draft.compiled.treatment
    suitability = treatment.suitability
    sex = person.sex
    # ``sexes`` says whom it suits for pattern loss; as a first treatment for another condition
    # found (ketoconazole for a flaky scalp) it suits anyone old enough.
    first_choice = any(c in identified for c in suitability.first_choice_for)
    if sex not in suitability.sexes and not first_choice:
        reason = suitability.sex_reason or f"It is not used for people whose sex at birth is {sex}."
        draft.because(f"option.{draft.id}.suitability.sex", reason, ("sex",))
        draft.cite(suitability.citations)
        draft.status, draft.block = "not_now", "unsuitable"
    if person.age < suitability.min_age:
        draft.because(
            f"option.{draft.id}.suitability.age",
            f"It is meant for people aged {suitability.min_age} or over.",
            ("age",),
        )
        draft.status, draft.block = "not_now", "unsuitable"
    treated = [c for c in suitability.treats if c in identified]
    if not treated and draft.id != EXOSOMES:
        draft.because(
            f"option.{draft.id}.suitability.condition",
            "It treats kinds of hair loss that your answers do not point to.",
            condition_reads,
        )
        draft.status, draft.block = "not_now", "unsuitable"
    if draft.id != EXOSOMES:  # openness to experimental treatment is criterion 2 of the contract
        missing = [kind for kind in suitability.open_to if kind not in person.open_to]
        if missing:
            words = " or ".join(OPEN_TO_WORDS[m] for m in missing)
            draft.because(
                f"option.{draft.id}.preference.open_to",
                f"You did not choose {words} among the kinds of treatment you are open to.",
                ("open_to",),
            )
            draft.status, draft.block = "not_now", draft.block or "declined"


def _history(draft: Draft, person: Person) -> None:
    treatment = draft.compiled.treatment
    outcome = person.tried.get(draft.id)
    if outcome == "side_effects":
        draft.because(
            f"option.{draft.id}.history.side_effects",
            "You stopped it because of side effects. A clinician can say whether another dose or form might suit you.",
            ("tried_before",),
        )
        draft.status, draft.block = "not_now", draft.block or "failed"
    elif outcome == "no_benefit":
        draft.because(
            f"option.{draft.id}.history.no_benefit",
            "You tried it before without benefit. A clinician can check whether it was used long enough: "
            + treatment.time_to_effect.text,
            ("tried_before",),
        )
        draft.cite(treatment.time_to_effect.citations)
        draft.status, draft.block = "not_now", draft.block or "failed"
    elif outcome == "helped":
        draft.because(
            f"option.{draft.id}.history.helped",
            "You said it helped when you used it before.",
            ("tried_before",),
        )
    months = person.months.get(draft.id)
    if months is not None:
        draft.because(
            f"option.{draft.id}.history.current",
            f"You are using it now ({months} months without a break).",
            ("current_treatments",),
        )


@dataclass(frozen=True, slots=True)
class Context:
    """What the tier rules need to know about the other options and the person."""

    person: Person
    drafts: dict[str, Draft]
    #: Every condition found (likely or possible), and the likely ones.
    found: frozenset[str]
    likely: frozenset[str]
    criteria: tuple[Criterion, ...]
    condition_names: Mapping[str, str]

    def followed(self, follows: tuple[str, ...]) -> list[Draft]:
        """The first-line options this one follows (every first-line option, if it names none)."""
        if follows:
            return [self.drafts[t] for t in follows if t in self.drafts]
        return [d for d in self.drafts.values() if d.tier == "first_line"]

    def evidence_based_in_hand(self) -> bool:
        """The person has, or uses, a first- or second-line option to add something to."""
        if any(
            t in self.person.months
            for t, d in self.drafts.items()
            if d.tier in EVIDENCE_BASED_TIERS
        ):
            return True
        return any(
            d.status in ("recommended", "consider")
            for d in self.drafts.values()
            if d.tier in EVIDENCE_BASED_TIERS
        )

    def tried_evidence_based(self) -> bool:
        return any(
            t in self.person.months or t in self.person.tried
            for t, d in self.drafts.items()
            if d.tier in EVIDENCE_BASED_TIERS
        )


def _first_choice(draft: Draft, ctx: Context) -> bool:
    """A first treatment for a condition found, whatever its tier for pattern loss (ketoconazole
    for seborrhoeic dermatitis): ``recommended`` if likely, ``consider`` if possible."""
    found = [c for c in draft.compiled.treatment.suitability.first_choice_for if c in ctx.found]
    if not found:
        return False
    likely = [c for c in found if c in ctx.likely]
    condition = (likely or found)[0]
    plain = ctx.condition_names[condition]
    name = plain[0].lower() + plain[1:]  # inside a sentence; abbreviations keep their capitals
    if likely:
        draft.status = "recommended"
        draft.because(
            f"option.{draft.id}.first_choice.{condition}",
            f"It is a first treatment for {name}, which your answers point to.",
        )
    else:
        draft.status = "consider"
        draft.because(
            f"option.{draft.id}.first_choice.{condition}.possible",
            f"It is a first treatment for {name}, which your answers possibly point to; a "
            "clinician can confirm it.",
        )
    return True


def _first_line(draft: Draft, ctx: Context) -> None:
    rule = f"option.{draft.id}.tier.first_line"
    if any(c in ctx.likely for c in draft.compiled.treatment.suitability.treats):
        draft.status = "recommended"
        draft.because(
            rule, "It is a first-line treatment with strong evidence for people like you."
        )
    else:
        draft.status = "consider"
        draft.because(
            f"{rule}.condition_only_possible",
            "Your answers only possibly point to the kind of hair loss it treats, so a clinician should confirm that first.",
        )


def _second_line(draft: Draft, ctx: Context) -> None:
    rule = f"option.{draft.id}.tier.second_line"
    followed = ctx.followed(draft.compiled.treatment.follows)
    if draft.id in ctx.person.months:
        draft.status = "consider"
        draft.because(
            f"{rule}.in_use",
            "You already use it; a clinician can review how it is going.",
            ("current_treatments",),
        )
    elif any(d.gap for d in followed):
        draft.status = "consider"
        draft.because(
            f"{rule}.first_line_unavailable",
            "The first-line option it usually follows is not suitable for you, not wanted or has not "
            "worked, so this is worth discussing with a clinician.",
            ("tried_before", "open_to", "current_treatments"),
        )
    elif held := [i for d in followed if d.applicable for i in d.held_for_scalp]:
        draft.status = "not_now"
        draft.because(
            f"{rule}.not_for_a_scalp_reason",
            "The first-line option it follows is only on hold until your scalp settles. A scalp "
            "problem is a reason to treat the scalp, not to move on to a stronger medicine.",
            tuple(dict.fromkeys(held)),
        )
    else:
        draft.status = "not_now"
        draft.because(
            f"{rule}.after_first_line",
            "It is usually tried after first-line treatment, if that does not work or does not suit you.",
        )


def _adjunct(draft: Draft, evidence_based_in_hand: bool) -> None:
    rule = f"option.{draft.id}.tier.adjunct"
    if evidence_based_in_hand:
        draft.status = "consider"
        draft.because(rule, "It can be added alongside a first-line treatment, not instead of one.")
    else:
        draft.status = "not_now"
        draft.because(
            f"{rule}.nothing_to_add_to",
            "It only helps alongside a proven treatment, and none is available to you now; a clinician can advise.",
            ("open_to", "current_treatments", "tried_before"),
        )


def _in_office(draft: Draft, person: Person, tried_evidence_based: bool) -> None:
    rule = f"option.{draft.id}.tier.in_office"
    if tried_evidence_based or draft.id in person.months:
        draft.status = "consider"
        draft.because(
            f"{rule}.after_medical_treatment",
            "You are on, or have tried, proven medical treatment, so an in-office option can be discussed.",
            ("current_treatments", "tried_before"),
        )
    else:
        draft.status = "not_now"
        draft.because(
            f"{rule}.medical_treatment_first",
            "Proven, cheaper medical treatment comes first; in-office options are added once that is under way.",
            ("current_treatments", "tried_before"),
        )


def _exosomes(draft: Draft, ctx: Context) -> None:
    """Consider only when every criterion of the contract holds; never recommended."""
    if any(not c.met for c in ctx.criteria):
        draft.status = "not_now"  # one reason per unmet criterion is added in _finish
        return
    draft.status = "consider"
    draft.because(
        f"option.{draft.id}.tier.experimental.all_criteria_met",
        "Every published criterion holds, so it may be considered as an experimental add-on, "
        "ideally within a trial. It is not an established treatment.",
    )


def _screen(
    draft: Draft,
    *,
    person: Person,
    fired: tuple[bool, ...],
    route: Route,
    identified: dict[str, tuple[str, ...]],
    condition_reads: tuple[str, ...],
) -> None:
    """Contraindications, the in-person route, suitability and history, in that order."""
    suitability = draft.compiled.treatment.suitability
    draft.applicable = person.sex in suitability.sexes and person.age >= suitability.min_age
    if draft.compiled.contraindications:
        _contraindications(draft, fired)
    if draft.status == "avoid":
        return
    if route == "in_person":
        draft.status = "not_now"
        draft.because(
            f"option.{draft.id}.in_person_first",
            "A clinician should see you in person before any treatment is chosen.",
        )
        return
    _suitability(draft, person, identified, condition_reads)
    _history(draft, person)


def _decide_tiers(undecided: list[Draft], ctx: Context) -> None:
    """First and second line first: add-ons and in-office options depend on them."""
    for draft in undecided:
        if draft.id == EXOSOMES or _first_choice(draft, ctx):
            continue
        if draft.tier == "first_line":
            _first_line(draft, ctx)
        elif draft.tier == "second_line":
            _second_line(draft, ctx)
    # Fixed from here on: the second pass decides no first- or second-line option.
    in_hand, tried = ctx.evidence_based_in_hand(), ctx.tried_evidence_based()
    for draft in undecided:
        if draft.status is not None:
            continue
        if draft.id == EXOSOMES:
            _exosomes(draft, ctx)
        elif draft.tier == "adjunct":
            _adjunct(draft, in_hand)
        elif draft.tier in ("in_office", "experimental"):
            _in_office(draft, ctx.person, tried)


def decide_options(
    data: CompiledKnowledge,
    *,
    answers: Answers,
    route: Route,
    identified: dict[str, tuple[str, ...]],
    likely: frozenset[str],
    criteria: tuple[Criterion, ...],
    trace: Trace,
) -> list[Draft]:
    """Every treatment once, decided but not yet ranked; ranking is the next rule."""
    drafts = [_place(ct, answers, trace) for ct in data.treatments]
    person = Person.of(answers)
    fired = data.rule_checks(answers)
    # What the condition rules read: the reads of "not a condition it treats", the same for all.
    condition_reads = tuple(dict.fromkeys(i for r in identified.values() for i in r))
    for draft in drafts:
        _screen(
            draft,
            person=person,
            fired=fired,
            route=route,
            identified=identified,
            condition_reads=condition_reads,
        )
    if route == "online_plan":
        ctx = Context(
            person=person,
            drafts={d.id: d for d in drafts},
            found=frozenset(identified),
            likely=likely,
            criteria=criteria,
            condition_names=data.condition_names,
        )
        _decide_tiers([d for d in drafts if d.status is None], ctx)
    for draft in drafts:
        _finish(draft, criteria=criteria, fired=fired, person=person)
    return drafts


def _finish(
    draft: Draft,
    *,
    criteria: tuple[Criterion, ...],
    fired: tuple[bool, ...],
    person: Person,
) -> None:
    """Reasons that apply whatever decided the status: exosome criteria, cautions, budget."""
    if draft.id == EXOSOMES and draft.status != "consider":
        # One reason per unmet criterion, whatever else decided the status.
        for criterion in criteria:
            if not criterion.met:
                draft.noted(f"exosomes.criterion.{criterion.id}.unmet", criterion.reason)
    needs_clinician = bool(draft.compiled.cautions) and _cautions(draft, fired)
    if needs_clinician and draft.status == "recommended":
        draft.status = "consider"
        draft.because(
            f"option.{draft.id}.caution.discuss",
            "Something in your answers needs a clinician's view before you start it (see the cautions).",
        )
    if person.budget is not None:
        _budget(draft, person.budget, draft.compiled.cost)


def _budget(draft: Draft, budget: int, cost: CostProjection | None) -> None:
    """Say so when even the low end of the first year is above the monthly budget given.

    Cost never changes the status (safety and evidence decide that); it is shown so that
    "when the math works" is visible.
    """
    if cost is None:
        return
    monthly_low = cost.first_year.low / 12
    if monthly_low > budget:
        draft.because(
            f"option.{draft.id}.budget.over",
            f"Even at the low end it comes to about {dollars(round(monthly_low))} a month in the first "
            f"year, more than the {dollars(budget)} a month you said you could spend.",
            ("monthly_budget_usd",),
        )
