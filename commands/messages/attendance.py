"""Commands of attendance (근태): leave taken, absences, overtime, night and holiday hours by day.

A single day's command is dated by the day itself: ``effective_date`` is the attendance day (its
``day``), as every personnel command is dated by the day it takes effect. A batch of days carries
its own date (say, the month's close) and names each day in its items.

Leave comes in days (1, or 0.5 for 반차) and hours in whole minutes, so that every total payroll
sums is exact; the domain judges their range.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from commands.messages.base import Note, Reason, Versioned
from commands.messages.personnel import PersonnelCommand
from domain.personnel.attendance import AttendanceKind

#: Days of leave: the bound only limits what is read; which values a kind takes is the domain's.
LeaveDays = Annotated[Decimal, Field(max_digits=4, decimal_places=2)]
MAX_DAYS_IN_BATCH = 1_000


class AttendanceFields(BaseModel):
    """What one day records."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: AttendanceKind
    leave_days: LeaveDays | None = Field(
        default=None,
        description="Days of leave or absence: 1, or 0.5 (반차, half a day's absence); by default "
        "what the kind takes (half_day_leave 0.5, overtime 0, the others 1)",
    )
    overtime_minutes: StrictInt = Field(default=0, description="연장근로, in minutes (overtime days only)")
    night_minutes: StrictInt = Field(default=0, description="야간근로 (22:00–06:00), in minutes")
    holiday_minutes: StrictInt = Field(default=0, description="휴일근로, in minutes")
    note: Note = ""


class RecordAttendance(PersonnelCommand, AttendanceFields):
    """근태 of one day of an employee: ``effective_date`` is the day."""

    employee_id: UUID

    @property
    def day(self) -> date:
        return self.effective_date


class CorrectAttendance(PersonnelCommand, AttendanceFields, Versioned):
    """정정: the entry of the day ``effective_date`` replaced by this one."""

    employee_id: UUID
    reason: Reason

    @property
    def day(self) -> date:
        return self.effective_date


class WithdrawAttendance(PersonnelCommand, Versioned):
    """취소: the day ``effective_date`` becomes an ordinary working day."""

    employee_id: UUID
    reason: Reason

    @property
    def day(self) -> date:
        return self.effective_date


class AttendanceItem(AttendanceFields):
    day: date


class RecordAttendanceDays(PersonnelCommand):
    """Many days of one employee at once (a month's 근태 from the time clock), all or none."""

    employee_id: UUID
    items: tuple[AttendanceItem, ...] = Field(min_length=1, max_length=MAX_DAYS_IN_BATCH)
