from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PullAllocationForwardRequest")



@_attrs_define
class PullAllocationForwardRequest:
    """ 당겨배정: move allocation from a later quarter to an earlier one.

        Attributes:
            accounting_date (datetime.date):
            from_quarter (int):
            to_quarter (int):
            amount (int):
     """

    accounting_date: datetime.date
    from_quarter: int
    to_quarter: int
    amount: int





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        from_quarter = self.from_quarter

        to_quarter = self.to_quarter

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "from_quarter": from_quarter,
            "to_quarter": to_quarter,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        from_quarter = d.pop("from_quarter")

        to_quarter = d.pop("to_quarter")

        amount = d.pop("amount")

        pull_allocation_forward_request = cls(
            accounting_date=accounting_date,
            from_quarter=from_quarter,
            to_quarter=to_quarter,
            amount=amount,
        )

        return pull_allocation_forward_request

