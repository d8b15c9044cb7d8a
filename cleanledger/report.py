"""``cleanledger report``: a statement to the terminal, or as CSV for a spreadsheet.

    cleanledger report trial-balance --org 6110000 --as-of 2026-12-31
    cleanledger report income-statement --org 6110000 --start 2026-01-01 --end 2026-12-31 --csv
    cleanledger report balance-sheet --org 6110000 --as-of 2026-12-31
    cleanledger report budget-vs-actual --org 6110000 --year 2026

The read models are brought up to date first, so a report includes every recorded event.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection

from cleanledger.settings import Settings
from cleanledger.terminal import pad, width
from cleanledger.wiring import build_projection_engine
from commands.ledger import Ledger
from readmodels import statements

Row = Sequence[object]


def report(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    engine = build_projection_engine(settings, ledger)
    try:
        engine.catch_up()
        with engine.engine.connect() as conn:
            header, rows, totals = _statement(conn, args)
    finally:
        engine.engine.dispose()
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return 0
    _print_table(header, [*rows, *totals])
    return 0


def _statement(conn: Connection, args: argparse.Namespace) -> tuple[Row, list[Row], list[Row]]:
    org: str = args.org
    if args.name == "trial-balance":
        tb = statements.trial_balance(conn, org, _required(args.as_of, "--as-of"), args.start)
        header: Row = ("account", "name", "opening", "debit", "credit", "closing")
        rows: list[Row] = [(a.account, a.name_ko, a.opening, a.debit, a.credit, a.closing) for a in tb.lines]
        return header, rows, [("", "합계 total", "", tb.total_debit, tb.total_credit, "")]
    if args.name == "income-statement":
        inc = statements.income_statement(
            conn, org, _required(args.start, "--start"), _required(args.end, "--end")
        )
        header = ("section", "account", "name", "amount")
        rows = [("revenue", x.account, x.name_ko, x.amount) for x in inc.revenue]
        rows += [("expenses", x.account, x.name_ko, x.amount) for x in inc.expenses]
        totals: list[Row] = [
            ("", "", "수익 합계 total revenue", inc.total_revenue),
            ("", "", "비용 합계 total expenses", inc.total_expenses),
            ("", "", "재정운영결과 surplus", inc.surplus),
        ]
        return header, rows, totals
    if args.name == "balance-sheet":
        bs = statements.balance_sheet(conn, org, _required(args.as_of, "--as-of"))
        header = ("section", "account", "name", "amount")
        rows = [("assets", x.account, x.name_ko, x.amount) for x in bs.assets]
        rows += [("liabilities", x.account, x.name_ko, x.amount) for x in bs.liabilities]
        rows += [("net assets", x.account, x.name_ko, x.amount) for x in bs.net_assets]
        totals = [
            ("", "", "자산 total assets", bs.total_assets),
            ("", "", "부채 total liabilities", bs.total_liabilities),
            ("", "", "순자산 total net assets", bs.total_net_assets),
        ]
        return header, rows, totals
    year = args.year if args.year is not None else _required(args.as_of, "--year").year
    lines = statements.budget_vs_actual(conn, org, year)
    header = ("code", "title", "budget", "allocated", "obligated", "paid", "remaining", "rate %")
    rows = [
        (b.code, b.title, b.current_budget, b.allocated, b.obligated, b.paid, b.remaining, b.execution_rate)
        for b in lines
    ]
    return (
        header,
        rows,
        [
            (
                "",
                "합계 total",
                sum(b.current_budget for b in lines),
                "",
                "",
                sum(b.paid for b in lines),
                "",
                "",
            )
        ],
    )


def _required(value: date | None, option: str) -> date:
    if value is None:
        raise SystemExit(f"cleanledger report: {option} is required for this statement")
    return value


def _print_table(header: Row, rows: list[Row]) -> None:
    def cell(value: object) -> str:
        return f"{value:,}" if isinstance(value, int) else str(value)

    table = [[str(h) for h in header]] + [[cell(v) for v in row] for row in rows]
    numeric = {i for i, value in enumerate(rows[0]) if isinstance(value, int)} if rows else set()
    widths = [max(width(r[i]) for r in table) for i in range(len(header))]
    for n, row in enumerate(table):
        print("  ".join(pad(c, widths[i], right=i in numeric) for i, c in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_report = sub.add_parser(
        "report",
        help="print a statement (trial balance, income statement, balance sheet, budget vs actual)",
        description="A statement of one organisation from the read models (brought up to date first).",
    )
    p_report.add_argument(
        "name", choices=("trial-balance", "income-statement", "balance-sheet", "budget-vs-actual")
    )
    p_report.add_argument("--org", required=True, help="organisation code, e.g. 6110000")
    p_report.add_argument("--as-of", type=date.fromisoformat, help="accounting date (YYYY-MM-DD)")
    p_report.add_argument("--start", type=date.fromisoformat, help="period start (YYYY-MM-DD)")
    p_report.add_argument("--end", type=date.fromisoformat, help="period end (YYYY-MM-DD)")
    p_report.add_argument("--year", type=int, help="fiscal year (budget-vs-actual)")
    p_report.add_argument("--csv", action="store_true", help="CSV on stdout instead of a table")
    p_report.set_defaults(run=report)
