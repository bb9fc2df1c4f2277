"""The trace: every rule that fired, in order, with the answer items it read."""

from __future__ import annotations

from follicle.engine.result import RuleFired


class Trace:
    """Collects fired rules. Rule ids are dotted paths such as ``red_flag.scarring_signs`` or
    ``option.finasteride.contraindication.pregnancy``; reasons in the result carry the same ids.
    """

    __slots__ = ("fired",)

    def __init__(self) -> None:
        self.fired: list[RuleFired] = []

    def fire(self, rule: str, reads: tuple[str, ...] | list[str] = ()) -> str:
        self.fired.append(RuleFired(rule=rule, reads=tuple(reads)))
        return rule

    def ids(self) -> tuple[str, ...]:
        return tuple(f.rule for f in self.fired)
