"""What every page shows: authorship, the date the content was last checked, the knowledge
version, and that Follicle does not diagnose."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from follicle.knowledge import default_knowledge
from follicle.web.page_notes import KEY, PageNotes
from follicle.web.reviews.terms import current_terms


def site(request: HttpRequest) -> dict[str, Any]:
    knowledge = default_knowledge()
    return {
        "about": knowledge.about,
        "knowledge_version": knowledge.version[:12],
        # Fresh for each page: the words it explains and the unverified statements it marks.
        KEY: PageNotes(),
    }


def review_terms(request: HttpRequest) -> dict[str, Any]:
    """Who reviews, how soon and for what price: for every page that offers the review."""
    return {"review_terms": current_terms()}
