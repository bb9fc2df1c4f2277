"""The six published criteria for considering exosomes (assessment contract, "Exosomes").

Exosomes are ``consider`` (never ``recommended``) only when every criterion holds; each unmet
criterion gives its own reason. The criteria and thresholds are the contract's, so they live
here as named rules rather than in editable data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from follicle.engine.answers import Answers
from follicle.engine.result import Criterion
from follicle.engine.trace import Fired, Trace
from follicle.knowledge.contract import PRP

#: Evidence-based treatments that count as "stable treatment" (criterion 1).
STABLE_TREATMENTS = ("topical_minoxidil", "oral_minoxidil", "finasteride", "dutasteride")
STABLE_TREATMENTS_WOMEN = ("spironolactone",)
STABLE_MONTHS = 6
REALISTIC_EXPECTATIONS = ("stop_loss", "some_regrowth")


@dataclass(frozen=True, slots=True)
class Context:
    answers: Answers
    has_red_flag: bool


@dataclass(frozen=True, slots=True)
class ExosomeCriterion:
    id: str
    reads: tuple[str, ...]
    holds: Callable[[Context], bool]
    met: str
    unmet: str


def _stable_treatment(ctx: Context) -> bool:
    eligible = STABLE_TREATMENTS + (
        STABLE_TREATMENTS_WOMEN if ctx.answers.choice("sex") == "female" else ()
    )
    months = ctx.answers.months()
    return any(months.get(t, 0) >= STABLE_MONTHS for t in eligible)


CRITERIA: tuple[ExosomeCriterion, ...] = (
    ExosomeCriterion(
        id="stable_evidence_based_treatment",
        reads=("current_treatments", "sex"),
        holds=_stable_treatment,
        met="You have used a proven treatment without a break for at least 6 months.",
        unmet=(
            "You are not yet on a proven treatment (minoxidil, finasteride, dutasteride or, for women, "
            "spironolactone) used without a break for at least 6 months. Start with those: they have "
            "far stronger evidence and cost much less."
        ),
    ),
    ExosomeCriterion(
        id="accepts_experimental",
        reads=("open_to", "accepts_preliminary_evidence"),
        holds=lambda ctx: (
            "experimental_treatments" in ctx.answers.codes("open_to")
            and ctx.answers.flag("accepts_preliminary_evidence")
        ),
        met="You are open to experimental treatment and accept that the evidence is early.",
        unmet=(
            "You have not said you are open to an experimental treatment whose evidence is still "
            "early and weak."
        ),
    ),
    ExosomeCriterion(
        id="discussed_regulation",
        reads=("discussed_regulation_with_clinician",),
        holds=lambda ctx: ctx.answers.flag("discussed_regulation_with_clinician"),
        met="You have discussed with a clinician that no exosome product is FDA-approved.",
        unmet=(
            "You have not yet discussed with a clinician that no exosome product is FDA-approved "
            "and that FDA has warned about them."
        ),
    ),
    ExosomeCriterion(
        id="realistic_expectations",
        reads=("expectation",),
        holds=lambda ctx: ctx.answers.choice("expectation") in REALISTIC_EXPECTATIONS,
        met="Your goal (stopping loss or some regrowth) is realistic.",
        unmet=(
            "Your goal is not one any hair-loss treatment can promise; the realistic aims are "
            "stopping further loss or some regrowth."
        ),
    ),
    ExosomeCriterion(
        id="prp_tried_first",
        reads=("tried_before", "current_treatments"),
        holds=lambda ctx: PRP in ctx.answers.tried() or PRP in ctx.answers.months(),
        met="You have tried PRP, the more established in-office option.",
        unmet="PRP, the in-office option with a longer track record and less regulatory doubt, has not been tried first.",
    ),
    ExosomeCriterion(
        id="no_red_flag",
        reads=(),
        holds=lambda ctx: not ctx.has_red_flag,
        met="Nothing in your answers needs an in-person assessment first.",
        unmet="Some of your answers need an in-person assessment before any treatment, experimental or not.",
    ),
)


def _outcome(criterion: ExosomeCriterion, met: bool) -> tuple[Criterion, Fired]:
    checked = Criterion(id=criterion.id, met=met, reason=criterion.met if met else criterion.unmet)
    return checked, (
        f"exosomes.criterion.{criterion.id}.{'met' if met else 'unmet'}",
        criterion.reads,
    )


#: Each criterion's two possible outcomes, made once: (holds, {met: (result line, trace entry)}).
OUTCOMES = tuple(
    (criterion.holds, {met: _outcome(criterion, met) for met in (True, False)})
    for criterion in CRITERIA
)


def check_exosome_criteria(
    answers: Answers, has_red_flag: bool, trace: Trace
) -> tuple[Criterion, ...]:
    ctx = Context(answers=answers, has_red_flag=has_red_flag)
    out: list[Criterion] = []
    for holds, outcomes in OUTCOMES:
        checked, fired = outcomes[bool(holds(ctx))]
        trace.record(fired)
        out.append(checked)
    return tuple(out)
