"""Small facts a browser's session carries from one request to the next, and the only place a
view changes the session (``tests/test_writes_are_actions.py``). Each marker has a name that
says what it holds, and functions that say what they do with it; none holds health data (the
assessment's answers are kept by ``assessment.actions``).

Every write here happens while handling a POST, or on Django's own terms (signing in).
"""

from __future__ import annotations

from typing import Any, TypedDict

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

from follicle.web.middleware import SIGNED_IN_AT

#: The account this browser just signed up for (None if the address already had one): only
#: this browser is signed in when the confirmation link is opened.
SIGNING_UP = "follicle_signing_up"
#: Where to go once signed in (a local path, checked before it is kept).
NEXT = "follicle_next"
#: The authenticator being set up in this session, once its set-up code was accepted.
ENROLLING = "follicle_enrolling_device"
#: What browser this session was signed in from, in two words ("Firefox on Android"): shown
#: on the list of one's own sessions; the user-agent string itself is not kept.
DEVICE = "follicle_device"
#: A review asked for before signing up: the note and the idempotency key.
PENDING_REVIEW = "follicle_pending_review"


class PendingReview(TypedDict):
    note: str
    key: str


# --- Signing up and in --------------------------------------------------------------------


def mark_signing_up(session: SessionBase, *, user_id: int | None, next_path: str) -> None:
    session[SIGNING_UP] = user_id
    session[NEXT] = next_path


def signing_up(session: SessionBase) -> Any:
    return session.get(SIGNING_UP)


def forget_signing_up(session: SessionBase) -> None:
    session.pop(SIGNING_UP, None)


def next_path(session: SessionBase) -> str:
    value = session.get(NEXT, "")
    return value if isinstance(value, str) else ""


def take_next_path(session: SessionBase) -> str:
    """Where to go now, forgotten once used."""
    value = session.pop(NEXT, "")
    return value if isinstance(value, str) else ""


def restart_session_clock(session: SessionBase) -> None:
    """A fresh sign-in: the absolute session limit counts from now."""
    session.pop(SIGNED_IN_AT, None)


def new_key_for_new_powers(session: SessionBase) -> None:
    """The session has just gained powers (the second factor was passed): it gets a new key,
    keeping its contents, so a key seen before (a fixed or stolen cookie) opens nothing more
    than it did. Signing in does the same (Django's ``login``)."""
    session.cycle_key()


def mark_device(session: SessionBase, description: str) -> None:
    """At sign-in: the two-word description of the browser (``accounts.device``)."""
    session[DEVICE] = description


def device(data: dict[str, Any]) -> str:
    """The browser's description kept at sign-in, from a session's decoded data."""
    value = data.get(DEVICE)
    return value if isinstance(value, str) else "A browser"


def keep_signed_in(request: HttpRequest, user: Any) -> None:
    """After this session changed the account's password: it stays signed in (Django's
    ``update_session_auth_hash``, which also gives it a new key)."""
    update_session_auth_hash(request, user)


def forget_reset_token(session: SessionBase) -> None:
    """The password-reset token Django moved from the link into the session, once used."""
    session.pop(INTERNAL_RESET_SESSION_TOKEN, None)


# --- Setting up an authenticator ----------------------------------------------------------


def enrolling(session: SessionBase) -> int | None:
    value = session.get(ENROLLING)
    return value if isinstance(value, int) else None


def mark_enrolling(session: SessionBase, device_id: int) -> None:
    session[ENROLLING] = device_id


def forget_enrolling(session: SessionBase) -> None:
    session.pop(ENROLLING, None)


# --- A review asked for before signing up -------------------------------------------------


def keep_pending_review(session: SessionBase, *, note: str, key: str) -> None:
    session[PENDING_REVIEW] = {"note": note, "key": key}


def pending_review(session: SessionBase) -> PendingReview | None:
    value = session.get(PENDING_REVIEW)
    if isinstance(value, dict) and isinstance(value.get("key"), str):
        return {"note": str(value.get("note", "")), "key": value["key"]}
    return None


def forget_pending_review(session: SessionBase) -> None:
    session.pop(PENDING_REVIEW, None)
