"""``python -m bench.payroll`` at a tiny size on PostgreSQL: it runs through, the run's payslips equal
the replayed ones (the bench stops otherwise), one for each employee in service with something to
pay, and its last line is the one JSON object the bench contract asks for
(../shared/docs/bench-contract.md), figures as numbers."""

from __future__ import annotations

import json

import pytest

from bench import payroll
from tests.conftest import POSTGRES_URL, require_postgres

REQUIRED = ("metric", "payslips_per_s", "peak_mb", "employees", "baseline_payslips_per_s")
FIGURES = (
    "payslips_per_s",
    "peak_mb",
    "employees",
    "baseline_payslips_per_s",
    "payslips",
    "regular_payslips",
    "month_s",
    "calculate_s",
    "approve_s",
    "post_s",
    "baseline_s",
    "ratio_to_baseline",
    "payslips_ratio",
    "seconds_ratio",
    "peak_ratio",
    "gross",
    "in_service",
    "actions",
    "cores",
)


@pytest.mark.slow
@pytest.mark.postgres
def test_a_tiny_run_ends_with_one_json_line_of_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    require_postgres()
    payroll.main(["--database-url", POSTGRES_URL, "--employees", "200", "--workers", "2"])
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert set(REQUIRED) <= set(result)
    assert result["metric"] == "payroll_payslips_per_s"
    for key in FIGURES:
        value = result[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
        assert value > 0, (key, value)
    assert result["employees"] == 200
    assert result["institutions"] == 4
    assert result["same_payslips"] is True
    # One regular payslip for each employee in service in March, but those on a leave without pay
    # all month (nothing paid, nothing deducted); some have left or are hired later, none twice.
    assert result["regular_payslips"] == result["in_service"] - result["on_unpaid_leave"]
    assert 0 < result["regular_payslips"] <= result["payslips"] < result["employees"]
    assert result["baseline_payslips_per_s"] * result["baseline_s"] == pytest.approx(
        result["regular_payslips"], rel=0.01
    )
    assert result["month_s"] == pytest.approx(
        result["calculate_s"] + result["approve_s"] + result["post_s"], abs=0.002
    )
    assert sum(org["payslips"] for org in result["by_org"].values()) == result["payslips"]
