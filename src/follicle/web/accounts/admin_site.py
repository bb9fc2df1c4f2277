"""The admin site: django-otp's, whose sign-in takes the password and the second factor in one
form, with the clinicians' second-factor rate limit and audit.

Signing in (or failing to, by password) is audited by the sign-in signals like every other way
in (``audit/security.py``); a refused second-factor code is recorded here, where the request is
at hand. Admin sign-in posts count against the same per-address limit as the clinicians'
second-factor page (the ``two_factor`` scope), so trying codes on one page does not reset the
count on the other.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

from follicle.web import session_markers as markers
from follicle.web.audit import security
from follicle.web.audit.context import audit_context
from follicle.web.ratelimit import limit_posts


class AdminSignInForm(OTPAdminAuthenticationForm):  # type: ignore[misc]  # django-otp is untyped
    def clean_otp(self, user: Any) -> None:
        try:
            super().clean_otp(user)
        except ValidationError:
            if user is not None and self.cleaned_data.get("otp_token"):
                security.second_factor(
                    audit=audit_context(self.request),
                    user=user,
                    passed=False,
                    entry="admin",
                )
            raise


class FollicleAdminSite(OTPAdminSite):  # type: ignore[misc]  # django-otp is untyped
    login_form = AdminSignInForm

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        def sign_in(request: HttpRequest) -> HttpResponseBase:
            response: HttpResponseBase = super(FollicleAdminSite, self).login(
                request, extra_context
            )
            if request.method == "POST" and getattr(request.user, "otp_device", None) is not None:
                # Django's login() keeps the key of a session already signed in as this
                # account (with the password alone, say): the second factor gives a new one.
                markers.new_key_for_new_powers(request.session)
            return response

        limited = limit_posts("two_factor", per_hour=settings.FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR)
        return limited(sign_in)(request)  # type: ignore[return-value]
