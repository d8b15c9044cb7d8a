from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organisation_kind import OrganisationKind
from typing import cast
import datetime






T = TypeVar("T", bound="RegisterOrganisationRequest")



@_attrs_define
class RegisterOrganisationRequest:
    """ 기관 등록: the organisation is ``org``.

        Attributes:
            accounting_date (datetime.date):
            name (str): Name: at most 200 characters, one line, no control characters; stored in Unicode NFC
            kind (OrganisationKind): 본청 (city headquarters), 자치구 (district), 투자출연기관 (funded institution).
     """

    accounting_date: datetime.date
    name: str
    kind: OrganisationKind





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        name = self.name

        kind = self.kind.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "name": name,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        name = d.pop("name")

        kind = OrganisationKind(d.pop("kind"))




        register_organisation_request = cls(
            accounting_date=accounting_date,
            name=name,
            kind=kind,
        )

        return register_organisation_request

