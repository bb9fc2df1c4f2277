"""The admin's sign-in shares the second-factor rate limit of the clinicians' page: one count
per client address across both pages (``FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR``)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.audit.test_security_events import ADMIN_LOGIN, LOGIN, _admin_sign_in, _admin_user
from tests.personas import PASSWORD, current_code, device_of, make_clinician, with_totp, wrong_code


def test_wrong_admin_codes_are_rate_limited_per_address(db: None, settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only the address limit is under test
    root = _admin_user()
    code = current_code(device_of(root))
    client = Client(REMOTE_ADDR="203.0.113.40")
    for _ in range(settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR):
        assert _admin_sign_in(client, root, wrong_code(code)).status_code == 200
    assert _admin_sign_in(client, root, code).status_code == 429
    assert "_auth_user_id" not in client.session  # the right code was not even tried
    other = Client(REMOTE_ADDR="203.0.113.41")
    assert _admin_sign_in(other, root, code).status_code == 302


def test_the_two_pages_share_one_count(db: None, settings: Any) -> None:
    doctor = make_clinician("shared-limit@example.org")
    device = with_totp(doctor)
    client = Client(REMOTE_ADDR="203.0.113.42")
    client.post(LOGIN, {"username": doctor.email, "password": PASSWORD})
    for _ in range(settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR - 1):
        client.post("/accounts/two-factor/", {"token": wrong_code(current_code(device))})
    root = _admin_user()
    admin_client = Client(REMOTE_ADDR="203.0.113.42")
    code = current_code(device_of(root))
    assert _admin_sign_in(admin_client, root, wrong_code(code)).status_code == 200
    assert _admin_sign_in(admin_client, root, code).status_code == 429
    assert client.post("/accounts/two-factor/", {"token": "123456"}).status_code == 429
    assert admin_client.get(ADMIN_LOGIN).status_code == 200  # only posts count
