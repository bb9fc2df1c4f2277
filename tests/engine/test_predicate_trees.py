"""Differential tests over generated predicate trees (the anchor: ehrql's ``tests/generative``).

Hypothesis builds predicate trees of every operator (``in``, ``at_least``, ``below``, both, ``is``,
``answered``, with and without ``keys``) nested in ``all``, ``any`` and ``not``, over the real
questionnaire's items, and answers drawn straight from each item's type, not through the
engine's validation, generator or skip logic. A small oracle written here from the rules in
``follicle.knowledge.predicates`` evaluates the tree as plain data; the reference evaluator, the
generated code (typed and untyped, alone and many at once) and the explainer must agree with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from follicle.engine import Answers
from follicle.engine.predicates_eval import (
    compile_explainer,
    compile_many,
    compile_predicate,
    reference_check,
)
from follicle.knowledge import load_knowledge
from follicle.knowledge.checker import test_problems as checker_problems
from follicle.knowledge.loader import DEFAULT_ROOT
from follicle.knowledge.questionnaire import Item
from tests.conftest import examples

KNOWLEDGE = load_knowledge(DEFAULT_ROOT)
ITEMS: dict[str, Item] = dict(KNOWLEDGE.items)
TYPES = {item_id: item.type for item_id, item in ITEMS.items()}
#: A few treatments, so that generated keys and generated answers often meet.
TREATMENTS = list(KNOWLEDGE.treatments)[:4]
PER_TREATMENT = ("months_by_treatment", "outcome_by_treatment")
Tree = dict[str, Any]


def _numbers(item: Item) -> list[int]:
    """Numbers near an item's ends and near zero, so that thresholds and answers meet."""
    low, high = item.minimum or 0, item.maximum or 0
    return sorted({low, low + 1, low + 2, low + 3, low + 6, high - 1, high})


# --- trees, as the data would write them -------------------------------------------------------


@st.composite
def answer_tests(draw: st.DrawFn) -> Tree:
    item = ITEMS[draw(st.sampled_from(sorted(ITEMS)))]
    kind = item.type
    operators = ["answered"]
    if kind in ("choice", "multi", "outcome_by_treatment"):
        operators.append("in")
    if kind in ("integer", "months_by_treatment"):
        operators += ["at_least", "below", "range"]
    if kind == "boolean":
        operators.append("is")
    operator = draw(st.sampled_from(operators))
    test: Tree = {"item": item.id}
    if operator == "answered":
        test["answered"] = draw(st.booleans())
    elif operator == "in":
        test["in"] = draw(st.lists(st.sampled_from(item.codes), min_size=1, max_size=3))
    elif operator == "is":
        test["is"] = draw(st.booleans())
    else:
        numbers = _numbers(item)
        low = draw(st.sampled_from(numbers))
        if operator in ("at_least", "range"):
            test["at_least"] = low
        if operator in ("below", "range"):
            test["below"] = draw(st.sampled_from([n for n in numbers if n > low] or [low + 1]))
    if kind in PER_TREATMENT and draw(st.booleans()):
        test["keys"] = draw(st.lists(st.sampled_from(TREATMENTS), min_size=1, max_size=2))
    return test


trees = st.recursive(
    answer_tests(),
    lambda parts: st.one_of(
        st.lists(parts, min_size=1, max_size=3).map(lambda ps: {"all": ps}),
        st.lists(parts, min_size=1, max_size=3).map(lambda ps: {"any": ps}),
        parts.map(lambda p: {"not": p}),
    ),
    max_leaves=12,
)


# --- answers, from the item types alone --------------------------------------------------------


def _value(item: Item) -> st.SearchStrategy[Any]:
    kind = item.type
    if kind == "integer":
        return st.sampled_from(_numbers(item))
    if kind == "boolean":
        return st.booleans()
    if kind == "choice":
        return st.sampled_from(item.codes)
    if kind == "multi":
        return st.frozensets(st.sampled_from(item.codes), min_size=1)
    if kind == "months_by_treatment":
        return st.dictionaries(st.sampled_from(TREATMENTS), st.sampled_from(_numbers(item)))
    return st.dictionaries(st.sampled_from(TREATMENTS), st.sampled_from(item.codes))


typed_answers = st.fixed_dictionaries(
    {}, optional={item_id: _value(item) for item_id, item in ITEMS.items()}
)

#: Any item may hold any kind of value: the untyped code must still agree with the oracle.
any_value = st.one_of(
    st.integers(-2, 10),
    st.booleans(),
    st.sampled_from(["yes", "crown", "male", "helped"]),
    st.frozensets(st.sampled_from(["none", "itching", "pills"])),
    st.dictionaries(
        st.sampled_from(TREATMENTS), st.one_of(st.integers(-2, 10), st.sampled_from(["helped"]))
    ),
)
untyped_answers = st.dictionaries(st.sampled_from(sorted(ITEMS)), any_value)


# --- the oracle --------------------------------------------------------------------------------


def _looked_at(value: Any, keys: list[str] | None) -> list[Any]:
    """The values a test looks at: the named treatments' (or all) of a per-treatment answer,
    the codes of a multi answer, or the answer itself."""
    if isinstance(value, Mapping):
        return [value[k] for k in (keys if keys is not None else list(value)) if k in value]
    if isinstance(value, frozenset):
        return list(value)
    return [value]


def _is_number(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def oracle(tree: Tree, answers: Mapping[str, Any]) -> bool:
    if "all" in tree:
        return all(oracle(part, answers) for part in tree["all"])
    if "any" in tree:
        return any(oracle(part, answers) for part in tree["any"])
    if "not" in tree:
        return not oracle(tree["not"], answers)
    present = tree["item"] in answers
    values = _looked_at(answers[tree["item"]], tree.get("keys")) if present else []
    if "answered" in tree:
        return (len(values) > 0) is tree["answered"]
    if not present:
        return False  # a test of an unanswered item is false
    if "in" in tree:
        return any(v in tree["in"] for v in values)
    if "is" in tree:
        return answers[tree["item"]] is tree["is"]
    low, high = tree.get("at_least"), tree.get("below")
    return any(
        _is_number(v) and (low is None or v >= low) and (high is None or v < high) for v in values
    )


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _reads(tree: Tree) -> list[str]:
    if "item" in tree:
        return [tree["item"]]
    parts = tree.get("all") or tree.get("any") or [tree["not"]]
    return [i for p in parts for i in _reads(p)]


def oracle_explained(tree: Tree, answers: Mapping[str, Any]) -> tuple[bool, tuple[str, ...]]:
    """Holds, and the items whose answers made it hold: every part of a true ``all``, the true
    parts of an ``any``, everything a false part under ``not`` reads."""
    if "all" in tree:
        found = [oracle_explained(part, answers) for part in tree["all"]]
        if all(ok for ok, _ in found):
            return True, _unique([i for _, items in found for i in items])
        return False, ()
    if "any" in tree:
        found = [oracle_explained(part, answers) for part in tree["any"]]
        return any(ok for ok, _ in found), _unique([i for ok, items in found if ok for i in items])
    if "not" in tree:
        if oracle(tree["not"], answers):
            return False, ()
        return True, _unique(_reads(tree["not"]))
    return (True, (tree["item"],)) if oracle(tree, answers) else (False, ())


# --- the properties ----------------------------------------------------------------------------

PROPERTY = examples(400)


def _parse(tree: Tree) -> Any:
    """The tree as the loader reads it from the data (and sound by the checker's rules)."""
    from pydantic import TypeAdapter

    from follicle.knowledge.predicates import Predicate, walk_tests

    predicate = TypeAdapter(Predicate).validate_python(tree)
    for test in walk_tests(predicate):
        assert checker_problems(test, ITEMS, set(KNOWLEDGE.treatments)) == []
    return predicate


@PROPERTY
@given(st.lists(trees, min_size=1, max_size=4), typed_answers)
def test_every_evaluator_agrees_with_the_oracle_on_typed_answers(
    tree_list: list[Tree], raw: dict[str, Any]
) -> None:
    predicates = [_parse(t) for t in tree_list]
    answers = Answers.of(raw)
    expected = tuple(oracle(t, raw) for t in tree_list)
    assert tuple(reference_check(p)(answers) for p in predicates) == expected
    assert tuple(compile_predicate(p, TYPES)(answers) for p in predicates) == expected
    assert tuple(compile_predicate(p)(answers) for p in predicates) == expected
    assert compile_many(predicates, TYPES)(answers) == expected
    assert compile_many(predicates)(answers) == expected


@PROPERTY
@given(trees, typed_answers)
def test_the_explainer_agrees_with_the_oracle_on_typed_answers(
    tree: Tree, raw: dict[str, Any]
) -> None:
    predicate = _parse(tree)
    answers = Answers.of(raw)
    expected = oracle_explained(tree, raw)
    assert compile_explainer(predicate, TYPES)(answers) == expected
    assert compile_explainer(predicate)(answers) == expected


@PROPERTY
@given(trees, untyped_answers)
def test_the_untyped_code_agrees_with_the_oracle_whatever_the_values(
    tree: Tree, raw: dict[str, Any]
) -> None:
    """Without the item types the generated code uses generic helpers, which must not depend
    on values having the questionnaire's types."""
    predicate = _parse(tree)
    answers = Answers.of(raw)
    expected = oracle(tree, raw)
    assert reference_check(predicate)(answers) is expected
    assert compile_predicate(predicate)(answers) is expected
    assert compile_explainer(predicate)(answers) == oracle_explained(tree, raw)


# --- the generators reach every operator --------------------------------------------------------


def _nodes(tree: Tree) -> list[Tree]:
    if "item" in tree:
        return [tree]
    parts = tree.get("all") or tree.get("any") or [tree["not"]]
    return [tree, *(n for p in parts for n in _nodes(p))]


def _has(tree: Tree, test: Any) -> bool:
    return any(test(node) for node in _nodes(tree))


REACHABLE = {
    "in": lambda n: "in" in n,
    "at_least alone": lambda n: "at_least" in n and "below" not in n,
    "below alone": lambda n: "below" in n and "at_least" not in n,
    "at_least with below": lambda n: "at_least" in n and "below" in n,
    "is": lambda n: "is" in n,
    "answered: true": lambda n: n.get("answered") is True,
    "answered: false": lambda n: n.get("answered") is False,
    "keys": lambda n: "keys" in n,
    "all": lambda n: "all" in n,
    "any": lambda n: "any" in n,
    "not of a combination": lambda n: "not" in n and "item" not in n["not"],
    "all inside any inside not": lambda n: (
        "not" in n and "any" in n["not"] and any("all" in p for p in n["not"]["any"])
    ),
}


#: For ``find``: no example database, and no health check (the machine may be busy).
SEARCH = settings(database=None, max_examples=5000, suppress_health_check=list(HealthCheck))


def test_the_tree_generator_reaches_every_operator_and_nesting() -> None:
    for name, test in REACHABLE.items():
        found = find(trees, partial(_has, test=test), settings=SEARCH)
        assert _has(found, test), name


def test_the_answer_generator_leaves_items_out_and_gives_empty_treatment_maps() -> None:
    find(typed_answers, lambda a: "age" not in a, settings=SEARCH)
    find(typed_answers, lambda a: a.get("current_treatments") == {}, settings=SEARCH)


def test_the_oracle_reads_the_rules_as_the_data_guide_says() -> None:
    """A few fixed cases, so a wrong oracle cannot agree with wrong code unnoticed."""
    answers = {"age": 17, "current_treatments": {TREATMENTS[0]: 6}, "open_to": frozenset({"pills"})}
    assert oracle({"item": "age", "below": 18}, answers)
    assert not oracle({"item": "age", "at_least": 18}, answers)
    assert not oracle({"item": "sex", "in": ["male"]}, answers)  # unanswered: false
    assert oracle({"item": "sex", "answered": False}, answers)
    assert oracle({"item": "current_treatments", "keys": [TREATMENTS[0]], "at_least": 6}, answers)
    assert not oracle(
        {"item": "current_treatments", "keys": [TREATMENTS[1]], "answered": True}, answers
    )
    assert oracle({"not": {"item": "open_to", "in": ["topicals"]}}, answers)
    assert not oracle({"item": "accepts_preliminary_evidence", "is": False}, answers)
    assert oracle_explained(
        {"any": [{"item": "age", "below": 18}, {"item": "sex", "in": ["male"]}]}, answers
    ) == (True, ("age",))
    assert oracle_explained(
        {"not": {"all": [{"item": "sex", "in": ["male"]}, {"item": "age", "below": 18}]}}, answers
    ) == (True, ("sex", "age"))
