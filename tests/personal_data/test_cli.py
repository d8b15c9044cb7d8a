"""``cleanledger keys master`` and ``cleanledger keys rotate-master``, on both backends."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import pytest

from cleanledger.cli import main
from commands.persistence import StoreConfig
from commands.personal_data import DataKeyStore, KeyUnavailable, MasterKeyring, PersonalDataVault

FIELDS = {"name": "홍길동", "rrn": "900101-1234567"}


@pytest.fixture
def environment(store_config: StoreConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The CLI's settings point at this test's store; the master key file's path is returned."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", store_config.database_url)
    if store_config.schema:
        monkeypatch.setenv("CLEANLEDGER_DB_SCHEMA", store_config.schema)
    key_file = tmp_path / "secrets" / "master.json"
    monkeypatch.setenv("CLEANLEDGER_MASTER_KEY", str(key_file))
    return key_file


def test_keys_master_writes_a_new_key_file_and_never_overwrites_it(
    environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "master", "--out", str(environment)]) == 0
    key_id = capsys.readouterr().out.strip()
    assert stat.S_IMODE(environment.stat().st_mode) == 0o600
    ring = MasterKeyring.load(environment)
    assert ring.active_key_id == key_id and ring.key_ids == {key_id}

    written = environment.read_bytes()
    assert main(["keys", "master", "--out", str(environment)]) == 1
    assert "not overwriting" in capsys.readouterr().err
    assert environment.read_bytes() == written
    assert main(["keys", "master"]) == 1
    assert "needs --out" in capsys.readouterr().err


def test_keys_rotate_master_rewraps_every_live_key_and_keeps_only_the_new_one(
    environment: Path, store_config: StoreConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "master", "--out", str(environment)]) == 0
    old = MasterKeyring.load(environment)
    subjects = [uuid.uuid4() for _ in range(3)]
    with DataKeyStore(store_config) as store:
        vault = PersonalDataVault(old, store)
        sealed = {subject: vault.seal(subject, {**FIELDS, "n": n}) for n, subject in enumerate(subjects)}
        vault.erase(subjects[2], "퇴직")
    capsys.readouterr()

    assert main(["keys", "rotate-master"]) == 0
    assert capsys.readouterr().out.strip() == "2"
    new = MasterKeyring.load(environment)
    assert stat.S_IMODE(environment.stat().st_mode) == 0o600
    assert new.key_ids == {new.active_key_id} and new.active_key_id not in old.key_ids
    with DataKeyStore(store_config) as store:
        vault = PersonalDataVault(new, store)
        assert [vault.unseal(subject, sealed[subject]) for subject in subjects] == [
            {**FIELDS, "n": 0},
            {**FIELDS, "n": 1},
            None,
        ]
        for subject in subjects[:2]:
            with pytest.raises(KeyUnavailable):
                store.data_key(subject, old)

    assert main(["keys", "rotate-master"]) == 0  # again: every key moves to the next master key
    assert capsys.readouterr().out.strip() == "2"
    assert MasterKeyring.load(environment).active_key_id != new.active_key_id


def test_keys_rotate_master_refuses_without_a_key_file(
    environment: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "rotate-master"]) == 1  # the file does not exist yet
    assert "master.json" in capsys.readouterr().err
    monkeypatch.setenv("CLEANLEDGER_MASTER_KEY", "python:tests.personal_data.test_keyring:hooked_ring")
    assert main(["keys", "rotate-master"]) == 1
    assert "keyring hook" in capsys.readouterr().err
    monkeypatch.delenv("CLEANLEDGER_MASTER_KEY")
    assert main(["keys", "rotate-master"]) == 1
    assert "no CLEANLEDGER_MASTER_KEY" in capsys.readouterr().err


def test_a_rotation_stopped_by_an_unknown_key_keeps_every_key_in_the_file(
    environment: Path, store_config: StoreConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "master", "--out", str(environment)]) == 0
    old = MasterKeyring.load(environment)
    foreign = MasterKeyring.generate()
    with DataKeyStore(store_config) as store:
        store.get_or_create(uuid.uuid4(), foreign)
    capsys.readouterr()
    assert main(["keys", "rotate-master"]) == 1
    assert foreign.active_key_id in capsys.readouterr().err
    kept = MasterKeyring.load(environment)
    assert old.key_ids < kept.key_ids  # the old key stays, beside the new one


def test_keys_generate_still_defaults_to_signing_pem(
    environment: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "generate"]) == 0
    assert capsys.readouterr().out.startswith("-----BEGIN PUBLIC KEY-----")
    assert (tmp_path / "signing.pem").is_file() and (tmp_path / "signing.pub.pem").is_file()
