from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendance_kind import AttendanceKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CorrectAttendanceRequest")



@_attrs_define
class CorrectAttendanceRequest:
    """ 정정: the entry of the day ``effective_date`` replaced by this one.

        Attributes:
            kind (AttendanceKind):
            effective_date (datetime.date): 시행일: the day it takes effect
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
            leave_days (float | None | str | Unset): Days of leave or absence: 1, or 0.5 (반차, half a day's absence); by
                default what the kind takes (half_day_leave 0.5, overtime 0, the others 1)
            overtime_minutes (int | Unset): 연장근로, in minutes (overtime days only) Default: 0.
            night_minutes (int | Unset): 야간근로 (22:00–06:00), in minutes Default: 0.
            holiday_minutes (int | Unset): 휴일근로, in minutes Default: 0.
            note (str | Unset): Note (may be blank): at most 1000 characters, may span lines (LF), no control characters;
                stored in Unicode NFC Default: ''.
     """

    kind: AttendanceKind
    effective_date: datetime.date
    reason: str
    leave_days: float | None | str | Unset = UNSET
    overtime_minutes: int | Unset = 0
    night_minutes: int | Unset = 0
    holiday_minutes: int | Unset = 0
    note: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        effective_date = self.effective_date.isoformat()

        reason = self.reason

        leave_days: float | None | str | Unset
        if isinstance(self.leave_days, Unset):
            leave_days = UNSET
        else:
            leave_days = self.leave_days

        overtime_minutes = self.overtime_minutes

        night_minutes = self.night_minutes

        holiday_minutes = self.holiday_minutes

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "effective_date": effective_date,
            "reason": reason,
        })
        if leave_days is not UNSET:
            field_dict["leave_days"] = leave_days
        if overtime_minutes is not UNSET:
            field_dict["overtime_minutes"] = overtime_minutes
        if night_minutes is not UNSET:
            field_dict["night_minutes"] = night_minutes
        if holiday_minutes is not UNSET:
            field_dict["holiday_minutes"] = holiday_minutes
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AttendanceKind(d.pop("kind"))




        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        reason = d.pop("reason")

        def _parse_leave_days(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        leave_days = _parse_leave_days(d.pop("leave_days", UNSET))


        overtime_minutes = d.pop("overtime_minutes", UNSET)

        night_minutes = d.pop("night_minutes", UNSET)

        holiday_minutes = d.pop("holiday_minutes", UNSET)

        note = d.pop("note", UNSET)

        correct_attendance_request = cls(
            kind=kind,
            effective_date=effective_date,
            reason=reason,
            leave_days=leave_days,
            overtime_minutes=overtime_minutes,
            night_minutes=night_minutes,
            holiday_minutes=holiday_minutes,
            note=note,
        )

        return correct_attendance_request

