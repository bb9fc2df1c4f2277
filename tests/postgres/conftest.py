"""PostgreSQL-only tests. They run when ``DATABASE_URL`` points at PostgreSQL (``make test``
does that when a server answers; CI always does); elsewhere they are skipped, except under
``CI=true``, where a missing PostgreSQL is a failure."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.conftest import optional_skip


@pytest.fixture(autouse=True)
def _require_postgresql(db: None) -> None:
    if connection.vendor != "postgresql":
        optional_skip("these tests need DATABASE_URL to point at PostgreSQL")
