from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SetPayrollProfileRequest")



@_attrs_define
class SetPayrollProfileRequest:
    """ 급여 기본정보 of an employee, from ``effective_month`` on.

        Attributes:
            accounting_date (datetime.date):
            employee_number (str): 사번
            effective_month (str): 귀속월, YYYY-MM
            family (int): 공제대상가족 수, the employee included (1–30)
            children (int | Unset): Children among them (자녀수당) Default: 0.
            children_8_to_20 (int | Unset): Children of 8 to 20 among them (자녀 공제) Default: 0.
            withholding_percent (int | Unset): 80, 100 or 120 (원천징수 선택) Default: 100.
     """

    accounting_date: datetime.date
    employee_number: str
    effective_month: str
    family: int
    children: int | Unset = 0
    children_8_to_20: int | Unset = 0
    withholding_percent: int | Unset = 100





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        employee_number = self.employee_number

        effective_month = self.effective_month

        family = self.family

        children = self.children

        children_8_to_20 = self.children_8_to_20

        withholding_percent = self.withholding_percent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "employee_number": employee_number,
            "effective_month": effective_month,
            "family": family,
        })
        if children is not UNSET:
            field_dict["children"] = children
        if children_8_to_20 is not UNSET:
            field_dict["children_8_to_20"] = children_8_to_20
        if withholding_percent is not UNSET:
            field_dict["withholding_percent"] = withholding_percent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        employee_number = d.pop("employee_number")

        effective_month = d.pop("effective_month")

        family = d.pop("family")

        children = d.pop("children", UNSET)

        children_8_to_20 = d.pop("children_8_to_20", UNSET)

        withholding_percent = d.pop("withholding_percent", UNSET)

        set_payroll_profile_request = cls(
            accounting_date=accounting_date,
            employee_number=employee_number,
            effective_month=effective_month,
            family=family,
            children=children,
            children_8_to_20=children_8_to_20,
            withholding_percent=withholding_percent,
        )

        return set_payroll_profile_request

