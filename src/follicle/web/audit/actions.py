"""Writing to the audit trail. Call :func:`record` inside the transaction of the change it
describes, so the change and its audit event commit or roll back together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from follicle.web.audit.chain import Verdict, event_hash, verify
from follicle.web.audit.context import AuditContext
from follicle.web.audit.models import AuditEvent, AuditHead


def _locked_head() -> AuditHead:
    """The head row, locked. The very first writer creates it (get_or_create does so in a
    savepoint, so a writer racing to create it too simply finds it); every later event costs
    one query."""
    return AuditHead.objects.select_for_update().get_or_create(id=1)[0]


def _role(actor_id: int | None, actor: Any, audit: AuditContext) -> str:
    if actor_id is not None:
        return str(getattr(actor, "role", ""))
    return "operator" if audit.operator else "anonymous"


def record(
    *,
    action: str,
    audit: AuditContext,
    actor: Any = None,
    case_id: UUID | str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event, linked to the one before it. Never pass personal data in ``detail``.

    The actor is ``actor`` if given (the person an action is about when nobody is signed in
    yet, say), otherwise the context's; address, request id and operator come from ``audit``.
    """
    [event] = record_each(
        action=action, audit=audit, actor=actor, case_ids=[case_id], detail=detail
    )
    return event


def record_each(
    *,
    action: str,
    audit: AuditContext,
    case_ids: Sequence[UUID | str | None],
    actor: Any = None,
    detail: dict[str, Any] | None = None,
) -> list[AuditEvent]:
    """Append one event per case (a list of cases shown at once), chained in order, with one
    lock, one insert and one update of the head however many cases there are."""
    actor = actor if actor is not None else audit.actor
    actor_id = getattr(actor, "pk", None) if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        head = _locked_head()
        at = timezone.now()
        previous, sequence = head.hash, head.sequence
        events = []
        for case_id in case_ids:
            sequence += 1
            fields: dict[str, Any] = {
                "sequence": sequence,
                "at": at,
                "actor_id": actor_id,
                "actor_role": _role(actor_id, actor, audit),
                "action": action,
                "case_id": str(case_id) if case_id else None,
                "ip": audit.address,
                "detail": dict(detail or {}),
                "request_id": audit.request_id,
                "operator": audit.operator or "",
            }
            digest = event_hash(previous_hash=previous, **fields)
            events.append(AuditEvent(**fields, previous_hash=previous, hash=digest))
            previous = digest
        if events:
            AuditEvent.objects.bulk_create(events)
            AuditHead.objects.filter(id=1).update(sequence=sequence, hash=previous)
        return events


def verify_chain() -> Verdict:
    head = AuditHead.objects.filter(id=1).first()
    return verify(
        AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000),
        head_sequence=head.sequence if head else 0,
        head_hash=head.hash if head else None,
    )
