from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DiffLineOut")



@_attrs_define
class DiffLineOut:
    """ One amount of one line that differs between the two moments.

        Attributes:
            line (str): Account code, budget line id, or accumulated_surplus
            name (str):
            column (str): Which amount: closing, amount, obligated …
            before (int): As known at from_known_at
            after (int): As known at to_known_at
            change (int): after − before
     """

    line: str
    name: str
    column: str
    before: int
    after: int
    change: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        line = self.line

        name = self.name

        column = self.column

        before = self.before

        after = self.after

        change = self.change


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line": line,
            "name": name,
            "column": column,
            "before": before,
            "after": after,
            "change": change,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        name = d.pop("name")

        column = d.pop("column")

        before = d.pop("before")

        after = d.pop("after")

        change = d.pop("change")

        diff_line_out = cls(
            line=line,
            name=name,
            column=column,
            before=before,
            after=after,
            change=change,
        )


        diff_line_out.additional_properties = d
        return diff_line_out

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
