"""What a page collects while it renders, to say once at its end.

Two things are explained once per page rather than at every use:

- the glossary words the page used (``{% term "off_label" %}``), listed under "Words on this
  page" with their plain meanings;
- that some statements are unverified: each is marked with a dagger linking to one footnote,
  which says what unverified means and links to "About our evidence".

A fresh :class:`PageNotes` is put into every page's context by the ``site`` context processor
(a view may pass its own, as the article page does for its Markdown). Templates rendered
without one (a PDF, an email) fall back to saying it in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from follicle.knowledge.glossary import GlossaryTerm

#: The key in a template context.
KEY: Final = "page_notes"
#: The footnote's id, which every dagger links to.
UNVERIFIED_NOTE_ID: Final = "unverified-note"


@dataclass(slots=True)
class PageNotes:
    #: Glossary terms used on the page, in the order first used.
    terms: dict[str, GlossaryTerm] = field(default_factory=dict)
    #: How many unverified statements the page marked.
    unverified: int = 0


def notes_in(context: Any) -> PageNotes | None:
    """The page's notes, or None when the template was rendered without them."""
    found = context.get(KEY) if context is not None else None
    return found if isinstance(found, PageNotes) else None


#: Said in place when a template has no page notes (a PDF, an email): the old wording.
UNVERIFIED_IN_PLACE: Final = ' <span class="unverified">(unverified)</span>'
#: The mark after an unverified statement: a dagger linking to the page's one footnote. Screen
#: readers hear "unverified" rather than "dagger".
UNVERIFIED_MARK: Final = (
    '<a class="unverified-mark" href="#unverified-note"><span aria-hidden="true">†</span>'
    '<span class="visually-hidden"> unverified, see the note at the end of the page</span></a>'
)


def unverified_mark(context: Any) -> str:
    """The mark for one unverified statement, counted in the page's notes."""
    notes = notes_in(context)
    if notes is None:
        return UNVERIFIED_IN_PLACE
    notes.unverified += 1
    return UNVERIFIED_MARK


def term_anchor(term_id: str) -> str:
    return f"term-{term_id.replace('_', '-')}"
