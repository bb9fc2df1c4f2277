"""The account tests use the review tests' people (``tests/reviews/conftest.py``)."""

from tests.reviews.conftest import admin, anonymous, clinician, person_a, person_b

__all__ = ["admin", "anonymous", "clinician", "person_a", "person_b"]
