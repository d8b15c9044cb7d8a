from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="OpenRevenueLineRequest")



@_attrs_define
class OpenRevenueLineRequest:
    """ 세입예산 편성: open a revenue line (장-관-항-목) with its budgeted estimate (세입예산액).

        Attributes:
            accounting_date (datetime.date):
            revenue_code (str):
            title (str): Title of the line (세부사업명, 세입과목명): at most 200 characters, one line, no control characters; stored
                in Unicode NFC
            estimate (int):
     """

    accounting_date: datetime.date
    revenue_code: str
    title: str
    estimate: int





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        revenue_code = self.revenue_code

        title = self.title

        estimate = self.estimate


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "revenue_code": revenue_code,
            "title": title,
            "estimate": estimate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        revenue_code = d.pop("revenue_code")

        title = d.pop("title")

        estimate = d.pop("estimate")

        open_revenue_line_request = cls(
            accounting_date=accounting_date,
            revenue_code=revenue_code,
            title=title,
            estimate=estimate,
        )

        return open_revenue_line_request

