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
  from ..models.leave_out_expiring_item import LeaveOutExpiringItem





T = TypeVar("T", bound="LeaveOut")



@_attrs_define
class LeaveOut:
    """ Annual leave (연차) on a day, in full-time days (fractions as decimals, 3 places).

        Attributes:
            employee_id (UUID):
            on (datetime.date):
            entitled (str): Rights usable that day
            taken (str): Taken of them
            balance (str): Left
            expiring (list[LeaveOutExpiringItem]): [{use_until, days}], soonest first
     """

    employee_id: UUID
    on: datetime.date
    entitled: str
    taken: str
    balance: str
    expiring: list[LeaveOutExpiringItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.leave_out_expiring_item import LeaveOutExpiringItem # noqa: PLC0415
        employee_id = str(self.employee_id)

        on = self.on.isoformat()

        entitled = self.entitled

        taken = self.taken

        balance = self.balance

        expiring = []
        for expiring_item_data in self.expiring:
            expiring_item = expiring_item_data.to_dict()
            expiring.append(expiring_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employee_id": employee_id,
            "on": on,
            "entitled": entitled,
            "taken": taken,
            "balance": balance,
            "expiring": expiring,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.leave_out_expiring_item import LeaveOutExpiringItem # noqa: PLC0415
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))




        on = datetime.date.fromisoformat(d.pop("on"))




        entitled = d.pop("entitled")

        taken = d.pop("taken")

        balance = d.pop("balance")

        expiring = []
        _expiring = d.pop("expiring")
        for expiring_item_data in (_expiring):
            expiring_item = LeaveOutExpiringItem.from_dict(expiring_item_data)



            expiring.append(expiring_item)


        leave_out = cls(
            employee_id=employee_id,
            on=on,
            entitled=entitled,
            taken=taken,
            balance=balance,
            expiring=expiring,
        )


        leave_out.additional_properties = d
        return leave_out

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
