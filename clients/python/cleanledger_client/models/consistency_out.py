from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ConsistencyOut")



@_attrs_define
class ConsistencyOut:
    """ That the tree of ``second`` leaves extends the tree of ``first`` leaves.

        Attributes:
            first (int): The earlier tree's size
            second (int): The later tree's size
            first_root (str): The earlier tree's root, hex
            second_root (str): The later tree's root, hex
            path (list[str]): The consistency proof (RFC 9162 §2.1.4), hex
     """

    first: int
    second: int
    first_root: str
    second_root: str
    path: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        first = self.first

        second = self.second

        first_root = self.first_root

        second_root = self.second_root

        path = self.path




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "first": first,
            "second": second,
            "first_root": first_root,
            "second_root": second_root,
            "path": path,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first = d.pop("first")

        second = d.pop("second")

        first_root = d.pop("first_root")

        second_root = d.pop("second_root")

        path = cast(list[str], d.pop("path"))


        consistency_out = cls(
            first=first,
            second=second,
            first_root=first_root,
            second_root=second_root,
            path=path,
        )


        consistency_out.additional_properties = d
        return consistency_out

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
