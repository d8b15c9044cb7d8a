"""Attendance (근태) through the ledger, on both backends: employees hired and approved by
commands, days recorded, corrected and withdrawn, and the read model payroll reads."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Engine

from commands.ledger import Ledger
from commands.messages.attendance import (
    AttendanceItem,
    CorrectAttendance,
    RecordAttendance,
    RecordAttendanceDays,
    WithdrawAttendance,
)
from commands.messages.base import CommandResult
from commands.messages.personnel import (
    ApprovalItem,
    ApprovePersonnelActions,
    CreateDepartment,
    DefineGrade,
    DraftPersonnelAction,
    HireEmployee,
    PersonalData,
    PersonnelCommand,
)
from commands.use_cases.personnel import action_id_for
from domain.personnel.actions import ActionKind, RetirementKind
from domain.personnel.attendance import AttendanceKind, AttendanceRecord, leave_status
from domain.personnel.employee import Employee
from domain.personnel.org_chart import LeaveKind
from projections.attendance import AttendanceProjection
from projections.engine import ProjectionEngine
from readmodels import attendance as read
from tests.app.personnel_helpers import register_organisation
from tests.unit.gwt import refused

ORG = "6110002"
CLERK, MANAGER = "kim", "lee"
A, HALF, ABSENT, SICK, OFFICIAL, OVER = (
    AttendanceKind.ANNUAL_LEAVE,
    AttendanceKind.HALF_DAY_LEAVE,
    AttendanceKind.ABSENCE,
    AttendanceKind.SICK_LEAVE,
    AttendanceKind.OFFICIAL_LEAVE,
    AttendanceKind.OVERTIME,
)


class FakeSealer:
    """Stands in for the personal-data vault: an opaque ``pd1:`` token, nothing kept."""

    def seal(self, subject: UUID, fields: Mapping[str, Any]) -> str:
        return "pd1:" + base64.b64encode(hashlib.sha256(subject.bytes).digest()).decode()

    def erase(self, subject: UUID, reason: str) -> None:
        return None


class Office:
    """An organisation with one department and one grade since 2000, and its hires."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        ledger.personal_data = FakeSealer()
        register_organisation(ledger, ORG)
        self._orders = 0
        self.run(CreateDepartment, on=date(2000, 1, 1), code="FIN", name="재무과")
        self.run(DefineGrade, on=date(2000, 1, 1), code="G9", name="9급", rank=1, band="일반직", max_step=5)

    def command(self, cls: type[PersonnelCommand], *, on: date, actor: str = CLERK, **fields: Any) -> Any:
        return cls(command_id=uuid.uuid4(), org=ORG, actor=actor, effective_date=on, **fields)

    def run(
        self, cls: type[PersonnelCommand], *, on: date, actor: str = CLERK, **fields: Any
    ) -> CommandResult:
        return self.ledger.handle(self.command(cls, on=on, actor=actor, **fields))

    def order(self) -> str:
        self._orders += 1
        return f"A-{self._orders:04d}"

    def hire(self, number: str, on: date) -> UUID:
        """Drafted by the clerk, approved by the manager (결재 by someone else)."""
        command = self.command(
            HireEmployee,
            on=on,
            employee_number=number,
            personal=PersonalData(name="홍길동", rrn="900101-1234567"),  # type: ignore[arg-type]
            order_number=self.order(),
            department="FIN",
            grade="G9",
            step=1,
        )
        employee_id = self.ledger.handle(command).aggregate_id
        self._approve(employee_id, action_id_for(command.command_id, employee_id), on)
        return employee_id

    def act(self, employee_id: UUID, kind: ActionKind, on: date, **fields: Any) -> None:
        command = self.command(
            DraftPersonnelAction,
            on=on,
            employee_id=employee_id,
            kind=kind,
            order_number=self.order(),
            **fields,
        )
        self.ledger.handle(command)
        self._approve(employee_id, action_id_for(command.command_id, employee_id), on)

    def _approve(self, employee_id: UUID, action_id: UUID, on: date) -> None:
        item = ApprovalItem(employee_id=employee_id, action_id=action_id)
        self.run(ApprovePersonnelActions, on=on, actor=MANAGER, items=(item,))

    def day(self, employee_id: UUID, on: date, kind: AttendanceKind, **fields: Any) -> CommandResult:
        return self.run(RecordAttendance, on=on, employee_id=employee_id, kind=kind, **fields)

    def record(self, employee_id: UUID) -> AttendanceRecord:
        found = self.ledger.repository.get(AttendanceRecord.id_for(ORG, employee_id))
        assert isinstance(found, AttendanceRecord)
        return found

    def employee(self, employee_id: UUID) -> Employee:
        found = self.ledger.repository.get(employee_id)
        assert isinstance(found, Employee)
        return found


@pytest.fixture
def office(ledger: Ledger) -> Office:
    return Office(ledger)


def weekdays(first: date, count: int) -> list[date]:
    found, day = [], first
    while len(found) < count:
        if day.weekday() < 5:
            found.append(day)
        day += timedelta(days=1)
    return found


def test_leave_over_the_balance_is_refused_with_the_numbers(office: Office) -> None:
    kim = office.hire("E001", on=date(2026, 1, 5))  # month 1's day arises on 2026-02-05
    office.day(kim, date(2026, 2, 5), A)
    with refused("leave-exceeds-balance", balance="0", requested="0.5", day="2026-02-06"):
        office.day(kim, date(2026, 2, 6), HALF)
    # a backdated absence in month 1 would take the day the leave of 02-05 used
    with refused("leave-exceeds-balance", balance="0", requested="1", day="2026-02-05"):
        office.day(kim, date(2026, 1, 20), ABSENT)
    record = office.record(kim)
    assert list(record.days) == [date(2026, 2, 5)]
    status = leave_status(record, office.employee(kim).state_on(date(2026, 3, 5)), date(2026, 3, 5))
    assert (status.entitled, status.taken, status.balance) == (2, 1, 1)


def test_a_correction_replaces_the_day_and_the_history_keeps_both(office: Office) -> None:
    kim = office.hire("E001", on=date(2025, 1, 6))
    first = office.day(kim, date(2026, 3, 10), ABSENT, note="무단 결근")
    corrected = office.run(
        CorrectAttendance,
        on=date(2026, 3, 10),
        employee_id=kim,
        kind=SICK,
        leave_days=Decimal("0.5"),
        reason="진단서 제출",
        expected_version=first.version,
    )
    assert corrected.version == first.version + 1
    entry = office.record(kim).days[date(2026, 3, 10)]
    assert (entry.kind, entry.leave_days, entry.note) == (SICK, Fraction(1, 2), "")
    before = office.ledger.repository.get(AttendanceRecord.id_for(ORG, kim), version=first.version)
    assert before.days[date(2026, 3, 10)].kind is ABSENT
    with refused("not-found", day="2026-03-11"):
        office.run(WithdrawAttendance, on=date(2026, 3, 11), employee_id=kim, reason="없는 날")
    office.run(WithdrawAttendance, on=date(2026, 3, 10), employee_id=kim, reason="출근 확인")
    assert office.record(kim).days == {}
    assert office.record(kim).version == 4  # opened, recorded, corrected, withdrawn


def test_absences_under_80_percent_lower_the_next_years_days(office: Office) -> None:
    kim = office.hire("E001", on=date(2023, 3, 6))  # service year 2: 2024-03-06 to 2025-03-05
    lee = office.hire("E002", on=date(2023, 3, 6))
    # 53 of its 261 weekdays absent (79.7 %), in months of service 14 to 16; 52 for lee (80.1 %)
    for employee_id, count in ((kim, 53), (lee, 52)):
        items = tuple(AttendanceItem(day=day, kind=ABSENT) for day in weekdays(date(2024, 4, 8), count))
        office.run(RecordAttendanceDays, on=date(2024, 6, 30), employee_id=employee_id, items=items)
    anniversary = date(2025, 3, 6)
    entitled = {
        who: leave_status(
            office.record(who), office.employee(who).state_on(anniversary), anniversary
        ).entitled
        for who in (kim, lee)
    }
    assert entitled == {kim: 9, lee: 15}  # a day for each of the 9 months without an absence
    for day in weekdays(anniversary, 9):
        office.day(kim, day, A)
    with refused("leave-exceeds-balance", balance="0", requested="1", day="2025-03-19"):
        office.day(kim, date(2025, 3, 19), A)


def test_a_thirteenth_hour_of_overtime_in_a_week_is_refused(office: Office) -> None:
    kim = office.hire("E001", on=date(2025, 1, 6))
    monday = date(2026, 3, 9)
    days = tuple(
        AttendanceItem(day=monday + timedelta(i), kind=OVER, overtime_minutes=240, night_minutes=60)
        for i in range(3)
    )
    office.run(RecordAttendanceDays, on=date(2026, 3, 31), employee_id=kim, items=days)
    with refused(
        "overtime-over-limit",
        week_starts="2026-03-09",
        week_minutes=780,
        recorded_minutes=720,
        limit_minutes=720,
        day="2026-03-12",
    ):
        office.day(kim, monday + timedelta(3), OVER, overtime_minutes=60)
    # a batch that would pass the limit records none of its days
    late = (
        AttendanceItem(day=date(2026, 3, 16), kind=OVER, overtime_minutes=60),
        AttendanceItem(day=date(2026, 3, 15), kind=OVER, holiday_minutes=60),
    )
    with refused("overtime-over-limit", week_minutes=780, day="2026-03-15"):
        office.run(RecordAttendanceDays, on=date(2026, 3, 31), employee_id=kim, items=late)
    assert sorted(office.record(kim).days) == [monday, monday + timedelta(1), monday + timedelta(2)]
    office.day(kim, date(2026, 3, 16), OVER, overtime_minutes=720)  # a new week


def test_attendance_on_a_retired_or_unpaid_leave_day_is_refused(office: Office) -> None:
    kim = office.hire("E001", on=date(2025, 1, 6))
    office.act(
        kim,
        ActionKind.LEAVE,
        on=date(2026, 4, 1),
        leave_kind=LeaveKind.UNPAID,
        expected_end=date(2026, 6, 30),
    )
    office.act(kim, ActionKind.RETURN, on=date(2026, 7, 1))
    office.act(kim, ActionKind.RETIREMENT, on=date(2026, 9, 1), retirement_kind=RetirementKind.VOLUNTARY)
    with refused("not-in-service", day="2026-04-02", kind="annual_leave", status="on_leave"):
        office.day(kim, date(2026, 4, 2), A)
    with refused("not-in-service", day="2026-04-02", kind="overtime", status="on_leave"):
        office.day(kim, date(2026, 4, 2), OVER, overtime_minutes=60)
    with refused("not-in-service", day="2026-09-01", kind="overtime", status="retired"):
        office.day(kim, date(2026, 9, 1), OVER, overtime_minutes=60)
    with refused("not-in-service", day="2025-01-03", kind="absence", status="not-hired"):
        office.day(kim, date(2025, 1, 3), ABSENT)
    office.day(kim, date(2026, 7, 1), A)  # back from leave
    office.day(kim, date(2026, 8, 31), OVER, overtime_minutes=60)  # the last day employed
    assert sorted(office.record(kim).days) == [date(2026, 7, 1), date(2026, 8, 31)]


def test_another_organisations_employee_is_not_found(office: Office) -> None:
    kim = office.hire("E001", on=date(2025, 1, 6))
    command = RecordAttendance(
        command_id=uuid.uuid4(),
        org="6110003",
        actor=CLERK,
        effective_date=date(2026, 3, 9),
        employee_id=kim,
        kind=ABSENT,
    )
    with refused("not-found", id=str(kim)):
        office.ledger.handle(command)


def test_the_month_summary_is_the_sum_of_the_recorded_days(
    office: Office, ledger: Ledger, read_db: Engine
) -> None:
    kim = office.hire("E001", on=date(2025, 1, 6))
    lee = office.hire("E002", on=date(2025, 1, 6))
    march = [
        (kim, date(2026, 3, 2), A, {}),
        (kim, date(2026, 3, 3), HALF, {}),
        (kim, date(2026, 3, 4), ABSENT, {"leave_days": Decimal("0.5")}),
        (kim, date(2026, 3, 5), OVER, {"overtime_minutes": 150, "night_minutes": 90}),
        (kim, date(2026, 3, 8), OVER, {"holiday_minutes": 480}),
        (lee, date(2026, 3, 2), SICK, {}),
        (lee, date(2026, 3, 3), OFFICIAL, {"note": "예비군 훈련"}),
        (lee, date(2026, 3, 31), OVER, {"overtime_minutes": 125}),
        (lee, date(2026, 4, 6), OVER, {"overtime_minutes": 600}),  # April: not in March's sum
    ]
    for who, day, kind, fields in march:
        office.day(who, day, kind, **fields)
    # a first engine applies this much; a second one, with nothing in memory, the rest
    first = ProjectionEngine(ledger.recorder, read_db, [AttendanceProjection()], batch_size=3)
    first.catch_up()
    office.run(CorrectAttendance, on=date(2026, 3, 4), employee_id=kim, kind=ABSENT, reason="종일 결근")
    office.run(WithdrawAttendance, on=date(2026, 3, 3), employee_id=lee, reason="훈련 취소")
    office.day(lee, date(2026, 3, 3), OVER, overtime_minutes=30)
    office.run(WithdrawAttendance, on=date(2026, 3, 2), employee_id=kim, reason="출근 확인")
    second = ProjectionEngine(ledger.recorder, read_db, [AttendanceProjection()], batch_size=4)
    second.catch_up()
    assert second.faults() == [] and second.position() == second.head()

    with read_db.connect() as conn:
        summary = {row.employee_id: row for row in read.month_summary(conn, ORG, 2026, 3)}
        only_lee = read.month_summary(conn, ORG, 2026, 3, employee_id=str(lee))
        page1 = read.days(conn, str(kim), 2026, limit=2)
        page2 = read.days(conn, str(kim), 2026, after=page1[-1].day, limit=2)
        lee_days = read.days(conn, str(lee), 2026)
    k, m = summary[str(kim)], summary[str(lee)]
    assert (k.annual_leave_days, k.absence_days, k.sick_leave_days, k.official_leave_days) == (
        Decimal("0.5"),
        Decimal("1"),
        Decimal("0"),
        Decimal("0"),
    )
    assert (k.overtime_minutes, k.night_minutes, k.holiday_minutes) == (150, 90, 480)
    assert (k.overtime_hours, k.holiday_hours) == (Fraction(5, 2), 8)
    assert (m.sick_leave_days, m.official_leave_days, m.overtime_minutes) == (Decimal("1"), Decimal("0"), 155)
    assert m.overtime_hours == Fraction(31, 12)
    assert only_lee == [m]
    # and the same totals straight from the aggregates' days of March
    for who, row in ((kim, k), (lee, m)):
        entries = [e for d, e in office.record(who).days.items() if (d.year, d.month) == (2026, 3)]
        assert row.overtime_minutes == sum(e.overtime_minutes for e in entries)
        assert row.night_minutes == sum(e.night_minutes for e in entries)
        assert row.holiday_minutes == sum(e.holiday_minutes for e in entries)
        leave = sum((e.leave_days for e in entries if e.kind in (A, HALF)), Fraction(0))
        assert row.annual_leave_days == Decimal(leave.numerator) / leave.denominator
    assert [(r.day, r.kind, r.corrected) for r in page1 + page2] == [
        (date(2026, 3, 3), "half_day_leave", False),
        (date(2026, 3, 4), "absence", True),
        (date(2026, 3, 5), "overtime", False),
        (date(2026, 3, 8), "overtime", False),
    ]
    assert [(r.day, r.kind, r.leave_days, r.overtime_minutes, r.note) for r in lee_days] == [
        (date(2026, 3, 2), "sick_leave", Decimal("1"), 0, ""),
        (date(2026, 3, 3), "overtime", Decimal("0"), 30, ""),
        (date(2026, 3, 31), "overtime", Decimal("0"), 125, ""),
        (date(2026, 4, 6), "overtime", Decimal("0"), 600, ""),
    ]
