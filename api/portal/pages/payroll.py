"""인건비 (personnel cost): what an organisation's payroll cost in a year, as the public sees it.

The page shows the open API's figures (readmodels.payroll.personnel_cost): pay and the employer's
shares of the year's paid runs against the personnel budget (101·304목), the average headcount
paid a month and the cost per head. Individual pay is never shown; under five people paid a month
on average, every figure of pay is withheld, with the reason.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import ReadConnection
from api.params import OrgPath
from api.portal.i18n import language
from api.portal.pages.finance import org_title
from api.portal.rendering import BlankOrYear, Lang, UnitKey, context, error_page, render
from api.routers.personnel import today
from readmodels import organisations
from readmodels import payroll as payroll_queries


def register(router: APIRouter) -> None:
    @router.get("/orgs/{org}/payroll")
    def payroll_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        lang: Lang = None,
        year: BlankOrYear = None,
        unit: UnitKey = None,
    ) -> Response:
        chosen = language(lang)
        shown = year or today().year
        if organisations.organisation(conn, org) is None:
            return error_page(request, 404, "not_found")
        name = org_title(conn, org)
        values = context(
            request,
            chosen,
            f"/orgs/{org}/payroll",
            {"year": year},
            unit=unit,
            org=org,
            org_name=name,
            year=shown,
            cost=payroll_queries.personnel_cost(conn, org, shown),
        )
        return render(request, "payroll.html", values)
