from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "follicle.web.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from follicle.web.audit import security  # noqa: PLC0415 - models load after the registry

        security.connect()
