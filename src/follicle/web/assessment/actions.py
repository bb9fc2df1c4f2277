"""Every change to an assessment in progress. The answers live in the session (server side,
never in a URL) until the person asks for a clinician's review."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.sessions.backends.base import SessionBase

from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Step
from follicle.web.assessment import flow
from follicle.web.assessment.flow import Getter, RawAnswers

SESSION_KEY = "follicle_answers"
#: One idempotency key per set of answers: asking for review twice with the same answers
#: (double click, retry, back button) finds the same case; changed answers get a new key.
REVIEW_KEY = "follicle_review_key"


def review_key_of(session: SessionBase) -> str:
    """The idempotency key of the answers in this session (a read: the key is made when the
    answers are saved). A session from before keys were made there gets a fresh one each time."""
    key = session.get(REVIEW_KEY)
    return key if isinstance(key, str) else str(uuid.uuid4())


def answers_of(session: SessionBase) -> RawAnswers:
    stored = session.get(SESSION_KEY)
    return dict(stored) if isinstance(stored, dict) else {}


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """What a submitted step left behind: the answers as now saved, the values the person
    entered on this step (shown again on an error), and the errors, by field."""

    answers: RawAnswers
    entered: RawAnswers
    errors: dict[str, str]


def save_step(
    *, session: SessionBase, knowledge: Knowledge, step: Step, get: Getter
) -> StepOutcome:
    """Merge a submitted step into the session's answers, all or nothing.

    Each answer this step would keep is checked on its own by the engine's validator (so a
    value is judged even when the question it depends on is still unanswered), then the
    answers together. Any error and the session is left as it was: the page comes back with
    what was entered and a message by each field, so nothing typed is lost and nothing invalid
    is stored. Resubmitting the same step (a double click, the back button) saves the same
    answers again.
    """
    entered = flow.parse_step(knowledge, step, get)
    answers = flow.merge(knowledge, answers_of(session), step, entered)
    order = [i.id for i in step.items]
    errors = flow.errors_for(knowledge, answers, set(order))
    mine = {k: v for k, v in answers.items() if k in order}
    for field, message in flow.value_errors(knowledge, mine).items():
        errors.setdefault(field, message)
    errors = dict(sorted(errors.items(), key=lambda e: order.index(e[0].split(".", 1)[0])))
    if errors:
        return StepOutcome(answers=answers, entered=entered, errors=errors)
    if answers != answers_of(session) or not isinstance(session.get(REVIEW_KEY), str):
        session[REVIEW_KEY] = str(uuid.uuid4())  # new answers, a new review request
    session[SESSION_KEY] = answers
    return StepOutcome(answers=answers, entered=entered, errors={})


def clear_answers(*, session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)
    session.pop(REVIEW_KEY, None)
    session.cycle_key()
