from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.cell_out import CellOut
  from ..models.public_band_out import PublicBandOut
  from ..models.public_department_out import PublicDepartmentOut
  from ..models.vacancy_cell_out import VacancyCellOut





T = TypeVar("T", bound="PublicHeadcountOut")



@_attrs_define
class PublicHeadcountOut:
    """ 정원·현원 as aggregates: cells under 3 people hidden, and those that would give one back.

        Attributes:
            org (str):
            as_of (datetime.date):
            total (CellOut): A public figure, or null and ``suppressed`` where it would single someone out.
            authorised (int | None):
            vacancy (VacancyCellOut):
            departments (list[PublicDepartmentOut]):
            bands (list[PublicBandOut]):
     """

    org: str
    as_of: datetime.date
    total: CellOut
    authorised: int | None
    vacancy: VacancyCellOut
    departments: list[PublicDepartmentOut]
    bands: list[PublicBandOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cell_out import CellOut # noqa: PLC0415
        from ..models.public_band_out import PublicBandOut # noqa: PLC0415
        from ..models.public_department_out import PublicDepartmentOut # noqa: PLC0415
        from ..models.vacancy_cell_out import VacancyCellOut # noqa: PLC0415
        org = self.org

        as_of = self.as_of.isoformat()

        total = self.total.to_dict()

        authorised: int | None
        authorised = self.authorised

        vacancy = self.vacancy.to_dict()

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)



        bands = []
        for bands_item_data in self.bands:
            bands_item = bands_item_data.to_dict()
            bands.append(bands_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "as_of": as_of,
            "total": total,
            "authorised": authorised,
            "vacancy": vacancy,
            "departments": departments,
            "bands": bands,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell_out import CellOut # noqa: PLC0415
        from ..models.public_band_out import PublicBandOut # noqa: PLC0415
        from ..models.public_department_out import PublicDepartmentOut # noqa: PLC0415
        from ..models.vacancy_cell_out import VacancyCellOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        total = CellOut.from_dict(d.pop("total"))




        def _parse_authorised(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        authorised = _parse_authorised(d.pop("authorised"))


        vacancy = VacancyCellOut.from_dict(d.pop("vacancy"))




        departments = []
        _departments = d.pop("departments")
        for departments_item_data in (_departments):
            departments_item = PublicDepartmentOut.from_dict(departments_item_data)



            departments.append(departments_item)


        bands = []
        _bands = d.pop("bands")
        for bands_item_data in (_bands):
            bands_item = PublicBandOut.from_dict(bands_item_data)



            bands.append(bands_item)


        public_headcount_out = cls(
            org=org,
            as_of=as_of,
            total=total,
            authorised=authorised,
            vacancy=vacancy,
            departments=departments,
            bands=bands,
        )


        public_headcount_out.additional_properties = d
        return public_headcount_out

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
