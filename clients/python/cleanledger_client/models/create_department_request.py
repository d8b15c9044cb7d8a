from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CreateDepartmentRequest")



@_attrs_define
class CreateDepartmentRequest:
    """ 
        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            code (str):
            name (str): Department (부서): at most 200 characters, one line, no control characters; stored in Unicode NFC
            parent (None | str | Unset): The parent department's code
     """

    effective_date: datetime.date
    code: str
    name: str
    parent: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        code = self.code

        name = self.name

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        else:
            parent = self.parent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "code": code,
            "name": name,
        })
        if parent is not UNSET:
            field_dict["parent"] = parent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        code = d.pop("code")

        name = d.pop("name")

        def _parse_parent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))


        create_department_request = cls(
            effective_date=effective_date,
            code=code,
            name=name,
            parent=parent,
        )

        return create_department_request

