"""The review tests' case: ``case_of_a``, a case person A asked to be reviewed. The people are
in ``tests/personas.py``, the case helpers in ``tests/cases.py``."""

from __future__ import annotations

import pytest

from follicle.web.reviews.models import Case
from tests.cases import make_case
from tests.personas import Persona


@pytest.fixture
def case_of_a(person_a: Persona) -> Case:
    return make_case(person_a.user)
