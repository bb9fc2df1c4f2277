"""Educational articles: Markdown with YAML front matter, numbers pulled from the data.

An article's prose may not contain a digit: every number comes from the knowledge data
through a placeholder, so an article can never disagree with the treatment pages or the engine.

Placeholders::

    [[ref:queen-2025]]                               a citation link
    [[fact:exosomes.vesicle_size]]                   a named fact's sentence, with its citations
    [[value:exosomes.protocol.session_minutes]]      a value: ranges read "30 to 60",
    [[value:prp.costs.session_500_2000]]             costs "$500 to $2,000 per session",
    [[value:finasteride.evidence.key_findings.0]]    findings and facts their sentence
    [[value:finasteride.effects.outcomes.kept_hair_two_years]]
                                                     an effect against placebo, as the
                                                     plain-language sentence pages show
    [[fact:jak_inhibitors.baricitinib_approval]]     a topic's fact (``topics.yaml``), for
                                                     subjects Follicle does not rank
    [[term:off_label]]                               a word from ``glossary.yaml``, linked to
                                                     its plain explanation on the page
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, Field

from follicle.knowledge.authorship import Authorship
from follicle.knowledge.base import Id, IntRange, RefId, Strict, Text
from follicle.knowledge.effects import Effect
from follicle.knowledge.plain_effects import effect_sentence
from follicle.knowledge.treatments import CostRange
from follicle.money import money_range

PLACEHOLDER = re.compile(r"\[\[(ref|fact|value|term):([a-z0-9_.\-]+)\]\]")


class Article(Strict):
    slug: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: Text
    summary: Text
    treatments: tuple[Id, ...] = ()
    related: tuple[str, ...] = ()
    key_references: tuple[RefId, ...] = Field(min_length=1)
    #: Who wrote it and who reviewed it clinically (front matter; the checker requires it).
    authorship: Authorship | None = None
    body: Text

    def placeholders(self) -> list[tuple[str, str]]:
        return PLACEHOLDER.findall(self.body)

    def cited_references(self) -> tuple[str, ...]:
        """Key references plus every reference cited in the body (not facts' own sources)."""
        inline = [target for kind, target in self.placeholders() if kind == "ref"]
        return tuple(dict.fromkeys([*self.key_references, *inline]))


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a placeholder stands for: words to show and the references behind them."""

    text: str
    citations: tuple[str, ...]
    verified: bool = True
    #: "clinic_claims" when the words only relay what clinics or sellers say (pages say so).
    reports: str | None = None


def describe(value: Any) -> Resolved | None:
    """Words for a value of the data, or None when it is not something an article can show."""
    if isinstance(value, IntRange):
        return Resolved(
            str(value.min) if value.min == value.max else f"{value.min} to {value.max}", ()
        )
    if isinstance(value, Effect):
        return Resolved(effect_sentence(value), value.citations, value.verified)
    if isinstance(value, CostRange):
        return Resolved(
            f"{money_range(value.low, value.high)} per {value.unit}",
            value.citations,
            value.verified,
        )
    if isinstance(value, BaseModel) and hasattr(value, "text") and hasattr(value, "citations"):
        return Resolved(
            value.text,
            value.citations,
            getattr(value, "verified", True),
            getattr(value, "reports", None),
        )
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return Resolved(str(value), ())
    return None


def _step(value: Any, part: str) -> Any:
    if isinstance(value, tuple):
        if part.isdigit():
            index = int(part)
            return value[index] if index < len(value) else None
        return next((v for v in value if getattr(v, "id", None) == part), None)
    if isinstance(value, BaseModel) and part in type(value).model_fields:
        return getattr(value, part)
    return None


def resolve(
    kind: str, target: str, subjects: Mapping[str, BaseModel], references: set[str]
) -> Resolved | None:
    """The placeholder's meaning, or None if it points at nothing. ``subjects`` are the
    treatments and topics by id (both hold ``facts``)."""
    if kind == "ref":
        return Resolved("", (target,)) if target in references else None
    first, _, rest = target.partition(".")
    value: Any = subjects.get(first)
    if value is None or not rest:
        return None
    path = f"facts.{rest}" if kind == "fact" else rest
    parent: Any = None
    for part in path.split("."):
        parent, value = value, _step(value, part)
        if value is None:
            return None
    resolved = describe(value)
    if resolved is not None and isinstance(value, str) and getattr(parent, "reports", None):
        # words read from a field of a clinic-claims statement are still a clinic claim
        return replace(resolved, reports=parent.reports)
    return resolved


def prose_digits(body: str) -> list[str]:
    """Digits typed into the prose (outside placeholders): each is a number not from the data."""
    return re.findall(r"\S*\d\S*", PLACEHOLDER.sub("", body))
