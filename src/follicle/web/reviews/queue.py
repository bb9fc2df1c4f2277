"""The review queue: red-flag cases first, then oldest first, paged by keyset.

Keyset pagination (``after`` the last row's priority, submission time and id) keeps every page
as cheap as the first, even with a hundred thousand cases waiting; the order matches the
``case_queue_order`` index, so the database reads the index in order and stops after a page.
The cursor is signed, so it cannot be edited to skip around.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Q, QuerySet
from django.utils import timezone

from follicle.web.reviews.models import Case, Status

_SALT = "follicle.queue.cursor"


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[Case]
    next_cursor: str | None


def _encode(case: Case) -> str:
    return signing.dumps(
        [case.priority, case.submitted_at.isoformat(), str(case.id)], salt=_SALT, compress=True
    )


def _decode(cursor: str) -> tuple[int, datetime, uuid.UUID] | None:
    try:
        priority, submitted_at, case_id = signing.loads(cursor, salt=_SALT)
        return int(priority), datetime.fromisoformat(submitted_at), uuid.UUID(case_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def lapse_cutoff() -> datetime:
    """A claim made before this moment has lapsed."""
    return timezone.now() - timedelta(minutes=settings.FOLLICLE_CLAIM_MINUTES)


def lapsed(clinician: Any, size: int | None = None) -> list[Case]:
    """Cases whose claim lapsed (other clinicians' claims): anyone may take them. Nobody
    releases them back to the queue (reading the queue writes nothing); they are shown on the
    first page, red flags first, read through the ``case_claim_expiry`` index."""
    return list(lapsed_query(clinician, size or settings.FOLLICLE_QUEUE_PAGE_SIZE))


def lapsed_query(clinician: Any, size: int) -> QuerySet[Case]:
    return (
        Case.objects.filter(status=Status.IN_REVIEW, claimed_at__lt=lapse_cutoff())
        .exclude(claimed_by=clinician)
        .only("id", "priority", "submitted_at", "claimed_at")
        .order_by("priority", "submitted_at", "id")[:size]
    )


def waiting() -> QuerySet[Case]:
    return Case.objects.filter(status=Status.SUBMITTED).order_by("priority", "submitted_at", "id")


def page_query(cursor: str | None, size: int) -> QuerySet[Case]:
    """The rows of one page plus one (to know whether there is a next page). Only the columns
    the queue shows are read, all of them in the ``case_queue_order`` index."""
    rows = waiting().only("id", "priority", "submitted_at")
    after = _decode(cursor) if cursor else None
    if after is not None:
        priority, submitted_at, case_id = after
        rows = rows.filter(
            Q(priority__gt=priority)
            | Q(priority=priority, submitted_at__gt=submitted_at)
            | Q(priority=priority, submitted_at=submitted_at, id__gt=case_id)
        )
    return rows[: size + 1]


def page(cursor: str | None = None, size: int | None = None) -> Page:
    size = size or settings.FOLLICLE_QUEUE_PAGE_SIZE
    found = list(page_query(cursor, size))
    more = len(found) > size
    found = found[:size]
    return Page(rows=found, next_cursor=_encode(found[-1]) if more and found else None)
