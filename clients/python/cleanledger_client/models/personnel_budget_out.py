from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PersonnelBudgetOut")



@_attrs_define
class PersonnelBudgetOut:
    """ 
        Attributes:
            current_budget (int): 예산현액 of the 101-xx and 304-xx lines
            paid (int | None): 지출액 of those lines (hidden with the pay figures)
     """

    current_budget: int
    paid: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        current_budget = self.current_budget

        paid: int | None
        paid = self.paid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "current_budget": current_budget,
            "paid": paid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current_budget = d.pop("current_budget")

        def _parse_paid(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        paid = _parse_paid(d.pop("paid"))


        personnel_budget_out = cls(
            current_budget=current_budget,
            paid=paid,
        )


        personnel_budget_out.additional_properties = d
        return personnel_budget_out

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
