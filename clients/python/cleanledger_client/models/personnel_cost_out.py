from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.personnel_budget_out import PersonnelBudgetOut





T = TypeVar("T", bound="PersonnelCostOut")



@_attrs_define
class PersonnelCostOut:
    """ 인건비: the paid runs of the year against the personnel budget, as aggregates.

        Attributes:
            org (str):
            name (str):
            year (int):
            months_paid (int): Months whose run's pay went out
            budget (PersonnelBudgetOut):
            minimum_cell (int): Fewer employees than this on average: the pay figures are hidden
            suppressed (bool):
            suppression (None | str): Why the figures are hidden, when they are
            personnel_cost (int | None): Pay and the employer's shares of the paid runs
            pay (int | None): 보수: gross pay
            employer_contributions (int | None): 기관부담금
            cost_to_budget_percent (None | str): The personnel cost over the current budget, %
            average_headcount (None | str): Distinct employees paid in each paid month, averaged over those months
            cost_per_head (int | None): The personnel cost over the average headcount
     """

    org: str
    name: str
    year: int
    months_paid: int
    budget: PersonnelBudgetOut
    minimum_cell: int
    suppressed: bool
    suppression: None | str
    personnel_cost: int | None
    pay: int | None
    employer_contributions: int | None
    cost_to_budget_percent: None | str
    average_headcount: None | str
    cost_per_head: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.personnel_budget_out import PersonnelBudgetOut # noqa: PLC0415
        org = self.org

        name = self.name

        year = self.year

        months_paid = self.months_paid

        budget = self.budget.to_dict()

        minimum_cell = self.minimum_cell

        suppressed = self.suppressed

        suppression: None | str
        suppression = self.suppression

        personnel_cost: int | None
        personnel_cost = self.personnel_cost

        pay: int | None
        pay = self.pay

        employer_contributions: int | None
        employer_contributions = self.employer_contributions

        cost_to_budget_percent: None | str
        cost_to_budget_percent = self.cost_to_budget_percent

        average_headcount: None | str
        average_headcount = self.average_headcount

        cost_per_head: int | None
        cost_per_head = self.cost_per_head


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "name": name,
            "year": year,
            "months_paid": months_paid,
            "budget": budget,
            "minimum_cell": minimum_cell,
            "suppressed": suppressed,
            "suppression": suppression,
            "personnel_cost": personnel_cost,
            "pay": pay,
            "employer_contributions": employer_contributions,
            "cost_to_budget_percent": cost_to_budget_percent,
            "average_headcount": average_headcount,
            "cost_per_head": cost_per_head,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personnel_budget_out import PersonnelBudgetOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        name = d.pop("name")

        year = d.pop("year")

        months_paid = d.pop("months_paid")

        budget = PersonnelBudgetOut.from_dict(d.pop("budget"))




        minimum_cell = d.pop("minimum_cell")

        suppressed = d.pop("suppressed")

        def _parse_suppression(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suppression = _parse_suppression(d.pop("suppression"))


        def _parse_personnel_cost(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        personnel_cost = _parse_personnel_cost(d.pop("personnel_cost"))


        def _parse_pay(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pay = _parse_pay(d.pop("pay"))


        def _parse_employer_contributions(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        employer_contributions = _parse_employer_contributions(d.pop("employer_contributions"))


        def _parse_cost_to_budget_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost_to_budget_percent = _parse_cost_to_budget_percent(d.pop("cost_to_budget_percent"))


        def _parse_average_headcount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_headcount = _parse_average_headcount(d.pop("average_headcount"))


        def _parse_cost_per_head(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cost_per_head = _parse_cost_per_head(d.pop("cost_per_head"))


        personnel_cost_out = cls(
            org=org,
            name=name,
            year=year,
            months_paid=months_paid,
            budget=budget,
            minimum_cell=minimum_cell,
            suppressed=suppressed,
            suppression=suppression,
            personnel_cost=personnel_cost,
            pay=pay,
            employer_contributions=employer_contributions,
            cost_to_budget_percent=cost_to_budget_percent,
            average_headcount=average_headcount,
            cost_per_head=cost_per_head,
        )


        personnel_cost_out.additional_properties = d
        return personnel_cost_out

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
