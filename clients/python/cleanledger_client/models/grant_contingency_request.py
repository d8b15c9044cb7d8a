from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="GrantContingencyRequest")



@_attrs_define
class GrantContingencyRequest:
    """ 예비비 지출: from a contingency reserve line (item 701) to a spending line.

        Attributes:
            accounting_date (datetime.date):
            reserve_line_id (UUID):
            to_line_id (UUID):
            amount (int):
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
     """

    accounting_date: datetime.date
    reserve_line_id: UUID
    to_line_id: UUID
    amount: int
    reason: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        reserve_line_id = str(self.reserve_line_id)

        to_line_id = str(self.to_line_id)

        amount = self.amount

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "reserve_line_id": reserve_line_id,
            "to_line_id": to_line_id,
            "amount": amount,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        reserve_line_id = UUID(d.pop("reserve_line_id"))




        to_line_id = UUID(d.pop("to_line_id"))




        amount = d.pop("amount")

        reason = d.pop("reason")

        grant_contingency_request = cls(
            accounting_date=accounting_date,
            reserve_line_id=reserve_line_id,
            to_line_id=to_line_id,
            amount=amount,
            reason=reason,
        )

        return grant_contingency_request

