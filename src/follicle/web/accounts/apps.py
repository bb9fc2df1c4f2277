from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "follicle.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from follicle.web.accounts import signals  # noqa: F401, PLC0415 - connects the receivers once apps are loaded
