"""Schemathesis reads ``/api/v1/openapi.json`` and sends each operation generated requests,
in-process through the WSGI app: no answer is a server error, and every answer keeps to the
schema (its status, content type, headers and body are the ones documented).

The checks are the ones that hold for any request. Schemathesis's ``positive_data_acceptance``
is left out on purpose: the answers' JSON Schema gives each item's type, codes and widest
range, but skip logic ("asked only when ...") and ranges narrowed by another answer are the
engine's to judge, so a schema-valid answers object may rightly get a 422.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from follicle.web.wsgi import application
from tests.conftest import examples

SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def unlimited(settings: Any) -> None:
    """Hundreds of requests from one address: the rate limit is tested on its own."""
    settings.FOLLICLE_API_REQUESTS_PER_MINUTE = 1_000_000


@SCHEMA.parametrize()
@hypothesis_settings(
    max_examples=examples(50).max_examples,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_public_operation_keeps_to_its_schema(
    case: schemathesis.Case[Any], db: None, unlimited: None
) -> None:
    case.call_and_validate(checks=CHECKS)
