"""The review tests' case (``case_of_a``, a case person A asked to be reviewed) and world (every
persona, with cases in each state; ``tests/reviews/routes.py``). The people are in
``tests/personas.py``, the case helpers in ``tests/cases.py``."""

from __future__ import annotations

import pytest

from follicle.web.reviews.models import Case
from tests.cases import make_case
from tests.personas import Persona
from tests.reviews.routes import World, build_world


@pytest.fixture
def case_of_a(person_a: Persona) -> Case:
    return make_case(person_a.user)


@pytest.fixture
def world(
    anonymous: Persona,
    person_a: Persona,
    person_b: Persona,
    clinician_no_2fa: Persona,
    clinician: Persona,
    other_clinician: Persona,
    admin: Persona,
) -> World:
    return build_world(
        anonymous, person_a, person_b, clinician_no_2fa, clinician, other_clinician, admin
    )
