"""The disclosure tables as the portal lists them (공개 목록): which columns a reader sees, how each
is written, and where each figure links to.

The open API publishes every public column of a table (``readmodels.public_queries``); a page shows
the few a reader asks for first, with names rather than ids, and links a figure to the rows that
make it (a programme's paid amount to its payments) and a row to its history (a programme to the
events behind it, a contract to its story). The downloads still carry every public column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from readmodels import public_queries as queries

Link = Callable[[Mapping[str, Any]], str | None]


@dataclass(frozen=True)
class Column:
    """One column of a listing: the row's field, how it is written, and an optional link."""

    name: str
    kind: str = "text"  # text | name | amount | rate | date | count | word | year | code
    link: Link | None = None
    #: The sort (``PublicTable.sorts``) its header toggles, if any.
    sort: str | None = None


@dataclass(frozen=True)
class Listing:
    """A disclosure table as a page: its public table, its columns, the totals it shows."""

    key: str  # in the URL: /orgs/{org}/{year}/{key}
    spec: queries.PublicTable
    columns: tuple[Column, ...]
    title_en: str

    @property
    def title(self) -> str:
        return self.spec.title


def line_history(row: Mapping[str, Any]) -> str | None:
    """A budget line's history page (the events behind its figures)."""
    if not row.get("line_id"):
        return None
    return f"/orgs/{row['org']}/{row['fiscal_year']}/lines/{row['line_id']}"


def rows_of_line(listing: str) -> Link:
    """The rows of another listing that make a line's figure (its code, in the same year)."""

    def link(row: Mapping[str, Any]) -> str | None:
        if not row.get("code"):
            return None
        query = urlencode({"code_prefix": row["code"]})
        return f"/orgs/{row['org']}/{row['fiscal_year']}/{listing}?{query}"

    return link


def contract_story(row: Mapping[str, Any]) -> str | None:
    if not row.get("contract_id"):
        return None
    return f"/orgs/{row['org']}/{row['fiscal_year']}/contracts/{row['contract_id']}"


PROGRAMS = Listing(
    "programs",
    queries.PROGRAMS,
    (
        Column("title", "name", line_history, sort="title"),
        Column("budget_item", "code", sort="code"),
        Column("current_budget", "amount", sort="current_budget"),
        Column("allocated", "amount", rows_of_line("allocations"), sort="allocated"),
        Column("obligated", "amount", rows_of_line("requisitions"), sort="obligated"),
        Column("paid", "amount", rows_of_line("expenditures"), sort="paid"),
        Column("remaining", "amount"),
        Column("execution_rate", "rate"),
    ),
    "Programmes",
)
ALLOCATIONS = Listing(
    "allocations",
    queries.ALLOCATIONS,
    (
        Column("line_title", "name", line_history, sort="code"),
        Column("quarter", "count"),
        Column("kind", "word"),
        Column("amount", "amount", sort="amount"),
        Column("allocated_on", "date", sort="allocated_on"),
    ),
    "Budget allocations",
)
REQUISITIONS = Listing(
    "requisitions",
    queries.REQUISITIONS,
    (
        Column("title", "name"),
        Column("line_title", "name", line_history, sort="code"),
        Column("amount", "amount", sort="amount"),
        Column("status", "word"),
        Column("drafted_on", "date", sort="drafted_on"),
        Column("decided_on", "date", sort="decided_on"),
    ),
    "Requisitions",
)
EXPENDITURES = Listing(
    "expenditures",
    queries.EXPENDITURES,
    (
        Column("paid_on", "date", sort="paid_on"),
        Column("description", "name", contract_story),
        Column("line_title", "name", line_history, sort="code"),
        Column("payee_name", "name"),
        Column("amount", "amount", sort="amount"),
        Column("returned", "amount"),
    ),
    "Expenditures",
)
CONTRACTS = Listing(
    "contracts",
    queries.CONTRACTS,
    (
        Column("title", "name", contract_story),
        Column("department", "name"),
        Column("contract_date", "date", sort="contract_date"),
        Column("supplier_name", "name"),
        Column("method", "word"),
        Column("amount", "amount", sort="amount"),
        Column("payments_to_date", "amount"),
        Column("status", "word"),
        Column("ends", "date", sort="ends"),
    ),
    "Contracts",
)
REVENUE = Listing(
    "revenue",
    queries.REVENUE,
    (
        Column("code", "code", sort="code"),
        Column("title", "name"),
        Column("estimate", "amount", sort="estimate"),
        Column("assessed", "amount"),
        Column("collected", "amount", sort="collected"),
        Column("overpaid", "amount"),
        Column("refunded", "amount"),
    ),
    "Revenue",
)
DEBARRED = Listing(
    "debarred-vendors",
    queries.DEBARRED_VENDORS,
    (
        Column("vendor_name", "name", sort="vendor_name"),
        Column("business_number", "code"),
        Column("ground", "name"),
        Column("starts", "date", sort="starts"),
        Column("ends", "date", sort="ends"),
        Column("lifted_on", "date"),
        Column("lift_reason", "name"),
    ),
    "Debarred vendors",
)

#: The tables of one organisation's year, in the order of 붙임 3's 재정정보 column.
OF_YEAR: dict[str, Listing] = {
    listing.key: listing
    for listing in (PROGRAMS, ALLOCATIONS, REQUISITIONS, EXPENDITURES, CONTRACTS, REVENUE)
}
#: Every listing by its public table's name (the city-wide pages, /tables/{name}).
BY_TABLE: dict[str, Listing] = {listing.spec.name: listing for listing in (*OF_YEAR.values(), DEBARRED)}
