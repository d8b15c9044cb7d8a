"""Bad text over HTTP (issue 12, finding 1): refused with 422 ``invalid-text`` naming the field and
the bound, by the fast path and the route alike, and nothing is recorded."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cleanledger.wiring import Service
from tests.api.conftest import SEOUL, YEAR, KeyMaker

Y = f"/api/v1/orgs/{SEOUL}/years/{YEAR}"
CODE = "100-080-081-1001-2001-3001-201-01"


def test_bad_text_is_refused_with_invalid_text_and_nothing_recorded(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    admin = key_for("admin", "admin@*")
    budget = key_for("park", f"budget_officer@{SEOUL}")
    clerk = key_for("kim", f"clerk@{SEOUL}")
    org = {"name": "서울특별시", "kind": "city", "accounting_date": f"{YEAR}-01-01"}
    assert client.post(f"/api/v1/orgs/{SEOUL}", json=org, headers=admin).status_code == 201
    assert client.post(Y, json={"accounting_date": f"{YEAR}-01-01"}, headers=admin).status_code == 201
    head = service.ledger.recorder.max_notification_id()

    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "amount": 1_000_000}
    too_long = client.post(f"{Y}/budget-lines", json=line | {"title": "가" * 201}, headers=budget)
    assert too_long.status_code == 422, too_long.text
    assert too_long.headers["content-type"] == "application/problem+json"
    problem = too_long.json()
    assert problem["type"] == "invalid-text"
    assert problem["numbers"] == {"field": "title", "length": 201, "maximum": 200}

    vendor = {
        "kind": "business",
        "registration_number": "123-45-67890",
        "address": "서울특별시 중구 세종대로 110",
        "accounting_date": f"{YEAR}-01-02",
    }
    nul = client.post(f"{Y}/vendors", json=vendor | {"name": "(주)한빛\x00상사"}, headers=clerk)
    assert nul.status_code == 422, nul.text
    assert nul.json()["type"] == "invalid-text"
    assert nul.json()["numbers"] == {"field": "name", "character": "U+0000"}

    # a lone surrogate, which only a JSON escape can carry
    raw = b'{"kind": "business", "registration_number": "123-45-67890", "address": "", '
    raw += f'"accounting_date": "{YEAR}-01-02", "name": "\\ud800"}}'.encode()
    surrogate = client.post(
        f"{Y}/vendors", content=raw, headers={**clerk, "Content-Type": "application/json"}
    )
    assert surrogate.status_code == 422, surrogate.text
    assert surrogate.json()["type"] == "invalid-text"
    assert surrogate.json()["numbers"] == {"field": "name", "character": "U+D800"}

    assert service.ledger.recorder.max_notification_id() == head
    # the bound itself is accepted
    accepted = client.post(f"{Y}/budget-lines", json=line | {"title": "가" * 200}, headers=budget)
    assert accepted.status_code == 201, accepted.text
