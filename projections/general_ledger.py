"""The general ledger (총계정원장): postings by the posting rules of ``domain.posting_rules``.

Every handled event becomes balanced journal entries; each line is a posting keyed by the event's
log position and its line number, and is summed into ``account_daily`` by organisation, account
and accounting date. Facts the rules need that an event does not carry (a voucher's line and
amount, a line's budget item, a revenue line's code) are learnt from earlier events, kept in
memory and in small tables, so a restarted worker finds them again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Connection, Table, select, text

from domain.posting_rules import FACT_EVENTS, HANDLED_EVENTS, MemoryFacts, posting
from domain.reference.chart_of_accounts import CHART
from projections.base import Envelope, Projection, RowWriter
from readmodels.ledger import (
    account_daily,
    chart_of_accounts,
    gl_line_items,
    gl_revenue_codes,
    gl_vouchers,
    postings,
)


class _StoredFacts(MemoryFacts):
    """Facts in memory, read back from the projection's own tables on a miss."""

    def __init__(self) -> None:
        super().__init__()
        self.conn: Connection | None = None
        self.tables: Mapping[str, Table] = {}

    def _lookup(self, table: Table, key: str, value: str, columns: tuple[str, ...]) -> tuple[Any, ...] | None:
        assert self.conn is not None
        physical = self.tables[table.name]
        row = self.conn.execute(
            select(*(physical.c[c] for c in columns)).where(physical.c[key] == value)
        ).first()
        return None if row is None else tuple(row)

    def item_of_line(self, line_id: str) -> str:
        if line_id not in self.items:
            row = self._lookup(gl_line_items, "line_id", line_id, ("item",))
            if row is not None:
                self.items[line_id] = row[0]
        return super().item_of_line(line_id)

    def code_of_line(self, line_id: str) -> str:
        if line_id not in self.revenue_codes:
            row = self._lookup(gl_revenue_codes, "line_id", line_id, ("code",))
            if row is not None:
                self.revenue_codes[line_id] = row[0]
        return super().code_of_line(line_id)

    def _voucher(self, voucher_id: str) -> tuple[str, int]:
        if voucher_id not in self.vouchers:
            row = self._lookup(gl_vouchers, "voucher_id", voucher_id, ("line_id", "amount"))
            if row is not None:
                self.vouchers[voucher_id] = (row[0], row[1])
        return super()._voucher(voucher_id)


def _sum_daily(first: int, last: int, conn: Connection, tables: Mapping[str, Table]) -> None:
    """Add the postings of positions ``first``..``last`` to ``account_daily`` in one statement."""
    daily, posted = tables[account_daily.name].name, tables[postings.name].name
    conn.execute(
        text(
            f'INSERT INTO "{daily}" (org, account, accounting_date, debit, credit) '
            "SELECT org, account, accounting_date, SUM(debit), SUM(credit) "
            f'FROM "{posted}" WHERE position BETWEEN :first AND :last '
            "GROUP BY org, account, accounting_date "
            "ON CONFLICT (org, account, accounting_date) DO UPDATE SET "
            f'debit = "{daily}".debit + excluded.debit, credit = "{daily}".credit + excluded.credit'
        ),
        {"first": first, "last": last},
    )


#: The columns of a posting row, in the order the projection builds them.
_POSTING = (
    "position",
    "line_no",
    "org",
    "fiscal_year",
    "accounting_date",
    "account",
    "debit",
    "credit",
    "source",
    "source_id",
    "memo",
)
MEMO_LENGTH = 300


class GeneralLedgerProjection(Projection):
    name = "general_ledger"
    tables = (chart_of_accounts, postings, account_daily, gl_line_items, gl_vouchers, gl_revenue_codes)
    handles = frozenset(HANDLED_EVENTS | FACT_EVENTS)

    def __init__(self) -> None:
        self._facts = _StoredFacts()
        self._chart_written = False
        self._days: dict[str, date] = {}

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if not continuing:
            self._facts = _StoredFacts()
            self._chart_written = False
        self._facts.conn, self._facts.tables = conn, tables

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        if not self._chart_written:  # reference data: the chart the statements name accounts by
            for account in CHART.values():
                out.put(
                    chart_of_accounts,
                    {"code": account.code},
                    name_ko=account.name_ko,
                    name_en=account.name_en,
                    kind=account.kind.value,
                    normal_side=account.normal_side.value,
                )
            self._chart_written = True
        # The rules' entries balance by construction (domain.posting_rules.posting): no journal
        # entry objects and no checks here, one tuple per posting in the order of _POSTING.
        rows: list[tuple[Any, ...]] = []
        append = rows.append
        facts, days, facts_events = self._facts, self._days, FACT_EVENTS
        for event in events:
            name = event.name
            if name in facts_events:
                self._learn(event, out)
                continue
            data = event.data
            posted = posting(name, event.originator_id, data, facts)
            if posted is None:
                continue
            memo, lines = posted
            if len(memo) > MEMO_LENGTH:
                memo = memo[:MEMO_LENGTH]
            iso = data["accounting_date"]
            day = days.get(iso)
            if day is None:
                day = days[iso] = date.fromisoformat(iso)
            position, org, year, source_id = (
                event.position,
                data["org"],
                data["fiscal_year"],
                event.originator_id,
            )
            for line_no, (code, debit, credit) in enumerate(lines, 1):
                append((position, line_no, org, year, day, code, debit, credit, name, source_id, memo))
        if rows:
            out.insert_rows(postings, _POSTING, rows)
            # The database sums the batch's postings into the daily totals, after they are in.
            out.then(partial(_sum_daily, events[0].position, events[-1].position))

    def _learn(self, event: Envelope, out: RowWriter) -> None:
        self._facts.learn(event.name, event.originator_id, event.data)
        source = event.originator_id
        if event.name == "BudgetLine.Opened":
            out.put(gl_line_items, {"line_id": source}, item=self._facts.items[source])
        elif event.name == "Voucher.Drafted":
            line_id, amount = self._facts.vouchers[source]
            out.put(gl_vouchers, {"voucher_id": source}, line_id=line_id, amount=amount)
        elif event.name == "RevenueLine.Opened":
            out.put(gl_revenue_codes, {"line_id": source}, code=self._facts.revenue_codes[source])
