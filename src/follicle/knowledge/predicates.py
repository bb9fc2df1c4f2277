"""The small language in which the data says *when* something applies.

Red flags, contraindications, cautions, contributing factors, skip logic and condition signals
all need to say "this holds for these answers". Writing that as data rather than code lets an
evidence editor change it in review, lets the checker prove every item id and code it mentions
exists, and lets the engine trace exactly which answers made it true.

A predicate is either a test of one answer or a combination of predicates::

    {item: pregnancy, in: [pregnant_or_breastfeeding, could_become_pregnant]}
    {item: age, below: 18}
    {item: duration_months, at_least: 6}
    {item: accepts_preliminary_evidence, is: true}
    {item: current_treatments, keys: [finasteride, dutasteride], at_least: 6}
    {item: tried_before, keys: [prp], answered: true}
    {all: [...]}   {any: [...]}   {not: {...}}

A test of an unanswered item is false (``answered: false`` is the way to ask for absence), so
a rule never fires on a guess.
"""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import Discriminator, Field, Tag, model_validator

from follicle.knowledge.base import Id, Strict


class AnswerTest(Strict):
    """A test of one answer.

    Exactly one comparison is given: ``in`` (the answer, or any code of a multi answer, is one
    of these codes), ``at_least`` / ``below`` (numbers, half-open so no boundary is counted
    twice), ``is`` (booleans) or ``answered``. For answers that map treatment ids to values
    (``current_treatments``, ``tried_before``), ``keys`` narrows the test to those treatments
    and it holds when any of them passes.
    """

    item: Id
    in_: tuple[Id, ...] | None = Field(default=None, alias="in", min_length=1)
    at_least: int | None = None
    below: int | None = None
    is_: bool | None = Field(default=None, alias="is")
    answered: bool | None = None
    keys: tuple[Id, ...] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_comparison(self) -> Self:
        given = [
            name
            for name, value in (
                ("in", self.in_),
                ("at_least", self.at_least),
                ("below", self.below),
                ("is", self.is_),
                ("answered", self.answered),
            )
            if value is not None
        ]
        numeric_range = set(given) == {"at_least", "below"}
        if len(given) != 1 and not numeric_range:
            raise ValueError(
                "give exactly one of in, at_least, below, is, answered "
                f"(at_least with below is allowed); got {given or 'none'}"
            )
        if (
            numeric_range
            and self.below is not None
            and self.at_least is not None
            and self.below <= self.at_least
        ):
            raise ValueError("below must be greater than at_least")
        return self

    def items(self) -> tuple[str, ...]:
        return (self.item,)


class AllOf(Strict):
    """Holds when every part holds."""

    all: tuple[Predicate, ...] = Field(min_length=1)

    def items(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for p in self.all for i in p.items()))


class AnyOf(Strict):
    """Holds when at least one part holds."""

    any: tuple[Predicate, ...] = Field(min_length=1)

    def items(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for p in self.any for i in p.items()))


class NotOf(Strict):
    """Holds when its part does not."""

    not_: Predicate = Field(alias="not")

    def items(self) -> tuple[str, ...]:
        return self.not_.items()


def _kind(value: Any) -> str | None:
    """Pick the node type from the one key that tells them apart (no guessing between shapes)."""
    if isinstance(value, dict):
        for key in ("all", "any", "not", "item"):
            if key in value:
                return key
        return None
    tags: dict[type, str] = {AllOf: "all", AnyOf: "any", NotOf: "not", AnswerTest: "item"}
    return tags.get(type(value))


Predicate = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[AnswerTest, Tag("item")],
    Discriminator(
        _kind,
        custom_error_type="predicate_shape",
        custom_error_message="a predicate needs one of the keys all, any, not or item",
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()


def walk_tests(predicate: Predicate) -> list[AnswerTest]:
    """Every answer test inside a predicate, in order (for the checker)."""
    if isinstance(predicate, AnswerTest):
        return [predicate]
    if isinstance(predicate, AllOf):
        return [t for p in predicate.all for t in walk_tests(p)]
    if isinstance(predicate, AnyOf):
        return [t for p in predicate.any for t in walk_tests(p)]
    return walk_tests(predicate.not_)
