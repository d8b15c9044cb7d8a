"""What every ledger event carries, and the aggregate base class that records it.

Every event belongs to exactly one organisation (기관) and one fiscal year (회계연도), has an
accounting date (회계일자), names its actor and the command that caused it. The event store adds
the recorded time and the log position.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Self, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain import text
from domain.codes import check_accounting_date, fiscal_year, org_code
from domain.errors import InvalidInput

TEvent = TypeVar("TEvent", bound="LedgerAggregate.Event")


@dataclass(frozen=True, slots=True)
class Context:
    """Who asks, for which organisation and fiscal year, effective on which accounting date."""

    org: str
    fiscal_year: int
    accounting_date: date
    actor: str
    command_id: UUID

    def __post_init__(self) -> None:
        org_code(self.org)
        fiscal_year(self.fiscal_year)
        check_accounting_date(self.accounting_date, self.fiscal_year)
        if not isinstance(self.actor, str) or not self.actor.strip():
            raise InvalidInput("every command names its actor")
        # Frozen: the normalised name replaces the one given (the dataclass's own way round it).
        object.__setattr__(self, "actor", text.ACTOR.check(self.actor, "actor"))

    def event_fields(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "fiscal_year": self.fiscal_year,
            "accounting_date": self.accounting_date,
            "actor": self.actor,
            "command_id": self.command_id,
        }


class LedgerAggregate(Aggregate):
    """Base of every aggregate of the ledger: events carry the command :class:`Context`."""

    class Event(Aggregate.Event):
        org: str
        fiscal_year: int
        accounting_date: date
        actor: str
        command_id: UUID

    class Created(Event, Aggregate.Created):
        pass

    def __init__(self) -> None:
        """State is set by each ``Created`` event's ``apply``, so replay never validates."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Subclasses annotate their state for readers, mypy and the snapshot codec. eventsourcing
        # turns an annotated aggregate into a dataclass, which would generate an ``__init__``
        # demanding every field; keep the no-argument one, since ``apply`` sets the state.
        if "__init__" not in cls.__dict__:
            cls.__init__ = LedgerAggregate.__init__  # type: ignore[method-assign]
        super().__init_subclass__(**kwargs)

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        # The repository copies cached aggregates before each command. State is immutable values
        # only (ints, strings, tuples, frozen dataclasses), so a new dict is a complete copy, and
        # several times cheaper than copy.deepcopy walking every value.
        copy = object.__new__(type(self))
        state = dict(self.__dict__)
        state["_pending_events"] = list(self._pending_events)
        object.__setattr__(copy, "__dict__", state)
        return copy

    @classmethod
    def start(cls, event_class: type[LedgerAggregate.Created], ctx: Context, id: UUID, **fields: Any) -> Self:
        """Create the aggregate by recording its first event."""
        return cls._create(event_class, id=id, **ctx.event_fields(), **fields)

    def record(self, event_class: type[LedgerAggregate.Event], ctx: Context, **fields: Any) -> None:
        """Record one more event (the public method has validated it already)."""
        self.trigger_event(event_class, **ctx.event_fields(), **fields)
