"""Evaluating the knowledge data's predicates against answers.

Predicates are compiled once into plain closures (the engine evaluates a few hundred per
assessment, so this is the hot path); :func:`reads` and :func:`matched_items` give the
explanation side: which answers a rule looked at, and which of them made it true.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from follicle.engine.answers import Answers
from follicle.knowledge.predicates import AllOf, AnswerTest, AnyOf, Predicate

Check = Callable[[Answers], bool]


def _values(answers: Answers, test: AnswerTest) -> list[object] | None:
    """The answer values a test looks at, or None when the item is unanswered."""
    value = answers.values.get(test.item)
    if value is None:
        return None
    if isinstance(value, Mapping):
        keys = test.keys if test.keys is not None else tuple(value)
        return [value[k] for k in keys if k in value]
    if isinstance(value, frozenset):
        return list(value)
    return [value]


def _compile_test(test: AnswerTest) -> Check:
    if test.answered is not None:
        wanted = test.answered

        def answered(answers: Answers) -> bool:
            values = _values(answers, test)
            return (values is not None and len(values) > 0) is wanted

        return answered
    if test.in_ is not None:
        codes = frozenset(test.in_)

        def member(answers: Answers) -> bool:
            values = _values(answers, test)
            return values is not None and any(v in codes for v in values)

        return member
    if test.is_ is not None:
        expected = test.is_

        def equals(answers: Answers) -> bool:
            return answers.values.get(test.item) is expected

        return equals
    low = test.at_least
    high = test.below

    def within(answers: Answers) -> bool:
        values = _values(answers, test)
        if not values:
            return False
        return any(
            isinstance(v, int)
            and not isinstance(v, bool)
            and (low is None or v >= low)
            and (high is None or v < high)
            for v in values
        )

    return within


def compile_predicate(predicate: Predicate) -> Check:
    """A fast closure that answers "does this predicate hold for these answers?"."""
    if isinstance(predicate, AnswerTest):
        return _compile_test(predicate)
    if isinstance(predicate, AllOf):
        parts = tuple(compile_predicate(p) for p in predicate.all)
        return lambda answers: all(part(answers) for part in parts)
    if isinstance(predicate, AnyOf):
        parts = tuple(compile_predicate(p) for p in predicate.any)
        return lambda answers: any(part(answers) for part in parts)
    inner = compile_predicate(predicate.not_)
    return lambda answers: not inner(answers)


def reads(predicate: Predicate) -> tuple[str, ...]:
    """Every answer item the predicate looks at, in order of first mention."""
    return predicate.items()


def matched_items(predicate: Predicate, answers: Answers) -> tuple[str, ...]:
    """The items whose answers made a true predicate true (for ``triggered_by``).

    Only branches that hold contribute: in ``any``, the parts that are true; in ``all``, every
    part; under ``not``, every item the negated part reads.
    """

    def visit(p: Predicate) -> tuple[bool, tuple[str, ...]]:
        if isinstance(p, AnswerTest):
            ok = _compile_test(p)(answers)
            return ok, (p.item,) if ok else ()
        if isinstance(p, AllOf):
            results = [visit(part) for part in p.all]
            ok = all(r[0] for r in results)
            return ok, tuple(i for r in results for i in r[1]) if ok else ()
        if isinstance(p, AnyOf):
            results = [visit(part) for part in p.any]
            return any(r[0] for r in results), tuple(i for r in results if r[0] for i in r[1])
        ok = not compile_predicate(p.not_)(answers)
        return ok, p.items() if ok else ()

    return tuple(dict.fromkeys(visit(predicate)[1]))
