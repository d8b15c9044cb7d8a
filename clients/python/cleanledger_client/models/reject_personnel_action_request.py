from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="RejectPersonnelActionRequest")



@_attrs_define
class RejectPersonnelActionRequest:
    """ 
        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            action_id (UUID):
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
     """

    effective_date: datetime.date
    action_id: UUID
    reason: str





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        action_id = str(self.action_id)

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "action_id": action_id,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        action_id = UUID(d.pop("action_id"))




        reason = d.pop("reason")

        reject_personnel_action_request = cls(
            effective_date=effective_date,
            action_id=action_id,
            reason=reason,
        )

        return reject_personnel_action_request

