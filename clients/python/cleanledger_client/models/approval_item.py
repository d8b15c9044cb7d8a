from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ApprovalItem")



@_attrs_define
class ApprovalItem:
    """ 
        Attributes:
            employee_id (UUID):
            action_id (UUID):
     """

    employee_id: UUID
    action_id: UUID





    def to_dict(self) -> dict[str, Any]:
        employee_id = str(self.employee_id)

        action_id = str(self.action_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "employee_id": employee_id,
            "action_id": action_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))




        action_id = UUID(d.pop("action_id"))




        approval_item = cls(
            employee_id=employee_id,
            action_id=action_id,
        )

        return approval_item

