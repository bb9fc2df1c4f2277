"""``manage.py purge_review_requests``: delete the review requests nobody sent in time
(``FOLLICLE_REVIEW_REQUEST_DAYS``, default 7), each deletion in the audit trail. Run it daily,
with ``clearsessions`` (``docs/operations.md``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from follicle.web.audit.context import OPERATOR_HELP, command_context
from follicle.web.reviews.actions import purge_expired_requests


class Command(BaseCommand):
    help = "Delete the review requests that were never sent and have expired."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--operator", default=None, help=OPERATOR_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        audit = command_context("purge_review_requests", operator=options.get("operator"))
        purged = purge_expired_requests(audit=audit)
        self.stdout.write(f"{purged} expired review request(s) deleted")
