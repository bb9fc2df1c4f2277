"""The trace: every rule that fired, in order, with the answer items it read."""

from __future__ import annotations

from collections.abc import Iterable

Fired = tuple[str, tuple[str, ...]]


class Trace:
    """Collects fired rules. Rule ids are dotted paths such as ``red_flag.scarring_signs`` or
    ``option.finasteride.contraindication.pregnancy_risk``; reasons in the result carry the same
    ids, and :meth:`explanation` maps each id to the answer items the rule read.

    Each firing is kept as one (rule id, items read) pair: an assessment fires about sixty
    rules, so this is one append per rule, and rules worked out once per knowledge version
    can hand over their pairs ready-made (:meth:`extend`).
    """

    __slots__ = ("fired",)

    def __init__(self) -> None:
        self.fired: list[Fired] = []

    def fire(self, rule: str, reads: tuple[str, ...] = ()) -> None:
        self.fired.append((rule, reads))

    def record(self, fired: Fired) -> None:
        """Add a firing worked out ahead (its rule id and reads made once per version)."""
        self.fired.append(fired)

    def extend(self, fired: Iterable[Fired]) -> None:
        self.fired.extend(fired)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple([rule for rule, _ in self.fired])

    def explanation(self) -> dict[str, tuple[str, ...]]:
        return dict(self.fired)
