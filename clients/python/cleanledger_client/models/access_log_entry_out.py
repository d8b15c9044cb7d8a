from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AccessLogEntryOut")



@_attrs_define
class AccessLogEntryOut:
    """ 
        Attributes:
            read_id (str):
            employee_id (str):
            reader (str):
            reason (str):
            read_at (datetime.date | datetime.datetime | None):
            position (int):
     """

    read_id: str
    employee_id: str
    reader: str
    reason: str
    read_at: datetime.date | datetime.datetime | None
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        read_id = self.read_id

        employee_id = self.employee_id

        reader = self.reader

        reason = self.reason

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        elif isinstance(self.read_at, datetime.date):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        position = self.position


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "read_id": read_id,
            "employee_id": employee_id,
            "reader": reader,
            "reason": reason,
            "read_at": read_at,
            "position": position,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read_id = d.pop("read_id")

        employee_id = d.pop("employee_id")

        reader = d.pop("reader")

        reason = d.pop("reason")

        def _parse_read_at(data: object) -> datetime.date | datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_1 = datetime.date.fromisoformat(data)



                return read_at_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))


        position = d.pop("position")

        access_log_entry_out = cls(
            read_id=read_id,
            employee_id=employee_id,
            reader=reader,
            reason=reason,
            read_at=read_at,
            position=position,
        )


        access_log_entry_out.additional_properties = d
        return access_log_entry_out

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
