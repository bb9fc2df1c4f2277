"""What the data states, statement by statement, and the two counts ``follicle kb check`` prints.

A **statement** is one ``Sourced`` value inside a treatment, condition, check, red flag,
contributing factor, topic or the clinic questions (a fact, mechanism, delivery mode, protocol,
cost, regulatory status or action, key finding, limitation, guideline statement, side effect,
contraindication, caution, time to effect, placement, effect, condition feature, course, next
step or signal, and each check, red flag and contributing factor itself), or one question to
ask a clinic. Each carries its own ``citations`` and ``verified``; one nested in another (an
action inside a regulatory status) is a statement of its own. Articles state nothing of their
own: every fact they show is one of these, pulled by a placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from follicle.knowledge.base import Sourced
from follicle.knowledge.references import Reference
from follicle.knowledge.treatments import GuidelineStatement


def walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every value inside a model tree with its dotted path, parents before children."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            child = getattr(value, name)
            alias = type(value).model_fields[name].alias or name
            yield from walk(child, f"{path}.{alias}" if path else alias)
    elif isinstance(value, tuple):
        for index, child in enumerate(value):
            yield from walk(child, f"{path}[{index}]")


#: What a statement is: a ``Sourced`` value (a question to ask a clinic is one too).
Statement = Sourced


def cited(statement: Statement) -> set[str]:
    """The references a statement rests on: its citations, and a guideline statement's source."""
    ids = set(statement.citations)
    if isinstance(statement, GuidelineStatement):
        ids.add(statement.source)
    return ids


def statements(
    models: Iterable[tuple[str, str, BaseModel]],
) -> Iterator[tuple[str, str, Statement]]:
    """(file, field path, statement) for every statement in the given entries."""
    for file, root, model in models:
        for path, value in walk(model, root):
            if isinstance(value, Sourced):
                yield file, path or "(entry)", value


@dataclass(frozen=True, slots=True)
class StatementCounts:
    """How much of the data is stated with less than full confidence."""

    total: int
    #: Stored ``verified: false``: not confirmed in the text of a source we read.
    unverified: int
    #: Every reference cited is ``secondary: true`` (a news story, a summary, a reproduction).
    secondary_only: int


def count_statements(
    models: Iterable[tuple[str, str, BaseModel]], references: Mapping[str, Reference]
) -> StatementCounts:
    total = unverified = secondary_only = 0
    for _, _, statement in statements(models):
        total += 1
        unverified += not statement.verified
        sources = [references[r] for r in cited(statement) if r in references]
        secondary_only += bool(sources) and all(r.secondary for r in sources)
    return StatementCounts(total, unverified, secondary_only)
