"""The OpenAPI document is complete, and the live app keeps to it (schemathesis).

Schemathesis runs every phase its command line runs over every operation: the document's
examples; coverage (boundary values of every parameter, header and body field, valid and not,
and methods an operation does not have); fuzzing (generated requests, positive and negative);
stateful (sequences that follow the document's links). Each answer is checked: never a 5xx, no
invalid request accepted, a status the document lists, a body matching its schema and media
type. Generation is bounded (``MAX_EXAMPLES`` per operation, ``STATEFUL_STEPS``) so a run takes
minutes on two cores; it runs in CI on both backends.
"""

from __future__ import annotations

import ast
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis import engine
from schemathesis.checks import not_a_server_error
from schemathesis.engine import events
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

import api
from api.openapi import problem_types
from api.roles import Role
from api.routers.commands import ROUTES
from cleanledger.wiring import Service
from domain.errors import DomainError
from tests.api.conftest import KeyMaker
from tests.app.books import Books
from tests.contract import Contract

#: The document of the app schemathesis runs against, compiled for :func:`declared_headers_only`.
_CONTRACT: dict[str, Contract] = {}
#: Answers :func:`declared_headers_only` looked at in the current run.
_HEADERS_CHECKED: list[int] = [0]


@schemathesis.check
def declared_headers_only(ctx: schemathesis.CheckContext, response: Any, case: Any) -> bool | None:
    """Every header of the answer is declared by its operation's response, or carried by every
    answer (tests/contract.py, which checks the rest of the suite's answers the same way)."""
    contract = _CONTRACT.get("app")
    if contract is None:
        return None
    _HEADERS_CHECKED[0] += 1
    flat = [(name, value) for name, values in response.headers.items() for value in values]
    answer = httpx.Response(response.status_code, headers=flat)
    path = urlsplit(response.request.url).path
    operation, violations = contract.violations(response.request.method.lower(), path, answer)
    headers = [v for v in violations if v.startswith("header:")]
    if headers:
        raise AssertionError(f"{operation}: " + "; ".join(headers))
    return None


CHECKS = [
    declared_headers_only,
    not_a_server_error,
    negative_data_rejection,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Generated cases per operation and mode in the fuzzing phase, and scenarios in the stateful one
#: (the coverage phase's boundary values are a fixed set, some thousands over the document).
MAX_EXAMPLES = int(os.environ.get("CLEANLEDGER_SCHEMATHESIS_EXAMPLES", "5"))
STATEFUL_STEPS = 10
#: A seed makes a run repeatable (a failure prints the request as curl, to replay by hand).
SEED = os.environ.get("CLEANLEDGER_SCHEMATHESIS_SEED", "")


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


# --- the live app against its document (schemathesis) --------------------------------------------


@dataclass
class Run:
    """What one schemathesis run did: cases sent per phase, and every failed check."""

    cases: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stop_reason: str = ""
    seconds: float = 0.0
    stateful_links: int = 0

    def summary(self) -> str:
        phases = ", ".join(f"{phase} {count}" for phase, count in sorted(self.cases.items()))
        statuses = dict(sorted(self.statuses.items()))
        return (
            f"{sum(self.cases.values())} cases ({phases}) in {self.seconds:.0f} s, "
            f"{self.stateful_links} links for the stateful phase, statuses {statuses}"
        )


def _config(headers: dict[str, str]) -> schemathesis.Config:
    return schemathesis.Config.from_dict(
        {
            "headers": headers,
            "generation": {"mode": "all", "max-examples": MAX_EXAMPLES},
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": STATEFUL_STEPS},
            },
            "checks": {"enabled": False, **{check.__name__: {"enabled": True} for check in CHECKS}},
            **({"seed": int(SEED)} if SEED else {}),
        }
    )


def run_schemathesis(app: Any, headers: dict[str, str]) -> Run:
    """Schemathesis over ``app`` as its command line runs it (``schemathesis.engine``): every phase,
    positive and negative data, the checks of :data:`CHECKS`."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config(headers))
    run = Run()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.PhaseStarted) and isinstance(event.payload, events.StatefulPhasePayload):
            run.stateful_links = event.payload.transitions_selected
        elif isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            run.cases[str(event.phase.value)] += len(recorder.cases)
            for interaction in recorder.interactions.values():
                if interaction.response is not None:
                    run.statuses[interaction.response.status_code] += 1
            for case_id, checks in recorder.checks.items():
                for check in checks:
                    if check.failure_info is not None:
                        case = recorder.cases[case_id].value
                        failure = check.failure_info.failure
                        run.failures.append(
                            f"[{event.phase.value}] {case.operation.label}: {check.name}: {failure.title}\n"
                            f"{failure.message}\n{case.as_curl_command()}"
                        )
        elif isinstance(event, events.NonFatalError | events.FatalError):
            run.errors.append(repr(getattr(event, "value", getattr(event, "exception", event)))[:2000])
        elif isinstance(event, events.EngineFinished):
            run.stop_reason, run.seconds = str(event.stop_reason.value), event.running_time
    return run


@pytest.mark.slow
def test_every_operation_keeps_to_its_document_with_valid_and_invalid_input(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    """Every operation, every phase: the document's examples, boundary values of every parameter
    and body field valid and not (coverage), generated requests valid and not (fuzzing), and
    sequences that follow the document's links (stateful: a created id goes on to the operations
    that take it). No answer may be a 5xx, an invalid request may not be accepted (2xx), and every
    answer keeps to its documented status, media type and schema."""
    headers = key_for("schemathesis", *(f"{role.value}@*" for role in Role))
    # The document's examples name 6110000 and 2026: with that organisation registered, its year
    # open and a few rows in every view, example-based requests reach the ledger's rules and the
    # public answers hold rows for their schemas to be checked against.
    books = Books(service.ledger).ready()
    vendor = books.vendor()
    for amount in (1_000_000, 2_000_000):
        books.obligate(books.line(amount=amount, allocate={1: amount // 2}), amount // 4, vendor_id=vendor)
    _CONTRACT["app"] = Contract(service.app.openapi())
    _HEADERS_CHECKED[0] = 0
    try:
        run = run_schemathesis(service.app, headers)
    finally:
        _CONTRACT.clear()
    print(f"\nschemathesis: {run.summary()}")
    assert run.stop_reason == "completed", (run.stop_reason, run.errors)
    assert not run.errors, run.errors
    assert not run.failures, f"{len(run.failures)} failed checks ({run.summary()}):\n\n" + "\n\n".join(
        run.failures[:20]
    )
    assert {"examples", "coverage", "fuzzing", "stateful"} <= set(run.cases), run.summary()
    assert run.stateful_links >= 50, run.summary()  # api.openapi.add_links, and what schemathesis infers
    assert run.statuses[201] > 0 and run.statuses[422] > 0, run.summary()
    assert _HEADERS_CHECKED[0] >= sum(run.statuses.values()) // 2, "the header check ran on the answers"


def test_the_document_links_a_created_id_to_the_operations_that_take_it(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    by_id = {
        operation["operationId"]: operation
        for methods in spec["paths"].values()
        for operation in methods.values()
    }
    line = by_id["Appropriate"]["responses"]["201"]["links"]
    assert line["Allocate"]["parameters"] == {
        "path.org": "$request.path.org",
        "path.fiscal_year": "$request.path.fiscal_year",
        "path.line_id": "$response.body#/aggregate_id",
    }
    assert line["Obligate"]["requestBody"] == {"line_id": "$response.body#/aggregate_id"}
    assert line["audit_budget_line_history"]["parameters"]["path.line_id"] == "$response.body#/aggregate_id"
    lifting = by_id["DebarVendor"]["responses"]["201"]["links"]["LiftDebarment"]["parameters"]
    assert lifting["path.vendor_id"] == "$request.path.vendor_id"
    assert lifting["path.debarment_id"] == "$response.body#/created_id"
    assert by_id["SignContract"]["responses"]["201"]["links"]["public_contract"]["parameters"] == {
        "path.contract_id": "$response.body#/aggregate_id"
    }
    year = by_id["OpenFiscalYear"]["responses"]["201"]["links"]
    assert set(year) == {route.command.__name__ for route in ROUTES if "{fiscal_year}" in route.path} - {
        "OpenFiscalYear"
    }
    # Every link names an operation of the document, and only parameters that operation has.
    for operation in by_id.values():
        for link in operation["responses"].get("201", {}).get("links", {}).values():
            target = by_id[link["operationId"]]
            names = {f"{p['in']}.{p['name']}" for p in target.get("parameters", [])}
            assert set(link["parameters"]) <= names, link
