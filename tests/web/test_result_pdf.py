"""The unreviewed result as a PDF: from the visitor's own session, marked "not reviewed" on
every page, with the options, their reasons and the numbered references; nothing in the URL,
a fixed file name, never cached; no answers, no PDF."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.test import Client
from pypdf import PdfReader

from follicle.engine import AssessmentResult, run
from follicle.knowledge import default_knowledge
from follicle.web.assessment.actions import SESSION_KEY
from follicle.web.assessment.flow import steps

URL = "/assessment/result/pdf/"


def test_every_page_of_the_result_pdf_says_not_reviewed(complete: Callable[..., Client]) -> None:
    response = complete().get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="follicle-result-not-reviewed.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages]
    assert len(pages) > 1
    assert all("NOT REVIEWED by a clinician" in page for page in pages)
    text = " ".join(" ".join(pages).split())
    assert "Signed by" not in text
    assert "[1] " in text and "DOI" in text


def test_the_result_pdf_lists_the_options_with_their_reasons(
    complete: Callable[..., Client],
) -> None:
    client = complete()
    text = " ".join(
        " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(client.get(URL).content)).pages
        ).split()
    )
    knowledge = default_knowledge()
    result = run(dict(client.session[SESSION_KEY]), knowledge)
    assert isinstance(result, AssessmentResult)
    for option in result.options:
        assert knowledge.treatments[option.treatment].name in text
        assert option.reasons[0].split()[0] in text
    assert "Why:" in text


def test_without_answers_the_pdf_sends_the_visitor_to_the_questions(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/assessment/{steps(default_knowledge())[0].id}/"


def test_the_result_page_links_to_its_pdf(complete: Callable[..., Client]) -> None:
    assert URL in complete().get("/assessment/result/").content.decode()
