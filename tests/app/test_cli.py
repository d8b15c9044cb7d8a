"""The ``cleanledger`` command line: the demo data set loads, re-loads as a no-op, and lists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synthetic import SCALES, organisations
from cleanledger.cli import main, read_budget_lines
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

SMALL_LINES = len(organisations(SCALES["small"])) * SCALES["small"].lines_per_org


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """CLEANLEDGER_DATABASE_URL for a fresh store; on PostgreSQL the ``?schema=`` form."""
    monkeypatch.chdir(tmp_path)  # no stray .env or cleanledger.db is read
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'demo.db'}"
        monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", url)
        yield url
        return
    require_postgres()
    schema = PostgresSchema()
    url = f"{POSTGRES_URL}?schema={schema.name}"
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", url)
    try:
        yield url
    finally:
        schema.drop()


def log_size() -> int:
    ledger = build_ledger(Settings())
    try:
        return ledger.recorder.max_notification_id() or 0
    finally:
        ledger.close()


@pytest.mark.slow
def test_demo_loads_once_and_a_rerun_records_nothing(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--scale", "small", "--quiet"]) == 0
    first = capsys.readouterr().out
    assert f"{SMALL_LINES} budget lines" in first
    size = log_size()
    assert size > 0

    ledger = build_ledger(Settings())
    try:
        rows = read_budget_lines(ledger)
    finally:
        ledger.close()
    assert len(rows) == SMALL_LINES
    assert {row.org for row in rows} == {org.code for org in organisations(SCALES["small"])}
    assert all(0 <= row.obligated <= row.allocated <= row.current_budget for row in rows)
    assert sum(row.obligated for row in rows) > 0

    assert main(["demo", "--scale", "small"]) == 0
    second = capsys.readouterr()
    assert log_size() == size
    assert " 0 recorded" in second.out
    assert "commands" in second.err  # the progress counter

    assert main(["lines"]) == 0
    listing = capsys.readouterr().out
    assert "어르신 복지관 운영" in listing
    assert "따릉이 운영" in listing
    assert "서울특별시 본청" in listing
    assert f"{SMALL_LINES} budget lines" in listing

    assert main(["lines", "--org", "3030000"]) == 0
    seongdong = capsys.readouterr().out
    assert "3030000 성동구: 20 lines" in seongdong
    assert "6110000" not in seongdong


def test_lines_on_an_empty_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    assert main(["lines"]) == 0
    assert "no budget lines" in capsys.readouterr().out


def test_an_unknown_scale_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--scale", "huge"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
