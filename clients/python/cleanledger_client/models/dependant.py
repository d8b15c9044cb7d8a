from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Dependant")



@_attrs_define
class Dependant:
    """ 
        Attributes:
            name (str):
            birth_date (str): YYYY-MM-DD
     """

    name: str
    birth_date: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        birth_date = self.birth_date


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "birth_date": birth_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        birth_date = d.pop("birth_date")

        dependant = cls(
            name=name,
            birth_date=birth_date,
        )

        return dependant

