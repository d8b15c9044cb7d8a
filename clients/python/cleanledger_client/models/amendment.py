from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Amendment")



@_attrs_define
class Amendment:
    """ 변경계약: one amendment of a contract.

        Attributes:
            position (int): 기록 순번
            amended_on (datetime.date | None): 변경일
            previous_amount (int | None): 변경 전 금액
            new_amount (int | None): 변경 후 금액
            new_ends (datetime.date | None): 변경 후 종료일
            reason (None | str): 변경 사유
     """

    position: int
    amended_on: datetime.date | None
    previous_amount: int | None
    new_amount: int | None
    new_ends: datetime.date | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        amended_on: None | str
        if isinstance(self.amended_on, datetime.date):
            amended_on = self.amended_on.isoformat()
        else:
            amended_on = self.amended_on

        previous_amount: int | None
        previous_amount = self.previous_amount

        new_amount: int | None
        new_amount = self.new_amount

        new_ends: None | str
        if isinstance(self.new_ends, datetime.date):
            new_ends = self.new_ends.isoformat()
        else:
            new_ends = self.new_ends

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "amended_on": amended_on,
            "previous_amount": previous_amount,
            "new_amount": new_amount,
            "new_ends": new_ends,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        def _parse_amended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amended_on_type_0 = datetime.date.fromisoformat(data)



                return amended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        amended_on = _parse_amended_on(d.pop("amended_on"))


        def _parse_previous_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_amount = _parse_previous_amount(d.pop("previous_amount"))


        def _parse_new_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        new_amount = _parse_new_amount(d.pop("new_amount"))


        def _parse_new_ends(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_ends_type_0 = datetime.date.fromisoformat(data)



                return new_ends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        new_ends = _parse_new_ends(d.pop("new_ends"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        amendment = cls(
            position=position,
            amended_on=amended_on,
            previous_amount=previous_amount,
            new_amount=new_amount,
            new_ends=new_ends,
            reason=reason,
        )


        amendment.additional_properties = d
        return amendment

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
