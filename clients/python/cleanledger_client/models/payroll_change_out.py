from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.payroll_change_out_deductions import PayrollChangeOutDeductions
  from ..models.payroll_change_out_earnings import PayrollChangeOutEarnings
  from ..models.payroll_change_out_employer import PayrollChangeOutEmployer





T = TypeVar("T", bound="PayrollChangeOut")



@_attrs_define
class PayrollChangeOut:
    """ This month's regular payslip less last month's, in total and per item (each item either
    month carries; one a month lacks counts 0 there).

        Attributes:
            earnings (PayrollChangeOutEarnings): 지급 항목: code → won (ABSENCE, a deduction of pay, negative)
            deductions (PayrollChangeOutDeductions): 공제 항목: code → won
            employer (PayrollChangeOutEmployer): 기관부담금: code → won
            previous (bool): Whether there was a regular payslip the month before
            gross (int):
            deducted (int):
            net (int):
            employer_total (int):
     """

    earnings: PayrollChangeOutEarnings
    deductions: PayrollChangeOutDeductions
    employer: PayrollChangeOutEmployer
    previous: bool
    gross: int
    deducted: int
    net: int
    employer_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_change_out_deductions import PayrollChangeOutDeductions # noqa: PLC0415
        from ..models.payroll_change_out_earnings import PayrollChangeOutEarnings # noqa: PLC0415
        from ..models.payroll_change_out_employer import PayrollChangeOutEmployer # noqa: PLC0415
        earnings = self.earnings.to_dict()

        deductions = self.deductions.to_dict()

        employer = self.employer.to_dict()

        previous = self.previous

        gross = self.gross

        deducted = self.deducted

        net = self.net

        employer_total = self.employer_total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "earnings": earnings,
            "deductions": deductions,
            "employer": employer,
            "previous": previous,
            "gross": gross,
            "deducted": deducted,
            "net": net,
            "employer_total": employer_total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_change_out_deductions import PayrollChangeOutDeductions # noqa: PLC0415
        from ..models.payroll_change_out_earnings import PayrollChangeOutEarnings # noqa: PLC0415
        from ..models.payroll_change_out_employer import PayrollChangeOutEmployer # noqa: PLC0415
        d = dict(src_dict)
        earnings = PayrollChangeOutEarnings.from_dict(d.pop("earnings"))




        deductions = PayrollChangeOutDeductions.from_dict(d.pop("deductions"))




        employer = PayrollChangeOutEmployer.from_dict(d.pop("employer"))




        previous = d.pop("previous")

        gross = d.pop("gross")

        deducted = d.pop("deducted")

        net = d.pop("net")

        employer_total = d.pop("employer_total")

        payroll_change_out = cls(
            earnings=earnings,
            deductions=deductions,
            employer=employer,
            previous=previous,
            gross=gross,
            deducted=deducted,
            net=net,
            employer_total=employer_total,
        )


        payroll_change_out.additional_properties = d
        return payroll_change_out

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
