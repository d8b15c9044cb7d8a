"""Accounting statements from the general ledger read model, per organisation.

- 잔액시산표 trial balance: opening, debit, credit and closing per account for a period;
- 재정운영표 / 손익계산서 income statement (statement of financial performance) for a period;
- 재정상태표 / 대차대조표 balance sheet (statement of financial position) at a date;
- budget versus actual per budget line.

All amounts are whole won. Balances are shown on each account's normal side (an asset's debit
balance and a liability's credit balance are both positive). Statements read ``account_daily``,
one row per account and accounting date, so their cost does not grow with the number of postings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, select

from readmodels.erp import line_balances, line_balances_as_of
from readmodels.ledger import account_daily, chart_of_accounts, postings


@dataclass(frozen=True)
class AccountLine:
    account: str
    name_ko: str
    name_en: str
    kind: str
    opening: int
    debit: int
    credit: int
    closing: int


@dataclass(frozen=True)
class TrialBalance:
    org: str
    period_start: date
    as_of: date
    lines: list[AccountLine]
    total_debit: int
    total_credit: int
    closing_debit_balances: int
    closing_credit_balances: int


@dataclass(frozen=True)
class StatementLine:
    account: str
    name_ko: str
    name_en: str
    amount: int


@dataclass(frozen=True)
class IncomeStatement:
    org: str
    start: date
    end: date
    revenue: list[StatementLine]
    expenses: list[StatementLine]
    total_revenue: int
    total_expenses: int
    surplus: int  # 재정운영결과 / 당기순이익: revenue − expenses


@dataclass(frozen=True)
class BalanceSheet:
    org: str
    as_of: date
    assets: list[StatementLine]
    liabilities: list[StatementLine]
    net_assets: list[StatementLine]
    total_assets: int
    total_liabilities: int
    total_net_assets: int  # including the cumulative surplus not yet closed into net assets
    accumulated_surplus: int = field(default=0)


def _signed(kind_side: str, debit: int, credit: int) -> int:
    return debit - credit if kind_side == "debit" else credit - debit


def _movements(conn: Connection, org: str, start: date | None, end: date) -> dict[str, tuple[int, int]]:
    """Σ debit and Σ credit per account, accounting dates in [start, end] (start None: all before)."""
    query = (
        select(account_daily.c.account, func.sum(account_daily.c.debit), func.sum(account_daily.c.credit))
        .where(account_daily.c.org == org, account_daily.c.accounting_date <= end)
        .group_by(account_daily.c.account)
    )
    if start is not None:
        query = query.where(account_daily.c.accounting_date >= start)
    return {account: (int(debit or 0), int(credit or 0)) for account, debit, credit in conn.execute(query)}


def _chart(conn: Connection) -> dict[str, tuple[str, str, str, str]]:
    rows = conn.execute(
        select(
            chart_of_accounts.c.code,
            chart_of_accounts.c.name_ko,
            chart_of_accounts.c.name_en,
            chart_of_accounts.c.kind,
            chart_of_accounts.c.normal_side,
        )
    )
    return {code: (ko, en, kind, side) for code, ko, en, kind, side in rows}


def trial_balance(conn: Connection, org: str, as_of: date, period_start: date | None = None) -> TrialBalance:
    """잔액시산표 for ``org``: the period runs from ``period_start`` (default 1 January) to ``as_of``."""
    start = period_start or date(as_of.year, 1, 1)
    chart = _chart(conn)
    before = _movements(conn, org, None, date.fromordinal(start.toordinal() - 1))
    during = _movements(conn, org, start, as_of)
    lines = []
    for account in sorted(set(before) | set(during)):
        name_ko, name_en, kind, side = chart.get(account, (account, account, "unknown", "debit"))
        opening = _signed(side, *before.get(account, (0, 0)))
        debit, credit = during.get(account, (0, 0))
        lines.append(
            AccountLine(
                account,
                name_ko,
                name_en,
                kind,
                opening,
                debit,
                credit,
                opening + _signed(side, debit, credit),
            )
        )
    sides = [_closing_sides(chart, line) for line in lines]
    closing_debit = sum(debit for debit, _ in sides)
    closing_credit = sum(credit for _, credit in sides)
    return TrialBalance(
        org=org,
        period_start=start,
        as_of=as_of,
        lines=lines,
        total_debit=sum(line.debit for line in lines),
        total_credit=sum(line.credit for line in lines),
        closing_debit_balances=closing_debit,
        closing_credit_balances=closing_credit,
    )


def _closing_sides(chart: dict[str, tuple[str, str, str, str]], line: AccountLine) -> tuple[int, int]:
    """The closing balance as (debit balance, credit balance); one of them is zero."""
    side = chart.get(line.account, ("", "", "", "debit"))[3]
    as_debit = line.closing if side == "debit" else -line.closing
    return max(as_debit, 0), max(-as_debit, 0)


def income_statement(conn: Connection, org: str, start: date, end: date) -> IncomeStatement:
    """재정운영표 / 손익계산서 for the accounting dates from ``start`` to ``end``."""
    chart = _chart(conn)
    moved = _movements(conn, org, start, end)
    revenue, expenses = [], []
    for account, (debit, credit) in sorted(moved.items()):
        name_ko, name_en, kind, _ = chart.get(account, (account, account, "unknown", "debit"))
        if kind == "revenue":
            revenue.append(StatementLine(account, name_ko, name_en, credit - debit))
        elif kind == "expense":
            expenses.append(StatementLine(account, name_ko, name_en, debit - credit))
    total_revenue = sum(line.amount for line in revenue)
    total_expenses = sum(line.amount for line in expenses)
    return IncomeStatement(
        org, start, end, revenue, expenses, total_revenue, total_expenses, total_revenue - total_expenses
    )


def balance_sheet(conn: Connection, org: str, as_of: date) -> BalanceSheet:
    """재정상태표 / 대차대조표 at ``as_of``: assets = liabilities + net assets (with the surplus)."""
    chart = _chart(conn)
    moved = _movements(conn, org, None, as_of)
    assets, liabilities, net_assets = [], [], []
    surplus = 0
    for account, (debit, credit) in sorted(moved.items()):
        name_ko, name_en, kind, _ = chart.get(account, (account, account, "unknown", "debit"))
        if kind == "asset":
            assets.append(StatementLine(account, name_ko, name_en, debit - credit))
        elif kind == "liability":
            liabilities.append(StatementLine(account, name_ko, name_en, credit - debit))
        elif kind == "net_assets":
            net_assets.append(StatementLine(account, name_ko, name_en, credit - debit))
        elif kind in ("revenue", "expense"):
            surplus += credit - debit
    total_net = sum(line.amount for line in net_assets) + surplus
    return BalanceSheet(
        org=org,
        as_of=as_of,
        assets=assets,
        liabilities=liabilities,
        net_assets=net_assets,
        total_assets=sum(line.amount for line in assets),
        total_liabilities=sum(line.amount for line in liabilities),
        total_net_assets=total_net,
        accumulated_surplus=surplus,
    )


@dataclass(frozen=True)
class BudgetActual:
    line_id: str
    code: str
    title: str
    current_budget: int
    allocated: int
    obligated: int
    paid: int
    remaining: int
    execution_rate: Decimal  # paid / current budget, in percent to 0.01


def budget_vs_actual(
    conn: Connection, org: str, fiscal_year: int, as_of: date | None = None
) -> list[BudgetActual]:
    """예산 대비 집행: every budget line of the year with its budget and what was spent.

    ``as_of``: the amounts as of that accounting date, summed from the lines' daily movements
    (``line_daily``) up to it; by default, as they stand.
    """
    where = [line_balances.c.org == org, line_balances.c.fiscal_year == fiscal_year]
    lb: Any = line_balances if as_of is None else line_balances_as_of(as_of, where=where)
    rows = conn.execute(
        select(
            lb.c.line_id,
            lb.c.code,
            lb.c.title,
            lb.c.current_budget,
            lb.c.allocated,
            lb.c.obligated,
            lb.c.paid,
        )
        .where(lb.c.org == org, lb.c.fiscal_year == fiscal_year)
        .order_by(lb.c.code)
    )
    out = []
    for line_id, code, title, budget, allocated, obligated, paid in rows:
        rate = (Decimal(paid) * 100 / Decimal(budget)).quantize(Decimal("0.01")) if budget else Decimal(0)
        out.append(
            BudgetActual(line_id, code, title, budget, allocated, obligated, paid, budget - obligated, rate)
        )
    return out


__all__ = [
    "BalanceSheet",
    "BudgetActual",
    "IncomeStatement",
    "TrialBalance",
    "accounts_of_kinds",
    "balance_sheet",
    "budget_vs_actual",
    "income_statement",
    "posting_positions",
    "trial_balance",
]


def posting_positions(
    conn: Connection,
    org: str,
    accounts: Iterable[str],
    after: int,
    upto: int,
    start: date | None,
    end: date,
) -> dict[int, set[str]]:
    """Which events moved these accounts: the log positions in (after, upto] of ``org``'s postings
    on ``accounts`` with accounting dates from ``start`` (None: any before) to ``end``, each with
    the accounts it posted to. Postings carry their event's position (see readmodels.ledger)."""
    wanted = sorted(set(accounts))
    if not wanted:
        return {}
    query = select(postings.c.position, postings.c.account).where(
        postings.c.org == org,
        postings.c.account.in_(wanted),
        postings.c.position > after,
        postings.c.position <= upto,
        postings.c.accounting_date <= end,
    )
    if start is not None:
        query = query.where(postings.c.accounting_date >= start)
    found: dict[int, set[str]] = {}
    for position, account in conn.execute(query):
        found.setdefault(int(position), set()).add(account)
    return found


def accounts_of_kinds(conn: Connection, kinds: Iterable[str]) -> list[str]:
    """The chart's account codes of these kinds (asset, liability, net_assets, revenue, expense)."""
    chosen = set(kinds)
    return [code for code, (_, _, kind, _) in _chart(conn).items() if kind in chosen]
