"""The public JSON API: the assessment is byte for byte the command line's, bad answers are
named field by field, every error is problem details, the rate limit answers 429 with
Retry-After, and the calculator gives the page's numbers."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from follicle.engine import EXAMPLE, random_answers, validate
from follicle.knowledge import Knowledge, default_knowledge
from follicle.web.pages import calculator
from tests.api.test_schemathesis import CHECKS, SCHEMA
from tests.conftest import examples

PROBLEM = "application/problem+json"


def _follicle(*args: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "follicle", *args], capture_output=True, check=True
    )
    return done.stdout


def _post(client: Client, path: str, body: object, **extra: Any) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json", **extra)


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == PROBLEM
    document: dict[str, Any] = json.loads(response.content)
    assert document["status"] == status
    assert document["type"] == "about:blank"
    assert document["title"] and document["detail"]
    return document


@pytest.mark.parametrize("calm", [False, True], ids=["any", "calm"])
def test_an_assessment_is_byte_for_byte_what_follicle_assess_prints(
    client: Client, tmp_path: Path, calm: bool
) -> None:
    """Generated answer sets (with and without red flags) through the command line's batch
    mode and through the API: the same bytes, and every 200 keeps to the documented schema."""
    generated = _follicle(
        "questionnaire", "--generate", "30", "--seed", "13", *(["--calm"] if calm else [])
    )
    path = tmp_path / "answers.jsonl"
    path.write_bytes(generated)
    printed = _follicle("assess", "--batch", str(path)).splitlines()
    operation = SCHEMA["/api/v1/assessments"]["POST"]
    routes = []
    for line, expected in zip(generated.splitlines(), printed, strict=True):
        case = operation.Case(body=json.loads(line), media_type="application/json")
        response = case.call_and_validate(checks=CHECKS)
        assert response.status_code == 200
        assert response.headers["content-type"] == ["application/json"]
        assert response.content == expected
        routes.append(json.loads(response.content)["route"])
    assert "online_plan" in routes


def test_invalid_answers_get_one_error_per_field_named_by_its_contract_id(
    client: Client, knowledge: Knowledge
) -> None:
    answers = {**EXAMPLE, "age": 500, "sex": "robot", "eye_colour": "blue"}
    answers.pop("onset")
    document = _problem(_post(client, "/api/v1/assessments", answers), 422)
    fields = [e["field"] for e in document["errors"]]
    assert sorted(fields) == ["age", "eye_colour", "onset", "sex"]
    engine = validate(answers, knowledge)
    assert isinstance(engine, list)
    assert document["errors"] == [{"field": e.field, "message": e.message} for e in engine]


_ITEMS = [item.id for item in default_knowledge().questionnaire.items]


@given(
    seed=st.integers(0, 10_000),
    item=st.sampled_from(_ITEMS),
    junk=st.one_of(
        st.integers(),
        st.text(max_size=5),
        st.booleans(),
        st.none(),
        st.lists(st.integers(), max_size=2),
    ),
)
@examples(50)
def test_the_api_refuses_exactly_what_the_engine_refuses(
    seed: int, item: str, junk: object
) -> None:
    """No database: the assessment reads no session and writes nothing."""
    knowledge = default_knowledge()
    answers: dict[str, object] = random_answers(knowledge, random.Random(seed))
    answers[item] = junk
    response = _post(Client(), "/api/v1/assessments", answers)
    engine = validate(answers, knowledge)
    if isinstance(engine, list):
        document = _problem(response, 422)
        assert document["errors"] == [{"field": e.field, "message": e.message} for e in engine]
    else:
        assert response.status_code == 200


def test_a_body_that_is_not_json_is_a_400_problem(client: Client) -> None:
    response = client.post("/api/v1/assessments", b"{age: 3", content_type="application/json")
    _problem(response, 400)
    response = client.post("/api/v1/assessments", b"\xff\xfe", content_type="application/json")
    _problem(response, 400)


def test_every_error_is_problem_details(client: Client) -> None:
    _problem(client.get("/api/v1/no-such-thing"), 404)
    _problem(client.get("/api/v1/treatments/no_such_treatment"), 404)
    not_allowed = client.get("/api/v1/assessments")
    _problem(not_allowed, 405)
    assert not_allowed["Allow"] == "POST"
    _problem(client.delete("/api/v1/treatments"), 405)
    invalid = _problem(_post(client, "/api/v1/costs", {"years": 50, "colour": 1}), 422)
    assert {e["field"] for e in invalid["errors"]} == {"years", "colour"}


def test_a_server_error_is_a_500_problem_without_a_traceback(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("follicle.web.api.public.run", broken)
    response = _post(Client(raise_request_exception=False), "/api/v1/assessments", EXAMPLE)
    document = _problem(response, 500)
    assert "secret" not in response.content.decode()
    assert "nothing was changed" in document["detail"]


def test_the_site_pages_keep_their_html_errors(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_the_public_api_is_rate_limited_per_client_address(client: Client, settings: Any) -> None:
    settings.FOLLICLE_API_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/api/v1/treatments").status_code == 200
    refused = client.post(
        "/api/v1/assessments", json.dumps(EXAMPLE), content_type="application/json"
    )
    _problem(refused, 429)
    assert 1 <= int(refused["Retry-After"]) <= 60
    elsewhere = client.get("/api/v1/treatments", REMOTE_ADDR="198.51.100.7")
    assert elsewhere.status_code == 200


def test_the_cost_calculator_gives_the_pages_numbers(client: Client, knowledge: Knowledge) -> None:
    response = _post(client, "/api/v1/costs", {"treatment": "prp", "years": 7})
    assert response.status_code == 200
    document = response.json()
    page = calculator.estimate(
        {"treatment": "prp", "years": 7}, knowledge, starts_from_treatment=True
    )
    assert isinstance(page, calculator.Estimate)
    assert document["treatment"] == "prp"
    assert [
        (r["year"], r["so_far"] and (r["so_far"]["low"], r["so_far"]["high"]))
        for r in document["rows"]
    ] == [(r.year, r.so_far) for r in page.rows]
    own = _post(client, "/api/v1/costs", {"price_low": 30, "price_high": 60, "years": 2}).json()
    assert own["treatment"] is None
    assert own["rows"][-1]["so_far"] == {"low": 720, "high": 1440}


def test_the_calculator_names_each_bad_number(client: Client) -> None:
    document = _problem(
        _post(client, "/api/v1/costs", {"price_low": 90, "price_high": 10, "unit": "session"}),
        422,
    )
    fields = {e["field"] for e in document["errors"]}
    assert fields == {"price_high", "sessions_min", "sessions_max"}


def test_the_questionnaire_is_what_follicle_questionnaire_prints(client: Client) -> None:
    response = client.get("/api/v1/questionnaire")
    assert response.status_code == 200
    assert response.json() == json.loads(_follicle("questionnaire"))


def test_treatments_and_references_come_from_the_knowledge(
    client: Client, knowledge: Knowledge
) -> None:
    listed = client.get("/api/v1/treatments").json()
    assert [t["id"] for t in listed] == list(knowledge.treatments)
    one = client.get("/api/v1/treatments/finasteride").json()
    assert one == listed[[t["id"] for t in listed].index("finasteride")]
    references = client.get("/api/v1/references").json()
    assert {r["id"] for r in references} == set(knowledge.references)


def test_the_openapi_document_is_3_1_and_errors_are_problems(client: Client) -> None:
    text = client.get("/api/v1/openapi.json").content
    keys: list[list[str]] = []

    def pairs(found: list[tuple[str, Any]]) -> dict[str, Any]:
        keys.append([k for k, _ in found])
        return dict(found)

    document = json.loads(text, object_pairs_hook=pairs)
    assert all(len(k) == len(set(k)) for k in keys), "a key repeats (Swagger UI refuses it)"
    assert document["openapi"].startswith("3.1")
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "429" in responses, (method, path)
            for status, response in responses.items():
                if int(status) >= 400:
                    assert list(response["content"]) == [PROBLEM], (method, path, status)


def test_the_docs_page_keeps_the_sites_content_security_policy(client: Client) -> None:
    docs = client.get("/api/v1/docs")
    page = client.get("/")
    assert docs.status_code == 200
    assert docs["Content-Security-Policy"] == page["Content-Security-Policy"]
    html = docs.content.decode()
    assert '<script src="/static/ninja/' in html
    assert "https://" not in html  # nothing from a CDN
