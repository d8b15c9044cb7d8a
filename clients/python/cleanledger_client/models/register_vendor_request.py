from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.vendor_kind import VendorKind
from typing import cast
import datetime






T = TypeVar("T", bound="RegisterVendorRequest")



@_attrs_define
class RegisterVendorRequest:
    """ 
        Attributes:
            accounting_date (datetime.date):
            kind (VendorKind): 사업자 (a business, disclosed) or 개인 (a private person, never disclosed).
            registration_number (str):
            name (str): Name: at most 200 characters, one line, no control characters; stored in Unicode NFC
            address (str): Address (may be blank): at most 500 characters, one line, no control characters; stored in
                Unicode NFC
     """

    accounting_date: datetime.date
    kind: VendorKind
    registration_number: str
    name: str
    address: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        kind = self.kind.value

        registration_number = self.registration_number

        name = self.name

        address = self.address


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "kind": kind,
            "registration_number": registration_number,
            "name": name,
            "address": address,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        kind = VendorKind(d.pop("kind"))




        registration_number = d.pop("registration_number")

        name = d.pop("name")

        address = d.pop("address")

        register_vendor_request = cls(
            accounting_date=accounting_date,
            kind=kind,
            registration_number=registration_number,
            name=name,
            address=address,
        )

        return register_vendor_request

