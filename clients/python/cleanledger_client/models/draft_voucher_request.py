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






T = TypeVar("T", bound="DraftVoucherRequest")



@_attrs_define
class DraftVoucherRequest:
    """ 지출결의 against an obligation (and its contract); the payee is their vendor, or ``payee_id``.

        Attributes:
            accounting_date (datetime.date):
            obligation_id (UUID):
            amount (int):
            description (str): What it is for (적요): at most 1000 characters, may span lines (LF), no control characters;
                stored in Unicode NFC
            contract_id (None | Unset | UUID):
            payee_id (None | Unset | UUID):
     """

    accounting_date: datetime.date
    obligation_id: UUID
    amount: int
    description: str
    contract_id: None | Unset | UUID = UNSET
    payee_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        obligation_id = str(self.obligation_id)

        amount = self.amount

        description = self.description

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        payee_id: None | str | Unset
        if isinstance(self.payee_id, Unset):
            payee_id = UNSET
        elif isinstance(self.payee_id, UUID):
            payee_id = str(self.payee_id)
        else:
            payee_id = self.payee_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "obligation_id": obligation_id,
            "amount": amount,
            "description": description,
        })
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if payee_id is not UNSET:
            field_dict["payee_id"] = payee_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        obligation_id = UUID(d.pop("obligation_id"))




        amount = d.pop("amount")

        description = d.pop("description")

        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))


        def _parse_payee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payee_id_type_0 = UUID(data)



                return payee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        payee_id = _parse_payee_id(d.pop("payee_id", UNSET))


        draft_voucher_request = cls(
            accounting_date=accounting_date,
            obligation_id=obligation_id,
            amount=amount,
            description=description,
            contract_id=contract_id,
            payee_id=payee_id,
        )

        return draft_voucher_request

