"""Concurrency scenarios shared by the SQLite and PostgreSQL test modules."""

from __future__ import annotations

from follicle.web.accounts.models import User
from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Plan, Status
from tests.reviews.concurrency import race
from tests.reviews.conftest import draft_decisions, make_case, make_clinician, make_person


def claim_race(clinicians: int) -> None:
    case = make_case(make_person("racer@example.org"))
    doctors = [make_clinician(f"doc{n}@example.org") for n in range(clinicians)]
    wins, failures = race(
        [lambda d=d: actions.claim(request=None, case_id=case.id, clinician=d) for d in doctors]  # type: ignore[misc]
    )
    assert wins == 1, failures
    assert len(failures) == clinicians - 1
    assert all(isinstance(f, actions.AlreadyClaimed) for f in failures), failures
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW and case.claimed_by in doctors


def claimed(person_email: str, doctor_email: str) -> tuple[Case, User, list[actions.Decision]]:
    """A case claimed by a new clinician, with the engine's draft as unchanged decisions."""
    case = make_case(make_person(person_email))
    doctor = make_clinician(doctor_email)
    actions.claim(request=None, case_id=case.id, clinician=doctor)
    return case, doctor, draft_decisions(case)


def issue_race(attempts: int) -> None:
    case, doctor, decisions = claimed("issuer@example.org", "signer@example.org")

    def issue() -> object:
        return actions.issue_plan(
            request=None,
            case_id=case.id,
            clinician=doctor,
            decisions=decisions,
            instructions="",
            follow_up="",
        )

    wins, failures = race([issue] * attempts)
    assert wins == 1, failures
    assert all(isinstance(f, actions.NotYours) for f in failures), failures
    assert Plan.objects.filter(case=case).count() == 1
    assert Case.objects.get(id=case.id).status == Status.PLAN_ISSUED


def reopen_race(attempts: int) -> None:
    """Many "start a new version" clicks at once open exactly one new version."""
    case, doctor, decisions = claimed("reopener@example.org", "resigner@example.org")
    actions.issue_plan(
        request=None,
        case_id=case.id,
        clinician=doctor,
        decisions=decisions,
        instructions="",
        follow_up="",
    )
    issued = Case.objects.get(id=case.id).version
    wins, failures = race(
        [lambda: actions.reopen(request=None, case_id=case.id, clinician=doctor)] * attempts
    )
    assert wins == 1, failures
    assert all(isinstance(f, actions.NotYours) for f in failures), failures
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW and case.version == issued + 1
