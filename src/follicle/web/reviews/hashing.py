"""The content hash of a signed plan: what was decided, by whom, when, on which knowledge.

Shared by signing (``actions.issue_plan``) and checking (``integrity.verify_plans``), so the two
can never disagree about what a plan's content is.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from follicle.web.accounts.models import User
from follicle.web.reviews.models import Case


def plan_hash(
    case: Case,
    *,
    version: int,
    options: list[dict[str, Any]],
    instructions: str,
    follow_up: str,
    signer: User,
    signed_at: datetime,
) -> str:
    payload = json.dumps(
        {
            "case": str(case.id),
            "version": version,
            "options": options,
            "instructions": instructions,
            "follow_up": follow_up,
            "signed_by": signer.pk,
            "signed_at": signed_at.isoformat(),
            "knowledge_version": case.knowledge_version,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()
