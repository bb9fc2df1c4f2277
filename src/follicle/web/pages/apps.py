from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "follicle.web.pages"
    label = "pages"
