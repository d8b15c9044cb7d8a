"""The identities of domain.md §4 that hold at every moment, checked over a whole store.

A budget line's 원인행위액 (obligated) is the sum of its obligations' amounts, and its 지출액 (paid)
the sum of its payments net of returns (반납); what an obligation's vouchers hold, net of returns,
never exceeds its amount. :func:`from_aggregates` reads them from the aggregates replayed from the
log, :func:`from_read_models` from the read models (``line_balances`` against
``obligation_balances`` and the disclosed ``expenditures``); each asserts the identities and
returns the per-line figures, so a test can also check that both agree.

Obligations carried into the next year (사고이월) move to the next year's line; the identities
here are those of one year's lines, and a store with a carried obligation is refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic
from sqlalchemy import Connection, func, select

from commands.ledger import Ledger
from domain.budget_line import BudgetLine
from domain.obligation import Obligation
from domain.voucher import Voucher, VoucherStatus
from readmodels.disclosure import expenditures
from readmodels.erp import line_balances, obligation_balances


@dataclass(frozen=True)
class LineFigures:
    """One budget line's 원인행위액 and 지출액 (net of returns)."""

    obligated: int
    paid: int


@dataclass(frozen=True)
class Identities:
    lines: dict[str, LineFigures]
    #: Won returned (반납) over the whole store: a check is only as good as the returns it saw.
    returned: int


def _ids(ledger: Ledger, created: type) -> list[UUID]:
    topic = get_topic(created)
    found: list[UUID] = []
    start = 1
    while True:
        page = ledger.recorder.select_notifications(start, 1_000, topics=[topic])
        found.extend(UUID(str(n.originator_id)) for n in page)
        if len(page) < 1_000:
            return found
        start = page[-1].id + 1


def from_aggregates(ledger: Ledger) -> Identities:
    """Every line, obligation and voucher of the store, replayed; the identities asserted."""
    obligated: dict[str, int] = defaultdict(int)
    paid: dict[str, int] = defaultdict(int)
    returned_on: dict[str, int] = defaultdict(int)
    vouchered_on: dict[str, int] = defaultdict(int)
    for voucher_id in _ids(ledger, Voucher.Drafted):
        voucher: Any = ledger.repository.get(voucher_id)
        assert isinstance(voucher, Voucher)
        paid[str(voucher.line_id)] += voucher.paid - voucher.returned
        returned_on[str(voucher.obligation_id)] += voucher.returned
        if voucher.status is not VoucherStatus.REJECTED:
            vouchered_on[str(voucher.obligation_id)] += voucher.amount
    obligation_ids = _ids(ledger, Obligation.Created)
    for obligation_id in obligation_ids:
        ob: Any = ledger.repository.get(obligation_id)
        assert isinstance(ob, Obligation)
        assert ob.carried_to_line_id is None, "identities of one year: no 사고이월 here"
        obligated[str(ob.line_id)] += ob.amount
        key = str(obligation_id)
        assert (ob.vouchered, ob.returned) == (vouchered_on[key], returned_on[key]), ob
        assert 0 <= ob.drawn <= ob.amount, ob
    lines: dict[str, LineFigures] = {}
    for line_id in _ids(ledger, BudgetLine.Opened):
        line: Any = ledger.repository.get(line_id)
        assert isinstance(line, BudgetLine)
        key = str(line_id)
        lines[key] = LineFigures(line.obligated, line.paid)
        assert line.obligated == obligated[key], (line.code, line.obligated, obligated[key])
        assert line.paid == paid[key], (line.code, line.paid, paid[key])
    return Identities(lines, sum(returned_on.values()))


def from_read_models(conn: Connection) -> Identities:
    """``line_balances`` against ``obligation_balances`` and ``expenditures``; asserted."""
    lines = {
        row.line_id: LineFigures(row.obligated, row.paid)
        for row in conn.execute(
            select(line_balances.c.line_id, line_balances.c.obligated, line_balances.c.paid)
        )
    }
    ob = obligation_balances.c
    obligated = {
        line_id: total
        for line_id, total in conn.execute(select(ob.line_id, func.sum(ob.amount)).group_by(ob.line_id))
    }
    spent = expenditures.c
    paid = {
        line_id: total
        for line_id, total in conn.execute(
            select(spent.line_id, func.sum(spent.amount - spent.returned)).group_by(spent.line_id)
        )
    }
    for line_id, figures in lines.items():
        assert figures.obligated == int(obligated.get(line_id, 0)), (line_id, figures, obligated.get(line_id))
        assert figures.paid == int(paid.get(line_id, 0)), (line_id, figures, paid.get(line_id))
    assert set(obligated) <= set(lines) and set(paid) <= set(lines)
    returned = conn.execute(select(func.coalesce(func.sum(spent.returned), 0))).scalar_one()
    return Identities(lines, int(returned))
