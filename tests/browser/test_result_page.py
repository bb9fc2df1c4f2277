"""The result page in Chromium: the first screen at 390 x 844 holds what to do now, the cost
numbers scroll inside their own box at 320 px, and axe finds nothing on each new state.

The answers are put straight into the browser's session, so these tests follow the result page,
not the questionnaire's steps."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings

from follicle.web.assessment.actions import SESSION_KEY
from tests.browser.test_accessibility import _violations
from tests.web.result_personas import EXOSOME_INTEREST, IN_PERSON, ONLINE

PERSONAS = {"online plan": ONLINE, "exosome interest": EXOSOME_INTEREST, "in person": IN_PERSON}


@pytest.fixture
def result_page(
    new_page: Callable[..., Any], live_server: Any
) -> Callable[[dict[str, Any], int, int], Any]:
    """A page showing the result for ``answers`` at ``width`` x ``height``."""

    def open_result(answers: dict[str, Any], width: int, height: int) -> Any:
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = dict(answers)
        session.save()
        page = new_page(width, height)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": live_server.url,
                }
            ]
        )
        page.goto("/assessment/result/")
        return page

    return open_result


def _in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.parametrize("persona", ["online plan", "exosome interest"])
def test_the_first_phone_screen_shows_the_route_the_first_option_and_the_review_button(
    result_page: Callable[..., Any], persona: str
) -> None:
    page = result_page(PERSONAS[persona], 390, 844)
    for selector in ("#now .route", "#now .top-options li", "#now a[href='#review']"):
        assert _in_viewport(page, selector), selector
    if persona == "exosome interest":
        assert _in_viewport(page, "#your-question")
    page.click("#now a[href='#review']")
    assert _in_viewport(page, "#review-title")


def test_an_in_person_result_shows_why_on_the_first_phone_screen_and_offers_no_review(
    result_page: Callable[..., Any],
) -> None:
    page = result_page(IN_PERSON, 390, 844)
    assert page.locator("#route-title").inner_text() == "See a clinician in person first"
    assert _in_viewport(page, "#now .route")
    assert page.locator("#review").count() == 0
    assert page.locator("text=Ask a clinician to review").count() == 0
    assert page.locator(".reading a").count() > 0


def test_the_cost_numbers_scroll_in_their_own_box_at_320_pixels(
    result_page: Callable[..., Any],
) -> None:
    page = result_page(ONLINE, 320, 700)
    page.click("text=Show the numbers")
    box = page.locator(".table-scroll")
    assert box.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    widths = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert widths[1] <= 320 - 32  # inside the page's margins
    assert box.evaluate("b => getComputedStyle(b).overflowX") == "auto"


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_each_result_state_has_no_axe_violations(
    result_page: Callable[..., Any], persona: str
) -> None:
    page = result_page(PERSONAS[persona], 390, 844)
    assert _violations(page) == []
    if page.locator("#your-question summary").count():
        page.click("#your-question summary")
        assert _violations(page) == []
    if page.locator("text=Show the numbers").count():
        page.click("text=Show the numbers")
        assert _violations(page) == []
