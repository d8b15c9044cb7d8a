"""Plain commands are answered without FastAPI's per-request machinery, with the route's answer;
everything else reaches the route (api.command_fast_path)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.command_fast_path import CommandFastPath
from tests.api.conftest import SEOUL, YEAR, KeyMaker
from tests.api.test_commands import CODE, Y, _appropriate, _setup


def fast_path(client: TestClient) -> CommandFastPath:
    found = getattr(client.app, "fast_path", None)
    assert isinstance(found, CommandFastPath)
    return found


def _line(client: TestClient, headers: dict[str, str], stat: str) -> Any:
    body = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE[:-2] + stat, "title": "복지", "amount": 9}
    return client.post(f"{Y}/budget-lines", json=body, headers=headers)


def test_a_known_key_is_answered_directly_with_the_answer_the_route_gives(
    client: TestClient, key_for: KeyMaker
) -> None:
    keys = _setup(client, key_for)
    fast = fast_path(client)
    officer = key_for("lee", f"budget_officer@{SEOUL}")  # a new key: not in the key cache yet
    before = fast.answered
    by_route = _line(client, officer, "02")
    assert fast.answered == before  # the route authenticated it (and cached the key)
    by_fast_path = _line(client, officer, "03")
    assert fast.answered == before + 1
    for answer in (by_route, by_fast_path):
        assert answer.status_code == 201, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert answer.headers["ETag"] == f'"{answer.json()["version"]}"'
    assert by_route.json().keys() == by_fast_path.json().keys()
    assert by_fast_path.json()["position"] > by_route.json()["position"]
    assert keys  # the setup's own commands went either way


def test_a_retry_a_stale_version_and_a_broken_rule_on_the_fast_path(
    client: TestClient, key_for: KeyMaker
) -> None:
    keys = _setup(client, key_for)
    fast = fast_path(client)
    retry = {**keys["budget"], "Idempotency-Key": "fast-1"}
    first = _line(client, retry, "02")
    answered = fast.answered
    again = _line(client, retry, "02")
    assert (again.status_code, again.json()) == (201, first.json())
    assert again.headers["Idempotent-Replayed"] == "true"
    line = first.json()
    path = f"{Y}/budget-lines/{line['aggregate_id']}/allocations"
    body = {"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 5_000}
    over = client.post(path, json=body, headers=keys["budget"])
    assert over.status_code == 409
    assert over.headers["content-type"] == "application/problem+json"
    assert over.json()["type"] == "over-allocation"
    assert over.json()["instance"] == path
    assert over.json()["numbers"]
    stale = client.post(path, json={**body, "amount": 1}, headers={**keys["budget"], "If-Match": '"99"'})
    assert stale.status_code == 412
    assert stale.json()["type"] == "version-conflict"
    assert fast.answered == answered + 3


def test_requests_the_fast_path_does_not_judge_reach_the_route(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    _appropriate(client, keys["budget"])  # the key is cached from here on
    fast = fast_path(client)
    answered = fast.answered
    short_org, old_year = f"/api/v1/orgs/61100/years/{YEAR}", f"/api/v1/orgs/{SEOUL}/years/1800"
    good = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 1}
    refusals = [
        (client.post(f"{Y}/budget-lines", json=good, headers=keys["clerk"]), 403),  # no role
        (client.post(f"{Y}/budget-lines", json={**good, "extra": 1}, headers=keys["budget"]), 422),
        (client.post(f"{Y}/budget-lines", json={**good, "amount": "1"}, headers=keys["budget"]), 422),
        (client.post(f"{Y}/budget-lines", content=b"{not json", headers=keys["budget"]), 422),
        (
            client.post(f"{Y}/budget-lines", json=good, headers={**keys["budget"], "Idempotency-Key": " "}),
            400,
        ),
        (
            client.post(
                f"{Y}/budget-lines", json=good, headers={**keys["budget"], "Idempotency-Key": "k" * 256}
            ),
            422,
        ),
        (client.post(f"{Y}/budget-lines", json=good, headers={**keys["budget"], "If-Match": '"1"'}), 400),
        (client.post(f"{short_org}/budget-lines", json=good, headers=keys["budget"]), 403),  # no such org
        (client.post(f"{old_year}/budget-lines", json=good, headers=keys["budget"]), 422),
        (client.post(f"{Y}/budget-lines/not-a-uuid/allocations", json=good, headers=keys["budget"]), 422),
        (client.post(f"{Y}/budget-lines", json=good, headers={"Authorization": "Bearer clk_nope"}), 401),
        (client.post(f"{Y}/budget-lines", content=b"x" * 1_000_001, headers=keys["budget"]), 413),
    ]
    for answer, status in refusals:
        assert answer.status_code == status, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
    assert fast.answered == answered
