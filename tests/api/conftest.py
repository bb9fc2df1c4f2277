"""API test fixtures."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def client(db: None) -> Client:
    return Client()
