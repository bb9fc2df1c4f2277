"""axe-core (bundled with axe-playwright-python) finds no violations on the key pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.journeys import man_with_crown_thinning


def _violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/treatments/exosomes/",
        "/compare/exosomes/prp/",
        "/costs/",
        "/costs/?treatment=prp",
        "/articles/exosomes-for-hair-loss/",
        "/references/",
        "/about/evidence/",
        "/articles/new-treatments-in-research/",  # glossary words and the unverified footnote
        "/treatments/spironolactone/",
    ],
)
def test_public_pages_have_no_axe_violations(page: Any, url: str) -> None:
    page.goto(url)
    assert _violations(page) == []


def test_every_assessment_step_and_the_result_have_no_axe_violations(page: Any) -> None:
    page.goto("/assessment/about_you/")
    assert _violations(page) == []  # the first step, empty
    man_with_crown_thinning(page)
    for url in [
        "/assessment/about_you/",
        "/assessment/your_hair_loss/",
        "/assessment/timeline/",
        "/assessment/recent_events/",
        "/assessment/symptoms/",
        "/assessment/hair_and_family/",
        "/assessment/health/",
        "/assessment/treatments/",
        "/assessment/preferences/",
        "/assessment/check/",
        "/assessment/result/",
    ]:
        page.goto(url)
        assert _violations(page) == [], url


def test_a_step_with_errors_has_no_axe_violations(page: Any) -> None:
    page.goto("/assessment/about_you/")
    page.click("main button[type=submit]")
    assert _violations(page) == []


def test_axe_does_report_a_real_violation(page: Any) -> None:
    """The check can fail: an image without alternative text is caught."""
    page.goto("/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/x.png\">')"
    )
    assert any(v.startswith("image-alt") for v in _violations(page))


@pytest.mark.django_db(transaction=True)
def test_ones_own_account_pages_have_no_axe_violations(page: Any) -> None:
    from tests.personas import PASSWORD, make_person

    make_person("axe@example.org")
    page.goto("/accounts/login/")
    page.fill("#id_username", "axe@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    for url in ["/accounts/security/", "/accounts/password/"]:
        page.goto(url)
        assert _violations(page) == [], url
    page.click("main button[type=submit]")  # the password form, empty: errors by each field
    assert _violations(page) == []
    page.goto("/accounts/security/")
    page.click(
        "button:has-text('Add an authenticator app')"
    )  # the QR code and the key for typing by hand
    assert "/accounts/two-factor/turn-on/" in page.url
    assert _violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_the_clinicians_new_pages_have_no_axe_violations(page: Any) -> None:
    """The plan editor's order warning, the profile page (empty and with errors) and the plain
    "taken by a colleague" refusal: each state a clinician meets, checked with axe."""
    from follicle.web.reviews import actions
    from tests.cases import make_case
    from tests.personas import (
        PASSWORD,
        TEST_AUDIT,
        current_code,
        make_clinician,
        make_person,
        with_totp,
    )

    doctor = make_clinician("axe-doc@example.org", "Dr Axe")
    device = with_totp(doctor)
    colleague = make_clinician("axe-colleague@example.org", "Dr Other")
    mine = make_case(make_person("axe-a@example.org"))
    theirs = make_case(make_person("axe-b@example.org"))
    actions.claim(audit=TEST_AUDIT, case_id=theirs.id, clinician=colleague)

    page.goto("/accounts/login/")
    page.fill("#id_username", "axe-doc@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.fill("#id_token", current_code(device))
    page.click("main button[type=submit]")
    assert _violations(page) == []  # the queue

    page.goto(f"/clinic/cases/{mine.id}/")
    page.click("button:has-text('Claim')")
    page.select_option("#id_status_finasteride", "not_now")
    page.click("text=Sign and issue the plan")
    assert "stands above" in page.content()
    assert _violations(page) == []  # the order warning and the field errors

    page.goto(f"/clinic/cases/{theirs.id}/")
    assert "Dr Other" in page.content()
    assert _violations(page) == []  # taken by a colleague

    page.goto("/accounts/profile/")
    assert _violations(page) == []
    page.fill("#id_display_name", "")
    page.click("main button[type=submit]")
    assert "Enter your name as it should appear on signed plans." in page.content()
    assert _violations(page) == []
