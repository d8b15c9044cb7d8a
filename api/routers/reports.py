"""Public statements of an organisation (재무보고서), as JSON or CSV, without an API key.

Institutions' statements are public (domain.md §6). Each endpoint reads the general-ledger and ERP
read models through :mod:`readmodels.statements`; ``min_position`` waits until the views include
a given log position, and ``…/{name}.csv`` answers the same lines as a UTF-8 (BOM) CSV file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from api import params, time_travel
from api.deps import MinPosition, ReadConnection, Services
from api.downloads import content_disposition
from api.params import FIRST_YEAR, LAST_YEAR, OrgPath
from api.problems import PROBLEM_JSON, ApiProblem, Problem, problem_responses
from api.routers.public import download_responses, moved_download
from api.services import Replayer
from commands import timeline
from commands.ledger import Ledger
from domain.errors import InvalidInput
from domain.organisation import Organisation
from readmodels import exports, report_exports, statements

PREFIX = "/api/v1/public/orgs/{org}/reports"
KnownAt = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=64,
        pattern=params.PRINTABLE_ASCII,
        description=time_travel.KNOWN_AT_DESCRIPTION,
        examples=["1042"],
    ),
    params.ASCII,
]
CSV_MEDIA_TYPE = exports.CSV_MEDIA_TYPE
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
    line_id: UUID = Field(description="The budget line (예산과목)")
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


def _csv(table: report_exports.CsvTable, filename: str, response: Response | None = None) -> Response:
    headers = {"Content-Disposition": content_disposition(f"{filename}.csv")}
    if response is not None and time_travel.POSITION_HEADER in response.headers:
        headers[time_travel.POSITION_HEADER] = response.headers[time_travel.POSITION_HEADER]
    return Response(table.to_bytes(), media_type=CSV_MEDIA_TYPE, headers=headers)


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


def _responses(name: str) -> dict[int | str, dict[str, Any]]:
    return {
        400: {
            "model": Problem,
            "description": f"download-moved: `format=csv` is refused; the CSV is `…/reports/{name}.csv`",
            "content": {PROBLEM_JSON: {}},
        },
        **problem_responses(404, 422, 429, 503),
    }


def _csv_responses() -> dict[int | str, dict[str, Any]]:
    return {
        **download_responses(CSV_MEDIA_TYPE, "The statement's lines as CSV (UTF-8 with BOM, a header row)"),
        **problem_responses(404, 422, 429, 503),
    }


def _known(services: Any, org: str) -> None:
    """Refuse an organisation the ledger does not know (404 ``not-found``, rather than an empty
    statement); after the parameters are checked."""
    if Organisation.id_for(org) not in services.ledger.repository:
        raise ApiProblem(404, "not-found", "No such organisation", f"No organisation {org} is registered.")


AsOfBalances = Annotated[
    date, Query(description="Accounting date the balances are at (회계일자)"), params.DATE
]
PeriodStart = Annotated[
    date | None,
    Query(description="First day of the period (default: 1 January of as_of's year)"),
    params.DATE,
]
Start = Annotated[date, Query(description="First accounting date of the period"), params.DATE]
End = Annotated[date, Query(description="Last accounting date of the period"), params.DATE]
AsOfSheet = Annotated[date, Query(description="Accounting date of the statement"), params.DATE]
FiscalYear = Annotated[
    int, Query(ge=FIRST_YEAR, le=LAST_YEAR, description="Fiscal year (회계연도)"), params.YEAR
]
AsOfBudget = Annotated[
    date | None,
    Query(
        description="Amounts as of this accounting date (회계일자), summed from the lines' "
        "daily movements; default: as they stand"
    ),
    params.DATE,
]


def _trial_balance(
    services: Any,
    conn: Connection,
    response: Response,
    org: str,
    as_of: date,
    period_start: date | None,
    known_at: str | None,
) -> Any:
    _check_dates(as_of=as_of)
    if period_start is not None:
        _check_period(period_start, as_of, "period_start", "as_of")
    _known(services, org)
    return time_travel.answer(
        services,
        conn,
        "ledger",
        known_at,
        lambda c: statements.trial_balance(c, org, as_of, period_start),
        response,
    )


def _income_statement(
    services: Any,
    conn: Connection,
    response: Response,
    org: str,
    start: date,
    end: date,
    known_at: str | None,
) -> Any:
    _check_period(start, end, "start", "end")
    _known(services, org)
    return time_travel.answer(
        services,
        conn,
        "ledger",
        known_at,
        lambda c: statements.income_statement(c, org, start, end),
        response,
    )


def _balance_sheet(
    services: Any, conn: Connection, response: Response, org: str, as_of: date, known_at: str | None
) -> Any:
    _check_dates(as_of=as_of)
    _known(services, org)
    return time_travel.answer(
        services, conn, "ledger", known_at, lambda c: statements.balance_sheet(c, org, as_of), response
    )


def _budget_vs_actual(
    services: Any,
    conn: Connection,
    response: Response,
    org: str,
    fiscal_year: int,
    as_of: date | None,
    known_at: str | None,
) -> Any:
    _check_dates(as_of=as_of)
    _known(services, org)
    return time_travel.answer(
        services,
        conn,
        "budget",
        known_at,
        lambda c: statements.budget_vs_actual(c, org, fiscal_year, as_of),
        response,
    )


def build_router() -> APIRouter:
    router = APIRouter(prefix=PREFIX, tags=["public: reports"])

    @router.get(
        "/trial-balance",
        operation_id="report_trial_balance",
        response_model=TrialBalanceOut,
        summary="Trial balance (잔액시산표)",
        responses=_responses("trial-balance"),
    )
    def trial_balance(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        request: Request,
        response: Response,
        org: OrgPath,
        as_of: AsOfBalances,
        period_start: PeriodStart = None,
        known_at: KnownAt = None,
    ) -> Any:
        """Opening balance, debits, credits and closing balance per account for the period."""
        moved_download(request, f"{PREFIX.format(org=org)}/trial-balance")
        tb = _trial_balance(services, conn, response, org, as_of, period_start, known_at)
        return TrialBalanceOut.model_validate(tb)

    @router.get(
        "/trial-balance.csv",
        operation_id="report_trial_balance_csv",
        response_class=Response,
        summary="Trial balance (잔액시산표), as CSV",
        responses=_csv_responses(),
    )
    def trial_balance_csv(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        response: Response,
        org: OrgPath,
        as_of: AsOfBalances,
        period_start: PeriodStart = None,
        known_at: KnownAt = None,
    ) -> Any:
        """The trial balance's lines as a UTF-8 CSV file (with BOM) and a header row."""
        tb = _trial_balance(services, conn, response, org, as_of, period_start, known_at)
        return _csv(
            report_exports.trial_balance_table(tb), f"trial-balance-{org}-{as_of.isoformat()}", response
        )

    @router.get(
        "/income-statement",
        operation_id="report_income_statement",
        response_model=IncomeStatementOut,
        summary="Income statement (재정운영표)",
        responses=_responses("income-statement"),
    )
    def income_statement(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        request: Request,
        response: Response,
        org: OrgPath,
        start: Start,
        end: End,
        known_at: KnownAt = None,
    ) -> Any:
        """Revenue and expenses with accounting dates from start to end, and their difference."""
        moved_download(request, f"{PREFIX.format(org=org)}/income-statement")
        statement = _income_statement(services, conn, response, org, start, end, known_at)
        return IncomeStatementOut.model_validate(statement)

    @router.get(
        "/income-statement.csv",
        operation_id="report_income_statement_csv",
        response_class=Response,
        summary="Income statement (재정운영표), as CSV",
        responses=_csv_responses(),
    )
    def income_statement_csv(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        response: Response,
        org: OrgPath,
        start: Start,
        end: End,
        known_at: KnownAt = None,
    ) -> Any:
        """The income statement's lines as a UTF-8 CSV file (with BOM) and a header row."""
        statement = _income_statement(services, conn, response, org, start, end, known_at)
        return _csv(
            report_exports.income_statement_table(statement),
            f"income-statement-{org}-{start.isoformat()}-{end.isoformat()}",
            response,
        )

    @router.get(
        "/balance-sheet",
        operation_id="report_balance_sheet",
        response_model=BalanceSheetOut,
        summary="Balance sheet (재정상태표)",
        responses=_responses("balance-sheet"),
    )
    def balance_sheet(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        request: Request,
        response: Response,
        org: OrgPath,
        as_of: AsOfSheet,
        known_at: KnownAt = None,
    ) -> Any:
        """Assets, liabilities and net assets at as_of."""
        moved_download(request, f"{PREFIX.format(org=org)}/balance-sheet")
        sheet = _balance_sheet(services, conn, response, org, as_of, known_at)
        return BalanceSheetOut.model_validate(sheet)

    @router.get(
        "/balance-sheet.csv",
        operation_id="report_balance_sheet_csv",
        response_class=Response,
        summary="Balance sheet (재정상태표), as CSV",
        responses=_csv_responses(),
    )
    def balance_sheet_csv(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        response: Response,
        org: OrgPath,
        as_of: AsOfSheet,
        known_at: KnownAt = None,
    ) -> Any:
        """The balance sheet's lines as a UTF-8 CSV file (with BOM); it ends with the surplus row."""
        sheet = _balance_sheet(services, conn, response, org, as_of, known_at)
        return _csv(
            report_exports.balance_sheet_table(sheet), f"balance-sheet-{org}-{as_of.isoformat()}", response
        )

    @router.get(
        "/budget-vs-actual",
        operation_id="report_budget_vs_actual",
        response_model=BudgetVsActualOut,
        summary="Budget versus actual (예산 대비 집행)",
        responses=_responses("budget-vs-actual"),
    )
    def budget_vs_actual(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        request: Request,
        response: Response,
        org: OrgPath,
        fiscal_year: FiscalYear,
        as_of: AsOfBudget = None,
        known_at: KnownAt = None,
    ) -> Any:
        """Every spending budget line of the year: budget, allocated, obligated, paid, remaining."""
        moved_download(request, f"{PREFIX.format(org=org)}/budget-vs-actual")
        lines = _budget_vs_actual(services, conn, response, org, fiscal_year, as_of, known_at)
        return BudgetVsActualOut(
            org=org,
            fiscal_year=fiscal_year,
            lines=[BudgetActualOut.model_validate(line) for line in lines],
            total_current_budget=sum(line.current_budget for line in lines),
            total_obligated=sum(line.obligated for line in lines),
            total_paid=sum(line.paid for line in lines),
        )

    @router.get(
        "/budget-vs-actual.csv",
        operation_id="report_budget_vs_actual_csv",
        response_class=Response,
        summary="Budget versus actual (예산 대비 집행), as CSV",
        responses=_csv_responses(),
    )
    def budget_vs_actual_csv(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        response: Response,
        org: OrgPath,
        fiscal_year: FiscalYear,
        as_of: AsOfBudget = None,
        known_at: KnownAt = None,
    ) -> Any:
        """Every spending budget line of the year as a UTF-8 CSV file (with BOM) and a header row."""
        lines = _budget_vs_actual(services, conn, response, org, fiscal_year, as_of, known_at)
        suffix = f"-{as_of.isoformat()}" if as_of is not None else ""
        return _csv(
            report_exports.budget_vs_actual_table(lines),
            f"budget-vs-actual-{org}-{fiscal_year}{suffix}",
            response,
        )

    @router.get(
        "/{name}/diff",
        operation_id="report_diff",
        response_model=ReportDiffOut,
        summary="What changed in a statement between two moments (변경 내역)",
        responses=problem_responses(404, 422, 429, 503),
    )
    def report_diff(
        services: Services,
        org: OrgPath,
        name: Annotated[ReportName, Path(description="The statement")],
        from_known_at: Annotated[
            str,
            Query(
                min_length=1,
                max_length=64,
                pattern=params.PRINTABLE_ASCII,
                description="The earlier moment: a position or a timestamp",
            ),
            params.ASCII,
        ],
        to_known_at: Annotated[
            str,
            Query(
                min_length=1,
                max_length=64,
                pattern=params.PRINTABLE_ASCII,
                description="The later moment: a position or a timestamp",
            ),
            params.ASCII,
        ],
        as_of: Annotated[
            date | None,
            Query(
                description="Accounting date (trial-balance and balance-sheet: required; budget-vs-actual)"
            ),
            params.DATE,
        ] = None,
        period_start: Annotated[
            date | None, Query(description="trial-balance: first day of the period"), params.DATE
        ] = None,
        start: Annotated[
            date | None, Query(description="income-statement: first accounting date"), params.DATE
        ] = None,
        end: Annotated[
            date | None, Query(description="income-statement: last accounting date"), params.DATE
        ] = None,
        fiscal_year: Annotated[
            int | None, Query(ge=FIRST_YEAR, le=LAST_YEAR, description="budget-vs-actual"), params.YEAR
        ] = None,
    ) -> ReportDiffOut:
        """The statement as known at two moments, line by line (before, after, change, for every
        amount that changed), and the events recorded between them that caused the changes, with
        their actor, accounting date and recorded time. Both moments are replayed in one pass
        over the log (see `known_at` on the statements)."""
        spec = diff_spec(name, org, as_of, period_start, start, end, fiscal_year)
        _known(services, org)
        before_at = time_travel.resolve(services, from_known_at, "from_known_at")
        after_at = time_travel.resolve(services, to_known_at, "to_known_at")
        if after_at < before_at:
            raise InvalidPeriod(
                f"to_known_at (position {after_at}) is before from_known_at (position {before_at})",
                from_position=before_at,
                to_position=after_at,
            )
        with time_travel.replaying(services) as replay:
            return compute_diff(services.ledger, replay, spec, name, before_at, after_at)

    return router


# --- the diff -------------------------------------------------------------------------------------

ReportName = Literal["trial-balance", "income-statement", "balance-sheet", "budget-vs-actual"]
SURPLUS = "accumulated_surplus"


class DiffLineOut(BaseModel):
    """One amount of one line that differs between the two moments."""

    line: str = Field(description="Account code, budget line id, or accumulated_surplus", examples=["1110"])
    name: str = Field(examples=["현금및현금성자산"])
    column: str = Field(description="Which amount: closing, amount, obligated …", examples=["closing"])
    before: int = Field(description="As known at from_known_at")
    after: int = Field(description="As known at to_known_at")
    change: int = Field(description="after − before")


class CausingEventOut(BaseModel):
    """An event recorded between the two moments that moved a changed line."""

    position: int = Field(description="Its log position")
    event: str = Field(examples=["JournalEntry.Recorded"])
    actor: str | None = Field(description="Who issued the command")
    accounting_date: date | None = Field(description="회계일자 (a backdated correction shows here)")
    recorded_at: datetime | None = Field(description="When it was recorded (UTC)")
    lines: list[str] = Field(description="The changed lines it moved")


class ReportDiffOut(BaseModel):
    """A statement as known at two moments: the changed lines and the events that changed them."""

    report: str
    org: str
    from_position: int = Field(description="The log position from_known_at stands for")
    to_position: int = Field(description="The log position to_known_at stands for")
    lines: list[DiffLineOut]
    events: list[CausingEventOut] = Field(description="In log order")


Rows = dict[str, tuple[str, dict[str, int]]]


@dataclass(frozen=True)
class DiffSpec:
    kind: str  # "ledger" or "budget"
    rows: Callable[[Connection], Rows]
    #: The accounting dates whose postings count (ledger): from (None: any before) to.
    first: date | None
    last: date
    org: str
    as_of: date | None


def compute_diff(
    ledger: Ledger,
    replay: Replayer,
    spec: DiffSpec,
    name: str,
    before_at: int,
    after_at: int,
    progress: Callable[[int, int], None] | None = None,
) -> ReportDiffOut:
    """The statement ``spec`` describes as known at two positions, in one replay of the log up to
    the later one; the changed lines and the events between the two that moved them."""
    with replay(spec.kind) as session:
        session.advance(before_at, progress)
        with session.connect() as replayed:
            before = spec.rows(replayed)
        session.advance(after_at, progress)
        with session.connect() as replayed:
            after = spec.rows(replayed)
            lines = _changed(before, after)
            changed = {line.line for line in lines}
            if spec.kind == "ledger":
                causes = _ledger_causes(replayed, spec, changed, before_at, after_at)
    if spec.kind == "budget":
        causes = _budget_causes(ledger, spec, changed, before_at, after_at)
    events = timeline.describe_events(ledger, causes)
    return ReportDiffOut(
        report=name,
        org=spec.org,
        from_position=before_at,
        to_position=after_at,
        lines=lines,
        events=[
            CausingEventOut(
                position=info.position,
                event=info.event,
                actor=info.actor,
                accounting_date=info.accounting_date,
                recorded_at=info.recorded_at,
                lines=sorted(causes[info.position]),
            )
            for info in events
        ],
    )


def _require(value: Any, option: str, name: str) -> Any:
    if value is None:
        raise InvalidPeriod(f"{option} is required for the {name} diff", report=name)
    return value


def diff_spec(
    name: str,
    org: str,
    as_of: date | None,
    period_start: date | None,
    start: date | None,
    end: date | None,
    fiscal_year: int | None,
) -> DiffSpec:
    _check_dates(as_of=as_of, period_start=period_start, start=start, end=end)
    if name == "trial-balance":
        day = _require(as_of, "as_of", name)

        def trial_rows(conn: Connection) -> Rows:
            tb = statements.trial_balance(conn, org, day, period_start)
            columns = ("opening", "debit", "credit", "closing")
            return {a.account: (a.name_ko, {c: getattr(a, c) for c in columns}) for a in tb.lines}

        return DiffSpec("ledger", trial_rows, None, day, org, day)
    if name == "income-statement":
        first, last = _require(start, "start", name), _require(end, "end", name)
        _check_period(first, last, "start", "end")

        def income_rows(conn: Connection) -> Rows:
            statement = statements.income_statement(conn, org, first, last)
            return {
                x.account: (x.name_ko, {"amount": x.amount}) for x in statement.revenue + statement.expenses
            }

        return DiffSpec("ledger", income_rows, first, last, org, last)
    if name == "balance-sheet":
        day = _require(as_of, "as_of", name)

        def sheet_rows(conn: Connection) -> Rows:
            sheet = statements.balance_sheet(conn, org, day)
            rows: Rows = {
                x.account: (x.name_ko, {"amount": x.amount})
                for x in sheet.assets + sheet.liabilities + sheet.net_assets
            }
            rows[SURPLUS] = ("누적 재정운영결과", {"amount": sheet.accumulated_surplus})
            return rows

        return DiffSpec("ledger", sheet_rows, None, day, org, day)
    year = _require(fiscal_year, "fiscal_year", name)

    def budget_rows(conn: Connection) -> Rows:
        columns = ("current_budget", "allocated", "obligated", "paid")
        return {
            b.line_id: (f"{b.code} {b.title}", {c: getattr(b, c) for c in columns})
            for b in statements.budget_vs_actual(conn, org, year, as_of)
        }

    return DiffSpec("budget", budget_rows, None, as_of or LATEST, org, as_of)


def _changed(before: Rows, after: Rows) -> list[DiffLineOut]:
    lines = []
    for key in sorted(set(before) | set(after)):
        name, old = before.get(key, ("", {}))
        name, new = after.get(key, (name, {}))
        for column in dict.fromkeys([*old, *new]):
            was, now = old.get(column, 0), new.get(column, 0)
            if was != now:
                lines.append(
                    DiffLineOut(line=key, name=name, column=column, before=was, after=now, change=now - was)
                )
    return lines


def _ledger_causes(
    conn: Connection, spec: DiffSpec, changed: set[str], after: int, upto: int
) -> dict[int, set[str]]:
    accounts = set(changed) - {SURPLUS}
    surplus_accounts = (
        set(statements.accounts_of_kinds(conn, ("revenue", "expense"))) if SURPLUS in changed else set()
    )
    found = statements.posting_positions(
        conn, spec.org, accounts | surplus_accounts, after, upto, spec.first, spec.last
    )
    return {
        position: {a for a in moved if a in accounts} | ({SURPLUS} if moved & surplus_accounts else set())
        for position, moved in found.items()
    }


def _budget_causes(
    ledger: Ledger, spec: DiffSpec, changed: set[str], after: int, upto: int
) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for info in timeline.events_of(ledger, (UUID(line) for line in changed), after, upto):
        if spec.as_of is not None and info.accounting_date is not None and info.accounting_date > spec.as_of:
            continue
        if info.event.startswith("BudgetLine.") and info.event != "BudgetLine.Opened":
            found.setdefault(info.position, set()).add(str(info.originator_id))
    return found
