"""The loaded knowledge: every kind of entry, indexed by id, plus the version hash."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from follicle.knowledge.about import About
from follicle.knowledge.articles import Article
from follicle.knowledge.clinic import ClinicQuestions
from follicle.knowledge.conditions import Check, HairCondition
from follicle.knowledge.glossary import GlossaryTerm
from follicle.knowledge.questionnaire import Item, Questionnaire
from follicle.knowledge.references import Reference
from follicle.knowledge.topics import Topic
from follicle.knowledge.treatments import Treatment
from follicle.knowledge.triage import ContributingFactor, RedFlag

Entry = (
    Reference
    | Treatment
    | HairCondition
    | Check
    | RedFlag
    | ContributingFactor
    | Item
    | Article
    | Topic
)


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the engine and the pages read. Built once by the loader and shared.

    Mappings keep the order of the data files (treatments in the contract's order), so every
    listing built from them is deterministic.
    """

    version: str
    references: Mapping[str, Reference]
    treatments: Mapping[str, Treatment]
    conditions: Mapping[str, HairCondition]
    checks: Mapping[str, Check]
    red_flags: Mapping[str, RedFlag]
    contributing_factors: Mapping[str, ContributingFactor]
    questionnaire: Questionnaire
    about: About
    articles: Mapping[str, Article]
    #: What to ask a clinic offering exosomes or PRP, and how to report a problem.
    clinic_questions: ClinicQuestions
    #: Sourced facts about subjects Follicle does not rank, for articles.
    topics: Mapping[str, Topic]
    #: Plain explanations of the words pages cannot avoid (off-label, placebo, IND ...).
    glossary: Mapping[str, GlossaryTerm]

    @property
    def items(self) -> Mapping[str, Item]:
        return {item.id: item for item in self.questionnaire.items}

    def kinds(self) -> dict[str, Mapping[str, Entry]]:
        """Each kind of entry by the name used in exports and ``kb show``."""
        return {
            "references": self.references,
            "treatments": self.treatments,
            "conditions": self.conditions,
            "checks": self.checks,
            "red_flags": self.red_flags,
            "contributing_factors": self.contributing_factors,
            "questionnaire_items": self.items,
            "articles": self.articles,
            "topics": self.topics,
        }

    def find(self, entry_id: str) -> list[tuple[str, Entry]]:
        """Every entry with this id, with its kind, in the order of :meth:`kinds`.

        Ids are unique across kinds (the checker says so), except that an article's slug may be
        the id of the treatment or condition it is about; ``KIND/ID`` (``articles/finasteride``)
        names one kind only.
        """
        kind, _, bare = entry_id.rpartition("/")
        return [
            (name, entries[bare])
            for name, entries in self.kinds().items()
            if bare in entries and kind in ("", name)
        ]
