"""The engine's entry point: answers + knowledge -> result, pure and deterministic."""

from __future__ import annotations

from follicle.engine.answers import Answers
from follicle.engine.compiled import compiled
from follicle.engine.result import AssessmentResult
from follicle.engine.rules.contributing_factors import find_contributing_factors
from follicle.engine.rules.exosomes import check_exosome_criteria
from follicle.engine.rules.likely_conditions import weigh_conditions
from follicle.engine.rules.options import decide_options
from follicle.engine.rules.ranking import rank_options
from follicle.engine.rules.red_flags import choose_route, in_person_advice, raise_red_flags
from follicle.engine.trace import Trace
from follicle.engine.validation import FieldError, validate
from follicle.knowledge.bundle import Knowledge

ENGINE_VERSION = "1.0.0"

NOTICE = (
    "This assessment informs; it does not diagnose. A clinician confirms the type of hair loss you "
    "have, and which treatments are safe for you."
)


def assess(answers: Answers, knowledge: Knowledge) -> AssessmentResult:
    """Apply every rule, in the clinical order, to answers already validated.

    Conditions are weighed before the red flags because some flags name a condition; the
    route still depends only on the flags."""
    data = compiled(knowledge)
    trace = Trace()
    conditions, identified = weigh_conditions(data, answers, trace)
    red_flags = raise_red_flags(data, answers, conditions, identified, trace)
    route = choose_route(red_flags, trace)
    advice = in_person_advice(red_flags, trace)
    factors = find_contributing_factors(data, answers, trace)
    criteria = check_exosome_criteria(answers, bool(red_flags), trace)
    options = decide_options(
        data,
        answers=answers,
        route=route,
        identified=identified,
        likely=frozenset(c.id for c in conditions if c.likelihood == "likely"),
        criteria=criteria,
        trace=trace,
    )
    ranked = rank_options(options, data.ranks_after, trace)
    return AssessmentResult(
        engine_version=ENGINE_VERSION,
        knowledge_version=knowledge.version,
        route=route,
        notice=NOTICE,
        red_flags=red_flags,
        in_person=advice,
        likely_conditions=conditions,
        contributing_factors=factors,
        options=ranked,
        exosome_criteria=criteria,
        trace=trace.ids,
        explanation=trace.explanation(),
    )


def run(raw: object, knowledge: Knowledge) -> AssessmentResult | list[FieldError]:
    """Validate raw answers and assess them; the field errors if they are invalid."""
    answers = validate(raw, knowledge)
    if isinstance(answers, list):
        return answers
    return assess(answers, knowledge)
