"""Security events in the audit trail: signing in and out, the second factor, lockout records
and refused access to health data.

Most come from signals (Django's sign-in signals, django-axes' lockout and its records'
saves and deletions), so every way in is covered without touching each view: the people's and
clinicians' sign-in page, the email confirmation that signs a browser in, and the admin's
sign-in. :class:`SecurityAuditMiddleware` makes the current request's context available to the
receivers of model signals (which get no request) and records refused access to case pages.

Events name accounts by user id, never by email address; a failed sign-in for an address
without an account records only that the account is unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

from follicle.web.audit.actions import record
from follicle.web.audit.context import AuditContext, audit_context, command_context

#: The request being handled on this thread (None in a management command).
_current_request: ContextVar[HttpRequest | None] = ContextVar("follicle_request", default=None)

#: URL namespaces whose pages show health data: a refusal there is audited.
HEALTH_DATA_NAMESPACES = frozenset({"reviews"})
REFUSALS = frozenset({403, 404})


def _context(request: HttpRequest | None = None) -> AuditContext:
    """The context of ``request``, else of the request being handled, else of a command (the
    operator is the OS user, as for ``manage.py axes_reset_username``)."""
    request = request if request is not None else _current_request.get()
    return audit_context(request) if request is not None else command_context("signal")


def entry(request: HttpRequest | None) -> str:
    """Which way in: ``admin`` (the admin's own sign-in) or ``site`` (everything else)."""
    match = getattr(request, "resolver_match", None)
    return "admin" if match is not None and match.namespace == "admin" else "site"


def _account_id(email: object) -> int | None:
    """The id of the account with this address, if there is one (any case)."""
    if not isinstance(email, str) or not email:
        return None
    found = (
        get_user_model().objects.filter(email__iexact=email.strip()).values_list("pk", flat=True)
    )
    return found.first()


def signed_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    audit = _context(request).as_actor(user)
    record(action="account.signed_in", audit=audit, detail={"entry": entry(request)})
    if getattr(user, "otp_device", None) is not None:  # the admin's sign-in takes both at once
        second_factor(audit=audit, passed=True, entry=entry(request))


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """A wrong password, an inactive account, or any attempt while locked out."""
    user_id = _account_id(credentials.get("username", credentials.get("email")))
    detail: dict[str, Any] = {"entry": entry(request)}
    detail.update({"user_id": user_id} if user_id is not None else {"account": "unknown"})
    record(action="account.sign_in_failed", audit=_context(request), detail=detail)


def signed_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None and user.is_authenticated:
        record(action="account.signed_out", audit=_context(request).as_actor(user))


def second_factor(*, audit: AuditContext, passed: bool, entry: str, user: Any = None) -> None:
    """A second-factor code accepted or refused, on either sign-in."""
    record(
        action="account.second_factor_passed" if passed else "account.second_factor_refused",
        audit=audit,
        actor=user,
        detail={"entry": entry},
    )


def locked_out(
    sender: Any, request: HttpRequest | None = None, username: str | None = None, **kwargs: Any
) -> None:
    user_id = _account_id(username)
    detail = {"user_id": user_id} if user_id is not None else {"account": "unknown"}
    record(action="lockout.started", audit=_context(request), detail=detail)


def _lockout_detail(instance: Any) -> dict[str, Any]:
    user_id = _account_id(getattr(instance, "username", None))
    detail: dict[str, Any] = {
        "record": instance.pk,
        "failures": getattr(instance, "failures_since_start", None),
    }
    detail.update({"user_id": user_id} if user_id is not None else {"account": "unknown"})
    return detail


def lockout_record_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """A new lockout record (its later failure counts are the sign-in failures themselves)."""
    if created:
        record(action="lockout.record_created", audit=_context(), detail=_lockout_detail(instance))


def lockout_record_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A lockout record removed: reset by a command or a successful sign-in, or expired."""
    record(action="lockout.record_deleted", audit=_context(), detail=_lockout_detail(instance))


def connect() -> None:
    """Called once, from the audit app's ``ready``."""
    user_logged_in.connect(signed_in, dispatch_uid="follicle.audit.signed_in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="follicle.audit.sign_in_failed")
    user_logged_out.connect(signed_out, dispatch_uid="follicle.audit.signed_out")
    user_locked_out.connect(locked_out, dispatch_uid="follicle.audit.locked_out")
    post_save.connect(
        lockout_record_saved, sender=AccessAttempt, dispatch_uid="follicle.audit.lockout_saved"
    )
    post_delete.connect(
        lockout_record_deleted,
        sender=AccessAttempt,
        dispatch_uid="follicle.audit.lockout_deleted",
    )


class SecurityAuditMiddleware:
    """Keeps the request at hand for the receivers above, and records a refused request (403 or
    404) for a health-data page with the object's id from the URL, never what was asked for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        match = request.resolver_match
        if (
            response.status_code in REFUSALS
            and match is not None
            and match.namespace in HEALTH_DATA_NAMESPACES
        ):
            record(
                action="access.refused",
                audit=audit_context(request),
                case_id=match.kwargs.get("case_id"),
                detail={"status": response.status_code, "route": match.view_name},
            )
        return response
