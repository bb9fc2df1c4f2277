"""Schema of ``about.yaml``: who writes the content, when it was last checked, and the
disclosures a decision aid owes its readers (IPDAS: authorship, update policy, conflicts)."""

from __future__ import annotations

import datetime as dt

from follicle.knowledge.base import Strict, Text


class About(Strict):
    publisher: Text
    authorship: Text
    last_checked: dt.date
    update_policy: Text
    conflicts_of_interest: Text
    not_a_diagnosis: Text
