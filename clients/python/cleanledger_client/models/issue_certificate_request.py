from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certificate_kind import CertificateKind
from typing import cast
import datetime






T = TypeVar("T", bound="IssueCertificateRequest")



@_attrs_define
class IssueCertificateRequest:
    """ 재직증명서 or 경력증명서 as of the effective date. The answer's ``aggregate_id`` is the
    certificate (its verification number derived from the command id), ``parent_id`` and
    ``parent_version`` the employee.

        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            kind (CertificateKind): Which certificate: 재직증명서 (still employed) or 경력증명서 (a career, past or present).
            purpose (str): 용도, e.g. 금융기관 제출용
     """

    effective_date: datetime.date
    kind: CertificateKind
    purpose: str





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        kind = self.kind.value

        purpose = self.purpose


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
            "kind": kind,
            "purpose": purpose,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        kind = CertificateKind(d.pop("kind"))




        purpose = d.pop("purpose")

        issue_certificate_request = cls(
            effective_date=effective_date,
            kind=kind,
            purpose=purpose,
        )

        return issue_certificate_request

