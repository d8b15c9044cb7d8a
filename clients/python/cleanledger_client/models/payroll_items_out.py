from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.payroll_items_out_deductions import PayrollItemsOutDeductions
  from ..models.payroll_items_out_earnings import PayrollItemsOutEarnings
  from ..models.payroll_items_out_employer import PayrollItemsOutEmployer





T = TypeVar("T", bound="PayrollItemsOut")



@_attrs_define
class PayrollItemsOut:
    """ 
        Attributes:
            earnings (PayrollItemsOutEarnings): 지급 항목: code → won (ABSENCE, a deduction of pay, negative)
            deductions (PayrollItemsOutDeductions): 공제 항목: code → won
            employer (PayrollItemsOutEmployer): 기관부담금: code → won
     """

    earnings: PayrollItemsOutEarnings
    deductions: PayrollItemsOutDeductions
    employer: PayrollItemsOutEmployer
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_items_out_deductions import PayrollItemsOutDeductions # noqa: PLC0415
        from ..models.payroll_items_out_earnings import PayrollItemsOutEarnings # noqa: PLC0415
        from ..models.payroll_items_out_employer import PayrollItemsOutEmployer # noqa: PLC0415
        earnings = self.earnings.to_dict()

        deductions = self.deductions.to_dict()

        employer = self.employer.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "earnings": earnings,
            "deductions": deductions,
            "employer": employer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_items_out_deductions import PayrollItemsOutDeductions # noqa: PLC0415
        from ..models.payroll_items_out_earnings import PayrollItemsOutEarnings # noqa: PLC0415
        from ..models.payroll_items_out_employer import PayrollItemsOutEmployer # noqa: PLC0415
        d = dict(src_dict)
        earnings = PayrollItemsOutEarnings.from_dict(d.pop("earnings"))




        deductions = PayrollItemsOutDeductions.from_dict(d.pop("deductions"))




        employer = PayrollItemsOutEmployer.from_dict(d.pop("employer"))




        payroll_items_out = cls(
            earnings=earnings,
            deductions=deductions,
            employer=employer,
        )


        payroll_items_out.additional_properties = d
        return payroll_items_out

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
