from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.personal_data_out_dependants_item import PersonalDataOutDependantsItem





T = TypeVar("T", bound="PersonalDataOut")



@_attrs_define
class PersonalDataOut:
    """ 개인정보, masked (or, from the reads endpoint and self-service, in full).

        Attributes:
            name (None | str | Unset):
            rrn (None | str | Unset):
            address (None | str | Unset):
            phone (None | str | Unset):
            email (None | str | Unset):
            bank_account (None | str | Unset):
            dependants (list[PersonalDataOutDependantsItem] | Unset):
     """

    name: None | str | Unset = UNSET
    rrn: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    bank_account: None | str | Unset = UNSET
    dependants: list[PersonalDataOutDependantsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data_out_dependants_item import PersonalDataOutDependantsItem # noqa: PLC0415
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        rrn: None | str | Unset
        if isinstance(self.rrn, Unset):
            rrn = UNSET
        else:
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
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if rrn is not UNSET:
            field_dict["rrn"] = rrn
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
        from ..models.personal_data_out_dependants_item import PersonalDataOutDependantsItem # noqa: PLC0415
        d = dict(src_dict)
        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_rrn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rrn = _parse_rrn(d.pop("rrn", UNSET))


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
        dependants: list[PersonalDataOutDependantsItem] | Unset = UNSET
        if _dependants is not UNSET:
            dependants = []
            for dependants_item_data in _dependants:
                dependants_item = PersonalDataOutDependantsItem.from_dict(dependants_item_data)



                dependants.append(dependants_item)


        personal_data_out = cls(
            name=name,
            rrn=rrn,
            address=address,
            phone=phone,
            email=email,
            bank_account=bank_account,
            dependants=dependants,
        )


        personal_data_out.additional_properties = d
        return personal_data_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
