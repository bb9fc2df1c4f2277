"""The URL resolver's routes, and a world to open them in: every route of the app with sample
arguments, for the tests that open every route as every persona (reads write nothing, access
by role). A new route without sample arguments fails those tests until it is given some."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from follicle.knowledge import default_knowledge
from follicle.web.accounts import actions as account_actions
from follicle.web.accounts.models import EnrolmentCode, User
from follicle.web.accounts.tokens import email_verification_token
from follicle.web.assessment.flow import steps
from follicle.web.reviews import actions as review_actions
from follicle.web.reviews.models import Case
from follicle.web.session_markers import ENROLLING
from tests.cases import make_case, sign_draft
from tests.personas import PASSWORD, TEST_AUDIT, Persona, web_audit
from tests.web.conftest import STEP_FORMS


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        else:
            assert isinstance(entry, URLPattern)
            yield prefix + str(entry.pattern)


ROUTES = sorted(set(_walk(get_resolver().url_patterns)))


@dataclass
class World:
    personas: dict[str, Persona]
    waiting: Case  # person A's, in the queue
    held: Case  # claimed by the clinician persona
    lapsed: Case  # a colleague's claim that lapsed
    issued: Case  # a signed plan
    unconfirmed: User  # signed up, address not yet confirmed


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


def sample_urls(route: str, world: World) -> list[str]:
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


def build_world(
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
