from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PayrollTableLoadOut")



@_attrs_define
class PayrollTableLoadOut:
    """ 
        Attributes:
            kind (str):
            version (int):
            file_name (str):
            sha256 (str):
            loaded_on (datetime.date):
            loaded_by (str):
            position (int):
     """

    kind: str
    version: int
    file_name: str
    sha256: str
    loaded_on: datetime.date
    loaded_by: str
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        version = self.version

        file_name = self.file_name

        sha256 = self.sha256

        loaded_on = self.loaded_on.isoformat()

        loaded_by = self.loaded_by

        position = self.position


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "version": version,
            "file_name": file_name,
            "sha256": sha256,
            "loaded_on": loaded_on,
            "loaded_by": loaded_by,
            "position": position,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        version = d.pop("version")

        file_name = d.pop("file_name")

        sha256 = d.pop("sha256")

        loaded_on = datetime.date.fromisoformat(d.pop("loaded_on"))




        loaded_by = d.pop("loaded_by")

        position = d.pop("position")

        payroll_table_load_out = cls(
            kind=kind,
            version=version,
            file_name=file_name,
            sha256=sha256,
            loaded_on=loaded_on,
            loaded_by=loaded_by,
            position=position,
        )


        payroll_table_load_out.additional_properties = d
        return payroll_table_load_out

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
