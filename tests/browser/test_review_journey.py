"""The whole review in real Chromium: a person asks, a clinician with a second factor signs a
changed plan, the person reads it, and the person can never open the queue."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail

from tests.browser.journeys import man_with_crown_thinning
from tests.personas import PASSWORD, current_code, make_clinician, with_totp

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_asks_and_a_clinician_signs_a_plan(new_page: Callable[..., Any]) -> None:
    doctor = make_clinician("doc@example.org", "Dr Ada Lovelace")
    device = with_totp(doctor)

    page = new_page(390, 844)
    man_with_crown_thinning(page)
    page.click("text=See my result")
    page.fill("#review-note", "I would rather avoid tablets if possible.")
    page.click("button:has-text('Ask a clinician to review')")
    assert "/accounts/signup/" in page.url
    page.fill("#id_email", "person@example.org")
    page.fill("#id_password", PASSWORD)
    page.check("#id_consent")
    page.click("main button[type=submit]")
    assert "/accounts/check-email/" in page.url
    link = re.search(r"http://\S+/accounts/verify/\S+", str(mail.outbox[-1].body))
    assert link is not None
    page.goto(link.group(0))
    page.click("text=Confirm my email address")
    assert "/reviews/confirm/" in page.url
    page.click("text=Send for review")
    assert "/my/cases/" in page.url
    case_url = page.url
    assert "Waiting for a clinician" in page.content()

    response = page.goto("/clinic/")  # the person can never open the queue
    assert response is not None and response.status == 403
    assert page.locator("h1").inner_text() != "Review queue"

    doc = new_page(1280, 900)
    doc.goto("/accounts/login/")
    doc.fill("#id_username", "doc@example.org")
    doc.fill("#id_password", PASSWORD)
    doc.click("main button[type=submit]")
    assert "/accounts/two-factor/" in doc.url, doc.url
    doc.fill("#id_token", current_code(device))
    doc.click("main button[type=submit]")
    assert doc.locator("h1").inner_text() == "Review queue", doc.url
    doc.click("table.queue button:has-text('Claim')")
    assert "The case is yours to review." in doc.content()
    doc.select_option("#id_status_finasteride", "not_now")
    doc.fill("#id_reason_finasteride", "Prefers not to take tablets; start with topical minoxidil.")
    doc.fill("#id_follow_up", "Review photos at 6 and 12 months.")
    doc.click("text=Sign and issue the plan")
    # "Not now" now stands above options still recommended: the editor refuses that order with
    # a warning and keeps everything typed; "Put in status order" rearranges it, then it signs.
    assert "stands above" in doc.content()
    assert doc.input_value("#id_reason_finasteride").startswith("Prefers not to take tablets")
    doc.click("button[name=arrange][value=status]")
    assert doc.input_value("#id_follow_up") == "Review photos at 6 and 12 months."
    doc.click("text=Sign and issue the plan")
    assert "The plan is signed and issued" in doc.content()

    page.goto(case_url)
    html = page.content()
    assert "Plan issued" in html
    assert "Dr Ada Lovelace" in html
    assert "Prefers not to take tablets" in html
    assert "Review photos at 6 and 12 months." in html
