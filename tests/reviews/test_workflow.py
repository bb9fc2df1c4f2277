"""The review workflow: asking once, claiming, questions, referrals, signed immutable plans,
notifications, and the queue's order and pages."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from follicle.engine.examples import EXAMPLE
from follicle.knowledge import default_knowledge
from follicle.web.accounts.models import User
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews import actions, queue
from follicle.web.reviews.models import Case, ImmutableError, Plan, Status
from tests.cases import make_case, plan_post
from tests.personas import PASSWORD, TEST_AUDIT, Persona, make_person, web_audit
from tests.web.conftest import STEP_FORMS


def test_asking_twice_with_the_same_key_creates_one_case(person_a: Persona) -> None:
    key = uuid.uuid4()
    kwargs: dict[str, Any] = {
        "audit": web_audit(),
        "person": person_a.user,
        "answers": dict(EXAMPLE),
        "note": "",
        "idempotency_key": key,
        "knowledge": default_knowledge(),
    }
    first = actions.request_review(**kwargs)
    second = actions.request_review(**kwargs)
    assert first.id == second.id
    assert Case.objects.count() == 1
    assert first.engine_version and first.knowledge_version == default_knowledge().version
    assert first.result["route"] == "online_plan"


def test_a_double_click_from_the_result_page_creates_one_case(person_a: Persona) -> None:
    client = person_a.client
    for step, data in STEP_FORMS.items():
        client.post(f"/assessment/{step}/", data)
    key = client.get("/assessment/result/").context["review_key"]
    for _ in range(2):  # double click
        client.post("/reviews/request/", {"idempotency_key": key, "note": "hi"})
        client.post("/reviews/confirm/", {"idempotency_key": key})
    client.post(
        "/reviews/request/", {"idempotency_key": key, "note": "hi"}
    )  # back button, resubmit
    client.post("/reviews/confirm/", {"idempotency_key": key})
    assert Case.objects.filter(person=person_a.user).count() == 1


def test_someone_else_cannot_reuse_a_key(person_a: Persona, person_b: Persona) -> None:
    case = make_case(person_a.user)
    with pytest.raises(actions.NotYours):
        actions.request_review(
            audit=web_audit(),
            person=person_b.user,
            answers=dict(EXAMPLE),
            note="",
            idempotency_key=case.idempotency_key,
            knowledge=default_knowledge(),
        )


def test_a_case_with_a_red_flag_goes_first_in_the_queue(person_a: Persona) -> None:
    older_plain = make_case(person_a.user)
    flagged = make_case(person_a.user, {**EXAMPLE, "onset": "sudden"})
    newer_plain = make_case(person_a.user)
    assert flagged.priority == 0 and older_plain.priority == 1
    # the flagged case jumps the older plain one; plain cases keep their arrival order
    assert [c.id for c in queue.page().rows] == [flagged.id, older_plain.id, newer_plain.id]


def test_the_queue_pages_by_keyset_without_gaps_or_repeats(person_a: Persona) -> None:
    made = [
        make_case(person_a.user, {**EXAMPLE, "onset": "sudden"} if n % 3 == 0 else None)
        for n in range(7)
    ]
    seen: list[uuid.UUID] = []
    cursor = None
    while True:
        page = queue.page(cursor, size=3)
        seen += [c.id for c in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(c.id for c in made)
    assert len(seen) == len(set(seen))
    priorities = [Case.objects.get(id=i).priority for i in seen]
    assert priorities == sorted(priorities)


def test_a_tampered_cursor_starts_from_the_top(person_a: Persona) -> None:
    make_case(person_a.user)
    assert len(queue.page("not-a-real-cursor").rows) == 1


def test_claim_then_second_claim_fails_then_release(
    person_a: Persona, clinician: Persona, other_clinician: Persona
) -> None:
    case = make_case(person_a.user)
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    with pytest.raises(actions.AlreadyClaimed):
        actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=other_clinician.user)
    actions.release(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=other_clinician.user)
    assert Case.objects.get(id=case.id).claimed_by == other_clinician.user


def test_a_lapsed_claim_is_offered_to_colleagues_without_the_queue_writing_it(
    person_a: Persona, clinician: Persona, other_clinician: Persona, settings: Any
) -> None:
    case, version = _claimed_then_lapsed(person_a, clinician, settings)
    page = other_clinician.client.get("/clinic/")
    assert page.status_code == 200
    assert [c.id for c in page.context["lapsed"]] == [case.id]
    assert f"/clinic/cases/{case.id}/claim/" in page.content.decode()
    unchanged = Case.objects.get(id=case.id)  # read as waiting, not written as released
    assert unchanged.status == Status.IN_REVIEW and unchanged.version == version
    assert not AuditEvent.objects.filter(action="case.claim_lapsed").exists()
    assert other_clinician.client.get(f"/clinic/cases/{case.id}/").status_code == 200
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=other_clinician.user)
    taken = Case.objects.get(id=case.id)
    assert taken.claimed_by == other_clinician.user and taken.version == version + 1
    event = AuditEvent.objects.get(
        case_id=case.id, action="case.claimed", detail__has_key="lapsed_claim_of"
    )
    assert event.detail == {"lapsed_claim_of": clinician.user.pk}


def test_a_live_claim_is_not_offered_and_cannot_be_taken(
    person_a: Persona, clinician: Persona, other_clinician: Persona
) -> None:
    case = make_case(person_a.user)
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    assert other_clinician.client.get("/clinic/").context["lapsed"] == []
    with pytest.raises(actions.AlreadyClaimed):
        actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=other_clinician.user)


def test_a_question_waits_for_the_person_and_the_answer_returns_the_case(
    person_a: Persona, clinician: Persona, django_capture_on_commit_callbacks: Any
) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    with django_capture_on_commit_callbacks(execute=True):
        clinician.client.post(
            f"/clinic/cases/{case.id}/ask/", {"text": "How long have you used minoxidil?"}
        )
    assert Case.objects.get(id=case.id).status == Status.NEEDS_INFORMATION
    assert (
        "How long have you used minoxidil?"
        in person_a.client.get(f"/my/cases/{case.id}/").content.decode()
    )
    assert person_a.client.post(f"/my/cases/{case.id}/", {"text": "Two years."}).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED and case.claimed_by is None
    assert any("question" in m.subject for m in mail.outbox)
    # A message's name (the admin, logs) says what and where, never what was written.
    question, answer = case.messages.all()
    assert [str(question), str(answer)] == [
        f"Question from the clinician {question.pk} on case {case.id}",
        f"Answer from the person {answer.pk} on case {case.id}",
    ]


def test_referral_closes_the_case_with_a_note(person_a: Persona, clinician: Persona) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    clinician.client.post(
        f"/clinic/cases/{case.id}/refer/", {"text": "See a dermatologist about the patches."}
    )
    case.refresh_from_db()
    assert case.status == Status.REFERRED_IN_PERSON
    assert "See a dermatologist" in person_a.client.get(f"/my/cases/{case.id}/").content.decode()


def test_every_change_from_the_draft_needs_a_reason(person_a: Persona, clinician: Persona) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    response = clinician.client.post(
        f"/clinic/cases/{case.id}/", plan_post(case, status_finasteride="not_now")
    )
    assert response.status_code == 422
    assert "Give a reason for changing the engine" in response.content.decode()
    assert not Plan.objects.exists()


def test_orders_must_be_one_to_n(person_a: Persona, clinician: Persona) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    first = case.result["options"][0]["treatment"]
    response = clinician.client.post(
        f"/clinic/cases/{case.id}/",
        plan_post(case, **{f"order_{first}": "2", f"reason_{first}": "swap"}),
    )
    assert response.status_code == 422
    assert "each number once" in response.content.decode()


def test_issuing_signs_notifies_and_shows_the_plan_to_the_person(
    person_a: Persona, clinician: Persona, django_capture_on_commit_callbacks: Any
) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    post = plan_post(
        case,
        status_finasteride="consider",
        reason_finasteride="Wants to discuss side effects first.",
        keep_order="on",  # "consider" above a "recommended", on purpose
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert clinician.client.post(f"/clinic/cases/{case.id}/", post).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.PLAN_ISSUED
    plan = case.plans.get()
    assert plan.signed_by == clinician.user and len(plan.content_hash) == 64
    email = mail.outbox[-1]
    assert email.to == [person_a.user.email]
    assert (
        "finasteride" not in email.body.lower() and "hair" not in email.subject.lower()
    )  # no health details
    html = person_a.client.get(f"/my/cases/{case.id}/").content.decode()
    assert "Dr Ada Lovelace" in html
    assert "Wants to discuss side effects first." in html
    assert plan.signed_at.strftime("%Y") in html


def _signed_on_the_page(person: Persona, clinician: Persona) -> Case:
    """A case of ``person``'s that ``clinician`` claimed and signed as drafted, through the page."""
    case = make_case(person.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    clinician.client.post(f"/clinic/cases/{case.id}/", plan_post(case))
    return case


def test_a_plan_is_issued_once(person_a: Persona, clinician: Persona) -> None:
    case = _signed_on_the_page(person_a, clinician)
    clinician.client.post(f"/clinic/cases/{case.id}/", plan_post(case))
    assert Plan.objects.filter(case=case).count() == 1


def test_pressing_sign_twice_shows_the_signed_plan_not_a_conflict(
    person_a: Persona, clinician: Persona
) -> None:
    case = _signed_on_the_page(person_a, clinician)
    again = clinician.client.post(f"/clinic/cases/{case.id}/", plan_post(case), follow=True)
    assert again.redirect_chain[-1][1] == 302
    assert "This plan was already signed and issued" in again.content.decode()
    assert Plan.objects.filter(case=case).count() == 1


def test_a_different_plan_sent_after_signing_is_refused_and_kept(
    person_a: Persona, clinician: Persona
) -> None:
    case = _signed_on_the_page(person_a, clinician)
    changed = plan_post(case, instructions="Apply twice a day, every day.")
    response = clinician.client.post(f"/clinic/cases/{case.id}/", changed)
    assert response.status_code == 409
    page = response.content.decode()
    assert "already has a signed plan" in page
    assert "claim the case again" not in page.lower()
    assert "Apply twice a day, every day." in page
    assert Plan.objects.filter(case=case).count() == 1


def test_a_signed_plan_is_immutable_and_a_change_is_a_new_version(
    person_a: Persona, clinician: Persona
) -> None:
    case = _signed_on_the_page(person_a, clinician)
    plan = Plan.objects.get(case=case)
    plan.instructions = "changed"
    with pytest.raises(ImmutableError):
        plan.save()
    with pytest.raises(ImmutableError):
        plan.delete()
    clinician.client.post(f"/clinic/cases/{case.id}/reopen/")
    clinician.client.post(
        f"/clinic/cases/{case.id}/", plan_post(case, instructions="Second version.")
    )
    versions = list(
        Plan.objects.filter(case=case).order_by("version").values_list("version", "instructions")
    )
    assert versions == [(1, "Use it every day."), (2, "Second version.")]


def test_only_the_person_can_answer_and_only_when_asked(
    person_a: Persona, person_b: Persona, clinician: Persona
) -> None:
    case = make_case(person_a.user)
    with pytest.raises(actions.ReviewError):  # nothing was asked yet
        actions.answer_question(audit=TEST_AUDIT, case=case, person=person_a.user, text="unasked")
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    actions.reply(
        audit=TEST_AUDIT,
        case_id=case.id,
        clinician=clinician.user,
        reply=actions.QUESTION,
        text="Since when?",
    )
    case.refresh_from_db()
    with pytest.raises(actions.ReviewError):  # asked, but not of person B
        actions.answer_question(audit=TEST_AUDIT, case=case, person=person_b.user, text="Not mine")
    assert person_b.client.post(f"/my/cases/{case.id}/", {"text": "Not mine"}).status_code == 404
    case.refresh_from_db()
    assert case.status == Status.NEEDS_INFORMATION
    assert not case.messages.filter(text="Not mine").exists()


def test_signing_up_from_the_result_page_and_confirming_the_email(
    db: None, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    for step, data in STEP_FORMS.items():
        client.post(f"/assessment/{step}/", data)
    key = client.get("/assessment/result/").context["review_key"]
    response = client.post("/reviews/request/", {"idempotency_key": key, "note": "thanks"})
    assert response["Location"].startswith("/accounts/signup/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            response["Location"],
            {
                "email": "new@example.org",
                "password": PASSWORD,
                "consent": "on",
                "next": "/reviews/confirm/",
            },
        )
    assert response["Location"] == "/accounts/check-email/"
    # not signed in until the address is confirmed
    assert client.get("/reviews/confirm/")["Location"].startswith("/accounts/login/")
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/accounts/verify/" in line)
    page = client.get(link.replace("http://testserver", ""))  # a page with a button
    assert page.status_code == 200 and "Confirm my email address" in page.content.decode()
    assert User.objects.get(email="new@example.org").email_verified_at is None
    response = client.post(link.replace("http://testserver", ""))
    assert response["Location"] == "/reviews/confirm/"
    response = client.post("/reviews/confirm/", {"idempotency_key": key})
    case = Case.objects.get()
    assert response["Location"] == f"/my/cases/{case.id}/"
    assert case.note == "thanks"
    assert case.answers["age"] == 34


def test_signup_errors_are_field_level(db: None, client: Client) -> None:
    make_person("taken@example.org")
    response = client.post("/accounts/signup/", {"email": "taken@example.org", "password": "short"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Tick the box" in html
    assert "too short" in html or "at least 12" in html


def _changed_since_opened(person: Persona, clinician: Persona) -> tuple[Case, int]:
    """A case the clinician opened (at the version returned), then released and claimed again,
    as from another tab: a form from the first opening is now stale."""
    case = make_case(person.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    opened = Case.objects.get(id=case.id).version
    clinician.client.post(f"/clinic/cases/{case.id}/release/")
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    return case, opened


def test_a_plan_form_from_before_the_case_changed_is_refused_and_kept(
    person_a: Persona, clinician: Persona
) -> None:
    case, opened = _changed_since_opened(person_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case.id}/",
        plan_post(case, case_version=str(opened), instructions="Typed with care."),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "The case changed since you opened it" in html
    assert "Typed with care." in html  # nothing the clinician wrote is lost
    assert not Plan.objects.filter(case=case).exists()
    current = Case.objects.get(id=case.id).version
    again = clinician.client.post(
        f"/clinic/cases/{case.id}/", plan_post(case, case_version=str(current))
    )
    assert again.status_code == 302 and Plan.objects.filter(case=case).count() == 1


def _claimed_then_lapsed(person: Persona, clinician: Persona, settings: Any) -> tuple[Case, int]:
    """A case the clinician claimed and then left past the claim time; and its version then."""
    case = make_case(person.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    version = Case.objects.get(id=case.id).version
    Case.objects.filter(id=case.id).update(
        claimed_at=timezone.now() - timedelta(minutes=settings.FOLLICLE_CLAIM_MINUTES + 1)
    )
    return case, version


def test_a_lapsed_claim_nobody_took_still_accepts_the_decision_it_was_made_for(
    person_a: Persona, clinician: Persona, settings: Any
) -> None:
    case, version = _claimed_then_lapsed(person_a, clinician, settings)
    response = clinician.client.post(
        f"/clinic/cases/{case.id}/", plan_post(case, case_version=str(version))
    )
    assert response.status_code == 302
    assert Case.objects.get(id=case.id).status == Status.PLAN_ISSUED


def test_a_lapsed_claim_taken_by_a_colleague_refuses_the_first_clinicians_referral(
    person_a: Persona, clinician: Persona, other_clinician: Persona, settings: Any
) -> None:
    case, version = _claimed_then_lapsed(person_a, clinician, settings)
    assert other_clinician.client.post(f"/clinic/cases/{case.id}/claim/").status_code == 302
    response = clinician.client.post(
        f"/clinic/cases/{case.id}/refer/",
        {"text": "Please see a dermatologist soon.", "case_version": str(version)},
    )
    assert response.status_code == 403  # the case is now a colleague's
    case.refresh_from_db()
    assert case.status == Status.IN_REVIEW and case.claimed_by == other_clinician.user
    assert not case.messages.exists()


def test_a_refused_question_keeps_its_text(person_a: Persona, clinician: Persona) -> None:
    case, opened = _changed_since_opened(person_a, clinician)
    response = clinician.client.post(
        f"/clinic/cases/{case.id}/ask/",
        {"text": "Which shampoo do you use?", "case_version": str(opened)},
    )
    assert response.status_code == 409
    assert "Which shampoo do you use?</textarea>" in response.content.decode()
    assert Case.objects.get(id=case.id).status == Status.IN_REVIEW


def test_an_empty_referral_says_what_it_needs(person_a: Persona, clinician: Persona) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    response = clinician.client.post(f"/clinic/cases/{case.id}/refer/", {"text": "  "})
    assert response.status_code == 422
    assert "Say why the person should be seen in person" in response.content.decode()
    assert Case.objects.get(id=case.id).status == Status.IN_REVIEW


def test_opening_the_case_does_not_extend_the_claim_but_keep_working_does(
    person_a: Persona, clinician: Persona, settings: Any
) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    old = timezone.now() - timedelta(minutes=settings.FOLLICLE_CLAIM_MINUTES - 1)
    Case.objects.filter(id=case.id).update(claimed_at=old)
    page = clinician.client.get(f"/clinic/cases/{case.id}/")
    assert "Keep working on this" in page.content.decode()
    assert Case.objects.get(id=case.id).claimed_at == old
    version = Case.objects.get(id=case.id).version
    response = clinician.client.post(f"/clinic/cases/{case.id}/keep/")
    assert response.status_code == 302
    kept = Case.objects.get(id=case.id)
    assert kept.claimed_at is not None and kept.claimed_at > old + timedelta(minutes=1)
    assert kept.version == version
    event = AuditEvent.objects.get(case_id=case.id, action="case.claim_kept")
    assert event.actor_id == clinician.user.pk


def test_a_lapsed_claim_nobody_took_can_be_kept(
    person_a: Persona, clinician: Persona, settings: Any
) -> None:
    case, version = _claimed_then_lapsed(person_a, clinician, settings)
    assert "Your claim lapsed" in clinician.client.get(f"/clinic/cases/{case.id}/").content.decode()
    clinician.client.post(f"/clinic/cases/{case.id}/keep/")
    kept = Case.objects.get(id=case.id)
    assert actions.claim_is_live(kept) and kept.version == version


def test_only_the_claiming_clinician_can_keep_a_claim(
    person_a: Persona, clinician: Persona, other_clinician: Persona, settings: Any
) -> None:
    case, _ = _claimed_then_lapsed(person_a, clinician, settings)
    before = Case.objects.get(id=case.id).claimed_at
    other_clinician.client.post(f"/clinic/cases/{case.id}/keep/")
    with pytest.raises(actions.NotYours):
        actions.keep_claim(audit=TEST_AUDIT, case_id=case.id, clinician=other_clinician.user)
    assert Case.objects.get(id=case.id).claimed_at == before
    assert not AuditEvent.objects.filter(action="case.claim_kept").exists()


@pytest.mark.parametrize("who", ["person", "clinician"])
def test_case_pages_are_never_cached(person_a: Persona, clinician: Persona, who: str) -> None:
    case = make_case(person_a.user)
    client, url = (
        (person_a.client, f"/my/cases/{case.id}/")
        if who == "person"
        else (clinician.client, f"/clinic/cases/{case.id}/")
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_signing_up_with_a_taken_address_looks_the_same_and_warns_the_owner(
    person_a: Persona, django_capture_on_commit_callbacks: Any
) -> None:
    def sign_up(email: str) -> tuple[Any, str]:
        client = Client()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/accounts/signup/",
                {"email": email, "password": PASSWORD, "consent": "on"},
            )
        page = client.get(response["Location"])
        return response, page.content.decode()

    mail.outbox.clear()
    taken, taken_page = sign_up(person_a.user.email.upper())
    fresh, fresh_page = sign_up("someone.new@example.org")
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"] == "/accounts/check-email/"
    assert taken_page.replace("someone.new@example.org", "") == fresh_page.replace(
        "someone.new@example.org", ""
    )
    warning, confirmation = mail.outbox
    assert warning.to == [person_a.user.email] and "/accounts/verify/" not in warning.body
    assert "already have one" in warning.body
    assert "/accounts/verify/" in confirmation.body
    person_a.user.refresh_from_db()
    assert person_a.user.check_password(PASSWORD)  # the existing account is untouched


def test_a_verification_link_opened_elsewhere_asks_to_sign_in(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            "/accounts/signup/",
            {
                "email": "elsewhere@example.org",
                "password": PASSWORD,
                "consent": "on",
            },
        )
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/accounts/verify/" in line)
    other_browser = Client()
    response = other_browser.post(link.replace("http://testserver", ""))
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in other_browser.session
