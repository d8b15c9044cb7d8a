from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.table_kind import TableKind
from typing import cast
import datetime






T = TypeVar("T", bound="LoadPayrollTableRequest")



@_attrs_define
class LoadPayrollTableRequest:
    """ Load one table file (CSV) of the organisation's payroll; the same content again records
    nothing, other content is the table's next version.

        Attributes:
            accounting_date (datetime.date):
            kind (TableKind):
            file_name (str): The file's name as recorded (no path): at most 200 characters, one line, no control characters;
                stored in Unicode NFC
            content (str): The CSV text, UTF-8
     """

    accounting_date: datetime.date
    kind: TableKind
    file_name: str
    content: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        kind = self.kind.value

        file_name = self.file_name

        content = self.content


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "kind": kind,
            "file_name": file_name,
            "content": content,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        kind = TableKind(d.pop("kind"))




        file_name = d.pop("file_name")

        content = d.pop("content")

        load_payroll_table_request = cls(
            accounting_date=accounting_date,
            kind=kind,
            file_name=file_name,
            content=content,
        )

        return load_payroll_table_request

