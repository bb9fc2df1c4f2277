"""The evidence knowledge data: schemas, loader, checker and version hash.

Framework-free by rule (no Django import here or in ``follicle.engine``): the data must be
checkable and usable by the engine without the web app.
"""

from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.loader import (
    check_knowledge,
    default_knowledge,
    knowledge_root,
    load_knowledge,
)
from follicle.knowledge.problems import KnowledgeInvalid, Problem

__all__ = [
    "Knowledge",
    "KnowledgeInvalid",
    "Problem",
    "check_knowledge",
    "default_knowledge",
    "knowledge_root",
    "load_knowledge",
]
