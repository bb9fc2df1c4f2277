"""Shared fixtures: the real knowledge data, and writable copies of it for planting errors."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from follicle.knowledge import Knowledge, load_knowledge
from follicle.knowledge.loader import DEFAULT_ROOT

#: The people of the tests (person A and B, the clinicians, the admin, nobody signed in), the
#: same in every folder.
pytest_plugins = ["tests.personas"]

IN_CI = os.environ.get("CI", "").lower() == "true"

# Hypothesis profiles: "ci" (chosen when CI=true) runs every property with its full count of
# examples, "dev" (the default elsewhere) a fifth of it; HYPOTHESIS_PROFILE picks one by name.
CI_EXAMPLES = 100
settings.register_profile(
    "ci", max_examples=CI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev",
    max_examples=CI_EXAMPLES // 5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "dev")
settings.load_profile(PROFILE)


def examples(full: int) -> settings:
    """Settings for a property that runs ``full`` examples under the ci profile, and the same
    share of them as the loaded profile gives (at least 10) otherwise."""
    share = settings.get_profile(PROFILE).max_examples
    return settings(max_examples=max(10, full * share // CI_EXAMPLES))


def optional_skip(reason: str) -> None:
    """Skip outside CI; under ``CI=true`` a missing optional dependency is a failure."""
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge(DEFAULT_ROOT)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge data directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_ROOT, target)
    return target


@pytest.fixture
def edit(knowledge_copy: Path) -> Callable[[str, str, str], None]:
    """Replace text in a file of the copied data; fails if the text is not there."""

    def replace(relative: str, old: str, new: str) -> None:
        path = knowledge_copy / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters live in the cache; every test starts with none."""
    try:
        from django.core.cache import cache

        cache.clear()
    except Exception:
        pass


#: Fixtures that open the test database; a test using any of them is marked ``db``.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that reaches the database, by the fixtures it uses (however indirectly)
    or its ``django_db`` mark, so ``make test-fast`` (``-m "not db"``) leaves it out without
    anyone having to remember a marker. A test that only asks for a persona by name at run time
    (``request.getfixturevalue``) cannot be seen here: it must list ``db`` itself, or it fails
    in ``make test-fast`` (never passes there unnoticed)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & DATABASE_FIXTURES or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.db)
