"""Pages are rendered from the knowledge data: change the data and the page changes; every
citation resolves; no page shows a number that the data (or arithmetic on it) does not hold."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from django.test import Client

from follicle.commands.kb import export_document
from follicle.engine.costs import plan_for, project_years
from follicle.knowledge import Knowledge
from follicle.knowledge.effects import Effect
from follicle.knowledge.plain_effects import Worded, worded


def test_changing_a_price_in_the_data_changes_the_pages(
    client: Client, served_knowledge: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("treatments/prp.yaml", "    low: 500\n    high: 2000\n", "    low: 555\n    high: 2000\n")
    assert "$555 to $2,000 per session" in client.get("/treatments/prp/").content.decode()
    assert "$1,665" in client.get("/compare/exosomes/prp/").content.decode()  # 3 sessions x $555
    assert (
        "$555 to $2,000 per session" in client.get("/articles/prp-for-hair-loss/").content.decode()
    )


def test_changing_a_fact_in_the_data_changes_the_article(
    client: Client, served_knowledge: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("treatments/exosomes.yaml", "roughly 30 to 150 nanometres", "roughly 31 to 149 nanometres")
    html = client.get("/articles/exosomes-for-hair-loss/").content.decode()
    assert "31 to 149 nanometres" in html
    assert "30 to 150" not in html


def test_changing_a_regulatory_status_changes_the_badge(
    client: Client, served_knowledge: Path, edit: Callable[[str, str, str], None]
) -> None:
    edit("treatments/ketoconazole_shampoo.yaml", "us_status: off_label", "us_status: fda_approved")
    html = client.get("/treatments/ketoconazole_shampoo/").content.decode()
    assert "badge-regulatory-fda_approved" in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag in ("script", "style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def _public_pages(knowledge: Knowledge) -> list[str]:
    return [
        "/",
        "/treatments/",
        "/articles/",
        "/compare/exosomes/prp/",
        *(f"/treatments/{t}/" for t in knowledge.treatments),
        *(f"/articles/{a}/" for a in knowledge.articles),
    ]


def test_every_citation_on_every_page_resolves(client: Client, knowledge: Knowledge) -> None:
    anchors = _parse(client.get("/references/").content.decode()).ids
    assert set(knowledge.references) <= anchors
    checked = 0
    for url in _public_pages(knowledge):
        for href in _parse(client.get(url).content.decode()).hrefs:
            if href.startswith("/references/#"):
                assert href.split("#", 1)[1] in anchors, (url, href)
                checked += 1
    assert checked > 100


NUMBER = re.compile(r"(?<![\w.$])\$?\d[\d,]*(?:\.\d+)*(?![\w])")


def _numbers(text: str) -> set[str]:
    """Numbers in running text; version strings such as 1.0.0 are not quantities."""
    found = {m.replace("$", "").replace(",", "").rstrip(".") for m in NUMBER.findall(text)}
    return {n for n in found if n.count(".") <= 1}


def _allowed(knowledge: Knowledge) -> set[str]:
    """Numbers the data holds, projected costs and small counts. Arithmetic on effects is not
    here: each effect sentence may show only the numbers it computed (see :func:`_stray`)."""
    export = json.dumps(export_document(knowledge))
    allowed = _numbers(export) | {str(int(n)) for n in re.findall(r"\d+", export)}
    for t in knowledge.treatments.values():  # arithmetic on the data: projected costs
        plan, _, _ = plan_for(t)
        if plan is not None:
            for years in (1, 3, 5):
                allowed.update(str(v) for v in project_years(plan, years) or ())
    allowed.update(_SMALL)
    return allowed


_SMALL = {str(n) for n in range(0, 13)}  # ranks, counts of steps and sections, "2-year"


def _effects(knowledge: Knowledge) -> list[tuple[Effect, Worded]]:
    return [
        (e, worded(e))
        for t in knowledge.treatments.values()
        for e in (t.effects.outcomes if t.effects else ())
    ]


def _sentence_stray(effect: Effect, sentence: Worded) -> set[str]:
    """Numbers an effect sentence shows beyond its own effect's data and its own arithmetic."""
    own = _numbers(effect.model_dump_json()) | _SMALL
    return _numbers(sentence.text) - own - sentence.numbers


def _stray(text: str, knowledge: Knowledge, allowed: set[str]) -> set[str]:
    """Numbers a page shows that the data does not hold. Each effect sentence on it may show
    exactly the numbers that sentence computed (its per-100 or per-1,000 shares, difference,
    rounded means and interval ends); the rest of the page only data numbers."""
    stray: set[str] = set()
    for effect, sentence in _effects(knowledge):
        if sentence.text in text:
            stray |= _sentence_stray(effect, sentence)
            text = text.replace(sentence.text, " ")
    return stray | (_numbers(text) - allowed)


def test_no_public_page_shows_a_number_the_data_does_not_hold(
    client: Client, knowledge: Knowledge
) -> None:
    allowed = _allowed(knowledge)
    for url in _public_pages(knowledge):
        text = " ".join(_parse(client.get(url).content.decode()).text)
        stray = _stray(text, knowledge, allowed)
        assert not stray, (url, sorted(stray))


def _effect_pages(knowledge: Knowledge) -> list[str]:
    ids = sorted(knowledge.treatments)
    return [f"/compare/{a}/{b}/" for a, b in itertools.pairwise(ids)]


def test_effect_sentences_show_only_numbers_from_the_data(
    client: Client, knowledge: Knowledge
) -> None:
    """The effects, stopping and judging sections on every treatment page and on comparison
    pages covering every treatment hold only data numbers or arithmetic on them."""
    allowed = _allowed(knowledge)
    pairs = _effects(knowledge)
    for effect, sentence in pairs:
        assert not _sentence_stray(effect, sentence), effect.id
    assert len(pairs) >= 10
    for url in _effect_pages(knowledge):
        text = " ".join(_parse(client.get(url).content.decode()).text)
        stray = _stray(text, knowledge, allowed)
        assert not stray, (url, sorted(stray))


def test_the_effect_check_would_catch_a_typed_per_100_figure(knowledge: Knowledge) -> None:
    """Per-100 and per-1,000 figures are allowed only inside the sentence that computed them:
    "1,000" (a denominator the finasteride harm sentence uses) is stray anywhere else."""
    allowed = _allowed(knowledge)
    finasteride = knowledge.treatments["finasteride"].effects
    assert finasteride is not None
    harm = next(e for e in finasteride.outcomes if e.id == "any_sexual_side_effect")
    sentence = worded(harm)
    assert "about 38 in 1,000" in sentence.text and "1000" in sentence.numbers
    assert "1000" not in allowed and "9876" not in allowed
    assert not _stray(f"Side effects. {sentence.text}", knowledge, allowed)
    assert "1000" in _stray("About 38 in 1,000 men.", knowledge, allowed)
    typed = sentence.text.replace("about 38 in", "about 9876 in")
    assert {"9876", "1000"} <= _stray(typed, knowledge, allowed)


def test_the_number_check_would_catch_a_typed_number(knowledge: Knowledge) -> None:
    assert "987654" not in _allowed(knowledge)
    assert _numbers("It costs $987,654 a month") == {"987654"}


def test_the_result_page_numbers_come_from_the_data(
    complete: Callable[..., Client], knowledge: Knowledge
) -> None:
    text = " ".join(_parse(complete().get("/assessment/result/").content.decode()).text)
    stray = _stray(text, knowledge, _allowed(knowledge))
    assert not stray, sorted(stray)


_HEADING = "What clinics or sellers say:</span> "
_DELIVERY = "The scalp is first treated with a microneedling device"
_DELIVERY_PAGES = ("/treatments/exosomes/", "/articles/exosomes-for-hair-loss/")


def test_a_clinic_claim_is_headed_as_one_wherever_it_is_shown(client: Client) -> None:
    """A statement stored ``reports: clinic_claims`` relays what clinics or sellers say, so
    every page that shows it (treatment page, article, comparison) says so."""
    for page in _DELIVERY_PAGES:
        assert _HEADING + _DELIVERY in client.get(page).content.decode(), page
    compare = client.get("/compare/exosomes/prp/").content.decode()
    assert _HEADING + "There is no approved or standard protocol" in compare


def test_the_heading_follows_the_flag_in_the_data(
    client: Client, served_knowledge: Path, edit: Callable[[str, str, str], None]
) -> None:
    """Unflagged (and, as the checker then demands, backed by a study), the same words lose
    the heading."""
    edit(
        "treatments/exosomes.yaml",
        "      sometimes offer it as an extra step within a microneedling course.\n"
        "    citations: [curekey-exosomes]\n    reports: clinic_claims\n",
        "      sometimes offer it as an extra step within a microneedling course.\n"
        "    citations: [curekey-exosomes, gupta-2023-exosomes]\n",
    )
    for page in _DELIVERY_PAGES:
        html = client.get(page).content.decode()
        assert _DELIVERY in html and _HEADING + _DELIVERY not in html, page
