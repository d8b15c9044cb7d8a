"""A budget line's public history (``line_history``) on both backends.

Every event of every line is one row, equal to a plain fold of the typed events written here
(kinds by event class, changes by what each event does to the line); summed over a line, the rows
give its ``line_balances`` row, in a history with every kind of event and over the small demo; a
page read after a position carries the totals before it; and nothing personal is in the table.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Engine, String, func, select

from cleanledger import synthetic
from commands.ledger import Ledger
from commands.messages.budget import (
    AmendBudget,
    CarryOver,
    CloseFiscalYear,
    GrantContingency,
    PullAllocationForward,
    TransferBudget,
)
from commands.messages.spending import CancelObligation
from domain.budget_line import BudgetLine, CarryOverKind, TransferKind
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from projections.line_history import LineHistoryProjection
from readmodels.erp import line_balances
from readmodels.line_history import BALANCES, FIGURES, MAX_LIMIT, line_history, line_history_table
from tests.projections.test_disclosure import Clerk, typed_events

Y = 2026
WELFARE = "100-080-081-1001-2001-3001-201-01"
MATERIALS = "100-080-081-1001-2001-3001-206-01"
RESERVE = "100-160-161-9001-9001-9001-701-01"

KINDS = {
    "Opened": "opened",
    "Appropriated": "appropriated",
    "Amended": "amended",
    "TransferredIn": "transferred-in",
    "TransferredOut": "transferred-out",
    "ContingencyGranted": "contingency-granted",
    "ContingencyReleased": "contingency-released",
    "Allocated": "allocated",
    "AllocationPulledForward": "pulled-forward",
    "Obligated": "obligated",
    "ObligationReleased": "obligation-released",
    "Paid": "paid",
    "PaymentReturned": "returned",
    "CarriedOver": "carried-over",
    "CarriedIn": "carried-in",
    "Lapsed": "lapsed",
}


def every_kind(ledger: Ledger) -> dict[str, UUID]:
    """One organisation's year with every kind of event a budget line records, and the next."""
    books = Clerk(ledger).ready()
    Clerk(ledger, year=Y + 1).open_year()
    vendor = books.vendor()
    welfare = books.line(10_000_000, {1: 6_000_000, 3: 2_000_000}, WELFARE)
    materials = books.line(2_000_000, {1: 1_000_000}, MATERIALS, title="복지관 재료비")
    reserve = books.line(5_000_000, code=RESERVE, title="예비비")
    books.run(AmendBudget, line_id=welfare, change=1_000_000, reference="1회 추경", on=date(Y, 5, 2))
    books.run(AmendBudget, line_id=materials, change=-100_000, reference="1회 추경 감액", on=date(Y, 5, 2))
    books.run(
        TransferBudget,
        from_line_id=welfare,
        to_line_id=materials,
        amount=500_000,
        kind=TransferKind.DIVERSION,
        reason="재료비 부족",
        on=date(Y, 5, 10),
    )
    books.run(
        GrantContingency,
        reserve_line_id=reserve,
        to_line_id=materials,
        amount=300_000,
        reason="긴급 보수",
        on=date(Y, 6, 1),
    )
    books.run(
        PullAllocationForward,
        line_id=welfare,
        from_quarter=3,
        to_quarter=2,
        amount=1_000_000,
        on=date(Y, 4, 1),
    )
    goods = books.obligate(welfare, 2_000_000, vendor_id=vendor, on=date(Y, 2, 1))
    cancelled = books.obligate(welfare, 400_000, vendor_id=vendor, on=date(Y, 2, 2))
    books.run(CancelObligation, obligation_id=cancelled, reason="계약 취소", on=date(Y, 2, 3))
    voucher, payment = books.paid_voucher(goods, 1_500_000, date(Y, 3, 10))
    books.give_back(voucher, payment, 100_000, date(Y, 4, 2))
    year_end = books.obligate(welfare, 700_000, vendor_id=vendor, description="연말 납품", on=date(Y, 3, 2))
    books.run(CloseFiscalYear, on=date(Y, 12, 31))
    books.run(CarryOver, line_id=materials, amount=200_000, kind=CarryOverKind.EXPLICIT, on=date(Y, 12, 31))
    books.run(
        CarryOver,
        line_id=welfare,
        amount=700_000,
        kind=CarryOverKind.ACCIDENT,
        obligation_id=year_end,
        on=date(Y, 12, 31),
    )
    return {"welfare": welfare, "materials": materials, "reserve": reserve}


def fold(ledger: Ledger) -> dict[int, dict[str, Any]]:
    """The rows, from the typed events, with dicts: what each event does to its line."""
    rows: dict[int, dict[str, Any]] = {}
    for position, event in typed_events(ledger):
        if not isinstance(event, BudgetLine.Event):
            continue
        name = type(event).__name__
        figure = dict.fromkeys(FIGURES, 0)
        amount = getattr(event, "amount", None)
        change = amount
        other = getattr(event, "from_line_id", None) or getattr(event, "to_line_id", None)
        if name in ("Appropriated", "TransferredIn", "ContingencyGranted"):
            figure["budget"] = amount
        elif name in ("TransferredOut", "ContingencyReleased"):
            figure["budget"] = change = -amount
        elif name == "Amended":
            figure["budget"] = change = event.change
        elif name == "Allocated":
            figure["allocated"] = amount
        elif name == "Obligated":
            figure["obligated"] = amount
        elif name == "ObligationReleased":
            figure["obligated"] = change = -amount
        elif name == "Paid":
            figure["paid"] = amount
        elif name == "PaymentReturned":
            figure["paid"] = change = -amount
        elif name == "CarriedOver":
            figure["carried_over"] = amount
        elif name == "CarriedIn":
            figure["budget"] = amount
            if event.kind is CarryOverKind.ACCIDENT:
                figure["allocated"] = figure["obligated"] = amount
        rows[position] = {
            "position": position,
            "line_id": str(event.originator_id),
            "org": event.org,
            "fiscal_year": event.fiscal_year,
            "accounting_date": event.accounting_date,
            "recorded_at": event.timestamp,
            "kind": KINDS[name],
            "change": change,
            "other_line_id": None if other is None else str(other),
            **{f"{f}_change": value for f, value in figure.items()},
        }
    return rows


def stored(read_db: Engine) -> dict[int, dict[str, Any]]:
    """Every row, read through the query (so with its recorded time in UTC), less the totals."""
    with read_db.connect() as conn:
        lines = conn.execute(select(line_history_table.c.line_id).distinct()).scalars().all()
        found = [event for line in lines for event in line_history(conn, line, limit=MAX_LIMIT)]
    return {
        event.position: {k: v for k, v in asdict(event).items() if not k.endswith("_total")}
        for event in found
    }


def balances(read_db: Engine) -> dict[str, tuple[int, ...]]:
    with read_db.connect() as conn:
        rows = conn.execute(select(line_balances.c.line_id, *(line_balances.c[b] for b in BALANCES)))
        return {line: tuple(amounts) for line, *amounts in rows}


def summed(read_db: Engine) -> dict[str, tuple[int, ...]]:
    t = line_history_table
    with read_db.connect() as conn:
        rows = conn.execute(
            select(t.c.line_id, *(func.sum(t.c[f"{f}_change"]) for f in FIGURES)).group_by(t.c.line_id)
        )
        return {line: tuple(int(v) for v in amounts) for line, *amounts in rows}


def project(ledger: Ledger, read_db: Engine, batch_size: int = 500) -> None:
    projections = [BalancesProjection(), LineHistoryProjection()]
    ProjectionEngine(ledger.recorder, read_db, projections, batch_size=batch_size).catch_up()


@pytest.mark.parametrize("batch_size", [3, 10_000])
def test_every_event_of_a_line_is_a_row_equal_to_the_fold(
    ledger: Ledger, read_db: Engine, batch_size: int
) -> None:
    every_kind(ledger)
    project(ledger, read_db, batch_size)
    expected = fold(ledger)
    assert stored(read_db) == expected
    assert {row["kind"] for row in expected.values()} == set(KINDS.values())


def test_summed_over_a_line_the_history_is_its_balance(ledger: Ledger, read_db: Engine) -> None:
    every_kind(ledger)
    project(ledger, read_db)
    assert summed(read_db) == balances(read_db)
    assert len(balances(read_db)) == 5  # three lines of 2026, two carried into 2027


def test_a_page_after_a_position_carries_the_totals_before_it(ledger: Ledger, read_db: Engine) -> None:
    lines = every_kind(ledger)
    project(ledger, read_db)
    welfare = str(lines["welfare"])
    with read_db.connect() as conn:
        whole = line_history(conn, welfare, limit=MAX_LIMIT)
        pages, after = [], None
        while page := line_history(conn, welfare, after_position=after, limit=3):
            pages.extend(page)
            after = page[-1].position
        assert line_history(conn, welfare, after_position=whole[-1].position) == []
        with pytest.raises(ValueError, match="limit"):
            line_history(conn, welfare, limit=0)
        with pytest.raises(ValueError, match="limit"):
            line_history(conn, welfare, limit=MAX_LIMIT + 1)
    assert pages == whole
    assert [e.position for e in whole] == sorted(e.position for e in whole)
    assert len(whole) > 3
    for before, event in itertools.pairwise(whole):
        for figure in FIGURES:
            total = getattr(before, f"{figure}_total") + getattr(event, f"{figure}_change")
            assert getattr(event, f"{figure}_total") == total
    last = whole[-1]
    assert tuple(getattr(last, f"{figure}_total") for figure in FIGURES) == balances(read_db)[welfare]
    assert [e.kind for e in whole[:2]] == ["opened", "appropriated"]
    assert whole[-1].kind == "carried-over" and whole[-1].other_line_id is not None


def test_the_history_names_no_one() -> None:
    """Kinds, dates, amounts and lines: no text column but the codes, ids and the kind."""
    texts = {c.name for c in line_history_table.columns if isinstance(c.type, String)}
    assert texts == {"line_id", "org", "kind", "other_line_id"}


def test_over_the_small_demo_every_lines_history_sums_to_its_balance(ledger: Ledger, read_db: Engine) -> None:
    """The identity the portal relies on: a line's events, summed, are its figures."""
    synthetic.generate(ledger, "small")
    project(ledger, read_db, batch_size=5_000)
    expected = balances(read_db)
    assert len(expected) > 100
    assert summed(read_db) == expected
    with read_db.connect() as conn:
        kinds = set(conn.execute(select(line_history_table.c.kind).distinct()).scalars())
    assert {"opened", "appropriated", "allocated", "obligated", "paid", "returned"} <= kinds
