"""What ``make bench`` and the query-plan test store to have something to measure: many cases
at once, a person and a clinician to own and read them, a client's session.

This is the one module outside the apps' actions (and models and migrations) that writes rows
directly (``tests/test_writes_are_actions.py``): it fills a throwaway database, bypassing the
audit on purpose, and the app never imports it. The cases carry no real answers (the queue
never reads them); statuses and red flags are mixed so the queue's index has real work to do.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.models import Role, User
from follicle.web.reviews.models import Case, Status

STATUSES = (
    Status.SUBMITTED,
    Status.PLAN_ISSUED,
    Status.REFERRED_IN_PERSON,
    Status.SUBMITTED,
    Status.PLAN_ISSUED,
)


def bulk_cases(person: User, count: int, start: datetime, batch: int = 5000) -> None:
    for first in range(0, count, batch):
        Case.objects.bulk_create(
            [
                Case(
                    person=person,
                    idempotency_key=uuid.uuid4(),
                    answers={},
                    result={},
                    engine_version="bulk",
                    knowledge_version="bulk",
                    status=STATUSES[k % len(STATUSES)],
                    priority=0 if k % 10 == 0 else 1,
                    submitted_at=start + timedelta(seconds=k * 300),
                )
                for k in range(first, min(first + batch, count))
            ]
        )


def bench_accounts() -> tuple[User, User, TOTPDevice]:
    """A person to own the cases, and a clinician with a confirmed authenticator."""
    person = User.objects.create_user(email="bench-person@example.org", password=None)
    clinician = User.objects.create_user(
        email="bench-doc@example.org", password=None, role=Role.CLINICIAN
    )
    device = TOTPDevice.objects.create(user=clinician, name="bench", confirmed=True)
    return person, clinician, device


def store_in_session(client: Any, **values: Any) -> None:
    """Put ``values`` in a test client's session (answers, the second factor's marker)."""
    session = client.session
    for key, value in values.items():
        session[key] = value
    session.save()
