"""Paths are part of the product: keep them."""

from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from follicle.web.health import healthz

admin.site.__class__ = OTPAdminSite  # the admin requires a verified second factor

handler400 = "follicle.web.errors.bad_request"  # 400, or 413 for a request that is too large
handler403 = "follicle.web.errors.permission_denied"  # 403, with the reason when it can be told

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("follicle.web.accounts.urls")),
    path("assessment/", include("follicle.web.assessment.urls")),
    path("", include("follicle.web.reviews.urls")),
    path("", include("follicle.web.pages.urls")),
]
