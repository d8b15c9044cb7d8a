"""A payslip (급여명세서) as one A4 page of PDF, for the employee's self-service.

:func:`render_payslip` lays out a :class:`PayslipDocument`: the month and kind, who (employee
number; no name or other personal data, which stays sealed), the earnings and the deductions side
by side with their totals, the net pay, and the facts that explain them (days, grade and step,
hours, the family counted). Korean first, English labels in small type beside; the same fonts and
the same reproducibility as the certificates (:mod:`api.certificate_pdf`): the same payslip gives
the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import Align, XPos, YPos

from api.certificate_pdf import _korean_face, find_certificate_font

_KOREA = timezone(timedelta(hours=9))
_FAMILY = "korean"
_MARGIN = 18.0
_GREY = 110
_FILL = 235
KIND_TITLES = {
    "regular": ("급여명세서", "Payslip"),
    "retroactive": ("소급분 급여명세서", "Payslip: retroactive difference"),
    "settlement": ("연말정산 정산명세서", "Year-end settlement"),
    "severance": ("퇴직금 명세서", "Severance pay"),
}
FACT_LABELS = {
    "grade": ("직급", "Grade"),
    "step": ("호봉", "Step"),
    "department": ("부서", "Department"),
    "family": ("공제대상가족", "Family counted"),
    "standard_monthly_pay": ("보수월액", "Standard monthly pay"),
    "overtime_minutes": ("연장근로(분)", "Overtime, minutes"),
    "night_minutes": ("야간근로(분)", "Night work, minutes"),
    "holiday_minutes": ("휴일근로(분)", "Holiday work, minutes"),
    "service_days": ("근속일수", "Days of service"),
    "average_daily_wage": ("1일 평균임금", "Average daily wage"),
    "service_years": ("근속연수", "Years of service"),
    "decided_tax": ("결정세액", "Tax decided"),
    "taxable_base": ("과세표준", "Taxable base"),
}


@dataclass(frozen=True)
class PayslipItem:
    code: str
    name: str
    amount: int


@dataclass(frozen=True)
class PayslipDocument:
    organisation_code: str
    organisation_name: str
    employee_number: str
    month: str  # 귀속월
    kind: str
    days: int
    earnings: tuple[PayslipItem, ...]
    deductions: tuple[PayslipItem, ...]
    paid_on: date | None
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def gross(self) -> int:
        return sum(item.amount for item in self.earnings)

    @property
    def deducted(self) -> int:
        return sum(item.amount for item in self.deductions)

    @property
    def net(self) -> int:
        return self.gross - self.deducted


def _dotted(day: date) -> str:
    # The dotted form official Korean documents use: 2026. 3. 20.
    return f"{day.year}. {day.month}. {day.day}."


def won(amount: int) -> str:
    return f"{amount:,}원"


def render_payslip(document: PayslipDocument, *, font_path: Path | None = None) -> bytes:
    """The payslip as the bytes of a one-page A4 PDF with the Korean font embedded."""
    path = find_certificate_font(font_path)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.add_font(_FAMILY, "", str(path), collection_font_number=_korean_face(path))
    korean, english = KIND_TITLES.get(document.kind, KIND_TITLES["regular"])
    year, month = document.month.split("-")
    pdf.set_title(f"{korean} {document.month} {document.employee_number}")
    pdf.set_subject(english)
    pdf.set_author(document.organisation_name)
    pdf.set_lang("ko-KR")
    stamp = document.paid_on or date(int(year), int(month), 1)
    pdf.set_creation_date(datetime.combine(stamp, time(), _KOREA))
    pdf.add_page()

    pdf.set_font(_FAMILY, size=20)
    pdf.cell(
        w=0,
        h=11,
        text=f"{int(year)}년 {int(month)}월 {korean}",
        align=Align.C,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    _small(pdf, f"{english}, {document.month}", align=Align.C)
    pdf.ln(4)
    pdf.set_font(_FAMILY, size=10)
    header = (
        ("기관 Organisation", f"{document.organisation_name} ({document.organisation_code})"),
        ("사번 Employee number", document.employee_number),
        (
            "지급일 Paid on",
            _dotted(document.paid_on) if document.paid_on else "미지급 Not yet paid",
        ),
        ("근무일수 Days", str(document.days)),
    )
    _table(pdf, (70, 100), [("항목 Item", "내용 Detail"), *header])
    pdf.ln(5)
    rows = max(len(document.earnings), len(document.deductions))
    body = [("지급 항목 Earnings", "금액 Amount", "공제 항목 Deductions", "금액 Amount")]
    for index in range(rows):
        earning = document.earnings[index] if index < len(document.earnings) else None
        deduction = document.deductions[index] if index < len(document.deductions) else None
        body.append(
            (
                earning.name if earning else "",
                won(earning.amount) if earning else "",
                deduction.name if deduction else "",
                won(deduction.amount) if deduction else "",
            )
        )
    body.append(("지급액 계 Gross", won(document.gross), "공제액 계 Deducted", won(document.deducted)))
    _table(pdf, (50, 35, 50, 35), body, right=(1, 3))
    pdf.ln(5)
    pdf.set_font(_FAMILY, size=14)
    pdf.cell(
        w=0, h=9, text=f"실지급액 {won(document.net)}", align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    _small(pdf, "Net pay", align=Align.R)
    facts = [(FACT_LABELS[k], v) for k, v in document.facts.items() if k in FACT_LABELS and v]
    if facts:
        pdf.ln(4)
        pdf.set_font(_FAMILY, size=9)
        _table(pdf, (70, 100), [("산정 기초 Basis", ""), *((f"{ko} {en}", v) for (ko, en), v in facts)])
    pdf.ln(6)
    _small(pdf, "이 명세서는 본인만 열람할 수 있습니다. This payslip is for the employee alone.")
    return bytes(pdf.output())


def _table(
    pdf: FPDF, widths: tuple[int, ...], rows: Sequence[tuple[str, ...]], right: tuple[int, ...] = ()
) -> None:
    headings = FontFace(emphasis="", fill_color=_FILL)
    with pdf.table(col_widths=widths, headings_style=headings, line_height=6, padding=1.2) as table:
        for number, cells in enumerate(rows):
            row = table.row()
            for column, text in enumerate(cells):
                align = Align.R if number and column in right else Align.L
                row.cell(text, align=align)


def _small(pdf: FPDF, text: str, *, align: Align = Align.L) -> None:
    size = pdf.font_size_pt
    pdf.set_font(_FAMILY, size=7.5)
    pdf.set_text_color(_GREY)
    pdf.cell(w=0, h=4.5, text=text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.set_font(_FAMILY, size=size)
