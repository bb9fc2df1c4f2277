"""Option Grid style comparison of two treatments: rows are the questions people ask."""

from __future__ import annotations

from dataclasses import dataclass

from follicle import labels
from follicle.engine import project_cost
from follicle.knowledge.plain_effects import NO_PLACEBO_TRIAL, effect_sentence
from follicle.knowledge.treatments import Treatment


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    citations: tuple[str, ...]
    verified: bool = True
    more: tuple[Cell, ...] = ()  # further findings, each with its own sources
    reports: str | None = None  # "clinic_claims": shown as what clinics or sellers say


@dataclass(frozen=True, slots=True)
class Row:
    question: str
    cells: tuple[Cell, Cell]


def _works(t: Treatment) -> Cell:
    """Every key finding, not just the first: one study alone can mislead either way."""
    first, *rest = t.evidence.key_findings
    return Cell(
        first.text,
        first.citations,
        first.verified,
        tuple(Cell(f.text, f.citations, f.verified, reports=f.reports) for f in rest),
        first.reports,
    )


def _sure(t: Treatment) -> Cell:
    return Cell(
        f"{labels.CERTAINTY[t.evidence.certainty]}. {t.evidence.certainty_rationale}",
        t.evidence.citations,
    )


def _approved(t: Treatment) -> Cell:
    r = t.regulatory
    return Cell(
        f"{labels.REGULATORY[r.us_status]}. {r.summary}", r.citations, r.verified, reports=r.reports
    )


def _involves(t: Treatment) -> Cell:
    p = t.protocol
    return Cell(p.summary, p.citations, p.verified, reports=p.reports)


def _cost(t: Treatment) -> Cell:
    projection, note = project_cost(t)
    if projection is None:
        return Cell(note or "No price found.", ())
    return Cell(
        f"About {labels.cost_words(projection)}.",
        projection.citations,
        projection.verified,
    )


def _risks(t: Treatment) -> Cell:
    effects = [s.text for s in t.side_effects]
    citations = tuple(dict.fromkeys(c for s in t.side_effects for c in s.citations))
    if not effects:
        return Cell("Our sources describe no specific side effects.", ())
    return Cell(" ".join(effects), citations, all(s.verified for s in t.side_effects))


def _when(t: Treatment) -> Cell:
    w = t.time_to_effect
    return Cell(w.text, w.citations, w.verified, reports=w.reports)


_MISSING = Cell("Not yet reviewed for Follicle.", ())


def _against_placebo(t: Treatment) -> Cell:
    """The summary, then each outcome in the same plain words as the treatment page."""
    e = t.effects
    if e is None:
        return _MISSING
    lead = e.summary if e.placebo_controlled else f"{NO_PLACEBO_TRIAL} {e.summary}"
    more = tuple(Cell(effect_sentence(o), o.citations, o.verified) for o in e.outcomes)
    return Cell(lead, e.citations, e.verified, more)


def _stopping(t: Treatment) -> Cell:
    s = t.on_stopping
    return _MISSING if s is None else Cell(s.text, s.citations, s.verified)


def _judge(t: Treatment) -> Cell:
    j = t.time_to_judge
    return _MISSING if j is None else Cell(j.text, j.citations, j.verified)


def _duration(t: Treatment) -> Cell:
    d = t.duration
    return _MISSING if d is None else Cell(d.text, d.citations, d.verified)


QUESTIONS = (
    ("Does it work?", _works),
    ("What did trials find against placebo?", _against_placebo),
    ("How sure are we?", _sure),
    ("Is it approved?", _approved),
    ("What does it involve?", _involves),
    ("When might I see a change?", _when),
    ("How long before I can judge it?", _judge),
    ("What happens if I stop?", _stopping),
    ("How long is it taken?", _duration),
    ("What does it cost over time?", _cost),
    ("What are the risks?", _risks),
)


def compare(first: Treatment, second: Treatment) -> list[Row]:
    return [Row(question, (describe(first), describe(second))) for question, describe in QUESTIONS]
