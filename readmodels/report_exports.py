"""Statements as CSV tables (보고서 CSV 내려받기): one header row, then one row per line.

The columns are the JSON field names of the same statement, so a CSV row and a JSON line say the
same thing in the same words. Files are UTF-8 with a byte-order mark, which spreadsheet programs
need to read Korean account names correctly; amounts are plain integers in won.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readmodels.statements import (
    BalanceSheet,
    BudgetActual,
    IncomeStatement,
    StatementLine,
    TrialBalance,
)

BOM = "\ufeff"

#: The row that keeps a balance sheet's CSV balanced: the surplus of revenue over expenses not
#: yet closed into net assets (JSON: ``accumulated_surplus``).
SURPLUS_NAME_KO = "재정운영결과 누계"
SURPLUS_NAME_EN = "Accumulated surplus (not yet closed)"


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]
    rows: list[tuple[object, ...]]

    def to_bytes(self) -> bytes:
        return csv_bytes(self.header, self.rows)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """RFC 4180 CSV (CRLF line ends) in UTF-8 with a BOM."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    # Public files are opened in spreadsheets: text that starts like a formula (a title typed as
    # "=HYPERLINK(…)") is written with a leading apostrophe so it stays text. Numbers are ints.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def trial_balance_table(tb: TrialBalance) -> CsvTable:
    return CsvTable(
        ("account", "name_ko", "name_en", "kind", "opening", "debit", "credit", "closing"),
        [
            (a.account, a.name_ko, a.name_en, a.kind, a.opening, a.debit, a.credit, a.closing)
            for a in tb.lines
        ],
    )


_SECTIONED = ("section", "account", "name_ko", "name_en", "amount")


def _section(name: str, lines: Sequence[StatementLine]) -> list[tuple[object, ...]]:
    return [(name, x.account, x.name_ko, x.name_en, x.amount) for x in lines]


def income_statement_table(statement: IncomeStatement) -> CsvTable:
    return CsvTable(
        _SECTIONED, _section("revenue", statement.revenue) + _section("expenses", statement.expenses)
    )


def balance_sheet_table(sheet: BalanceSheet) -> CsvTable:
    rows = (
        _section("assets", sheet.assets)
        + _section("liabilities", sheet.liabilities)
        + _section("net_assets", sheet.net_assets)
    )
    rows.append(("net_assets", "", SURPLUS_NAME_KO, SURPLUS_NAME_EN, sheet.accumulated_surplus))
    return CsvTable(_SECTIONED, rows)


def budget_vs_actual_table(lines: Sequence[BudgetActual]) -> CsvTable:
    return CsvTable(
        (
            "line_id",
            "code",
            "title",
            "current_budget",
            "allocated",
            "obligated",
            "paid",
            "remaining",
            "execution_rate",
        ),
        [
            (
                b.line_id,
                b.code,
                b.title,
                b.current_budget,
                b.allocated,
                b.obligated,
                b.paid,
                b.remaining,
                b.execution_rate,
            )
            for b in lines
        ],
    )


__all__ = [
    "CsvTable",
    "balance_sheet_table",
    "budget_vs_actual_table",
    "csv_bytes",
    "income_statement_table",
    "trial_balance_table",
]
