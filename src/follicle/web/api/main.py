"""The JSON API at ``/api/v1/``: django-ninja, OpenAPI 3.1 from the Pydantic models.

Every error is problem details (``problems.py``): ninja's own refusals are handled here, the
rest (unknown path, wrong method, body too large, server error) by the middleware. The
OpenAPI document says so: every 4xx and 5xx response is ``application/problem+json`` with the
``Problem`` schema, and every operation documents its 429 with ``Retry-After``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from pydantic import TypeAdapter

from follicle.engine import AssessmentResult
from follicle.web.api import public
from follicle.web.api.problems import PROBLEM_JSON, problem
from follicle.web.api.schemas import Problem

logger = logging.getLogger(__name__)

DESCRIPTION = (
    "Follicle's assessment, treatments, references and cost calculator as JSON. "
    "A result informs; it does not diagnose: a clinician confirms. Errors are RFC 9457 "
    "problem details. See docs/api.md."
)


class FollicleAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return _errors_as_problems(schema)


#: The engine's result types share names with the knowledge's (``Option``, ``Evidence``), and
#: ninja names components by class name alone; the result's are prefixed ``Result``.
RESULT_REF = "#/components/schemas/AssessmentResult"


def _result_components() -> dict[str, Any]:
    document = TypeAdapter(AssessmentResult).json_schema(
        mode="serialization", ref_template="#/components/schemas/Result{model}"
    )
    components = {f"Result{name}": value for name, value in document.pop("$defs", {}).items()}
    components["AssessmentResult"] = document
    return components


def _errors_as_problems(schema: OpenAPISchema) -> OpenAPISchema:
    """Every error response is problem+json; every operation may answer 429 (rate limit).
    The engine's result gets its own components."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(_result_components())
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components["Problem"].pop("$defs", None)
    components["FieldProblem"] = Problem.model_json_schema()["$defs"]["FieldProblem"]
    reference = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            # ninja keys its responses by number, openapi_extra by string: one spelling
            responses = {str(k): v for k, v in operation.get("responses", {}).items()}
            operation["responses"] = responses
            if "requestBody" in operation:
                responses.setdefault("400", {"description": "The body could not be read as JSON"})
            responses.setdefault(
                "429",
                {
                    "description": "Too many requests from this address",
                    "headers": {
                        "Retry-After": {
                            "description": "Seconds to wait before trying again",
                            "schema": {"type": "integer", "minimum": 1},
                            "required": True,
                        }
                    },
                },
            )
            for status, response in responses.items():
                if int(status) >= 400:
                    response["content"] = {PROBLEM_JSON: reference}
                    response.setdefault("description", "A problem")
    return schema


api = FollicleAPI(
    title="Follicle API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
)
api.add_router("/", public.router)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """ninja's refusal of a parameter or body: one error per field, named without the
    location ninja adds (``body``, the parameter's name)."""
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ())]
        if location and location[0] in ("body", "path", "query", "header"):
            location = location[2:] if location[0] == "body" else location[1:]
        errors.append((".".join(location) or "body", str(error.get("msg", "Invalid value."))))
    return problem(422, "The request is not valid; see errors.", errors=errors)


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return problem(429, headers={"Retry-After": str(max(1, int(exc.wait or 1)))})


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem(exc.status_code, exc.message if exc.status_code < 500 else None)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(404)


@api.exception_handler(Exception)
def _fault(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Django handles it (logs it, the 500 handler); the middleware makes it problem details."""
    raise exc
