"""Cases a clinician reviews, the messages about them, and the signed plans.

A case holds the answers, the engine's result and the versions that made it, exactly as they
were when the person asked for review. States::

    submitted -> in_review (claimed by one clinician) -> plan_issued
                                                      -> referred_in_person
                                                      -> needs_information -> submitted

A claim lapses after ``FOLLICLE_CLAIM_MINUTES``; a lapsed claim returns the case to the queue.
Plans are immutable once signed: a later change is a new version.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class Status(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for a clinician"
    IN_REVIEW = "in_review", "Being reviewed"
    NEEDS_INFORMATION = "needs_information", "Waiting for your answer"
    PLAN_ISSUED = "plan_issued", "Plan issued"
    REFERRED_IN_PERSON = "referred_in_person", "Referred for an in-person visit"


CLOSED = (Status.PLAN_ISSUED, Status.REFERRED_IN_PERSON)

#: The letters of a case's reference: no 0/O, 1/I/L or U, so it reads back over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A case's reference for the person to quote, like ``FL-7KQ3-MX9T``: random (about 39
    bits), unrelated to the case's id (which is in URLs) and to the order of cases."""
    letters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"FL-{letters[:4]}-{letters[4:]}"


class WaitingRequestQuerySet(models.QuerySet["ReviewRequest"]):
    def waiting(self) -> WaitingRequestQuerySet:
        """The requests not yet expired (expired ones are purged by ``purge_review_requests``)."""
        return self.filter(expires_at__gt=timezone.now())


class ReviewRequest(models.Model):
    """A review a person asked for and has not sent yet: kept on the server from the moment
    their email address is known (sign-up, or asking while signed in), so confirming the address
    and signing in on any device finds it. It holds only what sending needs: the answers, the
    note, the idempotency key the case will carry, whose it is and when it lapses. Sending turns
    it into a case with the same id (so the audit trail of the request and of the case is one)
    and deletes it; one per person (a newer request replaces the older)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_requests"
    )
    idempotency_key = models.UUIDField(unique=True)
    answers = models.JSONField()
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    objects = WaitingRequestQuerySet.as_manager()

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["person"], name="one_waiting_request_per_person")
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["expires_at"], name="review_request_expiry")
        ]

    def __str__(self) -> str:  # no answers or note: they are health data
        return f"Review request {self.id}"


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases"
    )
    idempotency_key = models.UUIDField(unique=True)
    #: What the person quotes ("FL-7KQ3-MX9T"): shown to them and in their receipt email.
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    answers = models.JSONField()
    result = models.JSONField()
    engine_version = models.CharField(max_length=32)
    knowledge_version = models.CharField(max_length=64)
    note = models.TextField(blank=True, max_length=2000)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.SUBMITTED)
    #: 0 for cases with a red flag, 1 otherwise: the queue shows red flags first.
    priority = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField()
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claimed_cases",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    #: Bumped by every state change, so a stale form cannot overwrite a newer state.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [
            models.Index(
                fields=["status", "priority", "submitted_at", "id"], name="case_queue_order"
            ),
            models.Index(fields=["status", "claimed_at"], name="case_claim_expiry"),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=~models.Q(status="in_review") | models.Q(claimed_by__isnull=False),
                name="case_in_review_has_a_clinician",
            ),
            models.CheckConstraint(
                condition=models.Q(priority__in=[0, 1]), name="case_priority_is_0_or_1"
            ),
        ]

    def __str__(self) -> str:
        return f"Case {self.id}"

    @property
    def has_red_flag(self) -> bool:
        return self.priority == 0


class MessageKind(models.TextChoices):
    QUESTION = "question", "Question from the clinician"
    ANSWER = "answer", "Answer from the person"
    REFERRAL = "referral", "Referral note"


class Message(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    kind = models.CharField(max_length=16, choices=MessageKind.choices)
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField()

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]

    def __str__(self) -> str:  # no text: messages hold health data
        return f"{self.get_kind_display()} {self.pk} on case {self.case_id}"


class ImmutableError(Exception):
    """A signed plan cannot be changed; issue a new version instead."""


class Plan(models.Model):
    """A signed plan: the clinician's decisions on every option, with reasons for every change.

    ``options`` is a list of ``{"treatment", "status", "order", "engine_status", "engine_rank",
    "reason"}``; ``reason`` is required wherever status or order differ from the engine's draft.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="plans")
    version = models.PositiveIntegerField()
    options = models.JSONField()
    instructions = models.TextField(blank=True, max_length=4000)
    follow_up = models.CharField(max_length=500, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signed_plans"
    )
    signed_at = models.DateTimeField()
    content_hash = models.CharField(max_length=64)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["case", "version"], name="plan_version_unique_per_case")
        ]
        ordering: ClassVar[list[str]] = ["version"]

    def __str__(self) -> str:
        return f"Plan {self.version} of case {self.case_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("a signed plan cannot be changed; issue a new version")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("a signed plan cannot be deleted")
