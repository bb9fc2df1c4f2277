"""Account administration in Django's admin (behind the second factor; see ``urls``).

Cases are deliberately not registered: admins manage accounts, clinicians see health data.
"""

from __future__ import annotations

from typing import ClassVar

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from follicle.web.accounts.models import User


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
