"""RFC 9457 problem details: every error the API answers is ``application/problem+json``.

The API's own refusals (invalid answers, a case not found, a stale version, a rate limit) are
built here by :func:`problem`. Errors made before or around the API's views (a path the
resolver does not know, a method the operation does not take, a request too large, a server
error) are turned into problem details by :class:`ProblemDetailsMiddleware`, for every path
under ``/api/``, so a client never has to read an HTML error page.

Every problem has ``type`` ``about:blank`` (the status says what kind of problem it is), the
status's own phrase as ``title``, a ``detail`` in plain words and, for invalid input, ``errors``:
one ``{"field", "message"}`` per problem, the field named by its contract id (the same pairs
``follicle assess`` prints).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, HttpResponseBase

PROBLEM_JSON = "application/problem+json"

#: Paths whose errors are problem details rather than the site's HTML error pages.
API_PREFIX = "/api/"

#: Said when nothing more useful can be: the status phrase is the title already.
DETAILS = {
    400: "The request could not be read.",
    401: "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.",
    403: "This account may not do this.",
    404: "There is nothing here.",
    405: "This address does not take this method; the Allow header lists those it takes.",
    413: "The request is too large.",
    429: "Too many requests from this address; try again after the time in Retry-After.",
    500: "Something went wrong on our side; nothing was changed.",
}


def problem(
    status: int,
    detail: str | None = None,
    *,
    errors: Iterable[tuple[str, str]] = (),
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """A problem details response; ``errors`` as (field, message) pairs."""
    body: dict[str, object] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or DETAILS.get(status, HTTPStatus(status).description),
    }
    listed = [{"field": field, "message": message} for field, message in errors]
    if listed:
        body["errors"] = listed
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_problem(response: HttpResponseBase) -> bool:
    return str(response.get("Content-Type", "")).startswith(PROBLEM_JSON)


#: Headers of the refused response that describe the body, replaced with the problem's own.
_BODY_HEADERS = {"content-type", "content-length", "content-encoding", "content-language"}


class ProblemDetailsMiddleware:
    """Any error response under ``/api/`` that is not problem details already (Django's 404 and
    500 pages, the 405 of a method not taken, the 413 of a body too large, a CSRF refusal)
    becomes one, with the same status and every other header kept (``Allow``, ``Retry-After``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or is_problem(response)
        ):
            return response
        replacement = problem(response.status_code)
        for name, value in response.items():
            if name.lower() not in _BODY_HEADERS:
                replacement[name] = value
        for cookie in response.cookies.values():
            replacement.cookies[cookie.key] = cookie
        return replacement
