"""The log on its time axis of knowledge: recorded moments to log positions, and events by position.

A report "as known at" a moment counts the events recorded by then. The log is ordered by
position, and each stored event carries the ``timestamp`` at which the domain recorded it (UTC).
:func:`position_at` maps a moment to the greatest position whose event was recorded at or before
it: a binary search over positions that reads one event per step (about 20 reads for a million
events), then one read of the next :data:`WINDOW` events, because timestamps are only nearly in
log order. Nothing is cached, so the answer is never stale.

An event is counted by its **recording timestamp**. Timestamps are taken when a command makes its
events, and positions when its transaction commits: the events of one save need not be in
timestamp order, and two commands saved within the same milliseconds can commit in the other
order. The greatest position recorded by the moment then also counts the events before it that
were stamped a few milliseconds later. A log position names a moment exactly: prefer it where
exactness matters (every command answers with its position).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import ApplicationRecorder, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier

from commands.errors import InvalidKnownAt, KnownAtInFuture

#: Positions looked up per query by :func:`describe_events`.
_CHUNK = 500
#: Events after the binary search's boundary that :func:`position_at` checks: timestamps are
#: taken when events are made and positions when they commit, so near the boundary they may be out
#: of order (within one save, and between saves made at nearly the same moment).
WINDOW = 1_000


#: A log position as ``known_at`` gives it (at most 19 ASCII digits: a BIGINT; ``\d`` would take
#: any script's digits, and ``int()`` reads them too).
_DIGITS = re.compile(r"[0-9]{1,19}")


@dataclass(frozen=True)
class EventInfo:
    """Who recorded an event, when, and for which accounting date."""

    position: int
    event: str  # "BudgetLine.Obligated"
    originator_id: UUID
    version: int
    actor: str | None
    org: str | None
    accounting_date: date | None
    recorded_at: datetime | None


def head(recorder: ApplicationRecorder) -> int:
    """The position of the last recorded event (0: the log is empty)."""
    return recorder.max_notification_id() or 0


def position_at(ledger: Application[UUID], moment: datetime) -> int:
    """The greatest log position whose event was recorded at or before ``moment`` (0: none was).

    A naive ``moment`` is taken as UTC.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    low, high, found = 1, head(ledger.recorder), 0
    while low <= high:
        middle = (low + high) // 2
        event = _first_from(ledger, middle)
        if event is None:  # only gaps from middle on
            high = middle - 1
            continue
        position, recorded = event
        if recorded <= moment:
            found = position
            low = position + 1
        else:  # every event from middle on was recorded later (positions between are gaps)
            high = middle - 1
    # The events of one save, and of saves a few milliseconds apart, are not in timestamp order:
    # look past the boundary for later positions recorded by then.
    for row in _rows(ledger.recorder, "after", [found, WINDOW]):
        info = _info(ledger, row)
        if info.recorded_at is not None and info.recorded_at <= moment:
            found = max(found, info.position)
    return found


def resolve(ledger: Application[UUID], known_at: str, name: str = "known_at") -> int:
    """The log position ``known_at`` stands for: a position (digits), or an ISO 8601 timestamp
    (UTC without an offset) mapped by :func:`position_at`. Refused: a position beyond the head
    of the log or a moment in the future (:class:`KnownAtInFuture`), anything else
    (:class:`InvalidKnownAt`)."""
    text = known_at.strip()
    if _DIGITS.fullmatch(text):
        position, top = int(text), head(ledger.recorder)
        if position > top:
            raise KnownAtInFuture(
                f"{name} {position} is beyond the head of the log ({top}).", **{name: position, "head": top}
            )
        return position
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidKnownAt(
            f"{name} must be a log position (digits) or an ISO 8601 timestamp, not {known_at!r}.",
            **{name: known_at[:100]},
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    now = datetime.now(UTC)
    if moment > now:
        raise KnownAtInFuture(
            f"{name} {moment.isoformat()} is in the future (now {now.isoformat()}).",
            **{name: moment.isoformat()},
        )
    return position_at(ledger, moment)


def recorded_at(ledger: Application[UUID], position: int) -> datetime | None:
    """When the event at ``position`` (or the first one after it) was recorded."""
    event = _first_from(ledger, position)
    return None if event is None else event[1]


def describe_events(ledger: Application[UUID], positions: Iterable[int]) -> list[EventInfo]:
    """The events at ``positions`` (those that exist), in log order."""
    wanted = sorted(set(positions))
    found: list[EventInfo] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.extend(_info(ledger, row) for row in _rows(ledger.recorder, "positions", chunk))
    found.sort(key=lambda info: info.position)
    return found


def events_of(
    ledger: Application[UUID], originator_ids: Iterable[UUID], after: int, upto: int
) -> list[EventInfo]:
    """The events of these aggregates with positions in (after, upto], in log order."""
    ids = sorted(set(originator_ids))
    found: list[EventInfo] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = _rows(ledger.recorder, "originators", chunk, after=after, upto=upto)
        found.extend(_info(ledger, row) for row in rows)
    found.sort(key=lambda info: info.position)
    return found


def last_version_at(recorder: ApplicationRecorder, originator_id: UUID, position: int) -> int:
    """The aggregate's version after the events recorded up to ``position`` (0: none yet)."""
    if isinstance(recorder, PostgresApplicationRecorder):
        statement = SQL(
            "SELECT max(originator_version) AS v FROM {}.{} "
            "WHERE originator_id = %s AND notification_id <= %s"
        ).format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
        with recorder.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, (originator_id, position))
            row = cursor.fetchone()
            return int(row["v"] or 0) if row is not None else 0
    if isinstance(recorder, SQLiteApplicationRecorder):
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                f"SELECT max(originator_version) FROM {recorder.events_table_name} "
                "WHERE originator_id = ? AND rowid <= ?",
                (originator_id.hex, position),
            )
            row = cursor.fetchone()
            return int(row[0] or 0) if row is not None else 0
    msg = f"no version lookup for {type(recorder).__name__}"
    raise TypeError(msg)


# --- the events table -----------------------------------------------------------------------------

_Row = tuple[int, UUID, int, str, bytes]


def _first_from(ledger: Application[UUID], position: int) -> tuple[int, datetime] | None:
    rows = list(_rows(ledger.recorder, "from", [position]))
    if not rows:
        return None
    info = _info(ledger, rows[0])
    assert info.recorded_at is not None
    return info.position, info.recorded_at


def _info(ledger: Application[UUID], row: _Row) -> EventInfo:
    position, originator_id, version, topic, state = row
    event: Any = ledger.mapper.to_domain_event(StoredEvent(originator_id, version, topic, state))
    return EventInfo(
        position=position,
        event=type(event).__qualname__,
        originator_id=originator_id,
        version=version,
        actor=getattr(event, "actor", None),
        org=getattr(event, "org", None),
        accounting_date=getattr(event, "accounting_date", None),
        recorded_at=getattr(event, "timestamp", None),
    )


def _rows(
    recorder: ApplicationRecorder, kind: str, values: Sequence[Any], *, after: int = 0, upto: int = 0
) -> Iterator[_Row]:
    """``kind``: "from" (the first event at or after ``values[0]``), "after" (``values[1]`` events
    after ``values[0]``), "positions" (the events at
    these positions) or "originators" (these aggregates' events in (after, upto])."""
    if isinstance(recorder, PostgresApplicationRecorder):
        columns = "notification_id, originator_id, originator_version, topic, state"
        where = {
            "from": "notification_id >= %s ORDER BY notification_id LIMIT 1",
            "after": "notification_id > %s ORDER BY notification_id LIMIT %s",
            "positions": "notification_id = ANY(%s)",
            "originators": "originator_id = ANY(%s) AND notification_id > %s AND notification_id <= %s",
        }[kind]
        params: tuple[Any, ...] = (values[0],)
        if kind == "after":
            params = (values[0], values[1])
        elif kind == "positions":
            params = (list(values),)
        elif kind == "originators":
            params = (list(values), after, upto)
        statement = SQL("SELECT " + columns + " FROM {}.{} WHERE " + where).format(
            Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name)
        )
        with recorder.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, params)
            for row in cursor.fetchall():
                yield (
                    int(row["notification_id"]),
                    row["originator_id"],
                    int(row["originator_version"]),
                    row["topic"],
                    bytes(row["state"]),
                )
        return
    if isinstance(recorder, SQLiteApplicationRecorder):
        marks = ", ".join("?" * len(values))
        where = {
            "from": "rowid >= ? ORDER BY rowid LIMIT 1",
            "after": "rowid > ? ORDER BY rowid LIMIT ?",
            "positions": f"rowid IN ({marks})",
            "originators": f"originator_id IN ({marks}) AND rowid > ? AND rowid <= ?",
        }[kind]
        params = (*(value.hex for value in values), after, upto) if kind == "originators" else tuple(values)
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {recorder.events_table_name} WHERE {where}",
                params,
            )
            rows = cursor.fetchall()
        for position, originator_id, version, topic, state in rows:
            yield int(position), UUID(str(originator_id)), int(version), topic, bytes(state)
        return
    msg = f"no timeline for {type(recorder).__name__}"
    raise TypeError(msg)


__all__ = [
    "EventInfo",
    "describe_events",
    "events_of",
    "head",
    "last_version_at",
    "position_at",
    "recorded_at",
]
