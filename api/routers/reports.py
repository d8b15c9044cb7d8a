"""Public statements of an organisation (재무보고서), as JSON or CSV, without an API key.

Institutions' statements are public (domain.md §6). Each endpoint reads the general-ledger and ERP
read models through :mod:`readmodels.statements`; ``min_position`` waits until the views include
a given log position, and ``format=csv`` answers the same lines as a UTF-8 (BOM) CSV file.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from api.deps import MinPosition, ReadConnection
from api.problems import problem_responses
from domain.errors import InvalidInput
from readmodels import report_exports, statements

OrgPath = Annotated[
    str, Path(pattern=r"^\d{7}$", description="Seven-digit organisation code", examples=["6110000"])
]
Format = Annotated[
    Literal["json", "csv"],
    Query(description="`csv`: the statement's lines as a UTF-8 CSV file (with BOM) and a header row"),
]
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
#: Accounting dates a statement may name (the fiscal years the ledger accepts).
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


class InvalidPeriod(InvalidInput):
    """A statement's dates are out of range, or its period ends before it starts (422)."""

    code = "invalid-period"
    title = "The period is not valid"


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- response models ------------------------------------------------------------------------------


class AccountLineOut(_Out):
    account: str = Field(description="Account code of the chart (계정과목)", examples=["1110"])
    name_ko: str = Field(examples=["현금및현금성자산"])
    name_en: str = Field(examples=["Cash and cash equivalents"])
    kind: str = Field(description="asset, liability, net_assets, revenue or expense", examples=["asset"])
    opening: int = Field(description="Balance before the period, on the account's normal side")
    debit: int = Field(description="Σ debits in the period (won)")
    credit: int = Field(description="Σ credits in the period (won)")
    closing: int = Field(description="Balance at as_of, on the account's normal side")


class TrialBalanceOut(_Out):
    """잔액시산표: opening, movements and closing balance per account."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "org": "6110000",
                    "period_start": "2026-01-01",
                    "as_of": "2026-03-31",
                    "lines": [
                        {
                            "account": "1110",
                            "name_ko": "현금및현금성자산",
                            "name_en": "Cash and cash equivalents",
                            "kind": "asset",
                            "opening": 0,
                            "debit": 50_000_000,
                            "credit": 2_910_000,
                            "closing": 47_090_000,
                        }
                    ],
                    "total_debit": 55_910_000,
                    "total_credit": 55_910_000,
                    "closing_debit_balances": 50_000_000,
                    "closing_credit_balances": 50_000_000,
                }
            ]
        },
    )

    org: str
    period_start: date
    as_of: date
    lines: list[AccountLineOut]
    total_debit: int = Field(description="Σ debits of the period; equals total_credit")
    total_credit: int
    closing_debit_balances: int = Field(description="Σ closing debit balances; equals the credit ones")
    closing_credit_balances: int


class StatementLineOut(_Out):
    account: str = Field(examples=["5210"])
    name_ko: str = Field(examples=["운영비"])
    name_en: str = Field(examples=["Operating expenses"])
    amount: int = Field(description="Won, positive on the section's normal side")


class IncomeStatementOut(_Out):
    """재정운영표 / 손익계산서: revenue and expenses of a period."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "org": "6110000",
                    "start": "2026-01-01",
                    "end": "2026-12-31",
                    "revenue": [
                        {
                            "account": "4110",
                            "name_ko": "지방세수익",
                            "name_en": "Local tax",
                            "amount": 2_000_000,
                        }
                    ],
                    "expenses": [
                        {"account": "5210", "name_ko": "운영비", "name_en": "Operating", "amount": 2_500_000}
                    ],
                    "total_revenue": 2_000_000,
                    "total_expenses": 2_500_000,
                    "surplus": -500_000,
                }
            ]
        },
    )

    org: str
    start: date
    end: date
    revenue: list[StatementLineOut]
    expenses: list[StatementLineOut]
    total_revenue: int
    total_expenses: int
    surplus: int = Field(description="재정운영결과: total revenue − total expenses")


class BalanceSheetOut(_Out):
    """재정상태표 / 대차대조표: assets = liabilities + net assets at a date."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "org": "6110000",
                    "as_of": "2026-12-31",
                    "assets": [
                        {"account": "1110", "name_ko": "현금", "name_en": "Cash", "amount": 49_590_000}
                    ],
                    "liabilities": [
                        {"account": "2120", "name_ko": "예수금", "name_en": "Withholdings", "amount": 90_000}
                    ],
                    "net_assets": [
                        {
                            "account": "3110",
                            "name_ko": "순자산",
                            "name_en": "Net assets",
                            "amount": 50_000_000,
                        }
                    ],
                    "total_assets": 49_590_000,
                    "total_liabilities": 90_000,
                    "total_net_assets": 49_500_000,
                    "accumulated_surplus": -500_000,
                }
            ]
        },
    )

    org: str
    as_of: date
    assets: list[StatementLineOut]
    liabilities: list[StatementLineOut]
    net_assets: list[StatementLineOut]
    total_assets: int
    total_liabilities: int
    total_net_assets: int = Field(description="Net assets including the surplus not yet closed")
    accumulated_surplus: int = Field(description="Revenue − expenses to date, not yet closed into net assets")


class BudgetActualOut(_Out):
    line_id: str
    code: str = Field(examples=["100-080-081-1001-2001-3001-201-01"])
    title: str = Field(examples=["어르신 복지관 운영"])
    current_budget: int = Field(description="예산현액")
    allocated: int = Field(description="배정액")
    obligated: int = Field(description="원인행위액")
    paid: int = Field(description="지출액, net of returns")
    remaining: int = Field(description="잔액: current budget − obligated")
    execution_rate: Decimal = Field(
        description="집행률: paid / current budget in percent, two decimals (a decimal string)",
        examples=["25.00"],
    )


class BudgetVsActualOut(BaseModel):
    """예산 대비 집행: each budget line of the year, with totals."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "org": "6110000",
                    "fiscal_year": 2026,
                    "lines": [
                        {
                            "line_id": "8ebfad69-4f49-5513-a546-4fef303a3d11",
                            "code": "100-080-081-1001-2001-3001-201-01",
                            "title": "어르신 복지관 운영",
                            "current_budget": 10_000_000,
                            "allocated": 10_000_000,
                            "obligated": 3_000_000,
                            "paid": 2_500_000,
                            "remaining": 7_000_000,
                            "execution_rate": "25.00",
                        }
                    ],
                    "total_current_budget": 10_000_000,
                    "total_obligated": 3_000_000,
                    "total_paid": 2_500_000,
                }
            ]
        }
    )

    org: str
    fiscal_year: int
    lines: list[BudgetActualOut]
    total_current_budget: int
    total_obligated: int
    total_paid: int


# --- endpoints ------------------------------------------------------------------------------------


def _csv(table: report_exports.CsvTable, filename: str) -> Response:
    return Response(
        table.to_bytes(),
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def _check_dates(**dates: date | None) -> None:
    for name, value in dates.items():
        if value is not None and not EARLIEST <= value <= LATEST:
            raise InvalidPeriod(
                f"{name} must lie between {EARLIEST.isoformat()} and {LATEST.isoformat()}",
                **{name: value.isoformat()},
            )


def _check_period(start: date, end: date, start_name: str, end_name: str) -> None:
    _check_dates(**{start_name: start, end_name: end})
    if end < start:
        raise InvalidPeriod(
            f"{end_name} ({end.isoformat()}) is before {start_name} ({start.isoformat()})",
            **{start_name: start.isoformat(), end_name: end.isoformat()},
        )


def _responses() -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": "The statement as JSON, or as CSV with `format=csv`",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **problem_responses(422, 429, 503),
    }


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/public/orgs/{org}/reports", tags=["public: reports"])

    @router.get(
        "/trial-balance",
        operation_id="report_trial_balance",
        response_model=TrialBalanceOut,
        summary="Trial balance (잔액시산표)",
        responses=_responses(),
    )
    def trial_balance(
        caught_up: MinPosition,
        conn: ReadConnection,
        org: OrgPath,
        as_of: Annotated[date, Query(description="Accounting date the balances are at (회계일자)")],
        period_start: Annotated[
            date | None, Query(description="First day of the period (default: 1 January of as_of's year)")
        ] = None,
        format: Format = "json",
    ) -> Any:
        """Opening balance, debits, credits and closing balance per account for the period."""
        _check_dates(as_of=as_of)
        if period_start is not None:
            _check_period(period_start, as_of, "period_start", "as_of")
        tb = statements.trial_balance(conn, org, as_of, period_start)
        if format == "csv":
            return _csv(report_exports.trial_balance_table(tb), f"trial-balance-{org}-{as_of.isoformat()}")
        return TrialBalanceOut.model_validate(tb)

    @router.get(
        "/income-statement",
        operation_id="report_income_statement",
        response_model=IncomeStatementOut,
        summary="Income statement (재정운영표)",
        responses=_responses(),
    )
    def income_statement(
        caught_up: MinPosition,
        conn: ReadConnection,
        org: OrgPath,
        start: Annotated[date, Query(description="First accounting date of the period")],
        end: Annotated[date, Query(description="Last accounting date of the period")],
        format: Format = "json",
    ) -> Any:
        """Revenue and expenses with accounting dates from start to end, and their difference."""
        _check_period(start, end, "start", "end")
        statement = statements.income_statement(conn, org, start, end)
        if format == "csv":
            return _csv(
                report_exports.income_statement_table(statement),
                f"income-statement-{org}-{start.isoformat()}-{end.isoformat()}",
            )
        return IncomeStatementOut.model_validate(statement)

    @router.get(
        "/balance-sheet",
        operation_id="report_balance_sheet",
        response_model=BalanceSheetOut,
        summary="Balance sheet (재정상태표)",
        responses=_responses(),
    )
    def balance_sheet(
        caught_up: MinPosition,
        conn: ReadConnection,
        org: OrgPath,
        as_of: Annotated[date, Query(description="Accounting date of the statement")],
        format: Format = "json",
    ) -> Any:
        """Assets, liabilities and net assets at as_of. The CSV ends with the surplus row."""
        _check_dates(as_of=as_of)
        sheet = statements.balance_sheet(conn, org, as_of)
        if format == "csv":
            return _csv(report_exports.balance_sheet_table(sheet), f"balance-sheet-{org}-{as_of.isoformat()}")
        return BalanceSheetOut.model_validate(sheet)

    @router.get(
        "/budget-vs-actual",
        operation_id="report_budget_vs_actual",
        response_model=BudgetVsActualOut,
        summary="Budget versus actual (예산 대비 집행)",
        responses=_responses(),
    )
    def budget_vs_actual(
        caught_up: MinPosition,
        conn: ReadConnection,
        org: OrgPath,
        fiscal_year: Annotated[int, Query(ge=1900, le=2999, description="Fiscal year (회계연도)")],
        format: Format = "json",
    ) -> Any:
        """Every spending budget line of the year: budget, allocated, obligated, paid, remaining."""
        lines = statements.budget_vs_actual(conn, org, fiscal_year)
        if format == "csv":
            return _csv(report_exports.budget_vs_actual_table(lines), f"budget-vs-actual-{org}-{fiscal_year}")
        return BudgetVsActualOut(
            org=org,
            fiscal_year=fiscal_year,
            lines=[BudgetActualOut.model_validate(line) for line in lines],
            total_current_budget=sum(line.current_budget for line in lines),
            total_obligated=sum(line.obligated for line in lines),
            total_paid=sum(line.paid for line in lines),
        )

    return router
