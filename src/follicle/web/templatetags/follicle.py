"""Template helpers: labelled badges (words, never colour alone), money, citations, and the
glossary words a page explains once at its end (``web/page_notes.py``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from follicle import labels
from follicle.knowledge import default_knowledge
from follicle.knowledge.articles import describe
from follicle.knowledge.base import IntRange
from follicle.knowledge.wording import CLINIC_CLAIMS
from follicle.web.page_notes import KEY, notes_in, term_anchor, unverified_mark

register = template.Library()

_BADGES = {
    "tier": labels.TIER,
    "status": labels.STATUS,
    "certainty": labels.CERTAINTY,
    "regulatory": labels.REGULATORY,
    "urgency": labels.URGENCY,
    "likelihood": labels.LIKELIHOOD,
}

_BADGE_TITLES = {
    "tier": "Place in treatment",
    "status": "For you now",
    "certainty": "How sure the evidence is",
    "regulatory": "US regulatory status",
    "urgency": "How soon",
    "likelihood": "How likely",
}


@register.simple_tag
def badge(kind: str, value: str, titled: bool = True) -> SafeString:
    """``<span class="badge badge-certainty badge-certainty-high">Evidence: High certainty</span>``;
    ``titled=False`` leaves out the hidden title where the page says it in words beside it."""
    words = _BADGES[kind][value]
    if not titled:
        return format_html(
            '<span class="badge badge-{} badge-{}-{}">{}</span>', kind, kind, value, words
        )
    return format_html(
        '<span class="badge badge-{} badge-{}-{}"><span class="visually-hidden">{}: </span>{}</span>',
        kind,
        kind,
        value,
        _BADGE_TITLES[kind],
        words,
    )


@register.filter
def dollars(amount: int) -> str:
    return labels.dollars(amount)


@register.simple_tag
def money(low: int, high: int) -> str:
    """One amount, or a low-to-high range (``$948`` rather than ``$948 to $948``)."""
    return labels.money_range(low, high)


@register.filter
def cost_words(cost: object) -> str:
    return labels.cost_words(cost)  # type: ignore[arg-type]


@cache
def _links(version: str) -> dict[str, str]:
    """Every reference's citation link, built once per knowledge version (pages cite hundreds)."""
    page = reverse("pages:references")
    return {
        rid: str(format_html('<a href="{}#{}">{}</a>', page, rid, ref.short))
        for rid, ref in default_knowledge().references.items()
    }


@register.simple_tag
def cite(*reference_ids: str | tuple[str, ...] | list[str]) -> SafeString:
    """Citation links to the reference list, in square brackets, in the order given."""
    links = _links(default_knowledge().version)
    ids = [
        r
        for group in reference_ids
        for r in (group if isinstance(group, (list, tuple)) else [group])
    ]
    shown = [links[rid] for rid in dict.fromkeys(ids) if rid in links]
    if not shown:
        return SafeString("")
    return SafeString('<span class="cite">[' + ", ".join(shown) + "]</span>")


@register.simple_tag(takes_context=True)
def unverified(context: Any) -> SafeString:
    """The dagger after an unverified statement, explained once in the page's footnote."""
    return SafeString(unverified_mark(context))


@register.simple_tag
def reported(item: Any) -> SafeString:
    """ "What clinics or sellers say:" before a statement that only relays their claims."""
    if getattr(item, "reports", None) != "clinic_claims":
        return SafeString("")
    return format_html('<span class="tag clinic-claim">{}</span> ', CLINIC_CLAIMS)


@register.simple_tag(takes_context=True)
def sourced(context: Any, item: Any, text: str) -> SafeString:
    """A sentence from the data, its citations, and the unverified mark (a dagger, explained
    once at the page's end) when it is stored as such, headed "What clinics or sellers say:"
    when it only relays their claims: the one way every page shows a sourced sentence."""
    mark = SafeString(unverified_mark(context)) if not item.verified else ""
    return format_html("{}{} {}{}", reported(item), text, cite(item.citations), mark)


@register.filter
def range_text(value: object) -> str:
    """``IntRange(min=3, max=6)`` -> ``3 to 6``; equal ends -> ``3`` (the articles' wording)."""
    return describe(value).text if isinstance(value, IntRange) else ""  # type: ignore[union-attr]


@register.filter
def check_name(check_id: str) -> str:
    """The readable name of a check id (``ferritin`` -> ``Ferritin (iron stores) blood test``)."""
    check = default_knowledge().checks.get(check_id)
    return check.name if check is not None else check_id


@register.filter
def kind_label(kind: str) -> str:
    return labels.KIND[kind]


@register.filter
def tier_label(tier: str) -> str:
    return labels.TIER[tier]


@register.filter
def tier_plain(tier: str) -> str:
    """A treatment's place in plain words ("a first choice" rather than "first line")."""
    return labels.TIER_PLAIN[tier]


@register.filter
def status_label(status: str) -> str:
    return labels.STATUS.get(status, status)


@register.filter
def sentence(text: str) -> str:
    """End with exactly one full stop (data text may or may not carry its own)."""
    text = str(text).rstrip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


@register.simple_tag(takes_context=True)
def term(context: Any, term_id: str, shown: str | None = None) -> SafeString:
    """A glossary word, linked to its meaning under "Words on this page" (``{% page_notes %}``).
    ``shown`` is the text to show when it differs from the term ("Off-label" at a sentence's
    start). Rendered without page notes (a PDF), the meaning follows the word in brackets."""
    found = default_knowledge().glossary.get(term_id)
    if found is None:
        raise template.TemplateSyntaxError(f"no glossary term {term_id!r}")
    words = shown or found.term
    notes = notes_in(context)
    if notes is None:
        return format_html('{} <span class="term-meaning">({})</span>', words, found.meaning)
    notes.terms.setdefault(found.id, found)
    return format_html('<a class="term" href="#{}">{}</a>', term_anchor(found.id), words)


@register.inclusion_tag("follicle/includes/page_notes.html", takes_context=True)
def page_notes(context: Any) -> dict[str, Any]:
    """The end of every page: the glossary words it used, with their meanings."""
    notes = notes_in(context)
    terms = [(term_anchor(t.id), t) for t in notes.terms.values()] if notes else []
    return {KEY: notes, "terms": terms}
