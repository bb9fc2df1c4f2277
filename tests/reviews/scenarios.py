"""Concurrency scenarios shared by the SQLite and PostgreSQL test modules."""

from __future__ import annotations

from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Plan, Status
from tests.reviews.concurrency import race
from tests.reviews.conftest import make_case, make_clinician, make_person


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


def issue_race(attempts: int) -> None:
    case = make_case(make_person("issuer@example.org"))
    doctor = make_clinician("signer@example.org")
    actions.claim(request=None, case_id=case.id, clinician=doctor)
    decisions = [
        actions.Decision(o["treatment"], o["status"], o["rank"], "") for o in case.result["options"]
    ]

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
    case = make_case(make_person("reopener@example.org"))
    doctor = make_clinician("resigner@example.org")
    actions.claim(request=None, case_id=case.id, clinician=doctor)
    decisions = [
        actions.Decision(o["treatment"], o["status"], o["rank"], "") for o in case.result["options"]
    ]
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
