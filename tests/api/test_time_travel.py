"""Time travel over HTTP (issue 5): reports as of an accounting date and as known at a moment.

The acceptance test captures every report at a moment T, then records backdated corrections and
new events; the reports ``known_at=T`` (as a position and as a timestamp) equal the captures
exactly, and the ``as_of`` reports move as they should. Then: the diff names the right lines and
the events that caused them; the audit trail at a recorded time; timestamps map to positions.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from cleanledger.wiring import Service
from commands import timeline
from commands.messages.budget import AmendBudget
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.messages.payments import ApproveVoucher, DraftVoucher, IssuePaymentOrder, Pay
from domain.journal import JournalKind
from domain.voucher import Voucher
from tests.api.conftest import SEOUL, YEAR, KeyMaker
from tests.api.test_reports import ADMINISTRATIVE, BUDGET, CASH, NET_ASSETS, PAID, R, record_year
from tests.app.books import Books

#: Every report with the parameters it is captured with (name, params).
REPORTS: list[tuple[str, dict[str, Any]]] = [
    ("trial-balance", {"as_of": f"{YEAR}-12-31"}),
    ("trial-balance", {"as_of": f"{YEAR}-01-31"}),
    ("trial-balance", {"as_of": f"{YEAR}-02-28", "period_start": f"{YEAR}-02-01"}),
    ("income-statement", {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"}),
    ("balance-sheet", {"as_of": f"{YEAR}-12-31"}),
    ("balance-sheet", {"as_of": f"{YEAR}-01-31"}),
    ("budget-vs-actual", {"fiscal_year": YEAR}),
    ("budget-vs-actual", {"fiscal_year": YEAR, "as_of": f"{YEAR}-01-31"}),
    ("budget-vs-actual", {"fiscal_year": YEAR, "as_of": f"{YEAR}-02-28"}),
]
CORRECTION = 400_000  # a January adjustment recorded after T (backdated)
SUPPLEMENT = 2_000_000  # a January budget amendment recorded after T (backdated)
APRIL_PAYMENT = 1_000_000  # a new payment in April, recorded after T


def fetch(client: TestClient, name: str, params: dict[str, Any], **extra: Any) -> Any:
    answer = client.get(f"{R}/{name}", params={**params, **extra})
    assert answer.status_code == 200, answer.text
    return answer


def by_account(report: dict[str, Any]) -> dict[str, int]:
    return {line["account"]: line["closing"] for line in report["lines"]}


def record_after_t(books: Books, line: Any) -> list[int]:
    """Backdated corrections and new events; returns their positions (the journal entry, the
    amendment, and the April voucher's events)."""
    january = date(YEAR, 1, 20)
    entry = books.run(
        RecordJournalEntry,
        on=january,
        kind=JournalKind.ADJUSTMENT,
        memo="1월 수정분개",
        lines=(
            JournalLineInput(account=ADMINISTRATIVE, debit=CORRECTION),
            JournalLineInput(account=CASH, credit=CORRECTION),
        ),
        actor="auditor-lee",
    )
    amended = books.run(
        AmendBudget, on=january, line_id=line, change=SUPPLEMENT, reference="추경 1회", actor="planner-park"
    )
    april = date(YEAR, 4, 10)
    obligation = books.obligate(line, APRIL_PAYMENT, on=april)
    voucher = books.run(
        DraftVoucher, on=april, obligation_id=obligation, amount=APRIL_PAYMENT, description="4월 대금"
    ).aggregate_id
    books.run(ApproveVoucher, on=april, voucher_id=voucher)
    order_command = uuid.uuid4()
    books.run(IssuePaymentOrder, on=april, voucher_id=voucher, amount=APRIL_PAYMENT, command_id=order_command)
    paid = books.run(
        Pay, on=april, voucher_id=voucher, order_id=Voucher.order_id_for(order_command), amount=APRIL_PAYMENT
    )
    return [entry.position, amended.position, paid.position]


def line_id_of(client: TestClient, position: int) -> str:
    plan = fetch(client, "budget-vs-actual", {"fiscal_year": YEAR}, min_position=position).json()
    return str(plan["lines"][0]["line_id"])


def test_reports_known_at_t_equal_the_captures_and_as_of_moves(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    books = Books(service.ledger)
    t_position = record_year(books)
    line = line_id_of(client, t_position)

    # --- capture every report at T (the live views, caught up to T), JSON and CSV ---------------
    captured = {
        (name, tuple(sorted(params.items()))): fetch(client, name, params, min_position=t_position).json()
        for name, params in REPORTS
    }
    captured_csv = {
        (name, tuple(sorted(params.items()))): fetch(client, f"{name}.csv", params).content
        for name, params in REPORTS
    }
    t_recorded = timeline.recorded_at(service.ledger, t_position)
    assert t_recorded is not None
    time.sleep(0.05)
    moment_t = datetime.now(UTC)
    time.sleep(0.05)

    # as of January: the year's February payment and March tax are not in it yet
    assert by_account(captured[("trial-balance", (("as_of", f"{YEAR}-01-31"),))]) == {
        CASH: 50_000_000,
        NET_ASSETS: 50_000_000,
    }
    january_plan = captured[("budget-vs-actual", (("as_of", f"{YEAR}-01-31"), ("fiscal_year", YEAR)))]
    assert [
        (x["current_budget"], x["allocated"], x["obligated"], x["paid"]) for x in january_plan["lines"]
    ] == [(BUDGET, BUDGET, 0, 0)]
    february_plan = captured[("budget-vs-actual", (("as_of", f"{YEAR}-02-28"), ("fiscal_year", YEAR)))]
    assert [(x["obligated"], x["paid"]) for x in february_plan["lines"]] == [(PAID, PAID)]

    # --- after T: backdated corrections and new events ------------------------------------------
    later = record_after_t(books, uuid.UUID(line))
    head = later[-1]

    # --- known at T: exactly the captures, by position and by timestamp --------------------------
    for name, params in REPORTS:
        key = (name, tuple(sorted(params.items())))
        by_position = fetch(client, name, params, known_at=str(t_position))
        assert by_position.json() == captured[key], (name, params)
        assert by_position.headers["X-Known-At-Position"] == str(t_position)
        by_time = fetch(client, name, params, known_at=moment_t.isoformat())
        assert by_time.json() == captured[key], (name, params)
        assert by_time.headers["X-Known-At-Position"] == str(t_position)
        assert fetch(client, f"{name}.csv", params, known_at=str(t_position)).content == captured_csv[key]

    # --- live and as_of reports moved as they should ---------------------------------------------
    now_january = fetch(client, "trial-balance", {"as_of": f"{YEAR}-01-31"}, min_position=head).json()
    assert by_account(now_january) == {
        CASH: 50_000_000 - CORRECTION,
        NET_ASSETS: 50_000_000,
        ADMINISTRATIVE: CORRECTION,
    }
    plan_now = {
        k: fetch(client, "budget-vs-actual", {"fiscal_year": YEAR, **({"as_of": k} if k else {})}).json()[
            "lines"
        ][0]
        for k in (f"{YEAR}-01-31", f"{YEAR}-02-28", f"{YEAR}-03-31", None)
    }
    assert (plan_now[f"{YEAR}-01-31"]["current_budget"], plan_now[f"{YEAR}-01-31"]["obligated"]) == (
        BUDGET + SUPPLEMENT,
        0,
    )
    assert (plan_now[f"{YEAR}-03-31"]["obligated"], plan_now[f"{YEAR}-03-31"]["paid"]) == (PAID, PAID)
    assert (plan_now[None]["obligated"], plan_now[None]["paid"]) == (
        PAID + APRIL_PAYMENT,
        PAID + APRIL_PAYMENT,
    )
    assert plan_now[None]["current_budget"] == BUDGET + SUPPLEMENT
    # The public 사업현황 as of a date, and a dated table cut at a date
    programs = client.get(
        "/api/v1/public/programs",
        params={"org": SEOUL, "year": YEAR, "as_of": f"{YEAR}-03-31", "totals": True},
    ).json()
    assert [(x["current_budget"], x["obligated"], x["paid"]) for x in programs["items"]] == [
        (BUDGET + SUPPLEMENT, PAID, PAID)
    ]
    assert programs["totals"]["paid"] == PAID
    assert programs["items"][0]["execution_rate"] == round(100 * PAID / (BUDGET + SUPPLEMENT), 2)
    live_programs = client.get("/api/v1/public/programs", params={"org": SEOUL, "year": YEAR}).json()
    assert live_programs["items"][0]["paid"] == PAID + APRIL_PAYMENT
    expenditures = client.get(
        "/api/v1/public/expenditures", params={"org": SEOUL, "as_of": f"{YEAR}-03-31"}
    ).json()
    assert [x["amount"] for x in expenditures["items"]] == [PAID]
    refused = client.get("/api/v1/public/revenue", params={"as_of": f"{YEAR}-03-31"})
    assert refused.status_code == 400 and refused.json()["type"].endswith("unsupported-filter")

    # --- the diff between T and now ----------------------------------------------------------------
    diff = client.get(
        f"{R}/trial-balance/diff",
        params={"from_known_at": str(t_position), "to_known_at": str(head), "as_of": f"{YEAR}-01-31"},
    )
    assert diff.status_code == 200, diff.text
    body = diff.json()
    assert (body["from_position"], body["to_position"]) == (t_position, head)
    closing = {(x["line"], x["column"]): (x["before"], x["after"], x["change"]) for x in body["lines"]}
    assert closing[(CASH, "closing")] == (50_000_000, 50_000_000 - CORRECTION, -CORRECTION)
    assert closing[(ADMINISTRATIVE, "closing")] == (0, CORRECTION, CORRECTION)
    assert (NET_ASSETS, "closing") not in closing
    # Only the backdated January entry moved January: the April payment is after as_of. (A
    # command's position is its last event's, its receipt's: the entry's event is just before.)
    [event] = body["events"]
    assert (event["actor"], event["accounting_date"], event["event"]) == (
        "auditor-lee",
        f"{YEAR}-01-20",
        "ManualJournal.Recorded",
    )
    assert t_position < event["position"] <= later[0]
    assert sorted(body["events"][0]["lines"]) == sorted([CASH, ADMINISTRATIVE])
    assert datetime.fromisoformat(body["events"][0]["recorded_at"]) > moment_t

    budget_diff = client.get(
        f"{R}/budget-vs-actual/diff",
        params={"from_known_at": moment_t.isoformat(), "to_known_at": str(head), "fiscal_year": YEAR},
    ).json()
    changed = {(x["column"], x["change"]) for x in budget_diff["lines"]}
    assert changed == {("current_budget", SUPPLEMENT), ("obligated", APRIL_PAYMENT), ("paid", APRIL_PAYMENT)}
    events = {e["event"] for e in budget_diff["events"]}
    assert events == {"BudgetLine.Amended", "BudgetLine.Obligated", "BudgetLine.Paid"}
    amendment = next(e for e in budget_diff["events"] if e["event"] == "BudgetLine.Amended")
    assert later[0] < amendment["position"] <= later[1]
    assert {e["actor"] for e in budget_diff["events"] if e["event"] == "BudgetLine.Amended"} == {
        "planner-park"
    }

    # --- the audit trail at a recorded time ----------------------------------------------------
    auditor = key_for("auditor", f"auditor@{SEOUL}")
    audit_path = f"/api/v1/orgs/{SEOUL}/budget-lines/{line}"
    state_then = client.get(audit_path, params={"known_at": moment_t.isoformat()}, headers=auditor)
    assert state_then.status_code == 200, state_then.text
    assert state_then.json()["balances"]["current_budget"] == BUDGET
    assert state_then.json()["balances"]["paid"] == PAID
    assert state_then.json()["position"] <= t_position
    state_now = client.get(audit_path, headers=auditor).json()
    assert state_now["balances"]["current_budget"] == BUDGET + SUPPLEMENT
    history_then = client.get(
        f"{audit_path}/history", params={"known_at": str(t_position), "limit": 1000}, headers=auditor
    ).json()
    history_now = client.get(f"{audit_path}/history", params={"limit": 1000}, headers=auditor).json()
    assert [e["version"] for e in history_then["items"]] == [
        e["version"] for e in history_now["items"] if e["position"] <= t_position
    ]
    assert len(history_now["items"]) > len(history_then["items"])
    before_line = client.get(audit_path, params={"known_at": "1"}, headers=auditor)
    assert before_line.status_code == 404


def test_timestamps_map_to_positions_and_bad_moments_are_refused(
    client: TestClient, service: Service
) -> None:
    before_anything = datetime.now(UTC) - timedelta(days=1)
    books = Books(service.ledger)
    position = record_year(books)
    ledger = service.ledger
    assert timeline.position_at(ledger, before_anything) == 0
    infos = timeline.describe_events(ledger, range(1, position + 1))
    assert [i.position for i in infos] == sorted(i.position for i in infos)
    stamps = [(i.position, i.recorded_at) for i in infos]
    for info in infos:
        assert info.recorded_at is not None
        for moment in (info.recorded_at, info.recorded_at - timedelta(microseconds=1)):
            # the greatest position whose event was recorded at or before the moment
            expected = max((p for p, t in stamps if t is not None and t <= moment), default=0)
            assert timeline.position_at(ledger, moment) == expected
    assert timeline.position_at(ledger, datetime.now(UTC)) == infos[-1].position
    # A naive timestamp is UTC.
    naive = infos[3].recorded_at.replace(tzinfo=None)  # type: ignore[union-attr]
    assert timeline.position_at(ledger, naive) == timeline.position_at(ledger, infos[3].recorded_at)  # type: ignore[arg-type]

    params = {"as_of": f"{YEAR}-12-31"}
    empty = fetch(client, "trial-balance", params, known_at=before_anything.isoformat())
    assert empty.json()["lines"] == [] and empty.headers["X-Known-At-Position"] == "0"
    assert fetch(client, "budget-vs-actual", {"fiscal_year": YEAR}, known_at="0").json()["lines"] == []
    for bad, code in [
        ((datetime.now(UTC) + timedelta(hours=1)).isoformat(), "known-at-in-future"),
        (str(position + 1000), "known-at-in-future"),
        ("yesterday", "invalid-known-at"),
    ]:
        answer = client.get(f"{R}/trial-balance", params={**params, "known_at": bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["type"].endswith(code)
    backwards = client.get(
        f"{R}/trial-balance/diff", params={"from_known_at": str(position), "to_known_at": "1", **params}
    )
    assert backwards.status_code == 422
    missing = client.get(f"{R}/income-statement/diff", params={"from_known_at": "1", "to_known_at": "2"})
    assert missing.status_code == 422


@pytest.mark.parametrize("until", [None, 3])
def test_a_replay_leaves_nothing_behind(service: Service, until: int | None) -> None:
    """The temporary tables are dropped after the replay, also when the report fails."""
    position = record_year(Books(service.ledger))
    replay = service.services.replay
    assert replay is not None
    engine = service.services.read_engine
    where: list[str] = []
    with pytest.raises(RuntimeError), replay("ledger") as session:
        session.advance(until or position)
        replayed: Any = session
        with session.connect() as conn:
            posted = conn.execute(text("SELECT count(*) FROM postings")).scalar_one()
            assert (posted > 0) == (until is None)
            if engine.dialect.name == "postgresql":
                where.append(conn.execute(text("SELECT current_schema()")).scalar_one())
            else:
                where.append(str(replayed.engine.url.database))
        raise RuntimeError("the report failed")
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT count(*) FROM pg_namespace WHERE nspname = :n"), {"n": where[0]}
            )
            assert found.scalar_one() == 0
            assert where[0].startswith("cleanledger_replay_")
    else:
        assert not Path(where[0]).exists()
