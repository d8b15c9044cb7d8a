"""재정 한눈에 보기: one organisation's fiscal year on one page (재정규모, 세입·세출 예산/결산
총괄, monthly execution, the largest programmes, contracts), every chart beside its table and every
figure linked to the rows that make it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from api.deps import ReadConnection
from api.params import OrgPath, YearPath
from api.portal import charts, formatting
from api.portal.i18n import Language, language, word
from api.portal.pages.finance import org_title, year_tabs
from api.portal.rendering import Lang, UnitKey, context, error_page, render
from api.routers.personnel import today
from readmodels import organisations, portal_directory, public_finance

TOP = 10


def execution_chart(found: public_finance.MonthlyExecution, lang: Language) -> Markup:
    months = [
        charts.Month(
            f"{m.month}월" if lang == "ko" else f"{m.month}",
            m.paid,
            None if m.future else m.execution_rate,
        )
        for m in found.months
    ]
    return charts.execution(
        "chart-monthly", word("monthly_execution", lang), word("monthly_execution_desc", lang), months
    )


def budget_bars(
    chart_id: str,
    title: str,
    rows: tuple[public_finance.SpendingRow, ...],
    unit: formatting.Unit,
    lang: Language,
) -> Markup:
    items = [
        charts.Bar(
            row.name, row.current_budget, f"{formatting.amount(row.current_budget, unit)} {unit.name(lang)}"
        )
        for row in sorted(rows, key=lambda r: r.current_budget, reverse=True)
    ]
    description = "; ".join(f"{item.label} {item.text}" for item in items)
    return charts.bars(chart_id, title, description, items)


def register(router: APIRouter) -> None:
    @router.get("/orgs/{org}/{year}")
    def dashboard(
        request: Request,
        conn: ReadConnection,
        org: OrgPath,
        year: YearPath,
        lang: Lang = None,
        unit: UnitKey = None,
    ) -> Response:
        chosen = language(lang)
        years = portal_directory.years_of(conn, org)
        found = organisations.organisation(conn, org)
        if found is None or year not in years:
            return error_page(request, 404, "no_data_year" if found is not None else "not_found")
        shown_unit = formatting.unit_of(unit)
        scale = public_finance.spending_scale(conn, org, year)
        monthly = public_finance.monthly_execution(conn, org, year, today())
        page = context(
            request,
            chosen,
            f"/orgs/{org}/{year}",
            unit=unit,
            org=org,
            year=year,
            years=years,
            organisation=found,
            org_name=org_title(conn, org),
            tabs=year_tabs(org, year, chosen),
            scale=scale,
            revenue=public_finance.revenue_summary(conn, org, year),
            monthly=monthly,
            monthly_chart=execution_chart(monthly, chosen),
            field_chart=budget_bars(
                "chart-fields", word("by_field", chosen), scale.by_field, shown_unit, chosen
            ),
            account_chart=budget_bars(
                "chart-accounts", word("by_account", chosen), scale.by_account, shown_unit, chosen
            ),
            top=public_finance.top_programmes(conn, org, year, TOP),
            contracts=public_finance.contracts_summary(conn, org, year),
        )
        return render(request, "dashboard.html", page)
