from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PublicProgramsTotals")



@_attrs_define
class PublicProgramsTotals:
    """ 합계: the count and the amount sums over every row the filters select (all pages).

        Attributes:
            count (int): 건수: rows the filters select
            appropriated (int): 본예산 합계 (won)
            amended (int): 추경 합계 (won)
            transferred (int): 전용·이용 합계 (won)
            contingency (int): 예비비 합계 (won)
            carried_in (int): 이월액(전년도) 합계 (won)
            current_budget (int): 예산현액 합계 (won)
            allocated (int): 배정액 합계 (won)
            obligated (int): 원인행위액 합계 (won)
            vouchered (int): 지출결의액 합계 (won)
            paid (int): 지출액 합계 (won)
            carried_over (int): 이월액 합계 (won)
     """

    count: int
    appropriated: int
    amended: int
    transferred: int
    contingency: int
    carried_in: int
    current_budget: int
    allocated: int
    obligated: int
    vouchered: int
    paid: int
    carried_over: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        appropriated = self.appropriated

        amended = self.amended

        transferred = self.transferred

        contingency = self.contingency

        carried_in = self.carried_in

        current_budget = self.current_budget

        allocated = self.allocated

        obligated = self.obligated

        vouchered = self.vouchered

        paid = self.paid

        carried_over = self.carried_over


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "appropriated": appropriated,
            "amended": amended,
            "transferred": transferred,
            "contingency": contingency,
            "carried_in": carried_in,
            "current_budget": current_budget,
            "allocated": allocated,
            "obligated": obligated,
            "vouchered": vouchered,
            "paid": paid,
            "carried_over": carried_over,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        appropriated = d.pop("appropriated")

        amended = d.pop("amended")

        transferred = d.pop("transferred")

        contingency = d.pop("contingency")

        carried_in = d.pop("carried_in")

        current_budget = d.pop("current_budget")

        allocated = d.pop("allocated")

        obligated = d.pop("obligated")

        vouchered = d.pop("vouchered")

        paid = d.pop("paid")

        carried_over = d.pop("carried_over")

        public_programs_totals = cls(
            count=count,
            appropriated=appropriated,
            amended=amended,
            transferred=transferred,
            contingency=contingency,
            carried_in=carried_in,
            current_budget=current_budget,
            allocated=allocated,
            obligated=obligated,
            vouchered=vouchered,
            paid=paid,
            carried_over=carried_over,
        )


        public_programs_totals.additional_properties = d
        return public_programs_totals

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
