from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AccountLineOut")



@_attrs_define
class AccountLineOut:
    """ 
        Attributes:
            account (str): Account code of the chart (계정과목)
            name_ko (str):
            name_en (str):
            kind (str): asset, liability, net_assets, revenue or expense
            opening (int): Balance before the period, on the account's normal side
            debit (int): Σ debits in the period (won)
            credit (int): Σ credits in the period (won)
            closing (int): Balance at as_of, on the account's normal side
     """

    account: str
    name_ko: str
    name_en: str
    kind: str
    opening: int
    debit: int
    credit: int
    closing: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account = self.account

        name_ko = self.name_ko

        name_en = self.name_en

        kind = self.kind

        opening = self.opening

        debit = self.debit

        credit = self.credit

        closing = self.closing


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account": account,
            "name_ko": name_ko,
            "name_en": name_en,
            "kind": kind,
            "opening": opening,
            "debit": debit,
            "credit": credit,
            "closing": closing,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        name_ko = d.pop("name_ko")

        name_en = d.pop("name_en")

        kind = d.pop("kind")

        opening = d.pop("opening")

        debit = d.pop("debit")

        credit = d.pop("credit")

        closing = d.pop("closing")

        account_line_out = cls(
            account=account,
            name_ko=name_ko,
            name_en=name_en,
            kind=kind,
            opening=opening,
            debit=debit,
            credit=credit,
            closing=closing,
        )


        account_line_out.additional_properties = d
        return account_line_out

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
