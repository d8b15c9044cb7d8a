from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certificate_kind import CertificateKind
from typing import cast
import datetime






T = TypeVar("T", bound="CertificateCheckOut")



@_attrs_define
class CertificateCheckOut:
    """ What a certificate states, the name masked: nothing else about the person.

        Attributes:
            number (str):
            kind (CertificateKind): Which certificate: 재직증명서 (still employed) or 경력증명서 (a career, past or present).
            organisation (str):
            organisation_name (str):
            name (None | str): Masked; null once the personal data is erased
            employee_number (str):
            department (str):
            grade (str):
            position (None | str):
            hired_on (datetime.date):
            until (datetime.date | None):
            purpose (str):
            issued_on (datetime.date):
     """

    number: str
    kind: CertificateKind
    organisation: str
    organisation_name: str
    name: None | str
    employee_number: str
    department: str
    grade: str
    position: None | str
    hired_on: datetime.date
    until: datetime.date | None
    purpose: str
    issued_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        number = self.number

        kind = self.kind.value

        organisation = self.organisation

        organisation_name = self.organisation_name

        name: None | str
        name = self.name

        employee_number = self.employee_number

        department = self.department

        grade = self.grade

        position: None | str
        position = self.position

        hired_on = self.hired_on.isoformat()

        until: None | str
        if isinstance(self.until, datetime.date):
            until = self.until.isoformat()
        else:
            until = self.until

        purpose = self.purpose

        issued_on = self.issued_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "number": number,
            "kind": kind,
            "organisation": organisation,
            "organisation_name": organisation_name,
            "name": name,
            "employee_number": employee_number,
            "department": department,
            "grade": grade,
            "position": position,
            "hired_on": hired_on,
            "until": until,
            "purpose": purpose,
            "issued_on": issued_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        kind = CertificateKind(d.pop("kind"))




        organisation = d.pop("organisation")

        organisation_name = d.pop("organisation_name")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))


        employee_number = d.pop("employee_number")

        department = d.pop("department")

        grade = d.pop("grade")

        def _parse_position(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        position = _parse_position(d.pop("position"))


        hired_on = datetime.date.fromisoformat(d.pop("hired_on"))




        def _parse_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.date.fromisoformat(data)



                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        until = _parse_until(d.pop("until"))


        purpose = d.pop("purpose")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))




        certificate_check_out = cls(
            number=number,
            kind=kind,
            organisation=organisation,
            organisation_name=organisation_name,
            name=name,
            employee_number=employee_number,
            department=department,
            grade=grade,
            position=position,
            hired_on=hired_on,
            until=until,
            purpose=purpose,
            issued_on=issued_on,
        )


        certificate_check_out.additional_properties = d
        return certificate_check_out

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
