"""Review cases for the tests, made through the same actions the app uses: a person's request,
the engine's draft signed unchanged, the review page's plan form filled in."""

from __future__ import annotations

import uuid
from typing import Any

from follicle.engine.examples import EXAMPLE
from follicle.knowledge import default_knowledge
from follicle.web.accounts.models import User
from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Plan
from tests.personas import TEST_AUDIT, web_audit


def make_case(person: User, answers: dict[str, Any] | None = None) -> Case:
    return actions.request_review(
        audit=web_audit(),
        person=person,
        answers=dict(answers or EXAMPLE),
        note="please check",
        idempotency_key=uuid.uuid4(),
        knowledge=default_knowledge(),
    )


def draft_decisions(case: Case) -> list[actions.Decision]:
    """The engine's draft taken unchanged: a plan that needs no reasons."""
    return [
        actions.Decision(o["treatment"], o["status"], o["rank"], "") for o in case.result["options"]
    ]


def sign_draft(case: Case, clinician: User, instructions: str = "") -> Plan:
    """Sign the engine's draft unchanged, as the claiming clinician."""
    return actions.issue_plan(
        audit=TEST_AUDIT,
        case_id=case.id,
        clinician=clinician,
        decisions=draft_decisions(case),
        instructions=instructions,
        follow_up="",
    )


def plan_post(case: Case, **changes: Any) -> dict[str, Any]:
    """The review page's plan form, filled with the engine's draft (and any ``changes``)."""
    data: dict[str, Any] = {
        "instructions": "Use it every day.",
        "follow_up": "Review photos at 6 and 12 months.",
    }
    for o in case.result["options"]:
        data[f"status_{o['treatment']}"] = o["status"]
        data[f"order_{o['treatment']}"] = str(o["rank"])
        data[f"reason_{o['treatment']}"] = ""
    data.update(changes)
    return data
