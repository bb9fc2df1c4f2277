"""Triage on the answers so far agrees with the full assessment of the same answers: a flag
raised early is always raised at the end, and once every question is asked the flags are the
same. Checked over generated answer sets, at the end of every step of the questionnaire."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from follicle.engine import AssessmentResult, Triage, run, triage
from follicle.engine.early import holds
from follicle.engine.generate import random_answers
from follicle.engine.validation import PartialAnswers, validate_partial
from follicle.knowledge import load_knowledge
from follicle.knowledge.loader import DEFAULT_ROOT
from follicle.knowledge.predicates import AllOf, AnswerTest, AnyOf, NotOf
from tests.conftest import examples

KNOWLEDGE = load_knowledge(DEFAULT_ROOT)
STEPS = KNOWLEDGE.questionnaire.steps
PROPERTY = examples(300)

answer_sets = st.one_of(
    st.randoms(use_true_random=False).map(lambda rng: random_answers(KNOWLEDGE, rng)),
    st.randoms(use_true_random=False).map(lambda rng: random_answers(KNOWLEDGE, rng, calm=True)),
)


def _asked_after(step_count: int) -> frozenset[str]:
    return frozenset(i.id for s in STEPS[:step_count] for i in s.items)


def _full(raw: dict[str, Any]) -> AssessmentResult:
    result = run(raw, KNOWLEDGE)
    assert isinstance(result, AssessmentResult), result
    return result


def _early(raw: dict[str, Any], asked: frozenset[str]) -> Triage:
    # the web keeps only the answers given so far: hand over exactly those
    so_far = {k: v for k, v in raw.items() if k in asked}
    result = triage(so_far, asked, KNOWLEDGE)
    assert isinstance(result, Triage), result
    return result


@PROPERTY
@given(answer_sets)
def test_a_flag_raised_at_any_step_is_raised_by_the_full_assessment(raw: dict[str, Any]) -> None:
    full = {f.id for f in _full(raw).red_flags}
    for count in range(len(STEPS) + 1):
        assert {f.id for f in _early(raw, _asked_after(count)).red_flags} <= full


@PROPERTY
@given(answer_sets)
def test_with_every_question_asked_the_flags_and_advice_are_the_full_assessments(
    raw: dict[str, Any],
) -> None:
    full = _full(raw)
    early = _early(raw, _asked_after(len(STEPS)))
    assert [(f.id, f.urgency) for f in early.red_flags] == [
        (f.id, f.urgency) for f in full.red_flags
    ]
    assert early.in_person == full.in_person


@PROPERTY
@given(answer_sets)
def test_flags_only_accumulate_as_steps_are_answered(raw: dict[str, Any]) -> None:
    before: set[str] = set()
    for count in range(len(STEPS) + 1):
        now = {f.id for f in _early(raw, _asked_after(count)).red_flags}
        assert before <= now
        before = now


def test_nothing_asked_raises_nothing() -> None:
    assert _early({}, frozenset()).red_flags == ()


def test_a_child_is_sent_in_person_after_the_first_step() -> None:
    early = _early({"age": 15, "sex": "male"}, _asked_after(1))
    assert [f.id for f in early.red_flags] == ["under_18"]
    assert early.in_person is not None and early.in_person.bring


def test_an_unanswered_later_question_is_unknown_not_no() -> None:
    # known_pcos needs "no irregular periods or acne": not yet asked, so it must not fire
    flag = KNOWLEDGE.red_flags["known_pcos"].when
    assert flag is not None
    partial = validate_partial(
        {"age": 30, "sex": "female", "pregnancy": "cannot_become_pregnant"},
        _asked_after(1),
        KNOWLEDGE,
    )
    assert isinstance(partial, PartialAnswers)
    assert holds(flag, partial.answers, partial.settled) is None


def test_three_valued_logic_decides_what_it_can() -> None:
    sudden = AnswerTest.model_validate({"item": "onset", "in": ["sudden"]})
    patches = AnswerTest.model_validate({"item": "pattern", "in": ["patches"]})
    partial = validate_partial({"onset": "sudden"}, frozenset({"onset"}), KNOWLEDGE)
    assert isinstance(partial, PartialAnswers)
    answers, settled = partial.answers, partial.settled
    assert holds(AnyOf(any=(sudden, patches)), answers, settled) is True
    assert holds(AllOf(all=(sudden, patches)), answers, settled) is None
    assert holds(NotOf.model_validate({"not": sudden}), answers, settled) is False
    assert holds(NotOf.model_validate({"not": patches}), answers, settled) is None


def test_invalid_answers_so_far_are_refused_field_by_field() -> None:
    refused = triage({"age": 400}, _asked_after(1), KNOWLEDGE)
    assert isinstance(refused, list)
    assert "age" in {e.field for e in refused}


def test_a_random_typical_set_raises_no_early_flag_when_the_full_one_has_none() -> None:
    rng = random.Random(7)
    for _ in range(50):
        raw = random_answers(KNOWLEDGE, rng, calm=True)
        if not _full(raw).red_flags:
            assert all(not _early(raw, _asked_after(n)).red_flags for n in range(len(STEPS) + 1))


ITEM_IDS = sorted(i.id for s in STEPS for i in s.items)


@PROPERTY
@given(answer_sets, st.sets(st.sampled_from(ITEM_IDS)))
def test_any_subset_of_questions_asked_raises_only_flags_of_the_full_assessment(
    raw: dict[str, Any], asked: set[str]
) -> None:
    """Whatever the order of the questions (a later reordering of the questionnaire), a flag
    raised from some of the answers is raised from all of them."""
    full = {f.id for f in _full(raw).red_flags}
    assert {f.id for f in _early(raw, frozenset(asked)).red_flags} <= full
