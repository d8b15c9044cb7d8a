from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PublicRequisitionsRow")



@_attrs_define
class PublicRequisitionsRow:
    """ One row of 품의현황 (requisitions).

        Attributes:
            requisition_id (UUID): 품의 ID
            org (str): 기관코드
            fiscal_year (int): 회계연도
            line_id (None | UUID): 예산사업 ID
            code (None | str): 예산과목코드
            line_title (None | str): 세부사업명
            title (None | str): 품의명
            amount (int | None): 품의금액
            status (None | str): 상태
            drafted_on (datetime.date | None): 기안일자
            decided_on (datetime.date | None): 결재일자
     """

    requisition_id: UUID
    org: str
    fiscal_year: int
    line_id: None | UUID
    code: None | str
    line_title: None | str
    title: None | str
    amount: int | None
    status: None | str
    drafted_on: datetime.date | None
    decided_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        requisition_id = str(self.requisition_id)

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

        title: None | str
        title = self.title

        amount: int | None
        amount = self.amount

        status: None | str
        status = self.status

        drafted_on: None | str
        if isinstance(self.drafted_on, datetime.date):
            drafted_on = self.drafted_on.isoformat()
        else:
            drafted_on = self.drafted_on

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "requisition_id": requisition_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "line_id": line_id,
            "code": code,
            "line_title": line_title,
            "title": title,
            "amount": amount,
            "status": status,
            "drafted_on": drafted_on,
            "decided_on": decided_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requisition_id = UUID(d.pop("requisition_id"))




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


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))


        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))


        def _parse_drafted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                drafted_on_type_0 = datetime.date.fromisoformat(data)



                return drafted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        drafted_on = _parse_drafted_on(d.pop("drafted_on"))


        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)



                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))


        public_requisitions_row = cls(
            requisition_id=requisition_id,
            org=org,
            fiscal_year=fiscal_year,
            line_id=line_id,
            code=code,
            line_title=line_title,
            title=title,
            amount=amount,
            status=status,
            drafted_on=drafted_on,
            decided_on=decided_on,
        )


        public_requisitions_row.additional_properties = d
        return public_requisitions_row

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
