"""A small driver for application tests: commands in domain terms, one line each.

books = Books(ledger)
line = books.line(amount=1_000_000, allocate={1: 600_000})
obligation = books.obligate(line, 250_000)
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import EventStore

from commands.ledger import Ledger
from commands.messages.base import Command, CommandResult
from commands.messages.budget import Allocate, Appropriate, OpenFiscalYear, RegisterOrganisation
from commands.messages.spending import Obligate
from commands.messages.vendors import RegisterVendor
from domain.organisation import OrganisationKind
from domain.vendor import VendorKind

C = TypeVar("C", bound=Command)


def snapshot_store(ledger: Ledger) -> EventStore[UUID]:
    """The store's snapshots table (``ledger_snapshots``), which the ledger no longer reads: what an
    intruder with write access to the database could put a forged state in."""
    recorder = ledger.factory.aggregate_recorder(purpose="snapshots")
    return EventStore(mapper=ledger.mapper, recorder=recorder)


SEOUL = "6110000"
DEFAULT_CODE = "100-080-081-1001-2001-3001-201-01"


class Books:
    def __init__(
        self,
        ledger: Ledger,
        org: str = SEOUL,
        year: int = 2026,
        on: date | None = None,
        actor: str = "clerk-kim",
    ) -> None:
        self.ledger, self.org, self.year, self.actor = ledger, org, year, actor
        self.on = on or date(year, 1, 15)
        self._codes = 0

    def command(
        self,
        cls: type[C],
        *,
        on: date | None = None,
        year: int | None = None,
        command_id: UUID | None = None,
        **fields: Any,
    ) -> C:
        return cls(
            command_id=command_id or uuid.uuid4(),
            org=fields.pop("org", self.org),
            fiscal_year=year or self.year,
            accounting_date=on or self.on,
            actor=fields.pop("actor", self.actor),
            **fields,
        )

    def run(self, cls: type[Command], **fields: Any) -> CommandResult:
        return self.ledger.handle(self.command(cls, **fields))

    # --- set-ups ---------------------------------------------------------------------------

    def organisation(
        self, name: str = "서울특별시", kind: OrganisationKind = OrganisationKind.CITY
    ) -> CommandResult:
        return self.run(RegisterOrganisation, name=name, kind=kind, year=self.year, on=date(self.year, 1, 1))

    def open_year(self, year: int | None = None) -> CommandResult:
        year = year or self.year
        return self.run(OpenFiscalYear, year=year, on=date(year, 1, 1))

    def ready(self) -> Books:
        """Organisation registered and the fiscal year open."""
        self.organisation()
        self.open_year()
        return self

    def next_code(self, item: str = "201-01") -> str:
        self._codes += 1
        return f"100-080-081-1001-2001-{3000 + self._codes}-{item}"

    def line(
        self,
        amount: int = 1_000_000,
        allocate: dict[int, int] | None = None,
        code: str | None = None,
        title: str = "어르신 복지관 운영",
    ) -> UUID:
        result = self.run(Appropriate, budget_code=code or self.next_code(), title=title, amount=amount)
        for quarter, allocated in (allocate or {}).items():
            self.run(Allocate, line_id=result.aggregate_id, quarter=quarter, amount=allocated)
        return result.aggregate_id

    def obligate(self, line_id: UUID, amount: int, **fields: Any) -> UUID:
        fields.setdefault("description", "복지관 운영 물품 구매")
        return self.run(Obligate, line_id=line_id, amount=amount, **fields).aggregate_id

    def vendor(
        self, number: str = "123-45-67890", name: str = "(주)한빛상사", kind: VendorKind = VendorKind.BUSINESS
    ) -> UUID:
        return self.run(
            RegisterVendor,
            kind=kind,
            registration_number=number,
            name=name,
            address="서울특별시 성동구 왕십리로 1",
        ).aggregate_id

    def get(self, aggregate_id: UUID) -> Any:
        return self.ledger.repository.get(aggregate_id)

    def log_size(self) -> int:
        """How many events the log holds (not the highest position: on PostgreSQL a failed insert
        still consumes sequence values, so positions have gaps)."""
        return len(self.ledger.recorder.select_notifications(1, 10_000_000))
