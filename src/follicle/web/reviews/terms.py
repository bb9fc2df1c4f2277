"""Who reviews, under which rules, how soon and for what price, from the settings
(``FOLLICLE_CLINIC_NAME``, ``FOLLICLE_CLINIC_JURISDICTION``, ``FOLLICLE_REVIEW_TURNAROUND_DAYS``,
``FOLLICLE_REVIEW_FEE``). An unset one takes a demo value that says it is one, and the terms
are then marked as a demo wherever they are shown, so a demo price is never mistaken for a real
one."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

DEMO_CLINIC = "Follicle Demo Clinic (not a real clinic)"
DEMO_JURISDICTION = "a demo jurisdiction (no real licence)"
DEMO_TURNAROUND_DAYS = 2
DEMO_FEE = "USD 0 (demo: nothing is charged)"


@dataclass(frozen=True, slots=True)
class ReviewTerms:
    clinic: str
    jurisdiction: str
    #: Working days from sending to the clinician's answer (a plan, a question or a referral).
    turnaround_days: int
    fee: str
    #: True if any of the four is a demo value.
    demo: bool

    @property
    def turnaround(self) -> str:
        """``"2 working days"``."""
        days = self.turnaround_days
        return f"{days} working day{'' if days == 1 else 's'}"


def current_terms() -> ReviewTerms:
    clinic = settings.FOLLICLE_CLINIC_NAME
    jurisdiction = settings.FOLLICLE_CLINIC_JURISDICTION
    days = settings.FOLLICLE_REVIEW_TURNAROUND_DAYS
    fee = settings.FOLLICLE_REVIEW_FEE
    return ReviewTerms(
        clinic=clinic or DEMO_CLINIC,
        jurisdiction=jurisdiction or DEMO_JURISDICTION,
        turnaround_days=days or DEMO_TURNAROUND_DAYS,
        fee=fee or DEMO_FEE,
        demo=not (clinic and jurisdiction and days and fee),
    )
