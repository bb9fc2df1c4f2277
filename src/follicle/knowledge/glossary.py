"""Schema of ``glossary.yaml``: plain explanations of the words pages cannot avoid.

A term's ``meaning`` says what the word means, in one or two short sentences, and states no
fact about the world (the checker refuses a digit in it, so no number slips in uncited). Any
fact that helps a reader (when minoxidil shedding stops, what the FDA asks of an unapproved
product) goes in ``facts``, each a sourced statement like any other in the data.

Pages show a term with ``{% term "off_label" %}``: the word links to a "Words on this page"
list at the end of the page, which gives each term used there once, with its meaning.
"""

from __future__ import annotations

import re
from typing import Final

from pydantic import Field

from follicle.knowledge.base import Id, SourcedText, Strict, Text

#: Longest sentence allowed in a meaning, in words: the glossary is read at about age nine.
MAX_SENTENCE_WORDS: Final = 20
MAX_SENTENCES: Final = 2


class GlossaryTerm(Strict):
    id: Id
    #: The word as pages show it ("off-label").
    term: Text
    #: Other ways the data writes it ("off label"), so tests can find every use.
    forms: tuple[Text, ...] = ()
    #: What the word means, in plain words: one or two short sentences, no digits.
    meaning: Text
    #: Facts that help the reader, each with its sources.
    facts: tuple[SourcedText, ...] = ()
    #: Where to read more inside Follicle (a site path such as ``/about/evidence/``).
    see: str | None = Field(default=None, pattern=r"^/[a-z0-9/_-]*$")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def meaning_problems(term: GlossaryTerm) -> list[str]:
    """What makes a meaning too hard or not a plain definition; empty when it is fine."""
    out: list[str] = []
    if re.search(r"\d", term.meaning):
        out.append("a meaning may not contain a digit; put a number in a sourced fact")
    parts = sentences(term.meaning)
    if len(parts) > MAX_SENTENCES:
        out.append(f"a meaning has at most {MAX_SENTENCES} sentences, not {len(parts)}")
    for part in parts:
        words = len(part.split())
        if words > MAX_SENTENCE_WORDS:
            out.append(
                f"a sentence of {words} words is too long for a meaning "
                f"(at most {MAX_SENTENCE_WORDS}): {part[:40]!r}..."
            )
    return out
