from django.urls import path

from follicle.web.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("treatments/", views.treatments, name="treatments"),
    path("treatments/<slug:treatment_id>/", views.treatment, name="treatment"),
    path("compare/<slug:first>/<slug:second>/", views.compare, name="compare"),
    path("costs/", views.costs, name="costs"),
    path("articles/", views.articles, name="articles"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("references/", views.references, name="references"),
    path("about/evidence/", views.about_evidence, name="about_evidence"),
]
