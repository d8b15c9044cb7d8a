from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PayrollTotalsOut")



@_attrs_define
class PayrollTotalsOut:
    """ 
        Attributes:
            payslips (int):
            gross (int):
            deducted (int):
            net (int):
            employer (int):
     """

    payslips: int
    gross: int
    deducted: int
    net: int
    employer: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        payslips = self.payslips

        gross = self.gross

        deducted = self.deducted

        net = self.net

        employer = self.employer


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "payslips": payslips,
            "gross": gross,
            "deducted": deducted,
            "net": net,
            "employer": employer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payslips = d.pop("payslips")

        gross = d.pop("gross")

        deducted = d.pop("deducted")

        net = d.pop("net")

        employer = d.pop("employer")

        payroll_totals_out = cls(
            payslips=payslips,
            gross=gross,
            deducted=deducted,
            net=net,
            employer=employer,
        )


        payroll_totals_out.additional_properties = d
        return payroll_totals_out

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
