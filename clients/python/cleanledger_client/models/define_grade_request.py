from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DefineGradeRequest")



@_attrs_define
class DefineGradeRequest:
    """ 직급 and its steps (호봉); defining a grade again changes it from the effective date.

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            code (str):
            name (str): Name: at most 200 characters, one line, no control characters; stored in Unicode NFC
            rank (int): Greater is senior: a promotion goes to a greater rank
            band (str): The grade band (직급군) the public headcount is shown by
            max_step (int):
     """

    effective_date: datetime.date
    code: str
    name: str
    rank: int
    band: str
    max_step: int





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        code = self.code

        name = self.name

        rank = self.rank

        band = self.band

        max_step = self.max_step


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "code": code,
            "name": name,
            "rank": rank,
            "band": band,
            "max_step": max_step,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        code = d.pop("code")

        name = d.pop("name")

        rank = d.pop("rank")

        band = d.pop("band")

        max_step = d.pop("max_step")

        define_grade_request = cls(
            effective_date=effective_date,
            code=code,
            name=name,
            rank=rank,
            band=band,
            max_step=max_step,
        )

        return define_grade_request

