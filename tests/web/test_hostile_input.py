"""The security probe's fuzz set against every form: bad input never reaches a server error or a
traceback, gets a field-level message, and changes nothing.

The probe found a number of more than 4,300 digits raising inside ``int()`` on ``/costs/`` (8
server errors in 365 tries), and assessment steps keeping an answer that was never judged (a
stage posted before the hair-loss pattern) or a 2.4 MB string in the session. Each form below
gets every hostile value in every field; the web test client re-raises any exception a view
lets through, so a server error fails the test where it happens.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from follicle.engine import validate_value
from follicle.knowledge import default_knowledge
from follicle.web.accounts.models import UserSession as Session
from follicle.web.assessment.actions import SESSION_KEY
from follicle.web.errors import RefusalsInOneLine
from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Status
from tests.cases import make_case, plan_post
from tests.personas import TEST_AUDIT, make_clinician, make_person, signed_in, with_totp
from tests.web.conftest import STEP_FORMS

#: Long digits (Python's 4,300-digit limit, and past any database column), numbers in other
#: scripts and notations, control and direction characters, markup, injection, and a 100 kB
#: string (under the request size limit, so it reaches the form).
HOSTILE = (
    "9" * 5000,
    "-" + "9" * 5000,
    "9" * 4301,
    "9" * 25,
    "99999999999999999999,000",
    "1e999999",
    "0x7f",
    "१२",
    "１２",
    "12.5",
    "NaN",
    "-0",
    " ",
    "\x00",
    "\u202e12",
    "a\r\nb",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7|add:7 }}",
    "x" * 100_000,
)
OVERSIZED = "x" * (600 * 1024)


def _no_fault(response: Any) -> None:
    assert response.status_code < 500, response.status_code
    body = response.content.decode(errors="replace")
    assert "Traceback" not in body
    assert 'File "' not in body


@pytest.fixture(autouse=True)
def logged() -> Iterator[io.StringIO]:
    """What the app's console log would write during the test, through the filters the
    settings give it (none may hold a traceback)."""
    root = logging.getLogger()
    [console] = [
        h for h in root.handlers if any(isinstance(f, RefusalsInOneLine) for f in h.filters)
    ]
    written = io.StringIO()
    copy = logging.StreamHandler(written)
    for log_filter in console.filters:
        copy.addFilter(log_filter)
    root.addHandler(copy)
    yield written
    root.removeHandler(copy)
    assert "Traceback" not in written.getvalue()


# --- The cost calculator (GET) --------------------------------------------------------------

COST_FIELDS = (
    "price_low",
    "price_high",
    "sessions_min",
    "sessions_max",
    "maintenance_min",
    "maintenance_max",
    "years",
    "unit",
    "treatment",
    "loaded",
)
COST_FORM = {
    "unit": "session",
    "price_low": "500",
    "price_high": "1500",
    "sessions_min": "3",
    "sessions_max": "4",
    "years": "5",
}


@pytest.mark.parametrize("field", COST_FIELDS)
def test_the_cost_calculator_answers_every_hostile_value_with_a_message(
    client: Client, field: str
) -> None:
    for value in HOSTILE:
        response = client.get("/costs/", {**COST_FORM, field: value})
        _no_fault(response)
        assert response.status_code in (200, 422)


def test_a_number_of_thousands_of_digits_is_too_large_not_a_server_error(client: Client) -> None:
    response = client.get("/costs/", {**COST_FORM, "price_high": "9" * 5000})
    assert response.status_code == 422
    assert "Enter the highest price in dollars of at most 1,000,000." in response.content.decode()


# --- The assessment steps (POST) ------------------------------------------------------------


def _step_fields() -> list[tuple[str, str]]:
    knowledge = default_knowledge()
    fields = []
    for step in knowledge.questionnaire.steps:
        for item in step.items:
            if item.type in ("months_by_treatment", "response_by_treatment"):
                fields += [(step.id, f"{item.id}.{t}") for t in list(knowledge.treatments)[:2]]
            else:
                fields.append((step.id, item.id))
    return fields


def _stored_answers(client: Client) -> dict[str, Any]:
    key = client.cookies.get("sessionid")
    if key is None:
        return {}
    session = Session.objects.filter(session_key=key.value).first()
    return dict(session.get_decoded().get(SESSION_KEY, {})) if session else {}


@pytest.mark.parametrize(("step", "field"), _step_fields())
def test_no_hostile_value_reaches_the_session(client: Client, step: str, field: str) -> None:
    knowledge = default_knowledge()
    for value in HOSTILE:
        response = client.post(f"/assessment/{step}/", {**STEP_FORMS.get(step, {}), field: value})
        _no_fault(response)
        assert response.status_code in (302, 422)
    for key, value in _stored_answers(client).items():
        assert validate_value(key, value, knowledge) == []
        assert len(json.dumps(value)) < 1000


def test_a_stage_posted_before_the_pattern_is_not_kept(client: Client) -> None:
    """The probe: ``scale_stage`` without ``pattern`` was kept, unjudged."""
    response = client.post("/assessment/your_hair_loss/", {"scale_stage": "x" * 100_000})
    assert response.status_code == 422
    assert 'href="#input-pattern-' in response.content.decode()  # pattern is asked for
    assert _stored_answers(client) == {}


def test_a_huge_answer_on_a_step_whose_question_waits_for_an_earlier_one_is_refused(
    client: Client,
) -> None:
    """With the pattern answered but the earlier sex question not, the stage's range cannot be
    chosen; the value is still judged on its own."""
    response = client.post(
        "/assessment/your_hair_loss/", {"pattern": "crown", "scale_stage": "9" * 5000}
    )
    assert response.status_code == 422
    assert "Enter a stage from 1 to 7" in response.content.decode()
    assert _stored_answers(client) == {}


def test_an_error_in_a_step_leaves_its_earlier_answers_as_they_were(client: Client) -> None:
    client.post("/assessment/about_you/", STEP_FORMS["about_you"])
    before = _stored_answers(client)
    response = client.post("/assessment/about_you/", {"age": "9" * 5000, "sex": "female"})
    assert response.status_code == 422
    assert _stored_answers(client) == before


# --- Requests refused before any view runs --------------------------------------------------


def test_a_form_post_over_the_size_limit_gets_the_too_large_page(client: Client) -> None:
    response = client.post("/assessment/about_you/", {"age": OVERSIZED, "sex": "male"})
    _no_fault(response)
    assert response.status_code == 413
    assert "too long to send" in response.content.decode()
    assert _stored_answers(client) == {}


def test_a_post_with_too_many_fields_is_refused(client: Client) -> None:
    response = client.post("/assessment/symptoms/", {"scalp_symptoms": ["none"] * 250})
    _no_fault(response)
    assert response.status_code == 400
    assert _stored_answers(client) == {}


def test_a_file_sent_to_a_form_is_refused(client: Client) -> None:
    upload = SimpleUploadedFile("answers.json", b"{}" * 1000, content_type="application/json")
    response = client.post("/assessment/about_you/", {"age": "34", "sex": "male", "f": upload})
    _no_fault(response)
    assert response.status_code == 400
    assert _stored_answers(client) == {}


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"age=%FF%FE&sex=male", "application/x-www-form-urlencoded"),
        (b"age=\xff\xfe&sex=\xc3", "application/x-www-form-urlencoded"),
        (b'{"age": ' + b"9" * 5000 + b', "sex": "male"}', "application/json"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json"),
        (b"--x\r\nContent-Disposition: form-data\r\n\r\nbroken", "multipart/form-data"),
        (b"--x\r\n", "multipart/form-data; boundary=x"),
    ],
)
def test_malformed_bodies_are_refused_or_read_as_an_empty_form(
    client: Client, body: bytes, content_type: str
) -> None:
    response = client.generic("POST", "/assessment/about_you/", body, content_type=content_type)
    _no_fault(response)
    assert response.status_code in (400, 422)
    assert _stored_answers(client) == {}


def test_a_refused_request_is_logged_in_one_line(client: Client, logged: io.StringIO) -> None:
    client.post("/assessment/about_you/", {"age": OVERSIZED})
    assert (
        logged.getvalue().strip() == "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE."
    )


# --- Accounts ---------------------------------------------------------------------------------


ACCOUNT_FORMS = [
    ("/accounts/signup/", {"email": "new@example.org", "password": "x" * 14, "consent": "on"}),
    ("/accounts/login/", {"username": "nobody@example.org", "password": "wrong password"}),
    ("/accounts/password-reset/", {"email": "nobody@example.org"}),
]


@pytest.mark.parametrize(("url", "form"), ACCOUNT_FORMS)
def test_account_forms_answer_hostile_values_with_a_message(
    client: Client, url: str, form: dict[str, str]
) -> None:
    for value in HOSTILE[::3]:  # a third of the set: sign-in attempts are rate-limited
        response = client.post(url, dict.fromkeys(form, value))
        _no_fault(response)
        assert response.status_code < 500


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/verify/" + "9" * 5000 + "/x/",
        "/accounts/verify/OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk/x/",
        "/accounts/verify/%FF%FE/x/",
        "/accounts/password-reset/" + "9" * 5000 + "/set-password/",
        "/accounts/password-reset/OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk/x/",
        "/treatments/" + "x" * 5000 + "/",
        "/my/cases/" + "9" * 5000 + "/",
    ],
)
def test_hostile_addresses_are_not_found_or_refused(client: Client, path: str) -> None:
    response = client.get(path)
    _no_fault(response)
    assert response.status_code in (200, 302, 400, 404)  # 200: "this link is not valid"


def test_the_second_factor_forms_answer_hostile_values(db: None) -> None:
    clinician = make_clinician("doc-fuzz@example.org")
    client = signed_in(clinician)  # signed in with the password only: the set-up form
    for value in HOSTILE:
        response = client.post("/accounts/two-factor/", {"code": value, "token": value})
        _no_fault(response)
        assert response.status_code < 500


# --- Reviews ----------------------------------------------------------------------------------


@pytest.fixture
def claimed_case(db: None) -> tuple[Client, Case]:
    clinician = make_clinician("doc-fuzz@example.org")
    case = make_case(make_person("fuzz@example.org"))
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician)
    case.refresh_from_db()
    return signed_in(clinician, with_totp(clinician)), case


def test_the_plan_form_answers_every_hostile_value_and_signs_nothing(
    claimed_case: tuple[Client, Case],
) -> None:
    client, case = claimed_case
    stale = str(case.version + 1)  # a valid plan would be refused as stale, never signed
    fields = [k for k in plan_post(case) if k.startswith(("order_", "status_"))][:4]
    for field in [*fields, "case_version", "instructions", "follow_up"]:
        for value in HOSTILE:
            if field == "case_version" and not value.strip():
                continue  # no version: the live claim decides (a valid form)
            data = plan_post(case, case_version=stale)
            response = client.post(f"/clinic/cases/{case.id}/", {**data, field: value})
            _no_fault(response)
            assert response.status_code in (409, 422), (field, value[:20], response.status_code)
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW
    assert not case.plans.exists()


def test_a_case_version_too_large_for_the_database_is_a_message(
    claimed_case: tuple[Client, Case],
) -> None:
    """A version past what the database holds is refused by the form, as a field message, not
    taken for "the case changed since you opened it"."""
    client, case = claimed_case
    response = client.post(
        f"/clinic/cases/{case.id}/refer/",
        {"text": "See a dermatologist.", "case_version": "9" * 25},
    )
    _no_fault(response)
    assert response.status_code == 422
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW


@pytest.mark.parametrize("which", ["refer", "ask"])
def test_the_message_forms_answer_every_hostile_value(
    claimed_case: tuple[Client, Case], which: str
) -> None:
    client, case = claimed_case
    stale = str(case.version + 1)
    for value in HOSTILE:
        if not value.strip():
            continue  # no version: the live claim decides (a valid form)
        for data in ({"text": value, "case_version": stale}, {"text": "x", "case_version": value}):
            response = client.post(f"/clinic/cases/{case.id}/{which}/", data)
            _no_fault(response)
            assert response.status_code in (409, 422)
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW


def test_a_persons_forms_answer_every_hostile_value(db: None) -> None:
    person = make_person("fuzz@example.org")
    case = make_case(person)
    client = signed_in(person)
    for value in HOSTILE:
        for url, data in (
            (f"/my/cases/{case.id}/", {"text": value}),
            ("/reviews/request/", {"note": value, "idempotency_key": value}),
            ("/reviews/confirm/", {"anything": value}),
        ):
            response = client.post(url, data)
            _no_fault(response)
    assert Case.objects.filter(person=person).count() == 1


def test_no_message_repeats_a_hostile_value_at_full_length(client: Client) -> None:
    response = client.post(
        "/assessment/about_you/", {"age": "34", "sex": "unknown-" + "z" * 50_000}
    )
    assert response.status_code == 422
    html = response.content.decode()
    messages = re.findall(r'<li><a href="#[^"]*">(.*?)</a></li>', html, re.S)
    assert messages
    assert all(len(m) < 400 for m in messages)
    assert "z" * 100 not in html
