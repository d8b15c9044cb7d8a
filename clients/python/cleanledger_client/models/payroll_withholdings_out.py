from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.payroll_withholding_kind_out import PayrollWithholdingKindOut
  from ..models.payroll_withholding_month_out import PayrollWithholdingMonthOut





T = TypeVar("T", bound="PayrollWithholdingsOut")



@_attrs_define
class PayrollWithholdingsOut:
    """ 예수금 잔액: withheld by the date and not remitted by it.

        Attributes:
            org (str):
            as_of (datetime.date):
            kinds (list[PayrollWithholdingKindOut]):
            months (list[PayrollWithholdingMonthOut]):
            total (int):
     """

    org: str
    as_of: datetime.date
    kinds: list[PayrollWithholdingKindOut]
    months: list[PayrollWithholdingMonthOut]
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_withholding_kind_out import PayrollWithholdingKindOut # noqa: PLC0415
        from ..models.payroll_withholding_month_out import PayrollWithholdingMonthOut # noqa: PLC0415
        org = self.org

        as_of = self.as_of.isoformat()

        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.to_dict()
            kinds.append(kinds_item)



        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)



        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "as_of": as_of,
            "kinds": kinds,
            "months": months,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_withholding_kind_out import PayrollWithholdingKindOut # noqa: PLC0415
        from ..models.payroll_withholding_month_out import PayrollWithholdingMonthOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in (_kinds):
            kinds_item = PayrollWithholdingKindOut.from_dict(kinds_item_data)



            kinds.append(kinds_item)


        months = []
        _months = d.pop("months")
        for months_item_data in (_months):
            months_item = PayrollWithholdingMonthOut.from_dict(months_item_data)



            months.append(months_item)


        total = d.pop("total")

        payroll_withholdings_out = cls(
            org=org,
            as_of=as_of,
            kinds=kinds,
            months=months,
            total=total,
        )


        payroll_withholdings_out.additional_properties = d
        return payroll_withholdings_out

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
