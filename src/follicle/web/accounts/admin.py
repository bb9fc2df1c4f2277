"""Account administration in Django's admin (behind the second factor; see ``urls``).

Cases are deliberately not registered: admins manage accounts, clinicians see health data.
Every change an admin makes to an account goes into the audit trail (which fields, not their
values), and nobody can change their own role or powers: that takes a second admin.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from follicle.web.accounts.models import User
from follicle.web.audit.actions import record
from follicle.web.audit.context import audit_context

_POWERS = ("role", "is_active", "is_staff", "is_superuser")


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]  # not subscriptable at run time
    ordering = ("email",)
    list_display = ("email", "display_name", "role", "is_active", "email_verified_at", "last_login")
    list_filter = ("role", "is_active")
    search_fields = ("email", "display_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "role", "email_verified_at")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "role", "display_name", "password1", "password2"),
            },
        ),
    )
    readonly_fields: ClassVar[tuple[str, ...]] = ("last_login", "date_joined")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            return fields + _POWERS
        return fields

    # Django's admin logs every addition and change (including password changes) through these
    # two hooks, inside the same transaction; we copy each into the hash-chained audit trail.
    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        record(
            action="account.created",
            audit=audit_context(request),
            detail={"user_id": obj.pk},
        )
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        fields = (
            sorted(
                {
                    str(f)
                    for part in message
                    if isinstance(part, dict)
                    for f in part.get("changed", {}).get("fields", [])
                }
            )
            if isinstance(message, list)
            else []
        )
        record(
            action="account.changed",
            audit=audit_context(request),
            detail={"user_id": obj.pk, "fields": fields},
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        """Django calls this for one deletion and for a bulk one alike."""
        for user_id in [obj.pk for obj in queryset]:
            record(
                action="account.deleted",
                audit=audit_context(request),
                detail={"user_id": user_id},
            )
        return super().log_deletions(request, queryset)


# django-otp registers its devices in the admin, where an admin could attach an authenticator
# to any account without a set-up code and without an audit entry. Devices are managed only by
# the set-up flow and `follicle setupcode`.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
