"""The effect-against-placebo, stopping, judging and duration sections on the treatment pages,
the comparison pages and the result page: shown from the data, with the "no placebo-controlled
trial" case stated, confidence intervals explained once, and harms labelled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.test import Client
from django.utils.html import escape

from follicle.knowledge import Knowledge
from follicle.knowledge.plain_effects import CI_EXPLAINED, NO_PLACEBO_TRIAL, effect_sentence

CI_NOTE = escape(CI_EXPLAINED)


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_every_treatment_page_shows_its_effects_stopping_judging_and_duration(
    client: Client, knowledge: Knowledge
) -> None:
    for t in knowledge.treatments.values():
        html = _page(client, f"/treatments/{t.id}/")
        assert 'id="against-placebo"' in html
        assert 'id="on-stopping"' in html and 'id="time-to-judge"' in html
        assert 'id="duration"' in html
        assert t.effects is not None
        for e in t.effects.outcomes:
            start = html.find(f'id="effect-{e.id}"')
            assert start != -1, e.id
            item = html[start : html.find("</li>", start)]
            # the whole sentence in its own item, not a clause several outcomes share
            assert escape(effect_sentence(e)) in item, e.id


def test_it_gives_finasteride_absolute_numbers_against_placebo_with_certainty_in_words(
    client: Client, knowledge: Knowledge
) -> None:
    html = _page(client, "/treatments/finasteride/")
    assert "about 83 in 100 men taking it" in html and "against 28 in 100 on placebo" in html
    assert "about 38 in 1,000 men" in html and "(harm)" in html
    assert "High certainty" in html and "Moderate certainty" in html
    stopping = knowledge.treatments["finasteride"].on_stopping
    assert stopping is not None and stopping.known
    assert escape(stopping.text) in html


def test_it_states_when_there_is_no_placebo_controlled_trial(
    client: Client, knowledge: Knowledge
) -> None:
    none = [
        t for t in knowledge.treatments.values() if t.effects and not t.effects.placebo_controlled
    ]
    assert {t.id for t in none} >= {"hair_transplant", "oral_minoxidil", "microneedling"}
    for t in none:
        page = _page(client, f"/treatments/{t.id}/")
        assert 'id="no-placebo-trial"' in page and NO_PLACEBO_TRIAL in page, t.id
    microneedling = _page(client, "/treatments/microneedling/")
    assert "do not show its effect on its own" in microneedling
    assert 'id="no-placebo-trial"' not in _page(client, "/treatments/finasteride/")


def test_it_explains_a_confidence_interval_once_and_only_where_one_is_shown(
    client: Client,
) -> None:
    prp = _page(client, "/treatments/prp/")
    assert "(95% CI 14 to 41)" in prp
    assert prp.count(CI_NOTE) == 1
    assert CI_NOTE not in _page(client, "/treatments/finasteride/")


def test_the_comparison_asks_about_placebo_stopping_judging_and_duration(client: Client) -> None:
    html = _page(client, "/compare/prp/exosomes/")
    for question in (
        "What did trials find against placebo?",
        "How long before I can judge it?",
        "What happens if I stop?",
        "How long is it taken?",
    ):
        assert question in html
    assert "about 28 more hairs per square centimetre" in html
    assert CI_NOTE in html
    assert NO_PLACEBO_TRIAL in _page(client, "/compare/hair_transplant/prp/")


def test_the_result_page_shows_effects_compactly_beside_each_option_one_might_start(
    complete: Callable[..., Client],
) -> None:
    """Recommended and consider options carry their effects (the rule itself is tested in
    test_result_options); here, that they are the compact rendering with the shared wording."""
    preferences = {
        "open_to": ["pills", "topicals", "home_devices", "in_office_procedures"],
        "expectation": "some_regrowth",
    }
    html = complete(preferences=preferences).get("/assessment/result/").content.decode()
    startable = html.count('class="option option-recommended"') + html.count(
        'class="option option-consider"'
    )
    assert startable >= 4
    assert html.count('<details class="option-effects">') == startable
    assert "about 83 in 100 men taking it" in html
    assert f"Against placebo, stopping and how long. {NO_PLACEBO_TRIAL}" in html  # microneedling


def test_changing_an_arm_in_the_data_changes_the_sentence(
    client: Client, served_knowledge: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit(
        "treatments/finasteride.yaml",
        "treated: {label: finasteride 1 mg, percent: 83}",
        "treated: {label: finasteride 1 mg, percent: 81}",
    )
    html = _page(client, "/treatments/finasteride/")
    assert "about 81 in 100 men taking it" in html
    assert "about 83 in 100" not in html
    assert "That is about 53 more in 100" in html and "55 more" not in html
