"""The audit trail: an append-only, hash-chained log of every read and change of a case.

Each event stores who (user id and role, not their email; for a command, the operator), when,
what (an action name and ids), from which address and request, and the hash of the previous event; its own hash covers all of that.
Changing or removing any row breaks the chain (``follicle audit verify`` finds the first broken
link), and on PostgreSQL a trigger rejects UPDATE and DELETE outright. No answers, notes or
plan contents are copied here: the log says that something happened to case X, not what the
person's health is.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from follicle.web.audit.chain import GENESIS


class AuditEvent(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_role = models.CharField(max_length=16, blank=True)
    action = models.CharField(max_length=64)
    case_id = models.UUIDField(null=True, blank=True, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    #: The short id of the request (or ``command-id`` of the command) that wrote the event.
    request_id = models.CharField(max_length=64, blank=True, default="")
    #: Who ran a management command (``--operator``, or the OS user@host); empty on the web.
    operator = models.CharField(max_length=150, blank=True, default="")
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action}"


class AuditHead(models.Model):
    """One row holding the chain's last sequence number and hash.

    Appending locks this row (``select_for_update``), so concurrent writers queue up and each
    links to the event before it; the log rows themselves are never updated.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS)

    def __str__(self) -> str:
        return f"Audit head at #{self.sequence}"
