from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="BudgetActualOut")



@_attrs_define
class BudgetActualOut:
    """ 
        Attributes:
            line_id (UUID): The budget line (예산과목)
            code (str):
            title (str):
            current_budget (int): 예산현액
            allocated (int): 배정액
            obligated (int): 원인행위액
            paid (int): 지출액, net of returns
            remaining (int): 잔액: current budget − obligated
            execution_rate (str): 집행률: paid / current budget in percent, two decimals (a decimal string)
     """

    line_id: UUID
    code: str
    title: str
    current_budget: int
    allocated: int
    obligated: int
    paid: int
    remaining: int
    execution_rate: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        line_id = str(self.line_id)

        code = self.code

        title = self.title

        current_budget = self.current_budget

        allocated = self.allocated

        obligated = self.obligated

        paid = self.paid

        remaining = self.remaining

        execution_rate = self.execution_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line_id": line_id,
            "code": code,
            "title": title,
            "current_budget": current_budget,
            "allocated": allocated,
            "obligated": obligated,
            "paid": paid,
            "remaining": remaining,
            "execution_rate": execution_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line_id = UUID(d.pop("line_id"))




        code = d.pop("code")

        title = d.pop("title")

        current_budget = d.pop("current_budget")

        allocated = d.pop("allocated")

        obligated = d.pop("obligated")

        paid = d.pop("paid")

        remaining = d.pop("remaining")

        execution_rate = d.pop("execution_rate")

        budget_actual_out = cls(
            line_id=line_id,
            code=code,
            title=title,
            current_budget=current_budget,
            allocated=allocated,
            obligated=obligated,
            paid=paid,
            remaining=remaining,
            execution_rate=execution_rate,
        )


        budget_actual_out.additional_properties = d
        return budget_actual_out

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
