"""Who wrote a page of content, when it was last updated, and who reviewed it clinically.

Pages show this from the data, never from a default: a treatment file and an article's front
matter each carry ``authorship``; ``about.yaml`` holds the one for pages built from all of the
data (home, treatments, costs, references). ``clinical_review`` names a real person who read
the content as a clinician; without one, pages say honestly that it is not yet clinically
reviewed. The checker refuses a review older than the last update (the reviewed text is gone),
a date in the future, and a reviewer who is the writing team rather than a person.
"""

from __future__ import annotations

import datetime as dt

from follicle.knowledge.base import Strict, Text


class ClinicalReview(Strict):
    #: The clinician's name as they wish it shown ("Dr Ana Ruiz").
    reviewer: Text
    #: Their profession ("Consultant dermatologist").
    profession: Text
    reviewed_on: dt.date


class Authorship(Strict):
    written_by: Text
    last_updated: dt.date
    clinical_review: ClinicalReview | None = None


def authorship_problems(
    authorship: Authorship, *, publisher: str | None, today: dt.date
) -> list[tuple[str, str]]:
    """(field, message) for each problem with one page's authorship."""
    out: list[tuple[str, str]] = []
    if authorship.last_updated > today:
        out.append(("authorship.last_updated", f"{authorship.last_updated} is in the future"))
    review = authorship.clinical_review
    if review is None:
        return out
    if review.reviewed_on > today:
        out.append(
            ("authorship.clinical_review.reviewed_on", f"{review.reviewed_on} is in the future")
        )
    if review.reviewed_on < authorship.last_updated:
        out.append(
            (
                "authorship.clinical_review.reviewed_on",
                f"the content was updated on {authorship.last_updated}, after its clinical "
                f"review on {review.reviewed_on}: have it reviewed again, or remove "
                "clinical_review so pages say it is not yet clinically reviewed",
            )
        )
    names = {authorship.written_by.casefold(), (publisher or "").casefold()}
    if review.reviewer.casefold() in names:
        out.append(
            (
                "authorship.clinical_review.reviewer",
                "a clinical review names the clinician who did it, not the writing team",
            )
        )
    return out
