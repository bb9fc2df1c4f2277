"""A GET writes nothing: every route of the URL resolver, opened by every persona, leaves every
table as it was. The one exception is the audit of the read itself (``case.viewed.*``,
``queue.viewed``); in the session, only the idle and absolute timeout stamps and Django's
password-reset token (moved out of the URL so it cannot leak in a Referer) may change.

The routes come from the resolver (``tests/reviews/routes.py``), so a new route without sample
arguments fails here until it is given some. The world holds the states where a read used to write: a colleague's lapsed
claim (the queue released it), a case the clinician holds (opening it renewed the claim), an
unconfirmed address with its link (opening it confirmed the address and signed in), a set-up
whose code expired (showing the page deleted the device), a reset link.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.db import connection
from django.test import Client

from follicle.web.accounts.models import UserSession as Session
from follicle.web.audit.models import AuditEvent
from follicle.web.middleware import LAST_SEEN, SIGNED_IN_AT
from follicle.web.reviews.models import Case
from follicle.web.session_markers import ENROLLING
from tests.personas import ROLES, signed_in
from tests.reviews.routes import ROUTES, World, sample_urls

#: What a read may add to the audit trail: the record of the read, or of its refusal.
READ_EVENTS = re.compile(r"^(case\.viewed\.\w+|queue\.viewed|access\.refused)$")

#: Session keys a read may change: the timeout stamps, Django's reset token.
SESSION_KEYS_A_READ_MAY_CHANGE = {LAST_SEEN, SIGNED_IN_AT, INTERNAL_RESET_SESSION_TOKEN}

#: Compared on their own terms above (the audit) or below (the session).
NOT_COMPARED_AS_ROWS = {"audit_auditevent", "audit_audithead", "accounts_usersession"}


def _rows() -> dict[str, list[str]]:
    """Every row of every table but the audit trail's and the sessions', comparable."""
    tables = sorted(set(connection.introspection.table_names()) - NOT_COMPARED_AS_ROWS)
    contents = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            contents[table] = sorted(repr(row) for row in cursor.fetchall())
    return contents


def _sessions() -> dict[str, dict[str, Any]]:
    return {
        s.session_key: {
            k: v for k, v in s.get_decoded().items() if k not in SESSION_KEYS_A_READ_MAY_CHANGE
        }
        for s in Session.objects.all()
    }


def _changed(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    return [
        table for table in sorted(set(before) | set(after)) if before.get(table) != after.get(table)
    ]


def test_opening_any_route_writes_nothing_for_any_persona(world: World) -> None:
    """One world for all routes (building it is the slow part); every write found is listed."""
    writes = []
    for route in ROUTES:
        for url in sample_urls(route, world):
            for name in ROLES:
                writes.extend(_writes_of_a_get(world.personas[name].client, name, url))
    assert not writes, "\n".join(writes)


def _writes_of_a_get(client: Client, name: str, url: str) -> list[str]:
    rows, sessions = _rows(), _sessions()
    last = AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    response = client.get(url)
    found = []
    if response.status_code >= 500:
        found.append(f"{name} GET {url}: {response.status_code}")
    found += [f"{name} GET {url}: wrote {table}" for table in _changed(rows, _rows())]
    if _sessions() != sessions:
        found.append(f"{name} GET {url}: changed a session")
    added = AuditEvent.objects.filter(sequence__gt=last or 0).values_list("action", flat=True)
    found += [
        f"{name} GET {url}: audited {action}" for action in added if not READ_EVENTS.match(action)
    ]
    return found


def test_every_route_has_samples_and_the_world_has_the_states_that_used_to_write(
    world: World,
) -> None:
    for route in ROUTES:
        assert sample_urls(route, world)
    assert world.lapsed.claimed_by_id is not None
    assert Case.objects.get(id=world.lapsed.id).claimed_at is not None
    assert not world.unconfirmed.email_verified
    session = world.personas["clinician_no_2fa"].client.session
    assert session.get(ENROLLING) is not None


def test_the_check_would_catch_a_read_that_writes(world: World) -> None:
    """The comparison is not blind: a row changed between the two snapshots is reported."""
    rows = _rows()
    Case.objects.filter(id=world.waiting.id).update(note="changed")
    assert _changed(rows, _rows()) == ["reviews_case"]
    sessions = _sessions()
    client = signed_in(world.personas["person_b"].user)
    session = client.session
    session["anything"] = 1
    session.save()
    assert _sessions() != sessions
