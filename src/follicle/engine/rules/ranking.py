"""Ranking: one order over every option, best first, with no ties.

The order is: status (recommended, consider, not now, avoid), then tier (first line before
second line, adjuncts, in-office and experimental), then certainty of evidence, then regulatory
standing, then the lowest first-year cost (unknown last), then the contract's order of
treatments. The keys after tier depend only on the data (:mod:`follicle.engine.standing`). The
last key is unique, so ranks are 1..n without ties and never depend on chance.

Finally, a treatment that the data says ``ranks_after`` another (exosomes after PRP) is moved
to just below it if the keys put it higher: PRP is the more conservative in-office option and
comes first even when a person has tried it.
"""

from __future__ import annotations

from follicle.engine.result import Option
from follicle.engine.rules.options import Draft
from follicle.engine.standing import Standing
from follicle.engine.trace import Trace
from follicle.knowledge.contract import STATUSES, TIERS

STATUS_ORDER = {name: n for n, name in enumerate(STATUSES)}
TIER_ORDER = {name: n for n, name in enumerate(TIERS)}


def _respect_precedence(
    ranked: list[Draft], ranks_after: dict[str, tuple[str, ...]], trace: Trace
) -> None:
    """Move each follower to just below its leader; repeat until nothing moves (the checker
    guarantees ``ranks_after`` has no loop, so this ends)."""
    while True:
        position = {d.id: n for n, d in enumerate(ranked)}  # every treatment is ranked
        out_of_place = next(
            (
                (follower, leader)
                for follower, leaders in ranks_after.items()
                for leader in leaders
                if position[follower] < position[leader]
            ),
            None,
        )
        if out_of_place is None:
            return
        follower, leader = out_of_place
        item = ranked.pop(position[follower])
        ranked.insert(position[leader], item)  # the leader moved up by one
        trace.fire(f"rank.{follower}.after.{leader}")


def rank_options(
    options: list[Draft],
    ranks_after: dict[str, tuple[str, ...]],
    trace: Trace,
) -> tuple[Option, ...]:
    def key(draft: Draft) -> tuple[int, int, Standing]:
        assert draft.status is not None
        return STATUS_ORDER[draft.status], TIER_ORDER[draft.tier], draft.compiled.standing

    ranked = sorted(options, key=key)
    trace.fire("rank")
    _respect_precedence(ranked, ranks_after, trace)
    return tuple(draft.option(n) for n, draft in enumerate(ranked, start=1))
