from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_method import ContractMethod
from ..models.private_contract_reason import PrivateContractReason
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="SignContractRequest")



@_attrs_define
class SignContractRequest:
    """ 계약 against an obligation; ``expected_version`` is the obligation's.

    The contract date is the accounting date. A private contract (수의계약) states its ground.

        Attributes:
            accounting_date (datetime.date):
            obligation_id (UUID):
            vendor_id (UUID):
            amount (int):
            method (ContractMethod): 계약방법: 일반경쟁 open, 제한경쟁 restricted competition, 수의계약 private contract.
            title (str): Title: at most 1000 characters, one line, no control characters; stored in Unicode NFC
            department (str): Department (부서): at most 200 characters, one line, no control characters; stored in Unicode
                NFC
            starts (datetime.date):
            ends (datetime.date):
            private_reason (None | PrivateContractReason | Unset):
            private_reason_detail (str | Unset): The private contract's ground explained (blank unless needed): at most 1000
                characters, may span lines (LF), no control characters; stored in Unicode NFC Default: ''.
     """

    accounting_date: datetime.date
    obligation_id: UUID
    vendor_id: UUID
    amount: int
    method: ContractMethod
    title: str
    department: str
    starts: datetime.date
    ends: datetime.date
    private_reason: None | PrivateContractReason | Unset = UNSET
    private_reason_detail: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        obligation_id = str(self.obligation_id)

        vendor_id = str(self.vendor_id)

        amount = self.amount

        method = self.method.value

        title = self.title

        department = self.department

        starts = self.starts.isoformat()

        ends = self.ends.isoformat()

        private_reason: None | str | Unset
        if isinstance(self.private_reason, Unset):
            private_reason = UNSET
        elif isinstance(self.private_reason, PrivateContractReason):
            private_reason = self.private_reason.value
        else:
            private_reason = self.private_reason

        private_reason_detail = self.private_reason_detail


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "obligation_id": obligation_id,
            "vendor_id": vendor_id,
            "amount": amount,
            "method": method,
            "title": title,
            "department": department,
            "starts": starts,
            "ends": ends,
        })
        if private_reason is not UNSET:
            field_dict["private_reason"] = private_reason
        if private_reason_detail is not UNSET:
            field_dict["private_reason_detail"] = private_reason_detail

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        obligation_id = UUID(d.pop("obligation_id"))




        vendor_id = UUID(d.pop("vendor_id"))




        amount = d.pop("amount")

        method = ContractMethod(d.pop("method"))




        title = d.pop("title")

        department = d.pop("department")

        starts = datetime.date.fromisoformat(d.pop("starts"))




        ends = datetime.date.fromisoformat(d.pop("ends"))




        def _parse_private_reason(data: object) -> None | PrivateContractReason | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                private_reason_type_0 = PrivateContractReason(data)



                return private_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrivateContractReason | Unset, data)

        private_reason = _parse_private_reason(d.pop("private_reason", UNSET))


        private_reason_detail = d.pop("private_reason_detail", UNSET)

        sign_contract_request = cls(
            accounting_date=accounting_date,
            obligation_id=obligation_id,
            vendor_id=vendor_id,
            amount=amount,
            method=method,
            title=title,
            department=department,
            starts=starts,
            ends=ends,
            private_reason=private_reason,
            private_reason_detail=private_reason_detail,
        )

        return sign_contract_request

