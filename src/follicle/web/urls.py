"""Paths are part of the product: keep them."""

from django.urls import include, path

urlpatterns = [
    path("assessment/", include("follicle.web.assessment.urls")),
    path("", include("follicle.web.pages.urls")),
]
