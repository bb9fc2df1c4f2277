"""Paths are part of the product: keep them."""

from django.contrib import admin
from django.urls import include, path

from follicle.web.accounts.admin_site import FollicleAdminSite
from follicle.web.api.main import api
from follicle.web.health import healthz

# The admin requires a verified second factor (django-otp's site), rate-limited and audited.
admin.site.__class__ = FollicleAdminSite

handler400 = "follicle.web.errors.bad_request"  # 400, or 413 for a request that is too large
handler403 = "follicle.web.errors.permission_denied"  # 403, with the reason when it can be told

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("accounts/", include("follicle.web.accounts.urls")),
    path("assessment/", include("follicle.web.assessment.urls")),
    path("", include("follicle.web.reviews.urls")),
    path("", include("follicle.web.pages.urls")),
]
