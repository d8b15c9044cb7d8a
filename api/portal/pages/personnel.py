"""정원·현원 and the certificate check: personnel as the public sees it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import ReadConnection
from api.params import NO_NUL, OrgPath
from api.portal.i18n import language
from api.portal.pages.finance import org_title
from api.portal.rendering import BlankOrDate, Lang, context, error_page, render
from api.problems import ApiProblem
from api.routers.personnel import check_certificate, today
from domain.personnel.certificates import MalformedVerificationNumber
from readmodels import personnel_queries


def register(router: APIRouter) -> None:
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
        values = context(
            request,
            chosen,
            "/certificates",
            {"number": number},
            number=number or "",
            found=found,
            problem=problem,
        )
        status = 200 if problem is None else (422 if problem == "certificate_malformed" else 404)
        return render(request, "certificate.html", values, status)

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
        day = as_of or today()
        if not (1900 <= day.year <= 2999):
            return error_page(request, 404, "not_found")
        values = context(
            request,
            chosen,
            f"/orgs/{org}/personnel",
            {"as_of": as_of.isoformat() if as_of else None},
            org=org,
            org_name=org_title(conn, org),
            as_of=day,
            headcount=personnel_queries.public_headcount(conn, org, day),
        )
        return render(request, "personnel.html", values)
