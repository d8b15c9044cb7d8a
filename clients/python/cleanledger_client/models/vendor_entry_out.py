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
  from ..models.vendor_entry_out_details import VendorEntryOutDetails





T = TypeVar("T", bound="VendorEntryOut")



@_attrs_define
class VendorEntryOut:
    """ One event of a vendor, with the organisation it was recorded by and for.

        Attributes:
            event (str): Registered, AddressChanged, Debarred or DebarmentLifted
            version (int): The vendor's version after the event (1 for the first)
            position (int): The event's position in the ledger's log
            org (str): The organisation the event was recorded by and for
            actor (str): Who issued the command
            accounting_date (datetime.date): 회계일자
            recorded_at (datetime.datetime): When the event was recorded (UTC)
            command_id (UUID): The command that caused it
            details (VendorEntryOutDetails): The event's own fields: address, ground, period …
     """

    event: str
    version: int
    position: int
    org: str
    actor: str
    accounting_date: datetime.date
    recorded_at: datetime.datetime
    command_id: UUID
    details: VendorEntryOutDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.vendor_entry_out_details import VendorEntryOutDetails # noqa: PLC0415
        event = self.event

        version = self.version

        position = self.position

        org = self.org

        actor = self.actor

        accounting_date = self.accounting_date.isoformat()

        recorded_at = self.recorded_at.isoformat()

        command_id = str(self.command_id)

        details = self.details.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "event": event,
            "version": version,
            "position": position,
            "org": org,
            "actor": actor,
            "accounting_date": accounting_date,
            "recorded_at": recorded_at,
            "command_id": command_id,
            "details": details,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vendor_entry_out_details import VendorEntryOutDetails # noqa: PLC0415
        d = dict(src_dict)
        event = d.pop("event")

        version = d.pop("version")

        position = d.pop("position")

        org = d.pop("org")

        actor = d.pop("actor")

        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        command_id = UUID(d.pop("command_id"))




        details = VendorEntryOutDetails.from_dict(d.pop("details"))




        vendor_entry_out = cls(
            event=event,
            version=version,
            position=position,
            org=org,
            actor=actor,
            accounting_date=accounting_date,
            recorded_at=recorded_at,
            command_id=command_id,
            details=details,
        )


        vendor_entry_out.additional_properties = d
        return vendor_entry_out

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
