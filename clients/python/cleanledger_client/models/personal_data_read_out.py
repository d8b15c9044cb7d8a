from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.personal_data_out import PersonalDataOut





T = TypeVar("T", bound="PersonalDataReadOut")



@_attrs_define
class PersonalDataReadOut:
    """ 
        Attributes:
            read_id (UUID): The recorded read (열람 기록)
            position (int):
            employee_id (UUID):
            personal (None | PersonalDataOut): In full; null once erased
     """

    read_id: UUID
    position: int
    employee_id: UUID
    personal: None | PersonalDataOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data_out import PersonalDataOut # noqa: PLC0415
        read_id = str(self.read_id)

        position = self.position

        employee_id = str(self.employee_id)

        personal: dict[str, Any] | None
        if isinstance(self.personal, PersonalDataOut):
            personal = self.personal.to_dict()
        else:
            personal = self.personal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "read_id": read_id,
            "position": position,
            "employee_id": employee_id,
            "personal": personal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data_out import PersonalDataOut # noqa: PLC0415
        d = dict(src_dict)
        read_id = UUID(d.pop("read_id"))




        position = d.pop("position")

        employee_id = UUID(d.pop("employee_id"))




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


        personal_data_read_out = cls(
            read_id=read_id,
            position=position,
            employee_id=employee_id,
            personal=personal,
        )


        personal_data_read_out.additional_properties = d
        return personal_data_read_out

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
