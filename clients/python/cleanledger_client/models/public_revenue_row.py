from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PublicRevenueRow")



@_attrs_define
class PublicRevenueRow:
    """ One row of 세입현황 (revenue).

        Attributes:
            line_id (UUID): 세입과목 ID
            org (str): 기관코드
            fiscal_year (int): 회계연도
            code (None | str): 세입과목코드
            title (None | str): 세입과목명
            estimate (int): 세입예산액
            assessed (int): 부과액
            billed (int): 징수결정액
            collected (int): 수납액
            overpaid (int): 과오납액
            refunded (int): 환급액
            closed (bool): 마감
     """

    line_id: UUID
    org: str
    fiscal_year: int
    code: None | str
    title: None | str
    estimate: int
    assessed: int
    billed: int
    collected: int
    overpaid: int
    refunded: int
    closed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        line_id = str(self.line_id)

        org = self.org

        fiscal_year = self.fiscal_year

        code: None | str
        code = self.code

        title: None | str
        title = self.title

        estimate = self.estimate

        assessed = self.assessed

        billed = self.billed

        collected = self.collected

        overpaid = self.overpaid

        refunded = self.refunded

        closed = self.closed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line_id": line_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "code": code,
            "title": title,
            "estimate": estimate,
            "assessed": assessed,
            "billed": billed,
            "collected": collected,
            "overpaid": overpaid,
            "refunded": refunded,
            "closed": closed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line_id = UUID(d.pop("line_id"))




        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        estimate = d.pop("estimate")

        assessed = d.pop("assessed")

        billed = d.pop("billed")

        collected = d.pop("collected")

        overpaid = d.pop("overpaid")

        refunded = d.pop("refunded")

        closed = d.pop("closed")

        public_revenue_row = cls(
            line_id=line_id,
            org=org,
            fiscal_year=fiscal_year,
            code=code,
            title=title,
            estimate=estimate,
            assessed=assessed,
            billed=billed,
            collected=collected,
            overpaid=overpaid,
            refunded=refunded,
            closed=closed,
        )


        public_revenue_row.additional_properties = d
        return public_revenue_row

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
