"""The disclosure tables across every organisation (``/tables/{name}``): contracts, debarred vendors
and the others, narrowed by organisation and year in the query."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from api.deps import ReadConnection
from api.portal import listings
from api.portal.i18n import language
from api.portal.pages.finance import listing_page
from api.portal.rendering import (
    BlankOrOrg,
    BlankOrYear,
    Lang,
    ListingQuery,
    error_page,
)


def register(router: APIRouter) -> None:
    @router.get("/tables/{name}")
    def table(
        request: Request,
        conn: ReadConnection,
        name: str,
        query: Annotated[ListingQuery, Depends()],
        lang: Lang = None,
        org: BlankOrOrg = None,
        year: BlankOrYear = None,
    ) -> Response:
        chosen = language(lang)
        listing = listings.BY_TABLE.get(name)
        if listing is None:
            return error_page(request, 404, "not_found")
        title = listing.title if chosen == "ko" else listing.title_en
        return listing_page(
            request,
            conn,
            chosen,
            listing,
            f"/tables/{listing.spec.name}",
            query,
            org,
            year,
            scope_in_query=True,
            heading=title,
            crumbs=[(title, None)],
            tabs=None,
            show_scope=True,
        )
