from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.budget_actual_out import BudgetActualOut





T = TypeVar("T", bound="BudgetVsActualOut")



@_attrs_define
class BudgetVsActualOut:
    """ 예산 대비 집행: each budget line of the year, with totals.

        Attributes:
            org (str):
            fiscal_year (int):
            lines (list[BudgetActualOut]):
            total_current_budget (int):
            total_obligated (int):
            total_paid (int):
     """

    org: str
    fiscal_year: int
    lines: list[BudgetActualOut]
    total_current_budget: int
    total_obligated: int
    total_paid: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_actual_out import BudgetActualOut # noqa: PLC0415
        org = self.org

        fiscal_year = self.fiscal_year

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        total_current_budget = self.total_current_budget

        total_obligated = self.total_obligated

        total_paid = self.total_paid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "fiscal_year": fiscal_year,
            "lines": lines,
            "total_current_budget": total_current_budget,
            "total_obligated": total_obligated,
            "total_paid": total_paid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_actual_out import BudgetActualOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = BudgetActualOut.from_dict(lines_item_data)



            lines.append(lines_item)


        total_current_budget = d.pop("total_current_budget")

        total_obligated = d.pop("total_obligated")

        total_paid = d.pop("total_paid")

        budget_vs_actual_out = cls(
            org=org,
            fiscal_year=fiscal_year,
            lines=lines,
            total_current_budget=total_current_budget,
            total_obligated=total_obligated,
            total_paid=total_paid,
        )


        budget_vs_actual_out.additional_properties = d
        return budget_vs_actual_out

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
