"""Invalid answers are rejected field by field, in words a person understands, all at once."""

from __future__ import annotations

from typing import Any

import pytest

from follicle.engine import Answers, FieldError, validate
from follicle.knowledge import Knowledge
from tests.engine.builders import EXOSOME_CANDIDATE, MAN, WOMAN, answers


def _errors(knowledge: Knowledge, raw: Any) -> dict[str, str]:
    result = validate(raw, knowledge)
    assert isinstance(result, list), "expected the answers to be rejected"
    return {e.field: e.message for e in result}


def test_valid_answers_pass(knowledge: Knowledge) -> None:
    assert isinstance(validate(MAN, knowledge), Answers)
    assert isinstance(validate(EXOSOME_CANDIDATE, knowledge), Answers)


def test_it_reports_every_problem_at_once(knowledge: Knowledge) -> None:
    errors = _errors(
        knowledge, answers(MAN, age=0, sex="robot", favourite_colour="blue", shedding=None)
    )
    assert set(errors) == {"age", "sex", "favourite_colour", "shedding"}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"age": 121}, "age", "whole years"),
        ({"age": 30.5}, "age", "whole years"),
        ({"age": True}, "age", "whole years"),
        ({"age": "35"}, "age", "whole years"),
        ({"pattern": "bald"}, "pattern", "not one of the answers"),
        ({"triggers": ["none", "surgery"]}, "triggers", "None of these"),
        ({"triggers": []}, "triggers", "Select at least one"),
        ({"triggers": "surgery"}, "triggers", "list"),
        ({"triggers": ["surgery", "surgery"]}, "triggers", "only once"),
        ({"duration_months": -1}, "duration_months", "months"),
        ({"current_treatments": {"finasteride": 700}}, "current_treatments.finasteride", "months"),
        (
            {"current_treatments": {"snake_oil": 3}},
            "current_treatments.snake_oil",
            "not a treatment",
        ),
        ({"current_treatments": []}, "current_treatments", "object"),
        ({"tried_before": {"prp": "meh"}}, "tried_before.prp", "not one of the answers"),
        ({"monthly_budget_usd": 100001}, "monthly_budget_usd", "100000"),
        ({"expectation": None}, "expectation", "Select one answer"),
        ({"pregnancy": "could_become_pregnant"}, "pregnancy", "does not apply"),
        ({"other_symptoms": ["irregular_periods"]}, "other_symptoms", "does not apply"),
        ({"accepts_preliminary_evidence": True}, "accepts_preliminary_evidence", "does not apply"),
        ({"scale_stage": 8}, "scale_stage", "1 to 7"),
    ],
)
def test_it_names_the_field_and_says_what_to_do(
    knowledge: Knowledge, changes: dict[str, Any], field: str, words: str
) -> None:
    errors = _errors(knowledge, answers(MAN, **changes))
    assert field in errors
    assert words in errors[field]


def test_women_use_the_ludwig_range(knowledge: Knowledge) -> None:
    assert "Ludwig" in _errors(knowledge, answers(WOMAN, scale_stage=4))["scale_stage"]
    assert isinstance(validate(answers(WOMAN, scale_stage=3), knowledge), Answers)


def test_a_woman_must_answer_the_pregnancy_question(knowledge: Knowledge) -> None:
    assert "pregnancy" in _errors(knowledge, answers(WOMAN, pregnancy=None))


def test_experimental_follow_up_questions_are_required_when_shown(knowledge: Knowledge) -> None:
    errors = _errors(
        knowledge, answers(EXOSOME_CANDIDATE, discussed_regulation_with_clinician=None)
    )
    assert set(errors) == {"discussed_regulation_with_clinician"}


def test_optional_items_may_be_left_out(knowledge: Knowledge) -> None:
    assert isinstance(
        validate(answers(MAN, scale_stage=None, monthly_budget_usd=None), knowledge), Answers
    )


def test_an_invalid_sex_does_not_cascade_into_the_pregnancy_question(knowledge: Knowledge) -> None:
    errors = _errors(knowledge, answers(WOMAN, sex="unknown"))
    assert set(errors) == {"sex"}


def test_not_an_object_is_one_clear_error(knowledge: Knowledge) -> None:
    assert validate([1, 2], knowledge) == [
        FieldError("answers", "Send the answers as one JSON object of question ids and answers.")
    ]


def test_an_invalid_sex_does_not_cascade_into_period_options(knowledge: Knowledge) -> None:
    errors = _errors(knowledge, answers(MAN, sex="unknown", other_symptoms=["irregular_periods"]))
    assert set(errors) == {"sex"}


def test_a_missing_treatment_list_asks_for_an_empty_object(knowledge: Knowledge) -> None:
    assert "{}" in _errors(knowledge, answers(MAN, current_treatments=None))["current_treatments"]
