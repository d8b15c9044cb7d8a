"""Use cases of attendance (근태): record, correct and withdraw the days of an employee.

Attendance is not an act of a fiscal year, so none requires an open year. Each command reads the
employee's service record (as of each day) and leaves the employee unchanged: the employee is in
the save's read set, so an action approved meanwhile (a retirement, a leave) makes the save
retry on the new record instead of recording a day it no longer allows.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from commands.core import UseCases
from commands.messages.attendance import (
    AttendanceFields,
    CorrectAttendance,
    RecordAttendance,
    RecordAttendanceDays,
    WithdrawAttendance,
)
from commands.messages.base import CommandResult
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.errors import NotFound
from domain.personnel.attendance import AttendanceDay, AttendanceRecord, attendance_day
from domain.personnel.employee import Employee


def _entry(day: date, fields: AttendanceFields) -> AttendanceDay:
    return attendance_day(
        day,
        fields.kind,
        leave_days=fields.leave_days,
        overtime_minutes=fields.overtime_minutes,
        night_minutes=fields.night_minutes,
        holiday_minutes=fields.holiday_minutes,
        note=fields.note,
    )


class AttendanceUseCases(UseCases):
    def record_attendance(self, command: RecordAttendance) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = _employee(uow, ctx, command.employee_id)
            record = _record(uow, ctx, employee)
            record.record_day(ctx, _entry(command.day, command), employee.state_on(command.day))
            return record

        return self._execute(command, use_case, requires_open_year=False)

    def record_attendance_days(self, command: RecordAttendanceDays) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = _employee(uow, ctx, command.employee_id)
            record = _record(uow, ctx, employee)
            # In day order: each day's check then finds few later leave days to check again.
            for item in sorted(command.items, key=lambda item: item.day):
                record.record_day(ctx, _entry(item.day, item), employee.state_on(item.day))
            return record

        return self._execute(command, use_case, requires_open_year=False)

    def correct_attendance(self, command: CorrectAttendance) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = _employee(uow, ctx, command.employee_id)
            record = uow.target(AttendanceRecord, AttendanceRecord.id_for(ctx.org, employee.id), "attendance")
            record.correct_day(
                ctx, _entry(command.day, command), command.reason, employee.state_on(command.day)
            )
            return record

        return self._execute(command, use_case, requires_open_year=False)

    def withdraw_attendance(self, command: WithdrawAttendance) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = _employee(uow, ctx, command.employee_id)
            record = uow.target(AttendanceRecord, AttendanceRecord.id_for(ctx.org, employee.id), "attendance")
            record.withdraw_day(ctx, command.day, command.reason)
            return record

        return self._execute(command, use_case, requires_open_year=False)


def _employee(uow: UnitOfWork, ctx: Context, employee_id: UUID) -> Employee:
    employee = uow.get(Employee, employee_id, "employee")
    if employee.org != ctx.org:
        # Another organisation's employee is reported as missing, as everywhere in personnel.
        raise NotFound(f"no employee {employee_id}", id=str(employee_id))
    return employee


def _record(uow: UnitOfWork, ctx: Context, employee: Employee) -> AttendanceRecord:
    """The employee's record, opened with their first day."""
    record = uow.find(AttendanceRecord, AttendanceRecord.id_for(ctx.org, employee.id))
    if record is None:
        record = AttendanceRecord.open(ctx, employee.id)
        uow.add(record)
    return record
