"""The public operations: nothing personal, nothing written, rate limited per client address.

Thin as the pages are: read the knowledge or run the engine, answer. ``POST /assessments``
answers with the engine's own JSON (``AssessmentResult.to_json``), the very bytes
``follicle assess`` prints, so the API cannot drift from the command line; the knowledge's
entries are dumped as ``follicle kb`` dumps them.
"""

from __future__ import annotations

import json
import threading
from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja.throttling import BaseThrottle

from follicle.engine import run
from follicle.knowledge import default_knowledge
from follicle.knowledge.bundle import Knowledge
from follicle.knowledge.questionnaire import Questionnaire
from follicle.knowledge.references import Reference
from follicle.knowledge.treatments import Treatment
from follicle.web.api.costs import cost_estimate
from follicle.web.api.problems import problem
from follicle.web.api.schemas import CostEstimate, CostQuestion, Problem, answers_schema
from follicle.web.ratelimit import wait_before_next

JSON = "application/json"


class PerAddress(BaseThrottle):
    """The public API's limit: ``FOLLICLE_API_REQUESTS_PER_MINUTE`` requests per client address
    (``web/ratelimit.py``: trusted proxies only, counted in the shared cache, fails closed)."""

    def __init__(self) -> None:
        self._waits = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        wait = wait_before_next(
            request, "api-public", per_minute=settings.FOLLICLE_API_REQUESTS_PER_MINUTE
        )
        self._waits.seconds = wait
        return wait is None

    def wait(self) -> float | None:
        seconds: int | None = getattr(self._waits, "seconds", None)
        return seconds


router = Router(tags=["public"], throttle=[PerAddress()])


def _json(body: str | bytes, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type=JSON)


def _dump(entry: Any) -> Any:
    return entry.model_dump(mode="json", by_alias=True, exclude_none=True)


@cache
def _documents(version: str) -> dict[str, bytes]:
    """The knowledge's read-only documents as JSON, once per knowledge version."""
    knowledge = default_knowledge()
    treatments = {t.id: _dump(t) for t in knowledge.treatments.values()}

    def encode(data: Any) -> bytes:
        return json.dumps(data, ensure_ascii=False).encode()

    documents = {
        "questionnaire": encode(_dump(knowledge.questionnaire)),
        "treatments": encode(list(treatments.values())),
        "references": encode([_dump(r) for r in knowledge.references.values()]),
    }
    documents.update({f"treatment:{key}": encode(value) for key, value in treatments.items()})
    return documents


def _document(knowledge: Knowledge, name: str) -> bytes | None:
    return _documents(knowledge.version).get(name)


@router.get(
    "/questionnaire", response={200: Questionnaire}, summary="The questionnaire", by_alias=True
)
def questionnaire(request: HttpRequest) -> HttpResponse:
    """The questionnaire as `follicle questionnaire` prints it: items in the order asked, their
    codes, ranges, help and skip logic (``enable_when``)."""
    return _json(_document(default_knowledge(), "questionnaire") or b"")


@router.post(
    "/assessments",
    response={400: Problem, 422: Problem},
    summary="Assess answers",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {JSON: {"schema": answers_schema(default_knowledge())}},
        },
        "responses": {
            "200": {
                "description": "The result (the contract's, with more fields)",
                "content": {JSON: {"schema": {"$ref": "#/components/schemas/AssessmentResult"}}},
            }
        },
    },
)
def assessments(request: HttpRequest) -> HttpResponse:
    """The contract's answers in, the contract's result out: byte for byte what
    `follicle assess` prints for the same answers. Invalid answers: 422 with one error per
    problem, each naming its field by contract id. Nothing is stored."""
    try:
        raw = json.loads(request.body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, too deep, too many digits
        return problem(400, "The body is not JSON: send the answers as one JSON object.")
    result = run(raw, default_knowledge())
    if isinstance(result, list):
        return problem(
            422,
            "Some answers are not valid; see errors.",
            errors=[(e.field, e.message) for e in result],
        )
    return _json(result.to_json())


@router.get(
    "/treatments", response={200: list[Treatment]}, summary="Every treatment", by_alias=True
)
def treatments(request: HttpRequest) -> HttpResponse:
    """Every treatment in the knowledge data, with its evidence, regulation, safety and costs,
    each fact with its citations."""
    return _json(_document(default_knowledge(), "treatments") or b"")


@router.get(
    "/treatments/{treatment_id}",
    response={200: Treatment, 404: Problem},
    summary="One treatment",
    by_alias=True,
)
def treatment(request: HttpRequest, treatment_id: str) -> HttpResponse:
    found = _document(default_knowledge(), f"treatment:{treatment_id}")
    if found is None:
        return problem(
            404, "There is no treatment with this id; GET /api/v1/treatments lists them."
        )
    return _json(found)


@router.get(
    "/references", response={200: list[Reference]}, summary="Every reference", by_alias=True
)
def references(request: HttpRequest) -> HttpResponse:
    """Every reference the knowledge data cites."""
    return _json(_document(default_knowledge(), "references") or b"")


@router.post("/costs", response={200: CostEstimate, 422: Problem}, summary="The cost calculator")
def costs(request: HttpRequest, question: CostQuestion) -> HttpResponse | CostEstimate:
    """What a treatment costs over 1 to 20 years, from its own numbers or yours (the calculator
    of `/costs/`, with the same checks); unknown years are null, never nothing."""
    found = cost_estimate(question, default_knowledge())
    if isinstance(found, list):
        return problem(422, "The numbers are not valid; see errors.", errors=found)
    return found
