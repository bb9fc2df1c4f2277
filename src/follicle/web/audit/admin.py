"""django-axes' lockout records in the admin: to read, never to change or delete.

A lockout record deleted from the admin would lift a lockout (or hide a run of failed
sign-ins) with no trace. Records are removed only by django-axes itself (a successful sign-in,
expiry) or by ``manage.py axes_reset_username``, and every creation and removal is written to
the audit trail (``audit/security.py``).
"""

from __future__ import annotations

from typing import Any

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.http import HttpRequest


class _ReadOnly:
    actions: Any = ()

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class LockoutRecordAdmin(_ReadOnly, AccessAttemptAdmin):  # type: ignore[misc]  # axes is untyped
    pass


class SignInLogAdmin(_ReadOnly, AccessLogAdmin):  # type: ignore[misc]  # axes is untyped
    pass


class FailedSignInLogAdmin(_ReadOnly, AccessFailureLogAdmin):  # type: ignore[misc]  # axes is untyped
    pass


for model, model_admin in (
    (AccessAttempt, LockoutRecordAdmin),
    (AccessLog, SignInLogAdmin),
    (AccessFailureLog, FailedSignInLogAdmin),
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
