"""What django-axes counts failed sign-ins against: the address in its one spelling, so
``Doc@Example.org`` and ``doc@example.org`` share one count and one lockout."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from follicle.web.accounts.models import normalise_email


def username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """``AXES_USERNAME_CALLABLE``: the address from the credentials, else from the form."""
    raw = (credentials or {}).get("username")
    if raw is None:
        raw = request.POST.get("username", "") if request is not None else ""
    return normalise_email(str(raw))
