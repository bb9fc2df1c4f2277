"""Template helpers for the plan sheet (page and PDF): reference numbers linked to the sheet's
own numbered list, so the printout's citations resolve on paper too."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def refs(numbers: tuple[int, ...]) -> SafeString:
    """``[1, 4]`` linked to the sheet's references (``#ref-1``); nothing when there are none."""
    if not numbers:
        return SafeString("")
    links = format_html_join(", ", '<a href="#ref-{0}">{0}</a>', ((n,) for n in numbers))
    return format_html('<span class="cite">[{}]</span>', links)
