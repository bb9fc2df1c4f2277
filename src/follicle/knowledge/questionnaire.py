"""Schema of the questionnaire: items, codes, help and skip logic, in the order asked.

Item ids and codes are the contract's (``follicle.knowledge.contract``); the checker proves the
data carries every one of them. Skip logic (``enable_when``) uses the same predicate language as
the rules, evaluated over the answers given so far.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from follicle.knowledge.base import Id, Strict, Text
from follicle.knowledge.contract import ItemType
from follicle.knowledge.predicates import Predicate


class Option(Strict):
    """One code of a choice or multi item, with the words a person sees."""

    code: Id
    label: Text
    help: Text | None = None
    enable_when: Predicate | None = None
    #: The skip logic in words, for pages shown without JavaScript ("women only").
    applies_when: Text | None = None
    exclusive: bool = False

    @model_validator(mode="after")
    def _explained(self) -> Self:
        if self.enable_when is not None and self.applies_when is None:
            raise ValueError(
                "an option with enable_when needs applies_when (the condition in words)"
            )
        return self


class Limit(Strict):
    """A narrower range for a number when ``when`` holds (for example Ludwig 1 to 3 for women)."""

    when: Predicate
    minimum: int
    maximum: int
    message: Text


class Item(Strict):
    id: Id
    type: ItemType
    label: Text
    help: Text | None = None
    required: bool = True
    enable_when: Predicate | None = None
    #: The skip logic in words, for pages shown without JavaScript.
    applies_when: Text | None = None
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    limits: tuple[Limit, ...] = ()
    unit: Text | None = None
    error_message: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.enable_when is not None and self.applies_when is None:
            raise ValueError("an item with enable_when needs applies_when (the condition in words)")
        coded = self.type in ("choice", "multi", "outcome_by_treatment")
        numeric = self.type in ("integer", "months_by_treatment")
        if coded and not self.options:
            raise ValueError(f"a {self.type} item needs options")
        if not coded and self.options:
            raise ValueError(f"a {self.type} item takes no options")
        if numeric and (self.minimum is None or self.maximum is None):
            raise ValueError(f"a {self.type} item needs minimum and maximum")
        if not numeric and (self.minimum is not None or self.maximum is not None):
            raise ValueError(f"a {self.type} item takes no minimum or maximum")
        codes = [o.code for o in self.options]
        if len(codes) != len(set(codes)):
            raise ValueError("option codes repeat")
        if any(o.exclusive for o in self.options) and self.type != "multi":
            raise ValueError("only a multi item can have an exclusive option")
        return self

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)


class Step(Strict):
    """A page of the form: a few questions that belong together."""

    id: Id
    title: Text
    items: tuple[Item, ...] = Field(min_length=1)


class Questionnaire(Strict):
    id: Id
    title: Text
    steps: tuple[Step, ...] = Field(min_length=1)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for step in self.steps for item in step.items)
