from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AmendContractRequest")



@_attrs_define
class AmendContractRequest:
    """ 변경계약 of the amount and/or the end of the period.

        Attributes:
            accounting_date (datetime.date):
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
            new_amount (int | None | Unset):
            new_ends (datetime.date | None | Unset):
     """

    accounting_date: datetime.date
    reason: str
    new_amount: int | None | Unset = UNSET
    new_ends: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        reason = self.reason

        new_amount: int | None | Unset
        if isinstance(self.new_amount, Unset):
            new_amount = UNSET
        else:
            new_amount = self.new_amount

        new_ends: None | str | Unset
        if isinstance(self.new_ends, Unset):
            new_ends = UNSET
        elif isinstance(self.new_ends, datetime.date):
            new_ends = self.new_ends.isoformat()
        else:
            new_ends = self.new_ends


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "reason": reason,
        })
        if new_amount is not UNSET:
            field_dict["new_amount"] = new_amount
        if new_ends is not UNSET:
            field_dict["new_ends"] = new_ends

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        reason = d.pop("reason")

        def _parse_new_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        new_amount = _parse_new_amount(d.pop("new_amount", UNSET))


        def _parse_new_ends(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_ends_type_0 = datetime.date.fromisoformat(data)



                return new_ends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        new_ends = _parse_new_ends(d.pop("new_ends", UNSET))


        amend_contract_request = cls(
            accounting_date=accounting_date,
            reason=reason,
            new_amount=new_amount,
            new_ends=new_ends,
        )

        return amend_contract_request

