from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.personal_data import PersonalData





T = TypeVar("T", bound="ChangePersonalDataRequest")



@_attrs_define
class ChangePersonalDataRequest:
    """ 
        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            personal (PersonalData): 개인정보: sealed before anything is recorded; never echoed back, never logged.
     """

    effective_date: datetime.date
    personal: PersonalData





    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data import PersonalData # noqa: PLC0415
        effective_date = self.effective_date.isoformat()

        personal = self.personal.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "personal": personal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data import PersonalData # noqa: PLC0415
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        personal = PersonalData.from_dict(d.pop("personal"))




        change_personal_data_request = cls(
            effective_date=effective_date,
            personal=personal,
        )

        return change_personal_data_request

