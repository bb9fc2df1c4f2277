"""Responses that may hold health data are never cached; signed-in sessions time out."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

LAST_SEEN = "follicle_last_seen"
#: Activity is recorded to the minute: an idle limit of 30 minutes does not need a session
#: write (a database write) on every single request.
LAST_SEEN_RESOLUTION = 60
SIGNED_IN_AT = "follicle_signed_in_at"


class SessionTimeoutMiddleware:
    """Sign people out after ``FOLLICLE_IDLE_SECONDS`` of inactivity or ``FOLLICLE_ABSOLUTE_SECONDS``
    after signing in, whichever comes first (HIPAA automatic logoff; ASVS session limits)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            session = request.session
            last_seen = session.get(LAST_SEEN, now)
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            if (
                now - last_seen > settings.FOLLICLE_IDLE_SECONDS
                or now - signed_in_at > settings.FOLLICLE_ABSOLUTE_SECONDS
            ):
                logout(request)
                messages.info(
                    request,
                    "You were signed out because your session timed out. Please sign in again.",
                )
                return redirect(settings.LOGIN_URL)
            if now - last_seen > LAST_SEEN_RESOLUTION or LAST_SEEN not in session:
                session[LAST_SEEN] = now  # at most one session write a minute
        return self.get_response(request)


class PrivateHealthDataMiddleware:
    """``Cache-Control: no-store`` on every response Django makes (static files are served
    before it). Any page may show answers, a result or a signed-in person's data, and the
    session middleware reads the session on every request anyway, so no page is singled out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        return response


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response Django makes: no page uses the camera, the
    microphone, location, motion sensors, payments, USB or interest-based advertising, so none
    may, nor may anything a page embeds (``settings.PERMISSIONS_POLICY``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
