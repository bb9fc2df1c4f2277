"""Error pages: requests Django refuses before any view runs, and refusals that explain.

A request that is too large (``DATA_UPLOAD_MAX_MEMORY_SIZE``) gets a 413 page; any other
request Django judges malformed or suspicious (too many fields, a file sent to a form, a bad
host) gets a 400 page. Neither shows a traceback or echoes what was sent, and nothing was
saved: the view never ran. The log says in one line which limit refused the request
(``RefusalsInOneLine``), without a traceback: it is not a fault.

A view that refuses with :class:`ExplainedRefusal` gets its own page (still 403) instead of
the generic "a different kind of account" page, for refusals whose reason the user may know
(a case another clinician has taken, say).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


class ExplainedRefusal(PermissionDenied):
    """A 403 that renders ``template`` with ``context`` (only what this user may know)."""

    def __init__(self, message: str, *, template: str, context: dict[str, Any]) -> None:
        super().__init__(message)
        self.template = template
        self.context = context


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, ExplainedRefusal):
        return render(request, exception.template, exception.context, status=403)
    return render(request, "403.html", status=403)


class RefusalsInOneLine(logging.Filter):
    """Log a refused request (a response below 500) as its one-line message, without the
    exception's traceback; a server error keeps its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
