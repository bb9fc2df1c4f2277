"""Public pages speak to the public: no internal wording (versions, the engine, verification
notes), one footnote for unverified statements, and who wrote and reviewed each page, from the
data. The explanations live on "About our evidence"."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from follicle.knowledge import Knowledge, default_knowledge
from follicle.knowledge.checker import Parsed
from follicle.knowledge.statements import walk
from follicle.web.pages import views as page_views

#: Wording that belongs to records and to the About our evidence page, not to public pages.
INTERNAL = (
    "knowledge version",
    "engine version",
    "engine 1.",
    "reviewed like code",
    "verification note",
    "(unverified",
    "research notes",
)
ABOUT_EVIDENCE = "/about/evidence/"
FOOTNOTE = 'id="unverified-note"'
MARK = 'class="unverified-mark"'


def _page_routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    """Every route of the resolver served by the public pages' views."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _page_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.callback.__module__ == page_views.__name__:
            yield "/" + prefix + str(entry.pattern)


def public_urls(knowledge: Knowledge) -> list[str]:
    """Each public route with every sample its parameters can take (a new route without
    samples fails here)."""
    treatments = list(knowledge.treatments)
    samples: dict[str, list[dict[str, str]]] = {
        "treatment_id": [{"treatment_id": t} for t in treatments],
        "slug": [{"slug": s} for s in knowledge.articles],
        "first": [{"first": a, "second": b} for a, b in itertools.pairwise(treatments)],
    }
    urls: list[str] = []
    for route in sorted(set(_page_routes(get_resolver().url_patterns))):
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if not names:
            urls.append(route)
            continue
        assert names[0] in samples, f"give {route!r} samples in this test"
        for arguments in samples[names[0]]:
            urls.append(re.sub(r"<(?:\w+:)?(\w+)>", lambda m, a=arguments: a[m.group(1)], route))  # type: ignore[misc]
    urls += [f"/costs/?treatment={t}" for t in treatments]
    return urls


def _verification_notes(knowledge: Knowledge) -> set[str]:
    notes: set[str] = set()
    for _, root, model in Parsed.of(knowledge).models():
        for _, value in walk(model, root):
            note = getattr(value, "verification_note", None)
            if isinstance(note, str):
                notes.add(note)
    notes.update(r.verification_note for r in knowledge.references.values() if r.verification_note)
    return notes


def _text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_public_pages_carry_no_internal_wording(client: Client, knowledge: Knowledge) -> None:
    urls = public_urls(knowledge)
    assert "/treatments/exosomes/" in urls and ABOUT_EVIDENCE in urls
    notes = _verification_notes(knowledge)
    assert notes, "the data has verification notes to look for"
    found = []
    for url in urls:
        if url == ABOUT_EVIDENCE:  # where versions and checking are explained
            continue
        page = html.unescape(_text(client, url))
        lowered = page.lower()
        found += [f"{url}: {phrase!r}" for phrase in INTERNAL if phrase in lowered]
        found += [f"{url}: note {note[:40]!r}" for note in notes if note in page]
    assert found == []


def test_the_footer_links_to_about_our_evidence_which_explains_versions(client: Client) -> None:
    home = _text(client, "/")
    assert f'href="{ABOUT_EVIDENCE}">About our evidence</a>' in home
    about = _text(client, ABOUT_EVIDENCE)
    for heading in ("How we check what we say", 'What "unverified" means', "Versions"):
        assert html.escape(heading) in about
    assert default_knowledge().version[:12] in about


def test_a_page_with_unverified_statements_has_one_footnote_and_a_mark_on_each(
    client: Client, knowledge: Knowledge
) -> None:
    treatment = knowledge.treatments["exosomes"]
    unverified = [s for _, s in walk(treatment) if getattr(s, "verified", True) is False]
    assert len(unverified) > 1
    page = _text(client, "/treatments/exosomes/")
    assert page.count(FOOTNOTE) == 1
    assert page.count(MARK) >= len(unverified) > 1
    assert page.index(FOOTNOTE) > page.rindex(MARK)  # the note comes after every mark
    assert f'href="{ABOUT_EVIDENCE}#unverified"' in page


def test_a_page_without_unverified_statements_has_no_footnote(client: Client) -> None:
    for url in ("/costs/", "/articles/", ABOUT_EVIDENCE):
        page = _text(client, url)
        assert FOOTNOTE not in page and MARK not in page, url


def test_an_article_marks_its_unverified_values_and_explains_them_once(
    client: Client, knowledge: Knowledge
) -> None:
    page = _text(client, "/articles/alopecia-areata/")
    assert page.count(MARK) >= 1
    assert page.count(FOOTNOTE) == 1


def test_each_page_says_who_wrote_it_and_that_no_clinician_has_reviewed_it_yet(
    client: Client, knowledge: Knowledge
) -> None:
    finasteride = knowledge.treatments["finasteride"].authorship
    assert finasteride is not None and finasteride.clinical_review is None
    page = _text(client, "/treatments/finasteride/")
    assert f"Written by {finasteride.written_by}." in page
    assert f'Last updated <time datetime="{finasteride.last_updated.isoformat()}">' in page
    assert "Not yet clinically reviewed." in page
    for url in ("/", "/treatments/", "/references/", "/articles/minoxidil/"):
        assert "Not yet clinically reviewed." in _text(client, url), url


@pytest.mark.parametrize(
    ("file", "marker", "url"),
    [
        ("treatments/finasteride.yaml", "authorship:\n", "/treatments/finasteride/"),
        ("articles/minoxidil.md", "authorship:\n", "/articles/minoxidil/"),
        ("about.yaml", "site_pages:\n", "/costs/"),
    ],
)
def test_a_clinical_review_added_to_the_data_shows_on_its_page(
    client: Client, served_knowledge: Path, file: str, marker: str, url: str
) -> None:
    path = served_knowledge / file
    text = path.read_text(encoding="utf-8")
    assert marker in text
    path.write_text(
        text.replace(
            marker,
            marker + "  clinical_review:\n    reviewer: Dr Planted Name\n"
            "    profession: Consultant dermatologist\n    reviewed_on: 2026-12-04\n",
            1,
        ),
        encoding="utf-8",
    )
    page = _text(client, url)
    assert "Clinically reviewed by Dr Planted Name, Consultant dermatologist, on" in page
    assert "Not yet clinically reviewed." not in page
