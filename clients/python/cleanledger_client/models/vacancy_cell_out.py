from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="VacancyCellOut")



@_attrs_define
class VacancyCellOut:
    """ 
        Attributes:
            vacancy (int | None):
            suppressed (bool):
     """

    vacancy: int | None
    suppressed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        vacancy: int | None
        vacancy = self.vacancy

        suppressed = self.suppressed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "vacancy": vacancy,
            "suppressed": suppressed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_vacancy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        vacancy = _parse_vacancy(d.pop("vacancy"))


        suppressed = d.pop("suppressed")

        vacancy_cell_out = cls(
            vacancy=vacancy,
            suppressed=suppressed,
        )


        vacancy_cell_out.additional_properties = d
        return vacancy_cell_out

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
