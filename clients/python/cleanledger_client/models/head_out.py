from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cosignature_out import CosignatureOut





T = TypeVar("T", bound="HeadOut")



@_attrs_define
class HeadOut:
    """ The Merkle tree's root at a size, signed by the log (a C2SP checkpoint).

        Attributes:
            size (int): Events in the tree (leaves)
            root_hash (str): The tree's root: 64 lowercase hex digits (SHA-256, RFC 9162)
            position (int): Log position of the tree's last event
            signed_at (str): When the log signed it (UTC)
            reason (str): `every` (N events), `day-end`, `interval` (every few seconds) or `demand`
            key_id (None | str): The log key's id (null: unsigned)
            note (str): The signed note: origin, size, base64 root, a blank line, the log's signature line and every
                witness's cosignature line (C2SP tlog-checkpoint, signed-note, tlog-cosignature)
            cosignatures (list[CosignatureOut]): The witnesses that cosigned this head
     """

    size: int
    root_hash: str
    position: int
    signed_at: str
    reason: str
    key_id: None | str
    note: str
    cosignatures: list[CosignatureOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cosignature_out import CosignatureOut # noqa: PLC0415
        size = self.size

        root_hash = self.root_hash

        position = self.position

        signed_at = self.signed_at

        reason = self.reason

        key_id: None | str
        key_id = self.key_id

        note = self.note

        cosignatures = []
        for cosignatures_item_data in self.cosignatures:
            cosignatures_item = cosignatures_item_data.to_dict()
            cosignatures.append(cosignatures_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "size": size,
            "root_hash": root_hash,
            "position": position,
            "signed_at": signed_at,
            "reason": reason,
            "key_id": key_id,
            "note": note,
            "cosignatures": cosignatures,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cosignature_out import CosignatureOut # noqa: PLC0415
        d = dict(src_dict)
        size = d.pop("size")

        root_hash = d.pop("root_hash")

        position = d.pop("position")

        signed_at = d.pop("signed_at")

        reason = d.pop("reason")

        def _parse_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_id = _parse_key_id(d.pop("key_id"))


        note = d.pop("note")

        cosignatures = []
        _cosignatures = d.pop("cosignatures")
        for cosignatures_item_data in (_cosignatures):
            cosignatures_item = CosignatureOut.from_dict(cosignatures_item_data)



            cosignatures.append(cosignatures_item)


        head_out = cls(
            size=size,
            root_hash=root_hash,
            position=position,
            signed_at=signed_at,
            reason=reason,
            key_id=key_id,
            note=note,
            cosignatures=cosignatures,
        )


        head_out.additional_properties = d
        return head_out

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
