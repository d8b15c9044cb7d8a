from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CollectRevenueRequest")



@_attrs_define
class CollectRevenueRequest:
    """ 수납. Money beyond what is billed is refused unless ``allow_overpayment`` records it as
    과오납, to be refunded.

        Attributes:
            accounting_date (datetime.date):
            amount (int):
            allow_overpayment (bool | Unset):  Default: False.
     """

    accounting_date: datetime.date
    amount: int
    allow_overpayment: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        amount = self.amount

        allow_overpayment = self.allow_overpayment


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "amount": amount,
        })
        if allow_overpayment is not UNSET:
            field_dict["allow_overpayment"] = allow_overpayment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        amount = d.pop("amount")

        allow_overpayment = d.pop("allow_overpayment", UNSET)

        collect_revenue_request = cls(
            accounting_date=accounting_date,
            amount=amount,
            allow_overpayment=allow_overpayment,
        )

        return collect_revenue_request

