"""Audit replay (감사 추적) of a budget line: every event with who, when and where in the log;
and of a vendor (거래처), a record every organisation shares: each event with the organisation it
was recorded by and for (who registered it, changed it, debarred it, lifted a debarment).

An auditor asks two things of a line: what happened to it, event by event, with the balances
after each; and what the line looked like at a given version. Both are answered here, on the
write side, by replaying the stored events through the same aggregate that validated them, so the
answer never depends on a projection.

Cost: the events come from ONE query on the recorder's events table that also returns each
event's log position, read in chunks (a line with 100 000 events is one query, never one per
event). Every answer folds from the line's first event: no snapshot is read, since a stored
state no chained event vouches for is what an auditor must not be shown (docs/tamper-evidence.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import ApplicationRecorder, StoredEvent

from commands.timeline import last_version_at
from domain.budget_line import BudgetLine
from domain.errors import NotFound
from domain.vendor import Vendor, VendorKind
from eventlog import EventLog

#: Rows fetched per round trip while streaming one line's events.
CHUNK = 1_000

#: Fields every ledger event carries (or the store adds); the rest are the event's own details.
_COMMON = frozenset(
    {
        "originator_id",
        "originator_version",
        "originator_topic",
        "timestamp",
        "org",
        "fiscal_year",
        "accounting_date",
        "actor",
        "command_id",
    }
)


class LineNotFound(NotFound):
    code = "budget-line-not-found"
    title = "No such budget line"


class VendorNotFound(NotFound):
    code = "vendor-not-found"
    title = "No such vendor"


@dataclass(frozen=True)
class LineBalances:
    """The line's amounts after an event (see :class:`domain.budget_line.BudgetLine`)."""

    appropriated: int
    amended: int
    transferred_in: int
    transferred_out: int
    contingency: int
    carried_in: int
    current_budget: int
    allocated_q1: int
    allocated_q2: int
    allocated_q3: int
    allocated_q4: int
    allocated: int
    obligated: int
    paid: int
    remaining: int
    carried_over: int
    lapsed: int
    closed: bool

    @classmethod
    def of(cls, line: BudgetLine) -> LineBalances:
        q1, q2, q3, q4 = line.allocated
        return cls(
            appropriated=line.appropriated,
            amended=line.amended,
            transferred_in=line.transferred_in,
            transferred_out=line.transferred_out,
            contingency=line.contingency,
            carried_in=line.carried_in,
            current_budget=line.current_budget,
            allocated_q1=q1,
            allocated_q2=q2,
            allocated_q3=q3,
            allocated_q4=q4,
            allocated=line.allocated_total,
            obligated=line.obligated,
            paid=line.paid,
            remaining=line.remaining,
            carried_over=line.carried_over,
            lapsed=line.lapsed,
            closed=line.closed,
        )


@dataclass(frozen=True)
class HistoryEntry:
    """One event of the line and the line's balances after it."""

    event: str
    version: int
    position: int
    actor: str
    accounting_date: date
    recorded_at: datetime
    command_id: UUID
    details: dict[str, Any]
    balances: LineBalances


@dataclass(frozen=True)
class LineState:
    """The line as it was after event ``version``."""

    line_id: UUID
    org: str
    fiscal_year: int
    code: str
    title: str
    version: int
    #: Log position and time of the event that brought the line to ``version``.
    position: int | None
    recorded_at: datetime
    balances: LineBalances


def iter_history(
    ledger: Application[UUID],
    line_id: UUID,
    *,
    org: str | None = None,
    after_version: int = 0,
    limit: int | None = None,
    upto_position: int | None = None,
) -> Iterator[HistoryEntry]:
    """The line's events after ``after_version`` (at most ``limit``), oldest first, streamed.

    ``upto_position``: only events recorded up to that log position (the history as it was known
    then; :func:`commands.timeline.position_at` maps a recorded time to a position).

    ``org``, if given, must be the line's organisation: another organisation's line is reported
    as not found, like one that does not exist (:class:`LineNotFound`, raised on first use).
    """
    line: Any = None
    stop = None if limit is None else after_version + limit
    checked = False
    for stored, position in _stored_events(ledger.recorder, line_id, gt=0, lte=stop):
        event: Any = ledger.mapper.to_domain_event(stored)
        # ``mutate`` checks that each version follows the last: a gap in the log would fail here.
        line = event.mutate(line)
        if not checked:
            _check_line(line, line_id, org)
            checked = True
        if upto_position is not None and position > upto_position:
            break  # one aggregate's versions follow its positions: nothing later was known then
        if event.originator_version > after_version:
            yield HistoryEntry(
                event=type(event).__name__,
                version=event.originator_version,
                position=position,
                actor=event.actor,
                accounting_date=event.accounting_date,
                recorded_at=event.timestamp,
                command_id=event.command_id,
                details=_details(event),
                balances=LineBalances.of(line),
            )
    if not checked:
        # No event at all: _check_line refuses it (not found).
        _check_line(line, line_id, org)


def line_history(
    ledger: Application[UUID],
    line_id: UUID,
    *,
    org: str | None = None,
    after_version: int = 0,
    limit: int | None = None,
    upto_position: int | None = None,
) -> list[HistoryEntry]:
    """:func:`iter_history` as a list (the whole history unless ``after_version``/``limit``)."""
    return list(
        iter_history(
            ledger,
            line_id,
            org=org,
            after_version=after_version,
            limit=limit,
            upto_position=upto_position,
        )
    )


def line_state_at(
    ledger: Application[UUID], line_id: UUID, position: int, *, org: str | None = None
) -> LineState:
    """The line as it was known at log ``position``: after its last event recorded up to there;
    :class:`LineNotFound` if it had not been opened by then."""
    version = last_version_at(ledger.recorder, line_id, position)
    if version == 0:
        raise LineNotFound(
            f"budget line {line_id} had no event recorded by position {position}", position=position
        )
    return line_state(ledger, line_id, version, org=org)


def line_state(
    ledger: Application[UUID],
    line_id: UUID,
    version: int | None = None,
    *,
    org: str | None = None,
) -> LineState:
    """The line after event ``version`` (default: its latest); :class:`LineNotFound` if it never
    reached that version."""
    if version is not None and version < 1:
        raise LineNotFound(f"budget line {line_id} has no version {version}", version=version)
    line: Any = None
    position = None
    for stored, last in _stored_events(ledger.recorder, line_id, gt=0, lte=version):
        decoded: Any = ledger.mapper.to_domain_event(stored)
        line = decoded.mutate(line)
        position = last
    line = _check_line(line, line_id, org)
    if version is not None and line.version != version:
        raise LineNotFound(
            f"budget line {line_id} is at version {line.version}; it has no version {version}",
            version=version,
            latest_version=line.version,
        )
    assert position is not None  # a line with no event was refused by _check_line
    return LineState(
        line_id=line_id,
        org=line.org,
        fiscal_year=line.fiscal_year,
        code=str(line.code),
        title=line.title,
        version=line.version,
        position=position,
        recorded_at=line.modified_on,
        balances=LineBalances.of(line),
    )


@dataclass(frozen=True)
class VendorEntry:
    """One event of a vendor, and the organisation it was recorded by and for."""

    event: str
    version: int
    position: int
    org: str
    actor: str
    accounting_date: date
    recorded_at: datetime
    command_id: UUID
    details: dict[str, Any]


def vendor_history(
    ledger: Application[UUID], vendor_id: UUID, *, org: str, after_version: int = 0, limit: int | None = None
) -> list[VendorEntry]:
    """The vendor's events after ``after_version`` (at most ``limit``), oldest first, as seen by
    organisation ``org``.

    A vendor is shared: every organisation may read a business's history. A person's (개인) names
    and addresses a private person, so only the organisation that registered it reads it; to
    another it is not found, like a vendor that does not exist (:class:`VendorNotFound`).
    """
    vendor: object
    try:
        vendor = ledger.repository.get(vendor_id)
    except AggregateNotFoundError:
        vendor = None
    if not isinstance(vendor, Vendor) or (vendor.kind is VendorKind.PERSON and vendor.registered_by != org):
        raise VendorNotFound(f"no vendor {vendor_id}", vendor_id=str(vendor_id))
    stop = None if limit is None else after_version + limit
    found = []
    for stored, position in _stored_events(ledger.recorder, vendor_id, gt=after_version, lte=stop):
        event: Any = ledger.mapper.to_domain_event(stored)
        found.append(
            VendorEntry(
                event=type(event).__name__,
                version=event.originator_version,
                position=position,
                org=event.org,
                actor=event.actor,
                accounting_date=event.accounting_date,
                recorded_at=event.timestamp,
                command_id=event.command_id,
                details=_details(event),
            )
        )
    return found


# --- replay ---------------------------------------------------------------------------------------


def _check_line(line: Any, line_id: UUID, org: str | None) -> BudgetLine:
    # Another organisation's line answers exactly like a missing one: existence is not public.
    if not isinstance(line, BudgetLine) or (org is not None and line.org != org):
        raise LineNotFound(f"no budget line {line_id}", line_id=str(line_id))
    return line


def _details(event: Any) -> dict[str, Any]:
    """The event's own fields (amount, quarter, obligation id, …) as JSON-ready values."""
    return {name: _plain(value) for name, value in vars(event).items() if name not in _COMMON}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return _plain(value.value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    # UUID, date, BudgetCode and other value objects read as their canonical text.
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


# --- the events table -----------------------------------------------------------------------------


def _stored_events(
    recorder: ApplicationRecorder, line_id: UUID, *, gt: int, lte: int | None
) -> Iterator[tuple[StoredEvent, int]]:
    """One aggregate's stored events with versions in (gt, lte], with their log positions.

    One query, read ``CHUNK`` rows at a time (:meth:`eventlog.EventLog.aggregate_events`).
    eventsourcing's own ``select_events`` returns no positions, and asking ``position_of`` per
    event would be one query per event.
    """
    return EventLog.for_recorder(recorder).aggregate_events(line_id, gt=gt, lte=lte, chunk=CHUNK)


__all__ = [
    "HistoryEntry",
    "LineBalances",
    "LineNotFound",
    "LineState",
    "VendorEntry",
    "VendorNotFound",
    "iter_history",
    "line_history",
    "line_state",
    "line_state_at",
    "vendor_history",
]
