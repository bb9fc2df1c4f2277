"""``/healthz``: can this app server serve? For a load balancer or an uptime check.

It asks the database for one row (``SELECT 1``), nothing else: no session, no sign-in, no data
read or written. 200 ``{"status": "ok"}`` when the database answers; 503
``{"status": "unavailable"}`` (and one log line, without the error's text, which may name the
server) when it does not.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("health check: the database did not answer (%s)", type(error).__name__)
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
