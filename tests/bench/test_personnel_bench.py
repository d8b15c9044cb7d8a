"""``python -m bench.personnel`` at a tiny size on SQLite: it runs through, and its last line is the
one JSON object the bench contract asks for (../shared/docs/bench-contract.md), figures as numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import personnel

REQUIRED = ("metric", "actions_per_s", "headcount_ms", "employees", "actions")
FIGURES = (
    "actions_per_s",
    "headcount_ms",
    "employees",
    "actions",
    "drafts_per_s",
    "approvals_per_s",
    "hires_per_s",
    "headcount_p50_ms",
    "workers",
    "cores",
)


@pytest.mark.slow
def test_a_tiny_run_ends_with_one_json_line_of_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    personnel.main(
        [
            "--database-url",
            f"sqlite:///{tmp_path / 'bench.db'}",
            "--employees",
            "40",
            "--actions",
            "150",
            "--institutions",
            "2",
            "--workers",
            "1",
            "--threads",
            "2",
            "--dates",
            "5",
        ]
    )
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert set(REQUIRED) <= set(result)
    assert result["metric"] == "personnel_actions_per_s"
    for key in FIGURES:
        value = result[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
        assert value > 0, (key, value)
    assert result["employees"] == 40
    # Every drafted action was approved, about as many as asked (a day's order is sent whole).
    assert 100 <= result["actions"] <= 300
    assert result["headcount_queries"] == 2 * 5
    # The scratch store is removed afterwards: only what the test made is left.
    assert not list(tmp_path.glob("*.bench-*"))
