from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="StatementLineOut")



@_attrs_define
class StatementLineOut:
    """ 
        Attributes:
            account (str):
            name_ko (str):
            name_en (str):
            amount (int): Won, positive on the section's normal side
     """

    account: str
    name_ko: str
    name_en: str
    amount: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account = self.account

        name_ko = self.name_ko

        name_en = self.name_en

        amount = self.amount


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account": account,
            "name_ko": name_ko,
            "name_en": name_en,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        name_ko = d.pop("name_ko")

        name_en = d.pop("name_en")

        amount = d.pop("amount")

        statement_line_out = cls(
            account=account,
            name_ko=name_ko,
            name_en=name_en,
            amount=amount,
        )


        statement_line_out.additional_properties = d
        return statement_line_out

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
