from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DayOut")



@_attrs_define
class DayOut:
    """ 
        Attributes:
            day (datetime.date):
            kind (str): annual_leave 연차, half_day_leave 반차, absence 결근, sick_leave 병가, …
            leave_days (str):
            overtime_minutes (int):
            night_minutes (int):
            holiday_minutes (int):
            note (str):
            corrected (bool):
     """

    day: datetime.date
    kind: str
    leave_days: str
    overtime_minutes: int
    night_minutes: int
    holiday_minutes: int
    note: str
    corrected: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        kind = self.kind

        leave_days = self.leave_days

        overtime_minutes = self.overtime_minutes

        night_minutes = self.night_minutes

        holiday_minutes = self.holiday_minutes

        note = self.note

        corrected = self.corrected


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "day": day,
            "kind": kind,
            "leave_days": leave_days,
            "overtime_minutes": overtime_minutes,
            "night_minutes": night_minutes,
            "holiday_minutes": holiday_minutes,
            "note": note,
            "corrected": corrected,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = datetime.date.fromisoformat(d.pop("day"))




        kind = d.pop("kind")

        leave_days = d.pop("leave_days")

        overtime_minutes = d.pop("overtime_minutes")

        night_minutes = d.pop("night_minutes")

        holiday_minutes = d.pop("holiday_minutes")

        note = d.pop("note")

        corrected = d.pop("corrected")

        day_out = cls(
            day=day,
            kind=kind,
            leave_days=leave_days,
            overtime_minutes=overtime_minutes,
            night_minutes=night_minutes,
            holiday_minutes=holiday_minutes,
            note=note,
            corrected=corrected,
        )


        day_out.additional_properties = d
        return day_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
