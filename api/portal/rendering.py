"""What every portal page shares: the templates, the context a page is rendered with, the error
page, the route class and the query parameters (공개 포털 공통).

Jinja2 escapes every value it puts in a page (autoescape on): no page is put together by hand, so
nothing a request carries reaches a page unescaped. The filters (``won``, ``day``, ``year``, …)
read the page's language and unit from the context, so a template never formats by itself.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Coroutine, Mapping
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from pydantic import BeforeValidator

from api import params
from api.params import NO_NUL
from api.portal import formatting
from api.portal.i18n import Language, language, word

_HERE = pathlib.Path(__file__).parent
templates = Jinja2Templates(directory=_HERE / "templates")
assert templates.env.autoescape
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True

Lang = Annotated[str | None, Query(pattern="^(ko|en)$", description="ko (default) or en")]
UnitKey = Annotated[str | None, Query(pattern="^(won|million|hundred-million)$")]
#: A form sends an empty date when none was chosen.
BlankOrDate = Annotated[
    date | None, Query(), BeforeValidator(lambda value: None if value == "" else params.iso_date(value))
]
#: A form's empty organisation or year field means "any".
BlankOrOrg = Annotated[
    str | None, Query(), BeforeValidator(lambda value: None if value == "" else params.org_code(value))
]
BlankOrYear = Annotated[
    int | None, Query(), BeforeValidator(lambda value: None if value == "" else params.fiscal_year(value))
]
SearchText = Annotated[str | None, Query(max_length=100, pattern=NO_NUL)]
CodePrefix = Annotated[str | None, Query(max_length=60, pattern=NO_NUL)]
SortText = Annotated[str | None, Query(max_length=40, pattern=NO_NUL)]
CursorText = Annotated[str | None, Query(max_length=2000, pattern=NO_NUL)]


class ListingQuery:
    """What a table page's query asks: a search, a code prefix, a sort, a cursor and a unit (a
    form's blank field means none). A dependency, so every table page takes and checks the same."""

    def __init__(
        self,
        q: SearchText = None,
        code_prefix: CodePrefix = None,
        sort: SortText = None,
        cursor: CursorText = None,
        unit: UnitKey = None,
    ) -> None:
        self.q, self.code_prefix = q or None, code_prefix or None
        self.sort, self.cursor, self.unit = sort or None, cursor or None, unit


def _kept(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}


def context(
    request: Request,
    lang: Language,
    path: str,
    kept: Mapping[str, Any] | None = None,
    *,
    unit: str | None = None,
    **values: Any,
) -> dict[str, Any]:
    """What every template uses. ``path`` and ``kept`` (the page's own validated parameters) make
    its links (other language, other unit, its canonical address): nothing else of the request
    goes into them."""
    own = _kept(kept or {})

    def t(key: str) -> str:
        return word(key, lang)

    def with_lang(**query: Any) -> str:
        given = _kept(query)
        if lang == "en":
            given["lang"] = "en"
        return "?" + urlencode(given) if given else ""

    def here(**changes: Any) -> str:
        """This page with some of its parameters changed (None drops one)."""
        query = _kept({**own, "unit": unit, **changes})
        if lang == "en":
            query["lang"] = "en"
        return f"{path}?{urlencode(query)}" if query else path

    def localised(href: str | None) -> str | None:
        """A link to another page of the portal, in this page's language."""
        if href is None or lang != "en":
            return href
        return href + ("&" if "?" in href else "?") + "lang=en"

    other = "ko" if lang == "en" else "en"
    switch = _kept({**own, "unit": unit}) | {"lang": other}
    return {
        "request": request,
        "lang": lang,
        "t": t,
        "with_lang": with_lang,
        "here": here,
        "localised": localised,
        "path": path,
        "canonical": f"{path}?{urlencode(own)}" if own else path,
        "switch_url": f"{path}?{urlencode(switch)}" if switch else path,
        "unit": formatting.unit_of(unit),
        "unit_key": formatting.unit_of(unit).key,
        "units": formatting.UNITS,
        **values,
    }


@pass_context
def _won(ctx: Context, value: Any) -> str:
    return formatting.amount(value, ctx.get("unit", formatting.DEFAULT_UNIT))


@pass_context
def _day(ctx: Context, value: Any) -> str:
    return formatting.day(value, ctx.get("lang", "ko"))


@pass_context
def _moment(ctx: Context, value: Any) -> str:
    return formatting.moment(value, ctx.get("lang", "ko"))


@pass_context
def _year(ctx: Context, value: Any) -> str:
    return formatting.year(value, ctx.get("lang", "ko"))


def _breakable(text: str) -> Markup:
    """``text`` that may break after each group separator and nowhere else (a figure in a box)."""
    return Markup(",<wbr>").join(escape(text).split(","))


templates.env.filters.update(
    breakable=_breakable,
    won=_won,
    day=_day,
    moment=_moment,
    year=_year,
    count=formatting.count,
    rate=formatting.rate,
    money=formatting.amount,  # plain won, whatever the page's unit (totals in sentences)
)


def render(request: Request, template: str, values: dict[str, Any], status: int = 200) -> Response:
    return templates.TemplateResponse(request, template, values, status_code=status)


def error_page(request: Request, status: int, message_key: str, detail: str = "") -> Response:
    """The portal's error page, in the request's language (its ``lang`` is only compared)."""
    chosen = language(request.query_params.get("lang"))
    values = context(request, chosen, "/", message=word(message_key, chosen), detail=detail)
    return render(request, "error.html", values, status)


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
