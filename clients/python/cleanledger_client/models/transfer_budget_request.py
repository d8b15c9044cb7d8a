from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.transfer_kind import TransferKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="TransferBudgetRequest")



@_attrs_define
class TransferBudgetRequest:
    """ 전용 (diversion) or 이용 (appropriation transfer): both lines change in one save.

        Attributes:
            accounting_date (datetime.date):
            from_line_id (UUID):
            to_line_id (UUID):
            amount (int):
            kind (TransferKind): 전용 diversion between items of one detailed project; 이용 transfer between projects.
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
     """

    accounting_date: datetime.date
    from_line_id: UUID
    to_line_id: UUID
    amount: int
    kind: TransferKind
    reason: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        from_line_id = str(self.from_line_id)

        to_line_id = str(self.to_line_id)

        amount = self.amount

        kind = self.kind.value

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "from_line_id": from_line_id,
            "to_line_id": to_line_id,
            "amount": amount,
            "kind": kind,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        from_line_id = UUID(d.pop("from_line_id"))




        to_line_id = UUID(d.pop("to_line_id"))




        amount = d.pop("amount")

        kind = TransferKind(d.pop("kind"))




        reason = d.pop("reason")

        transfer_budget_request = cls(
            accounting_date=accounting_date,
            from_line_id=from_line_id,
            to_line_id=to_line_id,
            amount=amount,
            kind=kind,
            reason=reason,
        )

        return transfer_budget_request

