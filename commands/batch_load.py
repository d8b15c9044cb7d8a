"""Load many aggregates at once: one query per few thousand ids instead of one per aggregate.

A month's payroll reads every employee of an organisation (their approved history, payroll
profile and attendance). The repository would fetch each aggregate's events in a round trip of
its own; here the stored events of many aggregates come in one statement (``= ANY`` on
PostgreSQL, ``IN`` on SQLite), are decoded by the application's own mapper and folded as the
repository folds them. What is read is the event store itself, never a read model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from psycopg.sql import SQL, Identifier

from commands.unit_of_work import project
from domain.base import LedgerAggregate

A = TypeVar("A", bound=LedgerAggregate)
#: Ids per statement: SQLite allows at most 32 766 parameters; smaller batches keep memory even.
_BATCH = 2_000


def stored_events(recorder: Any, ids: Sequence[UUID]) -> dict[UUID, list[StoredEvent]]:
    """The stored events of each of ``ids`` in version order (ids without events left out)."""
    found: dict[UUID, list[StoredEvent]] = defaultdict(list)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
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
        statement = SQL(
            "SELECT originator_id, originator_version, topic, state FROM {schema}.{table} "
            "WHERE originator_id = ANY(%s)"
        ).format(schema=Identifier(datastore.schema), table=Identifier(table))
        with datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, [list(ids)])
            return [
                (r["originator_id"], r["originator_version"], r["topic"], r["state"])
                for r in cursor.fetchall()
            ]
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
    wanted = list(dict.fromkeys(ids))
    mapper = app.mapper
    loaded: dict[UUID, A] = {}
    for originator, events in stored_events(app.recorder, wanted).items():
        aggregate = project(None, (mapper.to_domain_event(e) for e in events))
        if isinstance(aggregate, cls):
            loaded[originator] = aggregate
    return loaded
