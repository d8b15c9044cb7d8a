from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="AccessLogEntryOut")



@_attrs_define
class AccessLogEntryOut:
    """ 
        Attributes:
            read_id (UUID):
            employee_id (UUID):
            reader (str):
            reason (str):
            read_at (datetime.datetime): When the read was recorded (UTC)
            position (int):
     """

    read_id: UUID
    employee_id: UUID
    reader: str
    reason: str
    read_at: datetime.datetime
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        read_id = str(self.read_id)

        employee_id = str(self.employee_id)

        reader = self.reader

        reason = self.reason

        read_at = self.read_at.isoformat()

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
        read_id = UUID(d.pop("read_id"))




        employee_id = UUID(d.pop("employee_id"))




        reader = d.pop("reader")

        reason = d.pop("reason")

        read_at = datetime.datetime.fromisoformat(d.pop("read_at"))




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
