from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ErasePersonalDataRequest")



@_attrs_define
class ErasePersonalDataRequest:
    """ 파기 after retirement and the retention period: the data key is destroyed.

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            reason (str): Why (사유): at most 1000 characters, may span lines (LF), no control characters; stored in Unicode
                NFC
     """

    effective_date: datetime.date
    reason: str





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        reason = d.pop("reason")

        erase_personal_data_request = cls(
            effective_date=effective_date,
            reason=reason,
        )

        return erase_personal_data_request

