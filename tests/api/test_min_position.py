"""Reading your own write: ``min_position`` beyond the head of the log is refused at once, and
views that do not reach it in time answer 503 with Retry-After rather than stale rows."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from cleanledger.wiring import Service
from commands.persistence import StoreConfig
from tests.api.conftest import SEOUL, serving
from tests.app.books import Books


def test_a_position_beyond_the_head_of_the_log_is_refused_at_once(
    client: TestClient, service: Service
) -> None:
    Books(service.ledger).ready()
    head = service.ledger.recorder.max_notification_id() or 0
    started = time.monotonic()
    answer = client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": head + 1})
    assert time.monotonic() - started < service.services.limits.min_position_timeout
    assert answer.status_code == 422
    assert answer.json()["type"] == "position-not-recorded"
    assert answer.json()["numbers"] == {"min_position": head + 1, "head": head}


@pytest.fixture
def unprojected(store_config: StoreConfig) -> Iterator[tuple[TestClient, Service]]:
    """The API with no projections running (a separate worker that is down), and a short wait."""
    with serving(store_config, run_projections=False, min_position_timeout=0.3) as (service, client):
        yield client, service


def test_views_that_do_not_reach_the_position_in_time_answer_503(
    unprojected: tuple[TestClient, Service],
) -> None:
    client, service = unprojected
    Books(service.ledger).ready()
    head = service.ledger.recorder.max_notification_id() or 0
    answer = client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": head})
    assert answer.status_code == 503
    assert answer.json()["type"] == "not-yet-projected"
    assert answer.headers["Retry-After"] == "1"
