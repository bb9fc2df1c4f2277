"""``/healthz`` says whether the app can reach its database, and nothing more."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from follicle.web.audit.models import AuditEvent


def test_it_answers_ok_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies  # no session made for a load balancer's probe


def test_it_answers_503_without_the_error_when_the_database_does_not(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    refused = OperationalError('could not connect to server "db.internal" at 10.0.0.5')
    with mock.patch("follicle.web.health.connection.cursor", side_effect=refused):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert "db.internal" not in response.content.decode()
    logged = [r.getMessage() for r in caplog.records]
    assert "health check: the database did not answer (OperationalError)" in logged
    assert not any("db.internal" in line for line in logged)


def test_it_writes_nothing_and_takes_no_post(client: Client) -> None:
    client.get("/healthz")
    assert not AuditEvent.objects.exists()
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
