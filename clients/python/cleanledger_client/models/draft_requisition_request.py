from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DraftRequisitionRequest")



@_attrs_define
class DraftRequisitionRequest:
    """ 
        Attributes:
            accounting_date (datetime.date):
            line_id (UUID):
            title (str): Title: at most 1000 characters, one line, no control characters; stored in Unicode NFC
            amount (int):
     """

    accounting_date: datetime.date
    line_id: UUID
    title: str
    amount: int





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        line_id = str(self.line_id)

        title = self.title

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "line_id": line_id,
            "title": title,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        line_id = UUID(d.pop("line_id"))




        title = d.pop("title")

        amount = d.pop("amount")

        draft_requisition_request = cls(
            accounting_date=accounting_date,
            line_id=line_id,
            title=title,
            amount=amount,
        )

        return draft_requisition_request

