"""Payroll (급여) read models: the monthly runs, their payslips, the withholdings kept and remitted,
the table versions loaded; and the queries of the register (급여대장), an employee's payslips
(급여명세서), the withholdings not yet remitted (예수금 잔액) and the public personnel cost.

Individual pay is never public: ``payroll_payslips`` is read only by the payroll roles and by the
employee their own (the API decides who), and :func:`personnel_cost`, the one public query, gives
aggregates over an organisation's year with every figure that would tell a small group's pay
hidden (:data:`MINIMUM_CELL`).

The rows follow the events of ``PayrollRun`` and ``PayrollTable`` (:mod:`projections.payroll`).
A run's payslips are those of its latest calculation: a new calculation replaces them all, so the
register always shows what the run would pay (or paid). Item codes (``BASE``, ``MEAL``,
``INCOME_TAX`` …) are text here; their Korean names come from :data:`ITEM_NAMES` and, for the
organisation's own allowances, from the allowance table it loaded (``payroll_item_names``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    cast,
    func,
    or_,
    select,
    text,
)

from readmodels.erp import line_balances

metadata = MetaData()

ORG = 7
MONTH = 7  # YYYY-MM
UUID_TEXT = 36
EMPLOYEE_NUMBER = 12
ACTOR = 200  # domain.text.ACTOR
REASON = 1_000  # domain.text.REASON
FILE_NAME = 200  # domain.text.NAME
#: Kinds (of a payslip, a withholding, a table) and statuses: the domain's enum values, as text.
KIND = 40
#: A table's codes and names are cells of at most this many characters (domain.payroll.tables).
CELL = 400

#: The regular payslip's kind (정기 급여): the one the register compares month on month.
REGULAR = "regular"
#: Runs whose pay went out (지급, then 납부): what the public personnel cost counts.
PAID_STATUSES = ("paid", "remitted")
#: Public figures over fewer employees than this (on average a month) are not shown.
MINIMUM_CELL = 5
MAX_LIMIT = 1_000


def _amount(name: str) -> Column[int]:
    return Column(name, BigInteger, nullable=False, server_default=text("0"))


# 급여 처리: one row per organisation and month (귀속월). The totals are the latest calculation's
# (zero while one is under way); ``withheld``/``paid_net`` are what the payment kept and paid,
# ``employer_remitted`` the employer's shares the remittance paid. ``version`` and ``position`` are
# the run aggregate's version (the If-Match of its next command) and the log position of its last
# event. As in personnel, the columns besides the key are nullable or defaulted: each event sets
# some of them by an upsert.
payroll_runs = Table(
    "payroll_runs",
    metadata,
    Column("org", String(ORG), primary_key=True),
    Column("month", String(MONTH), primary_key=True),
    Column("run_id", String(UUID_TEXT)),
    Column("fiscal_year", Integer),
    Column("status", String(KIND)),  # open | calculated | approved | posted | paid | remitted
    Column("calculation", Integer, nullable=False, server_default=text("0")),
    Column("preparer", String(ACTOR)),  # who calculated it (the latest calculation)
    Column("approver", String(ACTOR)),
    Column("retroactive_from", String(MONTH)),
    Column("tables", Text),  # JSON: table kind → the version the calculation read
    Column("payslips", Integer, nullable=False, server_default=text("0")),
    _amount("gross"),  # 지급액 계
    _amount("deducted"),  # 공제액 계
    _amount("net"),  # 실지급액 계
    _amount("employer"),  # 기관부담금 계
    _amount("withheld"),  # 예수금 (on payment)
    _amount("paid_net"),  # paid to the employees
    _amount("employer_remitted"),
    Column("rejection_reason", String(REASON)),  # the latest 반려 사유
    Column("rejected_by", String(ACTOR)),
    Column("opened_on", Date),
    Column("calculated_on", Date),
    Column("approved_on", Date),
    Column("posted_on", Date),
    Column("paid_on", Date),
    Column("remitted_on", Date),
    Column("calculated_at", DateTime(timezone=True)),  # when the latest calculation was recorded
    Column("updated_at", DateTime(timezone=True)),  # when the run's last event was recorded
    Column("version", Integer),
    Column("position", BigInteger),
    Index("ix_payroll_runs_run_id", "run_id", unique=True),
    postgresql_with={"fillfactor": 80},  # each step updates the row in place
)

# 급여명세서: one row per payslip of a run's latest calculation. ``month`` is the slip's own month
# (귀속월: the run's for a regular slip, a past month for a retroactive difference); ``items`` is
# JSON: {"earnings": {code: won}, "deductions": {…}, "employer": {…}, "facts": {name: text}}.
payroll_payslips = Table(
    "payroll_payslips",
    metadata,
    Column("org", String(ORG), primary_key=True),
    Column("run_month", String(MONTH), primary_key=True),
    Column("employee_id", String(UUID_TEXT), primary_key=True),
    Column("kind", String(KIND), primary_key=True),
    Column("month", String(MONTH), primary_key=True),
    Column("employee_number", String(EMPLOYEE_NUMBER), nullable=False),
    Column("days", Integer, nullable=False),
    Column("gross", BigInteger, nullable=False),
    Column("deducted", BigInteger, nullable=False),
    Column("net", BigInteger, nullable=False),
    Column("employer_total", BigInteger, nullable=False),
    Column("taxable", BigInteger, nullable=False),
    Column("non_taxable", BigInteger, nullable=False),
    Column("items", Text, nullable=False),
    Index("ix_payroll_payslips_employee", "employee_id", "run_month"),
    Index("ix_payroll_payslips_register", "org", "run_month", "employee_number"),
)

# 예수금: per organisation, run month and kind of withholding (소득세, 국민연금 …), what the payment
# kept (``withheld``, on ``withheld_on``) and what the remittance paid over (``remitted``, on
# ``remitted_on``); both are accounting dates.
payroll_withholdings = Table(
    "payroll_withholdings",
    metadata,
    Column("org", String(ORG), primary_key=True),
    Column("month", String(MONTH), primary_key=True),
    Column("kind", String(KIND), primary_key=True),
    _amount("withheld"),
    Column("withheld_on", Date),
    _amount("remitted"),
    Column("remitted_on", Date),
)

# 급여 기준표 적재 이력: every load of a table that changed it (its version is the count of loads),
# with the file's name and SHA-256; a run's ``tables`` names these versions.
payroll_table_loads = Table(
    "payroll_table_loads",
    metadata,
    Column("org", String(ORG), primary_key=True),
    Column("kind", String(KIND), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("file_name", String(FILE_NAME), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("loaded_on", Date, nullable=False),
    Column("loaded_by", String(ACTOR), nullable=False),
    Column("position", BigInteger, nullable=False),
)

# The names of the organisation's own allowance codes, from its allowance table (the latest row of
# each code); a name stays when a later table drops the code, for the payslips that carry it.
payroll_item_names = Table(
    "payroll_item_names",
    metadata,
    Column("org", String(ORG), primary_key=True),
    Column("code", String(CELL), primary_key=True),
    Column("name", String(CELL), nullable=False),
)

TABLES = (payroll_runs, payroll_payslips, payroll_withholdings, payroll_table_loads, payroll_item_names)

#: Korean names of the items every payslip may carry (the allowances are the organisation's own).
ITEM_NAMES: Mapping[str, str] = {
    "BASE": "기본급",
    "OVERTIME": "연장근로수당",
    "NIGHT": "야간근로수당",
    "HOLIDAY": "휴일근로수당",
    "HOLIDAY_OVER_8H": "휴일근로수당(8시간 초과)",
    "ABSENCE": "결근 공제",
    "INCOME_TAX": "소득세",
    "LOCAL_INCOME_TAX": "지방소득세",
    "NATIONAL_PENSION": "국민연금",
    "HEALTH": "건강보험",
    "LONG_TERM_CARE": "장기요양보험",
    "EMPLOYMENT": "고용보험",
    "YEAR_END_TAX": "연말정산 소득세",
    "YEAR_END_LOCAL_TAX": "연말정산 지방소득세",
}
SECTIONS = ("earnings", "deductions", "employer")


# --- small helpers ----------------------------------------------------------------------------------


def previous_month(month: str) -> str:
    """The month before ``YYYY-MM``."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def _utc(value: datetime | None) -> datetime | None:
    # SQLite keeps no offset: the projection wrote the event's UTC time.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _checked(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be 1–{MAX_LIMIT}, got {limit!r}")
    return limit


def item_names(conn: Connection, org: str) -> dict[str, str]:
    """Every item code's Korean name for ``org``: the fixed ones and its allowances."""
    t = payroll_item_names
    names = dict(ITEM_NAMES)
    names.update(
        {row.code: row.name for row in conn.execute(select(t.c.code, t.c.name).where(t.c.org == org))}
    )
    return names


# --- runs ---------------------------------------------------------------------------------------------


def _run(row: Mapping[Any, Any]) -> dict[str, Any]:
    found = dict(row)
    found["tables"] = orjson.loads(found["tables"]) if found["tables"] else {}
    found["calculated_at"] = _utc(found["calculated_at"])
    found["updated_at"] = _utc(found["updated_at"])
    found.pop("run_id", None)
    return found


def runs(conn: Connection, org: str, year: int | None = None) -> list[dict[str, Any]]:
    """The organisation's runs (of ``year``'s months, if given), by month."""
    r = payroll_runs
    query = select(r).where(r.c.org == org)
    if year is not None:
        query = query.where(r.c.month >= f"{year:04d}-01", r.c.month <= f"{year:04d}-12")
    return [_run(row) for row in conn.execute(query.order_by(r.c.month)).mappings()]


def run(conn: Connection, org: str, month: str) -> dict[str, Any] | None:
    """One run, or None."""
    r = payroll_runs
    found = conn.execute(select(r).where(r.c.org == org, r.c.month == month)).mappings().first()
    return _run(found) if found is not None else None


# --- payslips -------------------------------------------------------------------------------------------

_SUMMARY = tuple(c for c in payroll_payslips.c if c.name not in ("items", "org"))


def _slip(row: Mapping[Any, Any], *, with_items: bool) -> dict[str, Any]:
    found = {name: value for name, value in row.items() if name not in ("items", "org")}
    if with_items:
        items = orjson.loads(row["items"])
        for section in (*SECTIONS, "facts"):
            found[section] = dict(items.get(section, {}))
    return found


def payslips(
    conn: Connection, org: str, employee_id: str, year: int | None = None, *, paid_only: bool = False
) -> list[dict[str, Any]]:
    """An employee's payslips (without items) in the runs of ``org`` (of ``year``'s run months, if
    given), by run month, kind and month, each with its run's status; ``paid_only``: only the runs
    whose pay went out."""
    p, r = payroll_payslips, payroll_runs
    query = (
        select(*_SUMMARY, r.c.status.label("run_status"))
        .join(r, and_(r.c.org == p.c.org, r.c.month == p.c.run_month))
        .where(p.c.org == org, p.c.employee_id == employee_id)
    )
    if year is not None:
        query = query.where(p.c.run_month >= f"{year:04d}-01", p.c.run_month <= f"{year:04d}-12")
    if paid_only:
        query = query.where(r.c.status.in_(PAID_STATUSES))
    query = query.order_by(p.c.run_month, p.c.kind, p.c.month)
    return [dict(row) for row in conn.execute(query).mappings()]


def payslip(
    conn: Connection,
    org: str,
    employee_id: str,
    run_month: str,
    kind: str = REGULAR,
    month: str | None = None,
    *,
    paid_only: bool = False,
) -> dict[str, Any] | None:
    """One payslip with its items and its run's status (``month`` defaults to the run's); None if
    there is none (or, ``paid_only``, its run's pay has not gone out)."""
    p, r = payroll_payslips, payroll_runs
    query = (
        select(p, r.c.status.label("run_status"))
        .join(r, and_(r.c.org == p.c.org, r.c.month == p.c.run_month))
        .where(
            p.c.org == org,
            p.c.run_month == run_month,
            p.c.employee_id == employee_id,
            p.c.kind == kind,
            p.c.month == (month or run_month),
        )
    )
    if paid_only:
        query = query.where(r.c.status.in_(PAID_STATUSES))
    found = conn.execute(query).mappings().first()
    return _slip(found, with_items=True) if found is not None else None


# --- the register (급여대장) ------------------------------------------------------------------------------


def _differences(current: Mapping[str, Any], previous: Mapping[str, Any] | None) -> dict[str, Any]:
    """This month's regular slip less last month's, in total and item by item (every item either
    carries; an item one of them lacks counts 0 there)."""
    change: dict[str, Any] = {"previous": previous is not None}
    for total in ("gross", "deducted", "net", "employer_total"):
        change[total] = current[total] - (previous[total] if previous is not None else 0)
    for section in SECTIONS:
        now = current[section]
        before = previous[section] if previous is not None else {}
        change[section] = {code: now.get(code, 0) - before.get(code, 0) for code in sorted({*now, *before})}
    return change


def register(
    conn: Connection, org: str, month: str, *, after: str | None = None, limit: int | None = None
) -> dict[str, Any] | None:
    """급여대장 of ``org``'s run for ``month``: the run (``run``), its ``totals`` summed from the
    payslips (equal to the run's own), the sum of each item (``item_totals``), and the payslips
    with their items (``items``, as every page calls its rows), by employee number (then kind and
    month). Each regular slip carries ``change``: the difference from the employee's
    regular slip of the month before (in total and per item; ``previous`` false when there was
    none); ``left`` lists who had a regular slip the month before and has none now.

    ``limit`` pages the rows by employee (all of an employee's slips on one page; ``after``: the
    last employee number of the page before, ``next_cursor`` the one to pass next); the totals,
    item sums and ``left`` are always the whole run's. None if there is no such run."""
    found = run(conn, org, month)
    if found is None:
        return None
    p = payroll_payslips
    in_run = (p.c.org == org, p.c.run_month == month)
    # The whole run's sums, the items' from their JSON, in one pass over the run's payslips.
    item_sums: dict[str, dict[str, int]] = {section: {} for section in SECTIONS}
    totals = {"payslips": 0, "gross": 0, "deducted": 0, "net": 0, "employer": 0}
    for summed in conn.execute(
        select(p.c["items"], p.c.gross, p.c.deducted, p.c.net, p.c.employer_total).where(*in_run)
    ).mappings():
        items = orjson.loads(summed["items"])
        for section in SECTIONS:
            sums = item_sums[section]
            for code, won in items.get(section, {}).items():
                sums[code] = sums.get(code, 0) + won
        totals["payslips"] += 1
        for name in ("gross", "deducted", "net"):
            totals[name] += summed[name]
        totals["employer"] += summed["employer_total"]
    numbers = None
    next_cursor = None
    if limit is not None:
        query = select(p.c.employee_number).where(*in_run).distinct().order_by(p.c.employee_number)
        if after is not None:
            query = query.where(p.c.employee_number > after)
        numbers = list(conn.execute(query.limit(_checked(limit) + 1)).scalars())
        if len(numbers) > limit:
            numbers = numbers[:limit]
            next_cursor = numbers[-1]
    elif after is not None:
        raise ValueError("after pages the rows: give a limit with it")
    query = select(p).where(*in_run)
    if numbers is not None:
        query = query.where(p.c.employee_number.in_(numbers))
    ordered = query.order_by(p.c.employee_number, p.c.kind, p.c.month)
    rows = [_slip(found_row, with_items=True) for found_row in conn.execute(ordered).mappings()]
    before = previous_month(month)
    regular = [row for row in rows if row["kind"] == REGULAR and row["month"] == month]
    previous = _previous_regular(conn, org, before, [row["employee_id"] for row in regular])
    for row in rows:
        is_regular = row["kind"] == REGULAR and row["month"] == month
        row["change"] = _differences(row, previous.get(row["employee_id"])) if is_regular else None
    return {
        "run": found,
        "previous_month": before,
        "totals": totals,
        "item_totals": {section: dict(sorted(sums.items())) for section, sums in item_sums.items()},
        "item_names": item_names(conn, org),
        "items": rows,
        "left": _left(conn, org, month, before),
        "next_cursor": next_cursor,
    }


def _previous_regular(
    conn: Connection, org: str, month: str, employee_ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """The regular slips of ``month``'s run of the employees named, by employee id."""
    p = payroll_payslips
    found: dict[str, dict[str, Any]] = {}
    for first in range(0, len(employee_ids), 500):
        chunk = list(employee_ids[first : first + 500])
        query = select(p).where(
            p.c.org == org,
            p.c.run_month == month,
            p.c.kind == REGULAR,
            p.c.month == month,
            p.c.employee_id.in_(chunk),
        )
        for row in conn.execute(query).mappings():
            found[row["employee_id"]] = _slip(row, with_items=True)
    return found


def _left(conn: Connection, org: str, month: str, before: str) -> list[dict[str, Any]]:
    """Who had a regular slip in ``before``'s run and none in ``month``'s: their slip of then."""
    p = payroll_payslips
    now = p.alias("now")
    still = (
        select(now.c.employee_id)
        .where(
            now.c.org == org,
            now.c.run_month == month,
            now.c.kind == REGULAR,
            now.c.month == month,
            now.c.employee_id == p.c.employee_id,
        )
        .exists()
    )
    query = (
        select(p.c.employee_id, p.c.employee_number, p.c.gross, p.c.deducted, p.c.net, p.c.employer_total)
        .where(p.c.org == org, p.c.run_month == before, p.c.kind == REGULAR, p.c.month == before, ~still)
        .order_by(p.c.employee_number)
    )
    return [dict(row) for row in conn.execute(query).mappings()]


def register_columns(found: Mapping[str, Any]) -> dict[str, str]:
    """The columns of the register's download, Korean first: the slip, each item that occurs in the
    run (earnings, deductions, the employer's shares) with its sum, and the change from the month
    before in total and per item."""
    names = found["item_names"]
    items = found["item_totals"]
    labels = {
        "employee_number": "사번",
        "kind": "구분",
        "month": "귀속월",
        "days": "근무일수",
    }
    for code in items["earnings"]:
        labels[f"earnings:{code}"] = names.get(code, code)
    labels["gross"] = "지급액 계"
    for code in items["deductions"]:
        labels[f"deductions:{code}"] = names.get(code, code)
    labels["deducted"] = "공제액 계"
    labels["net"] = "실지급액"
    for code in items["employer"]:
        labels[f"employer:{code}"] = f"기관부담 {names.get(code, code)}"
    labels["employer_total"] = "기관부담금 계"
    labels["taxable"] = "과세 급여"
    labels["non_taxable"] = "비과세 급여"
    labels["change:gross"] = "전월 대비 지급액"
    labels["change:deducted"] = "전월 대비 공제액"
    labels["change:net"] = "전월 대비 실지급액"
    for section in SECTIONS:
        prefix = "기관부담 " if section == "employer" else ""
        for code in items[section]:
            labels[f"change:{section}:{code}"] = f"전월 대비 {prefix}{names.get(code, code)}"
    return labels


def register_lines(found: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The register's rows as the download writes them (see :func:`register_columns`), and a last
    row of the totals (사번 ``합계``)."""
    lines = []
    for row in found["items"]:
        line: dict[str, Any] = {
            name: row[name]
            for name in (
                "employee_number",
                "kind",
                "month",
                "days",
                "gross",
                "deducted",
                "net",
                "employer_total",
                "taxable",
                "non_taxable",
            )
        }
        change = row["change"]
        for section in SECTIONS:
            for code in found["item_totals"][section]:
                line[f"{section}:{code}"] = row[section].get(code)
                line[f"change:{section}:{code}"] = change[section].get(code) if change else None
        for total in ("gross", "deducted", "net"):
            line[f"change:{total}"] = change[total] if change else None
        lines.append(line)
    totals = found["totals"]
    last: dict[str, Any] = dict.fromkeys(register_columns(found))
    last.update(
        employee_number="합계",
        gross=totals["gross"],
        deducted=totals["deducted"],
        net=totals["net"],
        employer_total=totals["employer"],
        taxable=sum(row["taxable"] for row in found["items"]),
        non_taxable=sum(row["non_taxable"] for row in found["items"]),
    )
    for section in SECTIONS:
        for code, won in found["item_totals"][section].items():
            last[f"{section}:{code}"] = won
    lines.append(last)
    return lines


# --- withholdings (예수금) ---------------------------------------------------------------------------------


def outstanding_withholdings(conn: Connection, org: str, as_of: date) -> dict[str, Any]:
    """What the organisation's runs withheld by ``as_of`` (the payments' accounting dates) and had
    not remitted by then (the remittances'), per kind of withholding and per run month; only what
    is still outstanding is listed, and ``total`` sums it."""
    w = payroll_withholdings
    query = (
        select(w)
        .where(w.c.org == org, w.c.withheld_on.is_not(None), w.c.withheld_on <= as_of)
        .order_by(w.c.month, w.c.kind)
    )
    by_kind: dict[str, dict[str, int]] = {}
    by_month: dict[str, int] = {}
    for row in conn.execute(query).mappings():
        remitted = row["remitted"] if row["remitted_on"] is not None and row["remitted_on"] <= as_of else 0
        outstanding = row["withheld"] - remitted
        if outstanding == 0:
            continue
        kind = by_kind.setdefault(row["kind"], {"withheld": 0, "remitted": 0, "outstanding": 0})
        kind["withheld"] += row["withheld"]
        kind["remitted"] += remitted
        kind["outstanding"] += outstanding
        by_month[row["month"]] = by_month.get(row["month"], 0) + outstanding
    return {
        "org": org,
        "as_of": as_of,
        "kinds": [
            {"kind": kind, "name": ITEM_NAMES.get(kind, kind), **sums}
            for kind, sums in sorted(by_kind.items())
        ],
        "months": [{"month": month, "outstanding": won} for month, won in sorted(by_month.items())],
        "total": sum(by_month.values()),
    }


# --- tables ------------------------------------------------------------------------------------------------


def table_loads(conn: Connection, org: str) -> list[dict[str, Any]]:
    """Every load of the organisation's tables that changed one, by kind and version."""
    t = payroll_table_loads
    query = select(t).where(t.c.org == org).order_by(t.c.kind, t.c.version)
    return [{k: v for k, v in row.items() if k != "org"} for row in conn.execute(query).mappings()]


# --- the public personnel cost (인건비 공개) --------------------------------------------------------------


def personnel_cost(conn: Connection, org: str, year: int) -> dict[str, Any]:
    """인건비 of ``org`` in ``year``, as the public may read it.

    - ``personnel_cost``: pay (gross, 지급액) and the employer's shares (기관부담금) of the runs of
      the year's months whose pay went out (paid or remitted);
    - ``budget``: the current budget (예산현액) and paid (지출액) of the organisation's budget lines
      of the year whose item is 101-xx (인건비) or 304-xx (연금부담금 등);
    - ``average_headcount``: the distinct employees with a payslip in each such run, averaged over
      those months, and ``cost_per_head``: the personnel cost over it.

    Under :data:`MINIMUM_CELL` employees on average, every figure of pay (the cost, its parts, its
    share of the budget, the personnel lines' paid, the headcount and the cost per head) is hidden
    (``suppressed``), and
    ``suppression`` says why: a total over a few people tells each one's pay. No individual amount
    is ever part of the answer."""
    r, p = payroll_runs, payroll_payslips
    paid = (r.c.org == org, r.c.month >= f"{year:04d}-01", r.c.month <= f"{year:04d}-12")
    sums = conn.execute(
        select(
            func.count(),
            cast(func.coalesce(func.sum(r.c.gross), 0), BigInteger),
            cast(func.coalesce(func.sum(r.c.employer), 0), BigInteger),
        ).where(*paid, r.c.status.in_(PAID_STATUSES))
    ).one()
    months, pay, employer = int(sums[0]), int(sums[1]), int(sums[2])
    heads = select(p.c.run_month, func.count(func.distinct(p.c.employee_id)).label("heads")).join(
        r, and_(r.c.org == p.c.org, r.c.month == p.c.run_month)
    )
    heads = heads.where(*paid, r.c.status.in_(PAID_STATUSES)).group_by(p.c.run_month)
    head_months = sum(int(row.heads) for row in conn.execute(heads))
    lb = line_balances
    personnel_lines = or_(lb.c.budget_item.like("101-%"), lb.c.budget_item.like("304-%"))
    budget = conn.execute(
        select(
            cast(func.coalesce(func.sum(lb.c.current_budget), 0), BigInteger),
            cast(func.coalesce(func.sum(lb.c.paid), 0), BigInteger),
        ).where(lb.c.org == org, lb.c.fiscal_year == year, personnel_lines)
    ).one()
    current_budget, budget_paid = int(budget[0]), int(budget[1])
    cost = pay + employer
    average = (Decimal(head_months) / Decimal(months)) if months else None
    suppressed = average is not None and average < MINIMUM_CELL
    answer: dict[str, Any] = {
        "org": org,
        "year": year,
        "months_paid": months,
        "budget": {"current_budget": current_budget, "paid": budget_paid},
        "minimum_cell": MINIMUM_CELL,
        "suppressed": suppressed,
        "suppression": None,
        "personnel_cost": None,
        "pay": None,
        "employer_contributions": None,
        "cost_to_budget_percent": None,
        "average_headcount": None,
        "cost_per_head": None,
    }
    if suppressed:
        # The personnel lines' paid is mostly this pay: over a few people it would tell it too.
        answer["budget"]["paid"] = None
        answer["suppression"] = (
            f"월평균 {MINIMUM_CELL}명 미만에게 지급되어 인건비, 인건비 예산 지출액, 인원, 1인당 인건비를 "
            f"공개하지 않습니다 (fewer than {MINIMUM_CELL} employees paid a month on average: the personnel "
            "cost, its parts, the personnel lines' paid, the headcount and the cost per head are not "
            "shown, so that no one's pay can be told)."
        )
        return answer
    answer.update(personnel_cost=cost, pay=pay, employer_contributions=employer)
    if current_budget > 0:
        share = Decimal(cost * 100) / Decimal(current_budget)
        answer["cost_to_budget_percent"] = share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if average is not None and head_months:
        answer["average_headcount"] = average.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        answer["cost_per_head"] = cost * months // head_months
    return answer


#: The public personnel cost's download columns, Korean first (one row).
PERSONNEL_COST_LABELS: Mapping[str, str] = {
    "org": "기관코드",
    "year": "회계연도",
    "months_paid": "지급 월수",
    "personnel_cost": "인건비 (보수+기관부담금)",
    "pay": "보수 지급액",
    "employer_contributions": "기관부담금",
    "current_budget": "인건비 예산현액 (101·304목)",
    "budget_paid": "인건비 예산 지출액 (101·304목)",
    "cost_to_budget_percent": "예산 대비 인건비 (%)",
    "average_headcount": "월평균 인원",
    "cost_per_head": "1인당 인건비",
    "suppressed": "비공개",
    "suppression": "비공개 사유",
}


def personnel_cost_line(found: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`personnel_cost` as the download's one row."""
    line = {name: found.get(name) for name in PERSONNEL_COST_LABELS}
    line["current_budget"] = found["budget"]["current_budget"]
    line["budget_paid"] = found["budget"]["paid"]
    for name in ("cost_to_budget_percent", "average_headcount"):
        if line[name] is not None:
            line[name] = str(line[name])
    return line


__all__ = [
    "ITEM_NAMES",
    "MINIMUM_CELL",
    "PERSONNEL_COST_LABELS",
    "TABLES",
    "item_names",
    "outstanding_withholdings",
    "payroll_item_names",
    "payroll_payslips",
    "payroll_runs",
    "payroll_table_loads",
    "payroll_withholdings",
    "payslip",
    "payslips",
    "personnel_cost",
    "personnel_cost_line",
    "previous_month",
    "register",
    "register_columns",
    "register_lines",
    "run",
    "runs",
    "table_loads",
]
