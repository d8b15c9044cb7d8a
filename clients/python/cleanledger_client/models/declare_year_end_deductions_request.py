from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DeclareYearEndDeductionsRequest")



@_attrs_define
class DeclareYearEndDeductionsRequest:
    """ 소득·세액공제 신고 of an employee for a year, in won: sealed as personal data; a second
    declaration for the same year replaces the first.

        Attributes:
            accounting_date (datetime.date):
            employee_number (str): 사번
            year (int):
            other_income_deductions (int | Unset): 그 밖의 소득공제, as computed Default: 0.
            insurance_premiums (int | Unset): 보장성보험료 Default: 0.
            medical_expenses (int | Unset): 의료비 Default: 0.
            education_expenses (int | Unset): 교육비 Default: 0.
            donations (int | Unset): 기부금 Default: 0.
     """

    accounting_date: datetime.date
    employee_number: str
    year: int
    other_income_deductions: int | Unset = 0
    insurance_premiums: int | Unset = 0
    medical_expenses: int | Unset = 0
    education_expenses: int | Unset = 0
    donations: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        employee_number = self.employee_number

        year = self.year

        other_income_deductions = self.other_income_deductions

        insurance_premiums = self.insurance_premiums

        medical_expenses = self.medical_expenses

        education_expenses = self.education_expenses

        donations = self.donations


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "employee_number": employee_number,
            "year": year,
        })
        if other_income_deductions is not UNSET:
            field_dict["other_income_deductions"] = other_income_deductions
        if insurance_premiums is not UNSET:
            field_dict["insurance_premiums"] = insurance_premiums
        if medical_expenses is not UNSET:
            field_dict["medical_expenses"] = medical_expenses
        if education_expenses is not UNSET:
            field_dict["education_expenses"] = education_expenses
        if donations is not UNSET:
            field_dict["donations"] = donations

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        employee_number = d.pop("employee_number")

        year = d.pop("year")

        other_income_deductions = d.pop("other_income_deductions", UNSET)

        insurance_premiums = d.pop("insurance_premiums", UNSET)

        medical_expenses = d.pop("medical_expenses", UNSET)

        education_expenses = d.pop("education_expenses", UNSET)

        donations = d.pop("donations", UNSET)

        declare_year_end_deductions_request = cls(
            accounting_date=accounting_date,
            employee_number=employee_number,
            year=year,
            other_income_deductions=other_income_deductions,
            insurance_premiums=insurance_premiums,
            medical_expenses=medical_expenses,
            education_expenses=education_expenses,
            donations=donations,
        )

        return declare_year_end_deductions_request

