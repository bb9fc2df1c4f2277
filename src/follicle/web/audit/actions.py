"""Writing to the audit trail. Call :func:`record` inside the transaction of the change it
describes, so the change and its audit event commit or roll back together."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from follicle.web.audit.chain import Verdict, event_hash, verify
from follicle.web.audit.models import AuditEvent, AuditHead
from follicle.web.client_address import client_address


def _locked_head() -> AuditHead:
    """The head row, locked. The very first writer creates it (get_or_create does so in a
    savepoint, so a writer racing to create it too simply finds it); every later event costs
    one query."""
    return AuditHead.objects.select_for_update().get_or_create(id=1)[0]


def record(
    *,
    action: str,
    actor: Any = None,
    case_id: UUID | str | None = None,
    request: HttpRequest | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event, linked to the one before it. Never pass personal data in ``detail``."""
    with transaction.atomic():
        head = _locked_head()
        actor_id = (
            getattr(actor, "pk", None) if actor is not None and actor.is_authenticated else None
        )
        fields: dict[str, Any] = {
            "sequence": head.sequence + 1,
            "at": timezone.now(),
            "actor_id": actor_id,
            "actor_role": getattr(actor, "role", "") if actor_id is not None else "anonymous",
            "action": action,
            "case_id": str(case_id) if case_id else None,
            "ip": client_address(request),
            "detail": dict(detail or {}),
        }
        digest = event_hash(previous_hash=head.hash, **fields)
        event = AuditEvent.objects.create(**fields, previous_hash=head.hash, hash=digest)
        AuditHead.objects.filter(id=1).update(sequence=event.sequence, hash=digest)
        return event


def verify_chain() -> Verdict:
    head = AuditHead.objects.filter(id=1).first()
    return verify(
        AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000),
        head_sequence=head.sequence if head else 0,
        head_hash=head.hash if head else None,
    )
