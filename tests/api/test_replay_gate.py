"""Reports "as known at" a moment replay the log; a server process runs a bounded number at once
and refuses the next with 503 and Retry-After, while live reports and commands go on."""

from __future__ import annotations

from dataclasses import replace
from itertools import chain, repeat

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.app import create_app
from api.problems import ApiProblem
from api.replay_gate import ReplayGate
from cleanledger.settings import Settings
from commands.persistence import StoreConfig
from tests.api.conftest import YEAR, serving
from tests.api.test_reports import R, record_year
from tests.app.books import Books


def test_a_replay_beyond_the_free_slots_is_refused_with_retry_after() -> None:
    gate = ReplayGate(2)
    with gate.slot(), gate.slot(), pytest.raises(ApiProblem) as busy, gate.slot():
        pass
    problem = busy.value
    assert (problem.status, problem.code) == (503, "known-at-busy")
    assert problem.numbers["replays_at_once"] == 2
    assert int(problem.headers["Retry-After"]) >= 1
    with gate.slot(), gate.slot():  # both slots free again
        pass


def test_retry_after_is_the_last_replays_duration_rounded_up(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = chain([100.0, 102.3], repeat(200.0))  # a replay that took 2.3 s, then any time
    monkeypatch.setattr("api.replay_gate.time.monotonic", lambda: next(clock))
    gate = ReplayGate(1)
    with gate.slot():
        pass
    with gate.slot(), pytest.raises(ApiProblem) as busy, gate.slot():
        pass
    assert busy.value.headers["Retry-After"] == "3"
    assert busy.value.numbers["retry_after_seconds"] == 3


def test_a_failed_replay_gives_its_slot_back() -> None:
    gate = ReplayGate(1)
    with pytest.raises(RuntimeError), gate.slot():
        raise RuntimeError("the replay failed")
    with gate.slot():
        pass


@pytest.mark.parametrize("slots", [0, -3])
def test_a_gate_without_slots_is_refused(slots: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ReplayGate(slots)


def known_at_reports(client: TestClient, position: int) -> list[tuple[str, dict[str, str]]]:
    return [
        (f"{R}/trial-balance", {"as_of": f"{YEAR}-12-31", "known_at": str(position)}),
        (
            f"{R}/trial-balance/diff",
            {"as_of": f"{YEAR}-12-31", "from_known_at": "1", "to_known_at": str(position)},
        ),
    ]


def test_known_at_reports_beyond_the_limit_are_refused_and_live_reports_answered(
    store_config: StoreConfig,
) -> None:
    with serving(store_config, known_at_replays=1) as (service, client):
        position = record_year(Books(service.ledger))
        live = {"as_of": f"{YEAR}-12-31", "min_position": str(position)}
        assert client.get(f"{R}/trial-balance", params=live).status_code == 200
        gate = service.services.replay_gate
        with gate.slot():  # another request's replay is running
            for path, params in known_at_reports(client, position):
                busy = client.get(path, params=params)
                assert busy.status_code == 503, busy.text
                assert busy.headers["content-type"].startswith("application/problem+json")
                assert busy.json()["type"] == "known-at-busy"
                assert busy.json()["numbers"]["replays_at_once"] == 1
                assert int(busy.headers["Retry-After"]) >= 1
            assert client.get(f"{R}/trial-balance", params=live).status_code == 200
        for path, params in known_at_reports(client, position):
            answered = client.get(path, params=params)
            assert answered.status_code == 200, answered.text


@pytest.mark.parametrize("replays", [0, 65])
def test_a_replay_limit_out_of_range_is_refused(replays: int) -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, known_at_replays=replays)


def test_the_served_gate_takes_the_setting(store_config: StoreConfig) -> None:
    with serving(store_config, known_at_replays=3) as (service, _):
        assert service.services.replay_gate.slots == 3


def test_a_service_without_replays_refuses_known_at_reports_and_answers_live_ones(
    store_config: StoreConfig,
) -> None:
    with serving(store_config) as (service, client):
        position = record_year(Books(service.ledger))
        live = {"as_of": f"{YEAR}-12-31", "min_position": str(position)}
        assert client.get(f"{R}/trial-balance", params=live).status_code == 200
        without = TestClient(create_app(replace(service.services, replay=None)))
        for path, params in known_at_reports(without, position):
            refused = without.get(path, params=params)
            assert refused.status_code == 503, refused.text
            assert refused.json()["type"] == "known-at-unavailable"
        assert without.get(f"{R}/trial-balance", params=live).status_code == 200
