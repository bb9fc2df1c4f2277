"""Triage on the answers so far: the red flags already certain before the questionnaire ends.

The questionnaire asks the questions that can raise a red flag first, so a person with one is
told to see a clinician without answering the rest. :func:`triage` is pure: it reads only the
questions the person has been through (``asked``) and raises a flag only when no later answer
can take it away, so the flags it raises are always among those of the full assessment of the
same answers (and, once every question is asked, are exactly those).

A flag's answer test is evaluated in three values (Kleene logic): a test of a question that is
not settled is *unknown*; ``all`` is true when every part is true, false when one is false;
``any`` is true when one part is true, false when every part is false; ``not`` swaps true and
false and keeps unknown. A flag is raised only when its test is *true*. A flag that names a
condition is raised only when every question that condition's signals read is settled, since a
later signal against it could lower its likelihood.
"""

from __future__ import annotations

from dataclasses import dataclass

from follicle.engine.answers import Answers
from follicle.engine.compiled import CompiledKnowledge, compiled
from follicle.engine.predicates_eval import reference_check
from follicle.engine.result import InPersonAdvice, RedFlagOut
from follicle.engine.rules.likely_conditions import weigh_conditions
from follicle.engine.rules.red_flags import in_person_advice
from follicle.engine.trace import Trace
from follicle.engine.validation import FieldError, PartialAnswers, validate_partial
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.predicates import AllOf, AnswerTest, AnyOf, Predicate

_URGENCY_ORDER = {"urgent": 0, "soon": 1, "routine": 2}


@dataclass(frozen=True, slots=True)
class Triage:
    """The red flags certain from the answers so far, most urgent first, and the in-person
    advice when there is one. ``None`` advice means "no flag yet", not "no flag at all"."""

    red_flags: tuple[RedFlagOut, ...]
    in_person: InPersonAdvice | None
    settled: frozenset[str]

    @property
    def stops_early(self) -> bool:
        return bool(self.red_flags)


def holds(predicate: Predicate, answers: Answers, settled: frozenset[str]) -> bool | None:
    """``predicate`` in three values: True, False, or None (it depends on an unsettled
    question). Over settled questions it agrees with the two-valued evaluator."""
    if isinstance(predicate, AnswerTest):
        if predicate.item not in settled:
            return None
        return reference_check(predicate)(answers)
    if isinstance(predicate, AllOf):
        parts = [holds(p, answers, settled) for p in predicate.all]
        if False in parts:
            return False
        return None if None in parts else True
    if isinstance(predicate, AnyOf):
        parts = [holds(p, answers, settled) for p in predicate.any]
        if True in parts:
            return True
        return None if None in parts else False
    inner = holds(predicate.not_, answers, settled)
    return None if inner is None else not inner


def _condition_reads(data: CompiledKnowledge, condition_id: str) -> frozenset[str]:
    found = next(c for c in data.conditions if c.condition.id == condition_id)
    return frozenset(i for s in found.condition.signals for i in s.when.items())


def red_flags_so_far(partial: PartialAnswers, knowledge: Knowledge) -> tuple[RedFlagOut, ...]:
    """Every red flag certain from ``partial``, most urgent first (the full assessment's order)."""
    data = compiled(knowledge)
    answers, settled = partial.answers, partial.settled
    scratch = Trace()
    conditions, identified = weigh_conditions(data, answers, scratch)
    found = {c.id: c.likelihood for c in conditions}
    raised: list[RedFlagOut] = []
    for compiled_flag in data.red_flags:
        flag = compiled_flag.flag
        if flag.when is not None and holds(flag.when, answers, settled) is not True:
            continue
        condition = compiled_flag.condition
        if condition is not None and (
            not _condition_reads(data, condition) <= settled
            or found.get(condition) not in compiled_flag.likelihoods
        ):
            continue
        explain = compiled_flag.explain
        triggered_by: tuple[str, ...] = () if explain is None else explain(answers)[1]
        if condition is not None:
            triggered_by = tuple(dict.fromkeys([*triggered_by, *identified[condition]]))
        raised.append(
            RedFlagOut(
                id=flag.id,
                name=flag.name,
                urgency=flag.urgency,
                message=flag.message,
                triggered_by=triggered_by,
                bring=flag.bring,
                citations=flag.citations,
                verified=flag.verified,
            )
        )
    return tuple(sorted(raised, key=lambda f: _URGENCY_ORDER[f.urgency]))


def triage(raw: object, asked: frozenset[str], knowledge: Knowledge) -> Triage | list[FieldError]:
    """Validate the answers to the questions in ``asked`` and raise the flags already certain;
    the field errors if those answers are invalid."""
    partial = validate_partial(raw, asked, knowledge)
    if isinstance(partial, list):
        return partial
    flags = red_flags_so_far(partial, knowledge)
    return Triage(
        red_flags=flags,
        in_person=in_person_advice(flags, Trace()),
        settled=partial.settled,
    )
