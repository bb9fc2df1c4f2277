from django.urls import path

from follicle.web.reviews import views

app_name = "reviews"

urlpatterns = [
    path("reviews/request/", views.request_review, name="request"),
    path("reviews/confirm/", views.confirm, name="confirm"),
    path("my/cases/", views.my_cases, name="my_cases"),
    path("my/cases/<uuid:case_id>/", views.my_case, name="my_case"),
    path("my/cases/<uuid:case_id>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("clinic/", views.queue_view, name="queue"),
    path("clinic/cases/<uuid:case_id>/", views.review, name="review"),
    path("clinic/cases/<uuid:case_id>/claim/", views.claim, name="claim"),
    path("clinic/cases/<uuid:case_id>/keep/", views.keep, name="keep"),
    path("clinic/cases/<uuid:case_id>/release/", views.release, name="release"),
    path("clinic/cases/<uuid:case_id>/refer/", views.reply, {"which": "refer"}, name="refer"),
    path("clinic/cases/<uuid:case_id>/ask/", views.reply, {"which": "ask"}, name="ask"),
    path("clinic/cases/<uuid:case_id>/reopen/", views.reopen, name="reopen"),
]
