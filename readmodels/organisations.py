"""Organisations (기관) and their population (주민등록인구): what the portal names and divides by.

``organisations`` holds every organisation registered, by its seven-digit code: its name (the last
one, after a rename), its kind (``city`` 본청, ``district`` 자치구, ``institution`` 투자출연기관) and the
day it was registered. ``organisation_population`` holds, per organisation and fiscal year, the
residents counted for per-capita figures, the day of the count and where the figure comes from;
recording a year again replaces its row. Both are public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import BigInteger, Column, Connection, Date, Integer, MetaData, String, Table, select

metadata = MetaData()

organisations = Table(
    "organisations",
    metadata,
    Column("code", String(7), primary_key=True),
    Column("name", String(200)),
    Column("kind", String(11)),  # city | district | institution
    Column("registered_on", Date),
)

organisation_population = Table(
    "organisation_population",
    metadata,
    Column("org", String(7), primary_key=True),
    Column("fiscal_year", Integer, primary_key=True),
    Column("population", BigInteger),
    Column("as_of", Date),
    Column("source", String(200)),
)

#: The order organisations are listed in: the city hall, its districts, its funded institutions.
KIND_ORDER = ("city", "district", "institution")


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    kind: str
    registered_on: date | None


@dataclass(frozen=True, slots=True)
class Population:
    org: str
    fiscal_year: int
    population: int
    as_of: date
    source: str


def _rank(organisation: Organisation) -> tuple[int, str, str]:
    kind = KIND_ORDER.index(organisation.kind) if organisation.kind in KIND_ORDER else len(KIND_ORDER)
    return kind, organisation.name, organisation.code


def all_organisations(conn: Connection) -> list[Organisation]:
    """Every organisation: the city first, then the districts, then the institutions, each kind by
    name (code-point order, which is 가나다 order for Hangul; the same on both backends, which
    sort text by their own collations), then by code."""
    rows = conn.execute(select(organisations)).all()
    return sorted((Organisation(*row) for row in rows), key=_rank)


def organisation(conn: Connection, code: str) -> Organisation | None:
    row = conn.execute(select(organisations).where(organisations.c.code == code)).first()
    return None if row is None else Organisation(*row)


def population(conn: Connection, org: str, year: int) -> Population | None:
    """The population recorded for ``org``'s fiscal ``year`` (the last recorded), or None."""
    table = organisation_population
    row = conn.execute(select(table).where(table.c.org == org, table.c.fiscal_year == year)).first()
    return None if row is None else Population(*row)


def populations(conn: Connection, year: int) -> dict[str, int]:
    """Organisation code → population, for every organisation with one recorded for ``year``."""
    table = organisation_population
    rows = conn.execute(select(table.c.org, table.c.population).where(table.c.fiscal_year == year))
    return {org: count for org, count in rows}
