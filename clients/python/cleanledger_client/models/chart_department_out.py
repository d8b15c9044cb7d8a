from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ChartDepartmentOut")



@_attrs_define
class ChartDepartmentOut:
    """ A department of the chart on the day, in tree order.

        Attributes:
            code (str):
            name (str):
            parent (None | str):
            depth (int):
            authorised (int | None):
            headcount (int):
            status (str):
     """

    code: str
    name: str
    parent: None | str
    depth: int
    authorised: int | None
    headcount: int
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        parent: None | str
        parent = self.parent

        depth = self.depth

        authorised: int | None
        authorised = self.authorised

        headcount = self.headcount

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "parent": parent,
            "depth": depth,
            "authorised": authorised,
            "headcount": headcount,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        def _parse_parent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent = _parse_parent(d.pop("parent"))


        depth = d.pop("depth")

        def _parse_authorised(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        authorised = _parse_authorised(d.pop("authorised"))


        headcount = d.pop("headcount")

        status = d.pop("status")

        chart_department_out = cls(
            code=code,
            name=name,
            parent=parent,
            depth=depth,
            authorised=authorised,
            headcount=headcount,
            status=status,
        )


        chart_department_out.additional_properties = d
        return chart_department_out

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
