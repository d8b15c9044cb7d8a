"""``cleanledger payroll`` on both backends: tables loaded from the shipped files and from a file of
the institution's own, a month run through every step with four eyes kept, the register printed,
and refusals reported by code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger
from domain.payroll.run import PayrollRun, RunStatus
from tests.app.payroll_helpers import ORG, Payroll, pay_scale
from tests.app.personnel_helpers import FakeSealer
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres


@pytest.fixture(params=["sqlite", "postgres"])
def settings(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    monkeypatch.chdir(tmp_path)
    if request.param == "sqlite":
        monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
        yield Settings()
        return
    require_postgres()
    schema = PostgresSchema()
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"{POSTGRES_URL}?schema={schema.name}")
    try:
        yield Settings()
    finally:
        schema.drop()


@pytest.fixture
def office(settings: Settings) -> Settings:
    """The personnel driver's chart, the personnel lines and settings, three people hired."""
    ledger = build_ledger(settings)
    ledger.personal_data = FakeSealer()
    try:
        pay = Payroll(ledger).ready()
        for number in ("E001", "E002", "E003"):
            pay.hr.hire(number, grade="G9", step=1)
    finally:
        ledger.close()
    return settings


def run_status(settings: Settings, month: str) -> PayrollRun:
    ledger = build_ledger(settings)
    try:
        found = ledger.repository.get(PayrollRun.id_for(ORG, month))
        assert isinstance(found, PayrollRun)
        return found
    finally:
        ledger.close()


def test_a_month_run_through_every_step_and_its_register(
    office: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scale = tmp_path / "pay_scale.csv"
    scale.write_text(pay_scale(raise_percent=10), encoding="utf-8")
    assert main(["payroll", "load-tables", "--org", ORG, "--as", "pay.manager", str(scale)]) == 0
    assert "pay_scale: pay_scale.csv loaded (version 2)" in capsys.readouterr().out

    argv = [
        "payroll",
        "run",
        "--org",
        ORG,
        "--month",
        "2026-03",
        "--date",
        "2026-03-20",
        "--as",
        "pay.officer",
    ]
    assert main([*argv, "--approve-as", "pay.manager"]) == 0
    out = capsys.readouterr()
    assert "2026-03: remitted; 3 payslips" in out.out
    assert "payroll 6110001 2026-03: 6/6 steps" in out.err
    assert run_status(office, "2026-03").status is RunStatus.REMITTED

    assert main(["payroll", "register", "--org", ORG, "--month", "2026-03", "--json"]) == 0
    register = json.loads(capsys.readouterr().out)
    assert [row["employee_number"] for row in register["payslips"]] == ["E001", "E002", "E003"]
    # 10 % raise loaded from the file: 2 000 000 × 1.1 = 2 200 000 base, with the meal allowance.
    assert {row["earnings"]["BASE"] for row in register["payslips"]} == {2_200_000}
    assert all(row["gross"] == 2_340_000 for row in register["payslips"])

    assert main(["payroll", "register", "--org", ORG, "--month", "2026-03"]) == 0
    table = capsys.readouterr().out
    assert "합계 3건: 지급 7,020,000" in table


def test_four_eyes_and_refusals_come_back_by_code(
    office: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "payroll",
        "run",
        "--org",
        ORG,
        "--month",
        "2026-04",
        "--date",
        "2026-04-20",
        "--as",
        "pay.officer",
    ]
    assert main([*argv, "--approve-as", "pay.officer"]) == 1
    assert "cleanledger payroll: same-preparer:" in capsys.readouterr().err
    assert run_status(office, "2026-04").status is RunStatus.CALCULATED
    assert main(["payroll", "run", "--org", ORG, "--month", "2026-13", "--as", "pay.officer"]) == 1
    assert "invalid-input" in capsys.readouterr().err
    assert main(["payroll", "load-tables", "--org", ORG, "--as", "x", str(Path("salaries.csv"))]) == 1
    assert "a table file is named for its kind" in capsys.readouterr().err
