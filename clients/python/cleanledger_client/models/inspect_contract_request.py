from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="InspectContractRequest")



@_attrs_define
class InspectContractRequest:
    """ 검수 by the actor, on the accounting date.

        Attributes:
            accounting_date (datetime.date):
            inspected_amount (int):
            passed (bool):
            note (str | Unset): Note (may be blank): at most 1000 characters, may span lines (LF), no control characters;
                stored in Unicode NFC Default: ''.
     """

    accounting_date: datetime.date
    inspected_amount: int
    passed: bool
    note: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        inspected_amount = self.inspected_amount

        passed = self.passed

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "inspected_amount": inspected_amount,
            "passed": passed,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        inspected_amount = d.pop("inspected_amount")

        passed = d.pop("passed")

        note = d.pop("note", UNSET)

        inspect_contract_request = cls(
            accounting_date=accounting_date,
            inspected_amount=inspected_amount,
            passed=passed,
            note=note,
        )

        return inspect_contract_request

