"""The knowledge data with every predicate compiled, built once per knowledge version.

Compiling is the expensive part of evaluating a predicate; doing it once per version keeps an
assessment to plain function calls. Rules that are always evaluated together (all red flags,
all condition signals, all contributing factors, all treatment contraindications and cautions)
are compiled into one function per group that returns a tuple of booleans; each compiled rule
knows its ``index`` in that tuple.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from threading import Lock

from follicle.engine.answers import Answers
from follicle.engine.costs import project_cost
from follicle.engine.predicates_eval import (
    Check,
    CheckMany,
    Explain,
    compile_explainer,
    compile_many,
    compile_predicate,
)
from follicle.engine.result import ContributingFactorOut, CostProjection, Evidence
from follicle.engine.standing import Standing, standing_key
from follicle.engine.trace import Fired
from follicle.engine.weighing import CompiledSignal, Weighing, weighing_table
from follicle.engine.wording import factor_message, stated
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.conditions import HairCondition
from follicle.knowledge.predicates import Predicate
from follicle.knowledge.questionnaire import Item, Limit
from follicle.knowledge.treatments import (
    Caution,
    CodedRule,
    Contraindication,
    Placement,
    Treatment,
)
from follicle.knowledge.triage import ContributingFactor, RedFlag

Types = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CompiledItem:
    item: Item
    visible: Check | None
    #: The codes shown only when their own skip logic holds (for example period items).
    option_visible: dict[str, Check]
    codes: frozenset[str]
    limits: tuple[tuple[Limit, Check], ...]
    exclusive: frozenset[str]
    #: Items the skip logic of this item, or of one of its options, reads.
    depends_on: tuple[str, ...]

    def shows(self, code: str, answers: Answers) -> bool:
        """Whether option ``code`` is offered given the earlier answers (its own skip logic)."""
        check = self.option_visible.get(code)
        return check is None or check(answers)

    def range_for(self, answers: Answers) -> tuple[int, int, str | None]:
        """(low, high, message or None) of a number: the first limit that holds, else the item's."""
        for limit, holds in self.limits:
            if holds(answers):
                return limit.minimum, limit.maximum, limit.message
        assert self.item.minimum is not None and self.item.maximum is not None
        return self.item.minimum, self.item.maximum, None


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A coded rule with its check, its rule id in the trace and the items it reads."""

    rule: CodedRule
    index: int
    rule_id: str
    reads: tuple[str, ...]
    #: The rule's message as a result shows it (unverified ones say so), worded once here.
    text: str
    #: For cautions: a clinician should look first (never for contraindications).
    needs_clinician: bool
    #: For contraindications: the status it gives, and whether it holds only because of the
    #: scalp's state today.
    status: str
    local: bool


@dataclass(frozen=True, slots=True)
class CompiledTreatment:
    treatment: Treatment
    #: (rule id, placement, its check or None for the default, items read, reason as shown)
    placements: tuple[tuple[str, Placement, Check | None, tuple[str, ...], str], ...]
    contraindications: tuple[CompiledRule, ...]
    cautions: tuple[CompiledRule, ...]
    evidence: Evidence
    #: Citations every option of this treatment carries (evidence and regulatory status).
    citations: tuple[str, ...]
    #: The cost projection depends only on the data, so it is made once here.
    cost: CostProjection | None
    cost_note: str | None
    #: The ranking keys that depend only on the data (see :mod:`~follicle.engine.standing`).
    standing: Standing


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    condition: HairCondition
    signals: tuple[CompiledSignal, ...]
    #: The condition's place in the data, and its signals' slice of ``signal_checks``.
    order: int
    start: int
    stop: int
    #: Which of its signals hold -> how the condition is weighed, every pattern with a signal
    #: holding weighed here (:func:`~follicle.engine.weighing.weighing_table`). None for a
    #: condition with more than ``TABLED_SIGNALS`` signals: it is weighed afresh each time.
    weighings: Mapping[tuple[bool, ...], Weighing] | None


@dataclass(frozen=True, slots=True)
class CompiledRedFlag:
    flag: RedFlag
    #: Its answer test's place in ``red_flag_checks`` and explainer, or None if it has none.
    index: int | None
    explain: Explain | None
    #: The condition it names (see ``RedFlag.condition``) and the likelihoods that raise it.
    condition: str | None
    likelihoods: frozenset[str]


@dataclass(frozen=True, slots=True)
class CompiledKnowledge:
    knowledge: Knowledge
    items: tuple[CompiledItem, ...]
    red_flags: tuple[CompiledRedFlag, ...]
    #: The answer tests of the red flags that have one, in one generated function.
    red_flag_checks: CheckMany
    conditions: tuple[CompiledCondition, ...]
    signal_checks: CheckMany
    #: Each factor as a result shows it (it depends only on the data), and its trace entry.
    factors: tuple[tuple[ContributingFactorOut, Fired], ...]
    factor_checks: CheckMany
    rule_checks: CheckMany
    treatments: tuple[CompiledTreatment, ...]
    # Looked up on every assessment, so built once per knowledge version.
    item_ids: frozenset[str]
    treatment_names: dict[str, str]
    condition_names: dict[str, str]
    ranks_after: dict[str, tuple[str, ...]]


def _rules(
    treatment_id: str, kind: str, rules: tuple[CodedRule, ...], predicates: list[Predicate]
) -> tuple[CompiledRule, ...]:
    """Compiled rules whose predicates are appended to the group list ``predicates``."""
    out = []
    for rule in rules:
        out.append(
            CompiledRule(
                rule=rule,
                index=len(predicates),
                rule_id=f"option.{treatment_id}.{kind}.{rule.id}",
                reads=rule.when.items(),
                text=stated(rule.message, rule),
                needs_clinician=isinstance(rule, Caution) and rule.needs_clinician,
                status=rule.status if isinstance(rule, Contraindication) else "",
                local=isinstance(rule, Contraindication) and rule.local,
            )
        )
        predicates.append(rule.when)
    return tuple(out)


def _treatment(
    t: Treatment, order: int, types: Types, predicates: list[Predicate]
) -> CompiledTreatment:
    cost, cost_note = project_cost(t)
    evidence = Evidence(certainty=t.evidence.certainty, regulatory=t.regulatory.us_status)
    return CompiledTreatment(
        treatment=t,
        placements=tuple(
            (
                f"option.{t.id}.placement.{n}",
                p,
                compile_predicate(p.when, types) if p.when is not None else None,
                p.when.items() if p.when is not None else (),
                stated(p.reason, p),
            )
            for n, p in enumerate(t.placements)
        ),
        contraindications=_rules(t.id, "contraindication", t.contraindications, predicates),
        cautions=_rules(t.id, "caution", t.cautions, predicates),
        evidence=evidence,
        citations=tuple(dict.fromkeys(t.evidence.citations + t.regulatory.citations)),
        cost=cost,
        cost_note=cost_note,
        standing=standing_key(evidence, cost, order),
    )


def _factor(factor: ContributingFactor) -> tuple[ContributingFactorOut, Fired]:
    found = ContributingFactorOut(
        id=factor.id,
        name=factor.name,
        message=factor_message(factor),
        suggested_checks=factor.suggested_checks,
        citations=factor.citations,
    )
    return found, (f"factor.{factor.id}", factor.when.items())


def _build(knowledge: Knowledge) -> CompiledKnowledge:
    types: Types = {item.id: item.type for item in knowledge.questionnaire.items}

    def check(predicate: Predicate) -> Check:
        return compile_predicate(predicate, types)

    items = tuple(
        CompiledItem(
            item=item,
            visible=check(item.enable_when) if item.enable_when else None,
            option_visible={
                o.code: check(o.enable_when) for o in item.options if o.enable_when is not None
            },
            codes=frozenset(item.codes),
            limits=tuple((limit, check(limit.when)) for limit in item.limits),
            exclusive=frozenset(o.code for o in item.options if o.exclusive),
            depends_on=tuple(
                dict.fromkeys(
                    [
                        *(item.enable_when.items() if item.enable_when is not None else ()),
                        *(
                            i
                            for o in item.options
                            if o.enable_when is not None
                            for i in o.enable_when.items()
                        ),
                    ]
                )
            ),
        )
        for item in knowledge.questionnaire.items
    )
    rule_predicates: list[Predicate] = []
    treatments = tuple(
        _treatment(t, n, types, rule_predicates)
        for n, t in enumerate(knowledge.treatments.values())
    )
    signal_predicates: list[Predicate] = []
    conditions = []
    for order, c in enumerate(knowledge.conditions.values()):
        start = len(signal_predicates)
        signals = []
        for n, s in enumerate(c.signals):
            signals.append(
                CompiledSignal(
                    s,
                    f"condition.{c.id}.signal.{n}",
                    s.when.items(),
                    stated(s.reason, s),
                )
            )
            signal_predicates.append(s.when)
        conditions.append(
            CompiledCondition(
                condition=c,
                signals=tuple(signals),
                order=order,
                start=start,
                stop=len(signal_predicates),
                weighings=weighing_table(c, order, tuple(signals)),
            )
        )
    flag_predicates: list[Predicate] = []
    red_flags = []
    for f in knowledge.red_flags.values():
        index = None
        if f.when is not None:
            index = len(flag_predicates)
            flag_predicates.append(f.when)
        red_flags.append(
            CompiledRedFlag(
                flag=f,
                index=index,
                explain=compile_explainer(f.when, types) if f.when is not None else None,
                condition=f.condition.id if f.condition is not None else None,
                likelihoods=frozenset(f.condition.likelihood) if f.condition else frozenset(),
            )
        )
    return CompiledKnowledge(
        knowledge=knowledge,
        items=items,
        red_flags=tuple(red_flags),
        red_flag_checks=compile_many(flag_predicates, types),
        conditions=tuple(conditions),
        signal_checks=compile_many(signal_predicates, types),
        factors=tuple(_factor(f) for f in knowledge.contributing_factors.values()),
        factor_checks=compile_many(
            [f.when for f in knowledge.contributing_factors.values()], types
        ),
        rule_checks=compile_many(rule_predicates, types),
        treatments=treatments,
        item_ids=frozenset(c.item.id for c in items),
        treatment_names={t.id: t.name for t in knowledge.treatments.values()},
        condition_names={c.id: c.plain_name for c in knowledge.conditions.values()},
        ranks_after={t.id: t.ranks_after for t in knowledge.treatments.values() if t.ranks_after},
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
        found = _cache.get(key)  # another thread may have built it while this one waited
        if found is not None and found.knowledge is knowledge:
            return found
        built = _build(knowledge)
        if len(_cache) >= 16:  # tests build many variants; production has one or two
            _cache.clear()
        _cache[key] = built
        return built


def compiled_items(knowledge: Knowledge) -> tuple[CompiledItem, ...]:
    """The questionnaire's items with their skip logic compiled, in question order (for the
    web's step-by-step form)."""
    return compiled(knowledge).items
