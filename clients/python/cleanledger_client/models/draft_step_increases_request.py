from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DraftStepIncreasesRequest")



@_attrs_define
class DraftStepIncreasesRequest:
    """ The yearly step increase (정기승급): one drafted increase for each employee named who is
    due one on the effective date; the others are left out. The answer names the last employee
    drafted; the drafts are listed by ``GET …/personnel/actions?status=drafted``, under the
    command's order number.

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            order_number (str):
            employee_ids (list[UUID]):
     """

    effective_date: datetime.date
    order_number: str
    employee_ids: list[UUID]





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        order_number = self.order_number

        employee_ids = []
        for employee_ids_item_data in self.employee_ids:
            employee_ids_item = str(employee_ids_item_data)
            employee_ids.append(employee_ids_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "order_number": order_number,
            "employee_ids": employee_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        order_number = d.pop("order_number")

        employee_ids = []
        _employee_ids = d.pop("employee_ids")
        for employee_ids_item_data in (_employee_ids):
            employee_ids_item = UUID(employee_ids_item_data)



            employee_ids.append(employee_ids_item)


        draft_step_increases_request = cls(
            effective_date=effective_date,
            order_number=order_number,
            employee_ids=employee_ids,
        )

        return draft_step_increases_request

