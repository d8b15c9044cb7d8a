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






T = TypeVar("T", bound="ObligateRequest")



@_attrs_define
class ObligateRequest:
    """ 지출원인행위 on a budget line; ``expected_version`` is the line's.

        Attributes:
            accounting_date (datetime.date):
            line_id (UUID):
            amount (int):
            description (str): What it is for (적요): at most 1000 characters, may span lines (LF), no control characters;
                stored in Unicode NFC
            requisition_id (None | Unset | UUID):
            vendor_id (None | Unset | UUID):
     """

    accounting_date: datetime.date
    line_id: UUID
    amount: int
    description: str
    requisition_id: None | Unset | UUID = UNSET
    vendor_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        line_id = str(self.line_id)

        amount = self.amount

        description = self.description

        requisition_id: None | str | Unset
        if isinstance(self.requisition_id, Unset):
            requisition_id = UNSET
        elif isinstance(self.requisition_id, UUID):
            requisition_id = str(self.requisition_id)
        else:
            requisition_id = self.requisition_id

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        elif isinstance(self.vendor_id, UUID):
            vendor_id = str(self.vendor_id)
        else:
            vendor_id = self.vendor_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "line_id": line_id,
            "amount": amount,
            "description": description,
        })
        if requisition_id is not UNSET:
            field_dict["requisition_id"] = requisition_id
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        line_id = UUID(d.pop("line_id"))




        amount = d.pop("amount")

        description = d.pop("description")

        def _parse_requisition_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requisition_id_type_0 = UUID(data)



                return requisition_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        requisition_id = _parse_requisition_id(d.pop("requisition_id", UNSET))


        def _parse_vendor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                vendor_id_type_0 = UUID(data)



                return vendor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id", UNSET))


        obligate_request = cls(
            accounting_date=accounting_date,
            line_id=line_id,
            amount=amount,
            description=description,
            requisition_id=requisition_id,
            vendor_id=vendor_id,
        )

        return obligate_request

