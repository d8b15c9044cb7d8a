"""Status over HTTP and on the command line, and reads that wait for a position a faulted
projection will never reach (issue 12: "status over HTTP", finding 1).

The fault here is an event the ERP balances cannot apply on either backend: a voucher drawn on
an obligation that was never created, written to the log as an old, broken release might have.
"""

from __future__ import annotations

import argparse
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cleanledger import cli
from cleanledger.wiring import Service
from commands.ledger import Ledger
from domain.obligation import Obligation
from projections.base import Envelope, RowWriter
from projections.erp import BalancesProjection
from tests.api.conftest import SEOUL, YEAR, KeyMaker

Y = f"/api/v1/orgs/{SEOUL}/years/{YEAR}"


def poison(ledger: Ledger) -> tuple[int, uuid.UUID]:
    """Record an event the ERP balances cannot apply; its position and aggregate."""
    aggregate = uuid.uuid4()
    event = Obligation.Vouchered(  # type: ignore[call-arg]
        originator_id=aggregate,
        originator_version=2,
        timestamp=datetime.now(UTC),
        org=SEOUL,
        fiscal_year=YEAR,
        accounting_date=date(YEAR, 2, 2),
        actor="clerk-kim",
        command_id=uuid.uuid4(),
        voucher_id=uuid.uuid4(),
        amount=1_000,
    )
    ledger.recorder.insert_events([ledger.mapper.to_stored_event(event)])
    return ledger.recorder.max_notification_id() or 0, aggregate


def projections_of(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in answer["projections"]}


def until(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_status_reports_the_head_and_each_projections_position_and_lag(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    admin = key_for("admin", "admin@*")
    org = {"name": "서울특별시", "kind": "city", "accounting_date": f"{YEAR}-01-01"}
    position = client.post(f"/api/v1/orgs/{SEOUL}", json=org, headers=admin).json()["position"]
    client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": position})

    answer = client.get("/api/v1/status")  # no key
    assert answer.status_code == 200
    body = answer.json()
    assert body["head"] == service.ledger.recorder.max_notification_id() == position
    assert body["faulted"] is False
    rows = projections_of(body)
    assert {"erp_balances", "disclosure", "general_ledger"} <= set(rows)
    for name in ("erp_balances", "disclosure", "general_ledger"):
        assert rows[name]["position"] == position and rows[name]["lag"] == 0
        assert rows[name]["fault"] is None and rows[name]["rebuild_needed"] is False
    # never a kept answer: the next command's position shows at once
    year = client.post(Y, json={"accounting_date": f"{YEAR}-01-01"}, headers=admin).json()["position"]
    assert client.get("/api/v1/status").json()["head"] == year


def test_a_fault_is_shown_reads_past_it_answer_503_at_once_and_a_retry_after_the_fix_goes_on(
    client: TestClient,
    key_for: KeyMaker,
    service: Service,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    admin = key_for("admin", "admin@*")
    district_admin = key_for("lee", "admin@3030000")
    budget = key_for("park", f"budget_officer@{SEOUL}")
    org = {"name": "서울특별시", "kind": "city", "accounting_date": f"{YEAR}-01-01"}
    assert client.post(f"/api/v1/orgs/{SEOUL}", json=org, headers=admin).status_code == 201
    assert client.post(Y, json={"accounting_date": f"{YEAR}-01-01"}, headers=admin).status_code == 201
    at, aggregate = poison(service.ledger)
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": "100-080-081-1001-2001-3001-201-01"}
    later = client.post(f"{Y}/budget-lines", json=line | {"title": "복지", "amount": 1_000}, headers=budget)
    assert later.status_code == 201
    head = later.json()["position"]

    # a read that waits for a position past the fault is answered at once, and says why
    started = time.monotonic()
    refused = client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": head})
    assert time.monotonic() - started < service.services.limits.min_position_timeout / 2
    assert refused.status_code == 503, refused.text
    problem = refused.json()
    assert problem["type"] == "projection-faulted"
    assert problem["numbers"] == {"min_position": head, "projection": "erp_balances", "stopped_at": at}
    # one before the fault is answered
    assert (
        client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": at - 1}).status_code
        == 200
    )

    # the others carry on to the head
    def others_at_head() -> bool:
        rows = projections_of(client.get("/api/v1/status").json())
        return all(rows[n]["position"] == head for n in ("disclosure", "general_ledger"))

    until(others_at_head)
    status = client.get("/api/v1/status").json()
    assert status["faulted"] is True
    erp = projections_of(status)["erp_balances"]
    assert erp["position"] == at - 1 and erp["lag"] == head - at + 1
    assert erp["fault"] == {
        "generation": 1,
        "position": at,
        "event": "Obligation.Vouchered",
        "error": "NoResultFound",
        "code": None,
        "recorded_at": erp["fault"]["recorded_at"],
    }  # no message, no aggregate: the public sees the kind of error only

    # operators see it in full; an administrator of one organisation does not
    detail = client.get("/api/v1/operator/projections", headers=admin)
    assert detail.status_code == 200
    fault = projections_of(detail.json())["erp_balances"]["fault"]
    assert fault["originator_id"] == str(aggregate) and fault["originator_version"] == 2
    assert fault["error"] == "sqlalchemy.exc.NoResultFound" and "No row was found" in fault["message"]
    assert client.get("/api/v1/operator/projections", headers=district_admin).status_code == 403
    assert client.get("/api/v1/operator/projections").status_code == 401

    # and on the command line: the fault, where, and what to do; exit code 2
    args = argparse.Namespace(settings=service.settings)
    capsys.readouterr()
    assert cli.status(service.ledger, args) == 2
    out = capsys.readouterr().out
    assert f"STOPPED before {at}" in out
    assert f"erp_balances is STOPPED before position {at}, the event Obligation.Vouchered" in out
    assert "sqlalchemy.exc.NoResultFound" in out and "cleanledger retry erp_balances" in out

    # a release that can apply the event, then a retry: it goes on from where it stopped
    original = BalancesProjection._obligation_event

    def fixed(self: BalancesProjection, event: Envelope, out: RowWriter) -> None:
        if event.originator_id != str(aggregate):  # the fixed release passes over the broken voucher
            original(self, event, out)

    monkeypatch.setattr(BalancesProjection, "_obligation_event", fixed)
    assert (
        cli.retry(service.ledger, argparse.Namespace(settings=service.settings, names=["erp_balances"])) == 0
    )
    assert f"the fault at position {at} is cleared" in capsys.readouterr().out
    service.services.after_command()  # wake the projector (a worker would find it by itself)
    answer = client.get("/api/v1/public/programs", params={"org": SEOUL, "min_position": head})
    assert answer.status_code == 200, answer.text
    status = client.get("/api/v1/status").json()
    assert status["faulted"] is False
    assert projections_of(status)["erp_balances"]["position"] == head
    assert cli.status(service.ledger, args) == 0
