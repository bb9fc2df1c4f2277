from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "follicle.web"
    label = "follicle_web"
    verbose_name = "Follicle"
