"""Validate raw answers against the questionnaire in the knowledge data.

Every problem is reported at once, each tied to the field it concerns and worded for the person
who answered (the web form shows the same messages next to its fields). Invalid answers never
reach the rules: :func:`validate` returns either :class:`Answers` or the list of problems.

Skip logic is applied in questionnaire order over the answers already accepted, so a hidden
question that was answered anyway is reported, and a question whose visibility depends on an
invalid answer is not judged at all (one mistake does not cascade into several).
:func:`validate_value` judges one answer on its own (its type, its codes, the widest range its
question allows), for a form that must not keep a value before the rest is answered.

What a message repeats of the input (an unknown code, key or question id) is cut to
``SHOWN_CHARACTERS``, so a hostile value of megabytes never comes back at full length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from follicle.engine.answers import Answers, AnswerValue
from follicle.engine.compiled import CompiledItem, compiled
from follicle.knowledge import contract
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Item


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with the answers: the field (item id, or ``item.key``) and what to do."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidAnswers(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(map(str, errors)))


#: The most characters of a person's input a message repeats.
SHOWN_CHARACTERS = 40


def shown(text: str) -> str:
    """``text`` as a message may repeat it: at most ``SHOWN_CHARACTERS``, marked when cut, and
    anything that cannot be written as UTF-8 (a lone surrogate from JSON's ``\\ud800``) as "?"."""
    cut = text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
    return cut.encode("utf-8", "replace").decode("utf-8")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _quote(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(codes)


def _missing_message(item: Item) -> str:
    """What to do, naming the question, so that two messages in one list never read the same."""
    asked = f"“{item.label}”"
    if item.type == "choice":
        return f"Select one answer to {asked}"
    if item.type == "multi":
        if contract.NONE in item.codes:
            return f"Select at least one answer to {asked}, or select “None of these”."
        return f"Select at least one answer to {asked}"
    if item.type == "boolean":
        return f"Answer yes or no to {asked}"
    if item.type == "integer":
        return item.error_message or f"Enter a whole number for {asked}"
    return "List the treatments, or send an empty object {} if there are none."


def _range_message(item: Item) -> str:
    """Worded only when an answer is out of range (not for every valid number)."""
    return item.error_message or f"Enter a whole number from {item.minimum} to {item.maximum}."


class _Parser:
    """Turns one raw value into a typed answer, or records what is wrong with it in ``errors``
    (the one list ``validate`` returns)."""

    def __init__(
        self, treatment_names: dict[str, str], accepted: Answers | None, errors: list[FieldError]
    ) -> None:
        """``accepted``: the earlier answers, or ``None`` to judge a value on its own (every
        option counts as offered, and a number may take the widest range of its question)."""
        self.treatment_names = treatment_names
        self.accepted = accepted
        self.errors = errors

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def integer(self, compiled_item: CompiledItem, raw: object) -> AnswerValue | None:
        item = compiled_item.item
        if not _is_int(raw):
            self.fail(item.id, _range_message(item))
            return None
        assert isinstance(raw, int)
        if self.accepted is None:
            low, high, message = _widest_range(compiled_item)
        else:
            low, high, message = compiled_item.range_for(self.accepted)
        if not low <= raw <= high:
            self.fail(item.id, message or _range_message(item))
            return None
        return raw

    def code(self, compiled_item: CompiledItem, raw: object, field: str) -> str | None:
        item = compiled_item.item
        if not isinstance(raw, str) or raw not in compiled_item.codes:
            what = shown(raw) if isinstance(raw, str) else type(raw).__name__
            self.fail(
                field, f"“{what}” is not one of the answers. Choose from: {_quote(item.codes)}."
            )
            return None
        if self.accepted is not None and not compiled_item.shows(raw, self.accepted):
            self.fail(field, f"“{raw}” does not apply given your earlier answers; leave it out.")
            return None
        return raw

    def multi(self, compiled_item: CompiledItem, raw: object) -> AnswerValue | None:
        item = compiled_item.item
        if not isinstance(raw, list):
            self.fail(item.id, "Give a list of answers (select all that apply).")
            return None
        if not raw:
            self.fail(item.id, _missing_message(item))
            return None
        chosen_set = frozenset(v for v in raw if type(v) is str)
        if (  # the common case: known, unrestricted, distinct codes
            len(chosen_set) == len(raw)
            and chosen_set <= compiled_item.codes
            and chosen_set.isdisjoint(compiled_item.option_visible)
            and (len(chosen_set) == 1 or chosen_set.isdisjoint(compiled_item.exclusive))
        ):
            return chosen_set
        before = len(self.errors)
        codes = [self.code(compiled_item, value, item.id) for value in raw]
        if len(self.errors) > before:
            return None
        chosen = [c for c in codes if c is not None]
        if len(set(chosen)) != len(chosen):
            self.fail(item.id, "Each answer can be selected only once.")
            return None
        if len(chosen) > 1 and compiled_item.exclusive & set(chosen):
            self.fail(item.id, "“None of these” cannot be combined with other answers.")
            return None
        return frozenset(chosen)

    def per_treatment(self, compiled_item: CompiledItem, raw: object) -> AnswerValue | None:
        item = compiled_item.item
        if not isinstance(raw, dict):
            self.fail(item.id, "Give an object mapping treatment ids to answers ({} when none).")
            return None
        out: dict[str, Any] = {}
        ok = True
        for key in sorted(raw, key=str):
            value = raw[key]
            field = f"{item.id}.{shown(str(key))}"
            if key not in self.treatment_names:
                known = _quote(tuple(self.treatment_names))
                self.fail(
                    field, f"“{shown(str(key))}” is not a treatment we know. Use one of: {known}."
                )
                ok = False
                continue
            if item.type == "months_by_treatment":
                assert item.minimum is not None and item.maximum is not None
                if not _is_int(value) or not item.minimum <= value <= item.maximum:
                    self.fail(
                        field,
                        f"{self.treatment_names[key]}: "
                        + (item.error_message or "enter months as a whole number."),
                    )
                    ok = False
                    continue
                out[key] = value
            else:
                parsed = self.code(compiled_item, value, field)
                if parsed is None:
                    ok = False
                    continue
                out[key] = parsed
        return dict(sorted(out.items())) if ok else None

    def parse(self, compiled_item: CompiledItem, raw: object) -> AnswerValue | None:
        item = compiled_item.item
        if item.type == "integer":
            return self.integer(compiled_item, raw)
        if item.type == "boolean":
            if not isinstance(raw, bool):
                self.fail(item.id, "Answer yes (true) or no (false).")
                return None
            return raw
        if item.type == "choice":
            return self.code(compiled_item, raw, item.id)
        if item.type == "multi":
            return self.multi(compiled_item, raw)
        return self.per_treatment(compiled_item, raw)


def validate(raw: object, knowledge: Knowledge) -> Answers | list[FieldError]:
    """Typed answers if ``raw`` is a complete, valid answers object; otherwise every problem."""
    checked = _check(raw, knowledge, None)
    if isinstance(checked, list):
        return checked
    return checked.answers


@dataclass(frozen=True, slots=True)
class PartialAnswers:
    """The answers to the questions asked so far, typed, and which questions are settled.

    A settled question's answer can no longer change the result: it was answered, left blank
    (optional), or is hidden by settled answers. A question not asked yet, or whose skip logic
    reads one that is not settled, is unknown: the rules must not read it as "no"."""

    answers: Answers
    settled: frozenset[str]


def validate_partial(
    raw: object, asked: frozenset[str], knowledge: Knowledge
) -> PartialAnswers | list[FieldError]:
    """Like :func:`validate`, over the questions in ``asked`` only (those the person has been
    through, answered or not). Answers to questions not in ``asked`` are ignored, and a
    required question not in ``asked`` is not missing."""
    return _check(raw, knowledge, asked)


def _check(
    raw: object, knowledge: Knowledge, asked: frozenset[str] | None
) -> PartialAnswers | list[FieldError]:
    if not isinstance(raw, Mapping):
        return [
            FieldError(
                "answers", "Send the answers as one JSON object of question ids and answers."
            )
        ]
    engine_data = compiled(knowledge)
    known = engine_data.item_ids
    errors = [
        FieldError(shown(str(key)), "This is not a question in the assessment; remove it.")
        for key in raw
        if key not in known
    ]
    accepted: dict[str, AnswerValue] = {}
    current = Answers(MappingProxyType(accepted))  # a live view: grows as answers are accepted
    undecidable: set[str] = set()
    settled: set[str] = set()
    parser = _Parser(engine_data.treatment_names, current, errors)
    for compiled_item in engine_data.items:
        item = compiled_item.item
        if asked is not None and item.id not in asked:
            undecidable.add(item.id)  # not asked yet: unknown, and so is what depends on it
            continue
        present = raw.get(item.id) is not None
        if undecidable and any(d in undecidable for d in compiled_item.depends_on):
            undecidable.add(item.id)
            continue
        visible = compiled_item.visible is None or compiled_item.visible(current)
        if not visible:
            if present:
                errors.append(
                    FieldError(
                        item.id,
                        "This question does not apply given your earlier answers; leave it out.",
                    )
                )
            settled.add(item.id)
            continue
        if not present:
            if item.required:
                errors.append(FieldError(item.id, _missing_message(item)))
                undecidable.add(item.id)
            else:
                settled.add(item.id)
            continue
        before = len(errors)
        value = parser.parse(compiled_item, raw[item.id])
        if len(errors) > before:
            undecidable.add(item.id)
        elif value is not None:
            accepted[item.id] = value
            settled.add(item.id)
    if errors:
        return errors
    return PartialAnswers(Answers.of(accepted), frozenset(settled))


def _widest_range(compiled_item: CompiledItem) -> tuple[int, int, str | None]:
    """The lowest and highest numbers the question allows under any earlier answers."""
    item = compiled_item.item
    assert item.minimum is not None and item.maximum is not None
    lows = [item.minimum, *(limit.minimum for limit, _ in compiled_item.limits)]
    highs = [item.maximum, *(limit.maximum for limit, _ in compiled_item.limits)]
    return min(lows), max(highs), None


def validate_value(field: str, raw: object, knowledge: Knowledge) -> list[FieldError]:
    """What is wrong with ``raw`` as the answer to question ``field``, judged on its own.

    The checks :func:`validate` makes of the value itself (its type, known codes and
    treatments, no repeats, "None of these" alone, a number within the widest range the
    question allows), without the earlier answers: skip logic, a range narrowed by another
    answer and a missing answer (``None`` included) are :func:`validate`'s to judge. So a value refused here is
    refused by :func:`validate` in any answers, and none that :func:`validate` accepts is
    refused here.
    """
    engine_data = compiled(knowledge)
    compiled_item = next((i for i in engine_data.items if i.item.id == field), None)
    if compiled_item is None:
        return [FieldError(shown(field), "This is not a question in the assessment; remove it.")]
    errors: list[FieldError] = []
    if raw is not None:  # None is no answer, as in validate
        _Parser(engine_data.treatment_names, None, errors).parse(compiled_item, raw)
    return errors


def validated(raw: object, knowledge: Knowledge) -> Answers:
    """Like :func:`validate`, raising :class:`InvalidAnswers` instead of returning problems."""
    result = validate(raw, knowledge)
    if isinstance(result, Answers):
        return result
    raise InvalidAnswers(result)
