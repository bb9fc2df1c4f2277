"""The trace: every rule that fired, in order, with the answer items it read."""

from __future__ import annotations


class Trace:
    """Collects fired rules. Rule ids are dotted paths such as ``red_flag.scarring_signs`` or
    ``option.finasteride.contraindication.pregnancy_risk``; reasons in the result carry the same
    ids, and :meth:`explanation` maps each id to the answer items the rule read.
    """

    __slots__ = ("ids", "reads")

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.reads: list[tuple[str, ...]] = []

    def fire(self, rule: str, reads: tuple[str, ...] = ()) -> str:
        self.ids.append(rule)
        self.reads.append(reads)
        return rule

    def explanation(self) -> dict[str, tuple[str, ...]]:
        return dict(zip(self.ids, self.reads, strict=True))
