"""The assessment walked as a person would, with the keyboard or the mouse, with or without
JavaScript. Shared by the journey, accessibility and review tests."""

from __future__ import annotations

from typing import Any

# One dict per step, in order: item -> code (radio), list of codes (boxes) or text (number).
Steps = list[dict[str, Any]]

MAN_WITH_CROWN_THINNING: Steps = [
    {"age": "34", "sex": "male"},
    {"pattern": "crown"},
    {"onset": "gradual", "duration_months": "24", "shedding": "normal"},
    {"triggers": ["none"]},
    {"scalp_symptoms": ["none"], "other_symptoms": ["none"]},
    {"hair_practices": ["none"], "family_history": "yes"},
    {"medications": ["none"], "conditions": ["none"]},
    {},  # no treatments so far
    {"open_to": ["pills", "topicals", "home_devices"], "expectation": "some_regrowth"},
]

WOMAN_WITH_SUDDEN_PATCHES: Steps = [
    {"age": "29", "sex": "female", "pregnancy": "cannot_become_pregnant"},
    {"pattern": "patches"},
    {"onset": "sudden", "duration_months": "2", "shedding": "more_than_usual"},
    {"triggers": ["none"]},
    {"scalp_symptoms": ["none"], "other_symptoms": ["none"]},
    {"hair_practices": ["none"], "family_history": "no"},
    {"medications": ["none"], "conditions": ["none"]},
    {},
    {"open_to": ["topicals"], "expectation": "stop_loss"},
]

NUMBER_ITEMS = {"age", "duration_months", "scale_stage", "monthly_budget_usd"}


def cont(page: Any) -> None:
    page.click("main button[type=submit]")


def answer_step(page: Any, answers: dict[str, Any]) -> None:
    for item, value in answers.items():
        if item in NUMBER_ITEMS:
            page.fill(f"#field-{item}", value)
        elif isinstance(value, list):
            for code in value:
                page.check(f"#input-{item}-{code}")
        else:
            page.check(f"#input-{item}-{value}")
    cont(page)


def walk(page: Any, steps: Steps) -> None:
    page.goto("/assessment/")
    for answers in steps:
        answer_step(page, answers)


def man_with_crown_thinning(page: Any, keyboard_only: bool = False) -> None:
    if not keyboard_only:
        walk(page, MAN_WITH_CROWN_THINNING)
        return
    page.goto("/assessment/")
    page.focus("#field-age")
    page.keyboard.type("34")
    page.keyboard.press("Tab")  # to the first sex radio
    page.keyboard.press("ArrowDown")  # moves to and selects "Male"
    page.keyboard.press("Enter")  # submits the form
    for answers in MAN_WITH_CROWN_THINNING[1:]:
        answer_step(page, answers)


def woman_with_sudden_patches(page: Any) -> None:
    walk(page, WOMAN_WITH_SUDDEN_PATCHES)
