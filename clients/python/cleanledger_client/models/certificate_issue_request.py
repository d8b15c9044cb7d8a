from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certificate_kind import CertificateKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CertificateIssueRequest")



@_attrs_define
class CertificateIssueRequest:
    """ 
        Attributes:
            kind (CertificateKind): Which certificate: 재직증명서 (still employed) or 경력증명서 (a career, past or present).
            purpose (str): 용도
            as_of (datetime.date | None | Unset): The date it states (default: today)
     """

    kind: CertificateKind
    purpose: str
    as_of: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        purpose = self.purpose

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "purpose": purpose,
        })
        if as_of is not UNSET:
            field_dict["as_of"] = as_of

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = CertificateKind(d.pop("kind"))




        purpose = d.pop("purpose")

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))


        certificate_issue_request = cls(
            kind=kind,
            purpose=purpose,
            as_of=as_of,
        )

        return certificate_issue_request

