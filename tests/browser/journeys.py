"""The assessment walked as a person would, with the keyboard or the mouse, with or without
JavaScript. Shared by the journey and accessibility tests."""

from __future__ import annotations

from typing import Any


def answer_radio(page: Any, item: str, code: str) -> None:
    page.check(f"#input-{item}-{code}")


def answer_boxes(page: Any, item: str, *codes: str) -> None:
    for code in codes:
        page.check(f"#input-{item}-{code}")


def cont(page: Any) -> None:
    page.click("main button[type=submit]")


def man_with_crown_thinning(page: Any, keyboard_only: bool = False) -> None:
    page.goto("/assessment/")
    if keyboard_only:
        page.focus("#field-age")
        page.keyboard.type("34")
        page.keyboard.press("Tab")  # to the first sex radio
        page.keyboard.press("ArrowDown")  # moves to and selects "Male"
        page.keyboard.press("Enter")  # submits the form
    else:
        page.fill("#field-age", "34")
        answer_radio(page, "sex", "male")
        cont(page)
    answer_radio(page, "pattern", "crown")
    cont(page)
    answer_radio(page, "onset", "gradual")
    page.fill("#field-duration_months", "24")
    answer_radio(page, "shedding", "normal")
    cont(page)
    answer_boxes(page, "triggers", "none")
    cont(page)
    answer_boxes(page, "scalp_symptoms", "none")
    answer_boxes(page, "other_symptoms", "none")
    cont(page)
    answer_boxes(page, "hair_practices", "none")
    answer_radio(page, "family_history", "yes")
    cont(page)
    answer_boxes(page, "medications", "none")
    answer_boxes(page, "conditions", "none")
    cont(page)
    cont(page)  # no treatments so far
    answer_boxes(page, "open_to", "pills", "topicals", "home_devices")
    answer_radio(page, "expectation", "some_regrowth")
    cont(page)


def woman_with_sudden_patches(page: Any) -> None:
    page.goto("/assessment/")
    page.fill("#field-age", "29")
    answer_radio(page, "sex", "female")
    answer_radio(page, "pregnancy", "cannot_become_pregnant")
    cont(page)
    answer_radio(page, "pattern", "patches")
    cont(page)
    answer_radio(page, "onset", "sudden")
    page.fill("#field-duration_months", "2")
    answer_radio(page, "shedding", "more_than_usual")
    cont(page)
    answer_boxes(page, "triggers", "none")
    cont(page)
    answer_boxes(page, "scalp_symptoms", "none")
    answer_boxes(page, "other_symptoms", "none")
    cont(page)
    answer_boxes(page, "hair_practices", "none")
    answer_radio(page, "family_history", "no")
    cont(page)
    answer_boxes(page, "medications", "none")
    answer_boxes(page, "conditions", "none")
    cont(page)
    cont(page)
    answer_boxes(page, "open_to", "topicals")
    answer_radio(page, "expectation", "stop_loss")
    cont(page)
