"""Browser journeys in real Chromium: the man with crown thinning, the woman with sudden
patchy loss, the same journey without JavaScript, and skip logic in the page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from follicle.engine.rules.exosomes import CRITERIA
from tests.browser.journeys import man_with_crown_thinning, woman_with_sudden_patches

ROOT = Path(__file__).resolve().parents[2]
# The README's screenshot is refreshed with FOLLICLE_UPDATE_SCREENSHOTS=1; other runs write to var/.
SCREENSHOT = (
    ROOT / "docs" / "screenshots" / "result.png"
    if os.environ.get("FOLLICLE_UPDATE_SCREENSHOTS") == "1"
    else ROOT / "var" / "screenshots" / "result.png"
)


def _status(page: Any, treatment: str) -> str:
    return str(page.locator(f"#option-{treatment} .badge-status").first.inner_text())


def test_a_man_with_crown_thinning_gets_first_line_treatment_and_exosomes_not_now(
    page: Any,
) -> None:
    man_with_crown_thinning(page)
    assert page.url.endswith("/assessment/check/")
    page.click("text=See my result")
    assert page.url.endswith("/assessment/result/")
    assert "Recommended" in _status(page, "finasteride")
    assert "Recommended" in _status(page, "topical_minoxidil")
    assert "Not now" in _status(page, "exosomes")
    checklist = page.locator("#option-exosomes .checklist li")
    assert checklist.count() == len(CRITERIA)
    assert page.locator("svg.cost-chart").is_visible()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 900, "height": 1400})
    page.screenshot(path=str(SCREENSHOT))


def test_a_woman_with_sudden_patchy_loss_is_sent_to_in_person_care(page: Any) -> None:
    woman_with_sudden_patches(page)
    page.click("text=See my result")
    assert page.locator("#route-title").inner_text() == "See a clinician in person first"
    assert page.locator(".badge-status-recommended").count() == 0


def test_the_same_journey_completes_without_javascript(no_js_page: Any) -> None:
    man_with_crown_thinning(no_js_page)
    no_js_page.click("text=See my result")
    assert "Recommended" in _status(no_js_page, "finasteride")


def test_the_assessment_completes_with_the_keyboard_alone(page: Any) -> None:
    man_with_crown_thinning(page, keyboard_only=True)
    assert page.url.endswith("/assessment/check/")


def test_follow_up_questions_appear_in_place_with_javascript(page: Any) -> None:
    page.goto("/assessment/about_you/")
    pregnancy = page.locator("#q-pregnancy")
    assert pregnancy.is_hidden()
    page.check("#input-sex-female")
    assert pregnancy.is_visible()
    page.check("#input-sex-male")
    assert pregnancy.is_hidden()


def test_none_of_these_clears_the_other_boxes(page: Any) -> None:
    page.goto("/assessment/about_you/")
    page.fill("#field-age", "40")
    page.check("#input-sex-male")
    page.click("main button[type=submit]")
    page.goto("/assessment/recent_events/")
    page.check("#input-triggers-surgery")
    page.check("#input-triggers-none")
    assert not page.is_checked("#input-triggers-surgery")
    page.check("#input-triggers-illness_or_fever")
    assert not page.is_checked("#input-triggers-none")


def test_errors_are_summarised_and_the_summary_takes_focus(page: Any) -> None:
    page.goto("/assessment/about_you/")
    page.fill("#field-age", "200")
    page.click("main button[type=submit]")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    page.click(".error-summary a")
    assert page.evaluate("document.activeElement.id") == "field-age"
