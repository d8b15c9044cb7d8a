"""``python -m bench.http --phase portal`` on a tiny demo on SQLite: it runs through, also while
obligations are written, every page answers 200, and its last line holds what the bench contract asks for
(../shared/docs/bench-contract.md: ``pages``, one ``{"rps": …, "p99_ms": …}`` per page)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import http
from cleanledger import synthetic

TINY = synthetic.Scale(districts=1, institutions=0, lines_per_org=6, vendors=6, assessments=1, employees=0)


@pytest.mark.slow
def test_a_tiny_portal_run_ends_with_one_json_line_of_figures_per_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(synthetic.SCALES, "tiny", TINY)
    database = tmp_path / "bench.db"
    http.main(
        [
            "--database-url",
            f"sqlite:///{database}",
            "--phase",
            "portal",
            "--demo-scale",
            "tiny",
            "--seconds",
            "0.3",
            "--portal-connections",
            "2",
            "--write-every",
            "0.1",
        ]
    )
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["metric"] == "http" and result["phase"] == "portal"
    assert list(result["pages"]) == [name for name, _ in http.PORTAL_PAGES]
    for name, path in http.PORTAL_PAGES:
        page = result["pages"][name]
        assert page["path"] == path
        assert page["refused"] == {}, (name, page)  # every answer was a 200
        for key in ("rps", "p50_ms", "p99_ms", "bytes"):
            assert isinstance(page[key], int | float) and page[key] > 0, (name, key, page)
    assert result["overall"]["rps"] > 0
    assert result["page_cache"] is True
    assert result["writes"] >= 1  # the views moved while the pages were read
    assert list(tmp_path.iterdir()) == []  # the scratch store and its key are gone


def test_reusing_a_database_is_for_postgresql_only(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="PostgreSQL"):
        http.main(
            ["--database-url", f"sqlite:///{tmp_path / 'b.db'}", "--phase", "portal", "--reuse-database", "x"]
        )
