from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CheckpointOut")



@_attrs_define
class CheckpointOut:
    """ The hash chain at a log position, and its signature.

        Attributes:
            position (int): Log position of the last event the hash covers
            events (int): Events chained up to and including position
            hash_ (str): The chain's link at position: 64 lowercase hex digits (SHA-256)
            day (str): Recorded (UTC) day of the log at position
            signed_at (str): When it was signed (UTC)
            reason (str): `every` (every N events) or `day-end` (the day's last event)
            key_id (None | str): Signing key: the first 16 hex digits of SHA-256 of its raw bytes
            signature (None | str): Ed25519 signature of `message`, base64 (null: unsigned)
            message (str): The exact text signed (ASCII, every line ending in LF): header, position, hash, day and signed_at
     """

    position: int
    events: int
    hash_: str
    day: str
    signed_at: str
    reason: str
    key_id: None | str
    signature: None | str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        events = self.events

        hash_ = self.hash_

        day = self.day

        signed_at = self.signed_at

        reason = self.reason

        key_id: None | str
        key_id = self.key_id

        signature: None | str
        signature = self.signature

        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "events": events,
            "hash": hash_,
            "day": day,
            "signed_at": signed_at,
            "reason": reason,
            "key_id": key_id,
            "signature": signature,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        events = d.pop("events")

        hash_ = d.pop("hash")

        day = d.pop("day")

        signed_at = d.pop("signed_at")

        reason = d.pop("reason")

        def _parse_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_id = _parse_key_id(d.pop("key_id"))


        def _parse_signature(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signature = _parse_signature(d.pop("signature"))


        message = d.pop("message")

        checkpoint_out = cls(
            position=position,
            events=events,
            hash_=hash_,
            day=day,
            signed_at=signed_at,
            reason=reason,
            key_id=key_id,
            signature=signature,
            message=message,
        )


        checkpoint_out.additional_properties = d
        return checkpoint_out

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
