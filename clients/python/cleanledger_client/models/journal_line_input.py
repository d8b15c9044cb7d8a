from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="JournalLineInput")



@_attrs_define
class JournalLineInput:
    """ One line: ``debit`` or ``credit`` won on ``account`` (a code of the chart, e.g. 1110).

        Attributes:
            account (str):
            debit (int | Unset):  Default: 0.
            credit (int | Unset):  Default: 0.
     """

    account: str
    debit: int | Unset = 0
    credit: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        account = self.account

        debit = self.debit

        credit = self.credit


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "account": account,
        })
        if debit is not UNSET:
            field_dict["debit"] = debit
        if credit is not UNSET:
            field_dict["credit"] = credit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        debit = d.pop("debit", UNSET)

        credit = d.pop("credit", UNSET)

        journal_line_input = cls(
            account=account,
            debit=debit,
            credit=credit,
        )

        return journal_line_input

