"""``manage.py audit_verify`` (also ``follicle audit verify``): walk the chain and check every
signed plan against it; report every problem, exit 1 if there is one."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from follicle.web.audit.actions import verify_chain
from follicle.web.reviews.integrity import verify_plans


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and every signed plan's content hash."

    def handle(self, *args: Any, **options: Any) -> None:
        chain = verify_chain()
        plans = verify_plans()
        problems = list(plans.problems)
        if not chain.ok:
            problems.insert(
                0,
                f"audit trail broken at event {chain.broken_at}: {chain.reason} "
                f"({chain.events} events read)",
            )
        if problems:
            raise CommandError("\n".join(problems))
        self.stdout.write(
            f"audit trail intact: {chain.events} events; {plans.plans} signed plans match it"
        )
