"""Attendance (근태) by day, and what payroll reads of it: each month's leave, absences and hours.

One row per employee and recorded day (a day without a row was an ordinary working day). Leave is
kept in half days and hours in minutes, whole numbers whose sums are exact; the queries give days
as decimals (halves always end) and hours as fractions of minutes.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    case,
    cast,
    func,
    select,
)

metadata = MetaData()

#: The kinds of domain.personnel.attendance.AttendanceKind (readmodels may not import the domain).
ANNUAL_LEAVE_KINDS = ("annual_leave", "half_day_leave")
ABSENCE, SICK_LEAVE, OFFICIAL_LEAVE = "absence", "sick_leave", "official_leave"
MAX_PAGE = 1_000

personnel_attendance = Table(
    "personnel_attendance",
    metadata,
    Column("employee_id", String(36), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("org", String(7), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("leave_half_days", Integer, nullable=False),  # 반차 = 1, a day = 2
    Column("overtime_minutes", Integer, nullable=False),
    Column("night_minutes", Integer, nullable=False),
    Column("holiday_minutes", Integer, nullable=False),
    Column("note", String(1000), nullable=False),  # domain.text.NOTE's bound
    Column("corrected", Boolean, nullable=False),  # the entry replaced an earlier one (정정)
    Index("ix_personnel_attendance_org_day", "org", "day"),
)

#: Whose record each attendance record is: its events name the record, not the employee.
attendance_records = Table(
    "personnel_attendance_records",
    metadata,
    Column("record_id", String(36), primary_key=True),
    Column("employee_id", String(36), nullable=False),
)


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    employee_id: str
    day: date
    kind: str
    leave_days: Decimal
    overtime_minutes: int
    night_minutes: int
    holiday_minutes: int
    note: str
    corrected: bool


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """One employee's month as payroll reads it: days of each kind and minutes of extra work."""

    employee_id: str
    annual_leave_days: Decimal  # 연차 and 반차 taken
    absence_days: Decimal  # 결근
    sick_leave_days: Decimal  # 병가
    official_leave_days: Decimal  # 공가
    overtime_minutes: int  # 연장근로
    night_minutes: int  # 야간근로
    holiday_minutes: int  # 휴일근로

    @property
    def overtime_hours(self) -> Fraction:
        return Fraction(self.overtime_minutes, 60)

    @property
    def night_hours(self) -> Fraction:
        return Fraction(self.night_minutes, 60)

    @property
    def holiday_hours(self) -> Fraction:
        return Fraction(self.holiday_minutes, 60)


def month_summary(
    conn: Connection, org: str, year: int, month: int, employee_id: str | None = None
) -> list[MonthSummary]:
    """Per employee with a recorded day in the month (or only ``employee_id``), by employee id."""
    table = personnel_attendance
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])

    def half_days(*kinds: str) -> ColumnElement[int]:
        counted = case((table.c.kind.in_(kinds), table.c.leave_half_days), else_=0)
        # PostgreSQL sums INTEGER as BIGINT; the cast keeps both backends' answers ``int``.
        return cast(func.sum(counted), BigInteger)

    def minutes(column: str) -> ColumnElement[int]:
        return cast(func.sum(table.c[column]), BigInteger)

    query = (
        select(
            table.c.employee_id,
            half_days(*ANNUAL_LEAVE_KINDS).label("annual"),
            half_days(ABSENCE).label("absence"),
            half_days(SICK_LEAVE).label("sick"),
            half_days(OFFICIAL_LEAVE).label("official"),
            minutes("overtime_minutes").label("overtime"),
            minutes("night_minutes").label("night"),
            minutes("holiday_minutes").label("holiday"),
        )
        .where(table.c.org == org, table.c.day >= first, table.c.day <= last)
        .group_by(table.c.employee_id)
        .order_by(table.c.employee_id)
    )
    if employee_id is not None:
        query = query.where(table.c.employee_id == employee_id)
    return [
        MonthSummary(
            employee_id=row.employee_id,
            annual_leave_days=_days(row.annual),
            absence_days=_days(row.absence),
            sick_leave_days=_days(row.sick),
            official_leave_days=_days(row.official),
            overtime_minutes=int(row.overtime),
            night_minutes=int(row.night),
            holiday_minutes=int(row.holiday),
        )
        for row in conn.execute(query)
    ]


def days(
    conn: Connection, employee_id: str, year: int, after: date | None = None, limit: int = 100
) -> list[AttendanceRow]:
    """The employee's recorded days of ``year`` after ``after`` (keyset: pass the last day of the
    previous page), oldest first, at most ``limit`` (1–1 000)."""
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be 1–{MAX_PAGE}, got {limit}")
    table = personnel_attendance
    query = (
        select(table)
        .where(
            table.c.employee_id == employee_id,
            table.c.day >= date(year, 1, 1),
            table.c.day <= date(year, 12, 31),
        )
        .order_by(table.c.day)
        .limit(limit)
    )
    if after is not None:
        query = query.where(table.c.day > after)
    return [
        AttendanceRow(
            employee_id=row.employee_id,
            day=row.day,
            kind=row.kind,
            leave_days=_days(row.leave_half_days),
            overtime_minutes=row.overtime_minutes,
            night_minutes=row.night_minutes,
            holiday_minutes=row.holiday_minutes,
            note=row.note,
            corrected=bool(row.corrected),
        )
        for row in conn.execute(query)
    ]


def _days(half_days: int) -> Decimal:
    return Decimal(int(half_days)) / 2
