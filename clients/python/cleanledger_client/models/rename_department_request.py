from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RenameDepartmentRequest")



@_attrs_define
class RenameDepartmentRequest:
    """ 
        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            code (str):
            name (str): Department (부서): at most 200 characters, one line, no control characters; stored in Unicode NFC
     """

    effective_date: datetime.date
    code: str
    name: str





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        code = self.code

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "code": code,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        code = d.pop("code")

        name = d.pop("name")

        rename_department_request = cls(
            effective_date=effective_date,
            code=code,
            name=name,
        )

        return rename_department_request

