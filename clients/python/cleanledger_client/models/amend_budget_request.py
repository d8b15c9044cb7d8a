from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AmendBudgetRequest")



@_attrs_define
class AmendBudgetRequest:
    """ 추경: a supplementary amendment of a line, positive or negative.

        Attributes:
            accounting_date (datetime.date):
            change (int):
            reference (str): The amendment it follows (추경 근거): at most 200 characters, one line, no control characters;
                stored in Unicode NFC
     """

    accounting_date: datetime.date
    change: int
    reference: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        change = self.change

        reference = self.reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "change": change,
            "reference": reference,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        change = d.pop("change")

        reference = d.pop("reference")

        amend_budget_request = cls(
            accounting_date=accounting_date,
            change=change,
            reference=reference,
        )

        return amend_budget_request

