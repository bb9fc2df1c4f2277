"""Validated answers as a typed, immutable value.

Only :mod:`follicle.engine.validation` builds :class:`Answers`; the rules can therefore trust
every value: multi answers are frozensets of known codes, numbers are in range, hidden items are
absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

AnswerValue = int | bool | str | frozenset[str] | Mapping[str, int] | Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Answers:
    """The answers of one assessment, keyed by contract item id."""

    values: Mapping[str, AnswerValue]

    @classmethod
    def of(cls, values: Mapping[str, AnswerValue]) -> Answers:
        return cls(MappingProxyType(dict(values)))

    def __contains__(self, item: str) -> bool:
        return item in self.values

    def get(self, item: str) -> AnswerValue | None:
        return self.values.get(item)

    def codes(self, item: str) -> frozenset[str]:
        """The codes of a multi answer (empty when unanswered)."""
        value = self.values.get(item)
        return value if isinstance(value, frozenset) else frozenset()

    def choice(self, item: str) -> str | None:
        value = self.values.get(item)
        return value if isinstance(value, str) else None

    def number(self, item: str) -> int | None:
        value = self.values.get(item)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def flag(self, item: str) -> bool:
        return self.values.get(item) is True

    def months(self) -> Mapping[str, int]:
        """``current_treatments``: treatment id -> months of continuous use."""
        value = self.values.get("current_treatments")
        return value if isinstance(value, dict) else {}

    def tried(self) -> Mapping[str, str]:
        """``tried_before``: treatment id -> outcome."""
        value = self.values.get("tried_before")
        return value if isinstance(value, dict) else {}

    def to_json(self) -> dict[str, object]:
        """The answers as JSON-ready data (multi codes sorted for a stable form)."""
        out: dict[str, object] = {}
        for key, value in self.values.items():
            if isinstance(value, frozenset):
                out[key] = sorted(value)
            elif isinstance(value, Mapping):
                out[key] = dict(sorted(value.items()))
            else:
                out[key] = value
        return out
