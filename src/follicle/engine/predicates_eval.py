"""Evaluating the knowledge data's predicates against answers.

The engine evaluates well over a hundred predicates per assessment, so this is the hot path.
:func:`compile_predicate` turns each predicate, once per knowledge version, into one small
generated Python function (``all``/``any``/``not`` become ``and``/``or``/``not``; a test of a
choice item becomes a set lookup), which is several times faster than nested closures. The
closure evaluator (:func:`reference_check`) stays as the plain, obviously-correct reference:
a property test checks the two always agree. :func:`compile_explainer` gives the explanation
side: which answers made a rule true.

The generated source only ever contains ``repr`` of item ids (validated ``snake_case``) and
of numbers, and names of constants bound in its namespace; no text from the data is spliced in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from follicle.engine.answers import Answers
from follicle.knowledge.predicates import AllOf, AnswerTest, AnyOf, Predicate

Check = Callable[[Answers], bool]


def _values(answers: Answers, test: AnswerTest) -> list[object] | None:
    """The answer values a test looks at, or None when the item is unanswered."""
    value = answers.values.get(test.item)
    return None if value is None else _mapped_values(value, test.keys)


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


def reference_check(predicate: Predicate) -> Check:
    """The plain closure evaluator: slower, kept as the reference for the generated code."""
    if isinstance(predicate, AnswerTest):
        return _compile_test(predicate)
    if isinstance(predicate, AllOf):
        parts = tuple(reference_check(p) for p in predicate.all)
        return lambda answers: all(part(answers) for part in parts)
    if isinstance(predicate, AnyOf):
        parts = tuple(reference_check(p) for p in predicate.any)
        return lambda answers: any(part(answers) for part in parts)
    inner = reference_check(predicate.not_)
    return lambda answers: not inner(answers)


def _mapped_values(value: object, keys: tuple[str, ...] | None) -> list[object]:
    """The values of an answer a test looks at: a mapping's (those of ``keys``), a multi
    answer's codes, or the single value."""
    if isinstance(value, Mapping):
        return [value[k] for k in (keys if keys is not None else tuple(value)) if k in value]
    if isinstance(value, frozenset):
        return list(value)
    return [] if value is None else [value]


def _in(value: object, codes: frozenset[str], keys: tuple[str, ...] | None) -> bool:
    return any(v in codes for v in _mapped_values(value, keys))


def _answered(value: object, keys: tuple[str, ...] | None) -> bool:
    return value is not None and len(_mapped_values(value, keys)) > 0


def _within(value: object, keys: tuple[str, ...] | None, low: int | None, high: int | None) -> bool:
    return any(
        isinstance(v, int)
        and not isinstance(v, bool)
        and (low is None or v >= low)
        and (high is None or v < high)
        for v in _mapped_values(value, keys)
    )


class _Generator:
    """Builds the source of one predicate function and the constants it refers to.

    Every expression it emits is already a bool (membership, ``is``, comparisons and the
    helpers' ``any``), so none needs wrapping in ``bool()``."""

    def __init__(self, types: Mapping[str, str]) -> None:
        self.types = types
        self.constants: dict[str, object] = {}
        self.temps = 0

    def constant(self, value: object) -> str:
        name = f"_k{len(self.constants)}"
        self.constants[name] = value
        return name

    def test(self, t: AnswerTest) -> str:
        item, kind = repr(t.item), self.types.get(t.item)
        if t.in_ is not None:
            codes = self.constant(frozenset(t.in_))
            if kind == "choice":
                return f"(g({item}) in {codes})"
            if kind == "multi":
                return f"(not {codes}.isdisjoint(g({item}, _E)))"
            return f"_in(g({item}), {codes}, {self.constant(t.keys)})"
        if t.is_ is not None:
            return f"(g({item}) is {t.is_!r})"
        if t.answered is not None:
            return f"(_answered(g({item}), {self.constant(t.keys)}) is {t.answered!r})"
        if kind == "integer":
            self.temps += 1
            n = f"_n{self.temps}"
            parts = [f"({n} := g({item})) is not None"]
            if t.at_least is not None:
                parts.append(f"{n} >= {int(t.at_least)!r}")
            if t.below is not None:
                parts.append(f"{n} < {int(t.below)!r}")
            return "(" + " and ".join(parts) + ")"
        return f"_within(g({item}), {self.constant(t.keys)}, {t.at_least!r}, {t.below!r})"

    def expression(self, p: Predicate) -> str:
        if isinstance(p, AnswerTest):
            return self.test(p)
        if isinstance(p, AllOf):
            return "(" + " and ".join(self.expression(part) for part in p.all) + ")"
        if isinstance(p, AnyOf):
            return "(" + " or ".join(self.expression(part) for part in p.any) + ")"
        return f"(not {self.expression(p.not_)})"


CheckMany = Callable[[Answers], tuple[bool, ...]]


def _generate(name: str, body: str, generator: _Generator) -> Callable[..., object]:
    source = f"def {name}(a):\n    g = a.values.get\n    return {body}\n"
    namespace: dict[str, object] = {
        "_E": frozenset(),
        "_in": _in,
        "_answered": _answered,
        "_within": _within,
        **generator.constants,
    }
    exec(compile(source, "<follicle predicate>", "exec"), namespace)  # noqa: S102 - see module docstring
    function = namespace[name]
    assert callable(function)
    return function


def compile_many(predicates: list[Predicate], types: Mapping[str, str] | None = None) -> CheckMany:
    """One generated function evaluating many predicates at once, in order.

    A rule group (all condition signals, all treatment rules) is then one call per assessment
    instead of one per predicate.
    """
    generator = _Generator(types or {})
    body = "(" + "".join(f"{generator.expression(p)}, " for p in predicates) + ")"
    return _generate("check_many", body, generator)  # type: ignore[return-value]


def compile_predicate(predicate: Predicate, types: Mapping[str, str] | None = None) -> Check:
    """A fast function answering "does this predicate hold for these answers?".

    ``types`` maps item ids to their questionnaire type; with it, choice and multi tests become
    direct set operations. Without it the generated code uses the generic helpers.
    """
    generator = _Generator(types or {})
    return _generate("check", generator.expression(predicate), generator)  # type: ignore[return-value]


Explain = Callable[[Answers], tuple[bool, tuple[str, ...]]]


def compile_explainer(predicate: Predicate, types: Mapping[str, str] | None = None) -> Explain:
    """A closure giving (holds, the items whose answers made it hold), for ``triggered_by``.

    Only branches that hold contribute: in ``any``, the parts that are true; in ``all``, every
    part; under ``not``, every item the negated part reads.
    """
    if isinstance(predicate, AnswerTest):
        check, found = compile_predicate(predicate, types), (predicate.item,)
        return lambda answers: (True, found) if check(answers) else (False, ())
    if isinstance(predicate, AllOf):
        all_parts = tuple(compile_explainer(p, types) for p in predicate.all)

        def explain_all(answers: Answers) -> tuple[bool, tuple[str, ...]]:
            items: list[str] = []
            for part in all_parts:
                ok, found = part(answers)
                if not ok:
                    return False, ()
                items.extend(found)
            return True, tuple(dict.fromkeys(items))

        return explain_all
    if isinstance(predicate, AnyOf):
        any_parts = tuple(compile_explainer(p, types) for p in predicate.any)

        def explain_any(answers: Answers) -> tuple[bool, tuple[str, ...]]:
            results = [part(answers) for part in any_parts]
            items = [i for ok, found in results if ok for i in found]
            return any(ok for ok, _ in results), tuple(dict.fromkeys(items))

        return explain_any
    inner, read = compile_predicate(predicate.not_, types), predicate.items()
    return lambda answers: (False, ()) if inner(answers) else (True, read)
