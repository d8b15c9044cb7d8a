from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PublicAllocationsRow")



@_attrs_define
class PublicAllocationsRow:
    """ One row of 예산배정현황 (allocations).

        Attributes:
            position (int): 기록 순번
            quarter (int): 분기
            org (str): 기관코드
            fiscal_year (int): 회계연도
            line_id (None | UUID): 예산사업 ID
            code (None | str): 예산과목코드
            line_title (None | str): 세부사업명
            kind (None | str): 배정 구분
            amount (int): 배정액
            allocated_on (datetime.date | None): 배정일자
     """

    position: int
    quarter: int
    org: str
    fiscal_year: int
    line_id: None | UUID
    code: None | str
    line_title: None | str
    kind: None | str
    amount: int
    allocated_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        quarter = self.quarter

        org = self.org

        fiscal_year = self.fiscal_year

        line_id: None | str
        if isinstance(self.line_id, UUID):
            line_id = str(self.line_id)
        else:
            line_id = self.line_id

        code: None | str
        code = self.code

        line_title: None | str
        line_title = self.line_title

        kind: None | str
        kind = self.kind

        amount = self.amount

        allocated_on: None | str
        if isinstance(self.allocated_on, datetime.date):
            allocated_on = self.allocated_on.isoformat()
        else:
            allocated_on = self.allocated_on


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "quarter": quarter,
            "org": org,
            "fiscal_year": fiscal_year,
            "line_id": line_id,
            "code": code,
            "line_title": line_title,
            "kind": kind,
            "amount": amount,
            "allocated_on": allocated_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        quarter = d.pop("quarter")

        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        def _parse_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                line_id_type_0 = UUID(data)



                return line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        line_id = _parse_line_id(d.pop("line_id"))


        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        def _parse_line_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_title = _parse_line_title(d.pop("line_title"))


        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))


        amount = d.pop("amount")

        def _parse_allocated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                allocated_on_type_0 = datetime.date.fromisoformat(data)



                return allocated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        allocated_on = _parse_allocated_on(d.pop("allocated_on"))


        public_allocations_row = cls(
            position=position,
            quarter=quarter,
            org=org,
            fiscal_year=fiscal_year,
            line_id=line_id,
            code=code,
            line_title=line_title,
            kind=kind,
            amount=amount,
            allocated_on=allocated_on,
        )


        public_allocations_row.additional_properties = d
        return public_allocations_row

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
