"""Check every signed plan against its own content hash and against the audit trail.

The hash chain proves the audit trail was not edited; this proves the plans it describes were
not either: each plan's stored content still hashes to its ``content_hash``, and that hash is
the one the ``plan.issued`` event recorded at signing. Run by ``audit verify``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from follicle.web.audit.models import AuditEvent
from follicle.web.reviews.hashing import plan_hash
from follicle.web.reviews.models import Plan


@dataclass
class PlanVerdict:
    plans: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_plans() -> PlanVerdict:
    verdict = PlanVerdict()
    issued: dict[tuple[str, int], str] = {}
    for case_id, detail in AuditEvent.objects.filter(action="plan.issued").values_list(
        "case_id", "detail"
    ):
        issued[(str(case_id), int(detail["plan_version"]))] = str(detail["content_hash"])
    seen: set[tuple[str, int]] = set()
    for plan in Plan.objects.select_related("case").iterator(chunk_size=500):
        verdict.plans += 1
        key = (str(plan.case_id), plan.version)
        seen.add(key)
        name = f"plan {plan.version} of case {plan.case_id}"
        recomputed = plan_hash(plan)
        if recomputed != plan.content_hash:
            verdict.problems.append(f"{name}: its content no longer matches its hash")
        if issued.get(key) != plan.content_hash:
            verdict.problems.append(f"{name}: the audit trail recorded a different plan")
    for missing_case, version in sorted(set(issued) - seen):
        verdict.problems.append(f"plan {version} of case {missing_case}: issued but missing")
    return verdict
