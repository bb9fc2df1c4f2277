from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "follicle.web.assessment"
    label = "assessment"
