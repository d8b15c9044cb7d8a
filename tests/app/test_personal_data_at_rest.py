"""Personal data at rest (개인정보 암호화), end to end on both backends, with the real vault:

- after the demo, a dump of the whole store (the SQLite files; ``pg_dump`` of the schemas)
  holds none of the demo's resident registration numbers, phone numbers, bank accounts or e-mail
  addresses, and no log line of the run does;
- crypto-shredding: after erasure the personal fields read as erased, ``cleanledger verify``
  passes, and the headcount of every past day is what it was;
- master-key rotation: every employee still opens under the new key, and the old key alone no
  longer opens any.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import pytest
from sqlalchemy import select

from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.synthetic import SCALES, personnel
from cleanledger.wiring import build_ledger, build_read_engine, store_config
from commands.ledger import Ledger
from commands.messages.personnel import ErasePersonalData, SetPersonnelRules
from commands.personal_data.key_store import DataKeyStore
from commands.personal_data.keyring import KeyringError, MasterKeyring
from commands.personal_data.vault import PersonalDataVault
from domain.personnel.actions import ActionKind, RetirementKind
from domain.personnel.employee import Employee
from domain.personnel.errors import ActionNotAllowed
from readmodels.personnel import personnel_employees
from readmodels.personnel_queries import headcount
from tests.app.personnel_helpers import Personnel, personal
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

DAYS = [date(2026, 2, 1), date(2026, 3, 1), date(2026, 6, 1), date(2027, 6, 1)]


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh store named by CLEANLEDGER_DATABASE_URL, with a master key file apart from it."""
    monkeypatch.chdir(tmp_path)
    keys = tmp_path / "keys"
    keys.mkdir()
    MasterKeyring.generate().save(keys / "master.key")
    monkeypatch.setenv("CLEANLEDGER_MASTER_KEY", str(keys / "master.key"))
    if request.param == "sqlite":
        (tmp_path / "data").mkdir()
        url = f"sqlite:///{tmp_path / 'data' / 'ledger.db'}"
        monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", url)
        yield url
        return
    require_postgres()
    schema, read = PostgresSchema(), PostgresSchema()
    url = f"{POSTGRES_URL}?schema={schema.name}"
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", url)
    monkeypatch.setenv("CLEANLEDGER_READ_SCHEMA", read.name)
    try:
        yield url
    finally:
        schema.drop()
        read.drop()


def _dump(url: str, tmp_path: Path) -> bytes:
    """Everything the store holds: every file of the SQLite data folder, or pg_dump of the
    event store's and the read models' schemas (events, read models, wrapped data keys)."""
    if url.startswith("sqlite:///"):
        return b"".join(path.read_bytes() for path in sorted((tmp_path / "data").iterdir()) if path.is_file())
    schema = parse_qs(urlsplit(url).query)["schema"][0]
    settings = Settings()
    dumped = subprocess.run(
        [
            "pg_dump",
            "--no-owner",
            f"--schema={schema}",
            f"--schema={settings.read_schema}",
            url.split("?", 1)[0],
        ],
        capture_output=True,
        check=True,
    )
    return dumped.stdout


@pytest.mark.slow
def test_no_dump_of_the_store_and_no_log_line_holds_the_demos_personal_data(
    store: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    values = personnel(SCALES["small"]).values
    assert len(values.rrns) >= 150 and values.phones and values.accounts
    with caplog.at_level(logging.DEBUG):
        assert main(["demo", "--scale", "small", "--quiet"]) == 0
        assert main(["project", "--quiet"]) == 0
        assert main(["chain"]) == 0
        assert main(["verify", "--quiet"]) == 0
    out = capsys.readouterr()
    dump = _dump(store, tmp_path)
    assert b"personnel_data_keys" in dump or store.startswith("sqlite")  # the keys' table is in it
    assert len(dump) > 1_000_000
    assert "본부장".encode() in dump  # the dump holds the text it was searched for: a position's title
    seen = [value for value in values.all() if value.encode() in dump]
    assert seen == []
    said = caplog.text + out.out + out.err
    assert [value for value in values.all() if value in said] == []
    # The demo did record them: employees, each with sealed personal data.
    engine = build_read_engine(Settings())
    try:
        with engine.connect() as conn:
            sealed = conn.execute(select(personnel_employees.c.sealed)).scalars().all()
    finally:
        engine.dispose()
    assert len(sealed) >= 150 and all(value.startswith("pd1:") for value in sealed if value is not None)


def _office(ledger: Ledger) -> tuple[Personnel, list[str], str]:
    """Four employees in service, one retired on 1 March 2026; personal data sealed for real."""
    vault = ledger.personal_data
    hr = Personnel(ledger).ready()
    ledger.personal_data = vault  # the helper's fake sealer stands aside
    hr.run(SetPersonnelRules, actor=hr.manager, retention_years=1)
    rrns = [f"85010{n + 1}-1{n}34567" for n in range(4)]
    ids = [
        hr.hire(f"E{n:03d}", data=personal(rrn=rrn, phone=f"010-5{n}00-1234")) for n, rrn in enumerate(rrns)
    ]
    hr.act(ids[0], ActionKind.RETIREMENT, on=date(2026, 3, 1), retirement_kind=RetirementKind.VOLUNTARY)
    return hr, rrns, str(ids[0])


def _headcounts(settings: Settings) -> list[int]:
    assert main(["project", "--quiet"]) == 0
    engine = build_read_engine(settings)
    try:
        with engine.connect() as conn:
            return [headcount(conn, "6110001", day)[0]["headcount"] for day in DAYS]
    finally:
        engine.dispose()


def test_erased_personal_data_reads_as_erased_and_every_total_and_the_chain_still_verify(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings()
    ledger = build_ledger(settings)
    try:
        hr, rrns, retired = _office(ledger)
        vault = ledger.personal_data
        assert isinstance(vault, PersonalDataVault)
        employee = hr.employee(UUID(retired))
        assert vault.unseal(employee.id, employee.sealed or "")["rrn"] == rrns[0]  # type: ignore[index]
        before = _headcounts(settings)
        # Not before the retention period has run (1 year from 1 March 2026).
        with pytest.raises(ActionNotAllowed):
            hr.run(
                ErasePersonalData,
                on=date(2027, 2, 28),
                actor=hr.manager,
                employee_id=employee.id,
                reason="보존기간 경과",
            )
        hr.run(
            ErasePersonalData,
            on=date(2027, 3, 2),
            actor=hr.manager,
            employee_id=employee.id,
            reason="보존기간 경과",
        )
        erased = hr.employee(employee.id)
        assert erased.erased
        assert vault.unseal(erased.id, erased.sealed or "") is None  # the key is gone: erased
        for other in ("E001", "E002"):
            still = hr.employee(Employee.id_for(hr.org, other))
            assert vault.unseal(still.id, still.sealed or "") is not None
    finally:
        ledger.close()
    assert _headcounts(settings) == before
    assert main(["chain"]) == 0
    capsys.readouterr()
    assert main(["verify", "--quiet"]) == 0
    assert "verify: OK" in capsys.readouterr().out


def test_after_rotation_every_employee_opens_under_the_new_key_and_the_old_key_opens_none(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings()
    ledger = build_ledger(settings)
    try:
        hr, rrns, _ = _office(ledger)
        employees = [hr.employee(Employee.id_for(hr.org, f"E{n:03d}")) for n in range(4)]
    finally:
        ledger.close()
    old = MasterKeyring.load(tmp_path / "keys" / "master.key")
    assert main(["keys", "rotate-master"]) == 0
    new = MasterKeyring.load(tmp_path / "keys" / "master.key")
    assert new.key_ids.isdisjoint(old.key_ids)
    keys = DataKeyStore(store_config(settings))
    try:
        opened = [PersonalDataVault(new, keys).unseal(e.id, e.sealed or "") for e in employees]
        assert sorted(value["rrn"] for value in opened if value) == sorted(rrns)
        for e in employees:
            with pytest.raises(KeyringError):
                PersonalDataVault(old, keys).unseal(e.id, e.sealed or "")
    finally:
        keys.close()
    # The events were not touched: the chain still verifies.
    assert main(["chain"]) == 0
    capsys.readouterr()
    assert main(["verify", "--quiet"]) == 0
