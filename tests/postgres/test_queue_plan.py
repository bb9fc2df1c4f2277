"""The queue query reads the case_queue_order index, never the whole table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db import connection
from django.utils import timezone

from follicle.bench_support import bulk_cases
from follicle.web.reviews import queue
from tests.personas import make_person


def fill(n: int) -> None:
    bulk_cases(make_person("many@example.org"), n, start=timezone.now() - timedelta(days=30))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reviews_case")


def plan_of(sql: str, params: Sequence[Any]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_first_and_a_later_page_use_the_index() -> None:
    fill(30_000)
    first = queue.page(size=50)
    later_cursor = first.next_cursor
    assert later_cursor is not None
    for rows in (queue.page_query(None, 50), queue.page_query(later_cursor, 50)):
        sql, params = rows.query.sql_with_params()
        plan = plan_of(sql, params)
        assert "case_queue_order" in plan, plan
        assert "Seq Scan" not in plan, plan


def test_the_lapsed_claims_shown_above_the_queue_use_the_claim_index() -> None:
    fill(30_000)
    rows = queue.lapsed_query(make_person("reader@example.org"), 50)
    sql, params = rows.query.sql_with_params()
    plan = plan_of(sql, params)
    assert "case_claim_expiry" in plan, plan
    assert "Seq Scan" not in plan, plan
