from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.approval_item import ApprovalItem





T = TypeVar("T", bound="ApprovePersonnelActionsRequest")



@_attrs_define
class ApprovePersonnelActionsRequest:
    """ 결재 of drafted actions (one 발령 order may name many employees).

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            items (list[ApprovalItem]):
     """

    effective_date: datetime.date
    items: list[ApprovalItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_item import ApprovalItem # noqa: PLC0415
        effective_date = self.effective_date.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_item import ApprovalItem # noqa: PLC0415
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ApprovalItem.from_dict(items_item_data)



            items.append(items_item)


        approve_personnel_actions_request = cls(
            effective_date=effective_date,
            items=items,
        )

        return approve_personnel_actions_request

