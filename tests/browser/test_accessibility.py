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
