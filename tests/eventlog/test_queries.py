"""Every query of the event log, on SQLite and on PostgreSQL, answers the same rows.

The log here holds five events at positions 1, 2, 3, 5 and 6: position 4 is a gap, as a
rolled-back insert leaves one on PostgreSQL (its sequence number is spent); on SQLite, which
numbers rows one past the largest, the same gap is a row deleted between later ones. Aggregate A
has versions 1, 2, 3 (positions 1, 2, 5), B versions 1, 2 (positions 3, 6).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from uuid import UUID

import psycopg
import pytest
from eventsourcing.persistence import StoredEvent
from eventsourcing.popo import POPOApplicationRecorder
from psycopg import sql

from commands.ledger import Ledger
from commands.persistence import StoreConfig, sqlite_path
from eventlog import EventLog, PostgresEventLog, SQLiteEventLog, canonical
from tests.conftest import POSTGRES_URL

A = UUID("0a000000-0000-4000-8000-00000000000a")
B = UUID("0b000000-0000-4000-8000-00000000000b")
THROWAWAY = UUID("0c000000-0000-4000-8000-00000000000c")
OPENED, MOVED, CLOSED = (
    "tests.eventlog:Ledger.Opened",
    "tests.eventlog:Ledger.Moved",
    "tests.eventlog:Ledger.Closed",
)

#: (position, originator, version, topic, state) of every stored event, in log order.
EVENTS = [
    (1, A, 1, OPENED, b'{"n":1}'),
    (2, A, 2, MOVED, b'{"n":2}'),
    (3, B, 1, OPENED, b'{"n":3,"name":"\xec\x84\x9c\xec\x9a\xb8"}'),  # UTF-8 in the state
    (5, A, 3, MOVED, b'{"n":5}'),
    (6, B, 2, CLOSED, b"{}"),
]


def stored(position: int) -> StoredEvent:
    _, originator, version, topic, state = next(e for e in EVENTS if e[0] == position)
    return StoredEvent(originator, version, topic, state)


def rows(*positions: int) -> list[tuple[int, UUID, int, str, bytes]]:
    return [e for e in EVENTS if e[0] in positions]


def text_rows(*positions: int) -> list[tuple[int, str, int, str, bytes]]:
    """The projections' rows: the originator id as UUID text on both backends."""
    return [(p, str(o), v, t, s) for p, o, v, t, s in rows(*positions)]


def canonical_rows(*positions: int) -> list[tuple[int, bytes]]:
    return [(p, canonical(p, o.bytes, v, t.encode(), s)) for p, o, v, t, s in rows(*positions)]


@dataclass
class Filled:
    log: EventLog
    config: StoreConfig
    ledger: Ledger


def on_sqlite(config: StoreConfig, statement: str, params: tuple[object, ...]) -> None:
    """Change the SQLite file behind the recorder's back."""
    conn = sqlite3.connect(sqlite_path(config))
    try:
        with conn:
            conn.execute(statement, params)
    finally:
        conn.close()


@pytest.fixture
def filled(store_config: StoreConfig, ledger: Ledger) -> Filled:
    recorder = ledger.recorder
    assert recorder.insert_events([stored(1), stored(2), stored(3)]) == [1, 2, 3]
    table = recorder.events_table_name
    if store_config.is_postgres:
        with psycopg.connect(POSTGRES_URL) as conn:  # a rolled-back insert spends position 4
            conn.execute(
                sql.SQL(
                    "INSERT INTO {} (originator_id, originator_version, topic, state) VALUES (%s, 1, %s, %s)"
                ).format(sql.Identifier(store_config.schema or "public", table)),
                (THROWAWAY, OPENED, b"{}"),
            )
            conn.rollback()
    else:
        recorder.insert_events([StoredEvent(THROWAWAY, 1, OPENED, b"{}")])
    assert recorder.insert_events([stored(5), stored(6)]) == [5, 6]
    if not store_config.is_postgres:
        on_sqlite(store_config, f"DELETE FROM {table} WHERE originator_id = ?", (THROWAWAY.hex,))
    return Filled(EventLog.for_recorder(recorder), store_config, ledger)


def test_each_recorder_has_one_log_of_its_backend(store_config: StoreConfig, ledger: Ledger) -> None:
    log = EventLog.for_recorder(ledger.recorder)
    assert log is EventLog.for_recorder(ledger.recorder)
    assert isinstance(log, PostgresEventLog if store_config.is_postgres else SQLiteEventLog)
    assert log.is_postgres == log.forkable == store_config.is_postgres
    with pytest.raises(TypeError, match="no event log for POPOApplicationRecorder"):
        EventLog.for_recorder(POPOApplicationRecorder())


def test_an_empty_log(ledger: Ledger) -> None:
    log = EventLog.for_recorder(ledger.recorder)
    assert log.head() == 0
    assert log.read(0, 100) == []
    assert log.read_named(0, 10, ["Ledger.Opened"]) == []
    assert log.first_from(0) is None
    assert log.next_after(0, 10) == []
    assert log.position_of(A, 1) is None
    assert log.last_version_at(A, 10) == 0
    assert list(log.aggregate_events(A, gt=0, lte=None, chunk=10)) == []
    assert log.canonical_range(0, 10) == []
    assert list(log.canonical_stream(0, 10)) == []


def test_the_head_is_the_last_position(filled: Filled) -> None:
    assert filled.log.head() == 6


def test_the_position_of_each_event_and_none_for_an_absent_one(filled: Filled) -> None:
    log = filled.log
    assert [log.position_of(o, v) for _, o, v, _, _ in EVENTS] == [1, 2, 3, 5, 6]
    assert log.position_of(A, 4) is None
    assert log.position_of(THROWAWAY, 1) is None  # rolled back or deleted: not in the log


def test_the_version_of_an_aggregate_at_a_position(filled: Filled) -> None:
    log = filled.log
    assert [log.last_version_at(A, p) for p in range(8)] == [0, 1, 2, 2, 2, 3, 3, 3]
    assert [log.last_version_at(B, p) for p in range(8)] == [0, 0, 0, 1, 1, 1, 2, 2]
    assert log.last_version_at(THROWAWAY, 6) == 0


def test_events_by_position_pass_over_the_gap(filled: Filled) -> None:
    log = filled.log
    assert log.first_from(0) == log.first_from(1) == rows(1)[0]
    assert log.first_from(4) == rows(5)[0]  # the gap: the next event after it
    assert log.first_from(7) is None
    assert log.next_after(0, 10) == rows(1, 2, 3, 5, 6)
    assert log.next_after(3, 1) == rows(5)
    assert log.next_after(2, 2) == rows(3, 5)
    assert log.next_after(6, 10) == []
    assert log.at_positions([6, 4, 1]) == rows(1, 6)  # in log order; the gap holds nothing
    assert log.at_positions([]) == []


def test_events_of_aggregates_in_a_range_of_positions(filled: Filled) -> None:
    log = filled.log
    assert log.of_aggregates([A], 0, 6) == rows(1, 2, 5)
    assert log.of_aggregates([A], 1, 5) == rows(2, 5)
    assert log.of_aggregates([B, A], 2, 6) == rows(3, 5, 6)
    assert log.of_aggregates([THROWAWAY], 0, 6) == []
    assert all(isinstance(row[1], UUID) for row in log.of_aggregates([A, B], 0, 6))


@pytest.mark.parametrize("chunk", [1, 2, 1000])
def test_an_aggregates_events_with_their_positions_in_version_order(filled: Filled, chunk: int) -> None:
    log = filled.log
    every = list(log.aggregate_events(A, gt=0, lte=None, chunk=chunk))
    assert [(e.originator_id, e.originator_version, e.topic, e.state, p) for e, p in every] == [
        (A, 1, OPENED, b'{"n":1}', 1),
        (A, 2, MOVED, b'{"n":2}', 2),
        (A, 3, MOVED, b'{"n":5}', 5),
    ]

    def versions(originator: UUID, gt: int, lte: int | None) -> list[tuple[int, int]]:
        events = log.aggregate_events(originator, gt=gt, lte=lte, chunk=chunk)
        return [(event.originator_version, position) for event, position in events]

    assert versions(A, 1, 2) == [(2, 2)]
    assert versions(A, 1, None) == [(2, 2), (3, 5)]
    assert versions(B, 1, None) == [(2, 6)]
    assert versions(B, 0, 1) == [(1, 3)]
    assert list(log.aggregate_events(A, gt=3, lte=None, chunk=chunk)) == []


def test_the_projections_read_uuid_text_on_both_backends(filled: Filled) -> None:
    """SQLite keeps an id as 32 hex digits, PostgreSQL as a uuid: both read as ``str(UUID)``."""
    log = filled.log
    assert log.read(0, 100) == text_rows(1, 2, 3, 5, 6)
    assert log.read(0, 100)[0][1] == "0a000000-0000-4000-8000-00000000000a"
    assert log.read(0, 2) == text_rows(1, 2)
    assert log.read(3, 1) == text_rows(5)  # a limit counts events, not positions
    assert log.read(6, 100) == []


def test_named_reads_keep_only_the_named_events_of_a_range(filled: Filled) -> None:
    log = filled.log
    assert log.read_named(0, 6, ["Ledger.Moved"]) == text_rows(2, 5)
    assert log.read_named(0, 4, ["Ledger.Moved"]) == text_rows(2)
    assert log.read_named(2, 6, ["Ledger.Closed", "Ledger.Opened"]) == text_rows(3, 6)
    assert log.read_named(0, 6, ["Moved"]) == []  # the whole name after the colon, not a suffix
    assert log.read_named(0, 6, ["Ledger.Gone"]) == []
    assert log.read_named(0, 6, []) == []


def test_canonical_bytes_are_the_same_from_both_backends(filled: Filled) -> None:
    """PostgreSQL builds them on the server, SQLite in Python: both are :func:`canonical`."""
    log = filled.log
    assert log.canonical_range(0, 6) == canonical_rows(1, 2, 3, 5, 6)
    assert log.canonical_range(3, 5) == canonical_rows(5)
    assert log.canonical_range(3, 4) == []
    chunks = list(log.canonical_stream(0, 2))
    assert [len(c) for c in chunks] == [2, 2, 1]
    assert [row for c in chunks for row in c] == canonical_rows(1, 2, 3, 5, 6)
    assert list(log.canonical_stream(3, 100)) == [canonical_rows(5, 6)]


@pytest.mark.parametrize("store_config", ["sqlite"], indirect=True)  # a uuid column holds only UUIDs
def test_sqlite_ids_in_another_form_are_read_as_their_uuid_or_as_no_uuid(
    store_config: StoreConfig, filled: Filled
) -> None:
    """Only an intruder writes an id that is not 32 hex digits: a UUID's other text form still
    names the same bytes; anything else becomes sixteen 0xff bytes, so the chain breaks there."""
    table = filled.ledger.recorder.events_table_name
    on_sqlite(store_config, f"UPDATE {table} SET originator_id = ? WHERE rowid = 1", (str(A),))
    on_sqlite(store_config, f"UPDATE {table} SET originator_id = ? WHERE rowid = 2", ("not-a-uuid",))
    (first, second) = filled.log.canonical_range(0, 2)
    assert first == canonical_rows(1)[0]
    assert second == (2, canonical(2, b"\xff" * 16, 2, MOVED.encode(), b'{"n":2}'))


def test_a_forked_copy_reads_through_a_connection_of_its_own(filled: Filled) -> None:
    log = filled.log
    if not log.forkable:
        with pytest.raises(TypeError, match="not read from forked processes"):
            log.forked()
        return
    copy = log.forked()
    try:
        assert copy is not log and copy is not EventLog.for_recorder(filled.ledger.recorder)
        assert copy.head() == 6
        assert copy.read(0, 100) == text_rows(1, 2, 3, 5, 6)
        assert copy.read_named(0, 6, ["Ledger.Moved"]) == text_rows(2, 5)
        assert copy.position_of(B, 2) == 6
        copy.close()
        assert copy.read(4, 100) == text_rows(5, 6)  # connects again after a close
    finally:
        copy.close()
