from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LineBalancesOut")



@_attrs_define
class LineBalancesOut:
    """ The line's amounts (won) after an event.

        Attributes:
            appropriated (int): 본예산
            amended (int): 추경, net
            transferred_in (int): 전용·이용 received
            transferred_out (int): 전용·이용 and 예비비 given
            contingency (int): 예비비 granted to the line
            carried_in (int): 이월 received
            current_budget (int): 예산현액
            allocated_q1 (int):
            allocated_q2 (int):
            allocated_q3 (int):
            allocated_q4 (int):
            allocated (int): 배정액, all quarters
            obligated (int): 원인행위액
            paid (int): 지출액, net of returns
            remaining (int): 잔액: current budget − obligated
            carried_over (int): 이월액
            lapsed (int): 불용액, recorded at year close
            closed (bool):
     """

    appropriated: int
    amended: int
    transferred_in: int
    transferred_out: int
    contingency: int
    carried_in: int
    current_budget: int
    allocated_q1: int
    allocated_q2: int
    allocated_q3: int
    allocated_q4: int
    allocated: int
    obligated: int
    paid: int
    remaining: int
    carried_over: int
    lapsed: int
    closed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        appropriated = self.appropriated

        amended = self.amended

        transferred_in = self.transferred_in

        transferred_out = self.transferred_out

        contingency = self.contingency

        carried_in = self.carried_in

        current_budget = self.current_budget

        allocated_q1 = self.allocated_q1

        allocated_q2 = self.allocated_q2

        allocated_q3 = self.allocated_q3

        allocated_q4 = self.allocated_q4

        allocated = self.allocated

        obligated = self.obligated

        paid = self.paid

        remaining = self.remaining

        carried_over = self.carried_over

        lapsed = self.lapsed

        closed = self.closed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "appropriated": appropriated,
            "amended": amended,
            "transferred_in": transferred_in,
            "transferred_out": transferred_out,
            "contingency": contingency,
            "carried_in": carried_in,
            "current_budget": current_budget,
            "allocated_q1": allocated_q1,
            "allocated_q2": allocated_q2,
            "allocated_q3": allocated_q3,
            "allocated_q4": allocated_q4,
            "allocated": allocated,
            "obligated": obligated,
            "paid": paid,
            "remaining": remaining,
            "carried_over": carried_over,
            "lapsed": lapsed,
            "closed": closed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appropriated = d.pop("appropriated")

        amended = d.pop("amended")

        transferred_in = d.pop("transferred_in")

        transferred_out = d.pop("transferred_out")

        contingency = d.pop("contingency")

        carried_in = d.pop("carried_in")

        current_budget = d.pop("current_budget")

        allocated_q1 = d.pop("allocated_q1")

        allocated_q2 = d.pop("allocated_q2")

        allocated_q3 = d.pop("allocated_q3")

        allocated_q4 = d.pop("allocated_q4")

        allocated = d.pop("allocated")

        obligated = d.pop("obligated")

        paid = d.pop("paid")

        remaining = d.pop("remaining")

        carried_over = d.pop("carried_over")

        lapsed = d.pop("lapsed")

        closed = d.pop("closed")

        line_balances_out = cls(
            appropriated=appropriated,
            amended=amended,
            transferred_in=transferred_in,
            transferred_out=transferred_out,
            contingency=contingency,
            carried_in=carried_in,
            current_budget=current_budget,
            allocated_q1=allocated_q1,
            allocated_q2=allocated_q2,
            allocated_q3=allocated_q3,
            allocated_q4=allocated_q4,
            allocated=allocated,
            obligated=obligated,
            paid=paid,
            remaining=remaining,
            carried_over=carried_over,
            lapsed=lapsed,
            closed=closed,
        )


        line_balances_out.additional_properties = d
        return line_balances_out

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
