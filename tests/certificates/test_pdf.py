"""The certificate as PDF: one A4 page, the Korean font embedded, the text read back by pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from api.certificate_pdf import (
    FONT_SETTING,
    CertificateDoesNotFit,
    CertificateFontMissing,
    find_certificate_font,
    render_certificate,
)
from domain.personnel.certificates import CertificateStatement
from tests.certificates.conftest import require_tool
from tests.certificates.statements import career, employment


def written(pdf: bytes, folder: Path) -> Path:
    path = folder / "certificate.pdf"
    path.write_bytes(pdf)
    return path


def text_of(pdf: Path) -> str:
    run = subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return run.stdout.decode()


def pages_of(pdf: Path) -> int:
    run = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, check=True, text=True)
    (line,) = [line for line in run.stdout.splitlines() if line.startswith("Pages:")]
    return int(line.split()[1])


def fonts_of(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: the name, then emb, sub and uni (yes/no) read from the right, since the
    type column holds spaces ("CID Type 0C")."""
    run = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, check=True, text=True)
    rows = run.stdout.splitlines()[2:]
    return [
        {"name": fields[0], "emb": fields[-5], "sub": fields[-4], "uni": fields[-3]}
        for fields in (row.split() for row in rows)
    ]


def assert_common(statement: CertificateStatement, text: str) -> None:
    number = statement.verification_number
    for expected in (
        statement.name,
        statement.employee_number,
        statement.department,
        statement.grade,
        statement.purpose,
        statement.organisation_name,
        "위의 사실을 증명합니다",
        f"진위확인번호 {number}",
        f"/api/v1/public/certificates/{number}",
        *("성명", "사번", "소속", "직급", "직위", "재직기간", "용도"),
    ):
        assert expected in text, expected


def test_an_employment_certificate_reads_back(korean_font: Path, tmp_path: Path) -> None:
    statement = employment()
    pdf = written(render_certificate(statement), tmp_path)
    text = text_of(pdf)
    assert "재직증명서" in text
    assert "Certificate of Employment" in text
    assert_common(statement, text)
    assert "2019. 3. 1. ~ 현재" in text
    assert "2026년 3월 15일" in text
    assert pages_of(pdf) == 1


def test_a_career_certificate_reads_back_with_its_table(korean_font: Path, tmp_path: Path) -> None:
    statement = career(rows=4)
    pdf = written(render_certificate(statement), tmp_path)
    text = text_of(pdf)
    assert "경력증명서" in text
    assert "경력사항" in text
    assert_common(statement, text)
    for entry in statement.career:
        assert entry.department in text
        assert entry.what in text
    assert "2000. 3. 1. ~ 2001. 2. 28." in text
    assert pages_of(pdf) == 1


def test_the_korean_font_is_embedded_as_a_subset(korean_font: Path, tmp_path: Path) -> None:
    fonts = fonts_of(written(render_certificate(career()), tmp_path))
    assert fonts, "the PDF names no font"
    for font in fonts:
        assert font == font | {"emb": "yes", "sub": "yes", "uni": "yes"}
        assert "+" in font["name"]  # the subset's tag, ABCDEF+Name
    if korean_font.name.startswith("NotoSansCJK"):
        assert any("NotoSansCJKKR" in font["name"] for font in fonts), "not the Korean face"


def test_the_same_statement_gives_the_same_bytes(korean_font: Path) -> None:
    assert render_certificate(employment()) == render_certificate(employment())
    assert render_certificate(employment()) != render_certificate(employment(name="김철수"))


def test_a_long_career_fits_and_a_longer_one_is_refused(korean_font: Path, tmp_path: Path) -> None:
    pdf = written(render_certificate(career(rows=15)), tmp_path)
    assert pages_of(pdf) == 1
    assert "문화체육관광국 문화정책과" in text_of(pdf)
    with pytest.raises(CertificateDoesNotFit, match="60 career rows"):
        render_certificate(career(rows=60))


def test_the_font_is_the_argument_then_the_setting(
    korean_font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FONT_SETTING, str(korean_font))
    assert find_certificate_font() == korean_font
    assert find_certificate_font(korean_font) == korean_font
    assert render_certificate(employment(), font_path=korean_font).startswith(b"%PDF-")

    missing = tmp_path / "no-such-font.ttf"
    with pytest.raises(CertificateFontMissing, match="font_path"):
        render_certificate(employment(), font_path=missing)
    monkeypatch.setenv(FONT_SETTING, str(missing))
    with pytest.raises(CertificateFontMissing, match=FONT_SETTING):
        find_certificate_font()


def test_without_a_font_the_error_names_the_setting_and_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FONT_SETTING, raising=False)
    monkeypatch.setattr("api.certificate_pdf.KNOWN_FONT_PATHS", ())
    with pytest.raises(CertificateFontMissing) as missing:
        render_certificate(employment())
    assert FONT_SETTING in str(missing.value)
    assert "fonts-noto-cjk" in str(missing.value)
