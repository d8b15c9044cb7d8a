from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AmendObligationRequest")



@_attrs_define
class AmendObligationRequest:
    """ 
        Attributes:
            accounting_date (datetime.date):
            new_amount (int):
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
     """

    accounting_date: datetime.date
    new_amount: int
    reason: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        new_amount = self.new_amount

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "new_amount": new_amount,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        new_amount = d.pop("new_amount")

        reason = d.pop("reason")

        amend_obligation_request = cls(
            accounting_date=accounting_date,
            new_amount=new_amount,
            reason=reason,
        )

        return amend_obligation_request

