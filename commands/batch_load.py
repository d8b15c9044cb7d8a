"""Load many aggregates at once: one query per few thousand ids instead of one per aggregate.

A month's payroll reads every employee of an organisation (their approved history, payroll
profile and attendance). The repository would fetch each aggregate's events in a round trip of
its own; here the stored events of many aggregates come in one statement (``= ANY`` on
PostgreSQL, ``IN`` on SQLite), are decoded by the application's own mapper and folded as the
repository folds them. What is read is the event store itself, never a read model.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from commands.unit_of_work import project
from domain.base import LedgerAggregate

A = TypeVar("A", bound=LedgerAggregate)
#: Ids per statement: SQLite allows at most 32 766 parameters; smaller batches keep memory even.
_BATCH = 2_000
#: PostgreSQL takes the ids as one array parameter: a few large batches save round trips.
_PG_BATCH = 10_000


def stored_events(recorder: Any, ids: Sequence[UUID]) -> dict[UUID, list[StoredEvent]]:
    """The stored events of each of ``ids`` in version order (ids without events left out)."""
    found: dict[UUID, list[StoredEvent]] = defaultdict(list)
    size = _PG_BATCH if hasattr(recorder.datastore, "schema") else _BATCH
    for start in range(0, len(ids), size):
        batch = ids[start : start + size]
        for row in _select(recorder, batch):
            originator = row[0] if isinstance(row[0], UUID) else UUID(str(row[0]))
            found[originator].append(
                StoredEvent(
                    originator_id=originator, originator_version=row[1], topic=row[2], state=bytes(row[3])
                )
            )
    for events in found.values():
        events.sort(key=lambda e: e.originator_version)
    return found


def _select(recorder: Any, ids: Sequence[UUID]) -> list[tuple[Any, ...]]:
    datastore = recorder.datastore
    table = recorder.events_table_name
    if hasattr(datastore, "schema"):  # PostgreSQL
        # Plain tuples: building a dict per row costs more than the row's decoding.
        statement = SQL(
            "SELECT originator_id, originator_version, topic, state FROM {schema}.{table} "
            "WHERE originator_id = ANY(%s)"
        ).format(schema=Identifier(datastore.schema), table=Identifier(table))
        with datastore.get_connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
            cursor.execute(statement, [list(ids)])
            rows: list[tuple[Any, ...]] = cursor.fetchall()
            return rows
    marks = ",".join("?" * len(ids))
    with datastore.transaction(commit=False) as cursor:
        cursor.execute(
            f"SELECT originator_id, originator_version, topic, state FROM {table} "
            f"WHERE originator_id IN ({marks})",
            [i.hex for i in ids],
        )
        return [tuple(r) for r in cursor.fetchall()]


def load_many(app: Any, cls: type[A], ids: Iterable[UUID]) -> dict[UUID, A]:
    """The aggregates of ``ids`` that exist and are of ``cls``, folded from their events."""
    return {i: a for i, a in load_all(app, ids).items() if isinstance(a, cls)}


def load_all(app: Any, ids: Iterable[UUID]) -> dict[UUID, LedgerAggregate]:
    """The aggregates of ``ids`` that exist, of whatever kind, in as few statements as the
    backend takes (one per 10 000 ids on PostgreSQL): the caller sorts them out by type."""
    return fold_stored(app, stored_events(app.recorder, list(dict.fromkeys(ids))))


def fold_stored(app: Any, stored: dict[UUID, list[StoredEvent]]) -> dict[UUID, LedgerAggregate]:
    """Aggregates folded from stored events (:func:`stored_events`), with the app's mapper."""
    mapper = app.mapper
    loaded: dict[UUID, LedgerAggregate] = {}
    for originator, events in stored.items():
        aggregate = project(None, (mapper.to_domain_event(e) for e in events))
        if isinstance(aggregate, LedgerAggregate):
            loaded[originator] = aggregate
    return loaded


def decoded_events(app: Any, ids: Iterable[UUID]) -> dict[UUID, list[Any]]:
    """The domain events of each of ``ids``, decoded but not folded: for a reader that needs
    less than the aggregate (and would pay for what folding copies)."""
    mapper = app.mapper
    return {
        originator: [mapper.to_domain_event(e) for e in events]
        for originator, events in stored_events(app.recorder, list(dict.fromkeys(ids))).items()
    }


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a bulk load: folding a few hundred thousand events
    allocates millions of objects that all live until the end, and each full collection would walk
    them again (a quarter of the CPU of a 20 000-employee month). Reference counting still frees
    what dies; the collector comes back on afterwards, as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
