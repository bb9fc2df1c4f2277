from django.urls import path

from follicle.web.assessment import printout, views

app_name = "assessment"

urlpatterns = [
    path("", views.start, name="start"),
    path("check/", views.check, name="check"),
    path("result/", views.result, name="result"),
    path("result/pdf/", printout.result_pdf, name="result_pdf"),
    path("restart/", views.restart, name="restart"),
    path("<slug:step_id>/", views.step, name="step"),
]
