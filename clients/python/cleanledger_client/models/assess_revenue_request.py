from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.payer_kind import PayerKind
from typing import cast
import datetime






T = TypeVar("T", bound="AssessRevenueRequest")



@_attrs_define
class AssessRevenueRequest:
    """ 조정/부과 on a revenue line; ``expected_version`` is the line's.

        Attributes:
            accounting_date (datetime.date):
            payer (str): The payer's name (납부자): at most 200 characters, one line, no control characters; stored in Unicode
                NFC
            payer_kind (PayerKind): 사업자·법인 (a business, may be disclosed) or 개인 (a private person, never disclosed).
            amount (int):
            due_date (datetime.date):
     """

    accounting_date: datetime.date
    payer: str
    payer_kind: PayerKind
    amount: int
    due_date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        payer = self.payer

        payer_kind = self.payer_kind.value

        amount = self.amount

        due_date = self.due_date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "payer": payer,
            "payer_kind": payer_kind,
            "amount": amount,
            "due_date": due_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        payer = d.pop("payer")

        payer_kind = PayerKind(d.pop("payer_kind"))




        amount = d.pop("amount")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        assess_revenue_request = cls(
            accounting_date=accounting_date,
            payer=payer,
            payer_kind=payer_kind,
            amount=amount,
            due_date=due_date,
        )

        return assess_revenue_request

