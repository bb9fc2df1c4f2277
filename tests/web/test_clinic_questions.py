"""Questions to ask a clinic (and how to report a problem to MedWatch) appear wherever exosomes
or PRP are discussed: their treatment pages, any comparison with one of them on a side, and
their options on the result page; never on the pages of treatments not sold in a clinic."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from django.http import HttpResponse, HttpResponseBase
from django.test import Client

from follicle.knowledge import Knowledge


def _text(response: HttpResponseBase) -> str:
    assert isinstance(response, HttpResponse)
    return html.unescape(response.content.decode())


def _clinic_section(page: str) -> str:
    match = re.search(r'<section class="clinic-questions".*?</section>', page, re.DOTALL)
    return match.group(0) if match else ""


def test_it_shows_each_treatments_questions_and_medwatch_on_its_page(
    client: Client, knowledge: Knowledge
) -> None:
    questions = knowledge.clinic_questions
    assert questions.treatment_ids == {"exosomes", "prp"}
    for treatment_id in questions.treatment_ids:
        section = _clinic_section(_text(client.get(f"/treatments/{treatment_id}/")))
        assert section, treatment_id
        for q in questions.questions:
            assert (q.question in section) == (treatment_id in q.treatments), (treatment_id, q.id)
        assert "MedWatch" in section
        assert 'href="/references/#fda-medwatch-reporting"' in section


def test_it_says_which_questions_are_follicles_own_advice(
    client: Client, knowledge: Knowledge
) -> None:
    section = _clinic_section(_text(client.get("/treatments/exosomes/")))
    for q in knowledge.clinic_questions.for_treatments(["exosomes"]):
        item = re.search(rf'<li id="clinic-question-{q.id}">.*?</li>', section, re.DOTALL)
        assert item is not None, q.id
        own = "Follicle's own advice" in item.group(0)
        assert own == (q.basis == "follicle"), q.id
    ind = knowledge.clinic_questions.questions[0]
    assert ind.id == "ind_number" and ind.basis == "source"
    assert "fda-stem-cell-exosome-alert-2019" in ind.citations


def test_treatments_not_sold_in_a_clinic_have_no_clinic_questions(
    client: Client, knowledge: Knowledge
) -> None:
    for treatment_id in set(knowledge.treatments) - knowledge.clinic_questions.treatment_ids:
        page = _text(client.get(f"/treatments/{treatment_id}/"))
        assert 'id="clinic-questions"' not in page, treatment_id


def test_a_comparison_shows_the_questions_when_exosomes_or_prp_is_a_side(
    client: Client, knowledge: Knowledge
) -> None:
    exosome_only = [
        q for q in knowledge.clinic_questions.questions if q.treatments == ("exosomes",)
    ]
    assert exosome_only
    with_prp = _clinic_section(_text(client.get("/compare/finasteride/prp/")))
    assert "MedWatch" in with_prp
    for q in knowledge.clinic_questions.for_treatments(["prp"]):
        assert q.question in with_prp
    assert not any(q.question in with_prp for q in exosome_only)
    both = _clinic_section(_text(client.get("/compare/exosomes/prp/")))
    assert all(q.question in both for q in knowledge.clinic_questions.questions)
    neither = _text(client.get("/compare/finasteride/topical_minoxidil/"))
    assert 'id="clinic-questions"' not in neither


def _option(page: str, treatment_id: str) -> str:
    """One option's block of the result page: up to the next option or the list's end."""
    start = page.find(f'id="option-{treatment_id}"')
    assert start != -1, treatment_id
    ends = [
        i for marker in ('<li class="option ', "\n</ol>") if (i := page.find(marker, start)) != -1
    ]
    return page[start : min(ends)]


def test_the_result_page_shows_them_compactly_with_the_exosome_and_prp_options(
    complete: Callable[..., Client], knowledge: Knowledge
) -> None:
    page = _text(complete().get("/assessment/result/"))
    for treatment_id in knowledge.treatments:
        option = _option(page, treatment_id)
        wanted = knowledge.clinic_questions.for_treatments([treatment_id])
        has_block = '<details class="clinic-questions clinic-questions-compact">' in option
        assert has_block == bool(wanted), treatment_id
        for q in wanted:
            assert q.question in option
        if wanted:
            assert 'href="#clinic-report"' in option
    # how to report a problem: once on the page, where every block links
    assert page.count('id="clinic-report"') == 1
    report = page.split('id="clinic-report"', 1)[1].split("</div>", 1)[0]
    assert "MedWatch" in report and "MedWatch" not in page.replace(report, "")


def test_an_in_person_result_leaves_them_to_the_treatment_pages_it_links(
    complete: Callable[..., Client], client: Client, knowledge: Knowledge
) -> None:
    page = _text(
        complete(
            symptoms={"scalp_symptoms": ["pustules_or_crusting"], "other_symptoms": ["none"]}
        ).get("/assessment/result/")
    )
    assert "See a clinician in person first" in page
    assert "clinic-questions" not in page and 'id="option-prp"' not in page
    assert 'href="/treatments/prp/"' in page
    prp = _text(client.get("/treatments/prp/"))
    assert all(q.question in prp for q in knowledge.clinic_questions.for_treatments(["prp"]))


def test_changing_a_question_in_the_data_changes_every_place_it_is_shown(
    client: Client,
    served_knowledge: Path,
    edit: Callable[[str, str, str], None],
    complete: Callable[..., Client],
) -> None:
    edit(
        "clinic_questions.yaml",
        "question: Who will do the injections,",
        "question: Which named clinician will do the injections,",
    )
    for url in ("/treatments/prp/", "/treatments/exosomes/", "/compare/prp/finasteride/"):
        assert "Which named clinician will do the injections" in _text(client.get(url)), url
    result = _text(complete().get("/assessment/result/"))
    assert "Which named clinician will do the injections" in _option(result, "exosomes")


def test_each_question_reads_right_on_a_page_about_one_treatment(
    client: Client, knowledge: Knowledge
) -> None:
    """Questions are shown on each treatment's own page, so none may speak of "both"; the
    page says which are Follicle's own advice, so no reason repeats it."""
    for treatment_id in knowledge.clinic_questions.treatment_ids:
        section = _clinic_section(_text(client.get(f"/treatments/{treatment_id}/")))
        questions = knowledge.clinic_questions.for_treatments([treatment_id])
        for q in questions:
            assert "both" not in f"{q.question} {q.why}".lower(), q.id
        own = sum(q.basis == "follicle" for q in questions)
        assert section.count("Follicle's own advice") == own, treatment_id
