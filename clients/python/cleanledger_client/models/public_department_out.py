from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cell_out import CellOut
  from ..models.vacancy_cell_out import VacancyCellOut





T = TypeVar("T", bound="PublicDepartmentOut")



@_attrs_define
class PublicDepartmentOut:
    """ 
        Attributes:
            code (str):
            name (str):
            parent (None | str):
            depth (int):
            own (CellOut): A public figure, or null and ``suppressed`` where it would single someone out.
            total (CellOut): A public figure, or null and ``suppressed`` where it would single someone out.
            authorised (int | None): 정원 (public, as the 직제 is)
            vacancy (VacancyCellOut):
     """

    code: str
    name: str
    parent: None | str
    depth: int
    own: CellOut
    total: CellOut
    authorised: int | None
    vacancy: VacancyCellOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cell_out import CellOut # noqa: PLC0415
        from ..models.vacancy_cell_out import VacancyCellOut # noqa: PLC0415
        code = self.code

        name = self.name

        parent: None | str
        parent = self.parent

        depth = self.depth

        own = self.own.to_dict()

        total = self.total.to_dict()

        authorised: int | None
        authorised = self.authorised

        vacancy = self.vacancy.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "name": name,
            "parent": parent,
            "depth": depth,
            "own": own,
            "total": total,
            "authorised": authorised,
            "vacancy": vacancy,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell_out import CellOut # noqa: PLC0415
        from ..models.vacancy_cell_out import VacancyCellOut # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        def _parse_parent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent = _parse_parent(d.pop("parent"))


        depth = d.pop("depth")

        own = CellOut.from_dict(d.pop("own"))




        total = CellOut.from_dict(d.pop("total"))




        def _parse_authorised(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        authorised = _parse_authorised(d.pop("authorised"))


        vacancy = VacancyCellOut.from_dict(d.pop("vacancy"))




        public_department_out = cls(
            code=code,
            name=name,
            parent=parent,
            depth=depth,
            own=own,
            total=total,
            authorised=authorised,
            vacancy=vacancy,
        )


        public_department_out.additional_properties = d
        return public_department_out

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
