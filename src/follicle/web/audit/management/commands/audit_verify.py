"""``manage.py audit_verify`` (also ``follicle audit verify``): walk the chain, report the first
broken link, exit 1 if there is one."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from follicle.web.audit.actions import verify_chain


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain."

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = verify_chain()
        if not verdict.ok:
            raise CommandError(
                f"audit trail broken at event {verdict.broken_at}: {verdict.reason} "
                f"({verdict.events} events read)"
            )
        self.stdout.write(f"audit trail intact: {verdict.events} events")
