"""Schema of a reference: the source every fact in the knowledge data points to."""

from __future__ import annotations

import re
from typing import Annotated, Final, Literal, Self
from urllib.parse import urlsplit

from pydantic import Field, StringConstraints, model_validator

from follicle.knowledge.base import RefId, Strict, Text

#: What sort of source it is. The checker leans on it: a clinical statement may not rest on
#: news, commercial or forum sources alone (see ``LAY_KINDS``).
ReferenceKind = Literal[
    "label",  # a drug's or device's official labelling (prescribing information, Drug Facts)
    "regulator",  # a regulator's own page, notice, letter, database entry or decision
    "trial",  # a primary clinical study, randomized or not (``design`` says which)
    "systematic_review",  # a systematic review or meta-analysis
    "guideline",  # a clinical guideline or consensus statement from a professional body
    "review",  # a narrative review or clinical overview in a journal
    "textbook",  # a textbook chapter or clinical reference work (StatPearls, an atlas)
    "news",  # a news story, press wire or trade newsletter
    "commercial",  # a page of a business that sells something: clinic, brand, vendor, price guide
    "forum",  # a patient community or advocacy site
]

#: Kinds that may support prices and "what clinics say", never a clinical statement on their own.
LAY_KINDS: Final = frozenset({"news", "commercial", "forum"})

#: The finer design of a study or synthesis (only for kinds ``trial`` and ``systematic_review``).
StudyDesign = Literal[
    "randomized_trial",
    "uncontrolled_trial",
    "cohort_study",
    "case_series",
    "meta_analysis",
    "network_meta_analysis",
]
_DESIGNS_OF: Final[dict[str, frozenset[str]]] = {
    "trial": frozenset({"randomized_trial", "uncontrolled_trial", "cohort_study", "case_series"}),
    "systematic_review": frozenset({"meta_analysis", "network_meta_analysis"}),
}

#: Studies and systematic reviews are indexed: they need a DOI, PMID or PMC id, or at least
#: their journal details (volume, issue, pages) beside the URL, not a bare web address.
_INDEXED_KINDS: Final = frozenset({"trial", "systematic_review"})

#: Kinds that are journal articles by definition. A guideline is one too when its ``details``
#: give a journal volume and pages (``32(1):11-22``); one on a web site is not.
_JOURNAL_KINDS: Final = frozenset({"trial", "systematic_review", "review"})
_VOLUME_AND_PAGES = re.compile(r"\b\d+\s*(?:\([^)]*\))?\s*:\s*[A-Za-z]*\d")
#: An electronic article identifier standing in for print pages (a Cochrane review number).
_ELECTRONIC_ID = re.compile(r"\bCD\d{6}\b")

#: Ends an author list we could not read in full; it counts as incomplete metadata.
ET_AL: Final = "et al."

#: Kinds that are documents of an issuing body (a maker's label, a regulator's notice): they
#: need their own date (``dated``) and a web address or a document number.
DOCUMENT_KINDS: Final = frozenset({"label", "regulator"})

#: Words that stand in for metadata nobody found; a reference carrying them is incomplete.
_PLACEHOLDER = re.compile(
    r"not captured|not recorded|unknown author|authors? of pmc",
    re.IGNORECASE,
)

Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, StringConstraints(pattern=r"^\d{5,9}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
#: A date as precise as the source gives it: ``2019-12-06``, ``2023-09`` or ``2012``.
IsoDate = Annotated[
    str, StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
]


class Reference(Strict):
    """A published source.

    ``kind`` says what sort of source it is (a label, a trial, a news story ...). ``secondary``
    marks sources that report on another source (a news story about an FDA letter, a label read
    in a reproduction, a forum's summary of a paper); facts resting only on them carry that
    caveat and are counted by ``follicle kb check``.
    """

    id: RefId
    kind: ReferenceKind
    design: StudyDesign | None = None
    authors: tuple[Text, ...] = Field(min_length=1)
    year: int = Field(ge=1900, le=2100)
    title: Text
    published_in: Text
    details: Text | None = None
    doi: Doi | None = None
    pmid: Pmid | None = None
    pmcid: Annotated[str, StringConstraints(pattern=r"^PMC\d+$")] | None = None
    url: Url | None = None
    #: The document's own date (issue, posting or revision), for labels and regulator
    #: documents; its year is ``year``. Never the day we read it.
    dated: IsoDate | None = None
    #: The issuing body's number for the document (``510(k) K142573``, ``NDA 020788``).
    document: Text | None = None
    #: Why a field the completeness rule asks for is missing and could not be found: the one
    #: allowed exception, stated in the data (see ``missing_metadata``).
    metadata_exception: Text | None = None
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

    @model_validator(mode="after")
    def _complete(self) -> Self:
        """Metadata is complete or the reference is replaced: no stand-ins for authors, titles
        or venues, studies and journal articles findable by DOI, PMID or PMC id, and a web
        address that names the page itself rather than a site's home page."""
        problems: list[str] = []
        for name in ("authors", "title", "published_in"):
            value = getattr(self, name)
            for text in value if isinstance(value, tuple) else (value,):
                if _PLACEHOLDER.search(text):
                    problems.append(f"{name} holds a placeholder ({text!r})")
        indexed = self.doi or self.pmid or self.pmcid or (self.url and self.details)
        if self.kind in _INDEXED_KINDS and not indexed:
            problems.append(
                f"a {self.kind.replace('_', ' ')} needs a doi, pmid or pmcid "
                "(or its journal details beside a url)"
            )
        if self.url and not urlsplit(self.url).path.strip("/") and not urlsplit(self.url).query:
            problems.append("url names a site's home page, not the page cited")
        if problems:
            raise ValueError(
                "incomplete metadata: "
                + "; ".join(problems)
                + "; complete it from the source or replace the reference"
            )
        return self

    @model_validator(mode="after")
    def _dated_in_its_year(self) -> Self:
        if self.dated is not None and int(self.dated[:4]) != self.year:
            raise ValueError(f"dated {self.dated} is not in year {self.year}")
        return self

    @model_validator(mode="after")
    def _kind_consistent(self) -> Self:
        allowed = _DESIGNS_OF.get(self.kind, frozenset())
        if self.design is not None and self.design not in allowed:
            raise ValueError(
                f"design {self.design!r} does not fit kind {self.kind!r}"
                + (f" (one of: {', '.join(sorted(allowed))})" if allowed else "")
            )
        if self.kind in ("news", "forum") and not self.secondary:
            raise ValueError(f"a {self.kind} source reports on others: set secondary: true")
        return self

    @property
    def journal_article(self) -> bool:
        """A study, systematic review or review, or a guideline printed in a journal."""
        if self.kind in _JOURNAL_KINDS:
            return True
        return self.kind == "guideline" and bool(
            self.details and _VOLUME_AND_PAGES.search(self.details)
        )

    @property
    def missing_metadata(self) -> tuple[str, ...]:
        """What the completeness rule asks of this reference and it lacks.

        An author list ending in ``et al.`` is incomplete. A journal article names its
        authors, year, title and journal (the schema requires those), its volume with pages or an electronic article number (in ``details``), and a
        PMID or DOI. A label or regulator document names its issuing body (``authors``), its
        own date (``dated``) and a web address or document number. Other kinds ask nothing
        more here."""
        missing: list[str] = []
        if self.authors[-1] == ET_AL:
            missing.append("the full author list (it ends in 'et al.')")
        if self.journal_article:
            details = self.details or ""
            if not (_VOLUME_AND_PAGES.search(details) or _ELECTRONIC_ID.search(details)):
                missing.append("volume and pages (or an electronic article number) in details")
            if not (self.pmid or self.doi):
                missing.append("a PMID or DOI")
        elif self.kind in DOCUMENT_KINDS:
            if self.dated is None:
                missing.append("the document's own date (dated)")
            if not (self.url or self.document):
                missing.append("a url or document number")
        return tuple(missing)

    @property
    def indexed(self) -> bool:
        """Findable by a DOI, PubMed id or PubMed Central id."""
        return bool(self.doi or self.pmid or self.pmcid)

    @property
    def lay(self) -> bool:
        """News, commercial or forum material: good for prices and what clinics say only."""
        return self.kind in LAY_KINDS

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
