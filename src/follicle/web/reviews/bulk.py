"""Many stored cases at once, for the queue benchmark and the query-plan test.

The cases carry no real answers (the queue never reads them); statuses and red flags are mixed
so the queue's index has real work to do.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from follicle.web.accounts.models import User
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
