"""Payroll tables (급여 기준표) as data: every rate, amount and bracket a payslip uses, effective-dated.

A table is a CSV file of one :class:`TableKind`. Each row has an ``effective_from`` date and a
``source`` (the law, notice or internal rule it comes from); a change of law or of pay scale is a
new row with its effective date, never code. Rows with the same key (a kind's ``key`` columns) form
that key's history; on a day, the row in force for a key is the one with the latest
``effective_from`` not after it. A kind with no key columns (the withholding table) changes as a
whole: every row of the latest edition not after the day is in force, and only those.

:func:`parse_table` checks a file against its kind (columns, types, ranges, one row per key and
date) and refuses it whole, naming the row and column; the loaded rows travel in the load's event
(:class:`domain.payroll.table.PayrollTable`), so a run reads the tables as they were loaded, not the
files as they are now. Rates are percentages written as text (``"4.75"``, or ``"200/3"`` for a
share no decimal writes exactly) and read as exact fractions, so nothing passes through a float.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from importlib import resources
from typing import Any

from domain.money import MAX_WON
from domain.payroll.errors import MalformedTable, TableMissing

#: Cells are short: a source citation is the longest. A file is bounded by rows too.
MAX_CELL = 400
MAX_ROWS = 20_000
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class TableKind(StrEnum):
    PAY_SCALE = "pay_scale"  # 봉급표: base pay by grade and step
    ALLOWANCES = "allowances"  # 수당: position, family, meal and the institution's own
    PAY_RULES = "pay_rules"  # 휴직·직위해제·징계 중의 보수 지급률
    WORK_PREMIUMS = "work_premiums"  # 연장·야간·휴일근로 가산 (근로기준법 제56조)
    CONTRIBUTIONS = "contributions"  # 4대 보험료율, 지방소득세율, and their bases and rounding
    WITHHOLDING = "withholding"  # 근로소득 간이세액표 (소득세법 시행령 별표 2)
    WITHHOLDING_RULES = "withholding_rules"  # 간이세액표의 자녀 공제, 1천만원 초과 구간
    YEAR_END = "year_end"  # 연말정산: 세율, 근로소득공제, 세액공제


class Column(StrEnum):
    """The type of a column's cells."""

    DATE = "date"
    CODE = "code"  # upper-case letters, digits, ``_ : -``
    TEXT = "text"
    WON = "won"  # a non-negative whole number of won
    COUNT = "count"  # a non-negative whole number (steps, hours, people)
    PERCENT = "percent"  # a non-negative percentage, at most 1 000: 4.75 or 200/3
    FLAG = "flag"  # yes | no


@dataclass(frozen=True)
class KindSpec:
    columns: Mapping[str, Column]
    #: Columns that name what a row is about; a kind with none changes as a whole edition.
    key: tuple[str, ...]
    #: Columns that may be blank (an open-ended cap, a rule without a limit).
    optional: frozenset[str] = frozenset()


_D, _C, _T, _W, _N, _P, _F = (
    Column.DATE,
    Column.CODE,
    Column.TEXT,
    Column.WON,
    Column.COUNT,
    Column.PERCENT,
    Column.FLAG,
)

SPECS: Mapping[TableKind, KindSpec] = {
    TableKind.PAY_SCALE: KindSpec(
        {"effective_from": _D, "grade": _C, "step": _N, "base_pay": _W, "source": _T}, ("grade", "step")
    ),
    # applies_to: ALL, POSITION:<code>, GRADE:<code>, DEPENDANT (per dependant besides the
    # employee), CHILD (per child). ``ordinary``: part of 통상임금 (the hourly rate of premiums).
    TableKind.ALLOWANCES: KindSpec(
        {
            "effective_from": _D,
            "code": _C,
            "name": _T,
            "applies_to": _C,
            "amount": _W,
            "non_taxable_limit": _W,
            "ordinary": _F,
            "source": _T,
        },
        ("code", "applies_to"),
    ),
    # condition: LEAVE:UNPAID, LEAVE:PARENTAL, LEAVE:SICK, SUSPENDED, DISCIPLINE:SUSPENSION,
    # DISCIPLINE:PAY_CUT; pay_percent of the pay of the days it covers.
    TableKind.PAY_RULES: KindSpec(
        {"effective_from": _D, "condition": _C, "pay_percent": _P, "source": _T}, ("condition",)
    ),
    # kind: OVERTIME, NIGHT, HOLIDAY, HOLIDAY_OVER_8H; percent of the hourly ordinary wage paid per
    # hour; monthly_hours: the 통상임금 divisor (209 for 40 hours a week).
    TableKind.WORK_PREMIUMS: KindSpec(
        {"effective_from": _D, "kind": _C, "percent": _P, "monthly_hours": _N, "source": _T}, ("kind",)
    ),
    # kind: NATIONAL_PENSION, HEALTH, LONG_TERM_CARE (of the health premium), EMPLOYMENT,
    # LOCAL_INCOME_TAX (of the income tax). base_floor/base_cap bound the monthly base;
    # base_unit truncates the base, amount_unit the amount (원 단위 절사: 10).
    TableKind.CONTRIBUTIONS: KindSpec(
        {
            "effective_from": _D,
            "kind": _C,
            "employee_percent": _P,
            "employer_percent": _P,
            "base_floor": _W,
            "base_cap": _W,
            "base_unit": _N,
            "amount_unit": _N,
            "source": _T,
        },
        ("kind",),
        frozenset({"base_floor", "base_cap"}),
    ),
    # 월급여액 ≥ pay_from and < pay_to (천원 단위 구간, in won), tax by the number of the family
    # counted (공제대상가족의 수, the employee included) 1 … 11.
    TableKind.WITHHOLDING: KindSpec(
        {
            "effective_from": _D,
            "pay_from": _W,
            "pay_to": _W,
            **{f"family_{n}": _W for n in range(1, 12)},
            "source": _T,
        },
        (),
    ),
    # rule: CHILD_1, CHILD_2 (the deduction for one, two children of 8–20), CHILD_EXTRA (each one
    # beyond two), ABOVE:<pay_from> (over the table: amount + (pay − pay_from) × taxable_percent ×
    # rate_percent), FAMILY_OVER_11 (each person beyond 11, as the table's footnote says).
    TableKind.WITHHOLDING_RULES: KindSpec(
        {
            "effective_from": _D,
            "rule": _C,
            "amount": _W,
            "taxable_percent": _P,
            "rate_percent": _P,
            "source": _T,
        },
        ("rule",),
    ),
    # Annual tax (연말정산, 퇴직소득세). Each item reads "amount + percent × (x − from) + per_unit ×
    # (units − from)" for the band starting at ``from``: BRACKET:<from> (세율: x the 과세표준),
    # EARNED_DEDUCTION:<from> (근로소득공제, x 총급여) and EARNED_DEDUCTION_CAP, EARNED_CREDIT:<from>
    # (근로소득세액공제, x 산출세액), EARNED_CREDIT_LIMIT:<from> (its limit by 총급여: amount − percent ×
    # (x − from), not below ``floor``), BASIC_PER_PERSON, CHILD_CREDIT_1, CHILD_CREDIT_2 (two in
    # all), CHILD_CREDIT_EXTRA (each beyond two), STANDARD_CREDIT, INSURANCE_CREDIT (보장성보험료:
    # percent, up to ``floor`` of premiums), MEDICAL_CREDIT (percent of what exceeds ``amount``…
    # the threshold's percent of 총급여 in ``per_unit`` hundredths), EDUCATION_CREDIT,
    # DONATION_CREDIT:<from>, LOCAL_PERCENT, RETIREMENT_SERVICE:<years> (근속연수공제: amount +
    # per_unit × (years − from)), RETIREMENT_CONVERSION:<from> (환산급여공제), SEVERANCE_DAYS (30
    # days' pay per year: ``amount`` days), SEVERANCE_MIN_DAYS (the service it needs).
    TableKind.YEAR_END: KindSpec(
        {
            "effective_from": _D,
            "item": _C,
            "amount": _W,
            "percent": _P,
            "per_unit": _W,
            "floor": _W,
            "source": _T,
        },
        ("item",),
        frozenset({"per_unit", "floor"}),
    ),
}

Row = Mapping[str, Any]


def _cell(kind: TableKind, row_number: int, column: str, value: str, type_: Column) -> Any:
    def refuse(why: str) -> MalformedTable:
        return MalformedTable(
            f"{kind.value} row {row_number}, column {column}: {why}",
            table=kind.value,
            row=row_number,
            column=column,
        )

    if len(value) > MAX_CELL:
        raise refuse(f"longer than {MAX_CELL} characters")
    if _CONTROL.search(value):
        raise refuse("control characters")
    if type_ is Column.DATE:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise refuse(f"{value!r} is not a date (YYYY-MM-DD)") from None
    if type_ is Column.CODE:
        if not value or len(value) > 40 or not set(value) <= _CODE_CHARS:
            raise refuse(f"{value!r} is not a code (upper-case letters, digits, _ : -)")
        return value
    if type_ is Column.TEXT:
        if not value.strip():
            raise refuse("blank")
        return value.strip()
    if type_ in (Column.WON, Column.COUNT):
        if not value.isascii() or not value.isdigit():
            raise refuse(f"{value!r} is not a whole non-negative number")
        number = int(value)
        if number > MAX_WON:
            raise refuse(f"{value} does not fit in a signed 64-bit integer")
        return number
    if type_ is Column.PERCENT:
        # A decimal (``4.75``) or, for a share no decimal writes exactly, a fraction (``200/3``).
        if not value.isascii() or not re.fullmatch(r"\d{1,4}(\.\d{1,6})?(/\d{1,4})?", value):
            raise refuse(f"{value!r} is not a percentage (4.75, or 200/3)")
        try:
            share = Fraction(value)
        except ZeroDivisionError:
            raise refuse(f"{value!r} divides by zero") from None
        if share > 1000:
            raise refuse(f"{value!r} is more than 1000 percent")
        return value
    if value not in ("yes", "no"):
        raise refuse(f"{value!r} is not yes or no")
    return value == "yes"


def parse_table(kind: TableKind, content: str) -> tuple[dict[str, Any], ...]:
    """The rows of a CSV file of ``kind``, typed (dates as :class:`date`, percentages as text).

    The header must be the kind's columns, in any order; every cell must hold its type; a key may
    have one row per effective date. Anything else refuses the whole file (``malformed-table``).
    """
    spec = SPECS[kind]
    reader = csv.reader(io.StringIO(content.lstrip("\ufeff"), newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise MalformedTable(f"{kind.value}: the file has no header row", table=kind.value) from None
    missing = [c for c in spec.columns if c not in header]
    unknown = [c for c in header if c not in spec.columns]
    if missing or unknown or len(set(header)) != len(header):
        raise MalformedTable(
            f"{kind.value}: the header must name the columns {', '.join(spec.columns)} once each"
            + (f"; missing {', '.join(missing)}" if missing else "")
            + (f"; unknown {', '.join(unknown)}" if unknown else ""),
            table=kind.value,
        )
    rows: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise MalformedTable(
                    f"{kind.value} row {number}: {len(cells)} cells, the header has {len(header)}",
                    table=kind.value,
                    row=number,
                )
            row: dict[str, Any] = {}
            for column, cell in zip(header, cells, strict=True):
                value = cell.strip()
                if not value and column in spec.optional:
                    row[column] = None
                    continue
                row[column] = _cell(kind, number, column, value, spec.columns[column])
            identity = (row["effective_from"], *(row[c] for c in spec.key or ("pay_from",)))
            if identity in seen:
                raise MalformedTable(
                    f"{kind.value} row {number}: a second row for the same key and effective date",
                    table=kind.value,
                    row=number,
                )
            seen.add(identity)
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise MalformedTable(f"{kind.value}: more than {MAX_ROWS} rows", table=kind.value)
    except csv.Error as error:
        raise MalformedTable(f"{kind.value}: not a CSV file ({error})", table=kind.value) from None
    if not rows:
        raise MalformedTable(f"{kind.value}: the file has no rows", table=kind.value)
    if kind is TableKind.WITHHOLDING:
        _check_brackets(rows)
    return tuple(rows)


def _check_brackets(rows: Sequence[Row]) -> None:
    """Each edition of the withholding table is a run of brackets without gaps or overlaps."""
    editions: dict[date, list[Row]] = {}
    for row in rows:
        editions.setdefault(row["effective_from"], []).append(row)
    for effective, brackets in editions.items():
        brackets.sort(key=lambda r: r["pay_from"])
        for before, after in itertools.pairwise(brackets):
            if before["pay_to"] != after["pay_from"] or before["pay_from"] >= before["pay_to"]:
                raise MalformedTable(
                    f"withholding edition {effective}: the bracket from {before['pay_from']} won does "
                    f"not end where the next begins",
                    table="withholding",
                )


def row_key(kind: TableKind, row: Row) -> tuple[Any, ...]:
    return tuple(row[c] for c in SPECS[kind].key)


def in_force(kind: TableKind, rows: Iterable[Row], on: date) -> list[Row]:
    """The rows of a table in force on ``on``: per key the latest not after it (or, for a kind
    without key, the whole latest edition)."""
    spec = SPECS[kind]
    effective = [r for r in rows if r["effective_from"] <= on]
    if not spec.key:
        if not effective:
            return []
        latest = max(r["effective_from"] for r in effective)
        return [r for r in effective if r["effective_from"] == latest]
    chosen: dict[tuple[Any, ...], Row] = {}
    for row in effective:
        key = row_key(kind, row)
        if key not in chosen or chosen[key]["effective_from"] < row["effective_from"]:
            chosen[key] = row
    return list(chosen.values())


def change_days(kind: TableKind, rows: Iterable[Row], start: date, end: date) -> set[date]:
    """The days after ``start`` up to ``end`` (inclusive) on which some row takes effect."""
    return {r["effective_from"] for r in rows if start < r["effective_from"] <= end}


def required(kind: TableKind, found: Row | None, on: date, what: str) -> Row:
    if found is None:
        raise TableMissing(
            f"no {kind.value} row for {what} is in force on {on}", table=kind.value, on=on.isoformat()
        )
    return found


#: The files shipped with the ledger (package data, ``domain/payroll/tables/``), one per kind.
#: The statutory ones cite the law row by row; the pay scale and allowances are the demo
#: institutions' own (synthetic), which each organisation replaces with its 보수규정's.
SHIPPED: Mapping[TableKind, str] = {kind: f"{kind.value}.csv" for kind in TableKind}


def shipped_content(kind: TableKind) -> str:
    """The text of the shipped file of ``kind``."""
    return resources.files("domain.payroll").joinpath("tables", SHIPPED[kind]).read_text(encoding="utf-8")
