"""``validate_value`` judges one answer on its own: it never refuses what ``validate`` accepts,
what it refuses ``validate`` refuses in any answers, and no value, however hostile, makes it
raise or repeat more than a few dozen characters of the input."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from follicle.engine import FieldError, validate, validate_value
from follicle.engine.generate import random_answers
from follicle.engine.validation import SHOWN_CHARACTERS
from follicle.knowledge import load_knowledge
from follicle.knowledge.loader import DEFAULT_ROOT
from tests.conftest import examples

KNOWLEDGE = load_knowledge(DEFAULT_ROOT)
ITEMS = [item.id for item in KNOWLEDGE.questionnaire.items]
CODES = sorted({code for item in KNOWLEDGE.questionnaire.items for code in item.codes})
PROPERTY = examples(300)

valid_answers = st.randoms(use_true_random=False).map(lambda rng: random_answers(KNOWLEDGE, rng))

#: JSON values a hostile client could send: huge and negative numbers, long and odd strings,
#: real codes and treatment ids, and lists and objects of them, nested.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**20, max_value=10**4000),
    st.floats(allow_nan=True),
    st.text(max_size=50),
    st.text(min_size=1000, max_size=5000),
    st.sampled_from(CODES + list(KNOWLEDGE.treatments)),
)
hostile = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(
            st.one_of(st.sampled_from(list(KNOWLEDGE.treatments)), st.text(max_size=3000)),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=12,
)


@PROPERTY
@given(valid_answers)
def test_no_value_of_a_valid_answer_set_is_refused_on_its_own(raw: dict[str, Any]) -> None:
    for field, value in raw.items():
        assert validate_value(field, value, KNOWLEDGE) == [], (field, value)


@PROPERTY
@given(valid_answers, st.sampled_from(ITEMS), hostile)
def test_a_value_refused_on_its_own_is_refused_in_any_answers(
    raw: dict[str, Any], field: str, value: Any
) -> None:
    alone = validate_value(field, value, KNOWLEDGE)
    if not alone:
        return
    together = validate({**raw, field: value}, KNOWLEDGE)
    assert isinstance(together, list)
    assert any(e.field.split(".", 1)[0] == field for e in together)


@PROPERTY
@given(st.sampled_from(ITEMS), hostile)
def test_any_value_gets_short_messages_tied_to_its_field(field: str, value: Any) -> None:
    for error in validate_value(field, value, KNOWLEDGE):
        assert isinstance(error, FieldError)
        assert error.field.split(".", 1)[0] == field
        assert len(error.field) <= len(field) + 1 + SHOWN_CHARACTERS
        assert len(error.message) < 600


@PROPERTY
@given(st.text(min_size=1, max_size=5000), hostile)
def test_an_unknown_question_is_named_short(field: str, value: Any) -> None:
    errors = validate_value(field, value, KNOWLEDGE) if field not in ITEMS else []
    assert all(len(e.field) <= SHOWN_CHARACTERS for e in errors)


def test_a_stage_is_judged_without_the_pattern_or_sex() -> None:
    assert validate_value("scale_stage", 3, KNOWLEDGE) == []
    assert validate_value("scale_stage", 7, KNOWLEDGE) == []  # a man's range: the widest
    [error] = validate_value("scale_stage", 10**4000, KNOWLEDGE)
    assert error.message == "Enter a stage from 1 to 7, or leave it blank."


def test_a_long_unknown_answer_is_quoted_cut_short() -> None:
    [error] = validate_value("sex", "m" * 2_000_000, KNOWLEDGE)
    assert "m" * SHOWN_CHARACTERS not in error.message
    assert "…" in error.message
