from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="MonthRowOut")



@_attrs_define
class MonthRowOut:
    """ 
        Attributes:
            employee_id (str):
            employee_number (None | str):
            annual_leave_days (str):
            absence_days (str):
            sick_leave_days (str):
            official_leave_days (str):
            overtime_minutes (int):
            night_minutes (int):
            holiday_minutes (int):
     """

    employee_id: str
    employee_number: None | str
    annual_leave_days: str
    absence_days: str
    sick_leave_days: str
    official_leave_days: str
    overtime_minutes: int
    night_minutes: int
    holiday_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        employee_id = self.employee_id

        employee_number: None | str
        employee_number = self.employee_number

        annual_leave_days = self.annual_leave_days

        absence_days = self.absence_days

        sick_leave_days = self.sick_leave_days

        official_leave_days = self.official_leave_days

        overtime_minutes = self.overtime_minutes

        night_minutes = self.night_minutes

        holiday_minutes = self.holiday_minutes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employee_id": employee_id,
            "employee_number": employee_number,
            "annual_leave_days": annual_leave_days,
            "absence_days": absence_days,
            "sick_leave_days": sick_leave_days,
            "official_leave_days": official_leave_days,
            "overtime_minutes": overtime_minutes,
            "night_minutes": night_minutes,
            "holiday_minutes": holiday_minutes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employee_id = d.pop("employee_id")

        def _parse_employee_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        employee_number = _parse_employee_number(d.pop("employee_number"))


        annual_leave_days = d.pop("annual_leave_days")

        absence_days = d.pop("absence_days")

        sick_leave_days = d.pop("sick_leave_days")

        official_leave_days = d.pop("official_leave_days")

        overtime_minutes = d.pop("overtime_minutes")

        night_minutes = d.pop("night_minutes")

        holiday_minutes = d.pop("holiday_minutes")

        month_row_out = cls(
            employee_id=employee_id,
            employee_number=employee_number,
            annual_leave_days=annual_leave_days,
            absence_days=absence_days,
            sick_leave_days=sick_leave_days,
            official_leave_days=official_leave_days,
            overtime_minutes=overtime_minutes,
            night_minutes=night_minutes,
            holiday_minutes=holiday_minutes,
        )


        month_row_out.additional_properties = d
        return month_row_out

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
