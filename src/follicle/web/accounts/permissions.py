"""Who may open what. Every view checks the role, and every case view checks the object.

- anonymous: public pages, the assessment, sign-up and sign-in;
- person: their own cases only (another person's case is "not found", never "forbidden",
  so its existence is not revealed);
- clinician: the queue and case pages, only after the second factor in this session;
- admin: account administration (Django admin, also behind the second factor); not cases;
- everyone signed in: their own account's pages (password, sessions), after the second factor
  if their account has one or their role needs one. A person who turned on an authenticator
  app passes it before any page of theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from follicle.web.accounts.models import Role

View = TypeVar("View", bound=Callable[..., HttpResponse])


def needs_second_factor(user: Any) -> bool:
    """Whether this signed-in account must pass the second factor before its pages: clinicians
    and admins always, people once they have turned on an authenticator app."""
    return user.role in (Role.CLINICIAN, Role.ADMIN) or user_has_device(user)


def _to_second_factor(request: HttpRequest) -> HttpResponse:
    target = reverse("accounts:two_factor")
    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


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
            if not request.user.is_verified() and (  # type: ignore[attr-defined]  # added by OTPMiddleware
                second_factor or user_has_device(request.user)
            ):
                return _to_second_factor(request)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def account_holder_required(view: View) -> View:
    """Any role, signed in (else to the sign-in page), past the second factor if the account
    needs it (:func:`needs_second_factor`): the pages of one's own account."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_verified() and needs_second_factor(request.user):  # type: ignore[attr-defined]
            return _to_second_factor(request)
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


person_required = _role_required(
    Role.PERSON, "This page is for people who asked for a review.", second_factor=False
)
clinician_required = _role_required(
    Role.CLINICIAN, "This page is for clinicians.", second_factor=True
)
