"""The content hash of a signed plan: what was decided, by whom, when, on which knowledge.

Shared by signing (``actions.issue_plan``) and checking (``integrity.verify_plans``), so the two
can never disagree about what a plan's content is.
"""

from __future__ import annotations

import hashlib
import json

from follicle.web.reviews.models import Plan


def plan_hash(plan: Plan) -> str:
    payload = json.dumps(
        {
            "case": str(plan.case_id),
            "version": plan.version,
            "options": plan.options,
            "instructions": plan.instructions,
            "follow_up": plan.follow_up,
            "signed_by": plan.signed_by_id,
            "signed_at": plan.signed_at.isoformat(),
            "knowledge_version": plan.case.knowledge_version,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()
