"""``cleanledger keys generate``, ``cleanledger chain`` and ``cleanledger verify`` end to end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger, store_config
from tests.app.books import Books
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres
from tests.integrity.conftest import RawLog


@pytest.fixture(params=["sqlite", "postgres"])
def settings(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLEANLEDGER_CHECKPOINT_EVERY", "4")
    if request.param == "sqlite":
        monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
        yield Settings()
        return
    require_postgres()
    schema, read = PostgresSchema(), PostgresSchema()
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"{POSTGRES_URL}?schema={schema.name}")
    monkeypatch.setenv("CLEANLEDGER_DB_SCHEMA", schema.name)
    monkeypatch.setenv("CLEANLEDGER_READ_SCHEMA", read.name)
    try:
        yield Settings()
    finally:
        schema.drop()
        read.drop()


def test_keys_chain_and_verify_from_the_command_line(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "generate", "--out", str(tmp_path / "k.pem")]) == 0
    public = capsys.readouterr().out
    assert public.startswith("-----BEGIN PUBLIC KEY-----") and (tmp_path / "k.pub.pem").read_text() == public
    assert main(["keys", "generate", "--out", str(tmp_path / "k.pem")]) == 1  # never overwrites
    monkeypatch.setenv("CLEANLEDGER_SIGNING_KEY", str(tmp_path / "k.pem"))

    ledger = build_ledger(settings)
    try:
        books = Books(ledger).ready()
        for n in range(3):
            books.line(amount=1_000 + n)
        table = ledger.recorder.events_table_name
    finally:
        ledger.close()
    assert main(["verify", "--quiet"]) == 1  # the chain was never built
    capsys.readouterr()
    assert main(["chain"]) == 0
    assert main(["verify", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "verify: OK" in out and "checked against the trusted public key" in out

    raw = RawLog(store_config(settings), table)
    target = raw.positions()[4]
    raw.delete(target)
    assert main(["verify", "--quiet", "--public-key", str(tmp_path / "k.pub.pem")]) == 1
    assert f"verify: FAILED at position {target}: missing" in capsys.readouterr().out
