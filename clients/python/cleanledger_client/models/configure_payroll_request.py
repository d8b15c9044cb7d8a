from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.severance_accrual import SeveranceAccrual
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.configure_payroll_request_lines import ConfigurePayrollRequestLines





T = TypeVar("T", bound="ConfigurePayrollRequest")



@_attrs_define
class ConfigurePayrollRequest:
    """ 급여 기본설정 for the fiscal year: the budget line each part of the payroll is paid from.

        Attributes:
            accounting_date (datetime.date):
            lines (ConfigurePayrollRequestLines): Budget line per item: 101-01 (pay) required; 304-01, 304-02, 304-03 for
                the employer's shares that occur
            severance_accrual (SeveranceAccrual | Unset):
     """

    accounting_date: datetime.date
    lines: ConfigurePayrollRequestLines
    severance_accrual: SeveranceAccrual | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.configure_payroll_request_lines import ConfigurePayrollRequestLines # noqa: PLC0415
        accounting_date = self.accounting_date.isoformat()

        lines = self.lines.to_dict()

        severance_accrual: str | Unset = UNSET
        if not isinstance(self.severance_accrual, Unset):
            severance_accrual = self.severance_accrual.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "lines": lines,
        })
        if severance_accrual is not UNSET:
            field_dict["severance_accrual"] = severance_accrual

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.configure_payroll_request_lines import ConfigurePayrollRequestLines # noqa: PLC0415
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        lines = ConfigurePayrollRequestLines.from_dict(d.pop("lines"))




        _severance_accrual = d.pop("severance_accrual", UNSET)
        severance_accrual: SeveranceAccrual | Unset
        if isinstance(_severance_accrual,  Unset):
            severance_accrual = UNSET
        else:
            severance_accrual = SeveranceAccrual(_severance_accrual)




        configure_payroll_request = cls(
            accounting_date=accounting_date,
            lines=lines,
            severance_accrual=severance_accrual,
        )

        return configure_payroll_request

