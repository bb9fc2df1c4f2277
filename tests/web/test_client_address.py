"""Which address a request is counted against (rate limits, lockout, audit)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from follicle.web.client_address import client_address


def _request(remote: str, forwarded: str | None = None) -> Any:
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def test_without_a_proxy_the_forwarded_header_is_ignored(settings: Any) -> None:
    settings.FOLLICLE_TRUSTED_PROXIES = 0
    assert client_address(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the left entry was written by the client
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    ],
)
def test_behind_trusted_proxies_the_client_is_counted_from_the_right(
    settings: Any, proxies: int, forwarded: str, client: str
) -> None:
    settings.FOLLICLE_TRUSTED_PROXIES = proxies
    assert client_address(_request("10.0.0.1", forwarded)) == client


def test_a_short_header_falls_back_to_the_connection(settings: Any) -> None:
    settings.FOLLICLE_TRUSTED_PROXIES = 2
    assert client_address(_request("10.0.0.1", "203.0.113.9")) == "10.0.0.1"


def test_one_host_has_one_spelling(settings: Any) -> None:
    settings.FOLLICLE_TRUSTED_PROXIES = 0
    assert client_address(_request("2001:0db8:0000:0000:0000:0000:0000:0001")) == "2001:db8::1"
    assert client_address(_request("not an address")) is None


def test_lockout_counts_the_client_not_the_proxy(settings: Any) -> None:
    """django-axes asks the same function, so two people behind one proxy are not locked
    out together."""
    from axes.helpers import get_client_ip_address

    settings.FOLLICLE_TRUSTED_PROXIES = 1
    assert get_client_ip_address(_request("10.0.0.1", "203.0.113.9")) == "203.0.113.9"
