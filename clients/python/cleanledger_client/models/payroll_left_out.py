from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="PayrollLeftOut")



@_attrs_define
class PayrollLeftOut:
    """ Someone with a regular payslip the month before and none this month.

        Attributes:
            employee_id (UUID):
            employee_number (str):
            gross (int):
            deducted (int):
            net (int):
            employer_total (int):
     """

    employee_id: UUID
    employee_number: str
    gross: int
    deducted: int
    net: int
    employer_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        employee_id = str(self.employee_id)

        employee_number = self.employee_number

        gross = self.gross

        deducted = self.deducted

        net = self.net

        employer_total = self.employer_total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employee_id": employee_id,
            "employee_number": employee_number,
            "gross": gross,
            "deducted": deducted,
            "net": net,
            "employer_total": employer_total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))




        employee_number = d.pop("employee_number")

        gross = d.pop("gross")

        deducted = d.pop("deducted")

        net = d.pop("net")

        employer_total = d.pop("employer_total")

        payroll_left_out = cls(
            employee_id=employee_id,
            employee_number=employee_number,
            gross=gross,
            deducted=deducted,
            net=net,
            employer_total=employer_total,
        )


        payroll_left_out.additional_properties = d
        return payroll_left_out

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
