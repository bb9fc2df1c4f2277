"""Responses that may hold health data are never cached by browsers or proxies."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class PrivateHealthDataMiddleware:
    """``Cache-Control: no-store`` on every page that uses the session (answers, results)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "session", None) is not None and request.session.accessed:
            response["Cache-Control"] = "no-store"
        return response
