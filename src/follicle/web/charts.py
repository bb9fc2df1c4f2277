"""Server-rendered SVG charts: readable without JavaScript, styled by the site's CSS (no inline
style, so the Content-Security-Policy stays strict), with a text alternative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from follicle import labels
from follicle.engine import HORIZONS


@dataclass(frozen=True, slots=True)
class CostRow:
    name: str
    # (years, low, high) for 1, 3 and 5 years
    spans: tuple[tuple[int, int, int], ...]


def _shade(years: int) -> int:
    """Three shades: one year, up to three, and more."""
    return 1 if years <= 1 else 3 if years <= 3 else 5


def _nice_ceiling(value: int) -> int:
    """The next 1, 2 or 5 times a power of ten at or above ``value``."""
    if value <= 0:
        return 1
    magnitude: int = 10 ** (len(str(value)) - 1)
    # value has as many digits as magnitude, so 10 * magnitude is always enough
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def cost_chart(rows: Sequence[CostRow], title: str) -> SafeString:
    """Horizontal low-to-high bars per option, on one dollar scale.

    Each option's name sits on its own line above its bars, so the drawing is narrow (about
    360 units): on a 320-pixel phone it shrinks little and its text stays readable.
    """
    if not rows:
        return SafeString("")
    width, left, right, bar, gap, label_height, row_gap, top = 360, 8, 20, 9, 3, 16, 12, 30
    chart_width = width - left - right
    top_value = _nice_ceiling(max((high for row in rows for _, _, high in row.spans), default=0))
    heights = [label_height + len(row.spans) * (bar + gap) + row_gap for row in rows]
    height = top + sum(heights) + 6

    def x(amount: int) -> float:
        return left + chart_width * amount / top_value

    parts = [
        format_html(
            '<svg class="cost-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="chart-title chart-desc" '
            'xmlns="http://www.w3.org/2000/svg">',
            width,
            height,
        ),
        format_html('<title id="chart-title">{}</title>', title),
        mark_safe(
            '<desc id="chart-desc">Bars run from the low to the high estimate after each number '
            "of years in the key; the table gives the same numbers, and says where a later cost "
            "is unknown.</desc>"
        ),
    ]
    for tick in range(5):
        amount = top_value * tick // 4
        parts.append(
            format_html(
                '<line class="axis" x1="{x}" x2="{x}" y1="{}" y2="{}"/>'
                '<text class="tick" x="{x}" y="{}" text-anchor="{}">{}</text>',
                top - 6,
                height - 4,
                top - 12,
                "start" if tick == 0 else "end" if tick == 4 else "middle",
                labels.dollars(amount),
                x=f"{x(amount):.1f}",
            )
        )
    y0 = top
    for row, row_height in zip(rows, heights, strict=True):
        parts.append(
            format_html(
                '<text class="row-label" x="{}" y="{}">{}</text>',
                left,
                y0 + label_height - 4,
                row.name,
            )
        )
        for k, (years, low, high) in enumerate(row.spans):
            y = y0 + label_height + k * (bar + gap)
            parts.append(
                format_html(
                    '<rect class="bar bar-{}y" x="{}" y="{}" width="{}" height="{}">'
                    "<title>{}: {} to {} over {} year{}</title></rect>",
                    _shade(years),
                    f"{x(low):.1f}",
                    y,
                    f"{max(x(high) - x(low), 2.0):.1f}",
                    bar,
                    row.name,
                    labels.dollars(low),
                    labels.dollars(high),
                    years,
                    "" if years == 1 else "s",
                )
            )
        y0 += row_height
    parts.append(mark_safe("</svg>"))
    return SafeString("".join(str(p) for p in parts))


def legend(horizons: Sequence[int] = HORIZONS) -> SafeString:
    """The key to the bars actually drawn (a two-year estimate has a 1- and a 2-year bar)."""
    items = "".join(
        str(
            format_html(
                '<li><span class="swatch bar-{}y" aria-hidden="true"></span>{} year{}</li>',
                _shade(years),
                years,
                "" if years == 1 else "s",
            )
        )
        for years in horizons
    )
    return SafeString(f'<ul class="chart-legend">{items}</ul>')
