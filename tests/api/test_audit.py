"""The audit trail of a budget line: every event in log order with its actor, date, position and
balances; the state at any version; keys and roles; long histories in one query from the first event."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cleanledger.wiring import Service
from commands import audit
from commands.ledger import Ledger
from commands.messages.budget import Allocate, AmendBudget, Appropriate
from commands.messages.payments import ApproveVoucher, DraftVoucher, IssuePaymentOrder, Pay, ReturnPayment
from commands.messages.spending import ApproveRequisition, DraftRequisition
from commands.persistence import position_of
from domain.voucher import Voucher
from tests.api.conftest import SEOUL, YEAR, KeyMaker
from tests.app.books import Books

L = f"/api/v1/orgs/{SEOUL}/budget-lines"
BUDGET, Q1, Q2, SPENT, RAISED, RETURNED = 10_000_000, 6_000_000, 4_000_000, 3_000_000, 1_000_000, 500_000

#: (event, actor, accounting date, the amounts after it that are not zero)
EXPECTED: list[tuple[str, str, date, dict[str, int]]] = [
    ("Opened", "park", date(YEAR, 1, 2), {}),
    ("Appropriated", "park", date(YEAR, 1, 2), {"appropriated": BUDGET}),
    ("Allocated", "park", date(YEAR, 1, 5), {"appropriated": BUDGET, "allocated_q1": Q1}),
    ("Allocated", "park", date(YEAR, 1, 5), {"appropriated": BUDGET, "allocated_q1": Q1, "allocated_q2": Q2}),
    (
        "Obligated",
        "choi",
        date(YEAR, 2, 10),
        {"appropriated": BUDGET, "allocated_q1": Q1, "allocated_q2": Q2, "obligated": SPENT},
    ),
    (
        "Paid",
        "lee",
        date(YEAR, 2, 20),
        {"appropriated": BUDGET, "allocated_q1": Q1, "allocated_q2": Q2, "obligated": SPENT, "paid": SPENT},
    ),
    (
        "Amended",
        "park",
        date(YEAR, 3, 2),
        {
            "appropriated": BUDGET,
            "amended": RAISED,
            "allocated_q1": Q1,
            "allocated_q2": Q2,
            "obligated": SPENT,
            "paid": SPENT,
        },
    ),
    (
        "PaymentReturned",
        "lee",
        date(YEAR, 3, 9),
        {
            "appropriated": BUDGET,
            "amended": RAISED,
            "allocated_q1": Q1,
            "allocated_q2": Q2,
            "obligated": SPENT,  # a return lowers 지출액 only (domain.md §4)
            "paid": SPENT - RETURNED,
        },
    ),
]
AMOUNTS = (
    "appropriated",
    "amended",
    "transferred_in",
    "transferred_out",
    "contingency",
    "carried_in",
    "allocated_q1",
    "allocated_q2",
    "allocated_q3",
    "allocated_q4",
    "obligated",
    "paid",
    "carried_over",
    "lapsed",
)


def balances(nonzero: dict[str, int]) -> dict[str, Any]:
    """Every balance of the line, the derived ones worked out here by hand."""
    line: dict[str, Any] = {name: nonzero.get(name, 0) for name in AMOUNTS}
    line["current_budget"] = line["appropriated"] + line["amended"]
    line["allocated"] = sum(line[f"allocated_q{q}"] for q in range(1, 5))
    line["remaining"] = line["current_budget"] - line["obligated"]
    line["closed"] = False
    return line


def record_line(books: Books) -> UUID:
    """A line's life with four actors: budget officer, clerk, approver, accountant."""
    books.ready()
    line = books.run(
        Appropriate,
        budget_code=books.next_code(),
        title="어르신 복지관 운영",
        amount=BUDGET,
        actor="park",
        on=date(YEAR, 1, 2),
    ).aggregate_id
    books.run(Allocate, line_id=line, quarter=1, amount=Q1, actor="park", on=date(YEAR, 1, 5))
    books.run(Allocate, line_id=line, quarter=2, amount=Q2, actor="park", on=date(YEAR, 1, 5))
    february = date(YEAR, 2, 10)
    requisition = books.run(
        DraftRequisition, line_id=line, title="물품 구매", amount=SPENT, actor="kim", on=february
    ).aggregate_id
    books.run(ApproveRequisition, requisition_id=requisition, actor="choi", on=february)
    obligation = books.obligate(line, SPENT, requisition_id=requisition, actor="choi", on=february)
    voucher = books.run(
        DraftVoucher, obligation_id=obligation, amount=SPENT, description="대금", actor="kim", on=february
    ).aggregate_id
    books.run(ApproveVoucher, voucher_id=voucher, actor="choi", on=february)
    order = uuid.uuid4()
    paid_on = date(YEAR, 2, 20)
    books.run(IssuePaymentOrder, voucher_id=voucher, amount=SPENT, command_id=order, actor="lee", on=paid_on)
    payment = uuid.uuid4()
    books.run(
        Pay,
        voucher_id=voucher,
        order_id=Voucher.order_id_for(order),
        amount=SPENT,
        command_id=payment,
        actor="lee",
        on=paid_on,
    )
    books.run(
        AmendBudget, line_id=line, change=RAISED, reference="제1회 추경", actor="park", on=date(YEAR, 3, 2)
    )
    books.run(
        ReturnPayment,
        voucher_id=voucher,
        payment_id=Voucher.payment_id_for(payment),
        amount=RETURNED,
        reason="과지급 반납",
        actor="lee",
        on=date(YEAR, 3, 9),
    )
    return line


@pytest.fixture
def line_id(service: Service) -> UUID:
    return record_line(Books(service.ledger))


@pytest.fixture
def auditor(key_for: KeyMaker) -> dict[str, str]:
    return key_for("auditor-han", f"auditor@{SEOUL}")


def history(client: TestClient, line: UUID, headers: dict[str, str], **params: Any) -> Any:
    answer = client.get(f"{L}/{line}/history", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_history_lists_every_event_in_log_order_with_actor_date_position_and_balances(
    client: TestClient, service: Service, line_id: UUID, auditor: dict[str, str]
) -> None:
    page = history(client, line_id, auditor)
    items = page["items"]
    assert page["next_cursor"] is None
    assert [(i["event"], i["actor"], i["accounting_date"]) for i in items] == [
        (name, actor, on.isoformat()) for name, actor, on, _ in EXPECTED
    ]
    assert [i["version"] for i in items] == list(range(1, len(EXPECTED) + 1))
    positions = [i["position"] for i in items]
    assert positions == sorted(set(positions)), "strictly increasing"
    assert positions == [position_of(service.ledger.recorder, line_id, i["version"]) for i in items]
    for item, (_, _, _, changed) in zip(items, EXPECTED, strict=True):
        assert item["balances"] == balances(changed), item["event"]
    recorded = [datetime.fromisoformat(i["recorded_at"]) for i in items]
    assert recorded == sorted(recorded)
    assert items[1]["details"] == {"amount": BUDGET}
    assert items[3]["details"] == {"quarter": 2, "amount": Q2}
    assert items[6]["details"] == {"change": RAISED, "reference": "제1회 추경"}


def test_the_state_at_a_version_equals_the_history_at_that_version(
    client: TestClient, line_id: UUID, auditor: dict[str, str]
) -> None:
    items = history(client, line_id, auditor)["items"]
    for item in items:
        answer = client.get(f"{L}/{line_id}", params={"version": item["version"]}, headers=auditor)
        assert answer.status_code == 200, answer.text
        assert answer.headers["ETag"] == f'"{item["version"]}"'
        state = answer.json()
        assert state["balances"] == item["balances"]
        assert (state["version"], state["position"], state["recorded_at"]) == (
            item["version"],
            item["position"],
            item["recorded_at"],
        )
    latest = client.get(f"{L}/{line_id}", headers=auditor)
    assert latest.headers["ETag"] == f'"{len(items)}"'
    assert latest.json()["balances"] == items[-1]["balances"]
    assert (latest.json()["org"], latest.json()["fiscal_year"], latest.json()["title"]) == (
        SEOUL,
        YEAR,
        "어르신 복지관 운영",
    )
    beyond = client.get(f"{L}/{line_id}", params={"version": len(items) + 1}, headers=auditor)
    assert beyond.status_code == 404
    assert beyond.json()["type"] == "budget-line-not-found"


def test_the_history_pages_by_version(client: TestClient, line_id: UUID, auditor: dict[str, str]) -> None:
    everything = history(client, line_id, auditor)["items"]
    pages, cursor = [], None
    while True:
        page = history(client, line_id, auditor, limit=3, **({"cursor": cursor} if cursor else {}))
        pages.extend(page["items"])
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
    assert pages == everything
    assert history(client, line_id, auditor, after_version=3)["items"] == everything[3:]
    wrong = client.get(f"{L}/{line_id}/history", params={"cursor": "e30"}, headers=auditor)
    assert (wrong.status_code, wrong.json()["type"]) == (400, "invalid-cursor")
    assert history(client, line_id, auditor, after_version=len(everything))["items"] == []
    assert client.get(f"{L}/{line_id}/history", params={"limit": 0}, headers=auditor).status_code == 422


def test_keys_roles_and_organisations_are_checked(
    client: TestClient, line_id: UUID, key_for: KeyMaker, service: Service
) -> None:
    path = f"{L}/{line_id}/history"
    assert client.get(path).status_code == 401
    assert client.get(f"{L}/{line_id}").status_code == 401
    elsewhere = key_for("busan-clerk", "clerk@2600000")
    for url in (path, f"{L}/{line_id}", f"{L}/{uuid.uuid4()}/history"):
        refused = client.get(url, headers=elsewhere)
        assert refused.status_code == 403, url
        assert refused.json()["type"] == "forbidden"
    # Any role of the organisation may read its audit trail.
    clerk = key_for("kim", f"clerk@{SEOUL}")
    assert client.get(path, headers=clerk).status_code == 200
    assert client.get(path, headers=key_for("central-auditor", "auditor@*")).status_code == 200
    # A line that does not exist, or is not this organisation's, is not found.
    unknown = client.get(f"{L}/{uuid.uuid4()}/history", headers=clerk)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    assert client.get(f"{L}/{uuid.uuid4()}", headers=clerk).status_code == 404
    other = Books(service.ledger, org="2600000")
    other.ready()
    busan_line = other.line()
    assert client.get(f"{L}/{busan_line}/history", headers=clerk).status_code == 404
    assert client.get(f"{L}/{busan_line}", headers=clerk).status_code == 404
    assert (
        client.get(f"/api/v1/orgs/2600000/budget-lines/{busan_line}/history", headers=elsewhere).status_code
        == 200
    )
    # Not a budget line at all (the organisation's fiscal year aggregate, say).
    not_a_line = other.ledger.recorder.select_notifications(1, 1)[0].originator_id
    assert client.get(f"{L}/{not_a_line}", headers=clerk).status_code == 404
    assert client.get(f"{L}/not-a-uuid", headers=clerk).status_code == 422


# --- long histories: one query, from the first event ----------------------------------------------


@pytest.fixture
def long_line(ledger: Ledger) -> UUID:
    """A line with a long history: 203 allocations of 1 won."""
    books = Books(ledger).ready()
    line = books.line(amount=10_000)
    for n in range(203):
        books.run(Allocate, line_id=line, quarter=n % 4 + 1, amount=1)
    assert ledger.snapshots is None  # no snapshot is taken or read (docs/tamper-evidence.md)
    return line


@pytest.fixture
def queries(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, int | None]]]:
    """Each query on the events table ``commands.audit`` makes, as (gt, lte); chunks of 7 rows."""
    made: list[tuple[int, int | None]] = []
    stored_events = audit._stored_events

    def spy(recorder: Any, line_id: UUID, *, gt: int, lte: int | None) -> Any:
        made.append((gt, lte))
        return stored_events(recorder, line_id, gt=gt, lte=lte)

    monkeypatch.setattr(audit, "_stored_events", spy)
    monkeypatch.setattr(audit, "CHUNK", 7)
    yield made


def test_a_long_history_is_one_query_and_pages_fold_from_the_first_event(
    ledger: Ledger, long_line: UUID, queries: list[tuple[int, int | None]]
) -> None:
    replayed = audit.line_history(ledger, long_line)
    assert queries == [(0, None)]
    assert [e.version for e in replayed] == list(range(1, 206))
    assert [e.balances.allocated for e in replayed[2:]] == list(range(1, 204))
    positions = [e.position for e in replayed]
    assert positions == sorted(set(positions))

    queries.clear()
    page = audit.line_history(ledger, long_line, after_version=201, limit=3)
    assert queries == [(0, 204)], "one query, folding from version 1 (no snapshot is trusted)"
    assert page == replayed[201:204]

    queries.clear()
    state = audit.line_state(ledger, long_line, 202)
    assert queries == [(0, 202)]
    assert state.balances == replayed[201].balances
    assert state.position == replayed[201].position
    assert audit.line_state(ledger, long_line, 200).position == replayed[199].position
    assert audit.line_state(ledger, long_line, 50).balances == replayed[49].balances
