"""A GET writes nothing: every route of the URL resolver, opened by every persona, leaves every
table as it was. The one exception is the audit of the read itself (``case.viewed.*``,
``queue.viewed``); in the session, only the idle and absolute timeout stamps and Django's
password-reset token (moved out of the URL so it cannot leak in a Referer) may change.

The routes come from the resolver, so a new route without sample arguments fails here until
it is given some. The world holds the states where a read used to write: a colleague's lapsed
claim (the queue released it), a case the clinician holds (opening it renewed the claim), an
unconfirmed address with its link (opening it confirmed the address and signed in), a set-up
whose code expired (showing the page deleted the device), a reset link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from follicle.knowledge import default_knowledge
from follicle.web.accounts import actions as account_actions
from follicle.web.accounts.models import EnrolmentCode, User
from follicle.web.accounts.models import UserSession as Session
from follicle.web.accounts.tokens import email_verification_token
from follicle.web.assessment.flow import steps
from follicle.web.audit.models import AuditEvent
from follicle.web.middleware import LAST_SEEN, SIGNED_IN_AT
from follicle.web.reviews import actions as review_actions
from follicle.web.reviews.models import Case
from follicle.web.session_markers import ENROLLING
from tests.cases import make_case, sign_draft
from tests.personas import PASSWORD, TEST_AUDIT, Persona, signed_in, web_audit
from tests.web.conftest import STEP_FORMS

PERSONAS = ["anonymous", "person_a", "person_b", "clinician_no_2fa", "clinician", "admin"]

#: What a read may add to the audit trail: the record of the read, or of its refusal.
READ_EVENTS = re.compile(r"^(case\.viewed\.\w+|queue\.viewed|access\.refused)$")

#: Session keys a read may change: the timeout stamps, Django's reset token.
SESSION_KEYS_A_READ_MAY_CHANGE = {LAST_SEEN, SIGNED_IN_AT, INTERNAL_RESET_SESSION_TOKEN}

#: Compared on their own terms above (the audit) or below (the session).
NOT_COMPARED_AS_ROWS = {"audit_auditevent", "audit_audithead", "accounts_usersession"}


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        else:
            assert isinstance(entry, URLPattern)
            yield prefix + str(entry.pattern)


ROUTES = sorted(set(_routes(get_resolver().url_patterns)))


@dataclass
class World:
    personas: dict[str, Persona]
    waiting: Case  # person A's, in the queue
    held: Case  # claimed by the clinician persona
    lapsed: Case  # a colleague's claim that lapsed
    issued: Case  # a signed plan
    unconfirmed: User  # signed up, address not yet confirmed


@pytest.fixture
def world(
    anonymous: Persona,
    person_a: Persona,
    person_b: Persona,
    clinician_no_2fa: Persona,
    clinician: Persona,
    other_clinician: Persona,
    admin: Persona,
) -> World:
    waiting = make_case(person_a.user)
    held = make_case(person_a.user)
    lapsed = make_case(person_b.user)
    issued = make_case(person_b.user)
    review_actions.claim(audit=TEST_AUDIT, case_id=held.id, clinician=clinician.user)
    review_actions.claim(audit=TEST_AUDIT, case_id=lapsed.id, clinician=other_clinician.user)
    review_actions.claim(audit=TEST_AUDIT, case_id=issued.id, clinician=clinician.user)
    sign_draft(issued, clinician.user)
    old = timezone.now() - timedelta(minutes=settings.FOLLICLE_CLAIM_MINUTES + 5)
    Case.objects.filter(id__in=[lapsed.id, held.id]).update(claimed_at=old)
    for case in (waiting, held, lapsed, issued):
        case.refresh_from_db()
    unconfirmed = account_actions.sign_up(
        audit=web_audit(), email="unconfirmed@example.org", password=PASSWORD
    )
    assert unconfirmed is not None
    # A set-up in progress whose code then expired, in the no-second-factor clinician's session.
    code = account_actions.issue_enrolment_code(audit=TEST_AUDIT, user=clinician_no_2fa.user)
    _, device = account_actions.accept_enrolment_code(
        audit=web_audit(), user=clinician_no_2fa.user, code=code
    )
    assert device is not None
    session = clinician_no_2fa.client.session
    session[ENROLLING] = device.pk
    session.save()
    EnrolmentCode.objects.filter(user=clinician_no_2fa.user).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    # Person B has started turning on an authenticator app (the page shows its key).
    own = account_actions.start_own_authenticator(audit=web_audit(), user=person_b.user)
    assert own is not None
    session = person_b.client.session
    session[ENROLLING] = own.pk
    session.save()
    # Answers in progress in the anonymous visitor's session and person A's.
    for persona in (anonymous, person_a):
        for step, data in STEP_FORMS.items():
            persona.client.post(f"/assessment/{step}/", data)
    return World(
        personas={
            "anonymous": anonymous,
            "person_a": person_a,
            "person_b": person_b,
            "clinician_no_2fa": clinician_no_2fa,
            "clinician": clinician,
            "admin": admin,
        },
        waiting=waiting,
        held=held,
        lapsed=lapsed,
        issued=issued,
        unconfirmed=unconfirmed,
    )


def _samples(world: World) -> dict[str, list[dict[str, str]]]:
    """Arguments for every parameter of every route, by parameter name."""
    knowledge = default_knowledge()
    treatments = sorted(knowledge.treatments)
    person = world.personas["person_b"].user
    unconfirmed = world.unconfirmed
    return {
        "case_id": [
            {"case_id": str(c.id)} for c in (world.waiting, world.held, world.lapsed, world.issued)
        ],
        "step_id": [{"step_id": s.id} for s in steps(knowledge)],
        "treatment_id": [{"treatment_id": treatments[0]}],
        "first": [{"first": treatments[0], "second": treatments[1]}],
        "slug": [{"slug": slug} for slug in sorted(knowledge.articles)[:2]],
        "uidb64": [
            {
                "uidb64": urlsafe_base64_encode(force_bytes(unconfirmed.pk)),
                "token": email_verification_token.make_token(unconfirmed),
            },
            {
                "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
                "token": default_token_generator.make_token(person),
            },
        ],
        "object_id": [{"object_id": str(person.pk)}],
        "id": [{"id": str(person.pk)}],
        "content_type_id": [
            {
                "content_type_id": str(ContentType.objects.get_for_model(User).pk),
                "object_id": str(person.pk),
            }
        ],
    }


#: Routes written as regular expressions, and what to open for each.
REGEX_ROUTES = {
    "admin/^(?P<app_label>": ["/admin/accounts/", "/admin/axes/"],  # apps in registry order
    "admin/(?P<url>.*)$": ["/admin/no-such-page/"],
}

_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def _urls(route: str, world: World) -> list[str]:
    for start, urls in REGEX_ROUTES.items():
        if route.startswith(start):
            return urls
    names = _PARAMETER.findall(route)
    if not names:
        return ["/" + route]
    samples = _samples(world)
    assert names[0] in samples, f"give the route {route!r} sample arguments for {names}"
    urls = []
    for arguments in samples[names[0]]:
        missing = set(names) - set(arguments)
        assert not missing, f"the sample for {route!r} lacks {missing}"
        urls.append(
            "/" + _PARAMETER.sub(lambda m, a=arguments: a[m.group(1)], route)  # type: ignore[misc]
        )
    return urls


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
        for url in _urls(route, world):
            for name in PERSONAS:
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
        assert _urls(route, world)
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
