from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="SetAuthorisedHeadcountRequest")



@_attrs_define
class SetAuthorisedHeadcountRequest:
    """ 정원 of a department from the effective date.

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            department (str):
            headcount (int):
     """

    effective_date: datetime.date
    department: str
    headcount: int





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        department = self.department

        headcount = self.headcount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "department": department,
            "headcount": headcount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        department = d.pop("department")

        headcount = d.pop("headcount")

        set_authorised_headcount_request = cls(
            effective_date=effective_date,
            department=department,
            headcount=headcount,
        )

        return set_authorised_headcount_request

