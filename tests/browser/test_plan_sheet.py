"""The signed plan in real Chromium: the person's page and the PDF it links to both show the
clinician's name, the options with the clinician's reasons, the follow-up dates and the
references; axe-core finds nothing on the plan page, on a phone and on a wide screen. The
unreviewed result's PDF, downloaded from the result page, says "not reviewed" on every page."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from follicle.knowledge import default_knowledge
from follicle.web.reviews import actions
from follicle.web.reviews.presenters import plan_sheet
from tests.browser.journeys import man_with_crown_thinning
from tests.browser.test_accessibility import _violations
from tests.cases import draft_decisions, make_case
from tests.personas import PASSWORD, TEST_AUDIT, make_clinician, make_person

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "Prefers not to take tablets; start with topical minoxidil."


def _pdf_text(path: str | Path) -> str:
    pages = PdfReader(io.BytesIO(Path(path).read_bytes())).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def _signed_plan() -> tuple[str, list[str]]:
    """A case of the person's, signed with finasteride put off (with a reason, left in its
    place on purpose) and follow-up at 6 and 12 months: its URL and the follow-up dates as the
    sheet writes them."""
    person = make_person("plan-reader@example.org")
    doctor = make_clinician("plan-doc@example.org", "Dr Ada Lovelace")
    doctor.profession = "Dermatologist"
    doctor.registration_body = "General Medical Council"
    doctor.registration_number = "7654321"
    doctor.save()
    case = make_case(person)
    decisions = [
        actions.Decision(d.treatment, "not_now", d.order, REASON)
        if d.treatment == "finasteride"
        else d
        for d in draft_decisions(case)
    ]
    actions.claim(audit=TEST_AUDIT, case_id=case.id, clinician=doctor)
    plan = actions.issue_plan(
        audit=TEST_AUDIT,
        case_id=case.id,
        clinician=doctor,
        decisions=decisions,
        instructions="Photograph your crown in good light today.",
        follow_up="Review photos at 6 and 12 months.",
        keep_order=True,
    )
    sheet = plan_sheet(default_knowledge(), case.result, plan=plan)
    dates = [f.words[0].upper() + f.words[1:] for f in sheet.follow_ups]
    assert len(dates) == 2
    return f"/my/cases/{case.id}/", dates


def test_the_plan_page_and_its_pdf_show_the_signed_plan(new_page: Callable[..., Any]) -> None:
    url, dates = _signed_plan()
    page = new_page(390, 844, accept_downloads=True)
    page.goto("/accounts/login/")
    page.fill("#id_username", "plan-reader@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(url)
    plan = page.locator("section.plan")
    text = plan.inner_text()
    assert "Dr Ada Lovelace, Dermatologist" in text
    assert "General Medical Council, number 7654321" in text
    assert f"The clinician's reason: {REASON}" in text
    assert "Topical minoxidil" in text and "Why:" in text
    for words in dates:
        assert words in text
    assert page.locator("#ref-1").is_visible()
    assert _violations(page) == []

    with page.expect_download() as download:
        page.click("text=Download this plan as a PDF")
    assert download.value.suggested_filename == "follicle-plan-version-1.pdf"
    pdf = _pdf_text(download.value.path())
    assert "Dr Ada Lovelace" in pdf
    assert REASON in pdf
    assert "Topical minoxidil" in pdf and "Why:" in pdf
    for words in dates:
        assert words in pdf
    assert "References" in pdf and "[1] " in pdf and "DOI" in pdf


def test_the_plan_page_has_no_axe_violations_on_a_wide_screen(
    new_page: Callable[..., Any],
) -> None:
    url, _ = _signed_plan()
    page = new_page(1280, 900)
    page.goto("/accounts/login/")
    page.fill("#id_username", "plan-reader@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(url)
    assert page.locator("section.plan").is_visible()
    assert _violations(page) == []


def test_the_result_pdf_from_the_result_page_says_not_reviewed_on_every_page(
    new_page: Callable[..., Any],
) -> None:
    page = new_page(390, 844, accept_downloads=True)
    man_with_crown_thinning(page)
    page.click("text=See my result")
    with page.expect_download() as download:
        page.click("text=Download this result as a PDF")
    assert download.value.suggested_filename == "follicle-result-not-reviewed.pdf"
    pages = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages
    assert len(pages) > 1
    assert all("NOT REVIEWED by a clinician" in p.extract_text() for p in pages)
