"""The public portal (공개 포털): HTML pages over the same projected views as the open API.

Korean first; ``?lang=en`` for English. Pages read only the read models, page by keyset like the
API, and link every table to its CSV and XLSX download on the open API.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Coroutine, Mapping
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from pydantic import BeforeValidator

from api import params
from api.deps import ReadConnection
from api.params import NO_NUL, ORG_PATTERN, OrgPath, OrgQuery, YearQuery
from api.portal.i18n import TABLE_TITLES_EN, Language, column_label, language, word
from api.problems import ApiProblem
from api.routers.personnel import check_certificate
from domain.personnel.certificates import MalformedVerificationNumber
from readmodels import personnel_queries, statements
from readmodels import public_queries as queries

_HERE = pathlib.Path(__file__).parent
# Jinja2Templates escapes every value it puts in a page (autoescape on): no page is put together
# by hand, so nothing a request carries reaches the page unescaped.
templates = Jinja2Templates(directory=_HERE / "templates")
assert templates.env.autoescape
STYLE_SHEET = (_HERE / "static" / "portal.css").read_bytes()
PAGE_SIZE = 50

Lang = Annotated[str | None, Query(pattern="^(ko|en)$", description="ko (default) or en")]
#: The home page's form sends an empty date when none was chosen.
BlankOrDate = Annotated[
    date | None, Query(), BeforeValidator(lambda value: None if value == "" else params.iso_date(value))
]
SearchText = Annotated[str | None, Query(max_length=100, pattern=NO_NUL)]
CodePrefix = Annotated[str | None, Query(max_length=60, pattern=NO_NUL)]
SortText = Annotated[str | None, Query(max_length=40, pattern=NO_NUL)]
CursorText = Annotated[str | None, Query(max_length=2000, pattern=NO_NUL)]


def _context(
    request: Request, lang: Language, path: str, kept: Mapping[str, Any] | None = None, **values: Any
) -> dict[str, Any]:
    """What every page's template uses. ``path`` and ``kept`` (the page's own validated
    parameters) make the link to the other language: nothing else of the request goes into it."""

    def t(key: str) -> str:
        return word(key, lang)

    def with_lang(**query: Any) -> str:
        given = {k: v for k, v in query.items() if v not in (None, "")}
        if lang == "en":
            given["lang"] = "en"
        return "?" + urlencode(given) if given else ""

    other = "ko" if lang == "en" else "en"
    switch = {k: v for k, v in (kept or {}).items() if v not in (None, "")} | {"lang": other}
    return {
        "request": request,
        "lang": lang,
        "t": t,
        "with_lang": with_lang,
        "switch_url": f"{path}?{urlencode(switch)}",
        "tables": [
            (spec.name, spec.title if lang == "ko" else TABLE_TITLES_EN[spec.name])
            for spec in queries.PUBLIC_TABLES.values()
        ],
        **values,
    }


def _money(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else ("예" if value else "아니오")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


templates.env.filters["money"] = _money


def error_page(request: Request, status: int, message_key: str, detail: str = "") -> Response:
    """The portal's error page, in the request's language (its ``lang`` is only compared)."""
    chosen = language(request.query_params.get("lang"))
    values = _context(request, chosen, "/", message=word(message_key, chosen), detail=detail)
    return templates.TemplateResponse(request, "error.html", values, status_code=status)


class PortalRoute(APIRoute):
    """A portal page: a malformed parameter is answered with the error page (400), not with the
    API's JSON problem."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def portal_handler(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as invalid:
                names = sorted({str(error["loc"][-1]) for error in invalid.errors() if error.get("loc")})
                return error_page(request, 400, "bad_request", ", ".join(names))

        return portal_handler


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse, route_class=PortalRoute)

    @router.get("/")
    def home(request: Request, lang: Lang = None) -> Response:
        chosen = language(lang)
        return templates.TemplateResponse(request, "home.html", _context(request, chosen, "/"))

    @router.get("/static/portal.css")
    def style_sheet() -> Response:
        return Response(STYLE_SHEET, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})

    @router.get("/tables/{name}")
    def table(
        request: Request,
        conn: ReadConnection,
        name: str,
        lang: Lang = None,
        org: OrgQuery = None,
        year: YearQuery = None,
        q: SearchText = None,
        code_prefix: CodePrefix = None,
        sort: SortText = None,
        cursor: CursorText = None,
    ) -> Response:
        chosen = language(lang)
        spec = queries.PUBLIC_TABLES.get(name)
        if spec is None:
            return error_page(request, 404, "not_found")
        filters = queries.Filters(org=org, year=year, q=q or None, code_prefix=code_prefix or None)
        try:
            order = queries.parse_sort(spec, sort)
            after = queries.decode_cursor(order, filters, cursor) if cursor else None
            found = queries.page(conn, order, filters, PAGE_SIZE, after)
            totals = queries.totals(conn, spec, filters)
        except queries.PublicQueryError as error:
            return error_page(request, 400, "bad_request", error.detail)
        shown = {"org": org, "year": year, "q": q, "code_prefix": code_prefix, "sort": sort}
        next_cursor = queries.encode_cursor(order, filters, found.after) if found.after else None
        downloads = {
            fmt: f"/api/v1/public/{spec.name}.{fmt}?"
            + urlencode({k: v for k, v in shown.items() if v not in (None, "")})
            for fmt in ("csv", "xlsx")
        }
        columns = [(n, column_label(n, label, chosen)) for n, label in spec.labels.items() if n != "line_id"]
        title = spec.title if chosen == "ko" else TABLE_TITLES_EN[spec.name]
        values = _context(
            request,
            chosen,
            f"/tables/{spec.name}",
            shown,
            spec=spec,
            title=title,
            columns=columns,
            rows=found.rows,
            totals=totals,
            params=shown,
            next_cursor=next_cursor,
            downloads=downloads,
        )
        return templates.TemplateResponse(request, "table.html", values)

    @router.get("/statements")
    def find_statements(
        org: Annotated[str, Query(pattern=ORG_PATTERN), params.ORG],
        as_of: BlankOrDate = None,
        lang: Lang = None,
    ) -> Response:
        """The home page's form: to the organisation's statements page (it runs no script)."""
        query = {"as_of": as_of.isoformat() if as_of else None, "lang": lang}
        kept = {k: v for k, v in query.items() if v is not None}
        target = f"/orgs/{org}/statements" + (f"?{urlencode(kept)}" if kept else "")
        return RedirectResponse(target, status_code=303)

    @router.get("/orgs/{org}/statements")
    def statements_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        lang: Lang = None,
        as_of: BlankOrDate = None,
    ) -> Response:
        chosen = language(lang)
        day = as_of or date.today()
        if not (1900 <= day.year <= 2999):
            return error_page(request, 404, "not_found")
        values = _context(
            request,
            chosen,
            f"/orgs/{org}/statements",
            {"as_of": as_of.isoformat() if as_of else None},
            org=org,
            as_of=day,
            trial=statements.trial_balance(conn, org, day),
            sheet=statements.balance_sheet(conn, org, day),
            income=statements.income_statement(conn, org, date(day.year, 1, 1), day),
            budget=statements.budget_vs_actual(conn, org, day.year),
        )
        return templates.TemplateResponse(request, "statements.html", values)

    _personnel_pages(router)
    return router


def _personnel_pages(router: APIRouter) -> None:
    """정원·현원 and the certificate check: personnel as the public sees it."""

    @router.get("/certificates")
    def certificate_check(
        request: Request,
        number: Annotated[str | None, Query(max_length=64, pattern=NO_NUL)] = None,
        lang: Lang = None,
    ) -> Response:
        """증명서 진위확인: what the certificate of ``number`` states, the name masked. A number
        with a wrong check character is refused before any lookup, as the open API does."""
        chosen = language(lang)
        found, problem = None, None
        if number:
            try:
                found = check_certificate(request.app.state.services, number)
            except MalformedVerificationNumber:
                problem = "certificate_malformed"
            except ApiProblem:
                problem = "certificate_unknown"
        values = _context(
            request,
            chosen,
            "/certificates",
            {"number": number},
            number=number or "",
            found=found,
            problem=problem,
        )
        status = 200 if problem is None else (422 if problem == "certificate_malformed" else 404)
        return templates.TemplateResponse(request, "certificate.html", values, status_code=status)

    @router.get("/personnel")
    def find_personnel(
        org: Annotated[str, Query(pattern=ORG_PATTERN), params.ORG],
        as_of: BlankOrDate = None,
        lang: Lang = None,
    ) -> Response:
        """The home page's form: to the organisation's headcount page."""
        query = {"as_of": as_of.isoformat() if as_of else None, "lang": lang}
        kept = {k: v for k, v in query.items() if v is not None}
        return RedirectResponse(
            f"/orgs/{org}/personnel" + (f"?{urlencode(kept)}" if kept else ""), status_code=303
        )

    @router.get("/orgs/{org}/personnel")
    def personnel_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        lang: Lang = None,
        as_of: BlankOrDate = None,
    ) -> Response:
        """정원·현원: the public aggregates only, small cells suppressed (readmodels.personnel_queries)."""
        chosen = language(lang)
        day = as_of or date.today()
        if not (1900 <= day.year <= 2999):
            return error_page(request, 404, "not_found")
        values = _context(
            request,
            chosen,
            f"/orgs/{org}/personnel",
            {"as_of": as_of.isoformat() if as_of else None},
            org=org,
            as_of=day,
            headcount=personnel_queries.public_headcount(conn, org, day),
        )
        return templates.TemplateResponse(request, "personnel.html", values)
