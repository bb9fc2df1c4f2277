"""The API's browsable docs (Swagger UI, served from this origin by django-ninja) work under
the site's own Content-Security-Policy: the operations appear and the browser refuses nothing."""

from __future__ import annotations

from typing import Any


def test_the_api_docs_render_under_the_sites_content_security_policy(page: Any) -> None:
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    page.goto("/api/v1/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/assessments" in "".join(operations)
    assert len(operations) >= 6
    assert refused == []
