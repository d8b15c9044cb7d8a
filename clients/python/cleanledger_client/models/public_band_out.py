from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PublicBandOut")



@_attrs_define
class PublicBandOut:
    """ 
        Attributes:
            band (None | str):
            headcount (int | None):
            suppressed (bool):
     """

    band: None | str
    headcount: int | None
    suppressed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        band: None | str
        band = self.band

        headcount: int | None
        headcount = self.headcount

        suppressed = self.suppressed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "band": band,
            "headcount": headcount,
            "suppressed": suppressed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_band(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        band = _parse_band(d.pop("band"))


        def _parse_headcount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        headcount = _parse_headcount(d.pop("headcount"))


        suppressed = d.pop("suppressed")

        public_band_out = cls(
            band=band,
            headcount=headcount,
            suppressed=suppressed,
        )


        public_band_out.additional_properties = d
        return public_band_out

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
