"""Who may open what. Every view checks the role, and every case view checks the object.

- anonymous: public pages, the assessment, sign-up and sign-in;
- person: their own cases only (another person's case is "not found", never "forbidden",
  so its existence is not revealed);
- clinician: the queue and case pages, only after the second factor in this session;
- admin: account administration (Django admin, also behind the second factor); not cases.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from follicle.web.accounts.models import Role

View = TypeVar("View", bound=Callable[..., HttpResponse])


def _role_required(role: Role, refusal: str, *, second_factor: bool) -> Callable[[View], View]:
    """Signed in (else to the sign-in page), in ``role`` (else 403), and, for roles that see
    other people's health data, verified with the second factor in this session."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role != role:
                raise PermissionDenied(refusal)
            if second_factor and not request.user.is_verified():  # type: ignore[attr-defined]  # added by OTPMiddleware
                return redirect("accounts:two_factor")
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


person_required = _role_required(
    Role.PERSON, "This page is for people who asked for a review.", second_factor=False
)
clinician_required = _role_required(
    Role.CLINICIAN, "This page is for clinicians.", second_factor=True
)
