"""Cross-file checks: ids are unique, every reference resolves, every coded rule names real
questionnaire items and codes, and the data holds everything the contract requires.

These run after each file has been validated on its own; together with the per-entry schema
errors they make up the single report ``follicle kb check`` prints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from pydantic import BaseModel

from follicle.knowledge import contract
from follicle.knowledge.about import About
from follicle.knowledge.articles import Article, prose_digits, resolve
from follicle.knowledge.authorship import Authorship, authorship_problems
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.clinic import ClinicQuestions
from follicle.knowledge.conditions import Check, HairCondition
from follicle.knowledge.glossary import GlossaryTerm, meaning_problems
from follicle.knowledge.predicates import AnswerTest
from follicle.knowledge.problems import Problem
from follicle.knowledge.questionnaire import Item, Questionnaire
from follicle.knowledge.references import Reference
from follicle.knowledge.statements import cited, statements, walk
from follicle.knowledge.topics import Topic
from follicle.knowledge.treatments import (
    CostRange,
    GuidelineStatement,
    QualitativeCost,
    RegulatoryAction,
    Treatment,
)
from follicle.knowledge.triage import ContributingFactor, RedFlag


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, field: str, message: str) -> None:
        self.problems.append(Problem(file, field, message))

    def known(
        self, file: str, field: str, ids: Sequence[str], known: Set[str], unknown: str
    ) -> None:
        """Each id in ``ids`` is one of ``known``; ``unknown`` words a miss (``{id!r}`` in it)."""
        for index, target in enumerate(ids):
            if target not in known:
                self.add(file, f"{field}[{index}]", unknown.format(id=target))

    def unique(self, file: str, ids: Sequence[str], what: str) -> None:
        for entry_id, count in Counter(ids).items():
            if count > 1:
                self.add(file, entry_id, f"{what} id {entry_id!r} is used {count} times")

    def citations(self, file: str, root: str, model: BaseModel, references: set[str]) -> None:
        for path, value in walk(model, root):
            if path.endswith("citations") and isinstance(value, tuple):
                for index, ref in enumerate(value):
                    if ref not in references:
                        self.add(file, f"{path}[{index}]", f"unknown reference {ref!r}")
            if isinstance(value, GuidelineStatement) and value.source not in references:
                self.add(file, f"{path}.source", f"unknown reference {value.source!r}")

    def predicates(
        self,
        file: str,
        root: str,
        model: BaseModel,
        items: dict[str, Item],
        treatment_ids: set[str],
    ) -> None:
        for path, value in walk(model, root):
            if isinstance(value, AnswerTest):
                for message in test_problems(value, items, treatment_ids):
                    self.add(file, path, message)


def test_problems(test: AnswerTest, items: dict[str, Item], treatment_ids: set[str]) -> list[str]:
    """What is wrong with one answer test, given the questionnaire (empty when it is sound)."""
    item = items.get(test.item)
    if item is None:
        return [f"unknown questionnaire item {test.item!r}"]
    problems: list[str] = []
    if test.in_ is not None:
        if item.type not in ("choice", "multi", "outcome_by_treatment"):
            problems.append(f"'in' needs a coded item; {item.id!r} is {item.type}")
        else:
            problems.extend(
                f"unknown code {code!r} for {item.id!r} (known: {', '.join(item.codes)})"
                for code in test.in_
                if code not in item.codes
            )
    if (test.at_least is not None or test.below is not None) and item.type not in (
        "integer",
        "months_by_treatment",
    ):
        problems.append(f"'at_least'/'below' need a number item; {item.id!r} is {item.type}")
    if test.is_ is not None and item.type != "boolean":
        problems.append(f"'is' needs a yes/no item; {item.id!r} is {item.type}")
    if test.keys is not None:
        if item.type not in ("months_by_treatment", "outcome_by_treatment"):
            problems.append(f"'keys' needs a per-treatment item; {item.id!r} is {item.type}")
        problems.extend(
            f"unknown treatment {key!r} in keys" for key in test.keys if key not in treatment_ids
        )
    return problems


def _questionnaire_against_contract(q: Questionnaire, checker: _Checker) -> None:
    file = "questionnaire.yaml"
    items = q.items
    checker.unique(file, [i.id for i in items], "item")
    by_id = {i.id: i for i in items}
    for expected in contract.ITEMS:
        item = by_id.get(expected.id)
        if item is None:
            checker.add(
                file, expected.id, "the contract requires this item but the questionnaire lacks it"
            )
            continue
        if item.type != expected.type:
            checker.add(
                file,
                f"{item.id}.type",
                f"the contract says {expected.type}, the data says {item.type}",
            )
        missing = [code for code in expected.codes if code not in item.codes]
        if missing:
            checker.add(file, f"{item.id}.options", f"missing contract codes: {', '.join(missing)}")
        if (item.minimum, item.maximum) != (expected.minimum, expected.maximum):
            checker.add(
                file,
                f"{item.id}.minimum",
                f"range {item.minimum}..{item.maximum} differs from the contract's "
                f"{expected.minimum}..{expected.maximum}",
            )
        if (
            contract.NONE in item.codes
            and not next(o for o in item.options if o.code == contract.NONE).exclusive
        ):
            checker.add(file, f"{item.id}.options", "the 'none' option must be exclusive")
    # Skip logic may only look back: an item is shown or hidden by answers already given.
    asked: set[str] = set()
    for item in items:
        conditions = [("enable_when", item.enable_when)] + [
            (f"options.{o.code}.enable_when", o.enable_when) for o in item.options
        ]
        for field, predicate in conditions:
            if predicate is None:
                continue
            later = [name for name in predicate.items() if name not in asked]
            if later:
                checker.add(
                    file, f"{item.id}.{field}", f"skip logic reads items not yet asked: {later}"
                )
        asked.add(item.id)


@dataclass(frozen=True, slots=True)
class Parsed:
    """Every entry that passed its own schema, ready for the cross-file checks."""

    references: list[Reference]
    treatments: list[Treatment]
    conditions: list[HairCondition]
    checks: list[Check]
    red_flags: list[RedFlag]
    factors: list[ContributingFactor]
    questionnaire: Questionnaire | None
    articles: list[Article] = dataclass_field(default_factory=list)
    topics: list[Topic] = dataclass_field(default_factory=list)
    clinic_questions: ClinicQuestions | None = None
    glossary: list[GlossaryTerm] = dataclass_field(default_factory=list)
    about: About | None = None

    @classmethod
    def of(cls, knowledge: Knowledge) -> Parsed:
        """The entries of loaded knowledge, for code that reads them the checker's way."""
        return cls(
            references=list(knowledge.references.values()),
            treatments=list(knowledge.treatments.values()),
            conditions=list(knowledge.conditions.values()),
            checks=list(knowledge.checks.values()),
            red_flags=list(knowledge.red_flags.values()),
            factors=list(knowledge.contributing_factors.values()),
            questionnaire=knowledge.questionnaire,
            articles=list(knowledge.articles.values()),
            topics=list(knowledge.topics.values()),
            clinic_questions=knowledge.clinic_questions,
            glossary=list(knowledge.glossary.values()),
            about=knowledge.about,
        )

    @property
    def items(self) -> dict[str, Item]:
        return {i.id: i for i in self.questionnaire.items} if self.questionnaire else {}

    def models(self) -> list[tuple[str, str, BaseModel]]:
        """(file, path prefix, model) for every entry that can cite or hold rules."""
        out: list[tuple[str, str, BaseModel]] = [
            *((f"treatments/{t.id}.yaml", "", t) for t in self.treatments),
            *(("conditions.yaml", c.id, c) for c in self.conditions),
            *(("checks.yaml", c.id, c) for c in self.checks),
            *(("red_flags.yaml", f.id, f) for f in self.red_flags),
            *(("contributing_factors.yaml", f.id, f) for f in self.factors),
            *(("topics.yaml", t.id, t) for t in self.topics),
            *(("glossary.yaml", g.id, g) for g in self.glossary),
        ]
        if self.clinic_questions is not None:
            out.append(("clinic_questions.yaml", "", self.clinic_questions))
        if self.questionnaire is not None:
            out.append(("questionnaire.yaml", "", self.questionnaire))
        return out


def _unique_ids(parsed: Parsed, checker: _Checker) -> None:
    kinds: list[tuple[str, str, list[str]]] = [
        ("references/", "reference", [r.id for r in parsed.references]),
        ("treatments/", "treatment", [t.id for t in parsed.treatments]),
        ("conditions.yaml", "condition", [c.id for c in parsed.conditions]),
        ("checks.yaml", "check", [c.id for c in parsed.checks]),
        ("red_flags.yaml", "red flag", [f.id for f in parsed.red_flags]),
        ("contributing_factors.yaml", "contributing factor", [f.id for f in parsed.factors]),
        ("topics.yaml", "topic", [t.id for t in parsed.topics]),
    ]
    for file, what, ids in kinds:
        checker.unique(file, ids, what)
    # Ids are unique across these kinds too, so `follicle kb show ID` is never ambiguous between
    # them (an article may share its subject's id; `kb show articles/ID` reaches it).
    every = Counter(i for _, _, ids in kinds for i in set(ids))
    every.update(set(parsed.items))
    for entry_id, count in every.items():
        if count > 1:
            checker.add("(all files)", entry_id, f"id {entry_id!r} names {count} different entries")


def _one_reference_per_paper(parsed: Parsed, checker: _Checker) -> None:
    """Two references with the same DOI, PMID or PMC id are one paper recorded twice: their
    notes drift apart (one read, one recalled) and a page cites the same work as two. Keep one
    and point every citation at it."""
    for name in ("doi", "pmid", "pmcid"):
        holders: dict[str, list[str]] = {}
        for ref in parsed.references:
            value = getattr(ref, name)
            if value:
                holders.setdefault(value.lower(), []).append(ref.id)
        for value, ids in holders.items():
            for ref_id in ids if len(ids) > 1 else ():
                others = ", ".join(repr(i) for i in ids if i != ref_id)
                checker.add(
                    "references/",
                    ref_id,
                    f"the same {name} ({value}) as {others}: one paper is one reference; "
                    "keep one and point its citations there",
                )


def _metadata_complete(parsed: Parsed, checker: _Checker) -> None:
    """Reference metadata is complete, or the reference says why not.

    A journal article (a study, systematic review, review, or a guideline printed in a journal)
    gives its volume and pages or an electronic article number, and a PMID or DOI; a label or
    regulator document gives its own date and a web address or document number (authors, year,
    title and venue are required of every reference by the schema). The only exception is
    explicit: a ``metadata_exception`` saying what could not be found and why. An exception on
    a reference that lacks nothing is stale and is refused too, so exceptions cannot pile up
    unseen."""
    for ref in parsed.references:
        missing = ref.missing_metadata
        if missing and ref.metadata_exception is None:
            checker.add(
                "references/",
                ref.id,
                "incomplete metadata: lacks "
                + "; ".join(missing)
                + ". Add it from the source's own page, replace the reference, or state why it "
                "cannot be found in metadata_exception",
            )
        elif not missing and ref.metadata_exception is not None:
            checker.add(
                "references/",
                ref.id,
                "metadata_exception on a reference whose metadata is complete: remove it",
            )


def _contract_coverage(parsed: Parsed, checker: _Checker) -> None:
    present = {
        "treatments/": ({t.id for t in parsed.treatments}, contract.TREATMENT_IDS, "treatment"),
        "conditions.yaml": ({c.id for c in parsed.conditions}, contract.CONDITION_IDS, "condition"),
        "red_flags.yaml": (
            {f.id for f in parsed.red_flags},
            contract.REQUIRED_RED_FLAG_IDS,
            "red flag",
        ),
    }
    for file, (ids, required, what) in present.items():
        for missing in (r for r in required if r not in ids):
            checker.add(file, missing, f"the contract requires this {what} but the data lacks it")


def _exosome_rules(parsed: Parsed, checker: _Checker) -> None:
    """The contract's exosome guarantees lean on two pieces of data; both must be present."""
    exosomes = next((t for t in parsed.treatments if t.id == contract.EXOSOMES), None)
    if exosomes is None:
        return
    if any(p.tier != "experimental" for p in exosomes.placements):
        checker.add(
            "treatments/exosomes.yaml", "placements", "exosomes must be experimental for everyone"
        )
    if contract.PRP not in exosomes.ranks_after:
        checker.add(
            "treatments/exosomes.yaml", "ranks_after", "exosomes must rank after prp (the contract)"
        )


def _no_ranking_cycle(parsed: Parsed, checker: _Checker) -> None:
    """``ranks_after`` must not loop (a after b after a): the ranking relies on it."""
    after = {t.id: set(t.ranks_after) for t in parsed.treatments}
    for start, leaders in after.items():
        seen: set[str] = set()
        frontier = set(leaders)
        while frontier:
            current = frontier.pop()
            if current == start:
                checker.add(f"treatments/{start}.yaml", "ranks_after", "ranks_after makes a loop")
                break
            if current not in seen:
                seen.add(current)
                frontier |= after.get(current, set())


def _links(parsed: Parsed, checker: _Checker) -> None:
    """Ids that point at other entries (conditions treated, checks suggested) must exist."""
    condition_ids = {c.id for c in parsed.conditions}
    check_ids = {c.id for c in parsed.checks}
    treatment_ids = {t.id for t in parsed.treatments}
    for t in parsed.treatments:
        for field_name, targets in (("ranks_after", t.ranks_after), ("follows", t.follows)):
            for index, target in enumerate(targets):
                if target == t.id:
                    message = "a treatment cannot name itself here"
                elif target not in treatment_ids:
                    message = f"unknown treatment {target!r}"
                else:
                    continue
                checker.add(f"treatments/{t.id}.yaml", f"{field_name}[{index}]", message)
        checker.known(
            f"treatments/{t.id}.yaml",
            "suitability.treats",
            t.suitability.treats,
            condition_ids,
            "unknown condition {id!r}",
        )
    for flag in parsed.red_flags:
        if flag.condition is not None and flag.condition.id not in condition_ids:
            checker.add(
                "red_flags.yaml",
                f"{flag.id}.condition.id",
                f"unknown condition {flag.condition.id!r}",
            )
    _no_ranking_cycle(parsed, checker)
    if parsed.clinic_questions is not None:
        checker.unique(
            "clinic_questions.yaml",
            [q.id for q in parsed.clinic_questions.questions],
            "clinic question",
        )
        for q in parsed.clinic_questions.questions:
            checker.known(
                "clinic_questions.yaml",
                f"{q.id}.treatments",
                q.treatments,
                treatment_ids,
                "unknown treatment {id!r}",
            )
    links = [
        *(("conditions.yaml", f"{c.id}.checks", c.checks) for c in parsed.conditions),
        *(
            ("contributing_factors.yaml", f"{f.id}.suggested_checks", f.suggested_checks)
            for f in parsed.factors
        ),
    ]
    for file, field, ids in links:
        checker.known(file, field, ids, check_ids, "unknown check {id!r}")


def _articles(parsed: Parsed, checker: _Checker) -> None:
    """Articles link only to what exists, and take every number from the data."""
    slugs = {a.slug for a in parsed.articles}
    treatments = {t.id: t for t in parsed.treatments}
    subjects: dict[str, BaseModel] = {**{t.id: t for t in parsed.topics}, **treatments}
    references = {r.id for r in parsed.references}
    terms = {g.id for g in parsed.glossary}
    for a in parsed.articles:
        file = f"articles/{a.slug}.md"
        for field_name, ids, known in (
            ("related", a.related, slugs),
            ("treatments", a.treatments, set(treatments)),
            ("key_references", a.key_references, references),
        ):
            checker.known(file, field_name, ids, known, "{id!r} does not exist")
        for kind, target in a.placeholders():
            if kind == "term":
                if target not in terms:
                    checker.add(file, "body", f"[[term:{target}]] is not in glossary.yaml")
                continue
            if resolve(kind, target, subjects, references) is None:
                checker.add(file, "body", f"placeholder [[{kind}:{target}]] points at nothing")
        for number in prose_digits(a.body):
            checker.add(
                file,
                "body",
                f"{number!r} types a number into the prose; take it from the data with a placeholder",
            )
        if "<" in a.body:
            checker.add(file, "body", "raw HTML is not allowed in articles")


def _authorship(parsed: Parsed, checker: _Checker, today: dt.date) -> None:
    """Every treatment and article says who wrote it; a clinical review is a named person's,
    no older than the content's last update, and no date is in the future."""
    publisher = parsed.about.publisher if parsed.about is not None else None
    pages: list[tuple[str, Authorship | None]] = [
        *((f"treatments/{t.id}.yaml", t.authorship) for t in parsed.treatments),
        *((f"articles/{a.slug}.md", a.authorship) for a in parsed.articles),
    ]
    if parsed.about is not None:
        pages.append(("about.yaml", parsed.about.site_pages))
    for file, authorship in pages:
        if authorship is None:
            checker.add(
                file,
                "authorship",
                "say who wrote this page and when it was last updated (written_by, "
                "last_updated; clinical_review only when a named clinician has reviewed it)",
            )
            continue
        for field_name, message in authorship_problems(
            authorship, publisher=publisher, today=today
        ):
            checker.add(file, field_name, message)


def _glossary(parsed: Parsed, checker: _Checker) -> None:
    """Each term once, each meaning a plain definition short enough to read at about nine."""
    checker.unique("glossary.yaml", [g.id for g in parsed.glossary], "glossary term")
    words = Counter(w.lower() for g in parsed.glossary for w in (g.term, *g.forms))
    for word, count in words.items():
        if count > 1:
            checker.add("glossary.yaml", word, f"the word {word!r} is explained {count} times")
    for g in parsed.glossary:
        for message in meaning_problems(g):
            checker.add("glossary.yaml", f"{g.id}.meaning", message)


#: The issue-9 fields (and issue 11's ``supply``) every treatment must carry: the model leaves
#: them optional so small test fixtures stay small, and this rule makes them required in the
#: real data.
EFFECT_FIELDS = ("effects", "on_stopping", "time_to_judge", "duration", "supply")


def _effects_present(parsed: Parsed, checker: _Checker) -> None:
    """Every treatment states its effect against placebo (or that it has no such trial), what
    happens on stopping, when to judge it and how long it is taken."""
    for t in parsed.treatments:
        for name in EFFECT_FIELDS:
            if getattr(t, name) is None:
                checker.add(
                    f"treatments/{t.id}.yaml",
                    name,
                    "every treatment needs this section (say 'not known' or "
                    "'placebo_controlled: false' rather than leaving it out)",
                )


def _verification(parsed: Parsed, checker: _Checker) -> None:
    """A fact cannot be more certain than its sources: one that cites only sources whose
    content was not confirmed must itself be stored as unverified (and so shown as such)."""
    unconfirmed = {r.id for r in parsed.references if not r.content_confirmed}
    for file, path, statement in statements(parsed.models()):
        sources = cited(statement)
        if statement.verified and sources and sources <= unconfirmed:
            checker.add(
                file,
                path,
                "stored as verified, but no source it cites was confirmed "
                f"({', '.join(sorted(sources))}); set verified: false with a note",
            )


_CONTRAINDICATION = re.compile(r"(^|\.)contraindications\[")


def _clinical_sources(parsed: Parsed, checker: _Checker) -> None:
    """News, commercial and forum material may support prices and what clinics or sellers say,
    never a clinical statement on its own: such a statement must also cite a label, regulator,
    study, review, guideline or textbook.

    Two exceptions, each allowed only when the statement is stored as unverified with a note
    saying so, so that pages and results show it as unconfirmed:

    - a regulator's dated action (a letter, a label change) whose own text could not be found may
      rest on news reports alone;
    - a contraindication may rest on lay sources alone (safety first): it can only make Follicle
      more careful, never recommend anything."""
    lay = {r.id for r in parsed.references if r.lay}
    news = {r.id for r in parsed.references if r.kind == "news"}
    for file, path, statement in statements(parsed.models()):
        if statement.reports is not None or isinstance(statement, (CostRange, QualitativeCost)):
            continue
        sources = cited(statement)
        if not sources or not sources <= lay:
            continue
        news_event = isinstance(statement, RegulatoryAction) and sources <= news
        if news_event or _CONTRAINDICATION.search(path):
            if statement.verified or statement.verification_note is None:
                what = (
                    "regulatory event known only from news"
                    if news_event
                    else ("contraindication resting only on news, commercial or forum sources")
                )
                checker.add(
                    file,
                    path,
                    f"a {what} must cite a stronger source, or be stored verified: false with "
                    "a verification_note saying so",
                )
            continue
        checker.add(
            file,
            path,
            "a clinical statement resting only on news, commercial or forum sources "
            f"({', '.join(sorted(sources))}); cite a label, regulator, study, review, "
            "guideline or textbook, or word it as what clinics say and mark it "
            "reports: clinic_claims",
        )


def _every_reference_cited(parsed: Parsed, checker: _Checker) -> None:
    """A reference nothing cites is dead weight in the list and escapes review; cite it where it
    truly supports something, or remove it."""
    cited_ids: set[str] = set()
    for _, root, model in parsed.models():
        for path, value in walk(model, root):
            if path.endswith("citations") and isinstance(value, tuple):
                cited_ids.update(value)
            if isinstance(value, GuidelineStatement):
                cited_ids.add(value.source)
    for article in parsed.articles:
        cited_ids.update(article.cited_references())
    for ref in parsed.references:
        if ref.id not in cited_ids:
            checker.add(
                "references/",
                ref.id,
                "cited nowhere; cite it where it supports something, or remove it",
            )


def check_consistency(parsed: Parsed, *, today: dt.date | None = None) -> list[Problem]:
    """Every cross-file problem in the parsed entries (``today`` for dates in the future)."""
    checker = _Checker()
    _unique_ids(parsed, checker)
    _one_reference_per_paper(parsed, checker)
    _metadata_complete(parsed, checker)
    reference_ids = {r.id for r in parsed.references}
    treatment_ids = {t.id for t in parsed.treatments}
    items = parsed.items
    for file, root, model in parsed.models():
        checker.citations(file, root, model, reference_ids)
        if parsed.questionnaire is not None:
            checker.predicates(file, root, model, items, treatment_ids)
    _contract_coverage(parsed, checker)
    _exosome_rules(parsed, checker)
    _links(parsed, checker)
    _articles(parsed, checker)
    _glossary(parsed, checker)
    _authorship(parsed, checker, today or dt.datetime.now(dt.UTC).date())
    _effects_present(parsed, checker)
    _verification(parsed, checker)
    _clinical_sources(parsed, checker)
    _every_reference_cited(parsed, checker)
    if parsed.questionnaire is not None:
        _questionnaire_against_contract(parsed.questionnaire, checker)
    return checker.problems
