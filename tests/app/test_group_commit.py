"""PostgreSQL group commit: saves written together are each written or refused on their own.

The recorder writes every save that arrives while another is being written in one transaction
(``commands.group_commit``). These tests hand it batches directly, and hold the table's lock
from another connection so that commands issued meanwhile queue and go out together.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from eventsourcing.persistence import IntegrityError, PersistenceError, StoredEvent
from psycopg import sql

from commands.ledger import Ledger
from commands.messages.spending import Obligate
from commands.persistence import StoreConfig
from commands.pg_recorder import LockedFunctionRecorder
from tests.app.books import Books
from tests.conftest import POSTGRES_URL, PostgresSchema, open_ledger, require_postgres


@pytest.fixture
def pg_ledger() -> Iterator[Ledger]:
    require_postgres()
    schema = PostgresSchema()
    config = StoreConfig(
        database_url=POSTGRES_URL, schema=schema.name, pool_size=5, max_overflow=30, cache_size=1000
    )
    ledger = open_ledger(config)
    try:
        yield ledger
    finally:
        ledger.close()
        schema.drop()


def recorder_of(ledger: Ledger) -> LockedFunctionRecorder:
    recorder = ledger.recorder
    assert isinstance(recorder, LockedFunctionRecorder)
    return recorder


def event(aggregate: uuid.UUID, version: int, text: str = "x") -> StoredEvent:
    return StoredEvent(
        originator_id=aggregate,
        originator_version=version,
        topic="tests.app.test_group_commit:Noted",
        state=text.encode(),
    )


def stored(recorder: LockedFunctionRecorder) -> list[tuple[Any, int, bytes]]:
    notifications = recorder.select_notifications(1, 1000)
    return [(n.originator_id, n.originator_version, n.state) for n in notifications]


def test_a_batch_is_written_in_the_order_of_its_saves(pg_ledger: Ledger) -> None:
    recorder = recorder_of(pg_ledger)
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    outcomes = recorder.write_saves(
        [
            recorder.encode_save([event(a, 1, "a1"), event(a, 2, "a2")]),
            recorder.encode_save([event(b, 1, "b1")]),
            recorder.encode_save([event(c, 1, "c1"), event(a, 3, "a3")]),
        ]
    )
    assert all(isinstance(ids, list) for ids in outcomes)
    flat = [i for ids in outcomes for i in ids]  # type: ignore[union-attr]
    assert flat == sorted(flat) and len(set(flat)) == 5
    assert stored(recorder) == [
        (a, 1, b"a1"),
        (a, 2, b"a2"),
        (b, 1, b"b1"),
        (c, 1, b"c1"),
        (a, 3, b"a3"),
    ]


def test_a_save_whose_version_an_earlier_save_of_the_batch_took_is_refused_alone(
    pg_ledger: Ledger,
) -> None:
    recorder = recorder_of(pg_ledger)
    line, other = uuid.uuid4(), uuid.uuid4()
    first, second, third = recorder.write_saves(
        [
            recorder.encode_save([event(line, 1, "first")]),
            recorder.encode_save([event(other, 1, "other"), event(line, 1, "second")]),
            recorder.encode_save([event(other, 1, "third")]),
        ]
    )
    assert isinstance(first, list) and isinstance(third, list)
    assert isinstance(second, IntegrityError)
    # Nothing of the refused save is stored, not even its event for another aggregate.
    assert stored(recorder) == [(line, 1, b"first"), (other, 1, b"third")]


def test_a_save_whose_read_set_an_earlier_save_of_the_batch_moved_is_refused(
    pg_ledger: Ledger,
) -> None:
    recorder = recorder_of(pg_ledger)
    year, entry, later_entry = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    assert isinstance(recorder.write_saves([recorder.encode_save([event(year, 1, "open")])])[0], list)
    decided_on_open_year = [(year, 1)]
    close, after_close, unrelated = recorder.write_saves(
        [
            recorder.encode_save([event(year, 2, "closed")]),
            recorder.encode_save([event(entry, 1, "entry")], decided_on_open_year),
            recorder.encode_save([event(later_entry, 1, "ok")], [(year, 2)]),
        ]
    )
    assert isinstance(close, list) and isinstance(unrelated, list)
    assert isinstance(after_close, IntegrityError)
    assert stored(recorder) == [(year, 1, b"open"), (year, 2, b"closed"), (later_entry, 1, b"ok")]


def test_a_save_that_fails_for_an_unforeseen_reason_fails_alone(pg_ledger: Ledger) -> None:
    recorder = recorder_of(pg_ledger)
    good, also_good = uuid.uuid4(), uuid.uuid4()
    broken = '[[["not-a-uuid", 1, "t", "eA=="]], []]'
    outcomes = recorder.write_saves(
        [
            recorder.encode_save([event(good, 1, "good")]),
            broken,
            recorder.encode_save([event(also_good, 1, "also")]),
        ]
    )
    assert isinstance(outcomes[0], list) and isinstance(outcomes[2], list)
    assert isinstance(outcomes[1], PersistenceError)
    assert not isinstance(outcomes[1], IntegrityError)  # not mistaken for a conflict
    assert stored(recorder) == [(good, 1, b"good"), (also_good, 1, b"also")]


def test_commands_issued_while_a_save_waits_are_committed_together(pg_ledger: Ledger) -> None:
    """Eight clerks obligate while another session holds the table lock: the first save waits
    for it, the other seven queue behind it and are committed in one transaction."""
    books = Books(pg_ledger).ready()
    lines = [books.line(amount=10**9, allocate={1: 10**9}) for _ in range(8)]
    recorder = recorder_of(pg_ledger)
    before = recorder.max_notification_id() or 0
    table = sql.Identifier(recorder.datastore.schema, recorder.events_table_name)
    results: list[Any] = []
    with psycopg.connect(POSTGRES_URL) as blocker:
        blocker.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(table))
        clerks = [
            threading.Thread(
                target=lambda line=line: results.append(
                    books.run(Obligate, line_id=line, amount=1_000, description="묶음")
                )
            )
            for line in lines
        ]
        for clerk in clerks:
            clerk.start()
        deadline = time.monotonic() + 10
        while recorder.queued_saves < 7 and time.monotonic() < deadline:
            time.sleep(0.005)
        blocker.rollback()  # releases the lock
        for clerk in clerks:
            clerk.join(30)
    assert len(results) == 8
    assert len({r.position for r in results}) == 8
    with psycopg.connect(POSTGRES_URL) as conn:
        transactions = conn.execute(
            sql.SQL("SELECT count(DISTINCT xmin::text), count(*) FROM {} WHERE notification_id > %s").format(
                table
            ),
            (before,),
        ).fetchone()
    assert transactions is not None
    commits, events = transactions
    assert events == 8 * 3  # each obligation: the obligation, the line, the receipt
    assert commits == 2  # the first save alone, then the seven that queued behind it


def test_opening_a_store_made_before_group_commit_drops_its_one_save_function() -> None:
    require_postgres()
    schema = PostgresSchema()
    try:
        config = StoreConfig(database_url=POSTGRES_URL, schema=schema.name, cache_size=10)
        first = open_ledger(config)
        table = recorder_of(first).events_table_name
        first.close()
        old = sql.Identifier(schema.name, f"cleanledger_insert_{table}")
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(
                sql.SQL(
                    "CREATE FUNCTION {}(events json, read_set json) RETURNS SETOF bigint "
                    "LANGUAGE sql AS 'SELECT 1::bigint'"
                ).format(old)
            )
        ledger = open_ledger(config)
        books = Books(ledger).ready()  # and the store still records
        assert books.log_size() > 0
        ledger.close()
        with psycopg.connect(POSTGRES_URL) as conn:
            functions = conn.execute(
                "SELECT proname FROM pg_proc WHERE pronamespace = %s::regnamespace ORDER BY 1",
                (schema.name,),
            ).fetchall()
        names = [name for (name,) in functions]
        assert f"cleanledger_insert_{table}" not in names
        assert f"cleanledger_append_{table}" in names
    finally:
        schema.drop()


def waiting_batch_backend(schema: str, exclude: set[int]) -> int:
    """The backend running this store's append function, stopped at the table lock."""
    deadline = time.monotonic() + 10
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE %s AND NOT pid = ANY(%s) LIMIT 1",
                (f"%{schema}%cleanledger_append%", list(exclude)),
            ).fetchone()
            if row is not None:
                return int(row[0])
            time.sleep(0.01)
    raise AssertionError("no append waiting at the lock")


def test_batches_whose_connection_is_killed_are_written_once_on_retry(pg_ledger: Ledger) -> None:
    """The server kills the backend of a waiting save, then of the batch of seven queued behind
    it: every command is retried on a new connection and recorded exactly once."""
    books = Books(pg_ledger).ready()
    lines = [books.line(amount=10**9, allocate={1: 10**9}) for _ in range(8)]
    recorder = recorder_of(pg_ledger)
    schema = recorder.datastore.schema
    table = sql.Identifier(schema, recorder.events_table_name)
    results: list[Any] = []
    errors: list[BaseException] = []

    def obligate(line: Any) -> None:
        try:
            results.append(books.run(Obligate, line_id=line, amount=1_000, description="재시도"))
        except BaseException as error:  # reported below
            errors.append(error)

    with psycopg.connect(POSTGRES_URL) as blocker:
        blocker.execute(sql.SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(table))
        clerks = [threading.Thread(target=obligate, args=(line,)) for line in lines]
        clerks[0].start()
        killed = {waiting_batch_backend(schema, {blocker.info.backend_pid})}
        for clerk in clerks[1:]:
            clerk.start()
        deadline = time.monotonic() + 10
        while recorder.queued_saves < 7 and time.monotonic() < deadline:
            time.sleep(0.005)
        with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (next(iter(killed)),))
            # The next writer takes the seven queued saves and waits at the lock in turn.
            second = waiting_batch_backend(schema, {blocker.info.backend_pid, *killed})
            admin.execute("SELECT pg_terminate_backend(%s)", (second,))
        time.sleep(0.05)
        blocker.rollback()  # releases the lock
        for clerk in clerks:
            clerk.join(60)
    assert not errors
    assert len(results) == 8
    obligations = [
        n for n in recorder.select_notifications(1, 10_000) if n.topic.endswith("Obligation.Created")
    ]
    assert len(obligations) == 8  # none lost, none twice
    assert len({r.position for r in results}) == 8
