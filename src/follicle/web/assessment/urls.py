from django.urls import path

from follicle.web.assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.start, name="start"),
    path("check/", views.check, name="check"),
    path("result/", views.result, name="result"),
    path("restart/", views.restart, name="restart"),
    path("<slug:step_id>/", views.step, name="step"),
]
