"""Where a request came from, for rate limits, lockout and the audit trail.

Behind a reverse proxy every request arrives from the proxy, so REMOTE_ADDR alone would lock
everyone out together. ``FOLLICLE_TRUSTED_PROXIES`` says how many proxies we run in front of
the app; each appends the address it saw to X-Forwarded-For, so the client is that many
entries from the right. Entries further left were written by the client and are never trusted.
With no proxies configured the header is ignored entirely (anyone can send it).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _normalised(text: str) -> str | None:
    try:
        return ipaddress.ip_address(text.strip()).compressed
    except ValueError:
        return None


def client_address(request: HttpRequest | None) -> str | None:
    """The client's address in canonical form (so one host has one spelling), or None."""
    if request is None:
        return None
    proxies = int(getattr(settings, "FOLLICLE_TRUSTED_PROXIES", 0))
    if proxies > 0:
        hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return _normalised(hops[-proxies])
    address = request.META.get("REMOTE_ADDR")
    return _normalised(str(address)) if address else None
