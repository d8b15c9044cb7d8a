"""SQLite event recorder that checks a command's read set before it commits.

The same check as :mod:`commands.pg_recorder`'s: a command passes ``read_set``, the aggregates it
decided on without changing them and the versions it saw; if one of them has a later event, the
save fails as a version conflict does (``IntegrityError``) and the command is tried again on
fresh state. The check runs after the inserts, inside their transaction: by then the transaction
holds SQLite's write lock, so no other writer can commit between the check and this commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor


class ReadSetCheckingRecorder(SQLiteApplicationRecorder):
    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        read_set: Sequence[tuple[UUID, int]] = kwargs.get("read_set", ())
        for aggregate_id, version in read_set:
            c.execute(
                f"SELECT 1 FROM {self.events_table_name} "
                "WHERE originator_id = ? AND originator_version > ? LIMIT 1",
                (aggregate_id.hex, version),
            )
            if c.fetchone() is not None:
                # The transaction maps it to eventsourcing's IntegrityError and rolls back.
                msg = f"aggregate {aggregate_id} changed after the command read it at version {version}"
                raise sqlite3.IntegrityError(msg)
        return ids
