from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Inspection")



@_attrs_define
class Inspection:
    """ 검수: the contract's latest inspection (the projection keeps the latest only).

        Attributes:
            inspected_on (datetime.date | None): 검수일자
            inspected_amount (int | None): 검수금액
            passed (bool | None): 합격 여부
     """

    inspected_on: datetime.date | None
    inspected_amount: int | None
    passed: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        inspected_on: None | str
        if isinstance(self.inspected_on, datetime.date):
            inspected_on = self.inspected_on.isoformat()
        else:
            inspected_on = self.inspected_on

        inspected_amount: int | None
        inspected_amount = self.inspected_amount

        passed: bool | None
        passed = self.passed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "inspected_on": inspected_on,
            "inspected_amount": inspected_amount,
            "passed": passed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_inspected_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_on_type_0 = datetime.date.fromisoformat(data)



                return inspected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        inspected_on = _parse_inspected_on(d.pop("inspected_on"))


        def _parse_inspected_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        inspected_amount = _parse_inspected_amount(d.pop("inspected_amount"))


        def _parse_passed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        passed = _parse_passed(d.pop("passed"))


        inspection = cls(
            inspected_on=inspected_on,
            inspected_amount=inspected_amount,
            passed=passed,
        )


        inspection.additional_properties = d
        return inspection

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
