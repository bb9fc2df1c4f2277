"""``make test-fast`` runs ``-m "not db"``: the ``db`` mark must follow from the fixtures alone,
so a new database test can never slip into the fast suite."""

from __future__ import annotations

import pytest


@pytest.fixture
def through_another_fixture(db: None) -> None:
    """A fixture that reaches the database only through another one."""


def test_a_test_using_the_database_is_marked_db(request: pytest.FixtureRequest, db: None) -> None:
    assert request.node.get_closest_marker("db") is not None


def test_a_test_reaching_it_through_another_fixture_is_marked_db(
    request: pytest.FixtureRequest, through_another_fixture: None
) -> None:
    assert request.node.get_closest_marker("db") is not None


@pytest.mark.django_db
def test_a_test_marked_django_db_is_marked_db(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("db") is not None


def test_a_test_without_the_database_is_not_marked(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("db") is None
