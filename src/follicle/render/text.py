"""A readable plain-text summary of a result, for ``follicle assess --format text``."""

from __future__ import annotations

import textwrap

from follicle import labels
from follicle.engine import AssessmentResult, Option

WIDTH = 88


def _wrap(text: str, indent: str) -> list[str]:
    """Wrap with ``indent`` on the first line and matching spaces after (bullets once)."""
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent))


def _option(option: Option) -> list[str]:
    badges = ", ".join(
        (
            labels.TIER[option.tier],
            labels.CERTAINTY[option.evidence.certainty],
            labels.REGULATORY[option.evidence.regulatory],
        )
    )
    lines = [f"{option.rank:>2}. {option.name}: {labels.STATUS[option.status]} ({badges})"]
    for reason in option.reasons:
        lines += _wrap(reason, "      - ")
    for caution in option.cautions:
        lines += _wrap(f"Caution: {caution}", "      ! ")
    if option.cost is not None:
        c = option.cost
        lines.append(
            f"      Cost: {labels.cost_words(c)}" + ("" if c.verified else " (unverified prices)")
        )
    elif option.cost_note:
        lines += _wrap(f"Cost: {option.cost_note}", "      ")
    return lines


def render_text(result: AssessmentResult) -> str:
    lines = ["Follicle hair-loss assessment", *_wrap(result.notice, ""), ""]
    lines.append(f"Route: {labels.ROUTE[result.route]}")
    if result.in_person is not None:
        lines += _wrap(result.in_person.summary, "  ")
    if result.red_flags:
        lines += ["", "Why a clinician should see you:"]
        for flag in result.red_flags:
            lines += _wrap(f"{flag.name} ({labels.URGENCY[flag.urgency]}): {flag.message}", "  - ")
    if result.in_person is not None:
        lines += ["", "What to bring:"]
        for item in result.in_person.bring:
            lines += _wrap(item, "  - ")
    if result.likely_conditions:
        lines += ["", "What your answers point to (a clinician confirms):"]
        for condition in result.likely_conditions:
            lines.append(f"  - {condition.name}: {labels.LIKELIHOOD[condition.likelihood]}")
            for reason in condition.reasons:
                lines += _wrap(reason, "      ")
    if result.contributing_factors:
        lines += ["", "Worth checking:"]
        for factor in result.contributing_factors:
            lines += _wrap(f"{factor.name}: {factor.message}", "  - ")
    lines += ["", "Every treatment, best first:"]
    for option in result.options:
        lines += _option(option)
    lines += ["", "Exosome criteria (all must hold before exosomes are even considered):"]
    for criterion in result.exosome_criteria:
        lines += _wrap(f"[{'x' if criterion.met else ' '}] {criterion.reason}", "  ")
    lines += [
        "",
        f"Knowledge version {result.knowledge_version[:12]}, engine {result.engine_version}.",
    ]
    return "\n".join(lines) + "\n"
