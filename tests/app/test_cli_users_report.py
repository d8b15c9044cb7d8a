"""``cleanledger users`` bootstraps keys that work; ``cleanledger report`` prints statements."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.accounts import AccountStore
from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger, build_read_engine
from tests.app.books import Books
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
    schema, read = PostgresSchema(), PostgresSchema()
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"{POSTGRES_URL}?schema={schema.name}")
    monkeypatch.setenv("CLEANLEDGER_READ_SCHEMA", read.name)
    try:
        yield Settings()
    finally:
        schema.drop()
        read.drop()


def test_users_create_prints_a_key_that_authenticates_until_revoked(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["users", "create", "admin", "--grant", "admin@*", "--grant", "clerk@6110000"]) == 0
    key = capsys.readouterr().out.strip()
    engine = build_read_engine(settings)
    try:
        store = AccountStore(engine)
        principal = store.authenticate(key)
        assert principal is not None
        assert {g.role.value for g in principal.grants} == {"admin", "clerk"}
        assert main(["users", "revoke-key", key.split("_")[1]]) == 0
        assert AccountStore(engine).authenticate(key) is None
    finally:
        engine.dispose()
    assert main(["users", "create", "admin"]) == 1  # exists already
    assert main(["users", "create", "bad", "--grant", "wizard@6110000"]) == 1
    assert "unknown role" in capsys.readouterr().err


def test_report_prints_the_budget_vs_actual_and_a_balanced_trial_balance_as_csv(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = build_ledger(settings)
    try:
        books = Books(ledger).ready()
        line = books.line(amount=1_000_000, allocate={1: 600_000})
        books.obligate(line, 250_000)
    finally:
        ledger.close()
    capsys.readouterr()
    assert main(["report", "budget-vs-actual", "--org", "6110000", "--year", "2026", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["budget"], r["allocated"], r["obligated"]) for r in rows] == [("1000000", "600000", "250000")]
    assert main(["report", "trial-balance", "--org", "6110000", "--as-of", "2026-12-31"]) == 0
    assert "합계 total" in capsys.readouterr().out
