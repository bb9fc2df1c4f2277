"""Concurrency scenarios shared by the SQLite and PostgreSQL test modules."""

from __future__ import annotations

import uuid

from follicle.engine.examples import EXAMPLE
from follicle.knowledge import default_knowledge
from follicle.web.accounts.models import User
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Plan, ReviewRequest, Status
from tests.cases import draft_decisions, make_case, sign_draft
from tests.personas import TEST_AUDIT, make_clinician, make_person
from tests.reviews.concurrency import race


def _hold(person: User, key: uuid.UUID) -> ReviewRequest | None:
    return actions.hold_request(
        audit=TEST_AUDIT,
        person=person,
        answers=dict(EXAMPLE),
        note="",
        idempotency_key=key,
        knowledge=default_knowledge(),
    )


def send_race(attempts: int) -> None:
    """ "Send" pressed at once on several devices (and twice on each): one case, made from the
    waiting request, recorded once; the request is gone."""
    person = make_person("sender@example.org")
    key = uuid.uuid4()
    held = _hold(person, key)
    assert held is not None

    def send() -> Case:
        return actions.send_request(
            audit=TEST_AUDIT, person=person, idempotency_key=key, knowledge=default_knowledge()
        )

    wins, failures = race([send] * attempts)
    assert failures == [] and wins == attempts
    case = Case.objects.get(person=person)
    assert case.id == held.id
    assert not ReviewRequest.objects.exists()
    assert AuditEvent.objects.filter(action="case.submitted", case_id=case.id).count() == 1
    assert AuditEvent.objects.filter(action="review_request.sent", case_id=case.id).count() == 1


def hold_race(attempts: int) -> None:
    """The result page's button pressed at once on several devices, half with one set of answers'
    key and half with another: the person ends with exactly one waiting request."""
    person = make_person("holder@example.org")
    keys = [uuid.uuid4(), uuid.uuid4()]
    wins, failures = race(
        [lambda k=keys[n % 2]: _hold(person, k) for n in range(attempts)]  # type: ignore[misc]
    )
    assert failures == [] and wins == attempts
    [held] = ReviewRequest.objects.filter(person=person)
    assert held.idempotency_key in keys


def claim_race(clinicians: int) -> None:
    case = make_case(make_person("racer@example.org"))
    doctors = [make_clinician(f"doc{n}@example.org") for n in range(clinicians)]
    wins, failures = race(
        [lambda d=d: actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=d) for d in doctors]  # type: ignore[misc]
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
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=doctor)
    return case, doctor, draft_decisions(case)


def issue_race(attempts: int) -> None:
    case, doctor, _ = claimed("issuer@example.org", "signer@example.org")

    wins, failures = race([lambda: sign_draft(case, doctor)] * attempts)
    assert wins == 1, failures
    assert all(isinstance(f, actions.NotYours) for f in failures), failures
    assert Plan.objects.filter(case=case).count() == 1
    assert Case.objects.get(id=case.id).status == Status.PLAN_ISSUED


def reopen_race(attempts: int) -> None:
    """Many "start a new version" clicks at once open exactly one new version."""
    case, doctor, _ = claimed("reopener@example.org", "resigner@example.org")
    sign_draft(case, doctor)
    issued = Case.objects.get(id=case.id).version
    wins, failures = race(
        [lambda: actions.reopen(audit=TEST_AUDIT, case_id=case.id, clinician=doctor)] * attempts
    )
    assert wins == 1, failures
    assert all(isinstance(f, actions.NotYours) for f in failures), failures
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW and case.version == issued + 1


def withdraw_race(rounds: int) -> None:
    """An administrator replaces a set-up code at the moment the clinician confirms the app.

    Whichever runs first, the end is the same: the account has no authenticator (the new code
    removed it, or the confirmation was refused) and holds the new code. Without the locks a
    confirmed device could come back from the dead, or the new code be used up.
    """
    for n in range(rounds):
        _withdraw_once(f"withdrawn{n}@example.org")


def _withdraw_once(email: str) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from follicle.web.accounts import actions as account_actions
    from follicle.web.accounts.models import EnrolmentCode
    from tests.personas import current_code, web_audit

    user = make_clinician(email)
    code = account_actions.issue_enrolment_code(audit=TEST_AUDIT, user=user)
    _, device = account_actions.accept_enrolment_code(audit=web_audit(), user=user, code=code)
    assert device is not None
    token = current_code(device)
    wins, failures = race(
        [
            lambda: account_actions.confirm_totp(
                audit=web_audit(), user=user, device_id=device.pk, token=token
            ),
            lambda: account_actions.issue_enrolment_code(audit=TEST_AUDIT, user=user),
        ]
    )
    assert wins == 2, failures
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert EnrolmentCode.objects.filter(user=user, device__isnull=True).count() == 1
