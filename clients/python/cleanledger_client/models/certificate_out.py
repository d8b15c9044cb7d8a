from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certificate_kind import CertificateKind
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.certificate_out_statement import CertificateOutStatement





T = TypeVar("T", bound="CertificateOut")



@_attrs_define
class CertificateOut:
    """ 
        Attributes:
            certificate_id (UUID):
            number (str): 진위확인번호
            kind (CertificateKind): Which certificate: 재직증명서 (still employed) or 경력증명서 (a career, past or present).
            org (str):
            employee_id (UUID):
            purpose (str):
            issued_on (datetime.date):
            statement (CertificateOutStatement):
     """

    certificate_id: UUID
    number: str
    kind: CertificateKind
    org: str
    employee_id: UUID
    purpose: str
    issued_on: datetime.date
    statement: CertificateOutStatement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.certificate_out_statement import CertificateOutStatement # noqa: PLC0415
        certificate_id = str(self.certificate_id)

        number = self.number

        kind = self.kind.value

        org = self.org

        employee_id = str(self.employee_id)

        purpose = self.purpose

        issued_on = self.issued_on.isoformat()

        statement = self.statement.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "certificate_id": certificate_id,
            "number": number,
            "kind": kind,
            "org": org,
            "employee_id": employee_id,
            "purpose": purpose,
            "issued_on": issued_on,
            "statement": statement,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certificate_out_statement import CertificateOutStatement # noqa: PLC0415
        d = dict(src_dict)
        certificate_id = UUID(d.pop("certificate_id"))




        number = d.pop("number")

        kind = CertificateKind(d.pop("kind"))




        org = d.pop("org")

        employee_id = UUID(d.pop("employee_id"))




        purpose = d.pop("purpose")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))




        statement = CertificateOutStatement.from_dict(d.pop("statement"))




        certificate_out = cls(
            certificate_id=certificate_id,
            number=number,
            kind=kind,
            org=org,
            employee_id=employee_id,
            purpose=purpose,
            issued_on=issued_on,
            statement=statement,
        )


        certificate_out.additional_properties = d
        return certificate_out

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
