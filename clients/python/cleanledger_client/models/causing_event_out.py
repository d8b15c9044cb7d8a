from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CausingEventOut")



@_attrs_define
class CausingEventOut:
    """ An event recorded between the two moments that moved a changed line.

        Attributes:
            position (int): Its log position
            event (str):
            actor (None | str): Who issued the command
            accounting_date (datetime.date | None): 회계일자 (a backdated correction shows here)
            recorded_at (datetime.datetime | None): When it was recorded (UTC)
            lines (list[str]): The changed lines it moved
     """

    position: int
    event: str
    actor: None | str
    accounting_date: datetime.date | None
    recorded_at: datetime.datetime | None
    lines: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        event = self.event

        actor: None | str
        actor = self.actor

        accounting_date: None | str
        if isinstance(self.accounting_date, datetime.date):
            accounting_date = self.accounting_date.isoformat()
        else:
            accounting_date = self.accounting_date

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        lines = self.lines




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "event": event,
            "actor": actor,
            "accounting_date": accounting_date,
            "recorded_at": recorded_at,
            "lines": lines,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        event = d.pop("event")

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))


        def _parse_accounting_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accounting_date_type_0 = datetime.date.fromisoformat(data)



                return accounting_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        accounting_date = _parse_accounting_date(d.pop("accounting_date"))


        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)



                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))


        lines = cast(list[str], d.pop("lines"))


        causing_event_out = cls(
            position=position,
            event=event,
            actor=actor,
            accounting_date=accounting_date,
            recorded_at=recorded_at,
            lines=lines,
        )


        causing_event_out.additional_properties = d
        return causing_event_out

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
