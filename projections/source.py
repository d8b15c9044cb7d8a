"""Reading the event log for projections: many rows per query, straight into envelopes.

eventsourcing's ``select_notifications`` builds a dict per row and a ``Notification`` per event;
at the rates a rebuild needs that is half the time of a batch. Here one query returns plain
tuples and each becomes an :class:`Envelope` directly. The store commits positions in order
(see commands.pg_recorder), so reading "after N" never passes over a later commit.

:meth:`EventSource.window` reads a range of positions and returns only the events a group of
projections handles: the general ledger handles about a third of the log, and decoding the
rest only to drop it was a third of its lane's time. The range ends at the head as read just
before, so everything up to its end is committed (positions commit in order) and a window with
no handled event still moves the group's position.

The SQL of both backends is :mod:`eventlog`'s (one place for every query of the events table);
this module turns its rows into envelopes.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

import orjson
from eventsourcing.persistence import ApplicationRecorder

from eventlog import EventLog, Row, connection_params
from projections.base import Envelope
from projections.collector import collection_paused

__all__ = ["EventSource", "Window", "connection_params"]


class Window(NamedTuple):
    """The handled events of the positions (after, upto] of the log."""

    events: list[Envelope]
    #: The last position the window covers, handled or not (the read's start when nothing is new).
    upto: int


class EventSource:
    """The events after a position, from a PostgreSQL or SQLite event store."""

    def __init__(self, recorder: ApplicationRecorder, log: EventLog | None = None) -> None:
        self.recorder = recorder
        self.log = log or EventLog.for_recorder(recorder)
        self._names: dict[str, str] = {}

    @property
    def forkable(self) -> bool:
        """Whether :meth:`forked` can make a copy for a forked process (PostgreSQL)."""
        return self.log.forkable

    def forked(self) -> EventSource:
        """A copy for a forked process: it connects anew with the recorder's parameters, and
        never touches the connections of the recorder's pool, which the parent owns."""
        return EventSource(self.recorder, self.log.forked())

    def close(self) -> None:
        self.log.close()

    def read(self, after: int, limit: int) -> list[Envelope]:
        """The next ``limit`` events after position ``after``."""
        # Decoding a batch makes as many objects as folding it (see projections.collector).
        with collection_paused():
            return self._envelopes(self.log.read(after, limit))

    def window(
        self, after: int, limit: int, names: Collection[str] | None = None, until: int | None = None
    ) -> Window:
        """The events named ``names`` (all if None) among the next ``limit`` positions after
        ``after``, stopping at the head of the log and at ``until`` (if given)."""
        with collection_paused():
            return self._window(after, limit, names, until)

    def _window(self, after: int, limit: int, names: Collection[str] | None, until: int | None) -> Window:
        if names is None:
            events = self._envelopes(
                self.log.read(after, limit if until is None else min(limit, until - after))
            )
            if until is not None and events and events[-1].position > until:  # gaps in positions
                events = [event for event in events if event.position <= until]
            return Window(events, events[-1].position if events else after)
        # The head first: every position up to it is committed, so the range read sees them all.
        upto = min(after + limit, self.head())
        if until is not None:
            upto = min(upto, until)
        if upto <= after:
            return Window([], after)
        return Window(self._envelopes(self.log.read_named(after, upto, sorted(names))), upto)

    def head(self) -> int:
        return self.log.head()

    def _envelopes(self, rows: list[Row]) -> list[Envelope]:
        # On the path of every event: local names, and the tuple made without Envelope's __new__.
        names, loads, new = self._names, orjson.loads, tuple.__new__
        envelopes: list[Envelope] = []
        append = envelopes.append
        for position, originator_id, version, topic, state in rows:
            name = names.get(topic)
            if name is None:
                name = names[topic] = topic.rpartition(":")[2]
            append(new(Envelope, (position, originator_id, version, name, loads(state))))
        return envelopes
