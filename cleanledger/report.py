"""``cleanledger report``: a statement to the terminal, or as CSV for a spreadsheet.

    cleanledger report trial-balance --org 6110000 --as-of 2026-12-31
    cleanledger report income-statement --org 6110000 --start 2026-01-01 --end 2026-12-31 --csv
    cleanledger report balance-sheet --org 6110000 --as-of 2026-12-31
    cleanledger report budget-vs-actual --org 6110000 --year 2026 --as-of 2026-06-30
    cleanledger report trial-balance --org 6110000 --as-of 2026-12-31 --known-at 2026-07-01T00:00:00Z
    cleanledger report balance-sheet --org 6110000 --as-of 2026-12-31 --known-at 1042
    cleanledger report trial-balance --org 6110000 --as-of 2026-03-31 --diff 1042 2026-07-01T09:00Z

The read models are brought up to date first, so a report includes every recorded event.
``--as-of`` is the accounting date (회계일자) a statement is at, answered from the read models.
``--known-at`` (a log position or an ISO 8601 timestamp, UTC without an offset) shows the report
as the ledger stood then: only events recorded by then count (by their recording timestamp). It
replays the log up to there into temporary tables, with a progress bar on stderr. ``--diff FROM
TO`` shows what changed between two such moments, line by line, and the events that caused it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection

from api.routers import reports
from cleanledger.settings import Settings
from cleanledger.terminal import ProgressBar, pad, width
from cleanledger.wiring import build_projection_engine, build_read_engine
from commands import timeline
from commands.ledger import Ledger
from domain.errors import InvalidInput
from projections.replay import replay
from readmodels import report_exports, statements
from readmodels.statements import BalanceSheet, BudgetActual, IncomeStatement, TrialBalance

Row = Sequence[object]


def report(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    if args.diff:
        return _diff(ledger, args)
    if args.known_at is not None:
        position = _position(ledger, args.known_at, "--known-at")
        read = build_read_engine(settings)
        try:
            with replay(ledger.recorder, read, _kind(args)) as session:
                bar = ProgressBar(f"replaying to position {position:,}")
                session.advance(position, bar.update)
                bar.update(position, position, final=True)
                with session.connect() as conn:
                    statement = _statement(conn, args)
        finally:
            read.dispose()
    else:
        engine = build_projection_engine(settings, ledger)
        try:
            engine.catch_up()
            with engine.engine.connect() as conn:
                statement = _statement(conn, args)
        finally:
            engine.engine.dispose()
    if args.csv:
        # The very file the API's `…/{report}.csv` answers: same columns, UTF-8 with a BOM for
        # spreadsheets, formula-like text neutralised.
        data = _csv_table(statement).to_bytes()
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    _print_table(*_terminal_table(statement))
    return 0


Statement = TrialBalance | IncomeStatement | BalanceSheet | list[BudgetActual]


def _statement(conn: Connection, args: argparse.Namespace) -> Statement:
    org: str = args.org
    if args.name == "trial-balance":
        return statements.trial_balance(conn, org, _required(args.as_of, "--as-of"), args.start)
    if args.name == "income-statement":
        return statements.income_statement(
            conn, org, _required(args.start, "--start"), _required(args.end, "--end")
        )
    if args.name == "balance-sheet":
        return statements.balance_sheet(conn, org, _required(args.as_of, "--as-of"))
    year = args.year if args.year is not None else _required(args.as_of, "--year").year
    return statements.budget_vs_actual(conn, org, year, args.as_of)


def _csv_table(statement: Statement) -> report_exports.CsvTable:
    if isinstance(statement, TrialBalance):
        return report_exports.trial_balance_table(statement)
    if isinstance(statement, IncomeStatement):
        return report_exports.income_statement_table(statement)
    if isinstance(statement, BalanceSheet):
        return report_exports.balance_sheet_table(statement)
    return report_exports.budget_vs_actual_table(statement)


def _terminal_table(statement: Statement) -> tuple[Row, list[Row]]:
    """The statement for reading on a terminal: Korean names, and its totals at the foot."""
    if isinstance(statement, TrialBalance):
        tb = statement
        rows: list[Row] = [(a.account, a.name_ko, a.opening, a.debit, a.credit, a.closing) for a in tb.lines]
        rows.append(("", "합계 total", "", tb.total_debit, tb.total_credit, ""))
        return ("account", "name", "opening", "debit", "credit", "closing"), rows
    if isinstance(statement, IncomeStatement):
        inc = statement
        rows = [("revenue", x.account, x.name_ko, x.amount) for x in inc.revenue]
        rows += [("expenses", x.account, x.name_ko, x.amount) for x in inc.expenses]
        rows += [
            ("", "", "수익 합계 total revenue", inc.total_revenue),
            ("", "", "비용 합계 total expenses", inc.total_expenses),
            ("", "", "재정운영결과 surplus", inc.surplus),
        ]
        return ("section", "account", "name", "amount"), rows
    if isinstance(statement, BalanceSheet):
        bs = statement
        rows = [("assets", x.account, x.name_ko, x.amount) for x in bs.assets]
        rows += [("liabilities", x.account, x.name_ko, x.amount) for x in bs.liabilities]
        rows += [("net assets", x.account, x.name_ko, x.amount) for x in bs.net_assets]
        # The surplus not yet closed into net assets: without it the sheet would not balance.
        rows.append(("net assets", "", report_exports.SURPLUS_NAME_KO, bs.accumulated_surplus))
        rows += [
            ("", "", "자산 total assets", bs.total_assets),
            ("", "", "부채 total liabilities", bs.total_liabilities),
            ("", "", "순자산 total net assets", bs.total_net_assets),
        ]
        return ("section", "account", "name", "amount"), rows
    lines = statement
    rows = [
        (b.code, b.title, b.current_budget, b.allocated, b.obligated, b.paid, b.remaining, b.execution_rate)
        for b in lines
    ]
    rows.append(
        ("", "합계 total", sum(b.current_budget for b in lines), "", "", sum(b.paid for b in lines), "", "")
    )
    return ("code", "title", "budget", "allocated", "obligated", "paid", "remaining", "rate %"), rows


def _kind(args: argparse.Namespace) -> str:
    return "budget" if args.name == "budget-vs-actual" else "ledger"


def _position(ledger: Ledger, text: str, option: str) -> int:
    """The log position ``text`` (a position or an ISO 8601 timestamp) stands for."""
    try:
        return timeline.resolve(ledger, text, option)
    except InvalidInput as error:
        raise SystemExit(f"cleanledger report: {error.detail}") from None


def _diff(ledger: Ledger, args: argparse.Namespace) -> int:
    first, second = (_position(ledger, text, "--diff") for text in args.diff)
    if second < first:
        raise SystemExit(f"cleanledger report: --diff {second} is before {first}")
    year = args.year if args.year is not None or args.name != "budget-vs-actual" else None
    if args.name == "budget-vs-actual" and year is None:
        year = _required(args.as_of, "--year").year
    try:
        spec = reports.diff_spec(args.name, args.org, args.as_of, args.start, args.start, args.end, year)
    except InvalidInput as error:
        raise SystemExit(f"cleanledger report: {error}") from None
    read = build_read_engine(args.settings)
    try:
        bar = ProgressBar(f"replaying to position {second:,}")

        def opener(kind: str) -> Any:
            return replay(ledger.recorder, read, kind)

        found = reports.compute_diff(ledger, opener, spec, args.name, first, second, bar.update)
        bar.update(second, second, final=True)
    finally:
        read.dispose()
    print(f"{args.name} {args.org}: known at position {first:,} → {second:,}")
    if not found.lines:
        print("no change")
        return 0
    _print_table(
        ("line", "name", "column", "before", "after", "change"),
        [(x.line, x.name, x.column, x.before, x.after, x.change) for x in found.lines],
    )
    print()
    _print_table(
        ("position", "event", "actor", "accounting date", "recorded at", "lines"),
        [
            (
                e.position,
                e.event,
                e.actor or "",
                e.accounting_date.isoformat() if e.accounting_date else "",
                e.recorded_at.isoformat(timespec="seconds") if e.recorded_at else "",
                " ".join(e.lines),
            )
            for e in found.events
        ],
    )
    return 0


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
    p_report.add_argument(
        "--csv",
        action="store_true",
        help="CSV on stdout instead of a table: the file the API's `…/{report}.csv` gives (UTF-8 with a BOM)",
    )
    p_report.add_argument(
        "--known-at",
        metavar="T|POSITION",
        help="as the ledger stood at this moment: a log position or an ISO 8601 timestamp "
        "(replays the log up to there; progress on stderr)",
    )
    p_report.add_argument(
        "--diff",
        nargs=2,
        metavar=("FROM", "TO"),
        help="what changed between two moments (positions or timestamps): lines and causing events",
    )
    p_report.set_defaults(run=report)
