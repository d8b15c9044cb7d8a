from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PayrollWithholdingKindOut")



@_attrs_define
class PayrollWithholdingKindOut:
    """ 
        Attributes:
            kind (str): INCOME_TAX, LOCAL_INCOME_TAX, NATIONAL_PENSION, HEALTH, …
            name (str):
            withheld (int):
            remitted (int):
            outstanding (int):
     """

    kind: str
    name: str
    withheld: int
    remitted: int
    outstanding: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        name = self.name

        withheld = self.withheld

        remitted = self.remitted

        outstanding = self.outstanding


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "name": name,
            "withheld": withheld,
            "remitted": remitted,
            "outstanding": outstanding,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        name = d.pop("name")

        withheld = d.pop("withheld")

        remitted = d.pop("remitted")

        outstanding = d.pop("outstanding")

        payroll_withholding_kind_out = cls(
            kind=kind,
            name=name,
            withheld=withheld,
            remitted=remitted,
            outstanding=outstanding,
        )


        payroll_withholding_kind_out.additional_properties = d
        return payroll_withholding_kind_out

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
