from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ReturnPaymentRequest")



@_attrs_define
class ReturnPaymentRequest:
    """ 반납 of (part of) one payment.

        Attributes:
            accounting_date (datetime.date):
            payment_id (UUID):
            amount (int):
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
     """

    accounting_date: datetime.date
    payment_id: UUID
    amount: int
    reason: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        payment_id = str(self.payment_id)

        amount = self.amount

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "payment_id": payment_id,
            "amount": amount,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        payment_id = UUID(d.pop("payment_id"))




        amount = d.pop("amount")

        reason = d.pop("reason")

        return_payment_request = cls(
            accounting_date=accounting_date,
            payment_id=payment_id,
            amount=amount,
            reason=reason,
        )

        return return_payment_request

