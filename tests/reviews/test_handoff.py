"""The hand-off: a review asked for before the address is confirmed is kept on the server, so
confirming and signing in on any device continues it; sending it makes exactly one case, with a
reference, a receipt email without health details, and the review's terms from the settings."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from follicle.engine.examples import EXAMPLE
from follicle.knowledge import default_knowledge
from follicle.web.accounts.models import User
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews import actions
from follicle.web.reviews.models import REFERENCE_ALPHABET, Case, ReviewRequest
from follicle.web.reviews.terms import DEMO_CLINIC
from tests.cases import make_case
from tests.personas import PASSWORD, Persona, web_audit
from tests.web.conftest import STEP_FORMS

Capture = Callable[..., AbstractContextManager[Any]]
NOTE = "My father went bald early"
EMAIL = "new.person@example.org"


@pytest.fixture
def capture(django_capture_on_commit_callbacks: Capture) -> Capture:
    mail.outbox.clear()
    return django_capture_on_commit_callbacks


def _answered() -> tuple[Client, str]:
    """A browser that took the assessment, and the review key of its answers."""
    browser = Client()
    for step, data in STEP_FORMS.items():
        browser.post(f"/assessment/{step}/", data)
    return browser, browser.get("/assessment/result/").context["review_key"]


def _ask_and_sign_up(browser: Client, key: str, capture: Capture, email: str = EMAIL) -> str:
    """Ask for a review from the result, sign up; the path of the link in the email."""
    response = browser.post("/reviews/request/", {"idempotency_key": key, "note": NOTE})
    with capture(execute=True):
        browser.post(
            response["Location"],
            {"email": email, "password": PASSWORD, "consent": "on", "next": "/reviews/confirm/"},
        )
    body = mail.outbox[-1].body
    link = next(line for line in body.splitlines() if "/accounts/verify/" in line)
    return link.replace("http://testserver", "").strip()


def _sign_in(browser: Client, next_path: str = "") -> Any:
    url = f"/accounts/login/?next={next_path}" if next_path else "/accounts/login/"
    return browser.post(url, {"username": EMAIL, "password": PASSWORD})


def test_signing_up_after_asking_keeps_the_request_on_the_server(
    db: None, capture: Capture
) -> None:
    browser, key = _answered()
    _ask_and_sign_up(browser, key, capture)
    held = ReviewRequest.objects.get()
    person = User.objects.get(email=EMAIL)
    assert held.person == person and person.email_verified_at is None
    assert str(held.idempotency_key) == key
    assert held.note == NOTE and held.answers["age"] == 34
    assert held.expires_at - held.created_at == timedelta(days=7)
    assert AuditEvent.objects.filter(action="review_request.held", case_id=held.id).count() == 1


def test_the_request_holds_only_what_sending_needs() -> None:
    fields = {f.name for f in ReviewRequest._meta.get_fields()}
    assert fields == {
        "id",
        "person",
        "idempotency_key",
        "answers",
        "note",
        "created_at",
        "expires_at",
    }


def test_the_link_opened_in_another_browser_then_signing_in_there_sends_one_case(
    db: None, capture: Capture
) -> None:
    first, key = _answered()
    link = _ask_and_sign_up(first, key, capture)
    phone = Client()  # the mail app's own browser: no answers, no session
    response = phone.post(link)
    assert response["Location"] == "/accounts/login/?next=%2Freviews%2Fconfirm%2F"
    response = _sign_in(phone, "/reviews/confirm/")
    assert response["Location"] == "/reviews/confirm/"
    page = phone.get("/reviews/confirm/")
    assert page.status_code == 200
    text = page.content.decode()
    assert NOTE in text and "Send for review" in text
    with capture(execute=True):
        response = phone.post("/reviews/confirm/", {"idempotency_key": key})
    case = Case.objects.get()
    assert response["Location"] == f"/my/cases/{case.id}/"
    assert case.note == NOTE and str(case.idempotency_key) == key
    assert not ReviewRequest.objects.exists()
    # The first browser signs in too and presses "Send" on the page it still shows.
    _sign_in(first)
    first.post("/reviews/confirm/", {"idempotency_key": key})
    phone.post("/reviews/confirm/", {"idempotency_key": key})  # and the phone again
    assert Case.objects.count() == 1


def test_two_confirmations_and_sending_from_both_browsers_make_one_case(
    db: None, capture: Capture
) -> None:
    first, key = _answered()
    link = _ask_and_sign_up(first, key, capture)
    response = first.post(link)  # the browser that signed up is signed in by the link
    assert response["Location"] == "/reviews/confirm/"
    assert NOTE in first.get("/reviews/confirm/").content.decode()
    phone = Client()
    again = phone.post(link)  # a link works once; the page says to sign in
    assert again.status_code == 400 and "Sign in" in again.content.decode()
    _sign_in(phone)
    assert "waiting to be sent" in phone.get("/my/cases/").content.decode()
    for browser in (first, phone, first):
        browser.post("/reviews/confirm/", {"idempotency_key": key})
    assert Case.objects.count() == 1
    assert not ReviewRequest.objects.exists()


def test_signing_in_shows_the_waiting_request_and_what_it_needs_next(
    db: None, capture: Capture
) -> None:
    first, key = _answered()
    link = _ask_and_sign_up(first, key, capture)
    laptop = Client()
    _sign_in(laptop)  # before confirming: signing in works, sending waits for the address
    text = laptop.get("/my/cases/").content.decode()
    assert "Your answers are waiting to be sent" in text
    assert "confirm your email address" in text
    assert laptop.get("/reviews/confirm/")["Location"] == "/accounts/check-email/"
    assert laptop.post("/reviews/confirm/", {"idempotency_key": key})["Location"] == (
        "/accounts/check-email/"
    )
    assert not Case.objects.exists()
    Client().post(link)
    text = laptop.get("/my/cases/").content.decode()
    assert "check your answers and send them" in text
    assert 'href="/reviews/confirm/"' in text
    laptop.post("/reviews/confirm/", {"idempotency_key": key})
    text = laptop.get("/my/cases/").content.decode()
    assert "waiting to be sent" not in text
    assert Case.objects.get().reference in text


def test_reading_a_waiting_request_is_audited(db: None, capture: Capture) -> None:
    first, key = _answered()
    Client().post(_ask_and_sign_up(first, key, capture))
    laptop = Client()
    _sign_in(laptop)
    laptop.get("/reviews/confirm/")
    laptop.get("/my/cases/")
    held = ReviewRequest.objects.get()
    actions_seen = set(AuditEvent.objects.filter(case_id=held.id).values_list("action", flat=True))
    assert {"review_request.viewed.send", "review_request.viewed.list"} <= actions_seen


def test_sending_makes_the_case_from_the_request_with_one_history(person_a: Persona) -> None:
    key = uuid.uuid4()
    held = actions.hold_request(
        audit=web_audit(person_a.user),
        person=person_a.user,
        answers=dict(EXAMPLE),
        note="hello",
        idempotency_key=key,
        knowledge=default_knowledge(),
    )
    assert held is not None
    case = actions.send_request(
        audit=web_audit(person_a.user),
        person=person_a.user,
        idempotency_key=key,
        knowledge=default_knowledge(),
    )
    assert case.id == held.id
    trail = list(AuditEvent.objects.filter(case_id=case.id).order_by("sequence"))
    assert [e.action for e in trail] == [
        "review_request.held",
        "case.submitted",
        "review_request.sent",
    ]


def test_a_newer_request_replaces_the_older_one(person_a: Persona) -> None:
    def ask(key: uuid.UUID, note: str) -> ReviewRequest | None:
        return actions.hold_request(
            audit=web_audit(person_a.user),
            person=person_a.user,
            answers=dict(EXAMPLE),
            note=note,
            idempotency_key=key,
            knowledge=default_knowledge(),
        )

    old_key, new_key = uuid.uuid4(), uuid.uuid4()
    old = ask(old_key, "first")
    assert ask(old_key, "first") == old  # a double click keeps the one request
    new = ask(new_key, "second")
    assert new is not None and old is not None
    assert list(ReviewRequest.objects.values_list("id", flat=True)) == [new.id]
    assert AuditEvent.objects.filter(action="review_request.replaced", case_id=old.id).exists()
    with pytest.raises(actions.NothingWaiting):
        actions.send_request(
            audit=web_audit(), person=person_a.user, idempotency_key=old_key,
            knowledge=default_knowledge(),
        )  # fmt: skip


def test_someone_elses_waiting_request_cannot_be_sent_or_taken(
    person_a: Persona, person_b: Persona
) -> None:
    key = uuid.uuid4()
    actions.hold_request(
        audit=web_audit(person_a.user),
        person=person_a.user,
        answers=dict(EXAMPLE),
        note="",
        idempotency_key=key,
        knowledge=default_knowledge(),
    )
    response = person_b.client.post("/reviews/confirm/", {"idempotency_key": str(key)})
    assert response["Location"] == "/my/cases/"
    with pytest.raises(actions.NotYours):
        actions.hold_request(
            audit=web_audit(person_b.user),
            person=person_b.user,
            answers=dict(EXAMPLE),
            note="",
            idempotency_key=key,
            knowledge=default_knowledge(),
        )
    assert not Case.objects.exists()
    assert ReviewRequest.objects.get().person == person_a.user


def test_an_expired_request_is_not_offered_and_the_purge_deletes_it_audited(
    person_a: Persona, person_b: Persona
) -> None:
    def hold(person: User) -> ReviewRequest:
        held = actions.hold_request(
            audit=web_audit(person),
            person=person,
            answers=dict(EXAMPLE),
            note="",
            idempotency_key=uuid.uuid4(),
            knowledge=default_knowledge(),
        )
        assert held is not None
        return held

    expired, fresh = hold(person_a.user), hold(person_b.user)
    ReviewRequest.objects.filter(id=expired.id).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert "waiting to be sent" not in person_a.client.get("/my/cases/").content.decode()
    assert "waiting to be sent" in person_b.client.get("/my/cases/").content.decode()
    response = person_a.client.post(
        "/reviews/confirm/", {"idempotency_key": str(expired.idempotency_key)}
    )
    assert response["Location"] == "/my/cases/" and not Case.objects.exists()
    call_command("purge_review_requests", operator="pytest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(ReviewRequest.objects.values_list("id", flat=True)) == [fresh.id]
    event = AuditEvent.objects.get(action="review_request.expired")
    assert event.case_id == expired.id and event.operator == "pytest"


def test_no_address_or_note_travels_in_a_url(db: None, capture: Capture) -> None:
    first, key = _answered()
    link = _ask_and_sign_up(first, key, capture)
    phone = Client()
    locations = [phone.post(link)["Location"], _sign_in(phone, "/reviews/confirm/")["Location"]]
    with capture(execute=True):
        locations.append(phone.post("/reviews/confirm/", {"idempotency_key": key})["Location"])
    for location in [link, *locations]:
        assert "@" not in location and "father" not in location.lower(), location


# --- After sending: the reference, the receipt, the terms ---------------------------------------


def test_a_case_reference_is_random_readable_and_not_its_id(person_a: Persona) -> None:
    cases = [make_case(person_a.user) for _ in range(5)]
    references = [c.reference for c in cases]
    assert len(set(references)) == 5
    for case in cases:
        assert re.fullmatch(
            rf"FL-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}", case.reference
        )
        assert case.reference.replace("FL-", "").replace("-", "").lower() not in case.id.hex


def _clinical_words() -> set[str]:
    knowledge = default_knowledge()
    words = {t.name for t in knowledge.treatments.values()}
    words |= {c.name for c in knowledge.conditions.values()}
    return {w for w in words if w}


def test_the_receipt_email_has_the_reference_and_terms_and_no_clinical_detail(
    db: None, capture: Capture
) -> None:
    first, key = _answered()
    first.post(_ask_and_sign_up(first, key, capture))
    with capture(execute=True):
        first.post("/reviews/confirm/", {"idempotency_key": key})
    case = Case.objects.get()
    [receipt] = [m for m in mail.outbox if "received" in m.subject]
    assert receipt.to == [EMAIL]
    assert case.reference in receipt.subject and case.reference in receipt.body
    assert DEMO_CLINIC in receipt.body and "demo terms" in receipt.body
    assert f"/my/cases/{case.id}/" in receipt.body
    text = f"{receipt.subject}\n{receipt.body}".lower()
    assert NOTE.lower() not in text
    named = sorted(w for w in _clinical_words() if w.lower() in text)
    assert named == []
    assert len(_clinical_words()) > 10  # the check would see a name if one were there


def test_sending_twice_sends_one_receipt(person_a: Persona, capture: Capture) -> None:
    key = uuid.uuid4()
    kwargs: dict[str, Any] = {
        "audit": web_audit(person_a.user),
        "person": person_a.user,
        "answers": dict(EXAMPLE),
        "note": "",
        "idempotency_key": key,
        "knowledge": default_knowledge(),
    }
    with capture(execute=True):
        actions.request_review(**kwargs)
        actions.request_review(**kwargs)
    assert len(mail.outbox) == 1


@override_settings(
    FOLLICLE_CLINIC_NAME="Northside Hair Clinic",
    FOLLICLE_CLINIC_JURISDICTION="the General Medical Council (UK)",
    FOLLICLE_REVIEW_TURNAROUND_DAYS=3,
    FOLLICLE_REVIEW_FEE="GBP 35",
)
def test_the_terms_come_from_the_settings_wherever_the_review_is_offered(
    person_a: Persona,
) -> None:
    client = person_a.client
    for step, data in STEP_FORMS.items():
        client.post(f"/assessment/{step}/", data)
    result = client.get("/assessment/result/")
    key = result.context["review_key"]
    client.post("/reviews/request/", {"idempotency_key": key, "note": ""})
    pages = {
        "result": result,
        "confirm": client.get("/reviews/confirm/"),
        "my cases": client.get("/my/cases/"),
    }
    client.post("/reviews/confirm/", {"idempotency_key": key})
    case = Case.objects.get()
    pages["sent"] = client.get(f"/my/cases/{case.id}/")
    for name, page in pages.items():
        text = page.content.decode()
        for shown in (
            "Northside Hair Clinic",
            "the General Medical Council (UK)",
            "3 working days",
            "GBP 35",
        ):
            assert shown in text, (name, shown)
        assert "demo terms" not in text, name
    sent = pages["sent"].content.decode()
    assert "Your request is sent" in sent and case.reference in sent
    assert "What happens next" in sent


def test_demo_terms_say_they_are_a_demo(person_a: Persona) -> None:
    text = person_a.client.get("/my/cases/").content.decode()
    assert DEMO_CLINIC in text and "demo terms" in text
