from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.journal_kind import JournalKind
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.journal_line_input import JournalLineInput





T = TypeVar("T", bound="RecordJournalEntryRequest")



@_attrs_define
class RecordJournalEntryRequest:
    """ 분개 by hand. A closing entry (``kind`` closing) is accepted on a closed year; others are not.

    The entry must balance (Σ debit = Σ credit) and name accounts of the chart; the domain judges
    both, and the number of lines, so its refusals carry their codes.

        Attributes:
            accounting_date (datetime.date):
            kind (JournalKind): 개시 opening balances, 감가상각 depreciation, 발생 accrual, 수정 adjustment, 마감 closing.
            lines (list[JournalLineInput]):
            memo (str): Memo (적요): at most 300 characters, one line, no control characters; stored in Unicode NFC
     """

    accounting_date: datetime.date
    kind: JournalKind
    lines: list[JournalLineInput]
    memo: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.journal_line_input import JournalLineInput # noqa: PLC0415
        accounting_date = self.accounting_date.isoformat()

        kind = self.kind.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        memo = self.memo


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "kind": kind,
            "lines": lines,
            "memo": memo,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.journal_line_input import JournalLineInput # noqa: PLC0415
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        kind = JournalKind(d.pop("kind"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = JournalLineInput.from_dict(lines_item_data)



            lines.append(lines_item)


        memo = d.pop("memo")

        record_journal_entry_request = cls(
            accounting_date=accounting_date,
            kind=kind,
            lines=lines,
            memo=memo,
        )

        return record_journal_entry_request

