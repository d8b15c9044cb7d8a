from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PayRequest")



@_attrs_define
class PayRequest:
    """ 지급 against one payment order; ``withheld`` (예수금) is part of ``amount``.

        Attributes:
            accounting_date (datetime.date):
            order_id (UUID):
            amount (int):
            withheld (int | Unset):  Default: 0.
     """

    accounting_date: datetime.date
    order_id: UUID
    amount: int
    withheld: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        order_id = str(self.order_id)

        amount = self.amount

        withheld = self.withheld


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "order_id": order_id,
            "amount": amount,
        })
        if withheld is not UNSET:
            field_dict["withheld"] = withheld

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        order_id = UUID(d.pop("order_id"))




        amount = d.pop("amount")

        withheld = d.pop("withheld", UNSET)

        pay_request = cls(
            accounting_date=accounting_date,
            order_id=order_id,
            amount=amount,
            withheld=withheld,
        )

        return pay_request

