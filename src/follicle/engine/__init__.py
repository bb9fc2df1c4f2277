"""The decision engine: pure, deterministic and traced. No Django here (a test enforces it).

``run(raw_answers, knowledge)`` validates and assesses; ``assess`` takes answers already
validated by ``validate``. This module is the engine's public API: code outside the engine
imports only from here (``tests/test_architecture.py`` checks it, and the engine's own layers).
"""

from follicle.engine.answers import Answers
from follicle.engine.assessment import ENGINE_VERSION, assess, run
from follicle.engine.compiled import CompiledItem, compiled_items
from follicle.engine.costs import HORIZONS, CostPlan, plan_for, project_cost, project_years
from follicle.engine.early import Triage, triage
from follicle.engine.examples import EXAMPLE
from follicle.engine.generate import random_answers
from follicle.engine.result import AssessmentResult, CostProjection, Criterion, Option
from follicle.engine.validation import (
    FieldError,
    InvalidAnswers,
    PartialAnswers,
    validate,
    validate_value,
    validated,
)

__all__ = [
    "ENGINE_VERSION",
    "EXAMPLE",
    "HORIZONS",
    "Answers",
    "AssessmentResult",
    "CompiledItem",
    "CostPlan",
    "CostProjection",
    "Criterion",
    "FieldError",
    "InvalidAnswers",
    "Option",
    "PartialAnswers",
    "Triage",
    "assess",
    "compiled_items",
    "plan_for",
    "project_cost",
    "project_years",
    "random_answers",
    "run",
    "triage",
    "validate",
    "validate_value",
    "validated",
]
