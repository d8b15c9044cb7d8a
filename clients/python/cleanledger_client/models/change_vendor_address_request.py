from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ChangeVendorAddressRequest")



@_attrs_define
class ChangeVendorAddressRequest:
    """ 
        Attributes:
            accounting_date (datetime.date):
            address (str): Address (may be blank): at most 500 characters, one line, no control characters; stored in
                Unicode NFC
     """

    accounting_date: datetime.date
    address: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        address = self.address


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "address": address,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        address = d.pop("address")

        change_vendor_address_request = cls(
            accounting_date=accounting_date,
            address=address,
        )

        return change_vendor_address_request

