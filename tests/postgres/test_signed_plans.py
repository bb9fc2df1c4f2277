"""On PostgreSQL a signed plan refuses UPDATE, even from raw SQL."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from follicle.web.reviews.integrity import verify_plans
from follicle.web.reviews.models import Plan
from tests.cases import sign_draft
from tests.reviews.scenarios import claimed


def _plan() -> Plan:
    case, doctor, _ = claimed("signed@example.org", "signer@example.org")
    return sign_draft(case, doctor, instructions="Once a day.")


def test_updating_a_signed_plan_fails_in_the_database() -> None:
    plan = _plan()
    with (
        pytest.raises(DatabaseError, match="signed"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE reviews_plan SET instructions = 'Twice a day.' WHERE id = %s", [plan.id]
        )
    assert Plan.objects.get(id=plan.id).instructions == "Once a day."
    verdict = verify_plans()
    assert verdict.ok and verdict.plans == 1
