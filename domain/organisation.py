"""Organisations (기관): the city, its districts and its funded institutions, and their fiscal years.

Every event belongs to exactly one organisation and one fiscal year (회계연도, the calendar year).
A fiscal year is opened before anything is recorded in it and closed at year end (결산); after
that only closing entries are accepted.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import AlreadyExists, InvalidInput, InvalidState, YearClosed, YearNotOpen

#: The most residents a population record may count: ten times Seoul's, a bound against a slip of
#: the keyboard rather than a fact of demography.
MAX_POPULATION = 100_000_000


class OrganisationKind(StrEnum):
    """본청 (city headquarters), 자치구 (district), 투자출연기관 (funded institution)."""

    CITY = "city"
    DISTRICT = "district"
    INSTITUTION = "institution"


class Organisation(LedgerAggregate):
    """An organisation (기관) of the ledger."""

    code: str
    name: str
    kind: OrganisationKind

    class Registered(LedgerAggregate.Created):
        code: str
        name: str
        kind: OrganisationKind

        def apply(self, org: Organisation) -> None:
            org.code, org.name, org.kind = self.code, self.name, self.kind

    class Renamed(LedgerAggregate.Event):
        name: str

        def apply(self, org: Organisation) -> None:
            org.name = self.name

    class PopulationRecorded(LedgerAggregate.Event):
        """주민등록인구 of the event's fiscal year, counted on ``as_of``, for per-capita figures.

        Recording a year again replaces its figure (the read model keeps the last). The
        aggregate keeps no state of it: no rule of the ledger reads a population.
        """

        population: int
        as_of: date
        source: str

        def apply(self, org: Organisation) -> None:
            pass

    @staticmethod
    def id_for(code: str) -> UUID:
        return ledger_id("organisation", code)

    @classmethod
    def register(cls, ctx: Context, name: str, kind: OrganisationKind) -> Organisation:
        if not name.strip():
            raise InvalidInput("an organisation needs a name")
        name = text.NAME.check(name, "name")
        return cls.start(
            cls.Registered, ctx, cls.id_for(ctx.org), code=ctx.org, name=name, kind=OrganisationKind(kind)
        )

    @property
    def keeps_shared_registers(self) -> bool:
        """본청 (the city) keeps the registers every organisation of Seoul shares, such as the
        vendors (거래처): it may correct a record another organisation registered."""
        return self.kind is OrganisationKind.CITY

    def rename(self, ctx: Context, name: str) -> None:
        if not name.strip():
            raise InvalidInput("an organisation needs a name")
        name = text.NAME.check(name, "name")
        self.record(self.Renamed, ctx, name=name)

    def record_population(self, ctx: Context, population: int, as_of: date, source: str) -> None:
        """주민등록인구 of ``ctx.fiscal_year``: the city's or a district's residents, as counted on
        ``as_of`` (on or before the accounting date), and where the count comes from."""
        if self.kind is OrganisationKind.INSTITUTION:
            raise InvalidInput(
                f"{self.name} is a funded institution (투자출연기관): it has no resident population",
                org=self.code,
            )
        if isinstance(population, bool) or not isinstance(population, int):
            raise InvalidInput(f"a population is a whole number of residents, got {population!r}")
        if not 0 < population <= MAX_POPULATION:
            # A refusal's numbers go out as JSON: a count beyond 64 bits goes as text (domain.money).
            shown = population if -(2**63) <= population < 2**63 else str(population)
            raise InvalidInput(
                f"a population counts from 1 to {MAX_POPULATION} residents, got {population}",
                population=shown,
                maximum=MAX_POPULATION,
            )
        if not isinstance(as_of, date):
            raise InvalidInput(f"a population is counted on a date, got {as_of!r}")
        if as_of > ctx.accounting_date:
            raise InvalidInput(
                f"a population counted on {as_of.isoformat()} cannot be recorded on "
                f"{ctx.accounting_date.isoformat()}, before it was counted",
                as_of=as_of.isoformat(),
                accounting_date=ctx.accounting_date.isoformat(),
            )
        source = text.SOURCE.check(source, "source")
        self.record(self.PopulationRecorded, ctx, population=population, as_of=as_of, source=source)


class FiscalYearStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class FiscalYear(LedgerAggregate):
    """One organisation's fiscal year (회계연도).

    Opening a budget or revenue line records an event here, so the year's own history lists its
    lines (closing reads them back) and a close conflicts with a line opened at the same moment.
    The state stays a few counters, so loading the year on every command costs the same in
    December as in January.
    """

    org: str
    year: int
    status: FiscalYearStatus
    budget_line_count: int
    revenue_line_count: int

    class Opened(LedgerAggregate.Created):
        year: int

        def apply(self, fy: FiscalYear) -> None:
            fy.org, fy.year, fy.status = self.org, self.year, FiscalYearStatus.OPEN
            fy.budget_line_count = fy.revenue_line_count = 0

    class BudgetLineAdded(LedgerAggregate.Event):
        line_id: UUID

        def apply(self, fy: FiscalYear) -> None:
            fy.budget_line_count += 1

    class RevenueLineAdded(LedgerAggregate.Event):
        line_id: UUID

        def apply(self, fy: FiscalYear) -> None:
            fy.revenue_line_count += 1

    class Closed(LedgerAggregate.Event):
        lapsed_total: int

        def apply(self, fy: FiscalYear) -> None:
            fy.status = FiscalYearStatus.CLOSED

    @staticmethod
    def id_for(org: str, year: int) -> UUID:
        return ledger_id("fiscal-year", org, year)

    @classmethod
    def open(cls, ctx: Context, organisation: Organisation | None) -> FiscalYear:
        if organisation is None:
            raise InvalidInput(f"organisation {ctx.org} is not registered", org=ctx.org)
        return cls.start(cls.Opened, ctx, cls.id_for(ctx.org, ctx.fiscal_year), year=ctx.fiscal_year)

    @property
    def is_open(self) -> bool:
        return self.status is FiscalYearStatus.OPEN

    def check_open(self, *, closing_entry: bool = False) -> None:
        """Refuse ordinary commands on a closed year; closing entries pass (invariant 9)."""
        if self.status is FiscalYearStatus.CLOSED and not closing_entry:
            raise YearClosed(
                f"fiscal year {self.year} of organisation {self.org} is closed",
                org=self.org,
                fiscal_year=self.year,
            )

    def add_budget_line(self, ctx: Context, line_id: UUID) -> None:
        self.check_open()
        self.record(self.BudgetLineAdded, ctx, line_id=line_id)

    def add_revenue_line(self, ctx: Context, line_id: UUID) -> None:
        self.check_open()
        self.record(self.RevenueLineAdded, ctx, line_id=line_id)

    def close(self, ctx: Context, lapsed_total: int) -> None:
        if self.status is FiscalYearStatus.CLOSED:
            raise InvalidState(f"fiscal year {self.year} is already closed", fiscal_year=self.year)
        self.record(self.Closed, ctx, lapsed_total=lapsed_total)


def require_year(fy: FiscalYear | None, org: str, year: int) -> FiscalYear:
    """The fiscal year, or a refusal naming it if it was never opened."""
    if fy is None:
        raise YearNotOpen(
            f"fiscal year {year} of organisation {org} has not been opened", org=org, fiscal_year=year
        )
    return fy


def refuse_existing(kind: str, existing: object | None, key: str) -> None:
    if existing is not None:
        raise AlreadyExists(f"{kind} {key} exists already", key=key)
