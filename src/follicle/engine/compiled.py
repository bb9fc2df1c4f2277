"""The knowledge data with every predicate compiled, built once per knowledge version.

Compiling is the expensive part of evaluating a predicate; doing it once per version keeps an
assessment to plain function calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

from follicle.engine.conditions_eval import Check, compile_predicate
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.conditions import HairCondition, Signal
from follicle.knowledge.questionnaire import Item, Limit
from follicle.knowledge.treatments import Caution, CodedRule, Placement, Treatment
from follicle.knowledge.triage import ContributingFactor, RedFlag


@dataclass(frozen=True, slots=True)
class CompiledItem:
    item: Item
    visible: Check | None
    option_visible: dict[str, Check]
    limits: tuple[tuple[Limit, Check], ...]


@dataclass(frozen=True, slots=True)
class CompiledTreatment:
    treatment: Treatment
    placements: tuple[tuple[int, Placement, Check | None], ...]
    contraindications: tuple[tuple[CodedRule, Check], ...]
    cautions: tuple[tuple[Caution, Check], ...]


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    condition: HairCondition
    signals: tuple[tuple[int, Signal, Check], ...]


@dataclass(frozen=True, slots=True)
class CompiledKnowledge:
    knowledge: Knowledge
    items: tuple[CompiledItem, ...]
    red_flags: tuple[tuple[RedFlag, Check], ...]
    conditions: tuple[CompiledCondition, ...]
    factors: tuple[tuple[ContributingFactor, Check], ...]
    treatments: tuple[CompiledTreatment, ...]


def _rules(rules: tuple[CodedRule, ...]) -> tuple[tuple[CodedRule, Check], ...]:
    return tuple((rule, compile_predicate(rule.when)) for rule in rules)


def _build(knowledge: Knowledge) -> CompiledKnowledge:
    items = tuple(
        CompiledItem(
            item=item,
            visible=compile_predicate(item.enable_when) if item.enable_when else None,
            option_visible={
                o.code: compile_predicate(o.enable_when)
                for o in item.options
                if o.enable_when is not None
            },
            limits=tuple((limit, compile_predicate(limit.when)) for limit in item.limits),
        )
        for item in knowledge.questionnaire.items
    )
    treatments = tuple(
        CompiledTreatment(
            treatment=t,
            placements=tuple(
                (n, p, compile_predicate(p.when) if p.when is not None else None)
                for n, p in enumerate(t.placements)
            ),
            contraindications=_rules(t.contraindications),
            cautions=tuple((c, compile_predicate(c.when)) for c in t.cautions),
        )
        for t in knowledge.treatments.values()
    )
    return CompiledKnowledge(
        knowledge=knowledge,
        items=items,
        red_flags=tuple((f, compile_predicate(f.when)) for f in knowledge.red_flags.values()),
        conditions=tuple(
            CompiledCondition(
                condition=c,
                signals=tuple((n, s, compile_predicate(s.when)) for n, s in enumerate(c.signals)),
            )
            for c in knowledge.conditions.values()
        ),
        factors=tuple(
            (f, compile_predicate(f.when)) for f in knowledge.contributing_factors.values()
        ),
        treatments=treatments,
    )


_cache: dict[int, CompiledKnowledge] = {}
_lock = Lock()


def compiled(knowledge: Knowledge) -> CompiledKnowledge:
    """The compiled form of this knowledge object (cached for the life of the object)."""
    key = id(knowledge)
    found = _cache.get(key)
    if found is not None and found.knowledge is knowledge:
        return found
    with _lock:
        built = _build(knowledge)
        if len(_cache) >= 16:  # tests build many variants; production has one or two
            _cache.clear()
        _cache[key] = built
        return built
