"""Schema of ``topics.yaml``: sourced facts about subjects that are not Follicle treatments.

Articles may not type a number into their prose; every number comes from the data through a
placeholder. Some articles are about things Follicle does not rank (medicines for alopecia
areata, a medicine still in trials, the scarring alopecias), so their facts live here, with
their sources, and articles pull them as ``[[fact:TOPIC.FACT]]`` like a treatment's facts.
"""

from __future__ import annotations

from pydantic import Field

from follicle.knowledge.base import Id, Strict, Text
from follicle.knowledge.treatments import NamedFact


class Topic(Strict):
    id: Id
    name: Text
    facts: tuple[NamedFact, ...] = Field(min_length=1)
