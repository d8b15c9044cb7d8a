"""The document against reality: it is a valid OpenAPI document, every answer of the suite keeps
to it (tests/contract.py, installed by tests/conftest.py), and each header only some answers
carry is sent where the document says (issue 22)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from openapi_spec_validator import validate
from starlette.testclient import TestClient

from api.accounts import parse_grant
from api.headers import EVERY_RESPONSE, SENT
from cleanledger.wiring import Service
from commands.persistence import StoreConfig
from tests import contract
from tests.api.conftest import SEOUL, YEAR, serving, settings_for
from tests.app.books import Books


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The document of the app as ``cleanledger serve`` builds it (it does not depend on the store)."""
    path: Path = tmp_path_factory.mktemp("document") / "ledger.db"
    service = Service(settings_for(StoreConfig(database_url=f"sqlite:///{path}")), run_projections=False)
    try:
        yield service.app.openapi()
    finally:
        service.services.read_engine.dispose()


def test_the_document_is_a_valid_openapi_document(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    validate(document)  # openapi-spec-validator: raises on the first error


def _answer(
    method: str, path: str, status: int, headers: dict[str, str], body: bytes = b"{}"
) -> httpx.Response:
    return httpx.Response(status, headers=headers, content=body, request=httpx.Request(method, path))


def test_the_check_finds_undeclared_headers_statuses_media_types_and_bodies(
    document: dict[str, Any],
) -> None:
    """The harness itself: what it finds, and what it skips."""
    checked = contract.Contract(document)
    status = "/api/v1/status"
    json_type = {"content-type": "application/json"}
    operation, found = checked.violations(
        "get", status, _answer("GET", status, 200, {**json_type, "X-Secret": "1"})
    )
    assert operation == "status"
    assert any(v.startswith("header:x-secret") for v in found), found
    assert any(v.startswith("body:") for v in found), found  # {} is not a status
    _, found = checked.violations("get", status, _answer("GET", status, 418, json_type))
    assert found and found[0].startswith("status 418"), found
    _, found = checked.violations(
        "get", status, _answer("GET", status, 200, {"content-type": "text/html"}, b"x")
    )
    assert any(v.startswith("media 'text/html'") for v in found), found
    programs = "/api/v1/public/programs"
    soon = _answer("GET", programs, 503, {"content-type": "application/problem+json", "Retry-After": "soon"})
    _, found = checked.violations("get", programs, soon)
    assert any(v.startswith("header:retry-after 'soon'") for v in found), found
    # A literal segment is matched before a parameter; an unknown path's 404 is skipped.
    assert checked.find("get", "/api/v1/public/checkpoints/latest").name == "public_checkpoint_latest"  # type: ignore[union-attr]
    nowhere = "/api/v1/nowhere"
    assert checked.violations("get", nowhere, _answer("GET", nowhere, 404, json_type)) == (None, [])
    _, found = checked.violations("get", nowhere, _answer("GET", nowhere, 200, json_type))
    assert found, "an answer from a path no operation declares is a violation"


def test_no_answer_in_the_suite_carries_an_undeclared_header(client: TestClient) -> None:
    """0 undeclared headers: every answer any test receives from the app goes through
    tests/contract.py, which fails that test on a header its operation does not declare (and on
    an undeclared status, media type or body). This test states it: the check is installed, the
    only headers exempt are those every answer carries, and no allowance excuses a header."""
    assert TestClient.request.__name__ == "_checked_request", "tests/conftest.py installs the check"
    before = contract.stats.checked
    answer = client.get("/api/v1/status")
    assert contract.stats.checked == before + 1
    assert set(answer.headers) - EVERY_RESPONSE <= set()  # a plain status answer: nothing else
    assert not [a for a in contract.ALLOWED if a.kind.startswith("header:")], contract.ALLOWED


def _declared(document: dict[str, Any], method: str, path: str, status: int) -> set[str]:
    operation = contract.Contract(document).find(method, path)
    assert operation is not None, path
    return {name.lower() for name in operation.spec["responses"][str(status)].get("headers", {})}


@pytest.fixture
def limited(store_config: StoreConfig) -> Iterator[tuple[Service, TestClient]]:
    """The service with projections stopped (reads past the head wait 0.3 s and answer 503) and a
    public rate limit of 6 a minute: a bucket of 10, one more every 10 s."""
    with serving(
        store_config, run_projections=False, min_position_timeout=0.3, public_requests_per_minute=6
    ) as running:
        yield running


def test_each_header_only_some_answers_carry_is_sent_and_declared_there(
    limited: tuple[Service, TestClient], document: dict[str, Any]
) -> None:
    service, client = limited
    Books(service.ledger).ready()
    service.services.accounts.create_user("park", "park", [parse_grant(f"budget_officer@{SEOUL}")])
    key = {"Authorization": f"Bearer {service.services.accounts.issue_key('park').secret}"}
    seen: dict[str, tuple[str, str, int]] = {}

    def saw(answer: httpx.Response, *names: str) -> None:
        declared = _declared(
            document, answer.request.method.lower(), answer.request.url.path, answer.status_code
        )
        for name in names:
            assert name in answer.headers, (name, answer.status_code, dict(answer.headers))
            assert name.lower() in declared, (name, answer.request.url.path, answer.status_code)
            seen[name] = (answer.request.method, answer.request.url.path, answer.status_code)

    # ETag and Idempotent-Replayed: a command sent again with its Idempotency-Key.
    lines = f"/api/v1/orgs/{SEOUL}/years/{YEAR}/budget-lines"
    body = {"accounting_date": f"{YEAR}-01-02", "budget_code": "100-080-081-1001-2001-3001-201-01"}
    body |= {"title": "복지 사업", "amount": 1_000_000}
    retry = {**key, "Idempotency-Key": "contract-1"}
    assert client.post(lines, json=body, headers=retry).status_code == 201
    saw(client.post(lines, json=body, headers=retry), "ETag", "Idempotent-Replayed")
    # WWW-Authenticate on a 401.
    saw(client.post(lines, json=body), "WWW-Authenticate")
    # Retry-After on a 503: the views do not reach the position in time.
    head = service.ledger.recorder.max_notification_id() or 0
    waited = client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": head})
    assert waited.status_code == 503
    saw(waited, "Retry-After", "RateLimit-Policy", "RateLimit")
    # X-Known-At-Position on a report as known at a past position, in JSON and in CSV.
    report = f"/api/v1/public/orgs/{SEOUL}/reports/trial-balance"
    asked = {"as_of": f"{YEAR}-12-31", "known_at": "1"}
    saw(client.get(report, params=asked), "X-Known-At-Position", "RateLimit")
    saw(client.get(f"{report}.csv", params=asked), "X-Known-At-Position", "Content-Disposition")
    # Content-Disposition on a list's CSV download.
    saw(client.get("/api/v1/public/debarred-vendors.csv"), "Content-Disposition")
    # Retry-After with the rate limit's headers on a 429, once the bucket is empty.
    for _ in range(10):
        refused = client.get("/api/v1/status")
        if refused.status_code == 429:
            break
    assert refused.status_code == 429
    saw(refused, "Retry-After", "RateLimit-Policy", "RateLimit")
    assert {h.name for h in SENT} == set(seen), "every header of api.headers.SENT is exercised"


def test_a_client_sees_its_allowance_go_down_and_a_429_that_says_when_to_come_back(
    limited: tuple[Service, TestClient],
) -> None:
    """6 a minute: a bucket of 10 that refills one request every 10 s (w: 100 s from empty)."""
    _, client = limited
    answers = [client.get("/api/v1/status") for _ in range(11)]
    assert [a.status_code for a in answers] == [200] * 10 + [429]
    assert {a.headers["RateLimit-Policy"] for a in answers} == {'"public";q=10;w=100'}
    left = [int(re.search(r";r=(\d+)", a.headers["RateLimit"]).group(1)) for a in answers]  # type: ignore[union-attr]
    assert left == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]
    full_in = [int(re.search(r";t=(\d+)", a.headers["RateLimit"]).group(1)) for a in answers]  # type: ignore[union-attr]
    assert full_in[0] == 10 and full_in[9] in (99, 100)  # a token back every 10 s
    refused = answers[-1]
    assert refused.json()["type"] == "too-many-requests"
    # The next token comes a refill's 60/6 = 10 s after the bucket ran dry (less what has passed
    # since, rounded up): a client that waits that long is let through.
    assert int(refused.headers["Retry-After"]) in (math.ceil(60 / 6) - 1, math.ceil(60 / 6))
