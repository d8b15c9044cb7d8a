"""The home page, the site map (HTML and sitemaps.org XML), the style sheet and the forms that
lead from the home page to a page without a script."""

from __future__ import annotations

import pathlib
from typing import Annotated
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from api import params
from api.deps import ReadConnection
from api.params import ORG_PATTERN
from api.portal import listings
from api.portal.i18n import language
from api.portal.rendering import BlankOrDate, Lang, context, render
from readmodels import organisations, portal_directory

_STATIC = pathlib.Path(__file__).parent.parent / "static"
STYLE_SHEET = (_STATIC / "portal.css").read_bytes()
#: The site's icon; browsers ask for /favicon.ico whatever the page says, so both addresses answer.
ICON = (_STATIC / "favicon.svg").read_bytes()
_CACHED = {"Cache-Control": "public, max-age=3600"}


def site_pages(conn: ReadConnection) -> list[tuple[str, str]]:
    """Every page worth a bookmark: (path, Korean title), for the site map."""
    found = organisations.all_organisations(conn)
    years = portal_directory.fiscal_years(conn)
    pages = [
        ("/", "처음으로"),
        ("/orgs", "재정정보"),
        ("/districts", "자치구"),
        ("/institutions", "투자·출연기관"),
        ("/compare", "비교분석"),
        ("/about", "자료 안내"),
        ("/verification", "원장 검증"),
        ("/certificates", "증명서 진위확인"),
    ]
    pages.extend((f"/tables/{name}", listing.title) for name, listing in listings.BY_TABLE.items())
    for o in found:
        for year in years.get(o.code, []):
            pages.append((f"/orgs/{o.code}/{year}", f"{o.name} {year}년"))
            pages.extend(
                (f"/orgs/{o.code}/{year}/{key}", f"{o.name} {year}년 {listing.title}")
                for key, listing in listings.OF_YEAR.items()
            )
        if o.kind == "district":
            pages.append((f"/districts/{o.code}", o.name))
        if o.kind == "institution":
            pages.append((f"/institutions/{o.code}", o.name))
            pages.append((f"/orgs/{o.code}/personnel", f"{o.name} 정원·현원"))
            pages.append((f"/orgs/{o.code}/payroll", f"{o.name} 인건비"))
    return pages


def register(router: APIRouter) -> None:
    @router.get("/")
    def home(request: Request, conn: ReadConnection, lang: Lang = None) -> Response:
        chosen = language(lang)
        found = organisations.all_organisations(conn)
        years = portal_directory.fiscal_years(conn)
        page = context(
            request,
            chosen,
            "/",
            city=[o for o in found if o.kind == "city"],
            districts=[o for o in found if o.kind == "district"],
            institutions=[o for o in found if o.kind == "institution"],
            years=years,
            tables=[
                (name, listing.title if chosen == "ko" else listing.title_en)
                for name, listing in listings.BY_TABLE.items()
            ],
        )
        return render(request, "home.html", page)

    @router.get("/static/portal.css")
    def style_sheet() -> Response:
        return Response(STYLE_SHEET, media_type="text/css", headers=_CACHED)

    @router.get("/static/favicon.svg")
    @router.get("/favicon.ico")
    def icon() -> Response:
        return Response(ICON, media_type="image/svg+xml", headers=_CACHED)

    @router.get("/about")
    def about(request: Request, lang: Lang = None) -> Response:
        """자료 안내: where the figures come from and every formula the pages use."""
        chosen = language(lang)
        return render(request, "about.html", context(request, chosen, "/about"))

    @router.get("/sitemap")
    def sitemap_page(request: Request, conn: ReadConnection, lang: Lang = None) -> Response:
        chosen = language(lang)
        page = context(request, chosen, "/sitemap", pages=site_pages(conn))
        return render(request, "sitemap.html", page)

    @router.get("/sitemap.xml")
    def sitemap_xml(request: Request, conn: ReadConnection) -> Response:
        """The site map for search engines (sitemaps.org 0.9), with absolute addresses."""
        base = str(request.base_url).rstrip("/")
        urls = "".join(f"<url><loc>{escape(base + path)}</loc></url>" for path, _ in site_pages(conn))
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )
        return Response(body, media_type="application/xml")

    def _to_org_page(target: str, org: str, as_of: object, lang: str | None) -> Response:
        query = {"as_of": as_of.isoformat() if hasattr(as_of, "isoformat") else None, "lang": lang}
        kept = {k: v for k, v in query.items() if v is not None}
        return RedirectResponse(f"/orgs/{org}/{target}" + (f"?{urlencode(kept)}" if kept else ""), 303)

    @router.get("/statements")
    def find_statements(
        org: Annotated[str, Query(pattern=ORG_PATTERN), params.ORG],
        as_of: BlankOrDate = None,
        lang: Lang = None,
    ) -> Response:
        """The home page's form: to the organisation's statements page (it runs no script)."""
        return _to_org_page("statements", org, as_of, lang)

    @router.get("/personnel")
    def find_personnel(
        org: Annotated[str, Query(pattern=ORG_PATTERN), params.ORG],
        as_of: BlankOrDate = None,
        lang: Lang = None,
    ) -> Response:
        """The home page's form: to the organisation's headcount page."""
        return _to_org_page("personnel", org, as_of, lang)
