from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PublicRevenueTotals")



@_attrs_define
class PublicRevenueTotals:
    """ 합계: the count and the amount sums over every row the filters select (all pages).

        Attributes:
            count (int): 건수: rows the filters select
            estimate (int): 세입예산액 합계 (won)
            assessed (int): 부과액 합계 (won)
            billed (int): 징수결정액 합계 (won)
            collected (int): 수납액 합계 (won)
            overpaid (int): 과오납액 합계 (won)
            refunded (int): 환급액 합계 (won)
     """

    count: int
    estimate: int
    assessed: int
    billed: int
    collected: int
    overpaid: int
    refunded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        count = self.count

        estimate = self.estimate

        assessed = self.assessed

        billed = self.billed

        collected = self.collected

        overpaid = self.overpaid

        refunded = self.refunded


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "estimate": estimate,
            "assessed": assessed,
            "billed": billed,
            "collected": collected,
            "overpaid": overpaid,
            "refunded": refunded,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        estimate = d.pop("estimate")

        assessed = d.pop("assessed")

        billed = d.pop("billed")

        collected = d.pop("collected")

        overpaid = d.pop("overpaid")

        refunded = d.pop("refunded")

        public_revenue_totals = cls(
            count=count,
            estimate=estimate,
            assessed=assessed,
            billed=billed,
            collected=collected,
            overpaid=overpaid,
            refunded=refunded,
        )


        public_revenue_totals.additional_properties = d
        return public_revenue_totals

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
