"""The payslip as PDF (급여명세서): one A4 page, the Korean font embedded, the figures read back by
pdftotext, the same bytes for the same payslip, and no personal data on it beyond the number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from api.payslip_pdf import PayslipDocument, PayslipItem, render_payslip
from tests.certificates.test_pdf import fonts_of, pages_of, text_of


def payslip(**fields: object) -> PayslipDocument:
    values: dict[str, object] = {
        "organisation_code": "6119001",
        "organisation_name": "서울문화재단",
        "employee_number": "E001",
        "month": "2026-03",
        "kind": "regular",
        "days": 31,
        "earnings": (PayslipItem("BASE", "기본급", 2_000_000), PayslipItem("MEAL", "정액급식비", 140_000)),
        "deductions": (
            PayslipItem("NATIONAL_PENSION", "국민연금", 95_000),
            PayslipItem("INCOME_TAX", "소득세", 19_520),
            PayslipItem("LOCAL_INCOME_TAX", "지방소득세", 1_950),
        ),
        "paid_on": date(2026, 3, 20),
        "facts": {"grade": "G9", "step": "1", "family": "1"},
    }
    values.update(fields)
    return PayslipDocument(**values)  # type: ignore[arg-type]


def test_the_payslip_reads_back_with_its_figures_and_totals(tmp_path: Path, korean_font: Path) -> None:
    pdf = tmp_path / "payslip.pdf"
    pdf.write_bytes(render_payslip(payslip(), font_path=korean_font))
    assert pages_of(pdf) == 1
    assert all(font["emb"] == "yes" and font["uni"] == "yes" for font in fonts_of(pdf))
    text = text_of(pdf)
    for shown in (
        "2026년 3월 급여명세서",
        "서울문화재단 (6119001)",
        "E001",
        "2026. 3. 20.",
        "2,000,000원",
        "정액급식비",
        "지급액 계 Gross",
        "2,140,000원",
        "116,470원",  # 95 000 + 19 520 + 1 950
        "실지급액 2,023,530원",
    ):
        assert shown in text, shown


def test_the_same_payslip_gives_the_same_bytes_and_each_kind_its_title(
    tmp_path: Path, korean_font: Path
) -> None:
    assert render_payslip(payslip(), font_path=korean_font) == render_payslip(
        payslip(), font_path=korean_font
    )
    refund = payslip(
        kind="settlement",
        earnings=(),
        deductions=(PayslipItem("YEAR_END_TAX", "연말정산 소득세", -26_470),),
        paid_on=None,
    )
    pdf = tmp_path / "settlement.pdf"
    pdf.write_bytes(render_payslip(refund, font_path=korean_font))
    text = text_of(pdf)
    assert "연말정산 정산명세서" in text and "미지급 Not yet paid" in text
    assert "실지급액 26,470원" in text  # a refund is paid out
