"""자치구 and 비교분석: each district's finances (재정개요, 재정규모, 재정자립도·재정자주도 with their
formulas and numbers, budget and settlement, contracts), and every organisation side by side.

The ratios are computed from the ledger's revenue estimates (readmodels.public_finance, whose
formulas docs/portal-figures.md gives); per-capita figures divide by the population recorded for
the year (주민등록인구, an event of the organisation), and are left blank where none is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import ReadConnection
from api.params import OrgPath, YearPath
from api.portal import charts, formatting
from api.portal.i18n import language, value_word, word
from api.portal.pages.dashboard import budget_bars
from api.portal.rendering import Lang, UnitKey, context, error_page, render
from readmodels import organisations, portal_directory, public_finance

CompareSort = Annotated[
    str | None, Query(pattern="^-?(name|current_budget|per_capita|execution_rate|self_reliance|autonomy)$")
]


def per_capita(amount: int, population: int | None) -> int | None:
    """Won per resident, rounded half up; None without a population."""
    if not population:
        return None
    return int((Decimal(amount) / population).quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True)
class Compared:
    """One organisation's row of the comparison."""

    organisation: organisations.Organisation
    kind: str  # its kind, in the page's language
    figures: public_finance.OrganisationFigures
    population: int | None

    @property
    def per_capita(self) -> int | None:
        return per_capita(self.figures.current_budget, self.population)

    @property
    def self_reliance(self) -> Decimal | None:
        """재정자립도, for local governments only: a funded institution's revenue is all its own
        (세외수입), so its ratio would read 100 % and say nothing (docs/portal-figures.md)."""
        return None if self.organisation.kind == "institution" else self.figures.self_reliance

    @property
    def autonomy(self) -> Decimal | None:
        return None if self.organisation.kind == "institution" else self.figures.autonomy


def sort_rows(rows: list[Compared], sort: str) -> list[Compared]:
    """``rows`` by ``sort`` (a leading ``-``: descending); rows without the figure come last."""
    key = sort.lstrip("-")

    def value(row: Compared) -> Any:
        if key == "name":
            return row.organisation.name
        if key in ("per_capita", "self_reliance", "autonomy"):
            return getattr(row, key)
        return getattr(row.figures, key)

    known = [row for row in rows if value(row) is not None]
    blank = [row for row in rows if value(row) is None]
    return sorted(known, key=value, reverse=sort.startswith("-")) + blank


def _latest_year(conn: ReadConnection) -> int | None:
    years = sorted({y for ys in portal_directory.fiscal_years(conn).values() for y in ys}, reverse=True)
    return years[0] if years else None


def register(router: APIRouter) -> None:
    @router.get("/districts")
    def districts_index(
        request: Request, conn: ReadConnection, lang: Lang = None, unit: UnitKey = None
    ) -> Response:
        chosen = language(lang)
        year = _latest_year(conn)
        found = [o for o in organisations.all_organisations(conn) if o.kind == "district"]
        rows = public_finance.comparison(conn, year, [o.code for o in found]) if year else ()
        figures = {row.org: row for row in rows}
        page = context(request, chosen, "/districts", unit=unit, found=found, figures=figures, year=year)
        return render(request, "districts.html", page)

    @router.get("/districts/{org}")
    def district_latest(request: Request, conn: ReadConnection, org: OrgPath, lang: Lang = None) -> Response:
        years = portal_directory.years_of(conn, org)
        found = organisations.organisation(conn, org)
        if found is None or found.kind != "district" or not years:
            return error_page(request, 404, "not_found")
        return RedirectResponse(f"/districts/{org}/{years[0]}" + ("?lang=en" if lang == "en" else ""), 302)

    @router.get("/districts/{org}/{year}")
    def district_page(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        year: YearPath,
        lang: Lang = None,
        unit: UnitKey = None,
    ) -> Response:
        chosen = language(lang)
        found = organisations.organisation(conn, org)
        years = portal_directory.years_of(conn, org)
        if found is None or found.kind != "district" or year not in years:
            return error_page(request, 404, "not_found")
        scale = public_finance.spending_scale(conn, org, year)
        people = organisations.population(conn, org, year)
        page = context(
            request,
            chosen,
            f"/districts/{org}/{year}",
            unit=unit,
            org=org,
            year=year,
            years=years,
            organisation=found,
            population=people,
            per_capita=per_capita(scale.total.current_budget, people.population if people else None),
            scale=scale,
            revenue=public_finance.revenue_summary(conn, org, year),
            independence=public_finance.fiscal_independence(conn, org, year),
            contracts=public_finance.contracts_summary(conn, org, year),
            field_chart=budget_bars(
                "chart-fields", word("by_field", chosen), scale.by_field, formatting.unit_of(unit), chosen
            ),
        )
        return render(request, "district.html", page)

    @router.get("/compare")
    def compare_latest(request: Request, conn: ReadConnection, lang: Lang = None) -> Response:
        year = _latest_year(conn)
        if year is None:
            return error_page(request, 404, "not_found")
        return RedirectResponse(f"/compare/{year}" + ("?lang=en" if lang == "en" else ""), 302)

    @router.get("/compare/{year}")
    def compare_page(
        request: Request,
        conn: ReadConnection,
        year: YearPath,
        lang: Lang = None,
        unit: UnitKey = None,
        sort: CompareSort = None,
    ) -> Response:
        """비교분석자료: every organisation of the year side by side, sortable, with the districts'
        재정자립도 ranking as a chart."""
        chosen = language(lang)
        found = organisations.all_organisations(conn)
        people = organisations.populations(conn, year)
        figures = {row.org: row for row in public_finance.comparison(conn, year, [o.code for o in found])}
        rows = [
            Compared(o, value_word("org_kind", o.kind, chosen), figures[o.code], people.get(o.code))
            for o in found
            if o.code in figures and figures[o.code].current_budget > 0
        ]
        if not rows:
            return error_page(request, 404, "no_data_year")
        chosen_sort = sort or "-self_reliance"
        rows = sort_rows(rows, chosen_sort)
        ranked = sorted(
            (r for r in rows if r.organisation.kind == "district" and r.figures.self_reliance is not None),
            key=lambda r: r.figures.self_reliance or 0,
            reverse=True,
        )
        chart = charts.bars(
            "chart-self-reliance",
            word("fiscal_independence", chosen),
            "; ".join(f"{r.organisation.name} {formatting.rate(r.figures.self_reliance)}" for r in ranked),
            [
                charts.Bar(
                    r.organisation.name,
                    int((r.figures.self_reliance or 0) * 100),
                    formatting.rate(r.figures.self_reliance),
                )
                for r in ranked
            ],
        )
        page = context(
            request,
            chosen,
            f"/compare/{year}",
            {"sort": sort},
            unit=unit,
            year=year,
            rows=rows,
            current_sort=chosen_sort,
            chart=chart,
            ranked=ranked,
            years=sorted(
                {y for ys in portal_directory.fiscal_years(conn).values() for y in ys}, reverse=True
            ),
        )
        return render(request, "compare.html", page)
