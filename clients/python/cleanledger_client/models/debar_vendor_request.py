from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DebarVendorRequest")



@_attrs_define
class DebarVendorRequest:
    """ 
        Attributes:
            accounting_date (datetime.date):
            ground (str): Ground (제재 사유): at most 1000 characters, may span lines (LF), no control characters; stored in
                Unicode NFC
            starts (datetime.date):
            ends (datetime.date):
     """

    accounting_date: datetime.date
    ground: str
    starts: datetime.date
    ends: datetime.date





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        ground = self.ground

        starts = self.starts.isoformat()

        ends = self.ends.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "ground": ground,
            "starts": starts,
            "ends": ends,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        ground = d.pop("ground")

        starts = datetime.date.fromisoformat(d.pop("starts"))




        ends = datetime.date.fromisoformat(d.pop("ends"))




        debar_vendor_request = cls(
            accounting_date=accounting_date,
            ground=ground,
            starts=starts,
            ends=ends,
        )

        return debar_vendor_request

