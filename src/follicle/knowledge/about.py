"""Schema of ``about.yaml``: who writes the content, when it was last checked, and the
disclosures a decision aid owes its readers (IPDAS: authorship, update policy, conflicts)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from follicle.knowledge.authorship import Authorship
from follicle.knowledge.base import Id, Strict, Text


class EvidenceSection(Strict):
    """A section of the "About our evidence" page."""

    id: Id
    heading: Text
    paragraphs: tuple[Text, ...] = Field(min_length=1)


class About(Strict):
    publisher: Text
    authorship: Text
    last_checked: dt.date
    update_policy: Text
    conflicts_of_interest: Text
    not_a_diagnosis: Text
    #: Who wrote the pages built from all of the data (home, treatments, costs, references).
    site_pages: Authorship
    #: The "About our evidence" page: checking, unverified, versions, changes.
    evidence_page: tuple[EvidenceSection, ...] = Field(min_length=1)
