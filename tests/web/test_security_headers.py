"""Security headers and production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def test_pages_send_a_strict_content_security_policy(client: Client) -> None:
    policy = client.get("/")["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy


def test_pages_load_nothing_from_another_host(client: Client) -> None:
    for url in ("/", "/assessment/about_you/", "/treatments/exosomes/"):
        html = client.get(url).content.decode()
        assert 'src="http' not in html
        assert '<link rel="stylesheet" href="http' not in html


def test_other_security_headers(client: Client) -> None:
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def _production(tmp_path: Path) -> dict[str, str]:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "EMAIL_BACKEND")
    }  # set for browser tests
    return {
        **inherited,
        "FOLLICLE_ENV": "production",
        "SECRET_KEY": "x" * 20 + "y" * 20 + "0123456789abcdefghij",
        "ALLOWED_HOSTS": "follicle.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FOLLICLE_VAR_DIR": str(tmp_path),
    }


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    env = _production(tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    env = {**os.environ, "FOLLICLE_ENV": "production", "ALLOWED_HOSTS": "x", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_sends_email_instead_of_printing_it(tmp_path: Path) -> None:
    """A console backend in production would write sign-in links into the server's logs."""
    show = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", show],
        env=_production(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.mail.backends.smtp.EmailBackend"


def test_pages_refuse_browser_features_no_page_uses(client: Client) -> None:
    policy = client.get("/")["Permissions-Policy"]
    features = dict(part.split("=") for part in policy.split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_error_pages_also_refuse_browser_features(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "camera=()" in response["Permissions-Policy"]
