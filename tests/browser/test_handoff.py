"""The hand-off in real Chromium, with JavaScript on and off: a person asks for a review and signs
up in one browser, opens the email's link in another (a phone's mail app has its own), signs in
there and sends; the same request becomes exactly one case, with its reference, and every new
page state on the way has no axe-core violations."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail

from follicle.web.reviews.models import Case, ReviewRequest
from tests.browser.journeys import man_with_crown_thinning
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "I would rather avoid tablets if possible."
EMAIL = "two.browsers@example.org"


def _violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]
    ]


def _axe(page: Any, javascript: bool) -> list[str]:
    """axe-core runs inside the page, so only where JavaScript is on (the pages are the same
    HTML either way; Playwright's evaluate never returns in a page without JavaScript)."""
    return _violations(page) if javascript else []


def _sign_in(page: Any) -> None:
    page.fill("#id_username", EMAIL)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_email_link_opened_in_a_second_browser_continues_the_same_request(
    new_page: Callable[..., Any], javascript: bool
) -> None:
    first = new_page(390, 844, java_script_enabled=javascript)
    man_with_crown_thinning(first)
    first.click("text=See my result")
    offer = first.locator("#review").inner_text()
    assert "Price" in offer and "working days" in offer and "demo terms" in offer
    first.fill("#review-note", NOTE)
    first.click("button:has-text('Ask a clinician to review')")
    assert "/accounts/signup/" in first.url
    first.fill("#id_email", EMAIL)
    first.fill("#id_password", PASSWORD)
    first.check("#id_consent")
    first.click("main button[type=submit]")
    assert "/accounts/check-email/" in first.url
    assert "any device" in first.content()
    assert _axe(first, javascript) == [], "check your email"
    assert ReviewRequest.objects.count() == 1  # kept on the server before the address is confirmed

    link = re.search(r"http://\S+/accounts/verify/\S+", str(mail.outbox[-1].body))
    assert link is not None
    phone = new_page(390, 844, java_script_enabled=javascript)  # no answers, no session
    phone.goto(link.group(0))
    phone.click("text=Confirm my email address")
    assert "/accounts/login/" in phone.url
    assert "to send your answers for review" in phone.content()
    assert _axe(phone, javascript) == [], "sign in after confirming"
    _sign_in(phone)
    assert "/reviews/confirm/" in phone.url, phone.url
    assert NOTE in phone.content() and "Price" in phone.content()
    assert _axe(phone, javascript) == [], "check and send"

    phone.goto("/my/cases/")  # signing in shows the waiting request and what it needs next
    assert "Your answers are waiting to be sent" in phone.content()
    assert _axe(phone, javascript) == [], "my reviews, a request waiting"
    phone.click("a.button:has-text('Check and send')")
    phone.click("button:has-text('Send for review')")
    assert "/my/cases/" in phone.url
    case = Case.objects.get()
    assert case.note == NOTE
    sent = phone.locator("main").inner_text()
    assert "Your request is sent" in sent and case.reference in sent and "What happens next" in sent
    assert _axe(phone, javascript) == [], "request sent"

    # The first browser, still on "check your email", signs in later: the same one case.
    first.goto("/accounts/login/")
    _sign_in(first)
    assert "/my/cases/" in first.url, first.url
    listing = first.locator("main").inner_text()
    assert case.reference in listing and "waiting to be sent" not in listing
    assert _axe(first, javascript) == [], "my reviews, one sent"
    assert Case.objects.count() == 1 and not ReviewRequest.objects.exists()
    [receipt] = [m for m in mail.outbox if case.reference in m.subject]
    assert receipt.to == [EMAIL]
