from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.public_revenue_row import PublicRevenueRow
  from ..models.public_revenue_totals import PublicRevenueTotals





T = TypeVar("T", bound="PublicRevenuePage")



@_attrs_define
class PublicRevenuePage:
    """ A page of 세입현황 (revenue).

        Attributes:
            items (list[PublicRevenueRow]): The rows of this page, in the sort order
            next_cursor (None | str): Pass as `cursor` for the next page; null on the last page
            totals (None | PublicRevenueTotals): With totals=true (on any page); else null
     """

    items: list[PublicRevenueRow]
    next_cursor: None | str
    totals: None | PublicRevenueTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.public_revenue_row import PublicRevenueRow # noqa: PLC0415
        from ..models.public_revenue_totals import PublicRevenueTotals # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        next_cursor: None | str
        next_cursor = self.next_cursor

        totals: dict[str, Any] | None
        if isinstance(self.totals, PublicRevenueTotals):
            totals = self.totals.to_dict()
        else:
            totals = self.totals


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "next_cursor": next_cursor,
            "totals": totals,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_revenue_row import PublicRevenueRow # noqa: PLC0415
        from ..models.public_revenue_totals import PublicRevenueTotals # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = PublicRevenueRow.from_dict(items_item_data)



            items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        def _parse_totals(data: object) -> None | PublicRevenueTotals:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                totals_type_0 = PublicRevenueTotals.from_dict(data)



                return totals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicRevenueTotals, data)

        totals = _parse_totals(d.pop("totals"))


        public_revenue_page = cls(
            items=items,
            next_cursor=next_cursor,
            totals=totals,
        )


        public_revenue_page.additional_properties = d
        return public_revenue_page

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
