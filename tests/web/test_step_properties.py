"""Properties of saving one assessment step, over any form a client could post: the session's
answers either stay exactly as they were or change to values the engine's validator accepts,
and a step posted again saves the same answers."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends.signed_cookies import SessionStore
from hypothesis import given
from hypothesis import strategies as st

from follicle.engine import validate_value
from follicle.knowledge import default_knowledge
from follicle.web.assessment import actions
from tests.conftest import examples
from tests.web.conftest import STEP_FORMS

KNOWLEDGE = default_knowledge()
STEPS = {step.id: step for step in KNOWLEDGE.questionnaire.steps}
PROPERTY = examples(200)


def _field_names(step_id: str) -> list[str]:
    names = []
    for item in STEPS[step_id].items:
        if item.type in ("months_by_treatment", "response_by_treatment"):
            names += [f"{item.id}.{t}" for t in KNOWLEDGE.treatments]
        else:
            names.append(item.id)
    return names


def _item_ids(step_id: str) -> set[str]:
    return {item.id for item in STEPS[step_id].items}


def _codes(step_id: str) -> list[str]:
    return sorted({c for item in STEPS[step_id].items for c in item.codes} | {"yes", "no"})


@st.composite
def posted_steps(draw: st.DrawFn) -> tuple[str, dict[str, list[str]]]:
    """A step and a posted form: its own fields (some left out) holding real codes, numbers
    of any size, or any text, one value or several."""
    step_id = draw(st.sampled_from(list(STEPS)))
    value = st.one_of(
        st.sampled_from(_codes(step_id)),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.text(max_size=30),
        st.text(min_size=500, max_size=3000),
    )
    fields = draw(st.lists(st.sampled_from(_field_names(step_id)), unique=True))
    return step_id, {name: draw(st.lists(value, min_size=1, max_size=3)) for name in fields}


def _save(session: SessionStore, step_id: str, form: dict[str, list[str]]) -> dict[str, str]:
    outcome = actions.save_step(
        session=session,
        knowledge=KNOWLEDGE,
        step=STEPS[step_id],
        get=lambda name: form.get(name, []),
    )
    return outcome.errors


def _session_after_some_steps(steps: int) -> SessionStore:
    session = SessionStore()
    for step_id in list(STEP_FORMS)[:steps]:
        form = {k: v if isinstance(v, list) else [v] for k, v in STEP_FORMS[step_id].items()}
        assert _save(session, step_id, form) == {}
    return session


@PROPERTY
@given(st.integers(min_value=0, max_value=len(STEP_FORMS)), posted_steps())
def test_a_step_saves_valid_answers_or_changes_nothing(
    answered: int, posted: tuple[str, dict[str, list[str]]]
) -> None:
    session = _session_after_some_steps(answered)
    before = actions.answers_of(session)
    step_id, form = posted
    errors = _save(session, step_id, form)
    after = actions.answers_of(session)
    if errors:
        assert after == before
        assert all(field.split(".", 1)[0] in _item_ids(step_id) for field in errors)
    for field, value in after.items():
        assert validate_value(field, value, KNOWLEDGE) == [], (field, value)


@PROPERTY
@given(st.integers(min_value=0, max_value=len(STEP_FORMS)), posted_steps())
def test_posting_a_step_twice_saves_the_same_answers(
    answered: int, posted: tuple[str, dict[str, list[str]]]
) -> None:
    session = _session_after_some_steps(answered)
    step_id, form = posted
    first_errors = _save(session, step_id, form)
    first: dict[str, Any] = actions.answers_of(session)
    assert _save(session, step_id, form) == first_errors
    assert actions.answers_of(session) == first
