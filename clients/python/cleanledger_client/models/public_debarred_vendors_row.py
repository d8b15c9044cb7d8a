from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PublicDebarredVendorsRow")



@_attrs_define
class PublicDebarredVendorsRow:
    """ One row of 부정당업체 (debarred-vendors).

        Attributes:
            debarment_id (UUID): 제재 ID
            org (str): 기관코드
            fiscal_year (int): 회계연도
            vendor_id (None | UUID): 업체 ID
            vendor_name (None | str): 업체명
            business_number (None | str): 사업자등록번호
            ground (None | str): 제재 사유
            starts (datetime.date | None): 제재 시작일
            ends (datetime.date | None): 제재 종료일
            lifted_on (datetime.date | None): 해제일
            lift_reason (None | str): 해제 사유
            lifted_by (None | str): 해제 기관코드
     """

    debarment_id: UUID
    org: str
    fiscal_year: int
    vendor_id: None | UUID
    vendor_name: None | str
    business_number: None | str
    ground: None | str
    starts: datetime.date | None
    ends: datetime.date | None
    lifted_on: datetime.date | None
    lift_reason: None | str
    lifted_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        debarment_id = str(self.debarment_id)

        org = self.org

        fiscal_year = self.fiscal_year

        vendor_id: None | str
        if isinstance(self.vendor_id, UUID):
            vendor_id = str(self.vendor_id)
        else:
            vendor_id = self.vendor_id

        vendor_name: None | str
        vendor_name = self.vendor_name

        business_number: None | str
        business_number = self.business_number

        ground: None | str
        ground = self.ground

        starts: None | str
        if isinstance(self.starts, datetime.date):
            starts = self.starts.isoformat()
        else:
            starts = self.starts

        ends: None | str
        if isinstance(self.ends, datetime.date):
            ends = self.ends.isoformat()
        else:
            ends = self.ends

        lifted_on: None | str
        if isinstance(self.lifted_on, datetime.date):
            lifted_on = self.lifted_on.isoformat()
        else:
            lifted_on = self.lifted_on

        lift_reason: None | str
        lift_reason = self.lift_reason

        lifted_by: None | str
        lifted_by = self.lifted_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "debarment_id": debarment_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "vendor_id": vendor_id,
            "vendor_name": vendor_name,
            "business_number": business_number,
            "ground": ground,
            "starts": starts,
            "ends": ends,
            "lifted_on": lifted_on,
            "lift_reason": lift_reason,
            "lifted_by": lifted_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        debarment_id = UUID(d.pop("debarment_id"))




        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        def _parse_vendor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                vendor_id_type_0 = UUID(data)



                return vendor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id"))


        def _parse_vendor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        vendor_name = _parse_vendor_name(d.pop("vendor_name"))


        def _parse_business_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_number = _parse_business_number(d.pop("business_number"))


        def _parse_ground(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ground = _parse_ground(d.pop("ground"))


        def _parse_starts(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_type_0 = datetime.date.fromisoformat(data)



                return starts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts = _parse_starts(d.pop("starts"))


        def _parse_ends(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_type_0 = datetime.date.fromisoformat(data)



                return ends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends = _parse_ends(d.pop("ends"))


        def _parse_lifted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lifted_on_type_0 = datetime.date.fromisoformat(data)



                return lifted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        lifted_on = _parse_lifted_on(d.pop("lifted_on"))


        def _parse_lift_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lift_reason = _parse_lift_reason(d.pop("lift_reason"))


        def _parse_lifted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lifted_by = _parse_lifted_by(d.pop("lifted_by"))


        public_debarred_vendors_row = cls(
            debarment_id=debarment_id,
            org=org,
            fiscal_year=fiscal_year,
            vendor_id=vendor_id,
            vendor_name=vendor_name,
            business_number=business_number,
            ground=ground,
            starts=starts,
            ends=ends,
            lifted_on=lifted_on,
            lift_reason=lift_reason,
            lifted_by=lifted_by,
        )


        public_debarred_vendors_row.additional_properties = d
        return public_debarred_vendors_row

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
