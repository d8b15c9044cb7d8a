from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CalculatePayrollRunRequest")



@_attrs_define
class CalculatePayrollRunRequest:
    """ 계산: every employee, from the personnel record of each day of the month, the month's
    attendance and the tables in force; ``retroactive_from`` recalculates the paid months from
    then on with today's tables and records, and pays the differences in this run (소급).

        Attributes:
            accounting_date (datetime.date):
            retroactive_from (None | str | Unset):
            year_end_settlement (bool | Unset): February's run only: settle the previous year's tax of everyone in service
                (연말정산) Default: False.
     """

    accounting_date: datetime.date
    retroactive_from: None | str | Unset = UNSET
    year_end_settlement: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        retroactive_from: None | str | Unset
        if isinstance(self.retroactive_from, Unset):
            retroactive_from = UNSET
        else:
            retroactive_from = self.retroactive_from

        year_end_settlement = self.year_end_settlement


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
        })
        if retroactive_from is not UNSET:
            field_dict["retroactive_from"] = retroactive_from
        if year_end_settlement is not UNSET:
            field_dict["year_end_settlement"] = year_end_settlement

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        def _parse_retroactive_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        retroactive_from = _parse_retroactive_from(d.pop("retroactive_from", UNSET))


        year_end_settlement = d.pop("year_end_settlement", UNSET)

        calculate_payroll_run_request = cls(
            accounting_date=accounting_date,
            retroactive_from=retroactive_from,
            year_end_settlement=year_end_settlement,
        )

        return calculate_payroll_run_request

