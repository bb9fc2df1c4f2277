"""The signed plan on the person's page and in its PDF: the clinician and their registration,
every option with the clinician's status and reasons, cost per month and per year from the
data (unknown where it is unknown), what to expect, when to judge it, what happens on stopping,
how to get it, follow-up as dates from the signing day, clinic questions and the numbered
references; the PDF from the same sheet, with the same authorisation and audit as the page."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from follicle.knowledge import default_knowledge
from follicle.web.audit.models import AuditEvent
from follicle.web.reviews import actions
from follicle.web.reviews.models import Case, Plan
from follicle.web.reviews.presenters import add_months, follow_up_dates, plan_sheet
from tests.cases import draft_decisions, make_case
from tests.personas import TEST_AUDIT, Persona

SIGNED = dt.date(2026, 12, 4)


def test_follow_up_times_become_dates_from_the_signing_day() -> None:
    words = [f.words for f in follow_up_dates("Review photos at 6 and 12 months.", SIGNED)]
    assert words == ["in 6 months: June 2027", "in 12 months: December 2027"]


def test_weeks_are_dated_to_the_day_and_years_to_the_month() -> None:
    found = follow_up_dates("Bloods in 6 weeks, then see me in 1 year", SIGNED)
    assert [f.words for f in found] == ["in 6 weeks: 15 January 2027", "in 1 year: December 2027"]


def test_a_bare_number_is_not_guessed_to_be_months() -> None:
    assert follow_up_dates("6", SIGNED) == []


def test_a_month_end_stays_in_its_month() -> None:
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


def _signed(case: Case, clinician: Persona, **kw: Any) -> Plan:
    decisions = draft_decisions(case)
    first, second = decisions[0], decisions[1]
    # The clinician swaps the first two: each needs a reason.
    decisions[0] = actions.Decision(first.treatment, first.status, 2, "Start with the other.")
    decisions[1] = actions.Decision(second.treatment, second.status, 1, "Easier to begin with.")
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=clinician.user)
    return actions.issue_plan(
        audit=TEST_AUDIT,
        case_id=case.id,
        clinician=clinician.user,
        decisions=decisions,
        instructions="Photograph your crown today.",
        follow_up="Review photos at 6 and 12 months.",
        keep_order=True,
        **kw,
    )


@pytest.fixture
def signed_case(person_a: Persona, clinician: Persona) -> Case:
    clinician.user.profession = "Dermatologist"
    clinician.user.registration_body = "General Medical Council"
    clinician.user.registration_number = "7654321"
    clinician.user.save()
    case = make_case(person_a.user)
    _signed(case, clinician)
    return case


def _expected_dates(case: Case) -> list[str]:
    """The follow-up dates as the sheet writes them, first letter capitalised."""
    plan = case.plans.get()
    sheet = plan_sheet(default_knowledge(), case.result, plan=plan)
    assert len(sheet.follow_ups) == 2
    return [f.words[0].upper() + f.words[1:] for f in sheet.follow_ups]


def test_the_plan_page_shows_everything_a_person_needs(
    signed_case: Case, person_a: Persona, clinician: Persona
) -> None:
    page = person_a.client.get(f"/my/cases/{signed_case.id}/").content.decode()
    assert clinician.user.display_name in page
    assert "Dermatologist" in page and "General Medical Council" in page and "7654321" in page
    assert "The clinician's reason: Easier to begin with." in page
    assert "a month;" in page and "in the first year" in page
    assert "When to judge it" in page and "If you stop" in page and "How to get it" in page
    assert "It needs a prescription: ask this clinic for one" in page
    for words in _expected_dates(signed_case):
        assert words in page
    assert 'id="ref-1"' in page
    assert f"/my/cases/{signed_case.id}/plan.pdf" in page


def test_an_unknown_cost_is_shown_as_unknown(signed_case: Case) -> None:
    plan = signed_case.plans.get()
    sheet = plan_sheet(default_knowledge(), signed_case.result, plan=plan)
    unpriced = [o for o in sheet.options if o.cost.per_year is None]
    assert unpriced, "the example has options our sources do not price"
    assert all(o.cost.per_month is None and o.cost.note for o in unpriced)


def test_monthly_costs_are_the_data_s_price(signed_case: Case) -> None:
    plan = signed_case.plans.get()
    sheet = plan_sheet(default_knowledge(), signed_case.result, plan=plan)
    finasteride = next(o for o in sheet.options if o.treatment.id == "finasteride")
    basis = finasteride.treatment.basis_cost
    assert basis is not None
    assert finasteride.cost.per_month == f"${basis.low} to ${basis.high}"


def test_clinic_questions_are_on_the_plan_where_a_procedure_is_listed(signed_case: Case) -> None:
    plan = signed_case.plans.get()
    sheet = plan_sheet(default_knowledge(), signed_case.result, plan=plan)
    assert {"prp", "exosomes"} & {o.treatment.id for o in sheet.options}
    assert sheet.clinic_questions


def _pdf_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_plan_pdf_carries_the_plan_and_is_audited(
    signed_case: Case, person_a: Persona, clinician: Persona
) -> None:
    response = person_a.client.get(f"/my/cases/{signed_case.id}/plan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="follicle-plan-version-1.pdf"'
    assert "no-store" in response["Cache-Control"]
    text = " ".join(" ".join(_pdf_text(response.content)).split())
    assert clinician.user.display_name in text
    assert "Easier to begin with." in text
    for words in _expected_dates(signed_case):
        assert words in text
    assert "References" in text and "DOI" in text
    assert AuditEvent.objects.filter(action="case.viewed.plan_pdf", case_id=signed_case.id).exists()


def test_no_pdf_before_a_plan_is_signed(person_a: Persona) -> None:
    case = make_case(person_a.user)
    assert person_a.client.get(f"/my/cases/{case.id}/plan.pdf").status_code == 404


def test_another_person_never_gets_the_pdf(signed_case: Case, person_b: Persona) -> None:
    assert person_b.client.get(f"/my/cases/{signed_case.id}/plan.pdf").status_code == 404


@given(text=st.text(max_size=200), signed=st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)))
def test_any_follow_up_text_gives_only_later_dates(text: str, signed: dt.date) -> None:
    assert all(f.on > signed for f in follow_up_dates(text, signed))


@given(
    months=st.lists(st.integers(1, 120), min_size=1, max_size=4, unique=True),
    signed=st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)),
)
def test_every_month_written_is_dated(months: list[int], signed: dt.date) -> None:
    text = "Check at " + ", ".join(map(str, months[:-1])) + (" and " if len(months) > 1 else "")
    text += f"{months[-1]} months."
    found = follow_up_dates(text, signed)
    assert [(f.amount, f.on) for f in found] == [(m, add_months(signed, m)) for m in months]
