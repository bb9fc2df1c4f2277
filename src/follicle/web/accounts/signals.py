"""What every sign-in does, whichever page signed in (the sign-in page, the email link, the
admin's): the session keeps a two-word description of the browser for the sessions page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from follicle.web import session_markers as markers
from follicle.web.accounts.device import describe


@receiver(user_logged_in, dispatch_uid="follicle.accounts.describe_device")
def describe_device(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        markers.mark_device(request.session, describe(request.META.get("HTTP_USER_AGENT", "")))
