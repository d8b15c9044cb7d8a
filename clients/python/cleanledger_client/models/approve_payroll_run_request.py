from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ApprovePayrollRunRequest")



@_attrs_define
class ApprovePayrollRunRequest:
    """ 결재, by someone other than whoever calculated the run.

        Attributes:
            accounting_date (datetime.date):
     """

    accounting_date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        approve_payroll_run_request = cls(
            accounting_date=accounting_date,
        )

        return approve_payroll_run_request

