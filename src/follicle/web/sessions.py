"""The session engine: Django's database sessions, each row also naming the account signed in
with it, so a person can list their own sessions and end the others.

This is Django's documented way to extend the database engine (a model derived from
``AbstractBaseSession``, a store that fills the extra column on every save). The session data,
the timeouts (``middleware.SessionTimeoutMiddleware``) and the cookie are unchanged; because the
account is taken from the data on each save, a session keeps it through a new key (sign-in,
the second factor) and loses it on sign-out.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from follicle.web.accounts.models import UserSession


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls) -> Any:
        return UserSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        row: Any = super().create_model_instance(data)
        user_id = data.get(SESSION_KEY)
        row.user_id = (
            int(user_id) if isinstance(user_id, str | int) and str(user_id).isdigit() else None
        )
        return row
