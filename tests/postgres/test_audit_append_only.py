"""On PostgreSQL the audit log refuses UPDATE and DELETE, whoever asks."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from follicle.web.audit.actions import record, verify_chain
from follicle.web.audit.models import AuditEvent
from tests.personas import TEST_AUDIT


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET action = 'edited' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_changing_the_log_fails(statement: str) -> None:
    event = record(action="test.event", audit=TEST_AUDIT)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [event.id])
    assert AuditEvent.objects.get(id=event.id).action == "test.event"
    assert verify_chain().ok


def test_the_orm_cannot_update_it_either() -> None:
    record(action="test.event", audit=TEST_AUDIT)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.update(action="edited")


def test_a_row_tampered_with_the_trigger_disabled_is_still_found() -> None:
    """A superuser can disable triggers; the hash chain still shows the change."""
    event = record(action="test.event", audit=TEST_AUDIT)
    record(action="test.after", audit=TEST_AUDIT)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER follicle_audit_no_change")
        cursor.execute(
            "UPDATE audit_auditevent SET detail = '{\"x\": 1}' WHERE id = %s", [event.id]
        )
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER follicle_audit_no_change")
    verdict = verify_chain()
    assert not verdict.ok and verdict.broken_at == event.sequence
