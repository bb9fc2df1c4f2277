"""Password reset answers the same whether or not the address has an account: the email goes
out in the background, so the request does the same work on both paths (no account is looked
up in it) and sends the same page. Compared here without any timing: the bytes of the page, the
status and headers, the SQL the request ran, the session and the queued tasks.

Both paths enqueue one task: the task (in the worker) is what looks the address up, so an
unknown address costs the request exactly what a known one does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend
from django_tasks.backends.dummy import DummyBackend

from follicle.web.accounts import actions
from follicle.web.audit.models import AuditEvent
from tests.personas import TEST_AUDIT, make_person

RESET = "/accounts/password-reset/"
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
#: Headers that differ between any two responses, whatever the address.
VARYING_HEADERS = {"Date", "Set-Cookie"}


@pytest.fixture
def queued(settings: Any) -> Iterator[Any]:
    """Tasks are queued, not run (as with the database backend in production)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = cast(DummyBackend, default_task_backend)
    backend.clear()
    yield backend
    backend.clear()


def _sql_shapes(queries: list[dict[str, str]]) -> list[str]:
    """The statements run, without parameters or savepoint names (ids, times, hashes differ)."""
    return [re.sub(r"'[^']*'|\"s\d+_x\d+\"|\b\d+\b", "?", q["sql"]) for q in queries]


def _ask(email: str, address: str) -> dict[str, Any]:
    client = Client(REMOTE_ADDR=address)
    page = client.get(RESET)
    last = AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(RESET, {"email": email})
    sql = _sql_shapes(queries.captured_queries)  # before the next request clears the log
    assert sql, "the capture saw the request's queries"
    done = client.get(response["Location"])
    return {
        "form": CSRF.sub(b"", page.content),
        "status": response.status_code,
        "location": response["Location"],
        "headers": {k: v for k, v in response.headers.items() if k not in VARYING_HEADERS},
        "body": response.content,
        "done": CSRF.sub(b"", done.content),
        "sql": sql,
        "session": sorted(client.session.keys()),
        "audited": list(
            AuditEvent.objects.filter(sequence__gt=last or 0).values_list("action", "detail")
        ),
    }


def test_the_request_is_the_same_for_a_known_and_an_unknown_address(db: None, queued: Any) -> None:
    make_person("known@example.org")
    known = _ask("known@example.org", "198.51.100.30")
    after_known = len(queued.results)
    unknown = _ask("unknown@example.org", "198.51.100.31")
    assert known == unknown
    assert known["status"] == 302 and known["location"] == "/accounts/password-reset/sent/"
    assert known["audited"] == [("account.password_reset_requested", {})]
    assert after_known == 1 and len(queued.results) == 2  # one task each, the same task
    first, second = queued.results
    assert first.task.name == second.task.name
    assert not mail.outbox  # nothing sent in the request


def test_the_worker_emails_an_account_and_records_it_by_id(db: None) -> None:
    person = make_person("worker@example.org")
    assert actions.send_password_reset(audit=TEST_AUDIT, email="WORKER@example.org") == 1
    assert "/accounts/password-reset/" in mail.outbox[-1].body
    assert mail.outbox[-1].to == [person.email]
    sent = AuditEvent.objects.get(action="account.password_reset_sent")
    assert sent.detail == {"user_id": person.pk}


def test_the_worker_sends_nothing_for_an_unknown_address(db: None) -> None:
    assert actions.send_password_reset(audit=TEST_AUDIT, email="nobody@example.org") == 0
    assert not mail.outbox
    assert not AuditEvent.objects.filter(action="account.password_reset_sent").exists()


def test_the_queued_task_sends_the_email_when_run(db: None, queued: Any) -> None:
    make_person("later@example.org")
    Client().post(RESET, {"email": "later@example.org"})
    assert not mail.outbox
    (result,) = queued.results
    assert result.task.call(*result.args, **result.kwargs) == 1
    link = next(line for line in mail.outbox[-1].body.splitlines() if RESET in line)
    assert link.startswith("http://testserver/accounts/password-reset/")
