"""Queries of the public disclosure (클린재정 공개): plain lists of dicts, in a stable order.

Every function takes a connection to the read database and queries the logical tables (the views
over the current generation). Filters are optional where the portal lists across organisations or
years; ``code_prefix`` matches the start of a budget (or revenue) code, e.g. ``"100-080"`` for the
social-welfare field of the general account. Paging is the HTTP layer's.

Person vendors are never named in the tables; :func:`debarred_vendors` also leaves out any debarment
of a person altogether.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Select, Table, func, or_, select

from readmodels import disclosure as tables
from readmodels.erp import line_balances

_PROJECT = (
    "account",
    "field",
    "sector",
    "policy_project",
    "unit_project",
    "detailed_project",
)


def execution_rate(paid: int, current_budget: int) -> Decimal:
    """집행률: paid / current budget in percent, to 0.01 (as in the budget-vs-actual statement)."""
    if not current_budget:
        return Decimal(0)
    return (Decimal(paid) * 100 / Decimal(current_budget)).quantize(Decimal("0.01"))


def _filtered(
    query: Select[Any], table: Table, org: str | None, year: int | None, code_prefix: str | None
) -> Select[Any]:
    if org is not None:
        query = query.where(table.c.org == org)
    if year is not None:
        query = query.where(table.c.fiscal_year == year)
    if code_prefix:
        query = query.where(table.c.code.startswith(code_prefix, autoescape=True))
    return query


def _rows(conn: Connection, query: Select[Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in conn.execute(query)]


def programs(conn: Connection, org: str, year: int, code_prefix: str | None = None) -> list[dict[str, Any]]:
    """사업현황: per detailed project (세부사업) of ``org``'s ``year``, summed over its budget lines.

    Each dict: org, fiscal_year, code (account-…-detailed project), the six parts of that code,
    title, lines, current_budget, allocated, obligated, paid and execution_rate (a ``Decimal``
    percentage to 0.01; 0 when the current budget is 0).
    """
    lb = line_balances
    keys = [lb.c[name] for name in _PROJECT]
    query = _filtered(
        select(
            *keys,
            lb.c.title,
            func.count().label("lines"),
            func.sum(lb.c.current_budget).label("current_budget"),
            func.sum(lb.c.allocated).label("allocated"),
            func.sum(lb.c.obligated).label("obligated"),
            func.sum(lb.c.paid).label("paid"),
        )
        .group_by(*keys, lb.c.title)
        .order_by(*keys, lb.c.title),
        lb,
        org,
        year,
        code_prefix,
    )
    found = []
    for row in conn.execute(query):
        amounts = {
            name: int(getattr(row, name)) for name in ("current_budget", "allocated", "obligated", "paid")
        }
        found.append(
            {
                "org": org,
                "fiscal_year": year,
                "code": "-".join(getattr(row, name) for name in _PROJECT),
                **{name: getattr(row, name) for name in _PROJECT},
                "title": row.title,
                "lines": int(row.lines),
                **amounts,
                "execution_rate": execution_rate(amounts["paid"], amounts["current_budget"]),
            }
        )
    return found


def allocations(
    conn: Connection,
    org: str | None = None,
    year: int | None = None,
    code_prefix: str | None = None,
    quarter: int | None = None,
) -> list[dict[str, Any]]:
    """예산배정현황: allocation rows in log order (a pull-forward is two rows, − and +)."""
    table = tables.allocations
    query = _filtered(select(table), table, org, year, code_prefix)
    if quarter is not None:
        query = query.where(table.c.quarter == quarter)
    return _rows(conn, query.order_by(table.c.position, table.c.quarter))


def requisitions(
    conn: Connection,
    org: str | None = None,
    year: int | None = None,
    code_prefix: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """품의현황: requisitions by drafting date; ``status`` is drafted, approved or rejected."""
    table = tables.requisitions
    query = _filtered(select(table), table, org, year, code_prefix)
    if status is not None:
        query = query.where(table.c.status == status)
    return _rows(conn, query.order_by(table.c.drafted_on, table.c.requisition_id))


def expenditures(
    conn: Connection,
    org: str | None = None,
    year: int | None = None,
    code_prefix: str | None = None,
    paid_from: date | None = None,
    paid_to: date | None = None,
    contract_id: str | None = None,
) -> list[dict[str, Any]]:
    """지출현황: payments by payment date (``paid_from``/``paid_to`` inclusive). A person payee
    shows as ``payee_kind == "person"`` with no name, number or id."""
    table = tables.expenditures
    query = _filtered(select(table), table, org, year, code_prefix)
    if paid_from is not None:
        query = query.where(table.c.paid_on >= paid_from)
    if paid_to is not None:
        query = query.where(table.c.paid_on <= paid_to)
    if contract_id is not None:
        query = query.where(table.c.contract_id == contract_id)
    return _rows(conn, query.order_by(table.c.paid_on, table.c.payment_id))


def contracts(
    conn: Connection,
    org: str | None = None,
    year: int | None = None,
    code_prefix: str | None = None,
    method: str | None = None,
    status: str | None = None,
    supplier_business_number: str | None = None,
) -> list[dict[str, Any]]:
    """계약현황: contracts by contract date; ``method`` open/restricted/private, ``status``
    active/completed/terminated."""
    table = tables.contracts
    query = _filtered(select(table), table, org, year, code_prefix)
    if method is not None:
        query = query.where(table.c.method == method)
    if status is not None:
        query = query.where(table.c.status == status)
    if supplier_business_number is not None:
        query = query.where(table.c.supplier_business_number == supplier_business_number)
    return _rows(conn, query.order_by(table.c.contract_date, table.c.contract_id))


def contract_history(conn: Connection, contract_id: str) -> list[dict[str, Any]]:
    """The amendments (변경계약) of one contract, oldest first."""
    table = tables.contract_amendments
    return _rows(conn, select(table).where(table.c.contract_id == contract_id).order_by(table.c.position))


def debarred_vendors(
    conn: Connection, on_date: date | None = None, org: str | None = None
) -> list[dict[str, Any]]:
    """부정당업체: debarments of businesses, by start date; with ``on_date``, only those in force
    that day (inside the period and not lifted by then: lifting ends it on its date). ``org`` is
    the issuing organisation."""
    table = tables.debarred_vendors
    query = select(table).where(table.c.vendor_kind == "business")
    if on_date is not None:
        query = query.where(
            table.c.starts <= on_date,
            table.c.ends >= on_date,
            or_(table.c.lifted_on.is_(None), table.c.lifted_on > on_date),
        )
    if org is not None:
        query = query.where(table.c.org == org)
    return _rows(conn, query.order_by(table.c.starts, table.c.debarment_id))


def revenue_by_code(
    conn: Connection, org: str | None = None, year: int | None = None, code_prefix: str | None = None
) -> list[dict[str, Any]]:
    """세입현황: per revenue code (장-관-항-목), estimate and the totals of its assessments."""
    table = tables.revenue_by_code
    query = _filtered(select(table), table, org, year, code_prefix)
    return _rows(conn, query.order_by(table.c.org, table.c.fiscal_year, table.c.code))
