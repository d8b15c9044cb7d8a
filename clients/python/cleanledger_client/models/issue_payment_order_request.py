from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="IssuePaymentOrderRequest")



@_attrs_define
class IssuePaymentOrderRequest:
    """ 지급명령 of (part of) an approved voucher.

        Attributes:
            accounting_date (datetime.date):
            amount (int):
     """

    accounting_date: datetime.date
    amount: int





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        amount = d.pop("amount")

        issue_payment_order_request = cls(
            accounting_date=accounting_date,
            amount=amount,
        )

        return issue_payment_order_request

