"""The audit trail: every read and change of a case, chained, verifiable, without personal data."""

from __future__ import annotations

import io
from unittest import mock

import pytest
from django.db import connection

from follicle.cli import main
from follicle.web.audit.actions import record, verify_chain
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews import actions
from follicle.web.reviews.hashing import plan_hash
from follicle.web.reviews.integrity import verify_plans
from follicle.web.reviews.models import Case, Plan, Status
from tests.cases import make_case, plan_post, sign_draft
from tests.personas import TEST_AUDIT, Persona


def _actions_for(case: Case) -> list[str]:
    return list(
        AuditEvent.objects.filter(case_id=case.id)
        .order_by("sequence")
        .values_list("action", flat=True)
    )


def test_every_read_and_change_of_a_case_is_recorded(person_a: Persona, clinician: Persona) -> None:
    case = make_case(person_a.user)
    clinician.client.get("/clinic/")
    clinician.client.get(f"/clinic/cases/{case.id}/")
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    clinician.client.post(f"/clinic/cases/{case.id}/", plan_post(case))
    person_a.client.get(f"/my/cases/{case.id}/")
    recorded = _actions_for(case)
    for action in (
        "case.submitted",
        "case.viewed.clinician",
        "case.claimed",
        "plan.issued",
        "case.viewed.person",
    ):
        assert action in recorded
    queue_view = AuditEvent.objects.filter(action="queue.viewed").first()
    assert queue_view is not None and str(case.id) in queue_view.detail["cases"]
    event = AuditEvent.objects.get(case_id=case.id, action="case.claimed")
    assert event.actor_id == clinician.user.pk and event.actor_role == "clinician"
    assert event.ip == "127.0.0.1"


def test_the_log_holds_no_personal_data(person_a: Persona, clinician: Persona) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    clinician.client.post(f"/clinic/cases/{case.id}/ask/", {"text": "Any thyroid problems?"})
    dump = " ".join(str(e.detail) + e.action for e in AuditEvent.objects.all())
    for personal in (
        person_a.user.email,
        "please check",
        "thyroid",
        "crown",
        str(case.answers["age"]),
    ):
        assert personal not in dump


def test_the_chain_verifies_and_a_tampered_row_is_found(
    person_a: Persona, clinician: Persona
) -> None:
    case = make_case(person_a.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    clinician.client.get(f"/clinic/cases/{case.id}/")
    assert verify_chain().ok
    out, err = io.StringIO(), io.StringIO()
    assert main(["audit", "verify"], out=out, err=err) == 0
    assert "intact" in out.getvalue()
    target = AuditEvent.objects.get(case_id=case.id, action="case.claimed")
    with connection.cursor() as cursor:  # an attacker editing the table directly
        cursor.execute("UPDATE audit_auditevent SET actor_id = %s WHERE id = %s", [999, target.id])
    verdict = verify_chain()
    assert not verdict.ok
    assert verdict.broken_at == target.sequence
    assert main(["audit", "verify"], out=io.StringIO(), err=err) == 1
    assert f"broken at event {target.sequence}" in err.getvalue()


def test_a_deleted_row_is_found(person_a: Persona) -> None:
    make_case(person_a.user)
    make_case(person_a.user)
    first = AuditEvent.objects.order_by("sequence").first()
    assert first is not None
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [first.id])
    verdict = verify_chain()
    assert not verdict.ok and verdict.broken_at == first.sequence


def test_the_audit_event_is_in_the_same_transaction_as_the_change(
    person_a: Persona, clinician: Persona
) -> None:
    case = make_case(person_a.user)
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    before = AuditEvent.objects.count()
    # fail after the plan and its audit event were written, inside the same transaction
    failing = mock.patch(
        "follicle.web.reviews.actions._notify", side_effect=RuntimeError("mail queue down")
    )
    with failing, pytest.raises(RuntimeError):
        sign_draft(case, clinician.user)
    assert AuditEvent.objects.count() == before
    assert not AuditEvent.objects.filter(action="plan.issued").exists()
    assert not Plan.objects.filter(case=case).exists()
    assert Case.objects.get(id=case.id).status == Status.IN_REVIEW


def test_events_link_one_to_the_next(db: None) -> None:
    first = record(action="test.first", audit=TEST_AUDIT)
    second = record(action="test.second", audit=TEST_AUDIT)
    assert second.previous_hash == first.hash
    assert second.sequence == first.sequence + 1


def _issued_plan(person: Persona, clinician: Persona) -> Plan:
    case = make_case(person.user)
    clinician.client.post(f"/clinic/cases/{case.id}/claim/")
    clinician.client.post(f"/clinic/cases/{case.id}/", plan_post(case))
    return Plan.objects.get(case=case)


def test_a_plan_edited_behind_the_models_back_is_found(
    person_a: Persona, clinician: Persona
) -> None:
    plan = _issued_plan(person_a, clinician)
    out, err = io.StringIO(), io.StringIO()
    assert main(["audit", "verify"], out=out, err=err) == 0, err.getvalue()
    assert "1 signed plans match it" in out.getvalue()
    with connection.cursor() as cursor:  # SQLite has no trigger; the hash still tells
        cursor.execute(
            "UPDATE reviews_plan SET instructions = %s WHERE id = %s", ["Double the dose.", plan.id]
        )
    assert main(["audit", "verify"], out=io.StringIO(), err=err) == 1
    assert (
        f"plan 1 of case {plan.case_id}: its content no longer matches its hash" in err.getvalue()
    )


def test_a_plan_rehashed_to_hide_an_edit_still_disagrees_with_the_audit_trail(
    person_a: Persona, clinician: Persona
) -> None:
    plan = _issued_plan(person_a, clinician)
    plan.instructions = "Double the dose."  # in memory only, to compute the forger's hash
    forged = plan_hash(plan)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE reviews_plan SET instructions = %s, content_hash = %s WHERE id = %s",
            ["Double the dose.", forged, plan.id],
        )
    verdict = verify_plans()
    assert verdict.problems == [
        f"plan 1 of case {plan.case_id}: the audit trail recorded a different plan"
    ]
