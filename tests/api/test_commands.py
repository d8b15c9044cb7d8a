"""Commands over HTTP: 201 with id, version and position; idempotency keys; If-Match; problems."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from api.accounts import api_keys, parse_grant
from api.routers import payroll
from api.routers.commands import ROUTES
from cleanledger.wiring import Service
from commands.registry import HANDLERS
from tests.api.conftest import SEOUL, YEAR, KeyMaker

CODE = "100-080-081-1001-2001-3001-201-01"
Y = f"/api/v1/orgs/{SEOUL}/years/{YEAR}"


def _setup(client: TestClient, key_for: KeyMaker) -> dict[str, dict[str, str]]:
    keys = {
        "admin": key_for("admin", "admin@*"),
        "budget": key_for("park", f"budget_officer@{SEOUL}"),
        "clerk": key_for("kim", f"clerk@{SEOUL}"),
    }
    org = {"name": "서울특별시", "kind": "city", "accounting_date": f"{YEAR}-01-01"}
    assert client.post(f"/api/v1/orgs/{SEOUL}", json=org, headers=keys["admin"]).status_code == 201
    year = client.post(Y, json={"accounting_date": f"{YEAR}-01-01"}, headers=keys["admin"])
    assert year.status_code == 201, year.text
    return keys


def _appropriate(client: TestClient, headers: dict[str, str], amount: int = 1_000_000, **extra: str) -> Any:
    body = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": amount}
    return client.post(f"{Y}/budget-lines", json=body, headers={**headers, **extra})


def test_every_command_of_the_registry_has_an_endpoint() -> None:
    """The registry's commands each have one route: the general router's, or payroll's own."""
    routes = (*ROUTES, *payroll.COMMAND_ROUTES)
    assert {route.command for route in routes} == set(HANDLERS)
    assert len({route.path for route in routes}) == len(routes)


def test_a_command_answers_201_with_id_version_and_position(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    response = _appropriate(client, keys["budget"])
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["version"] >= 1
    assert body["position"] > 0
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_a_retry_with_the_same_key_returns_the_first_response_and_records_nothing(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    first = _appropriate(client, keys["budget"], **{"Idempotency-Key": "req-1"})
    head = service.ledger.recorder.max_notification_id()
    again = _appropriate(client, keys["budget"], **{"Idempotency-Key": "req-1"})
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert service.ledger.recorder.max_notification_id() == head


def test_concurrent_retries_with_one_key_record_one_command(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    with ThreadPoolExecutor(8) as pool:
        answers = list(
            pool.map(lambda _: _appropriate(client, keys["budget"], **{"Idempotency-Key": "same"}), range(8))
        )
    assert {a.status_code for a in answers} == {201}
    assert len({a.json()["aggregate_id"] for a in answers}) == 1
    stored = service.ledger.recorder.select_notifications(start=1, limit=1000)
    lines = [n for n in stored if n.topic.endswith("BudgetLine.Appropriated")]
    assert len(lines) == 1


def test_the_same_key_with_a_different_body_is_refused(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    assert _appropriate(client, keys["budget"], **{"Idempotency-Key": "k"}).status_code == 201
    other = _appropriate(client, keys["budget"], 2_000_000, **{"Idempotency-Key": "k"})
    assert other.status_code == 422
    assert other.headers["content-type"] == "application/problem+json"
    assert other.json()["type"] == "command-id-reused"


def test_a_stale_if_match_is_refused_and_nothing_written(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    line = _appropriate(client, keys["budget"]).json()
    path = f"{Y}/budget-lines/{line['aggregate_id']}/allocations"
    body = {"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 100_000}
    version = line["version"]
    ok = client.post(path, json=body, headers={**keys["budget"], "If-Match": f'"{version}"'})
    assert ok.status_code == 201, ok.text
    assert ok.headers["ETag"] == f'"{version + 1}"'
    head = service.ledger.recorder.max_notification_id()
    stale = client.post(path, json=body, headers={**keys["budget"], "If-Match": f'"{version}"'})
    assert stale.status_code == 412
    assert stale.json()["type"] == "version-conflict"
    assert service.ledger.recorder.max_notification_id() == head
    garbled = client.post(path, json=body, headers={**keys["budget"], "If-Match": "yesterday"})
    assert garbled.status_code == 400


def test_a_broken_rule_is_a_409_problem_with_its_numbers(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    line = _appropriate(client, keys["budget"], 1_000).json()
    path = f"{Y}/budget-lines/{line['aggregate_id']}/allocations"
    refused = client.post(
        path, json={"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 5_000}, headers=keys["budget"]
    )
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"] == "over-allocation"
    assert problem["status"] == 409
    assert problem["numbers"]
    assert problem["detail"]


def test_malformed_input_is_422_never_500(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    for body in (
        {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "x", "amount": "1000"},
        {"accounting_date": "not-a-date", "budget_code": CODE, "title": "x", "amount": 1000},
        {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "x", "amount": 2**70},
        {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "x", "amount": 1, "extra": 1},
        [1, 2, 3],
    ):
        answer = client.post(f"{Y}/budget-lines", json=body, headers=keys["budget"])
        assert answer.status_code == 422, (body, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
    broken = client.post(
        f"{Y}/budget-lines",
        content=b"{not json",
        headers={**keys["budget"], "content-type": "application/json"},
    )
    assert broken.status_code == 422
    bad_id = client.post(f"{Y}/budget-lines/not-a-uuid/allocations", json={}, headers=keys["budget"])
    assert bad_id.status_code == 422


def test_keys_and_roles_are_checked(client: TestClient, key_for: KeyMaker, service: Service) -> None:
    keys = _setup(client, key_for)
    assert _appropriate(client, {}).status_code == 401
    unknown_key = {"Authorization": "Bearer clk_0000000000000000_" + "x" * 43}
    assert _appropriate(client, unknown_key).status_code == 401
    forbidden = _appropriate(client, keys["clerk"])
    assert forbidden.status_code == 403
    assert forbidden.json()["type"] == "forbidden"
    elsewhere = key_for("lee", "budget_officer@3000000")
    assert _appropriate(client, elsewhere).status_code == 403
    secret = keys["budget"]["Authorization"].removeprefix("Bearer ")
    service.services.accounts.revoke_key(secret.split("_")[1])
    assert _appropriate(client, keys["budget"]).status_code == 401


def test_keys_are_stored_only_as_hashes(service: Service, key_for: KeyMaker) -> None:
    headers = key_for("choi", f"clerk@{SEOUL}")
    secret = headers["Authorization"].removeprefix("Bearer ")
    with service.services.read_engine.connect() as conn:
        stored = conn.execute(select(api_keys)).mappings().all()
    assert len(stored) == 1
    assert secret not in str(dict(stored[0]))
    # clk_<16 hex id>_<secret>; the secret itself may contain "_".
    assert secret[len("clk_") + 16 + 1 :] not in str(dict(stored[0]))


def test_request_bodies_have_a_size_limit(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    huge = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "x" * 2_000_000, "amount": 1}
    answer = client.post(f"{Y}/budget-lines", json=huge, headers=keys["budget"])
    assert answer.status_code == 413
    assert answer.json()["type"] == "request-too-large"


def test_concurrent_commands_while_projections_run_in_process_all_succeed(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    """On SQLite the saves and the in-process projections write one file: they must take turns
    without deadlocking on the store's connection pool (which showed as 500s after 5 s)."""
    keys = _setup(client, key_for)
    line = _appropriate(client, keys["budget"], 100_000_000).json()["aggregate_id"]
    allocate = {"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 100_000_000}
    assert (
        client.post(f"{Y}/budget-lines/{line}/allocations", json=allocate, headers=keys["budget"]).status_code
        == 201
    )
    approver = key_for("lee", f"approver@{SEOUL}")

    def obligate(n: int) -> int:
        body = {
            "accounting_date": f"{YEAR}-02-01",
            "line_id": line,
            "amount": 1_000,
            "description": f"물품 {n}",
        }
        return client.post(f"{Y}/obligations", json=body, headers=approver).status_code

    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(obligate, range(160)))
    assert statuses == [201] * 160
    assert service.projector is not None
    assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0)


def test_if_match_on_a_command_that_creates_and_a_blank_idempotency_key_are_refused(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    head = service.ledger.recorder.max_notification_id()
    creating = _appropriate(client, keys["budget"], **{"If-Match": '"1"'})
    assert creating.status_code == 400
    assert creating.json()["type"] == "if-match-not-supported"
    blank = _appropriate(client, keys["budget"], **{"Idempotency-Key": "   "})
    assert blank.status_code == 400
    assert blank.json()["type"] == "invalid-idempotency-key"
    assert service.ledger.recorder.max_notification_id() == head


def test_a_key_in_x_api_key_works_and_disabling_or_revoking_a_role_takes_effect_at_once(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    secret = keys["budget"]["Authorization"].removeprefix("Bearer ")
    assert _appropriate(client, {"X-API-Key": secret}).status_code == 201
    accounts = service.services.accounts
    accounts.revoke_grant("park", parse_grant(f"budget_officer@{SEOUL}"))
    assert _appropriate(client, keys["budget"]).status_code == 403
    accounts.grant("park", parse_grant(f"budget_officer@{SEOUL}"))
    # Let through again: the ledger itself now answers (the line exists already).
    assert _appropriate(client, keys["budget"]).json()["type"] == "already-exists"
    accounts.disable_user("park")
    disabled = _appropriate(client, keys["budget"])
    assert disabled.status_code == 401
    assert disabled.json()["type"] == "invalid-api-key"
