from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.history_entry_out_details import HistoryEntryOutDetails
  from ..models.line_balances_out import LineBalancesOut





T = TypeVar("T", bound="HistoryEntryOut")



@_attrs_define
class HistoryEntryOut:
    """ One event of the line, and the line's balances after it.

        Attributes:
            event (str): The event's name, e.g. Appropriated, Allocated, Obligated, Paid
            version (int): The line's version after the event (1 for the first)
            position (int): The event's position in the ledger's log
            actor (str): Who issued the command
            accounting_date (datetime.date): 회계일자
            recorded_at (datetime.datetime): When the event was recorded (UTC)
            command_id (UUID): The command that caused it
            details (HistoryEntryOutDetails): The event's own fields: amount, quarter, obligation …
            balances (LineBalancesOut): The line's amounts (won) after an event.
     """

    event: str
    version: int
    position: int
    actor: str
    accounting_date: datetime.date
    recorded_at: datetime.datetime
    command_id: UUID
    details: HistoryEntryOutDetails
    balances: LineBalancesOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.history_entry_out_details import HistoryEntryOutDetails # noqa: PLC0415
        from ..models.line_balances_out import LineBalancesOut # noqa: PLC0415
        event = self.event

        version = self.version

        position = self.position

        actor = self.actor

        accounting_date = self.accounting_date.isoformat()

        recorded_at = self.recorded_at.isoformat()

        command_id = str(self.command_id)

        details = self.details.to_dict()

        balances = self.balances.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "event": event,
            "version": version,
            "position": position,
            "actor": actor,
            "accounting_date": accounting_date,
            "recorded_at": recorded_at,
            "command_id": command_id,
            "details": details,
            "balances": balances,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry_out_details import HistoryEntryOutDetails # noqa: PLC0415
        from ..models.line_balances_out import LineBalancesOut # noqa: PLC0415
        d = dict(src_dict)
        event = d.pop("event")

        version = d.pop("version")

        position = d.pop("position")

        actor = d.pop("actor")

        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        command_id = UUID(d.pop("command_id"))




        details = HistoryEntryOutDetails.from_dict(d.pop("details"))




        balances = LineBalancesOut.from_dict(d.pop("balances"))




        history_entry_out = cls(
            event=event,
            version=version,
            position=position,
            actor=actor,
            accounting_date=accounting_date,
            recorded_at=recorded_at,
            command_id=command_id,
            details=details,
            balances=balances,
        )


        history_entry_out.additional_properties = d
        return history_entry_out

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
