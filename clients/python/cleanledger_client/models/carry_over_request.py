from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.carry_over_kind import CarryOverKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CarryOverRequest")



@_attrs_define
class CarryOverRequest:
    """ 이월 into the same code next year: explicit (명시), continuing (계속비) or accident (사고).

    A closing entry: accepted on a closed year. An accident carry-over names its obligation.

        Attributes:
            accounting_date (datetime.date):
            amount (int):
            kind (CarryOverKind): 명시이월 explicit, 사고이월 accident (of an obligation), 계속비이월 continuing expenditure.
            obligation_id (None | Unset | UUID):
     """

    accounting_date: datetime.date
    amount: int
    kind: CarryOverKind
    obligation_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        amount = self.amount

        kind = self.kind.value

        obligation_id: None | str | Unset
        if isinstance(self.obligation_id, Unset):
            obligation_id = UNSET
        elif isinstance(self.obligation_id, UUID):
            obligation_id = str(self.obligation_id)
        else:
            obligation_id = self.obligation_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "amount": amount,
            "kind": kind,
        })
        if obligation_id is not UNSET:
            field_dict["obligation_id"] = obligation_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        amount = d.pop("amount")

        kind = CarryOverKind(d.pop("kind"))




        def _parse_obligation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                obligation_id_type_0 = UUID(data)



                return obligation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        obligation_id = _parse_obligation_id(d.pop("obligation_id", UNSET))


        carry_over_request = cls(
            accounting_date=accounting_date,
            amount=amount,
            kind=kind,
            obligation_id=obligation_id,
        )

        return carry_over_request

