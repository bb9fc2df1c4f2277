"""Actions take an audit context, not the request: who acted, from which address, in which
request, and for a command the operator who ran it."""

from __future__ import annotations

import io
import sys
from typing import Any
from unittest import mock

from django.core.management import call_command

from follicle.cli import main
from follicle.web.audit.actions import record, verify_chain
from follicle.web.audit.context import AuditContext, command_context
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews.models import Case
from tests.cases import make_case
from tests.personas import PASSWORD, Persona, make_clinician


def test_events_of_one_request_share_its_id_and_other_requests_have_their_own(
    person_a: Persona, person_b: Persona
) -> None:
    make_case(person_a.user)
    make_case(person_a.user)
    make_case(person_b.user)
    person_a.client.get("/my/cases/")  # one request, one read event per case
    person_b.client.get("/my/cases/")
    person_a.client.get("/my/cases/")
    lists = list(AuditEvent.objects.filter(action="case.viewed.list").order_by("sequence"))
    assert len(lists) == 5
    first, second, of_b, third, fourth = (e.request_id for e in lists)
    assert first == second and third == fourth
    assert len({first, of_b, third}) == 3
    assert all(len(e.request_id) == 12 for e in lists)
    assert all(e.ip == "127.0.0.1" and e.operator == "" for e in lists)


def test_a_command_records_the_operator_it_was_given(db: None) -> None:
    sys.stdin, saved = io.StringIO(PASSWORD + "\n"), sys.stdin
    try:
        call_command(
            "createclinician",
            email="cli@example.org",
            name="Dr Cli",
            password_stdin=True,
            operator="Alex at the front desk",
            stdout=io.StringIO(),
        )
    finally:
        sys.stdin = saved
    events = list(AuditEvent.objects.order_by("sequence"))
    assert [e.action for e in events] == [
        "account.clinician_created",
        "account.enrolment_code_issued",
    ]
    for event in events:
        assert event.operator == "Alex at the front desk"
        assert event.actor_id is None and event.actor_role == "operator"
        assert event.ip is None and event.request_id.startswith("createclinician-")
    assert events[0].request_id == events[1].request_id


def test_without_a_name_the_operator_is_the_os_user_at_the_host(db: None, capsys: Any) -> None:
    make_clinician("cmd@example.org")
    with (
        mock.patch("follicle.web.audit.context.getpass.getuser", return_value="alex"),
        mock.patch("follicle.web.audit.context.socket.gethostname", return_value="ward-3"),
    ):
        assert main(["setupcode", "--email", "cmd@example.org"]) == 0
    event = AuditEvent.objects.get(action="account.enrolment_code_issued")
    assert event.operator == "alex@ward-3"
    assert event.request_id.startswith("setupcode-")


def test_follicle_setupcode_takes_a_named_operator(db: None, capsys: Any) -> None:
    make_clinician("named@example.org")
    assert main(["setupcode", "--email", "named@example.org", "--operator", "on-call admin"]) == 0
    assert AuditEvent.objects.get(action="account.enrolment_code_issued").operator == (
        "on-call admin"
    )


def test_the_operator_and_request_id_are_covered_by_the_chain(db: None) -> None:
    event = record(action="test.event", audit=command_context("test", operator="someone"))
    assert verify_chain().ok
    AuditEvent.objects.filter(id=event.id).update(operator="someone else")
    verdict = verify_chain()
    assert not verdict.ok and verdict.broken_at == event.sequence


def test_events_written_before_the_request_id_and_operator_still_verify(db: None) -> None:
    """An event from before these fields existed has them empty, and its hash never covered
    them: the chain reads it as it was written."""
    old = AuditContext(actor=None, address="192.0.2.1", request_id="")
    record(action="test.before", audit=old)
    record(action="test.after", audit=command_context("test"))
    assert verify_chain().ok


def test_demo_content_is_made_by_audited_actions_under_the_operator(db: None) -> None:
    call_command("loaddemo", operator="a developer", stdout=io.StringIO())
    events = list(AuditEvent.objects.order_by("sequence"))
    assert {e.action for e in events} >= {
        "account.clinician_created",
        "account.second_factor_added",
        "account.created",
        "case.submitted",
    }
    assert all(e.operator == "a developer" for e in events)
    assert len({e.request_id for e in events}) == 1
    case = Case.objects.get()
    assert AuditEvent.objects.filter(case_id=case.id, action="case.submitted").exists()
