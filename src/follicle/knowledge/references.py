"""Schema of a reference: the source every fact in the knowledge data points to."""

from __future__ import annotations

import re
from typing import Annotated, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from follicle.knowledge.base import RefId, Strict, Text

ReferenceType = Literal[
    "randomized_trial",
    "meta_analysis",
    "systematic_review",
    "review",
    "case_series",
    "cohort_study",
    "guideline",
    "consensus",
    "regulatory_notice",
    "regulatory_letter",
    "device_clearance",
    "label",
    "clinical_reference",
    "news_report",
    "price_survey",
]

Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, StringConstraints(pattern=r"^\d{5,9}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Reference(Strict):
    """A published source.

    ``secondary`` marks sources that report on a primary source (a news story about an FDA
    letter, a clinic's price page); facts resting only on them are shown with that caveat.
    """

    id: RefId
    type: ReferenceType
    authors: tuple[Text, ...] = Field(min_length=1)
    year: int = Field(ge=1900, le=2100)
    title: Text
    published_in: Text
    details: Text | None = None
    doi: Doi | None = None
    pmid: Pmid | None = None
    pmcid: Annotated[str, StringConstraints(pattern=r"^PMC\d+$")] | None = None
    url: Url | None = None
    supports: Text
    #: How citations show this source, when the first author is not a person (``FDA 2019``).
    label: Text | None = None
    secondary: bool = False
    verified: bool = True
    verification_note: Text | None = None
    #: False when what we cite this source for was not confirmed in its own text (a rough price
    #: guide, or content known only from a summary). Facts citing only such sources must be
    #: stored as unverified; the checker enforces it.
    content_confirmed: bool = True

    @model_validator(mode="after")
    def _locatable(self) -> Self:
        if not (self.doi or self.pmid or self.pmcid or self.url):
            raise ValueError("a reference needs at least one of doi, pmid, pmcid or url")
        return self

    @property
    def link(self) -> str:
        """The most stable address for the source."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        if self.pmcid:
            return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{self.pmcid}/"
        assert self.url is not None  # guaranteed by _locatable
        return self.url

    @property
    def short(self) -> str:
        """``Kaufman et al. 1998`` for people; the ``label`` or the organisation otherwise."""
        if self.label:
            return self.label
        first = self.authors[0]
        if re.fullmatch(r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)* [A-Z]{1,3}", first):
            surname = first.rsplit(" ", 1)[0]
            more = " et al." if len(self.authors) > 1 else ""
            return f"{surname}{more} {self.year}"
        return f"{first} {self.year}"
