"""Load the knowledge data from its files into frozen models, reporting every problem at once.

Each entry is validated on its own, so one broken entry does not hide the errors of the others,
and the cross-file checks (``follicle.knowledge.checker``) still run on everything that parsed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from frontmatter.default_handlers import YAMLHandler
from pydantic import BaseModel, ValidationError

from follicle.knowledge.about import About
from follicle.knowledge.articles import Article
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.checker import Parsed, check_consistency
from follicle.knowledge.clinic import ClinicQuestions
from follicle.knowledge.conditions import Check, HairCondition
from follicle.knowledge.contract import TREATMENT_IDS
from follicle.knowledge.glossary import GlossaryTerm
from follicle.knowledge.problems import KnowledgeInvalid, Problem
from follicle.knowledge.questionnaire import Questionnaire
from follicle.knowledge.references import Reference
from follicle.knowledge.topics import Topic
from follicle.knowledge.treatments import Treatment
from follicle.knowledge.triage import ContributingFactor, RedFlag
from follicle.knowledge.version import knowledge_version
from follicle.knowledge.yamlfiles import YamlError, read_yaml, read_yaml_text

M = TypeVar("M", bound=BaseModel)

#: Where the data lives in a checkout; ``FOLLICLE_KNOWLEDGE_DIR`` points elsewhere (tests do).
DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "knowledge"


class _StrictFrontMatter(YAMLHandler):
    """python-frontmatter finds the front matter; the data's own strict YAML reader (duplicate
    keys refused) reads it."""

    def load(self, fm: str, **kwargs: object) -> Any:
        return read_yaml_text(fm)


FRONT_MATTER = _StrictFrontMatter()


def knowledge_root() -> Path:
    return Path(os.environ.get("FOLLICLE_KNOWLEDGE_DIR", DEFAULT_ROOT))


def format_location(loc: Sequence[int | str]) -> str:
    """``('costs', 0, 'citations')`` -> ``costs[0].citations``; union tags are dropped."""
    parts: list[str] = []
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif part != previous:
            parts.append(("." if parts else "") + part)
        previous = part
    return "".join(parts)


def _message(error: Any) -> str:
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


class _Reader:
    """Collects problems while turning files into models."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def raw(self, path: Path) -> Any:
        if not path.exists():
            self.problems.append(Problem(self.relative(path), "", "file is missing"))
            return None
        try:
            return read_yaml(path)
        except YamlError as error:
            self.problems.append(Problem(self.relative(path), "", f"not valid YAML: {error}"))
            return None

    def model(self, model: type[M], data: Any, file: str, prefix: str) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for e in error.errors():
                field = format_location(e["loc"])
                where = f"{prefix}.{field}" if prefix and field else prefix or field
                self.problems.append(Problem(file, where, _message(e)))
            return None

    def document(self, model: type[M], name: str) -> M | None:
        """A file that holds one document (the questionnaire, the clinic questions, about)."""
        data = self.raw(self.root / name)
        return self.model(model, data, name, "") if data is not None else None

    def entries(self, model: type[M], name: str) -> list[M]:
        path = self.root / name
        data = self.raw(path)
        if data is None:
            return []
        if not isinstance(data, list):
            self.problems.append(Problem(name, "", "expected a list of entries"))
            return []
        out: list[M] = []
        for index, entry in enumerate(data):
            label = entry.get("id") if isinstance(entry, dict) else None
            prefix = label if isinstance(label, str) else f"[{index}]"
            parsed = self.model(model, entry, name, prefix)
            if parsed is not None:
                out.append(parsed)
        return out

    def folder_entries(self, model: type[M], folder: str) -> list[M]:
        """Entries from every YAML file in a folder, in file-name order."""
        paths = sorted((self.root / folder).glob("*.yaml"))
        if not paths:
            self.problems.append(Problem(f"{folder}/", "", "no files found"))
        return [entry for path in paths for entry in self.entries(model, self.relative(path))]

    def articles(self) -> list[Article]:
        """``articles/<slug>.md``: YAML front matter between ``---`` lines, then Markdown."""
        folder = self.root / "articles"
        out: list[Article] = []
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            name = self.relative(path)
            text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
            try:
                if not FRONT_MATTER.detect(text):
                    raise ValueError
                raw_front, body = FRONT_MATTER.split(text)
            except ValueError:  # no opening or no closing --- line
                self.problems.append(Problem(name, "", "needs YAML front matter between --- lines"))
                continue
            try:
                front = FRONT_MATTER.load(raw_front)
            except YamlError as error:
                self.problems.append(Problem(name, "", f"front matter is not valid YAML: {error}"))
                continue
            if not isinstance(front, dict):
                self.problems.append(Problem(name, "", "front matter must be a mapping"))
                continue
            parsed = self.model(
                Article,
                {**front, "slug": path.stem, "body": body.removeprefix("\n")},
                name,
                "",
            )
            if parsed is not None:
                out.append(parsed)
        return out

    def treatments(self) -> list[Treatment]:
        folder = self.root / "treatments"
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not paths:
            self.problems.append(Problem("treatments/", "", "no treatment files found"))
        out: list[Treatment] = []
        for path in paths:
            data = self.raw(path)
            if data is None:
                continue
            parsed = self.model(Treatment, data, self.relative(path), "")
            if parsed is None:
                continue
            if parsed.id != path.stem:
                self.problems.append(
                    Problem(
                        self.relative(path), "id", f"id {parsed.id!r} does not match the file name"
                    )
                )
            out.append(parsed)
        order = {tid: n for n, tid in enumerate(TREATMENT_IDS)}
        return sorted(out, key=lambda t: (order.get(t.id, len(order)), t.id))


def _index(entries: list[M], key: Callable[[M], str]) -> dict[str, M]:
    return {key(e): e for e in entries}


def check_knowledge(root: Path | None = None) -> tuple[Knowledge | None, list[Problem]]:
    """Load and check the data; returns the knowledge (if usable) and every problem found."""
    root = root or knowledge_root()
    reader = _Reader(root)
    references = reader.folder_entries(Reference, "references")
    treatments = reader.treatments()
    conditions = reader.entries(HairCondition, "conditions.yaml")
    checks = reader.entries(Check, "checks.yaml")
    red_flags = reader.entries(RedFlag, "red_flags.yaml")
    factors = reader.entries(ContributingFactor, "contributing_factors.yaml")
    questionnaire = reader.document(Questionnaire, "questionnaire.yaml")
    articles = reader.articles()
    topics = reader.entries(Topic, "topics.yaml")
    glossary = reader.entries(GlossaryTerm, "glossary.yaml")
    clinic = reader.document(ClinicQuestions, "clinic_questions.yaml")
    about = reader.document(About, "about.yaml")
    problems = reader.problems + check_consistency(
        Parsed(
            references=references,
            treatments=treatments,
            conditions=conditions,
            checks=checks,
            red_flags=red_flags,
            factors=factors,
            questionnaire=questionnaire,
            articles=articles,
            topics=topics,
            clinic_questions=clinic,
            glossary=glossary,
            about=about,
        )
    )
    if questionnaire is None or about is None or clinic is None:
        return None, sorted(set(problems))
    knowledge = Knowledge(
        version=knowledge_version(root),
        references=_index(references, lambda r: r.id),
        treatments=_index(treatments, lambda t: t.id),
        conditions=_index(conditions, lambda c: c.id),
        checks=_index(checks, lambda c: c.id),
        red_flags=_index(red_flags, lambda f: f.id),
        contributing_factors=_index(factors, lambda f: f.id),
        questionnaire=questionnaire,
        about=about,
        articles=_index(articles, lambda a: a.slug),
        clinic_questions=clinic,
        topics=_index(topics, lambda t: t.id),
        glossary=_index(glossary, lambda g: g.id),
    )
    return knowledge, sorted(set(problems))


def load_knowledge(root: Path | None = None) -> Knowledge:
    """The checked knowledge, or :class:`KnowledgeInvalid` listing every problem."""
    knowledge, problems = check_knowledge(root)
    if problems or knowledge is None:
        raise KnowledgeInvalid(problems)
    return knowledge


@cache
def default_knowledge() -> Knowledge:
    """The knowledge at :func:`knowledge_root`, loaded once per process."""
    return load_knowledge()
