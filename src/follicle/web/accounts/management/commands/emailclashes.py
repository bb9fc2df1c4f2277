"""``manage.py emailclashes``: accounts whose email addresses differ only in case.

Migration ``accounts.0003`` refuses to run while there are any (docs/operations.md). This lists
them by user id, one line per address, with what helps choose which account to keep (role,
dates, how many cases), never the address itself; it changes nothing and exits 1 if any exist.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from follicle.web.accounts.models import User, email_clashes


def _describe(user: Any) -> str:
    last = f"last sign-in {user.last_login:%Y-%m-%d}" if user.last_login else "never signed in"
    return (
        f"user {user.pk} ({user.role}, joined {user.date_joined:%Y-%m-%d}, {last}, "
        f"{user.case_count} case(s))"
    )


class Command(BaseCommand):
    help = "List accounts whose email addresses differ only in case (by user id)."

    def handle(self, *args: Any, **options: Any) -> None:
        clashes = email_clashes(User.objects.values_list("pk", "email"))
        for ids in clashes:
            # Only the columns it shows: it runs on a database not yet migrated past 0003,
            # whose user table lacks any column a later migration adds.
            accounts = (
                User.objects.filter(pk__in=ids)
                .only("pk", "role", "date_joined", "last_login")
                .annotate(case_count=Count("cases"))
            )
            self.stdout.write("one address: " + "; ".join(map(_describe, accounts.order_by("pk"))))
        if clashes:
            raise CommandError(f"{len(clashes)} address(es) belong to more than one account")
        self.stdout.write("no two accounts share an address in different cases")
