"""Template helpers: labelled badges (words, never colour alone), money, and citations."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from follicle import labels
from follicle.knowledge import default_knowledge

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
def badge(kind: str, value: str) -> SafeString:
    """``<span class="badge badge-certainty badge-certainty-high">Evidence: High certainty</span>``."""
    words = _BADGES[kind][value]
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
def cite(*reference_ids: str | tuple[str, ...] | list[str]) -> SafeString:
    """Citation links to the reference list, in square brackets, in the order given."""
    references = default_knowledge().references
    ids = [
        r
        for group in reference_ids
        for r in (group if isinstance(group, (list, tuple)) else [group])
    ]
    links = format_html_join(
        ", ",
        '<a href="{}#{}">{}</a>',
        (
            (reverse("pages:references"), rid, references[rid].short)
            for rid in dict.fromkeys(ids)
            if rid in references
        ),
    )
    return format_html('<span class="cite">[{}]</span>', links) if ids else SafeString("")


@register.filter
def range_text(value: object) -> str:
    """``IntRange(min=3, max=6)`` -> ``3 to 6``; equal ends -> ``3``."""
    low, high = getattr(value, "min", None), getattr(value, "max", None)
    if low is None or high is None:
        return ""
    return str(low) if low == high else f"{low} to {high}"


@register.filter
def check_name(check_id: str) -> str:
    """The readable name of a check id (``ferritin`` -> ``Ferritin (iron stores) blood test``)."""
    check = default_knowledge().checks.get(check_id)
    return check.name if check is not None else check_id


@register.filter
def tier_label(tier: str) -> str:
    return labels.TIER[tier]
