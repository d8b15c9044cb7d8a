from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LinkEmployeeAccountRequest")



@_attrs_define
class LinkEmployeeAccountRequest:
    """ The user who reads this record as its employee (본인 조회).

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            username (str):
     """

    effective_date: datetime.date
    username: str





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        username = self.username


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "username": username,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        username = d.pop("username")

        link_employee_account_request = cls(
            effective_date=effective_date,
            username=username,
        )

        return link_employee_account_request

