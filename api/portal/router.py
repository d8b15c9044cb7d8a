"""The public portal (공개 포털): HTML pages over the same projected views as the open API.

Korean first; ``?lang=en`` for English. Pages read only the read models, page by keyset like the
API, and link every table to its CSV and XLSX download on the open API. Each area's pages are a
module of :mod:`api.portal.pages`; the order they are registered in matters only where two
addresses share a shape (``/orgs/{org}/statements`` before ``/orgs/{org}/{year}``).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.portal.pages import (
    dashboard,
    districts,
    finance,
    home,
    institutions,
    payroll,
    personnel,
    tables,
    verification,
)
from api.portal.rendering import PortalRoute


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse, route_class=PortalRoute)
    for area in (home, verification, personnel, payroll, institutions, tables, districts, dashboard, finance):
        area.register(router)
    return router
