"""Sealing, opening, shredding and rotating personal data, on SQLite and on PostgreSQL."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from commands.persistence import StoreConfig, sqlite_path
from commands.personal_data import (
    DataKeyShredded,
    DataKeyStore,
    KeyUnavailable,
    MasterKeyring,
    PersonalDataVault,
    SealedValueError,
)
from commands.personal_data.key_store import TABLE
from tests.personal_data.conftest import key_rows

RRN = "900101-1234567"
FIELDS = {
    "name": "홍길동",
    "rrn": RRN,
    "address": "서울특별시 종로구 세종대로 209, 3층",
    "phone": "010-1234-5678",
    "email": "hong@example.kr",
    "bank_account": "110-123-456789",
    "dependants": [{"name": "홍길순", "birth_date": "2015-03-02"}],
}


def test_sealed_fields_open_again_for_their_subject(vault: PersonalDataVault) -> None:
    subject = uuid.uuid4()
    sealed = vault.seal(subject, FIELDS)
    assert sealed.startswith("pd1:")
    assert vault.unseal(subject, sealed) == FIELDS
    assert vault.seal(subject, FIELDS) != sealed  # a fresh nonce: equal fields, unequal values
    assert vault.unseal(subject, vault.seal(subject, {})) == {}


def test_a_sealed_value_holds_none_of_the_plain_text(vault: PersonalDataVault) -> None:
    subject = uuid.uuid4()
    sealed = vault.seal(subject, FIELDS)
    for value in (RRN, "900101", "1234567", "홍길동", "hong@example.kr", "456789", "세종대로"):
        assert value not in sealed
        assert value.encode() not in sealed.encode()


def test_the_database_holds_no_plain_text_and_no_raw_data_key(
    store_config: StoreConfig, vault: PersonalDataVault, keyring: MasterKeyring, key_store: DataKeyStore
) -> None:
    subjects = [uuid.uuid4() for _ in range(3)]
    sealed = {subject: vault.seal(subject, FIELDS) for subject in subjects}
    # Where the events would keep them: a table of the same database.
    dump = _store_and_dump(store_config, sealed)
    assert subjects[0].hex.encode() in dump or str(subjects[0]).encode() in dump  # the scan reads rows
    assert sealed[subjects[0]].encode() in dump
    for plain in (RRN, "900101-1", "홍길동", "hong@example.kr", "010-1234-5678", "110-123-456789"):
        assert plain.encode() not in dump
    for subject in subjects:
        data_key = key_store.data_key(subject, keyring)
        assert data_key is not None and data_key not in dump and data_key.hex().encode() not in dump


def _store_and_dump(config: StoreConfig, sealed: dict[uuid.UUID, str]) -> bytes:
    """Store the sealed values beside the keys, and return every byte the database holds of them:
    the whole SQLite file and its WAL, or a COPY of both PostgreSQL tables."""
    rows = [(str(subject), value) for subject, value in sealed.items()]
    if config.is_postgres:
        return _postgres_dump(config, rows)
    with contextlib.closing(sqlite3.connect(sqlite_path(config))) as conn, conn:
        conn.execute("CREATE TABLE sealed_values (subject TEXT, value TEXT)")
        conn.executemany("INSERT INTO sealed_values VALUES (?, ?)", rows)
    return _file_bytes(config)


def _postgres_dump(config: StoreConfig, rows: list[tuple[str, str]]) -> bytes:
    values = sql.Identifier(str(config.schema), "sealed_values")
    dump = b""
    with psycopg.connect(config.database_url) as pg:
        pg.execute(sql.SQL("CREATE TABLE {} (subject uuid, value text)").format(values))
        with pg.cursor() as cursor:
            cursor.executemany(sql.SQL("INSERT INTO {} VALUES (%s, %s)").format(values), rows)
            for table in (values, sql.Identifier(str(config.schema), TABLE)):
                with cursor.copy(sql.SQL("COPY {} TO STDOUT").format(table)) as copy:
                    dump += b"".join(bytes(chunk) for chunk in copy)
    return dump


def test_a_sealed_value_moved_to_another_subject_does_not_open(vault: PersonalDataVault) -> None:
    owner, other, stranger = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    sealed = vault.seal(owner, FIELDS)
    vault.seal(other, {"name": "김철수"})  # ``other`` has a data key of their own
    with pytest.raises(SealedValueError, match="another subject") as refused:
        vault.unseal(other, sealed)
    assert "홍길동" not in str(refused.value) and RRN not in str(refused.value)
    with pytest.raises(SealedValueError, match="another subject"):
        vault.unseal(stranger, sealed)  # ``stranger`` never had a key: not "erased" either


def test_an_altered_or_malformed_sealed_value_is_refused(vault: PersonalDataVault) -> None:
    subject = uuid.uuid4()
    sealed = vault.seal(subject, FIELDS)
    body = sealed.removeprefix("pd1:")
    altered = "pd1:" + body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    with pytest.raises(SealedValueError, match="altered"):
        vault.unseal(subject, altered)
    for malformed in (body, "pd1:", "pd1:!!!!", "pd1:AAAA", "pd2:" + body):
        with pytest.raises(SealedValueError):
            vault.unseal(subject, malformed)


def test_fields_that_are_not_json_are_refused_without_their_values(vault: PersonalDataVault) -> None:
    with pytest.raises(SealedValueError, match="not JSON-able") as refused:
        vault.seal(uuid.uuid4(), {"name": "홍길동", "photo": object()})
    assert "홍길동" not in str(refused.value)


def test_erasing_shreds_the_key_and_every_sealed_value_reads_as_erased(
    store_config: StoreConfig, vault: PersonalDataVault, key_store: DataKeyStore, keyring: MasterKeyring
) -> None:
    subject, kept = uuid.uuid4(), uuid.uuid4()
    sealed = [vault.seal(subject, FIELDS), vault.seal(subject, {"phone": "010-9999-0000"})]
    kept_sealed = vault.seal(kept, FIELDS)
    assert not key_store.is_shredded(subject)

    assert vault.erase(subject, "퇴직 후 보존기간 경과") is True
    assert key_store.is_shredded(subject)
    assert [vault.unseal(subject, value) for value in sealed] == [None, None]
    assert key_store.data_key(subject, keyring) is None
    assert vault.unseal(kept, kept_sealed) == FIELDS  # others keep theirs

    assert vault.erase(subject, "again") is False  # idempotent: nothing left to destroy
    with pytest.raises(DataKeyShredded):
        vault.seal(subject, FIELDS)  # no new key for an erased subject
    with pytest.raises(DataKeyShredded):
        key_store.get_or_create(subject, keyring)

    row = next(r for r in key_rows(store_config) if str(r[0]).replace("-", "") == subject.hex)
    wrapped, key_id, shredded_at, reason = row[1:]
    assert (wrapped, key_id, reason) == (None, None, "퇴직 후 보존기간 경과")  # the row stays as evidence
    assert shredded_at is not None


def test_shredding_a_subject_without_a_key_keeps_them_from_getting_one(
    key_store: DataKeyStore, keyring: MasterKeyring
) -> None:
    subject = uuid.uuid4()
    assert key_store.data_key(subject, keyring) is None and not key_store.is_shredded(subject)
    assert key_store.shred(subject, "동의 철회") is True
    assert key_store.is_shredded(subject)
    with pytest.raises(DataKeyShredded):
        key_store.get_or_create(subject, keyring)
    assert key_store.shred(subject, "동의 철회") is False
    with pytest.raises(ValueError, match="reason"):
        key_store.shred(uuid.uuid4(), "  ")


def test_a_shredded_key_leaves_no_trace_in_the_sqlite_file_or_its_wal(
    tmp_path: Path, keyring: MasterKeyring
) -> None:
    # SQLite only: on PostgreSQL the old tuple stays in the heap until VACUUM (key_store's note).
    config = StoreConfig(f"sqlite:///{tmp_path / 'keys.db'}")
    subjects = [uuid.uuid4() for _ in range(3)]
    with DataKeyStore(config) as store:
        for subject in subjects:
            store.get_or_create(subject, keyring)
        wrapped = next(row[1] for row in key_rows(config) if row[0] == subjects[1].hex)
        assert wrapped.encode() in _file_bytes(config)  # the scan finds the key while it lives
        store.shred(subjects[1], "test")
    assert wrapped.encode() not in _file_bytes(config)


def _file_bytes(config: StoreConfig) -> bytes:
    path = Path(sqlite_path(config))
    return b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_rotation_rewraps_every_live_key_and_retires_the_old_master_key(
    store_config: StoreConfig, vault: PersonalDataVault, key_store: DataKeyStore, keyring: MasterKeyring
) -> None:
    subjects = [uuid.uuid4() for _ in range(5)]
    sealed = {subject: vault.seal(subject, {**FIELDS, "n": n}) for n, subject in enumerate(subjects)}
    vault.erase(subjects[0], "퇴직")
    before = {subject: key_store.data_key(subject, keyring) for subject in subjects[1:]}

    new = keyring.rotated()
    assert key_store.rewrap_all(keyring, new, batch_size=2) == 4  # three batches, the shredded one left
    vault = PersonalDataVault(new.only_active(), key_store)
    for n, subject in enumerate(subjects[1:], start=1):
        assert vault.unseal(subject, sealed[subject]) == {**FIELDS, "n": n}  # values sealed before
        assert key_store.data_key(subject, new) == before[subject]  # the same data key, rewrapped
        with pytest.raises(KeyUnavailable):
            key_store.data_key(subject, keyring)  # the old ring alone opens nothing any more
    assert vault.unseal(subjects[0], sealed[subjects[0]]) is None
    assert {row[2] for row in key_rows(store_config) if row[1] is not None} == {new.active_key_id}
    assert key_store.rewrap_all(keyring, new) == 0  # nothing left to rewrap


def test_the_vault_rotates_and_seals_under_the_new_key(
    store_config: StoreConfig, vault: PersonalDataVault, keyring: MasterKeyring
) -> None:
    subject = uuid.uuid4()
    sealed = vault.seal(subject, FIELDS)
    new = keyring.rotated()
    assert vault.rotate(new) == 1
    assert vault.keyring is new
    later = uuid.uuid4()
    later_sealed = vault.seal(later, {"name": "이몽룡"})
    assert {row[2] for row in key_rows(store_config)} == {new.active_key_id}
    retired = PersonalDataVault(new.only_active(), vault._store)
    assert retired.unseal(subject, sealed) == FIELDS
    assert retired.unseal(later, later_sealed) == {"name": "이몽룡"}


def test_a_key_under_an_unknown_master_key_stops_the_rotation(
    key_store: DataKeyStore, keyring: MasterKeyring
) -> None:
    foreign = MasterKeyring.generate()
    key_store.get_or_create(uuid.uuid4(), foreign)
    with pytest.raises(KeyUnavailable, match=foreign.active_key_id):
        key_store.rewrap_all(keyring, keyring.rotated())


def test_two_writers_racing_for_one_subject_get_the_same_key(
    store_config: StoreConfig, keyring: MasterKeyring
) -> None:
    stores = [DataKeyStore(store_config), DataKeyStore(store_config)]  # as two processes would
    try:
        for _ in range(10):
            subject = uuid.uuid4()
            keys = _race(stores, subject, keyring)
            assert len(keys) == 2 and keys[0] == keys[1] and len(keys[0]) == 32
            assert stores[0].data_key(subject, keyring) == keys[0]
    finally:
        for store in stores:
            store.close()


def _race(stores: list[DataKeyStore], subject: uuid.UUID, keyring: MasterKeyring) -> list[bytes]:
    """``get_or_create`` for ``subject`` in one thread per store, released at the same instant."""
    barrier = threading.Barrier(len(stores))
    keys: list[bytes] = []
    errors: list[BaseException] = []

    def make(store: DataKeyStore) -> None:
        try:
            barrier.wait()
            keys.append(store.get_or_create(subject, keyring))
        except BaseException as error:  # raised again below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=make, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return keys


def test_the_table_is_made_once_and_found_again(store_config: StoreConfig, keyring: MasterKeyring) -> None:
    subject = uuid.uuid4()
    with DataKeyStore(store_config) as first:
        key = first.get_or_create(subject, keyring)
    with DataKeyStore(store_config) as second:
        assert second.get_or_create(subject, keyring) == key
    assert len(key_rows(store_config)) == 1
