"""Who is acting, from where: what every action takes instead of the HTTP request.

A view builds one with :func:`audit_context`, a management command with
:func:`command_context`. Actions then never see a request: they record the actor, the client
address, a short request id (so events of one request can be told apart from another's) and,
for commands, the operator who ran them; and they make links in emails from ``origin``.
"""

from __future__ import annotations

import getpass
import secrets
import socket
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from follicle.web.client_address import client_address

#: The ``--operator`` option's help, the same in ``manage.py`` and ``follicle``.
OPERATOR_HELP = "who is running this, for the audit trail (default: the OS user@host)"

#: Where a request's id is kept, so every action of one request shares it.
_REQUEST_ID = "_follicle_request_id"


def new_request_id() -> str:
    """Twelve hexadecimal characters: short enough to read out, random enough not to repeat."""
    return secrets.token_hex(6)


@dataclass(frozen=True, slots=True)
class AuditContext:
    """The circumstances of an action: never personal data beyond the actor's id and role.

    ``actor`` is the signed-in user (None when nobody is signed in, or for a command);
    ``address`` the client's address (None for a command); ``operator`` who ran a command
    (a name given with ``--operator``, or the OS user and host); ``origin`` the scheme and host
    links in emails start with ("" makes site-relative links, as from a command).
    """

    actor: Any
    address: str | None
    request_id: str
    operator: str | None = None
    origin: str = ""

    def absolute(self, path: str) -> str:
        """``path`` as a link the reader of an email can open."""
        return f"{self.origin}{path}"

    def as_actor(self, actor: Any) -> AuditContext:
        """The same circumstances with another actor (a person who has just signed up, say)."""
        return AuditContext(
            actor=actor,
            address=self.address,
            request_id=self.request_id,
            operator=self.operator,
            origin=self.origin,
        )


def audit_context(request: HttpRequest) -> AuditContext:
    """The context of a web request. Calling it twice for one request gives the same id."""
    request_id = getattr(request, _REQUEST_ID, None)
    if request_id is None:
        request_id = new_request_id()
        setattr(request, _REQUEST_ID, request_id)
    user = getattr(request, "user", None)
    return AuditContext(
        actor=user if user is not None and user.is_authenticated else None,
        address=client_address(request),
        request_id=request_id,
        origin=_origin(request),
    )


def _origin(request: HttpRequest) -> str:
    """``scheme://host``; empty for a request made in code with no host at all (the test
    client's ``force_login`` signs in with one, and signing in is audited)."""
    if not {"HTTP_HOST", "SERVER_NAME"} & request.META.keys():
        return ""
    return f"{request.scheme}://{request.get_host()}"


def os_operator() -> str:
    """The OS user and host running a command, ``user@host``."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        user = "unknown"
    return f"{user}@{socket.gethostname() or 'unknown'}"


def command_context(command: str, *, operator: str | None = None) -> AuditContext:
    """The context of a management command: no actor, no address; the operator is the name
    given (``--operator``) or the OS user and host. ``command`` becomes the request id's prefix,
    so ``createclinician-3f9a…`` says where the events came from."""
    return AuditContext(
        actor=None,
        address=None,
        request_id=f"{command}-{new_request_id()}",
        operator=(operator or "").strip() or os_operator(),
    )
