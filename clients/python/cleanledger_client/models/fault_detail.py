from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FaultDetail")



@_attrs_define
class FaultDetail:
    """ Why a projection stopped, in full: for operators.

        Attributes:
            generation (int): The table generation it stopped in
            position (int): The log position of the event it cannot apply; the projection stands just before it
            event (None | str): The event's kind (null: it could not be read)
            error (str): The error's class, with its module
            code (None | str): The database's SQLSTATE, where it gave one
            recorded_at (datetime.datetime): When the fault was met
            message (str): The error's message (a database's own, without the statement or its values)
            originator_id (None | str): The aggregate whose event it is
            originator_version (int | None): The event's version in its aggregate
     """

    generation: int
    position: int
    event: None | str
    error: str
    code: None | str
    recorded_at: datetime.datetime
    message: str
    originator_id: None | str
    originator_version: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        generation = self.generation

        position = self.position

        event: None | str
        event = self.event

        error = self.error

        code: None | str
        code = self.code

        recorded_at = self.recorded_at.isoformat()

        message = self.message

        originator_id: None | str
        originator_id = self.originator_id

        originator_version: int | None
        originator_version = self.originator_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "generation": generation,
            "position": position,
            "event": event,
            "error": error,
            "code": code,
            "recorded_at": recorded_at,
            "message": message,
            "originator_id": originator_id,
            "originator_version": originator_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        generation = d.pop("generation")

        position = d.pop("position")

        def _parse_event(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event = _parse_event(d.pop("event"))


        error = d.pop("error")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        message = d.pop("message")

        def _parse_originator_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        originator_id = _parse_originator_id(d.pop("originator_id"))


        def _parse_originator_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        originator_version = _parse_originator_version(d.pop("originator_version"))


        fault_detail = cls(
            generation=generation,
            position=position,
            event=event,
            error=error,
            code=code,
            recorded_at=recorded_at,
            message=message,
            originator_id=originator_id,
            originator_version=originator_version,
        )


        fault_detail.additional_properties = d
        return fault_detail

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
