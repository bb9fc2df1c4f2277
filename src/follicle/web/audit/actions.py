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


def client_address(request: HttpRequest | None) -> str | None:
    """The address the request came from (the proxy's view when one is configured)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR")
    return str(address) if address else None


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
        head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
        sequence = head.sequence + 1
        at = timezone.now()
        actor_id = (
            getattr(actor, "pk", None) if actor is not None and actor.is_authenticated else None
        )
        actor_role = getattr(actor, "role", "") if actor_id is not None else "anonymous"
        ip = client_address(request)
        case = str(case_id) if case_id else None
        clean = dict(detail or {})
        digest = event_hash(
            previous_hash=head.hash,
            sequence=sequence,
            at=at,
            actor_id=actor_id,
            actor_role=actor_role,
            action=action,
            case_id=case,
            ip=ip,
            detail=clean,
        )
        event = AuditEvent.objects.create(
            sequence=sequence,
            at=at,
            actor_id=actor_id,
            actor_role=actor_role,
            action=action,
            case_id=case,
            ip=ip,
            detail=clean,
            previous_hash=head.hash,
            hash=digest,
        )
        AuditHead.objects.filter(id=1).update(sequence=sequence, hash=digest)
        return event


def verify_chain() -> Verdict:
    head = AuditHead.objects.filter(id=1).first()
    return verify(
        AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000),
        head_sequence=head.sequence if head else 0,
        head_hash=head.hash if head else None,
    )
