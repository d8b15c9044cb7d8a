from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.account_line_out import AccountLineOut





T = TypeVar("T", bound="TrialBalanceOut")



@_attrs_define
class TrialBalanceOut:
    """ 잔액시산표: opening, movements and closing balance per account.

        Attributes:
            org (str):
            period_start (datetime.date):
            as_of (datetime.date):
            lines (list[AccountLineOut]):
            total_debit (int): Σ debits of the period; equals total_credit
            total_credit (int):
            closing_debit_balances (int): Σ closing debit balances; equals the credit ones
            closing_credit_balances (int):
     """

    org: str
    period_start: datetime.date
    as_of: datetime.date
    lines: list[AccountLineOut]
    total_debit: int
    total_credit: int
    closing_debit_balances: int
    closing_credit_balances: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_line_out import AccountLineOut # noqa: PLC0415
        org = self.org

        period_start = self.period_start.isoformat()

        as_of = self.as_of.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        total_debit = self.total_debit

        total_credit = self.total_credit

        closing_debit_balances = self.closing_debit_balances

        closing_credit_balances = self.closing_credit_balances


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "period_start": period_start,
            "as_of": as_of,
            "lines": lines,
            "total_debit": total_debit,
            "total_credit": total_credit,
            "closing_debit_balances": closing_debit_balances,
            "closing_credit_balances": closing_credit_balances,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_line_out import AccountLineOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))




        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = AccountLineOut.from_dict(lines_item_data)



            lines.append(lines_item)


        total_debit = d.pop("total_debit")

        total_credit = d.pop("total_credit")

        closing_debit_balances = d.pop("closing_debit_balances")

        closing_credit_balances = d.pop("closing_credit_balances")

        trial_balance_out = cls(
            org=org,
            period_start=period_start,
            as_of=as_of,
            lines=lines,
            total_debit=total_debit,
            total_credit=total_credit,
            closing_debit_balances=closing_debit_balances,
            closing_credit_balances=closing_credit_balances,
        )


        trial_balance_out.additional_properties = d
        return trial_balance_out

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
