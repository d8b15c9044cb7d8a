"""Bulk downloads of the public lists (내려받기) as CSV and XLSX, written as the rows arrive.

Both writers take an iterable of row batches and yield bytes batch by batch, so a download of a
million rows holds one batch in memory, never the file. Headers are Korean-first with the JSON
field name in brackets (``계약명 (title)``): people read the Korean, programs map the English.

- CSV: UTF-8 with a byte-order mark (Excel then reads Korean correctly), RFC 4180 quoting, dates
  as ISO 8601, booleans as ``true``/``false``, empty for no value. A text starting with ``=``,
  ``+``, ``-``, ``@``, tab or CR gets a leading ``'`` so a spreadsheet never runs it as a formula.
- XLSX: a minimal SpreadsheetML package written through ``zipfile`` onto an unseekable stream
  (sizes go in data descriptors, ZIP64 forced since the size is unknown up front), inline strings
  (no shared-string table to hold in memory), numbers as numbers, dates as ISO text (no styles
  part). A sheet holds at most 1 048 576 rows; longer downloads continue on further sheets, which
  is why the workbook and content types are written last, once the sheets are known.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import IO, Any, cast
from xml.sax.saxutils import escape

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Batches = Iterable[Sequence[Mapping[str, Any]]]


def header(labels: Mapping[str, str]) -> list[str]:
    return [f"{label} ({name})" for name, label in labels.items()]


# --- CSV ------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    if isinstance(value, date):
        return value.isoformat()
    return value


def csv_chunks(labels: Mapping[str, str], batches: Batches) -> Iterator[bytes]:
    """The CSV file, one chunk per batch (the first also holds the BOM and the header)."""
    names = list(labels)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(labels))
    yield b"\xef\xbb\xbf" + buffer.getvalue().encode()
    for batch in batches:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([_csv_value(row[name]) for name in names] for row in batch)
        yield buffer.getvalue().encode()


# --- XLSX -----------------------------------------------------------------------------------------

MAX_SHEET_ROWS = 1_048_576  # Excel's limit, header row included

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_HEAD = (
    f'{_XML_HEAD}<worksheet xmlns="{_NS_MAIN}"><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    "</sheetView></sheetViews><sheetData>"
)
_SHEET_TAIL = "</sheetData></worksheet>"
# Characters XML 1.0 cannot carry at all: dropped rather than failing the download.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _letters(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _cell(ref: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = value.isoformat() if isinstance(value, date) else str(value)
    text = escape(_NOT_XML.sub("", text))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


class _Sink:
    """A write-only, unseekable byte stream that hands over what was written so far.

    It has no ``tell``/``seek``, so ``zipfile`` writes sizes after each member's data instead of
    seeking back to patch its header.
    """

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def _sheet_name(title: str, number: int) -> str:
    base = _SHEET_NAME_FORBIDDEN.sub("_", title)[:25] or "Sheet"
    return base if number == 1 else f"{base} ({number})"


def _workbook(names: list[str]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, 1)
    )
    return f'{_XML_HEAD}<workbook xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}"><sheets>{sheets}</sheets></workbook>'


def _workbook_rels(count: int) -> str:
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="{_NS_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    return f'{_XML_HEAD}<Relationships xmlns="{_NS_PKG_REL}">{relations}</Relationships>'


_ROOT_RELS = (
    f'{_XML_HEAD}<Relationships xmlns="{_NS_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


def _content_types(count: int) -> str:
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_type}"/>'
        for i in range(1, count + 1)
    )
    return (
        f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}</Types>"
    )


def xlsx_chunks(
    labels: Mapping[str, str], batches: Batches, title: str, *, max_sheet_rows: int = MAX_SHEET_ROWS
) -> Iterator[bytes]:
    """The XLSX workbook, a chunk after each batch (deflate may hold a little back) and the end."""
    names = list(labels)
    letters = [_letters(i) for i in range(len(names))]
    head = "".join(_cell(f"{letters[i]}1", text) for i, text in enumerate(header(labels)))
    sheet_start = f'{_SHEET_HEAD}<row r="1">{head}</row>'
    sink = _Sink()
    # Level 1: sheet XML is very repetitive, so the fastest level already shrinks it ~10x, and the
    # download is bound by how fast rows are written, not by the bytes sent.
    package = zipfile.ZipFile(cast(IO[bytes], sink), "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
    sheet_names: list[str] = []
    sheet: IO[bytes] | None = None

    def next_sheet() -> IO[bytes]:
        sheet_names.append(_sheet_name(title, len(sheet_names) + 1))
        path = f"xl/worksheets/sheet{len(sheet_names)}.xml"
        opened = package.open(path, mode="w", force_zip64=True)
        opened.write(sheet_start.encode())
        return opened

    try:
        row_number = max_sheet_rows  # so the first row opens the first sheet
        for batch in batches:
            parts: list[str] = []
            for row in batch:
                if row_number >= max_sheet_rows:
                    if sheet is not None:
                        sheet.write(("".join(parts) + _SHEET_TAIL).encode())
                        sheet.close()
                        parts = []
                    sheet = next_sheet()
                    row_number = 1
                row_number += 1
                cells = "".join(_cell(f"{letters[i]}{row_number}", row[n]) for i, n in enumerate(names))
                parts.append(f'<row r="{row_number}">{cells}</row>')
            if sheet is not None and parts:
                sheet.write("".join(parts).encode())
            chunk = sink.take()
            if chunk:
                yield chunk
        if sheet is None:  # no rows at all: a sheet with the header alone
            sheet = next_sheet()
        sheet.write(_SHEET_TAIL.encode())
        sheet.close()
        package.writestr("xl/workbook.xml", _workbook(sheet_names))
        package.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheet_names)))
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("[Content_Types].xml", _content_types(len(sheet_names)))
        package.close()
    except BaseException:
        # Abandoned (the client went away) or failed: let the package go unfinished. A ZipFile
        # does not even close while a member is open for writing, so close that first.
        if sheet is not None:
            sheet.close()
        package.close()
        raise
    yield sink.take()
