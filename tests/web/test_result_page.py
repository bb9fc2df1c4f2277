"""The result page: what to do now on the first screen, one order, a key to the labels, and an
in-person result with no plan. The page's layout at 390 x 844 is checked in the browser tests."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client

from follicle import labels
from follicle.bench_support import store_in_session
from follicle.engine import AssessmentResult, run
from follicle.knowledge import Knowledge
from follicle.web.assessment.actions import SESSION_KEY
from follicle.web.assessment.presenters import (
    FIRST_SCREEN_OPTIONS,
    exosome_answer,
    first_sentence,
    price_words,
    top_options,
)
from tests.web.result_personas import EXOSOME_INTEREST, IN_PERSON, ONLINE

FIRST_SCREEN_END = "<!-- /first-screen -->"


def _page(client: Client, answers: dict[str, Any]) -> str:
    store_in_session(client, **{SESSION_KEY: dict(answers)})
    response = client.get("/assessment/result/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _result(knowledge: Knowledge, answers: dict[str, Any]) -> AssessmentResult:
    result = run(dict(answers), knowledge)
    assert isinstance(result, AssessmentResult)
    return result


def _first_screen(page: str) -> str:
    main = page.split('<main id="main"', 1)[1]
    assert FIRST_SCREEN_END in main
    return main.split(FIRST_SCREEN_END, 1)[0]


def test_the_first_screen_section_comes_first_and_says_what_to_do_now(
    client: Client, knowledge: Knowledge
) -> None:
    page = _page(client, ONLINE)
    first = _first_screen(page)
    # nothing but the page's title comes before it in the main content
    assert re.sub(r"\s+", " ", first.split('<section class="panel first-screen"', 1)[0]).endswith(
        "<h1>Your result</h1> "
    )
    assert 'class="route"' in first and 'href="#review"' in first
    top = top_options(knowledge, _result(knowledge, ONLINE))
    assert 1 <= len(top) <= FIRST_SCREEN_OPTIONS
    for t in top:
        assert f'href="#option-{t.option.treatment}">{t.short_name}</a>' in first
        assert t.price in first and t.line in first
    assert 'id="review"' in page.split(FIRST_SCREEN_END, 1)[1]  # the full offer, further down


def test_the_first_screen_names_up_to_three_options_one_might_start_in_rank_order(
    knowledge: Knowledge,
) -> None:
    result = _result(knowledge, ONLINE)
    top = top_options(knowledge, result)
    startable = [o for o in result.options if o.status in ("recommended", "consider")]
    assert [t.option for t in top] == startable[:FIRST_SCREEN_OPTIONS]
    assert top_options(knowledge, _result(knowledge, IN_PERSON)) == []


def test_first_screen_prices_are_the_knowledge_datas_own_price_never_a_worked_out_one(
    knowledge: Knowledge,
) -> None:
    for answers in (ONLINE, EXOSOME_INTEREST):
        for o in _result(knowledge, answers).options:
            words, verified = price_words(knowledge, o)
            if o.cost is None:
                assert words == "No reliable price found"
                continue
            basis = next(c for c in knowledge.treatments[o.treatment].costs if c.id == o.cost.basis)
            assert words.startswith(labels.money_range(basis.low, basis.high) + " ")
            assert words.endswith(labels.PRICE_UNIT[basis.unit]) and verified == basis.verified
    finasteride = next(
        o for o in _result(knowledge, ONLINE).options if o.treatment == "finasteride"
    )
    assert price_words(knowledge, finasteride)[0].endswith(" a month")


def test_each_first_screen_line_is_the_first_sentence_of_the_treatments_summary(
    knowledge: Knowledge,
) -> None:
    for t in knowledge.treatments.values():
        line = first_sentence(t.summary)
        assert t.summary.startswith(line) and line.endswith(".") and len(line) < 200, t.id
    assert first_sentence("One. Two.") == "One."


def test_someone_open_to_experimental_treatment_is_told_not_now_and_what_would_have_to_be_true(
    client: Client, knowledge: Knowledge
) -> None:
    result = _result(knowledge, EXOSOME_INTEREST)
    answer = exosome_answer(result, EXOSOME_INTEREST)
    assert answer is not None and answer.not_yet
    assert set(answer.not_yet) == {c for c in result.exosome_criteria if not c.met}
    first = _first_screen(_page(client, EXOSOME_INTEREST))
    assert "You asked about exosomes: not now." in first
    for c in answer.not_yet:
        assert c.reason in first
    for c in answer.already:
        assert c.reason not in first


def test_someone_who_showed_no_interest_is_not_told_about_exosomes_first(
    client: Client, knowledge: Knowledge
) -> None:
    assert exosome_answer(_result(knowledge, ONLINE), ONLINE) is None
    assert "You asked about exosomes" not in _page(client, ONLINE)


def test_an_in_person_result_has_no_plan_no_costs_and_no_review_offer(
    client: Client, knowledge: Knowledge
) -> None:
    page = _page(client, IN_PERSON)
    first = _first_screen(page)
    assert "See a clinician in person first" in first
    assert "What to bring to the appointment" in first
    for absent in ('id="review"', "Ask a clinician to review", "<svg", 'class="rank"', "option-"):
        assert absent not in page, absent
    for treatment_id in knowledge.treatments:  # reading for after the appointment
        assert f'href="/treatments/{treatment_id}/"' in page, treatment_id


def test_the_key_explains_every_label_the_options_show(client: Client) -> None:
    for answers in (ONLINE, EXOSOME_INTEREST):
        page = _page(client, answers)
        key = page.split('<div class="badge-key"', 1)[1].split("</div>", 1)[0]
        options = page.split('<ol class="options">', 1)[1]
        for kind, means in (
            ("status", labels.STATUS_MEANS),
            ("certainty", labels.CERTAINTY_MEANS),
            ("regulatory", labels.REGULATORY_MEANS),
        ):
            shown = set(re.findall(rf"badge-{kind}-(\w+)", options))
            assert shown, kind
            for code in shown:
                assert f"badge-{kind}-{code}" in key and means[code] in key, (kind, code)


def test_each_option_says_which_label_is_about_the_person_and_which_about_the_treatment(
    client: Client,
) -> None:
    page = _page(client, ONLINE)
    for block in re.findall(r'<p class="badges">(.*?)</p>', page):
        about_you, about_treatment = block.split('<span class="about-treatment">')
        assert about_you.startswith("For you: ") and "badge-status-" in about_you
        assert about_treatment.startswith("The treatment: ")
        assert "badge-status-" not in about_treatment
    assert "first line" not in page.lower() and "second line" not in page.lower()
