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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import ApplicationRecorder, StoredEvent

from commands.errors import InvalidKnownAt, KnownAtInFuture
from eventlog import EventLog, EventRow

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
    for row in EventLog.for_recorder(ledger.recorder).next_after(found, WINDOW):
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
    log = EventLog.for_recorder(ledger.recorder)
    found: list[EventInfo] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.extend(_info(ledger, row) for row in log.at_positions(chunk))
    found.sort(key=lambda info: info.position)
    return found


def events_of(
    ledger: Application[UUID], originator_ids: Iterable[UUID], after: int, upto: int
) -> list[EventInfo]:
    """The events of these aggregates with positions in (after, upto], in log order."""
    ids = sorted(set(originator_ids))
    log = EventLog.for_recorder(ledger.recorder)
    found: list[EventInfo] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.extend(_info(ledger, row) for row in log.of_aggregates(chunk, after, upto))
    found.sort(key=lambda info: info.position)
    return found


def last_version_at(recorder: ApplicationRecorder, originator_id: UUID, position: int) -> int:
    """The aggregate's version after the events recorded up to ``position`` (0: none yet)."""
    return EventLog.for_recorder(recorder).last_version_at(originator_id, position)


# --- the events table (its queries are eventlog's) ------------------------------------------------


def _first_from(ledger: Application[UUID], position: int) -> tuple[int, datetime] | None:
    row = EventLog.for_recorder(ledger.recorder).first_from(position)
    if row is None:
        return None
    info = _info(ledger, row)
    assert info.recorded_at is not None
    return info.position, info.recorded_at


def _info(ledger: Application[UUID], row: EventRow) -> EventInfo:
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


__all__ = [
    "EventInfo",
    "describe_events",
    "events_of",
    "head",
    "last_version_at",
    "position_at",
    "recorded_at",
]
