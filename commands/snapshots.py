"""Snapshots the current code can use, and only those.

A snapshot holds an aggregate's state as the fold of its events was when the snapshot was taken,
and the version of the aggregate class that folded it (``class_version``, 1 when absent). When a
fold changes, the class's version goes up, and a snapshot of an older version is usable only if
the class says how to bring its state forward (``upcast_vN_vN+1``). Where the old state cannot be
converted (``BudgetLine`` version 2: a return no longer lowers ``obligated``, and an old snapshot
does not record by how much its returns did), the class defines no upcast, and such a snapshot is
passed over here: the aggregate is replayed from its first event, and the next snapshot (every
200 events) is taken from that replay, so the cost of an upgrade fades on its own.

Every reader of snapshots goes through :class:`CurrentSnapshots` (the repository, snapshot
taking, the audit trail's starting points), so none of them can restore an aggregate from a
state its events no longer give.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID

from eventsourcing.persistence import EventStore
from eventsourcing.utils import resolve_topic


def usable(snapshot: Any) -> bool:
    """Whether the snapshot's state can be brought to its aggregate class's current version."""
    cls = resolve_topic(snapshot.topic)
    taken = int(snapshot.state.get("class_version", 1))
    current = int(getattr(cls, "class_version", 1))
    return all(hasattr(cls, f"upcast_v{v}_v{v + 1}") for v in range(taken, current))


class CurrentSnapshots(EventStore[UUID]):
    """The snapshot store, less the snapshots the current classes cannot use."""

    def get(
        self,
        originator_id: UUID,
        *,
        gt: int | None = None,
        lte: int | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> Iterator[Any]:
        # Readers ask for the latest one (desc, limit 1). If it is unusable, every older one is
        # too (versions only go up), so the answer is none: replay from the first event.
        return (
            snapshot
            for snapshot in super().get(originator_id, gt=gt, lte=lte, desc=desc, limit=limit)
            if usable(snapshot)
        )
