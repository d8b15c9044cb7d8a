from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="EmployeeRowOut")



@_attrs_define
class EmployeeRowOut:
    """ 
        Attributes:
            employee_id (UUID):
            employee_number (str):
            name (None | str): Masked (홍*동); null once erased
            status (None | str):
            department (None | str):
            grade (None | str):
            step (int | None):
            position (None | str):
            hired_on (datetime.date | None):
            retired_on (datetime.date | None):
            pending (int):
            erased (bool):
     """

    employee_id: UUID
    employee_number: str
    name: None | str
    status: None | str
    department: None | str
    grade: None | str
    step: int | None
    position: None | str
    hired_on: datetime.date | None
    retired_on: datetime.date | None
    pending: int
    erased: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        employee_id = str(self.employee_id)

        employee_number = self.employee_number

        name: None | str
        name = self.name

        status: None | str
        status = self.status

        department: None | str
        department = self.department

        grade: None | str
        grade = self.grade

        step: int | None
        step = self.step

        position: None | str
        position = self.position

        hired_on: None | str
        if isinstance(self.hired_on, datetime.date):
            hired_on = self.hired_on.isoformat()
        else:
            hired_on = self.hired_on

        retired_on: None | str
        if isinstance(self.retired_on, datetime.date):
            retired_on = self.retired_on.isoformat()
        else:
            retired_on = self.retired_on

        pending = self.pending

        erased = self.erased


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employee_id": employee_id,
            "employee_number": employee_number,
            "name": name,
            "status": status,
            "department": department,
            "grade": grade,
            "step": step,
            "position": position,
            "hired_on": hired_on,
            "retired_on": retired_on,
            "pending": pending,
            "erased": erased,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))




        employee_number = d.pop("employee_number")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))


        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))


        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))


        def _parse_step(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        step = _parse_step(d.pop("step"))


        def _parse_position(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        position = _parse_position(d.pop("position"))


        def _parse_hired_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hired_on_type_0 = datetime.date.fromisoformat(data)



                return hired_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        hired_on = _parse_hired_on(d.pop("hired_on"))


        def _parse_retired_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_on_type_0 = datetime.date.fromisoformat(data)



                return retired_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        retired_on = _parse_retired_on(d.pop("retired_on"))


        pending = d.pop("pending")

        erased = d.pop("erased")

        employee_row_out = cls(
            employee_id=employee_id,
            employee_number=employee_number,
            name=name,
            status=status,
            department=department,
            grade=grade,
            step=step,
            position=position,
            hired_on=hired_on,
            retired_on=retired_on,
            pending=pending,
            erased=erased,
        )


        employee_row_out.additional_properties = d
        return employee_row_out

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
