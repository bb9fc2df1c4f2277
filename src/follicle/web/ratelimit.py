"""Per-address rate limits on the posts that send email, create accounts or try codes, and on
the public API (:func:`wait_before_next`, any method, per minute).

Sign-in has its own lockout (django-axes); sign-up, password reset and second-factor codes are
limited here so they cannot be used to flood someone's inbox or guess a code. django-ratelimit
counts the posts of each client address (``client_address``: trusted proxies only) in hour-long
windows, in the cache: Redis when ``REDIS_URL`` is set (shared by every app server), process
memory otherwise. A post the cache cannot count is never let through: a cache that answers
without a count refuses it (django-ratelimit fails closed), one that cannot be reached fails it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django_ratelimit.core import get_usage, is_ratelimited

from follicle.web.client_address import client_address

#: Seconds to wait when the cache could not say (it failed, so the request was refused).
UNKNOWN_WAIT = 60

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def _address(group: str, request: HttpRequest) -> str:
    return client_address(request) or "unknown"


def limit_posts(scope: str, *, per_hour: int) -> Callable[[View], View]:
    """Allow ``per_hour`` POSTs a client address may make to this view (and every other view
    limited under the same ``scope``) in an hour; the next gets a 429 page."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if is_ratelimited(
                request,
                group=scope,
                key=_address,
                rate=f"{per_hour}/h",
                method="POST",
                increment=True,
            ):
                return render(request, "follicle/rate_limited.html", status=429)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def wait_before_next(request: HttpRequest, scope: str, *, per_minute: int) -> int | None:
    """Count this request (any method) against the ``per_minute`` a client address may make
    under ``scope``; ``None`` when it is allowed, else the seconds until the window ends (for
    ``Retry-After``). Fails closed like :func:`limit_posts`: a cache that cannot count refuses."""
    usage = get_usage(
        request,
        group=scope,
        key=_address,
        rate=f"{per_minute}/m",
        method=get_usage.ALL,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    left = int(usage["time_left"])
    return left if left > 0 else UNKNOWN_WAIT
