"""Real Chromium (Debian's package) driven by Playwright against a live test server.

Browser downloads are not possible here, so the system Chromium is used. Without it the tests
are skipped, except under ``CI=true`` where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import optional_skip

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM = os.environ.get("FOLLICLE_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        optional_skip(f"Chromium not found at {CHROMIUM} (install Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the lock file installs it
        optional_skip("playwright is not installed")
        return
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 320, "height": 700}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()
