"""The OpenAPI document is complete, and the live app keeps to it (schemathesis).

Schemathesis generates requests for every operation from the document, valid and not, and checks
each answer: never a 5xx, a status the document lists, a body matching its schema and media
type. Generation is bounded (``MAX_EXAMPLES`` per operation) to keep CI quick.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import api
from api.openapi import problem_types
from api.routers.commands import ROUTES
from cleanledger.wiring import Service
from domain.errors import DomainError
from tests.api.conftest import KeyMaker

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MAX_EXAMPLES = int(os.environ.get("CLEANLEDGER_SCHEMATHESIS_EXAMPLES", "12"))


def test_the_document_describes_every_operation_with_responses_and_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    commands = {"/api/v1" + route.path for route in ROUTES}
    assert commands <= set(spec["paths"])
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("operationId"), where
            assert set(operation["responses"]) & {"200", "201"}, where
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert list(response["content"]) == ["application/problem+json"], (where, status)
            body = operation.get("requestBody")
            if body is not None:
                ref = body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
                assert spec["components"]["schemas"][ref].get("examples"), ref
    assert client.get("/docs").status_code == 200


def test_every_domain_error_code_is_a_documented_problem_type() -> None:
    documented = problem_types()

    def codes(cls: type[DomainError]) -> set[str]:
        return {cls.code}.union(*(codes(sub) for sub in cls.__subclasses__()))

    assert codes(DomainError) <= set(documented)
    assert documented["over-allocation"]["status"] == 409
    assert documented["version-conflict"]["status"] == 412


def test_every_problem_the_http_layer_raises_is_a_documented_problem_type() -> None:
    """Each literal code given to ``ApiProblem`` or ``problem_response`` in api/ is catalogued."""
    documented = problem_types()
    raised: dict[str, str] = {}
    for path in Path(api.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in {"ApiProblem", "problem_response"}:
                continue
            code = next(
                (a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)), None
            )
            if code is not None:
                raised[code] = f"{path.name}:{node.lineno}"
    assert len(raised) >= 12  # the scan finds the calls
    missing = {code: where for code, where in raised.items() if code not in documented}
    assert not missing, f"problem types raised but not in the catalogue: {missing}"


@pytest.mark.slow
def test_the_live_app_keeps_to_its_document(service: Service, key_for: KeyMaker) -> None:
    headers = key_for(
        "schemathesis",
        *(f"{role}@*" for role in ("admin", "budget_officer", "clerk", "approver", "accountant", "auditor")),
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", service.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= len(ROUTES)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def keeps_to_the_document(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        keeps_to_the_document()
