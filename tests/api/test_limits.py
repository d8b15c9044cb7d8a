"""The public API is rate-limited per client; commands are not (they are authenticated)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from commands.persistence import StoreConfig
from tests.api.conftest import serving


@pytest.fixture
def limited(store_config: StoreConfig) -> Iterator[TestClient]:
    with serving(store_config, public_requests_per_minute=60) as (_, client):
        yield client


def test_a_client_over_its_public_rate_gets_429_with_retry_after(limited: TestClient) -> None:
    answers = [limited.get("/api/v1/public/debarred-vendors") for _ in range(12)]
    statuses = [a.status_code for a in answers]
    assert statuses[:10] == [200] * 10  # the burst: a sixth of a minute's allowance
    refused = answers[-1]
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "too-many-requests"
    assert int(refused.headers["Retry-After"]) >= 1
    # Other clients keep their own allowance; non-public paths are not counted.
    other = TestClient(limited.app, client=("203.0.113.9", 50000))
    assert other.get("/api/v1/public/debarred-vendors").status_code == 200
    assert limited.get("/healthz").status_code == 200
