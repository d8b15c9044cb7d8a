"""Where each projection stands: its position in the event log, its table generation, and the fault
that stopped it, if one did.

Read-model tables live in generations: a projection writes to physical tables named
``<table>__g<N>``, and readers query a view named ``<table>`` over the current generation.
A rebuild fills generation N+1 while readers keep reading N, then moves the views over in one
transaction, so a reader sees either the old complete view or the new one, never a half-built one.

A projection that meets an event it cannot apply (text its column cannot hold, a bug) is stopped
just before that event and the fault is recorded in ``projection_faults``, beside its state row;
the other projections carry on. A fault belongs to a generation: one of the current generation
stops the live projection until an operator clears it (``cleanledger retry NAME``); one of a later
generation is what stopped a rebuild, which then left the live tables as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    delete,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

state_metadata = MetaData()

projection_state = Table(
    "projection_state",
    state_metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("generation", Integer, nullable=False),
    Column("version", Integer, nullable=False),
)

#: Longest error message kept (the rest is cut): enough for a database's message and detail.
MESSAGE_LENGTH = 2_000

projection_faults = Table(
    "projection_faults",
    state_metadata,
    Column("name", String(100), primary_key=True),
    Column("generation", Integer, primary_key=True),
    # The event the projection could not apply: it stands just before this position.
    Column("position", BigInteger, nullable=False),
    Column("event", String(200)),  # e.g. BudgetLine.Opened (None: the event could not be read)
    Column("originator_id", String(36)),
    Column("originator_version", BigInteger),
    Column("error", String(200), nullable=False),  # the exception's class, e.g. psycopg.errors.DataError
    Column("code", String(20)),  # the database's SQLSTATE, where it gave one (22001)
    Column("message", String(MESSAGE_LENGTH), nullable=False),  # may quote data: operators only
    Column("recorded_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Fault:
    """Why a projection stopped: at which event, with which error, when."""

    name: str
    generation: int
    position: int
    event: str | None
    originator_id: str | None
    originator_version: int | None
    error: str
    code: str | None
    message: str
    recorded_at: datetime

    @property
    def error_name(self) -> str:
        """The error's class without its module (StringDataRightTruncation)."""
        return self.error.rpartition(".")[2]


@dataclass(frozen=True)
class ProjectionStatus:
    """One row of ``projection_state`` with the fault of its current generation (if any) and the
    fault of a rebuild that did not switch over (if any)."""

    name: str
    position: int
    generation: int
    version: int
    fault: Fault | None
    rebuild_fault: Fault | None


def physical_name(table_name: str, generation: int) -> str:
    return f"{table_name}__g{generation}"


def _fault(row: object) -> Fault:
    values = {column.name: getattr(row, column.name) for column in projection_faults.columns}
    if values["recorded_at"].tzinfo is None:  # SQLite keeps no offset: it was written in UTC
        values["recorded_at"] = values["recorded_at"].replace(tzinfo=UTC)
    return Fault(**values)


def faults(conn: Connection, names: list[str] | None = None) -> list[Fault]:
    """Every recorded fault (of ``names`` only, if given), by projection and generation."""
    query = select(projection_faults).order_by(projection_faults.c.name, projection_faults.c.generation)
    if names is not None:
        query = query.where(projection_faults.c.name.in_(names))
    return [_fault(row) for row in conn.execute(query)]


def live_faults(conn: Connection, names: list[str] | None = None) -> list[Fault]:
    """The faults that stop live projections: those of each projection's current generation."""
    state, recorded = projection_state, projection_faults
    query = (
        select(recorded)
        .join(state, and_(state.c.name == recorded.c.name, state.c.generation == recorded.c.generation))
        .order_by(recorded.c.position, recorded.c.name)
    )
    if names is not None:
        query = query.where(recorded.c.name.in_(names))
    return [_fault(row) for row in conn.execute(query)]


def statuses(conn: Connection) -> list[ProjectionStatus]:
    """Every projection's state row, with its faults, by name."""
    recorded: dict[str, list[Fault]] = {}
    for fault in faults(conn):
        recorded.setdefault(fault.name, []).append(fault)
    found = []
    for row in conn.execute(select(projection_state).order_by(projection_state.c.name)):
        mine = recorded.get(row.name, [])
        found.append(
            ProjectionStatus(
                row.name,
                row.position,
                row.generation,
                row.version,
                fault=next((f for f in mine if f.generation == row.generation), None),
                rebuild_fault=next((f for f in mine if f.generation > row.generation), None),
            )
        )
    return found


def record_fault(conn: Connection, fault: Fault) -> None:
    """Record ``fault`` unless one is recorded for its projection and generation already (the
    first one stopped it; a second worker that met the same event adds nothing)."""
    values = {column.name: getattr(fault, column.name) for column in projection_faults.columns}
    values["message"] = values["message"][:MESSAGE_LENGTH]
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(insert(projection_faults).values(**values).on_conflict_do_nothing())


def clear_faults(conn: Connection, name: str, *, below: int | None = None, at: int | None = None) -> int:
    """Forget the faults of projection ``name`` (only of generations below ``below``, or of
    generation ``at``, if given), so that it tries its events again; how many were cleared."""
    statement = delete(projection_faults).where(projection_faults.c.name == name)
    if below is not None:
        statement = statement.where(projection_faults.c.generation < below)
    if at is not None:
        statement = statement.where(projection_faults.c.generation == at)
    return conn.execute(statement).rowcount
