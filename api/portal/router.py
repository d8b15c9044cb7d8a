"""The public portal (공개 포털): HTML pages over the same projected views as the open API.

Korean first; ``?lang=en`` for English. Pages read only the read models, page by keyset like the
API, and link every table to its CSV and XLSX download on the open API.
"""

from __future__ import annotations

import pathlib
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.deps import ReadConnection
from api.portal.i18n import TABLE_TITLES_EN, Language, column_label, language, word
from readmodels import public_queries as queries
from readmodels import statements

templates = Jinja2Templates(directory=pathlib.Path(__file__).parent / "templates")
PAGE_SIZE = 50

Lang = Annotated[str | None, Query(pattern="^(ko|en)$", description="ko (default) or en")]
Org = Annotated[str | None, Query(pattern=r"^\d{7}$", description="organisation code")]
Year = Annotated[int | None, Query(ge=1900, le=2999)]


def _context(request: Request, lang: Language, **values: Any) -> dict[str, Any]:
    def t(key: str) -> str:
        return word(key, lang)

    def with_lang(**params: Any) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "")}
        if lang == "en":
            kept["lang"] = "en"
        return "?" + urlencode(kept) if kept else ""

    other = "ko" if lang == "en" else "en"
    switch = dict(request.query_params) | {"lang": other}
    return {
        "request": request,
        "lang": lang,
        "t": t,
        "with_lang": with_lang,
        "switch_url": f"{request.url.path}?{urlencode(switch)}",
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


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    @router.get("/")
    def home(request: Request, lang: Lang = None) -> HTMLResponse:
        chosen = language(lang)
        return templates.TemplateResponse(request, "home.html", _context(request, chosen))

    @router.get("/tables/{name}")
    def table(
        request: Request,
        conn: ReadConnection,
        name: str,
        lang: Lang = None,
        org: Org = None,
        year: Year = None,
        q: Annotated[str | None, Query(max_length=100)] = None,
        code_prefix: Annotated[str | None, Query(max_length=60)] = None,
        sort: Annotated[str | None, Query(max_length=40)] = None,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
    ) -> HTMLResponse:
        chosen = language(lang)
        spec = queries.PUBLIC_TABLES.get(name)
        if spec is None:
            return HTMLResponse(_not_found(chosen), status_code=404)
        filters = queries.Filters(org=org, year=year, q=q or None, code_prefix=code_prefix or None)
        try:
            order = queries.parse_sort(spec, sort)
            after = queries.decode_cursor(order, filters, cursor) if cursor else None
            found = queries.page(conn, order, filters, PAGE_SIZE, after)
            totals = queries.totals(conn, spec, filters)
        except queries.PublicQueryError as error:
            return HTMLResponse(f"<p>{error.detail}</p>", status_code=400)
        params = {"org": org, "year": year, "q": q, "code_prefix": code_prefix, "sort": sort}
        next_cursor = queries.encode_cursor(order, filters, found.after) if found.after else None
        downloads = {
            fmt: f"/api/v1/public/{spec.name}?"
            + urlencode({k: v for k, v in params.items() if v not in (None, "")} | {"format": fmt})
            for fmt in ("csv", "xlsx")
        }
        columns = [(n, column_label(n, label, chosen)) for n, label in spec.labels.items() if n != "line_id"]
        title = spec.title if chosen == "ko" else TABLE_TITLES_EN[spec.name]
        values = _context(
            request,
            chosen,
            spec=spec,
            title=title,
            columns=columns,
            rows=found.rows,
            totals=totals,
            params=params,
            next_cursor=next_cursor,
            downloads=downloads,
        )
        return templates.TemplateResponse(request, "table.html", values)

    @router.get("/orgs/{org}/statements")
    def statements_page(
        request: Request,
        conn: ReadConnection,
        org: Annotated[str, Path(pattern=r"^\d{7}$")],
        lang: Lang = None,
        as_of: Annotated[date | None, Query()] = None,
    ) -> HTMLResponse:
        chosen = language(lang)
        day = as_of or date.today()
        if not (1900 <= day.year <= 2999):
            return HTMLResponse(_not_found(chosen), status_code=404)
        values = _context(
            request,
            chosen,
            org=org,
            as_of=day,
            trial=statements.trial_balance(conn, org, day),
            sheet=statements.balance_sheet(conn, org, day),
            income=statements.income_statement(conn, org, date(day.year, 1, 1), day),
            budget=statements.budget_vs_actual(conn, org, day.year),
        )
        return templates.TemplateResponse(request, "statements.html", values)

    return router


def _not_found(lang: Language) -> str:
    return "<p>페이지를 찾을 수 없습니다.</p>" if lang == "ko" else "<p>No such page.</p>"
