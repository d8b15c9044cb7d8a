"""Employment and career certificates (재직증명서, 경력증명서) as one A4 page of PDF.

:func:`render_certificate` lays out a :class:`~domain.personnel.certificates.CertificateStatement`
Korean first, with English labels in small type beside, and prints its verification number
(진위확인번호) with the public path where anyone can check it.

The PDF is written by fpdf2, which embeds a subset of the Korean font, so the text stays
extractable (``pdftotext`` reads it back) and the page looks the same where the font is not
installed. The font is the first found of: the ``font_path`` argument, the file the environment
variable ``CLEANLEDGER_CERTIFICATE_FONT`` names, and a few known system paths (Debian's
``fonts-noto-cjk`` first). In a font collection (``.ttc``) the Korean face is chosen.

The same statement gives the same bytes (with the same fpdf2): the document's date is the issue
date, not the moment of rendering, so a retried request reproduces the certificate.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path

# fontTools is fpdf2's own font reader (a requirement of fpdf2); it ships no type information.
from fontTools.ttLib import TTCollection  # type: ignore[import-untyped]
from fpdf import FPDF, FontFace
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

from domain.personnel.certificates import CareerEntry, CertificateKind, CertificateStatement

FONT_SETTING = "CLEANLEDGER_CERTIFICATE_FONT"
#: Where a Korean font usually is, by system; the first that exists is used.
KNOWN_FONT_PATHS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),  # Debian, Ubuntu: fonts-noto-cjk
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),  # Arch: noto-fonts-cjk
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),  # Debian, Ubuntu: fonts-nanum
    Path("/System/Library/Fonts/AppleSDGothicNeo.ttc"),  # macOS
    Path("C:/Windows/Fonts/malgun.ttf"),  # Windows: Malgun Gothic
)
PUBLIC_PATH = "/api/v1/public/certificates/{number}"

_TITLES = {
    CertificateKind.EMPLOYMENT: ("재직증명서", "Certificate of Employment"),
    CertificateKind.CAREER: ("경력증명서", "Certificate of Career"),
}
_KOREA = timezone(timedelta(hours=9))
_FAMILY = "korean"

# Layout, in millimetres on A4 (210 × 297).
_MARGIN = 18.0
_LABEL_WIDTH = 42.0
_ROW_HEIGHT = 8.0
_LINE_HEIGHT = 5.0
_PAD = 3.0
# The foot of the page: the certifying sentence, date and issuer, then the verification number.
_CERTIFICATION_HEIGHT = 56.0
_FOOTER_HEIGHT = 20.0
# Beyond this many career rows the table's type gets smaller, so a long career still fits.
_ROOMY_CAREER_ROWS = 10
_GREY = 110
_LABEL_FILL = 242


class CertificateFontMissing(RuntimeError):
    """No Korean font to embed: the setting or the system package is missing."""


class CertificateDoesNotFit(ValueError):
    """The statement is too long for the one page a certificate is."""


def render_certificate(statement: CertificateStatement, *, font_path: Path | None = None) -> bytes:
    """The certificate as the bytes of a one-page A4 PDF with the Korean font embedded.

    Raises :class:`CertificateFontMissing` when no font is found, and
    :class:`CertificateDoesNotFit` when the rows (a long career) would need a second page.
    """
    path = find_certificate_font(font_path)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    # The body may run down to the certification; a second page means it did not fit (checked below).
    pdf.set_auto_page_break(auto=True, margin=_MARGIN + _FOOTER_HEIGHT + _CERTIFICATION_HEIGHT)
    pdf.add_font(_FAMILY, "", str(path), collection_font_number=_korean_face(path))
    korean, english = _TITLES[statement.kind]
    pdf.set_title(f"{korean} {statement.verification_number}")
    pdf.set_subject(english)
    pdf.set_author(statement.organisation_name)
    pdf.set_lang("ko-KR")
    pdf.set_creation_date(datetime.combine(statement.issued_on, time(), _KOREA))
    pdf.add_page()

    _heading(pdf, statement)
    for label, label_en, value in _rows(statement):
        _row(pdf, label, label_en, value)
    if statement.career:
        _career(pdf, statement.career)
    if pdf.page != 1:
        raise CertificateDoesNotFit(
            f"The certificate does not fit on one page ({len(statement.career)} career rows)"
        )
    # The foot is drawn at fixed places inside the bottom margin, which must not break the page.
    pdf.set_auto_page_break(auto=False)
    _certification(pdf, statement)
    _footer(pdf, statement.verification_number)
    return bytes(pdf.output())


def find_certificate_font(font_path: Path | None = None) -> Path:
    """The font file to embed: ``font_path``, else the setting, else a known system path.

    A path given or set that does not exist is an error rather than a reason to look further:
    a setting that is ignored would print certificates in a font nobody chose.
    """
    chosen = font_path or (Path(os.environ[FONT_SETTING]) if os.environ.get(FONT_SETTING) else None)
    if chosen is not None:
        if not chosen.is_file():
            raise CertificateFontMissing(
                f"The certificate font {chosen} does not exist (from "
                f"{'the font_path argument' if font_path else FONT_SETTING})"
            )
        return chosen
    for known in KNOWN_FONT_PATHS:
        if known.is_file():
            return known
    raise CertificateFontMissing(
        "No Korean font found for certificates: set "
        f"{FONT_SETTING} to a .ttf, .otf or .ttc file with Hangul, or install Debian's "
        f"fonts-noto-cjk (looked at {', '.join(str(p) for p in KNOWN_FONT_PATHS)})"
    )


@lru_cache(maxsize=8)
def _korean_face(path: Path) -> int:
    """The index of the Korean face in a font collection (Noto Sans CJK holds JP, KR, SC, …
    with different glyphs for the same Han characters), 0 in a single font."""
    if path.suffix.lower() not in {".ttc", ".otc"}:
        return 0
    collection = TTCollection(str(path), lazy=True)  # lazy: only the name tables are read
    try:
        for index, face in enumerate(collection.fonts):
            family = str(face["name"].getDebugName(1) or "")
            if family.endswith(" KR") or "Korean" in family:
                return index
    finally:
        collection.close()
    return 0


def _period(starts: date, ends: date | None) -> str:
    return f"{_korean_date(starts)} ~ {_korean_date(ends) if ends else '현재'}"


def _korean_date(day: date) -> str:
    # The dotted form official Korean documents use: 2026. 3. 15.
    return f"{day.year}. {day.month}. {day.day}."


def _rows(statement: CertificateStatement) -> Iterator[tuple[str, str, str]]:
    yield "성명", "Name", statement.name
    yield "사번", "Employee No.", statement.employee_number
    yield "소속", "Department", statement.department
    yield "직급", "Grade", statement.grade
    yield "직위", "Position", statement.position or "-"
    yield "재직기간", "Period", _period(statement.hired_on, statement.until)
    yield "용도", "Purpose", statement.purpose


def _heading(pdf: FPDF, statement: CertificateStatement) -> None:
    korean, english = _TITLES[statement.kind]
    pdf.set_font(_FAMILY, size=9)
    pdf.cell(text=f"발급번호 No. {statement.verification_number}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font(_FAMILY, size=24)
    pdf.cell(w=0, h=12, text=korean, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _small(pdf, english, align=Align.C)
    pdf.ln(5)


def _row(pdf: FPDF, label: str, label_en: str, value: str) -> None:
    """One labelled row: the Korean label with its English beside, the value wrapped if long."""
    x, y = pdf.l_margin, pdf.get_y()
    value_width = pdf.epw - _LABEL_WIDTH
    pdf.set_font(_FAMILY, size=11)
    lines = pdf.multi_cell(
        value_width - 2 * _PAD, _LINE_HEIGHT, value, dry_run=True, output=MethodReturnValue.LINES
    )
    # Asked for LINES, fpdf2 answers the wrapped lines; its signature names every kind of answer.
    assert isinstance(lines, list)
    height = max(_ROW_HEIGHT, len(lines) * _LINE_HEIGHT + _PAD)
    if pdf.will_page_break(height):
        pdf.add_page()  # caught by render_certificate's one-page check
        x, y = pdf.l_margin, pdf.get_y()
    pdf.set_fill_color(_LABEL_FILL)
    pdf.rect(x, y, _LABEL_WIDTH, height, style="DF")
    pdf.set_fill_color(255)  # only the label is shaded; the career table's body is not
    pdf.rect(x + _LABEL_WIDTH, y, value_width, height)
    pdf.set_xy(x + _PAD, y)
    pdf.cell(h=height, text=label)
    pdf.set_font(_FAMILY, size=7)
    pdf.set_text_color(_GREY)
    pdf.cell(h=height, text=f" {label_en}")
    pdf.set_text_color(0)
    pdf.set_font(_FAMILY, size=11)
    pdf.set_xy(x + _LABEL_WIDTH + _PAD, y + (height - len(lines) * _LINE_HEIGHT) / 2)
    pdf.multi_cell(value_width - 2 * _PAD, _LINE_HEIGHT, value, align=Align.L)
    pdf.set_xy(x, y + height)


def _career(pdf: FPDF, entries: tuple[CareerEntry, ...]) -> None:
    """The career table (경력사항), one posting a row."""
    pdf.ln(4)
    pdf.set_font(_FAMILY, size=11)
    pdf.cell(h=6, text="경력사항")
    _small(pdf, " Career", new_line=False, h=6)
    pdf.ln(7)
    size = 9.0 if len(entries) <= _ROOMY_CAREER_ROWS else 7.0
    pdf.set_font(_FAMILY, size=size)
    # No bold face is embedded (it would double the file): headings differ by fill, not weight.
    headings = FontFace(emphasis="", size_pt=size - 0.5, fill_color=_LABEL_FILL)
    with pdf.table(
        col_widths=(25, 28, 20, 27),
        headings_style=headings,
        line_height=size * 0.45,
        text_align=Align.L,
        padding=1,
    ) as table:
        table.row(("기간 Period", "소속 Department", "직급 Grade", "담당업무 Duties"))
        for entry in entries:
            table.row((_period(entry.starts, entry.ends), entry.department, entry.grade, entry.what))


def _certification(pdf: FPDF, statement: CertificateStatement) -> None:
    """The certifying sentence, the issue date and the issuer, centred above the footer."""
    pdf.set_xy(pdf.l_margin, pdf.h - _MARGIN - _FOOTER_HEIGHT - _CERTIFICATION_HEIGHT + 4)
    pdf.set_font(_FAMILY, size=13)
    pdf.cell(w=0, h=8, text="위의 사실을 증명합니다.", align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _small(pdf, "We certify that the above is true.", align=Align.C)
    pdf.ln(5)
    pdf.set_font(_FAMILY, size=12)
    issued = statement.issued_on
    day = f"{issued.year}년 {issued.month}월 {issued.day}일"
    pdf.cell(w=0, h=7, text=day, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _small(pdf, f"Date of issue: {issued.isoformat()}", align=Align.C)
    pdf.ln(5)
    pdf.set_font(_FAMILY, size=16)
    pdf.cell(w=0, h=9, text=statement.organisation_name, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _small(pdf, f"기관코드 Organisation code {statement.organisation_code}", align=Align.C)


def _footer(pdf: FPDF, number: str) -> None:
    """The verification number and where to check it, at the foot of the page."""
    path = PUBLIC_PATH.format(number=number)
    top = pdf.h - _MARGIN - _FOOTER_HEIGHT
    pdf.set_draw_color(160)
    pdf.line(pdf.l_margin, top, pdf.w - pdf.r_margin, top)
    pdf.set_xy(pdf.l_margin, top + 2)
    pdf.set_font(_FAMILY, size=11)
    pdf.cell(text=f"진위확인번호 {number}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(_FAMILY, size=9)
    pdf.cell(
        text=f"이 증명서의 진위는 {path} 에서 확인할 수 있습니다.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    _small(pdf, f"Verification number: check this certificate at {path}")


def _small(pdf: FPDF, text: str, *, align: Align = Align.L, new_line: bool = True, h: float = 4.5) -> None:
    """English in small grey type, under or beside the Korean it translates."""
    size = pdf.font_size_pt
    pdf.set_font(_FAMILY, size=7.5)
    pdf.set_text_color(_GREY)
    if new_line:
        pdf.cell(w=0, h=h, text=text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        pdf.cell(h=h, text=text)
    pdf.set_text_color(0)
    pdf.set_font(_FAMILY, size=size)
