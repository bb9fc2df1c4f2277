"""Glossary words link to one plain explanation at the end of the page that uses them."""

from __future__ import annotations

from pathlib import Path

from django.test import Client

from follicle.knowledge import Knowledge


def test_an_article_links_a_term_to_its_meaning_given_once_at_the_end(
    client: Client, knowledge: Knowledge
) -> None:
    page = client.get("/articles/new-treatments-in-research/").content.decode()
    off_label = knowledge.glossary["off_label"]
    assert page.count('<a class="term" href="#term-off-label">off-label</a>') == 1
    assert page.count('<a class="term" href="#term-dht">DHT</a>') == 1
    assert page.count('id="term-off-label"') == 1
    assert page.count('<h2 id="page-terms-title">Words on this page</h2>') == 1
    assert off_label.meaning in page
    # the list comes after the article, in the order the words were first used
    assert page.index("</article>") < page.index("Words on this page")
    assert page.index('id="term-placebo"') < page.index('id="term-off-label"')


def test_a_page_that_uses_no_term_has_no_word_list(client: Client) -> None:
    page = client.get("/costs/").content.decode()
    assert "Words on this page" not in page


def test_a_changed_meaning_in_the_data_shows_on_the_page(
    client: Client, served_knowledge: Path
) -> None:
    path = served_knowledge / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("A dummy treatment that", "A pretend treatment that", 1),
        encoding="utf-8",
    )
    page = client.get("/articles/new-treatments-in-research/").content.decode()
    assert "A pretend treatment that looks like the real one" in page
