"""The decision engine: pure, deterministic and traced. No Django here (a test enforces it).

``run(raw_answers, knowledge)`` validates and assesses; ``assess`` takes answers already
validated by ``validate``.
"""

from follicle.engine.answers import Answers
from follicle.engine.assess import ENGINE_VERSION, assess, run
from follicle.engine.result import AssessmentResult
from follicle.engine.validation import FieldError, InvalidAnswers, validate, validated

__all__ = [
    "ENGINE_VERSION",
    "Answers",
    "AssessmentResult",
    "FieldError",
    "InvalidAnswers",
    "assess",
    "run",
    "validate",
    "validated",
]
