"""Web test fixtures: a database for sessions, and a way to serve a changed copy of the data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from follicle.knowledge import default_knowledge


@pytest.fixture
def client(db: None) -> Client:
    return Client()


@pytest.fixture
def served_knowledge(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Serve the writable copy of the data instead of the real one (edit it before requests)."""
    monkeypatch.setenv("FOLLICLE_KNOWLEDGE_DIR", str(knowledge_copy))
    default_knowledge.cache_clear()
    yield knowledge_copy
    default_knowledge.cache_clear()


STEP_FORMS: dict[str, dict[str, Any]] = {
    "about_you": {"age": "34", "sex": "male"},
    "your_hair_loss": {"pattern": "crown", "scale_stage": "3"},
    "timeline": {"onset": "gradual", "duration_months": "24", "shedding": "normal"},
    "recent_events": {"triggers": ["none"]},
    "symptoms": {"scalp_symptoms": ["none"], "other_symptoms": ["none"]},
    "hair_and_family": {"hair_practices": ["none"], "family_history": "yes"},
    "health": {"medications": ["none"], "conditions": ["none"]},
    "treatments": {},
    "preferences": {
        "open_to": ["pills", "topicals", "home_devices"],
        "expectation": "some_regrowth",
    },
}


@pytest.fixture
def complete(client: Client) -> Callable[..., Client]:
    """Walk every step with a plain profile (a man with gradual crown thinning), with changes."""

    def walk(**changes: dict[str, Any]) -> Client:
        for step, data in STEP_FORMS.items():
            response = client.post(f"/assessment/{step}/", {**data, **changes.get(step, {})})
            assert response.status_code == 302, (step, response.content[:2000])
        return client

    return walk
