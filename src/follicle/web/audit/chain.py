"""The hash chain: how an event's hash is computed, and how the chain is verified."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def event_hash(
    *,
    previous_hash: str,
    sequence: int,
    at: datetime,
    actor_id: int | None,
    actor_role: str,
    action: str,
    case_id: str | None,
    ip: str | None,
    detail: dict[str, Any],
    request_id: str = "",
    operator: str = "",
) -> str:
    fields: dict[str, Any] = {
        "sequence": sequence,
        "at": at.isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_role": actor_role,
        "action": action,
        "case_id": case_id,
        "ip": ip,
        "detail": detail,
    }
    # Added later: hashed only when set, so the events written before them still verify.
    if request_id:
        fields["request_id"] = request_id
    if operator:
        fields["operator"] = operator
    payload = json.dumps(
        fields,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256((previous_hash + payload).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Verdict:
    events: int
    broken_at: int | None  # sequence number of the first event that does not fit
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(
    events: Iterable[Any], head_sequence: int | None = None, head_hash: str | None = None
) -> Verdict:
    """Walk events in sequence order; report the first that is missing, out of place or altered."""
    previous, expected, count = GENESIS, 1, 0
    for event in events:
        count += 1
        if event.sequence != expected:
            return Verdict(
                count, expected, f"event {expected} is missing (found {event.sequence} next)"
            )
        if event.previous_hash != previous:
            return Verdict(count, event.sequence, "it does not link to the event before it")
        recomputed = event_hash(
            previous_hash=event.previous_hash,
            sequence=event.sequence,
            at=event.at,
            actor_id=event.actor_id,
            actor_role=event.actor_role,
            action=event.action,
            case_id=str(event.case_id) if event.case_id else None,
            ip=event.ip,
            detail=event.detail,
            request_id=getattr(event, "request_id", ""),
            operator=getattr(event, "operator", ""),
        )
        if recomputed != event.hash:
            return Verdict(count, event.sequence, "its contents were changed after it was written")
        previous, expected = event.hash, expected + 1
    if head_sequence is not None and head_sequence != expected - 1:
        return Verdict(
            count, expected, f"the chain ends at {expected - 1} but the head says {head_sequence}"
        )
    if head_hash is not None and head_sequence and head_hash != previous:
        return Verdict(count, expected - 1, "the last event is not the one the head recorded")
    return Verdict(count, None, None)
