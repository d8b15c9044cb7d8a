"""What the portal can show (공개 목차): the fiscal years each organisation has figures for, and
one budget line's own row, from the projected tables only."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from readmodels.erp import line_balances


def fiscal_years(conn: Connection) -> dict[str, list[int]]:
    """Every organisation's fiscal years with budget lines, newest first."""
    query = select(line_balances.c.org, line_balances.c.fiscal_year).distinct()
    found: dict[str, list[int]] = defaultdict(list)
    for org, year in conn.execute(query):
        found[org].append(year)
    return {org: sorted(years, reverse=True) for org, years in found.items()}


def years_of(conn: Connection, org: str) -> list[int]:
    """The fiscal years of ``org`` with budget lines, newest first."""
    query = select(line_balances.c.fiscal_year).where(line_balances.c.org == org).distinct()
    return sorted((year for (year,) in conn.execute(query)), reverse=True)


def budget_line(conn: Connection, line_id: str) -> dict[str, Any] | None:
    """One budget line's row of ``line_balances`` (its codes, title and amounts now), or None."""
    row = conn.execute(select(line_balances).where(line_balances.c.line_id == line_id)).one_or_none()
    return None if row is None else dict(row._mapping)
