from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.statement_line_out import StatementLineOut





T = TypeVar("T", bound="IncomeStatementOut")



@_attrs_define
class IncomeStatementOut:
    """ 재정운영표 / 손익계산서: revenue and expenses of a period.

        Attributes:
            org (str):
            start (datetime.date):
            end (datetime.date):
            revenue (list[StatementLineOut]):
            expenses (list[StatementLineOut]):
            total_revenue (int):
            total_expenses (int):
            surplus (int): 재정운영결과: total revenue − total expenses
     """

    org: str
    start: datetime.date
    end: datetime.date
    revenue: list[StatementLineOut]
    expenses: list[StatementLineOut]
    total_revenue: int
    total_expenses: int
    surplus: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_line_out import StatementLineOut # noqa: PLC0415
        org = self.org

        start = self.start.isoformat()

        end = self.end.isoformat()

        revenue = []
        for revenue_item_data in self.revenue:
            revenue_item = revenue_item_data.to_dict()
            revenue.append(revenue_item)



        expenses = []
        for expenses_item_data in self.expenses:
            expenses_item = expenses_item_data.to_dict()
            expenses.append(expenses_item)



        total_revenue = self.total_revenue

        total_expenses = self.total_expenses

        surplus = self.surplus


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "start": start,
            "end": end,
            "revenue": revenue,
            "expenses": expenses,
            "total_revenue": total_revenue,
            "total_expenses": total_expenses,
            "surplus": surplus,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_line_out import StatementLineOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        start = datetime.date.fromisoformat(d.pop("start"))




        end = datetime.date.fromisoformat(d.pop("end"))




        revenue = []
        _revenue = d.pop("revenue")
        for revenue_item_data in (_revenue):
            revenue_item = StatementLineOut.from_dict(revenue_item_data)



            revenue.append(revenue_item)


        expenses = []
        _expenses = d.pop("expenses")
        for expenses_item_data in (_expenses):
            expenses_item = StatementLineOut.from_dict(expenses_item_data)



            expenses.append(expenses_item)


        total_revenue = d.pop("total_revenue")

        total_expenses = d.pop("total_expenses")

        surplus = d.pop("surplus")

        income_statement_out = cls(
            org=org,
            start=start,
            end=end,
            revenue=revenue,
            expenses=expenses,
            total_revenue=total_revenue,
            total_expenses=total_expenses,
            surplus=surplus,
        )


        income_statement_out.additional_properties = d
        return income_statement_out

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
