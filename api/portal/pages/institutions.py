"""투자·출연기관 and the statements of every organisation (재무제표).

An institution's page introduces it (기관소개), gives its size (재정규모) and its balance sheet
(대차대조표), income statement (손익계산서) and trial balance (잔액시산표) as of an accounting date
chosen in a date picker; behind "고급 조회", the same as the ledger knew them at a past moment
(a replay of the log up to then, like the open API's ``known_at``). A city or a district reads the
same statements under their local-government names (재정상태표, 재정운영표) at
``/orgs/{org}/statements``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from api import time_travel
from api.deps import ReadConnection
from api.params import PRINTABLE_ASCII, OrgPath
from api.portal.i18n import language, value_word
from api.portal.rendering import BlankOrDate, Lang, UnitKey, context, error_page, render
from api.problems import ApiProblem
from api.routers.personnel import today
from domain.errors import DomainError
from readmodels import organisations, personnel_queries, portal_directory, public_finance, statements

KnownAtText = Annotated[str | None, Query(max_length=40, pattern=PRINTABLE_ASCII + "|^$")]


def _known_at(value: str | None) -> str | None:
    """The form's ``datetime-local`` (no offset) is a moment in Korea; an explicit offset or a log
    position is taken as written."""
    if not value:
        return None
    if value.isdigit() or value.endswith("Z") or "+" in value[10:] or "-" in value[10:]:
        return value
    return value + "+09:00"


def _statements(conn: Connection, org: str, day: date) -> dict[str, Any]:
    return {
        "trial": statements.trial_balance(conn, org, day),
        "sheet": statements.balance_sheet(conn, org, day),
        "income": statements.income_statement(conn, org, date(day.year, 1, 1), day),
    }


def statements_values(
    request: Request, conn: Connection, org: str, as_of: date | None, known_at: str | None
) -> tuple[dict[str, Any] | None, Response | None]:
    """The three statements as of ``as_of`` (today if None), as known at ``known_at`` if given;
    or the error page a refused moment gets."""
    day = as_of or today()
    if not (1900 <= day.year <= 2999):
        return None, error_page(request, 404, "not_found")
    moment = _known_at(known_at)
    try:
        found = time_travel.answer(
            request.app.state.services, conn, "ledger", moment, lambda c: _statements(c, org, day)
        )
    except ApiProblem as problem:  # no replay here, or every replay slot taken: 503
        return None, error_page(request, problem.status, "bad_request", problem.detail or "")
    except DomainError as refused:  # not a moment, or one still to come
        return None, error_page(request, 400, "bad_request", str(refused))
    return {"as_of": day, "known_at": known_at or "", **found}, None


def register(router: APIRouter) -> None:
    @router.get("/institutions")
    def institutions_index(request: Request, conn: ReadConnection, lang: Lang = None) -> Response:
        chosen = language(lang)
        found = [o for o in organisations.all_organisations(conn) if o.kind == "institution"]
        years = portal_directory.fiscal_years(conn)
        scales = {
            o.code: public_finance.spending_scale(conn, o.code, years[o.code][0]).total
            for o in found
            if years.get(o.code)
        }
        page = context(request, chosen, "/institutions", found=found, years=years, scales=scales)
        return render(request, "institutions.html", page)

    @router.get("/institutions/{org}")
    def institution_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        lang: Lang = None,
        as_of: BlankOrDate = None,
        known_at: KnownAtText = None,
        unit: UnitKey = None,
    ) -> Response:
        chosen = language(lang)
        found = organisations.organisation(conn, org)
        if found is None or found.kind != "institution":
            return error_page(request, 404, "not_found")
        values, refused = statements_values(request, conn, org, as_of, known_at)
        if refused is not None:
            return refused
        assert values is not None
        years = portal_directory.years_of(conn, org)
        year = years[0] if years else None
        page = context(
            request,
            chosen,
            f"/institutions/{org}",
            {"as_of": as_of.isoformat() if as_of else None, "known_at": known_at},
            unit=unit,
            org=org,
            organisation=found,
            kind_word=value_word("org_kind", found.kind, chosen),
            year=year,
            scale=public_finance.spending_scale(conn, org, year) if year else None,
            revenue=public_finance.revenue_summary(conn, org, year) if year else None,
            headcount=personnel_queries.public_headcount(conn, org, today()),
            **values,
        )
        return render(request, "institution.html", page)

    @router.get("/orgs/{org}/statements")
    def statements_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        lang: Lang = None,
        as_of: BlankOrDate = None,
        known_at: KnownAtText = None,
        unit: UnitKey = None,
    ) -> Response:
        chosen = language(lang)
        values, refused = statements_values(request, conn, org, as_of, known_at)
        if refused is not None:
            return refused
        assert values is not None
        found = organisations.organisation(conn, org)
        day = values["as_of"]
        page = context(
            request,
            chosen,
            f"/orgs/{org}/statements",
            {"as_of": as_of.isoformat() if as_of else None, "known_at": known_at},
            unit=unit,
            org=org,
            organisation=found,
            budget=statements.budget_vs_actual(conn, org, day.year),
            **values,
        )
        return render(request, "statements.html", page)
