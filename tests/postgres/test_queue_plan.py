"""The queue query reads the case_queue_order index, never the whole table."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from follicle.web.reviews import queue
from follicle.web.reviews.bulk import bulk_cases
from tests.reviews.conftest import make_person


def fill(n: int) -> None:
    bulk_cases(make_person("many@example.org"), n, start=timezone.now() - timedelta(days=30))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reviews_case")


def plan_of(sql: str, params: tuple[object, ...]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_first_and_a_later_page_use_the_index() -> None:
    fill(30_000)
    first = queue.page(size=50)
    later_cursor = first.next_cursor
    assert later_cursor is not None
    for rows in (queue.waiting()[:51], _after(later_cursor)):
        sql, params = rows.query.sql_with_params()
        plan = plan_of(sql, params)
        assert "case_queue_order" in plan, plan
        assert "Seq Scan" not in plan, plan


def _after(cursor: str):  # type: ignore[no-untyped-def]
    from django.db.models import Q

    decoded = queue._decode(cursor)
    assert decoded is not None
    priority, submitted_at, case_id = decoded
    return queue.waiting().filter(
        Q(priority__gt=priority)
        | Q(priority=priority, submitted_at__gt=submitted_at)
        | Q(priority=priority, submitted_at=submitted_at, id__gt=case_id)
    )[:51]
