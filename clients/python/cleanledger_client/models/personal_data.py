from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.dependant import Dependant





T = TypeVar("T", bound="PersonalData")



@_attrs_define
class PersonalData:
    """ 개인정보: sealed before anything is recorded; never echoed back, never logged.

        Attributes:
            name (str):
            rrn (str): 주민등록번호, YYMMDD-NNNNNNN
            address (None | str | Unset):
            phone (None | str | Unset):
            email (None | str | Unset):
            bank_account (None | str | Unset):
            dependants (list[Dependant] | Unset):
     """

    name: str
    rrn: str
    address: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    bank_account: None | str | Unset = UNSET
    dependants: list[Dependant] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.dependant import Dependant # noqa: PLC0415
        name = self.name

        rrn = self.rrn

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        bank_account: None | str | Unset
        if isinstance(self.bank_account, Unset):
            bank_account = UNSET
        else:
            bank_account = self.bank_account

        dependants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.dependants, Unset):
            dependants = []
            for dependants_item_data in self.dependants:
                dependants_item = dependants_item_data.to_dict()
                dependants.append(dependants_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "rrn": rrn,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if bank_account is not UNSET:
            field_dict["bank_account"] = bank_account
        if dependants is not UNSET:
            field_dict["dependants"] = dependants

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dependant import Dependant # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        rrn = d.pop("rrn")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_bank_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_account = _parse_bank_account(d.pop("bank_account", UNSET))


        _dependants = d.pop("dependants", UNSET)
        dependants: list[Dependant] | Unset = UNSET
        if _dependants is not UNSET:
            dependants = []
            for dependants_item_data in _dependants:
                dependants_item = Dependant.from_dict(dependants_item_data)



                dependants.append(dependants_item)


        personal_data = cls(
            name=name,
            rrn=rrn,
            address=address,
            phone=phone,
            email=email,
            bank_account=bank_account,
            dependants=dependants,
        )

        return personal_data

