from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InclusionOut")



@_attrs_define
class InclusionOut:
    """ That the event at a log position is leaf ``leaf_index`` of the tree of ``tree_size`` leaves.

        Attributes:
            position (int): The event's log position
            leaf_index (int): Its leaf's index in the tree (0-based)
            tree_size (int): The tree the proof is for
            leaf_hash (str): SHA-256(0x00 ‖ canonical bytes of the event), hex
            root_hash (str): The root of the tree of tree_size leaves, hex
            path (list[str]): The audit path (RFC 9162 §2.1.3), hex, nearest the leaf first
     """

    position: int
    leaf_index: int
    tree_size: int
    leaf_hash: str
    root_hash: str
    path: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        leaf_index = self.leaf_index

        tree_size = self.tree_size

        leaf_hash = self.leaf_hash

        root_hash = self.root_hash

        path = self.path




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "leaf_index": leaf_index,
            "tree_size": tree_size,
            "leaf_hash": leaf_hash,
            "root_hash": root_hash,
            "path": path,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        leaf_index = d.pop("leaf_index")

        tree_size = d.pop("tree_size")

        leaf_hash = d.pop("leaf_hash")

        root_hash = d.pop("root_hash")

        path = cast(list[str], d.pop("path"))


        inclusion_out = cls(
            position=position,
            leaf_index=leaf_index,
            tree_size=tree_size,
            leaf_hash=leaf_hash,
            root_hash=root_hash,
            path=path,
        )


        inclusion_out.additional_properties = d
        return inclusion_out

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
