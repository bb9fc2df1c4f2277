"""Render an article: placeholders become data (with citation links), then Markdown becomes HTML.

Placeholders are swapped for opaque tokens before Markdown runs and for escaped HTML after, so
neither the data nor the Markdown can inject markup into the other.
"""

from __future__ import annotations

import markdown
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from follicle.knowledge.articles import PLACEHOLDER, Article, resolve
from follicle.knowledge.bundle import Knowledge
from follicle.web.page_notes import KEY, PageNotes, unverified_mark
from follicle.web.templatetags.follicle import cite, reported, term


def render_article(article: Article, knowledge: Knowledge, notes: PageNotes) -> SafeString:
    """The article's HTML; glossary words it uses and unverified statements it shows are noted
    in ``notes``, which the page then explains once at its end."""
    subjects = {**knowledge.topics, **knowledge.treatments}
    references = set(knowledge.references)
    pieces: list[str] = []

    def token(match: object) -> str:
        kind, target = match.group(1), match.group(2)  # type: ignore[attr-defined]
        if kind == "term":  # the checker makes sure the term exists
            pieces.append(str(term({KEY: notes}, target)))
            return f"FOLLICLEPLACEHOLDER{len(pieces) - 1}X"
        resolved = resolve(kind, target, subjects, references)
        if resolved is None:  # the checker forbids this; never show a broken placeholder
            html = ""
        else:
            html = str(escape(resolved.text))
            if resolved.reports == "clinic_claims" and html:
                html = str(reported(resolved)) + html
            if not resolved.verified:
                html += unverified_mark({KEY: notes})
            if resolved.citations:
                html += (" " if html else "") + str(cite(resolved.citations))
        pieces.append(html)
        return f"FOLLICLEPLACEHOLDER{len(pieces) - 1}X"

    body = PLACEHOLDER.sub(token, article.body)
    html = markdown.markdown(body, extensions=["sane_lists"], output_format="html")
    for n, piece in enumerate(pieces):
        html = html.replace(f"FOLLICLEPLACEHOLDER{n}X", piece)
    return mark_safe(html)  # noqa: S308 - Markdown of reviewed data; every inserted value is escaped
