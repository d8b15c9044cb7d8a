from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.personal_data_out import PersonalDataOut
  from ..models.service_record_out import ServiceRecordOut





T = TypeVar("T", bound="EmployeeRecordOut")



@_attrs_define
class EmployeeRecordOut:
    """ 
        Attributes:
            employee_id (UUID):
            org (str):
            employee_number (str):
            as_of (datetime.date):
            version (int): The employee's version this record is read from (ETag)
            known_at_position (int | None): The log position known_at stood for (null: now)
            record (None | ServiceRecordOut): Null when not hired (or not approved) by as_of
            personal (None | PersonalDataOut): Masked; null once erased (파기)
            erased (bool):
            username (None | str): The self-service user linked to the record
            pending_actions (int): Drafted actions awaiting approval
     """

    employee_id: UUID
    org: str
    employee_number: str
    as_of: datetime.date
    version: int
    known_at_position: int | None
    record: None | ServiceRecordOut
    personal: None | PersonalDataOut
    erased: bool
    username: None | str
    pending_actions: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data_out import PersonalDataOut # noqa: PLC0415
        from ..models.service_record_out import ServiceRecordOut # noqa: PLC0415
        employee_id = str(self.employee_id)

        org = self.org

        employee_number = self.employee_number

        as_of = self.as_of.isoformat()

        version = self.version

        known_at_position: int | None
        known_at_position = self.known_at_position

        record: dict[str, Any] | None
        if isinstance(self.record, ServiceRecordOut):
            record = self.record.to_dict()
        else:
            record = self.record

        personal: dict[str, Any] | None
        if isinstance(self.personal, PersonalDataOut):
            personal = self.personal.to_dict()
        else:
            personal = self.personal

        erased = self.erased

        username: None | str
        username = self.username

        pending_actions = self.pending_actions


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employee_id": employee_id,
            "org": org,
            "employee_number": employee_number,
            "as_of": as_of,
            "version": version,
            "known_at_position": known_at_position,
            "record": record,
            "personal": personal,
            "erased": erased,
            "username": username,
            "pending_actions": pending_actions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data_out import PersonalDataOut # noqa: PLC0415
        from ..models.service_record_out import ServiceRecordOut # noqa: PLC0415
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))




        org = d.pop("org")

        employee_number = d.pop("employee_number")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        version = d.pop("version")

        def _parse_known_at_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        known_at_position = _parse_known_at_position(d.pop("known_at_position"))


        def _parse_record(data: object) -> None | ServiceRecordOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = ServiceRecordOut.from_dict(data)



                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ServiceRecordOut, data)

        record = _parse_record(d.pop("record"))


        def _parse_personal(data: object) -> None | PersonalDataOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                personal_type_0 = PersonalDataOut.from_dict(data)



                return personal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalDataOut, data)

        personal = _parse_personal(d.pop("personal"))


        erased = d.pop("erased")

        def _parse_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        username = _parse_username(d.pop("username"))


        pending_actions = d.pop("pending_actions")

        employee_record_out = cls(
            employee_id=employee_id,
            org=org,
            employee_number=employee_number,
            as_of=as_of,
            version=version,
            known_at_position=known_at_position,
            record=record,
            personal=personal,
            erased=erased,
            username=username,
            pending_actions=pending_actions,
        )


        employee_record_out.additional_properties = d
        return employee_record_out

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
