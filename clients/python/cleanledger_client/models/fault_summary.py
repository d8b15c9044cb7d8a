from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FaultSummary")



@_attrs_define
class FaultSummary:
    """ Why a projection stopped, without the error's message (it may quote the event's data).

        Attributes:
            generation (int): The table generation it stopped in
            position (int): The log position of the event it cannot apply; the projection stands just before it
            event (None | str): The event's kind (null: it could not be read)
            error (str): The kind of error
            code (None | str): The database's SQLSTATE, where it gave one
            recorded_at (datetime.datetime): When the fault was met
     """

    generation: int
    position: int
    event: None | str
    error: str
    code: None | str
    recorded_at: datetime.datetime
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


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "generation": generation,
            "position": position,
            "event": event,
            "error": error,
            "code": code,
            "recorded_at": recorded_at,
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




        fault_summary = cls(
            generation=generation,
            position=position,
            event=event,
            error=error,
            code=code,
            recorded_at=recorded_at,
        )


        fault_summary.additional_properties = d
        return fault_summary

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
