"""A small per-address rate limit for the endpoints that send email or create accounts.

Sign-in has its own lockout (django-axes); sign-up and password reset are limited here so they
cannot be used to flood someone's inbox. Counters live in the cache: Redis when ``REDIS_URL``
is set (shared by every app server), process memory otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render

from follicle.web.client_address import client_address

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def limit_posts(scope: str, *, per_hour: int) -> Callable[[View], View]:
    """Allow ``per_hour`` POSTs a client address may make to this view in an hour."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method == "POST":
                key = f"ratelimit:{scope}:{client_address(request) or 'unknown'}"
                cache.add(key, 0, timeout=3600)
                try:
                    count = cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, timeout=3600)
                    count = 1
                if count > per_hour:
                    return render(request, "follicle/rate_limited.html", status=429)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
