"""``cleanledger users`` bootstraps keys that work; ``cleanledger report`` prints statements."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.accounts import INVALID_KEY, AccountStore, KeyRefused, Principal, api_keys
from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.wiring import Service, build_ledger, build_read_engine
from readmodels.report_exports import SURPLUS_NAME_KO
from tests.api.test_reports import R, record_year
from tests.app.books import SEOUL, Books
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
        assert isinstance(principal, Principal)
        assert {g.role.value for g in principal.grants} == {"admin", "clerk"}
        assert main(["users", "revoke-key", key.split("_")[1]]) == 0
        assert AccountStore(engine).authenticate(key) == INVALID_KEY
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
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")  # UTF-8 with a BOM, for spreadsheets reading Korean
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [(r["current_budget"], r["allocated"], r["obligated"]) for r in rows] == [
        ("1000000", "600000", "250000")
    ]
    assert main(["report", "trial-balance", "--org", "6110000", "--as-of", "2026-12-31"]) == 0
    assert "합계 total" in capsys.readouterr().out


#: Each statement with its API query and the same choice as CLI options.
STATEMENTS = [
    ("trial-balance", {"as_of": "2026-12-31"}, ["--as-of", "2026-12-31"]),
    (
        "income-statement",
        {"start": "2026-01-01", "end": "2026-12-31"},
        ["--start", "2026-01-01", "--end", "2026-12-31"],
    ),
    ("balance-sheet", {"as_of": "2026-12-31"}, ["--as-of", "2026-12-31"]),
    ("budget-vs-actual", {"fiscal_year": "2026"}, ["--year", "2026"]),
]


def test_report_csv_is_the_file_the_api_downloads_and_the_sheet_balances_on_screen(
    settings: Settings, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    ledger = build_ledger(settings)
    try:
        position = record_year(Books(ledger))
    finally:
        ledger.close()
    printed = {}
    for name, _, options in STATEMENTS:
        assert main(["report", name, "--org", SEOUL, *options, "--csv"]) == 0
        printed[name] = capsysbinary.readouterr().out
    service = Service(settings, run_projections=False)
    try:
        with TestClient(service.app) as client:
            for name, params, _ in STATEMENTS:
                download = client.get(f"{R}/{name}.csv", params={**params, "min_position": str(position)})
                assert download.status_code == 200, download.text
                assert printed[name] == download.content, name
    finally:
        service.services.read_engine.dispose()
    rows = list(csv.DictReader(io.StringIO(printed["balance-sheet"].decode("utf-8-sig"))))
    assert SURPLUS_NAME_KO in [r["name_ko"] for r in rows]
    assert main(["report", "balance-sheet", "--org", SEOUL, "--as-of", "2026-12-31"]) == 0
    table = capsysbinary.readouterr().out.decode()
    shown: dict[str, int] = {"assets": 0, "liabilities": 0, "net assets": 0}
    for line in table.splitlines():
        for section in shown:
            if line.startswith(f"{section} "):
                shown[section] += int(line.split()[-1].replace(",", ""))
    assert SURPLUS_NAME_KO in table
    # Every row of the sheet on screen adds up: assets = liabilities + net assets.
    assert shown["assets"] > 0
    assert shown["assets"] == shown["liabilities"] + shown["net assets"]


def test_users_key_takes_an_expiry_and_expire_key_moves_it(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["users", "create", "kim", "--grant", "clerk@6110000", "--expires-in", "90d"]) == 0
    first = capsys.readouterr()
    assert "expires " in first.err and "KST" in first.err
    assert main(["users", "key", "kim", "--expires", "2030-01-01"]) == 0
    dated = capsys.readouterr()
    assert "expires 2030-01-01 00:00 KST" in dated.err
    engine = build_read_engine(settings)
    store = AccountStore(engine)
    try:
        with engine.connect() as conn:
            expiries = {
                row.key_id: row.expires_at
                for row in conn.execute(select(api_keys.c.key_id, api_keys.c.expires_at))
            }
        key_id = dated.out.strip().split("_")[1]
        stored = expiries[key_id]
        assert stored is not None
        # The start of that day in Seoul: 15:00 UTC the day before.
        assert stored.replace(tzinfo=None) == datetime(2029, 12, 31, 15, 0)
        assert main(["users", "expire-key", key_id, "--expires-in", "1h"]) == 0
        assert main(["users", "expire-key", key_id, "--never"]) == 0
        assert "no expiry" in capsys.readouterr().out
        assert isinstance(store.authenticate(dated.out.strip()), Principal)
        assert main(["users", "expire-key", key_id, "--expires", "2020-01-01"]) == 0  # ends it now
        refused = store.authenticate(dated.out.strip())
        assert isinstance(refused, KeyRefused) and refused.expired_at is not None
    finally:
        store.close()
        engine.dispose()
    capsys.readouterr()
    for refused_arguments in (
        ["users", "key", "kim", "--expires", "2020-01-01"],  # already past
        ["users", "key", "kim", "--expires-in", "0d"],
        ["users", "key", "kim", "--expires-in", "3 days"],
        ["users", "key", "kim", "--expires", "next year"],
        ["users", "expire-key", "0000000000000000", "--never"],
        ["users", "expire-key", key_id],  # says nothing of when
    ):
        assert main(refused_arguments) == 1, refused_arguments
    errors = capsys.readouterr().err
    assert "has passed" in errors and "--expires-in takes" in errors and "no active key" in errors
