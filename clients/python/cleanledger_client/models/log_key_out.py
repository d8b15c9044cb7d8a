from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LogKeyOut")



@_attrs_define
class LogKeyOut:
    """ 
        Attributes:
            key_id (str): First 16 hex digits of SHA-256 of the raw public key
            name (str): The key's name in notes (the log's origin)
            verifier_key (str): C2SP note verifier key: name+key hash+base64(0x01 ‖ key)
            public_key (str): The same Ed25519 public key, PEM (SubjectPublicKeyInfo)
     """

    key_id: str
    name: str
    verifier_key: str
    public_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key_id = self.key_id

        name = self.name

        verifier_key = self.verifier_key

        public_key = self.public_key


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key_id": key_id,
            "name": name,
            "verifier_key": verifier_key,
            "public_key": public_key,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_id = d.pop("key_id")

        name = d.pop("name")

        verifier_key = d.pop("verifier_key")

        public_key = d.pop("public_key")

        log_key_out = cls(
            key_id=key_id,
            name=name,
            verifier_key=verifier_key,
            public_key=public_key,
        )


        log_key_out.additional_properties = d
        return log_key_out

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
