"""The disclosure tables across every organisation (``/tables/{name}``): contracts, debarred vendors
and the others, narrowed by organisation and year in the query."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import ReadConnection
from api.portal import listings
from api.portal.i18n import language
from api.portal.pages.finance import listing_page
from api.portal.rendering import (
    BlankOrOrg,
    BlankOrYear,
    CodePrefix,
    CursorText,
    Lang,
    SearchText,
    SortText,
    UnitKey,
    error_page,
)
from readmodels import public_queries as queries


def register(router: APIRouter) -> None:
    @router.get("/tables/{name}")
    def table(
        request: Request,
        conn: ReadConnection,
        name: str,
        lang: Lang = None,
        org: BlankOrOrg = None,
        year: BlankOrYear = None,
        q: SearchText = None,
        code_prefix: CodePrefix = None,
        sort: SortText = None,
        cursor: CursorText = None,
        unit: UnitKey = None,
    ) -> Response:
        chosen = language(lang)
        listing = listings.BY_TABLE.get(name)
        if listing is None:
            return error_page(request, 404, "not_found")
        filters = queries.Filters(org=org, year=year, q=q or None, code_prefix=code_prefix or None)
        title = listing.title if chosen == "ko" else listing.title_en
        return listing_page(
            request,
            conn,
            chosen,
            listing,
            filters,
            f"/tables/{listing.spec.name}",
            {"org": org, "year": year, "q": q, "code_prefix": code_prefix, "sort": sort},
            unit,
            cursor,
            heading=title,
            crumbs=[(title, None)],
            tabs=None,
            show_scope=True,
        )
