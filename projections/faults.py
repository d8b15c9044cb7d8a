"""Faults of projections: which failures to retry, which event caused one, and how it is recorded.

A batch can fail for two kinds of reasons:

- **transient**: the connection was lost, a lock timed out, SQLite's file was locked
  (``OperationalError``, ``InterfaceError``, ``OSError``, and their psycopg, sqlite3 and
  eventsourcing kin). The batch is retried as it is; nothing is recorded.
- **the batch's own**: an event one projection cannot apply (text its column cannot hold, NUL in
  PostgreSQL text, a bug raising in ``apply``). Retrying changes nothing: the same events fail the
  same way, for ever, and they would stop every projection of the group with them.

For the second kind the engine applies each projection alone, in a savepoint of one transaction,
and :func:`first_failure` bisects the events of the one that fails to the first it cannot apply:
everything before it is kept, the projection stops just before it, and the fault is recorded
(:func:`fault_of`, ``readmodels.state.projection_faults``). The other projections carry on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import psycopg
from eventsourcing import persistence
from sqlalchemy import exc

from projections.base import Envelope
from readmodels.state import MESSAGE_LENGTH, Fault

_TRANSIENT: tuple[type[BaseException], ...] = (
    exc.OperationalError,
    exc.InterfaceError,
    OSError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
    sqlite3.OperationalError,
    sqlite3.InterfaceError,
    persistence.OperationalError,
    persistence.InterfaceError,
)


def is_transient(error: BaseException) -> bool:
    """Whether ``error`` may pass by itself (a lost connection, a lock): retry, record nothing."""
    return isinstance(error, _TRANSIENT)


def first_failure(
    events: Sequence[Envelope], attempt: Callable[[Sequence[Envelope]], Exception | None]
) -> tuple[int, Exception] | None:
    """The index of the first of ``events`` that cannot be applied, and its error; None if all can.

    ``attempt(batch)`` applies ``batch`` after everything kept so far and keeps it, or undoes it
    and returns the error (a savepoint). Halves are tried in order, and each half that applies is
    kept, so about log2(len(events)) attempts find the event, and everything before it is applied.
    """
    error = attempt(events)
    if error is None:
        return None
    kept, failing = 0, len(events)  # events[:kept] are applied; events[kept:failing] fail
    while failing - kept > 1:
        middle = (kept + failing) // 2
        found = attempt(events[kept:middle])
        if found is None:
            kept = middle
        else:
            failing, error = middle, found
    return kept, error


def fault_of(
    name: str, generation: int, position: int, event: Envelope | None, error: BaseException
) -> Fault:
    """What is recorded of ``error``, met by projection ``name`` at ``position``.

    A database error is described by the driver's own message (and its SQLSTATE), never by
    SQLAlchemy's text, which quotes the statement's parameters, i.e. the data."""
    root: BaseException = error
    if isinstance(error, exc.StatementError) and error.orig is not None:
        root = error.orig
    code: str | None = None
    message = str(root)
    if isinstance(root, psycopg.Error):
        code = root.sqlstate
        primary, detail = root.diag.message_primary, root.diag.message_detail
        if primary:
            message = primary + (f"\nDETAIL: {detail}" if detail else "")
    return Fault(
        name=name,
        generation=generation,
        position=position,
        event=event.name if event is not None else None,
        originator_id=event.originator_id if event is not None else None,
        originator_version=event.originator_version if event is not None else None,
        error=f"{type(root).__module__}.{type(root).__qualname__}",
        code=code,
        message=(message or type(root).__name__)[:MESSAGE_LENGTH],
        recorded_at=datetime.now(UTC),
    )
