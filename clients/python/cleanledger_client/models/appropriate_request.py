from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AppropriateRequest")



@_attrs_define
class AppropriateRequest:
    """ 본예산 편성: open a budget line with its original appropriation.

        Attributes:
            accounting_date (datetime.date):
            budget_code (str):
            title (str): Title of the line (세부사업명, 세입과목명): at most 200 characters, one line, no control characters; stored
                in Unicode NFC
            amount (int):
     """

    accounting_date: datetime.date
    budget_code: str
    title: str
    amount: int





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        budget_code = self.budget_code

        title = self.title

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "budget_code": budget_code,
            "title": title,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        budget_code = d.pop("budget_code")

        title = d.pop("title")

        amount = d.pop("amount")

        appropriate_request = cls(
            accounting_date=accounting_date,
            budget_code=budget_code,
            title=title,
            amount=amount,
        )

        return appropriate_request

