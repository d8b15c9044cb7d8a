"""재정정보: the organisations, each organisation's year (its dashboard and its disclosure tables),
one budget line's history and one contract's story.

Addresses are stable and can be bookmarked: ``/orgs/{org}/{year}`` is a year's dashboard,
``/orgs/{org}/{year}/{table}`` one of its tables (search, sort and keyset paging in the query),
``/orgs/{org}/{year}/lines/{line_id}`` and ``/orgs/{org}/{year}/contracts/{contract_id}`` one row.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection

from api import params
from api.deps import ReadConnection
from api.params import MAX_POSITION, IdPath, OrgPath, YearPath
from api.portal import listings
from api.portal.i18n import Language, column_label, language, value_word
from api.portal.rendering import (
    Lang,
    ListingQuery,
    UnitKey,
    context,
    error_page,
    render,
)
from readmodels import line_history, organisations, portal_directory
from readmodels import public_queries as queries
from readmodels.disclosure_queries import execution_rate

PAGE_SIZE = 50
HISTORY_PAGE = 100


def org_names(conn: Connection) -> dict[str, str]:
    return {o.code: o.name for o in organisations.all_organisations(conn)}


def org_title(conn: Connection, org: str) -> str:
    found = organisations.organisation(conn, org)
    return found.name if found is not None else org


def year_tabs(org: str, year: int, lang: Language) -> list[tuple[str, str, str]]:
    """The dashboard and every table of the year, as tabs."""
    suffix = "?lang=en" if lang == "en" else ""
    base = f"/orgs/{org}/{year}"
    tabs = [("dashboard", "재정 한눈에 보기" if lang == "ko" else "At a glance", base + suffix)]
    tabs.extend(
        (key, listing.title if lang == "ko" else listing.title_en, f"{base}/{key}{suffix}")
        for key, listing in listings.OF_YEAR.items()
    )
    return tabs


def listing_page(
    request: Request,
    conn: Connection,
    lang: Language,
    listing: listings.Listing,
    path: str,
    query: ListingQuery,
    org: str | None = None,
    year: int | None = None,
    *,
    scope_in_query: bool = False,
    **values: Any,
) -> Response:
    """One page of a disclosure table: its rows, totals, sort links, next page and downloads.
    ``scope_in_query``: the organisation and year are the page's query (``/tables/…``), not its
    path (``/orgs/{org}/{year}/…``)."""
    spec = listing.spec
    filters = queries.Filters(org=org, year=year, q=query.q, code_prefix=query.code_prefix)
    shown: dict[str, Any] = {"q": query.q, "code_prefix": query.code_prefix, "sort": query.sort}
    if scope_in_query:
        shown = {"org": org, "year": year, **shown}
    cursor, unit = query.cursor, query.unit
    try:
        order = queries.parse_sort(spec, query.sort)
        after = queries.decode_cursor(order, filters, cursor) if cursor else None
        found = queries.page(conn, order, filters, PAGE_SIZE, after)
        totals = queries.totals(conn, spec, filters)
    except queries.PublicQueryError as error:
        return error_page(request, 400, "bad_request", error.detail)
    next_cursor = queries.encode_cursor(order, filters, found.after) if found.after else None
    scope = {"org": filters.org, "year": filters.year, "q": filters.q, "code_prefix": filters.code_prefix}
    same = urlencode({k: v for k, v in {**scope, "sort": query.sort}.items() if v not in (None, "")})
    downloads = {fmt: f"/api/v1/public/{spec.name}.{fmt}?{same}" for fmt in ("csv", "xlsx")}
    columns = [(c, column_label(c.name, spec.labels[c.name], lang)) for c in listing.columns]
    total_figures = [
        (name, column_label(name, spec.labels[name], lang), totals[name])
        for name in spec.amounts
        if name in {c.name for c in listing.columns}
    ]
    page = context(
        request,
        lang,
        path,
        {**shown, "cursor": cursor},
        unit=unit,
        listing=listing,
        columns=columns,
        rows=found.rows,
        totals=totals,
        total_figures=total_figures,
        params=shown,
        cursor=cursor,
        current_sort=order.text,
        next_cursor=next_cursor,
        downloads=downloads,
        word_of=lambda column, value: value_word(column, value, lang),
        **values,
    )
    return render(request, "listing.html", page)


def contract_story(contract: dict[str, Any]) -> list[dict[str, Any]]:
    """A contract's steps in the order of their dates: signing, each amendment, the inspection,
    each payment, completion or termination (a step without a date sorts last)."""
    steps: list[dict[str, Any]] = [
        {"on": contract["contract_date"], "kind": "signed", "amount": contract["original_amount"]}
    ]
    steps += [
        {
            "on": a["amended_on"],
            "kind": "amended",
            "amount": a["new_amount"],
            "before": a["previous_amount"],
            "detail": a["reason"],
        }
        for a in contract["amendment_history"]
    ]
    steps += [
        {"on": i["inspected_on"], "kind": "inspected", "amount": i["inspected_amount"], "passed": i["passed"]}
        for i in contract["inspections"]
    ]
    steps += [
        {
            "on": p["paid_on"],
            "kind": "paid",
            "amount": p["amount"],
            "returned": p["returned"],
            "detail": p["description"],
        }
        for p in contract["payments"]
    ]
    if contract["completed_on"]:
        steps.append({"on": contract["completed_on"], "kind": "completed"})
    if contract["terminated_on"]:
        steps.append(
            {"on": contract["terminated_on"], "kind": "terminated", "detail": contract["termination_reason"]}
        )
    order = {"signed": 0, "amended": 1, "inspected": 2, "paid": 3, "completed": 4, "terminated": 4}
    return sorted(steps, key=lambda step: (step["on"] is None, step["on"] or date.min, order[step["kind"]]))


def register(router: APIRouter) -> None:
    @router.get("/orgs")
    def organisations_index(request: Request, conn: ReadConnection, lang: Lang = None) -> Response:
        """기관 목록: every organisation with the years it has figures for."""
        chosen = language(lang)
        years = portal_directory.fiscal_years(conn)
        found = organisations.all_organisations(conn)
        groups = [
            (kind, [o for o in found if o.kind == kind]) for kind in ("city", "district", "institution")
        ]
        page = context(
            request,
            chosen,
            "/orgs",
            groups=groups,
            years=years,
            kind_word=lambda kind: value_word("org_kind", kind, chosen),
        )
        return render(request, "organisations.html", page)

    @router.get("/orgs/{org}/{year}/lines/{line_id}")
    def line_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        year: YearPath,
        line_id: IdPath,
        lang: Lang = None,
        unit: UnitKey = None,
        after: Annotated[int | None, Query(ge=0, le=MAX_POSITION), params.DIGITS] = None,
    ) -> Response:
        """세부사업 변동 내역: a budget line's figures and every event behind them, a page of
        ``HISTORY_PAGE`` events at a time (keyset on the log position)."""
        chosen = language(lang)
        line = portal_directory.budget_line(conn, str(line_id))
        if line is None or line["org"] != org or line["fiscal_year"] != year:
            return error_page(request, 404, "not_found")
        history = line_history.line_history(conn, str(line_id), after, HISTORY_PAGE + 1)
        more = len(history) > HISTORY_PAGE
        history = history[:HISTORY_PAGE]
        page = context(
            request,
            chosen,
            f"/orgs/{org}/{year}/lines/{line_id}",
            {"after": after},
            unit=unit,
            after=after,
            next_after=history[-1].position if more else None,
            org=org,
            year=year,
            org_name=org_title(conn, org),
            line=line,
            remaining=line["current_budget"] - line["obligated"],
            rate=execution_rate(line["paid"], line["current_budget"]),
            history=history,
            word_of=lambda column, value: value_word(column, value, chosen),
            links={
                "allocated": listings.rows_of_line("allocations")(line),
                "obligated": listings.rows_of_line("requisitions")(line),
                "paid": listings.rows_of_line("expenditures")(line),
            },
        )
        return render(request, "line.html", page)

    @router.get("/orgs/{org}/{year}/contracts/{contract_id}")
    def contract_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        year: YearPath,
        contract_id: IdPath,
        lang: Lang = None,
        unit: UnitKey = None,
    ) -> Response:
        """계약 상세: one contract's story from its events: amendments, inspection, payments."""
        chosen = language(lang)
        found = queries.contract(conn, str(contract_id))
        if found is None or found["org"] != org or found["fiscal_year"] != year:
            return error_page(request, 404, "not_found")
        page = context(
            request,
            chosen,
            f"/orgs/{org}/{year}/contracts/{contract_id}",
            story=contract_story(found),
            unit=unit,
            org=org,
            year=year,
            org_name=org_title(conn, org),
            contract=found,
            word_of=lambda column, value: value_word(column, value, chosen),
        )
        return render(request, "contract.html", page)

    @router.get("/orgs/{org}/{year}/{table}")
    def year_listing(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        year: YearPath,
        table: str,
        query: Annotated[ListingQuery, Depends()],
        lang: Lang = None,
    ) -> Response:
        chosen = language(lang)
        listing = listings.OF_YEAR.get(table)
        if listing is None:
            return error_page(request, 404, "not_found")
        name = org_title(conn, org)
        title = listing.title if chosen == "ko" else listing.title_en
        return listing_page(
            request,
            conn,
            chosen,
            listing,
            f"/orgs/{org}/{year}/{table}",
            query,
            org,
            year,
            heading=f"{name} {year} {title}" if chosen == "en" else f"{name} {year}년 {title}",
            crumbs=[
                (name, f"/orgs/{org}{'?lang=en' if chosen == 'en' else ''}"),
                (f"{year}", f"/orgs/{org}/{year}{'?lang=en' if chosen == 'en' else ''}"),
                (title, None),
            ],
            tabs=year_tabs(org, year, chosen),
            show_scope=False,
        )

    @router.get("/orgs/{org}")
    def organisation_latest(
        request: Request, conn: ReadConnection, org: OrgPath, lang: Lang = None
    ) -> Response:
        """An organisation's newest fiscal year (the address to bookmark has the year)."""
        years = portal_directory.years_of(conn, org)
        if not years:
            return error_page(request, 404, "not_found")
        suffix = "?lang=en" if lang == "en" else ""
        return RedirectResponse(f"/orgs/{org}/{years[0]}{suffix}", status_code=302)
