from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="VacancyOut")



@_attrs_define
class VacancyOut:
    """ 정원 against 현원 of one department (merged departments count in their survivor).

        Attributes:
            department (str):
            name (str):
            authorised (int | None): 정원; null when none is set (not limited)
            headcount (int):
            vacancy (int | None): 결원: authorised − headcount; null without 정원
     """

    department: str
    name: str
    authorised: int | None
    headcount: int
    vacancy: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        department = self.department

        name = self.name

        authorised: int | None
        authorised = self.authorised

        headcount = self.headcount

        vacancy: int | None
        vacancy = self.vacancy


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "department": department,
            "name": name,
            "authorised": authorised,
            "headcount": headcount,
            "vacancy": vacancy,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        department = d.pop("department")

        name = d.pop("name")

        def _parse_authorised(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        authorised = _parse_authorised(d.pop("authorised"))


        headcount = d.pop("headcount")

        def _parse_vacancy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        vacancy = _parse_vacancy(d.pop("vacancy"))


        vacancy_out = cls(
            department=department,
            name=name,
            authorised=authorised,
            headcount=headcount,
            vacancy=vacancy,
        )


        vacancy_out.additional_properties = d
        return vacancy_out

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
