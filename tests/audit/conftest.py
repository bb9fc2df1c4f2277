"""The personas of the review tests (``tests/reviews/conftest.py``), for the audit tests."""

from tests.reviews.conftest import (  # noqa: F401 - fixtures, found by name
    admin,
    anonymous,
    clinician,
    clinician_no_2fa,
    other_clinician,
    person_a,
    person_b,
)
