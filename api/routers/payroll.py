"""Payroll (급여) over HTTP: the commands of the monthly run, the register (급여대장), payslips
(급여명세서), the withholdings not yet remitted (예수금), and the public personnel cost.

Who does what (api.roles): the payroll officer (급여담당자) sets payroll profiles, opens and
calculates a run; the payroll manager (급여책임자) loads the tables, configures the budget lines,
approves or rejects a run (not one they calculated: the domain refuses it, ``same-preparer``),
posts, pays and remits it. Individual pay is never public: the register and every payslip are
read by the payroll roles and the HR auditor of the organisation, and by the employee their own
(self-service, once an HR manager linked their user to their record), only of runs whose pay went
out. The accountant and the auditor read the organisation's totals (runs, withholdings), which
their books show anyway. The public reads the personnel cost of a year as aggregates, with every
figure over fewer than five people hidden.

The command endpoints are made as those of :mod:`api.routers.commands` are, from the command
messages, with the same functions (body model, role check before the body is read, Idempotency-Key
and If-Match, the 201 answer), under ``/api/v1/orgs/{org}/payroll/…``. A run is named by its
month (귀속월) in the path, and its commands are of that month's fiscal year; the accounting date
(the day posted, paid, remitted) is the body's.
"""

from __future__ import annotations

import inspect
import pathlib
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from sqlalchemy import Connection, select

from api import cursors, params
from api.accounts import Principal
from api.certificate_pdf import CertificateFontMissing
from api.deps import CurrentPrincipal, IdempotencyKey, IfMatch, MinPosition, ReadConnection, Services
from api.downloads import content_disposition
from api.examples import example_body
from api.params import OrgPath
from api.payslip_pdf import KIND_TITLES, PayslipDocument, PayslipItem, render_payslip
from api.problems import COMMAND_STATUSES, ApiProblem, problem_responses
from api.roles import COMMAND_ROLES, PAYROLL_READERS, PAYROLL_TOTALS_READERS, Role
from api.routers.commands import (
    PREFIX,
    CommandAccepted,
    CommandRoute,
    accepted,
    authoriser,
    checked_before_the_body,
    command_of,
    path_parameters,
    request_model,
)
from api.routers.personnel import today
from api.routers.public import download_responses
from commands.messages import payroll
from commands.messages.base import Command, CommandResult
from readmodels import payroll as queries
from readmodels.exports import CSV_MEDIA_TYPE, csv_chunks
from readmodels.organisations import organisation
from readmodels.personnel import personnel_employees

PUBLIC_PREFIX = "/api/v1/public"
_PAY = "/orgs/{org}/payroll"
_RUN = f"{_PAY}/runs/{{month}}"
REGISTER = "payroll-register"

#: 귀속월: ``YYYY-MM`` in ASCII digits, of a year the ledger's fiscal years may be.
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN[1:-1])


def month_value(value: Any) -> str:
    """A month written ``YYYY-MM`` (ASCII digits), of a year from 1900 to 2999."""
    if not isinstance(value, str) or _MONTH.fullmatch(value) is None:
        raise ValueError("a month is written YYYY-MM")
    params.fiscal_year(value[:4])  # the years a fiscal year may be
    return value


MONTH = BeforeValidator(month_value)
MonthPath = Annotated[
    str,
    Path(pattern=MONTH_PATTERN, description="귀속월: the run's month, YYYY-MM", examples=["2026-03"]),
    MONTH,
]
MonthQuery = Annotated[
    str | None,
    Query(pattern=MONTH_PATTERN, description="The payslip's own month (default: the run's)"),
    BeforeValidator(lambda value: None if value is None else month_value(value)),
]
Year = Annotated[int, Query(ge=2000, le=2100, description="연도"), params.DIGITS]
YearOrAll = Annotated[int | None, Query(ge=2000, le=2100, description="Only this year's runs"), params.DIGITS]
EmployeePath = Annotated[UUID, params.ID]
KindQuery = Annotated[
    str,
    Query(
        pattern=r"^[a-z_]{1,40}$",
        description="The payslip's kind: regular 정기, retroactive 소급, settlement 연말정산, "
        "severance 퇴직 …",
    ),
]
_READ = problem_responses(401, 403, 404, 422, 429, 503)
_ETAG_200: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "ETag": {
                "description": 'The run\'s version, e.g. "4": the If-Match of its next command',
                "schema": {"type": "string"},
            }
        }
    }
}


# --- commands -------------------------------------------------------------------------------------

COMMAND_ROUTES: tuple[CommandRoute, ...] = (
    CommandRoute(payroll.LoadPayrollTable, f"{_PAY}/tables", "Load a payroll table (급여 기준표 적재)"),
    CommandRoute(
        payroll.ConfigurePayroll, f"{_PAY}/settings", "Configure payroll's budget lines (급여 기본설정)"
    ),
    CommandRoute(
        payroll.SetPayrollProfile, f"{_PAY}/profiles", "Set an employee's payroll profile (급여 기본정보)"
    ),
    CommandRoute(
        payroll.DeclareYearEndDeductions,
        f"{_PAY}/year-end-declarations",
        "Record an employee's year-end declaration, sealed (소득·세액공제 신고)",
    ),
    CommandRoute(payroll.OpenPayrollRun, _RUN, "Open the month's run (급여 개설)"),
    CommandRoute(payroll.CalculatePayrollRun, f"{_RUN}/calculation", "Calculate the run (급여 계산)"),
    CommandRoute(payroll.RejectPayrollRun, f"{_RUN}/rejection", "Reject the run back to calculation (반려)"),
    CommandRoute(payroll.ApprovePayrollRun, f"{_RUN}/approval", "Approve the run (급여 결재)"),
    CommandRoute(
        payroll.PostPayrollRun,
        f"{_RUN}/posting",
        "Post the run: obligations and vouchers (원인행위·지출결의)",
    ),
    CommandRoute(payroll.PayPayrollRun, f"{_RUN}/payment", "Pay the run, withholdings kept (급여 지급)"),
    CommandRoute(
        payroll.RemitPayrollWithholdings,
        f"{_RUN}/remittance",
        "Remit the withholdings and the employer's shares (원천세·보험료 납부)",
    ),
)

_LOADED_EXAMPLE = (
    "effective_from,code,name,applies_to,amount,non_taxable_limit,ordinary,source\n"
    "2026-01-01,MEAL,정액급식비,ALL,140000,200000,no,기관 보수규정\n"
)
#: Examples of the bodies, where the generated one (api.examples) would not be a body in form.
_EXAMPLES: Mapping[type[Command], Mapping[str, Any]] = {
    payroll.LoadPayrollTable: {
        "accounting_date": "2026-01-02",
        "kind": "allowances",
        "file_name": "allowances.csv",
        "content": _LOADED_EXAMPLE,
    },
    payroll.ConfigurePayroll: {
        "accounting_date": "2026-01-02",
        "lines": {"101-01": "3fa85f64-5717-4562-b3fc-2c963f66afa6"},
    },
    payroll.SetPayrollProfile: {
        "accounting_date": "2026-03-02",
        "employee_number": "E001",
        "effective_month": "2026-03",
        "family": 3,
        "children": 1,
        "children_8_to_20": 1,
        "withholding_percent": 100,
    },
    payroll.DeclareYearEndDeductions: {
        "accounting_date": "2027-01-20",
        "employee_number": "E001",
        "year": 2026,
        "insurance_premiums": 1_200_000,
        "medical_expenses": 0,
        "education_expenses": 0,
        "donations": 100_000,
        "other_income_deductions": 0,
    },
    payroll.OpenPayrollRun: {"accounting_date": "2026-03-02"},
    payroll.CalculatePayrollRun: {"accounting_date": "2026-03-16", "retroactive_from": None},
    payroll.RejectPayrollRun: {"accounting_date": "2026-03-17", "reason": "시간외근무 수당 누락"},
    payroll.ApprovePayrollRun: {"accounting_date": "2026-03-17"},
    payroll.PostPayrollRun: {"accounting_date": "2026-03-18"},
    payroll.PayPayrollRun: {"accounting_date": "2026-03-20"},
    payroll.RemitPayrollWithholdings: {"accounting_date": "2026-04-10"},
}

_ON_THE_RUN = (
    "\n\n**If-Match** names the run of the path (its `version`, the ETag of `GET …/payroll/runs/{month}`): "
    "refused with 412 unless it is still at that version. The answer's `ETag` is the run's version after "
    "the command."
)
_VERSIONS: Mapping[type[Command], str] = {
    payroll.LoadPayrollTable: "\n\nNo If-Match (400 `if-match-not-supported`). The answer's `aggregate_id` "
    "and `ETag` are the table's: its version counts the loads that changed it (the same content again "
    "records nothing).",
    payroll.ConfigurePayroll: "\n\n**If-Match** names the organisation's payroll settings (none before the "
    "first configuration). The fiscal year configured is the accounting date's. The answer's `ETag` is "
    "the settings' version.",
    payroll.SetPayrollProfile: "\n\nNo If-Match (400 `if-match-not-supported`). The answer's `aggregate_id` "
    "and `ETag` are the employee's payroll profile's.",
    payroll.DeclareYearEndDeductions: "\n\nNo If-Match (400 `if-match-not-supported`). The amounts are "
    "personal data: the event carries them sealed under the employee's data key (503 "
    "`personal-data-unavailable` without a master key); a second declaration for the year replaces the "
    "first. February's run with `year_end_settlement` reads them.",
    payroll.OpenPayrollRun: "\n\nCreates the run (one per organisation and month: a second is 409 "
    "`already-exists`). The answer's `ETag` is its version, the If-Match of its next command.",
}


def body_model(route: CommandRoute) -> type[BaseModel]:
    """The route's body: the command's fields less those the path, headers and key supply (as
    :func:`api.routers.commands.request_model` makes it), with an example in form."""
    model = request_model(route)
    example = {
        name: value
        for name, value in {**example_body(model), **_EXAMPLES.get(route.command, {})}.items()
        if name in model.model_fields
    }
    model.model_config["json_schema_extra"] = {"examples": [example]}
    model.model_rebuild(force=True)
    return model


def _command_endpoint(route: CommandRoute, body: type[BaseModel]) -> Callable[..., Response]:
    names = path_parameters(route.path)

    def endpoint(
        services: Services,
        principal: CurrentPrincipal,
        idempotency_key: IdempotencyKey,
        if_match: IfMatch,
        **parameters: Any,
    ) -> Response:
        fields: BaseModel = parameters.pop("body")
        if "month" in parameters:
            # A run's commands are acts of its month's fiscal year (the domain opens a run only
            # in it), whatever day they are dated (a December run's withholdings remitted in
            # January are the year's).
            parameters["fiscal_year"] = int(parameters["month"][:4])
        try:
            command, the_command_id = command_of(
                route, fields, parameters, principal, idempotency_key, if_match
            )
        except ValidationError as invalid:
            raise RequestValidationError(invalid.errors()) from None
        result: CommandResult = services.ledger.handle(command)
        services.after_command()
        content, headers = accepted(route, the_command_id, result)
        return Response(content, status_code=201, headers=headers, media_type="application/json")

    signature = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        for name, annotation, default in (
            ("services", Services, inspect.Parameter.empty),
            ("principal", CurrentPrincipal, inspect.Parameter.empty),
            ("idempotency_key", IdempotencyKey, None),
            ("if_match", IfMatch, None),
        )
    ]
    for name in names:
        annotation: Any = {"org": OrgPath, "month": MonthPath}[name]
        signature.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation))
    signature.append(
        inspect.Parameter("body", inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[body, Body()])
    )
    endpoint.__signature__ = inspect.Signature(signature, return_annotation=Response)  # type: ignore[attr-defined]
    endpoint.__name__ = re.sub(r"(?<!^)(?=[A-Z])", "_", route.command.__name__).lower()
    return endpoint


def _add_commands(router: APIRouter) -> None:
    for route in COMMAND_ROUTES:
        router.add_api_route(
            route.path,
            _command_endpoint(route, body_model(route)),
            methods=["POST"],
            status_code=201,
            response_model=CommandAccepted,
            summary=route.summary,
            description=(route.command.__doc__ or "")
            + _VERSIONS.get(route.command, _ON_THE_RUN)
            + f"\n\nAllowed roles: {', '.join(sorted(COMMAND_ROLES[route.command]))}.",
            tags=["commands: payroll"],
            responses=problem_responses(
                400, 401, 403, 404, 409, 412, 413, 422, 429, 503, say=COMMAND_STATUSES
            ),
            operation_id=route.command.__name__,
            dependencies=[Depends(authoriser(route))],
            route_class_override=checked_before_the_body(route),
        )


# --- answers --------------------------------------------------------------------------------------


class PayrollRunOut(BaseModel):
    """급여 처리: one run, its totals (the latest calculation's; zero while one is under way) and
    who did each step when (accounting dates)."""

    org: str
    month: str = Field(description="귀속월")
    fiscal_year: int | None
    status: str | None = Field(
        description="open 개설 (to be calculated), calculated 계산, approved 결재, posted 원인행위·지출결의, "
        "paid 지급, remitted 납부"
    )
    calculation: int = Field(description="How many times it was calculated")
    preparer: str | None = Field(description="Who calculated it last")
    approver: str | None
    retroactive_from: str | None = Field(description="소급: the first past month recalculated")
    tables: dict[str, int] = Field(description="The version of each table the calculation read")
    payslips: int
    gross: int = Field(description="지급액 계")
    deducted: int = Field(description="공제액 계")
    net: int = Field(description="실지급액 계")
    employer: int = Field(description="기관부담금 계")
    withheld: int = Field(description="예수금: kept back by the payment")
    paid_net: int = Field(description="Paid to the employees")
    employer_remitted: int = Field(description="The employer's shares the remittance paid")
    rejection_reason: str | None = Field(description="The latest 반려 사유")
    rejected_by: str | None
    opened_on: date | None
    calculated_on: date | None
    approved_on: date | None
    posted_on: date | None
    paid_on: date | None
    remitted_on: date | None
    calculated_at: datetime | None = Field(description="When the latest calculation was recorded")
    updated_at: datetime | None = Field(description="When the run's last event was recorded")
    version: int | None = Field(description="The run's version: the If-Match of its next command")
    position: int | None = Field(description="Log position of the run's last event")


class PayrollItemsOut(BaseModel):
    earnings: dict[str, int] = Field(
        description="지급 항목: code → won (ABSENCE, a deduction of pay, negative)"
    )
    deductions: dict[str, int] = Field(description="공제 항목: code → won")
    employer: dict[str, int] = Field(description="기관부담금: code → won")


class PayrollPayslipOut(PayrollItemsOut):
    """One payslip (급여명세서) with its items."""

    employee_id: UUID
    employee_number: str
    run_month: str = Field(description="The run it was paid in")
    kind: str = Field(description="regular 정기, retroactive 소급, settlement 연말정산, severance 퇴직 …")
    month: str = Field(description="귀속월: the run's, or the past month a difference is for")
    days: int = Field(description="Days in service in the month (재직일수)")
    gross: int
    deducted: int
    net: int
    employer_total: int
    taxable: int
    non_taxable: int
    facts: dict[str, str] = Field(description="What the slip shows: grade, step, department, family …")


class PayrollChangeOut(PayrollItemsOut):
    """This month's regular payslip less last month's, in total and per item (each item either
    month carries; one a month lacks counts 0 there)."""

    previous: bool = Field(description="Whether there was a regular payslip the month before")
    gross: int
    deducted: int
    net: int
    employer_total: int


class PayrollRegisterRowOut(PayrollPayslipOut):
    change: PayrollChangeOut | None = Field(
        description="On a regular payslip: the change from the month before"
    )


class PayrollLeftOut(BaseModel):
    """Someone with a regular payslip the month before and none this month."""

    employee_id: UUID
    employee_number: str
    gross: int
    deducted: int
    net: int
    employer_total: int


class PayrollTotalsOut(BaseModel):
    payslips: int
    gross: int
    deducted: int
    net: int
    employer: int


class PayrollRegisterOut(BaseModel):
    """급여대장: the run, its totals and item sums over every payslip, and a page of payslips."""

    run: PayrollRunOut
    previous_month: str
    totals: PayrollTotalsOut = Field(description="Summed from the payslips: equal to the run's own totals")
    item_totals: PayrollItemsOut = Field(description="Each item's sum over the run's payslips")
    item_names: dict[str, str] = Field(description="Item code → its Korean name")
    items: list[PayrollRegisterRowOut] = Field(description="A page of payslips, by employee number")
    left: list[PayrollLeftOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last")


class PayrollPayslipRowOut(BaseModel):
    """A payslip in a list, without its items."""

    employee_id: UUID
    employee_number: str
    run_month: str
    kind: str
    month: str
    days: int
    gross: int
    deducted: int
    net: int
    employer_total: int
    taxable: int
    non_taxable: int
    run_status: str = Field(description="Where its run stands")


class PayrollPayslipDetailOut(PayrollPayslipOut):
    run_status: str = Field(description="Where its run stands")
    item_names: dict[str, str] = Field(description="Item code → its Korean name")


class PayrollWithholdingKindOut(BaseModel):
    kind: str = Field(description="INCOME_TAX, LOCAL_INCOME_TAX, NATIONAL_PENSION, HEALTH, …")
    name: str
    withheld: int
    remitted: int
    outstanding: int


class PayrollWithholdingMonthOut(BaseModel):
    month: str
    outstanding: int


class PayrollWithholdingsOut(BaseModel):
    """예수금 잔액: withheld by the date and not remitted by it."""

    org: str
    as_of: date
    kinds: list[PayrollWithholdingKindOut]
    months: list[PayrollWithholdingMonthOut]
    total: int


class PayrollTableLoadOut(BaseModel):
    kind: str
    version: int
    file_name: str
    sha256: str
    loaded_on: date
    loaded_by: str
    position: int


class PersonnelBudgetOut(BaseModel):
    current_budget: int = Field(description="예산현액 of the 101-xx and 304-xx lines")
    paid: int | None = Field(description="지출액 of those lines (hidden with the pay figures)")


class PersonnelCostOut(BaseModel):
    """인건비: the paid runs of the year against the personnel budget, as aggregates."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "org": "6119001",
                    "name": "서울문화재단",
                    "year": 2026,
                    "months_paid": 3,
                    "budget": {"current_budget": 2_400_000_000, "paid": 612_000_000},
                    "minimum_cell": 5,
                    "suppressed": False,
                    "suppression": None,
                    "personnel_cost": 598_000_000,
                    "pay": 530_000_000,
                    "employer_contributions": 68_000_000,
                    "cost_to_budget_percent": "24.9",
                    "average_headcount": "48.3",
                    "cost_per_head": 12_380_952,
                }
            ]
        }
    )
    org: str
    name: str
    year: int
    months_paid: int = Field(description="Months whose run's pay went out")
    budget: PersonnelBudgetOut
    minimum_cell: int = Field(description="Fewer employees than this on average: the pay figures are hidden")
    suppressed: bool
    suppression: str | None = Field(description="Why the figures are hidden, when they are")
    personnel_cost: int | None = Field(description="Pay and the employer's shares of the paid runs")
    pay: int | None = Field(description="보수: gross pay")
    employer_contributions: int | None = Field(description="기관부담금")
    cost_to_budget_percent: Decimal | None = Field(
        description="The personnel cost over the current budget, %"
    )
    average_headcount: Decimal | None = Field(
        description="Distinct employees paid in each paid month, averaged over those months"
    )
    cost_per_head: int | None = Field(description="The personnel cost over the average headcount")


# --- who reads what -------------------------------------------------------------------------------


def _allow(principal: Principal, org: str, roles: frozenset[Role], what: str) -> None:
    if not principal.may(org, roles):
        raise ApiProblem(
            403,
            "forbidden",
            "Not allowed",
            f"{what} of organisation {org} needs one of the roles: {', '.join(sorted(roles))}.",
        )


def _linked(conn: Connection, org: str, principal: Principal) -> UUID | None:
    """The employee of ``org`` the principal's user is linked to (self-service), if any."""
    e = personnel_employees
    found = conn.execute(
        select(e.c.employee_id).where(e.c.org == org, e.c.username == principal.username)
    ).scalar()
    return UUID(str(found)) if found is not None else None


def _own(conn: Connection, org: str, principal: Principal) -> UUID:
    """The employee the principal is; 403 without the employee role, 404 when none is linked."""
    _allow(principal, org, frozenset({Role.EMPLOYEE}), "Self-service")
    found = _linked(conn, org, principal)
    if found is None:
        raise ApiProblem(
            404, "not-found", "No linked employee", f"no employee of organisation {org} is linked to you"
        )
    return found


def _payslip_reader(conn: Connection, org: str, principal: Principal, employee_id: UUID) -> bool:
    """May the principal read ``employee_id``'s payslips? The payroll readers of the organisation
    read any of its employees' (404 for one of another organisation); an employee reads their own,
    of the runs whose pay went out (the answer: whether to show only those). Anyone else: 403,
    before anything is looked up."""
    if principal.may(org, PAYROLL_READERS):
        e = personnel_employees
        found = conn.execute(select(e.c.org).where(e.c.employee_id == str(employee_id))).scalar()
        if found != org:
            raise ApiProblem(404, "not-found", "No such employee", f"no employee {employee_id}")
        return False
    if principal.may(org, frozenset({Role.EMPLOYEE})) and _linked(conn, org, principal) == employee_id:
        return True
    raise ApiProblem(
        403,
        "forbidden",
        "Not allowed",
        f"Payslips of organisation {org} are read by the roles {', '.join(sorted(PAYROLL_READERS))}, "
        "and by each employee their own.",
    )


def _run_or_404(conn: Connection, org: str, month: str) -> dict[str, Any]:
    found = queries.run(conn, org, month)
    if found is None:
        raise ApiProblem(404, "not-found", "No such payroll run", f"no payroll run of {org} for {month}")
    return found


def _slip_or_404(
    found: dict[str, Any] | None, conn: Connection, org: str, run_month: str
) -> PayrollPayslipDetailOut:
    if found is None:
        raise ApiProblem(404, "not-found", "No such payslip", f"no such payslip in the run of {run_month}")
    return PayrollPayslipDetailOut.model_validate({**found, "item_names": queries.item_names(conn, org)})


def _register(conn: Connection, org: str, month: str, after: str | None, limit: int | None) -> dict[str, Any]:
    found = queries.register(conn, org, month, after=after, limit=limit)
    if found is None:
        raise ApiProblem(404, "not-found", "No such payroll run", f"no payroll run of {org} for {month}")
    return found


# --- reads ----------------------------------------------------------------------------------------


def _document(conn: Connection, org: str, run_month: str, found: dict[str, Any] | None) -> PayslipDocument:
    """A payslip of the read model as the document the PDF and the page lay out."""
    if found is None:
        raise ApiProblem(404, "not-found", "No such payslip", f"no such payslip in the run of {run_month}")
    names = queries.item_names(conn, org)
    run = queries.run(conn, org, run_month)
    owner = organisation(conn, org)

    def items(section: str) -> tuple[PayslipItem, ...]:
        return tuple(
            PayslipItem(code, names.get(code, code), int(won)) for code, won in found[section].items()
        )

    return PayslipDocument(
        organisation_code=org,
        organisation_name=owner.name if owner is not None else org,
        employee_number=found["employee_number"],
        month=found["month"],
        kind=found["kind"],
        days=int(found["days"]),
        earnings=items("earnings"),
        deductions=items("deductions"),
        paid_on=run["paid_on"] if run is not None else None,
        facts={k: str(v) for k, v in found["facts"].items()},
    )


#: The self-service pages' templates (``api/templates``): apart from the public portal's, which is
#: built over this router's neighbours, and escaped alike.
_PAGES = Environment(
    loader=FileSystemLoader(pathlib.Path(__file__).resolve().parent.parent / "templates"),
    autoescape=select_autoescape(default=True),
)

#: A payslip's document is for its employee alone: no cache along the way keeps it.
_PRIVATE = {"Cache-Control": {"description": "`private, no-store`", "schema": {"type": "string"}}}


def _add_payslip_documents(router: APIRouter, tags: list[str | Enum]) -> None:
    """The employee's own payslip as PDF and as a page (self-service 급여명세서)."""

    @router.get(
        f"{_PAY}/me/payslips/{{run_month}}/pdf",
        operation_id="payroll_my_payslip_pdf",
        response_class=Response,
        summary="My payslip as PDF (급여명세서 PDF)",
        tags=tags,
        responses={
            200: {
                "description": "One A4 page, the Korean font embedded",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
                "headers": {**_PRIVATE, "Content-Disposition": {"schema": {"type": "string"}}},
            },
            **problem_responses(
                401,
                403,
                404,
                422,
                429,
                503,
                say={503: "certificate-font-missing: the server has no Korean font"},
            ),
        },
    )
    def my_payslip_pdf(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        run_month: MonthPath,
        kind: KindQuery = queries.REGULAR,
        month: MonthQuery = None,
    ) -> Response:
        """Yours, as the PDF to print or keep, once its run's pay went out."""
        employee_id = _own(conn, org, principal)
        found = queries.payslip(conn, org, str(employee_id), run_month, kind, month, paid_only=True)
        document = _document(conn, org, run_month, found)
        try:
            pdf = render_payslip(document)
        except CertificateFontMissing as missing:
            raise ApiProblem(
                503, "certificate-font-missing", "No Korean font to print with", str(missing)
            ) from None
        name = f"payslip-{org}-{document.employee_number}-{run_month}-{document.kind}.pdf"
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": content_disposition(name), "Cache-Control": "private, no-store"},
        )

    @router.get(
        f"{_PAY}/me/payslips/{{run_month}}/html",
        operation_id="payroll_my_payslip_html",
        response_class=Response,
        summary="My payslip as a page (급여명세서)",
        tags=tags,
        responses={
            200: {
                "description": "The payslip as an HTML page, no script",
                "content": {"text/html": {"schema": {"type": "string"}}},
                "headers": _PRIVATE,
            },
            **problem_responses(401, 403, 404, 422, 429, 503),
        },
    )
    def my_payslip_html(
        request: Request,
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        run_month: MonthPath,
        kind: KindQuery = queries.REGULAR,
        month: MonthQuery = None,
    ) -> Response:
        """Yours, as a page in the portal's style (no script), once its run's pay went out."""
        employee_id = _own(conn, org, principal)
        found = queries.payslip(conn, org, str(employee_id), run_month, kind, month, paid_only=True)
        document = _document(conn, org, run_month, found)
        page = _PAGES.get_template("payslip.html").render(
            slip=document, titles=KIND_TITLES, query=request.url.query
        )
        return Response(
            page, media_type="text/html; charset=utf-8", headers={"Cache-Control": "private, no-store"}
        )


def build_router() -> APIRouter:
    router = APIRouter(prefix=PREFIX)
    _add_commands(router)
    tags: list[str | Enum] = ["payroll"]

    @router.get(
        f"{_PAY}/runs",
        operation_id="payroll_runs",
        response_model=list[PayrollRunOut],
        summary="The organisation's payroll runs (급여 처리 현황)",
        tags=tags,
        responses=_READ,
    )
    def runs(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        year: YearOrAll = None,
    ) -> list[dict[str, Any]]:
        """By month, with their totals and steps. Payroll roles, the HR auditor, the accountant and
        the auditor."""
        _allow(principal, org, PAYROLL_TOTALS_READERS, "Payroll runs")
        return queries.runs(conn, org, year)

    @router.get(
        _RUN,
        operation_id="payroll_run",
        response_model=PayrollRunOut,
        summary="One payroll run (급여 처리)",
        tags=tags,
        responses={**_ETAG_200, **_READ},
    )
    def one_run(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        month: MonthPath,
        response: Response,
    ) -> dict[str, Any]:
        """Its status, totals and table versions; the ETag is the If-Match of its next command."""
        _allow(principal, org, PAYROLL_TOTALS_READERS, "Payroll runs")
        found = _run_or_404(conn, org, month)
        response.headers["ETag"] = f'"{found["version"]}"'
        return found

    @router.get(
        f"{_RUN}/register",
        operation_id="payroll_register",
        response_model=PayrollRegisterOut,
        summary="The run's register (급여대장), with the change from the month before",
        tags=tags,
        responses={**cursors.BAD_CURSOR, **_READ},
    )
    def register(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        month: MonthPath,
        limit: Annotated[
            int, Query(ge=1, le=queries.MAX_LIMIT, description="Employees per page"), params.DIGITS
        ] = 200,
        cursor: cursors.CursorQuery = None,
    ) -> dict[str, Any]:
        """Every payslip of the run's latest calculation with its items, by employee number; the
        totals (equal to the run's) and item sums are the whole run's on every page. Each regular
        payslip carries its change from the employee's regular payslip of the month before, in
        total and per item; ``left`` lists who was paid then and is not now. Payroll roles and
        the HR auditor."""
        _allow(principal, org, PAYROLL_READERS, "The payroll register")
        after = None if cursor is None else cursors.decode_text(REGISTER, cursor)
        found = _register(conn, org, month, after, limit)
        following = found["next_cursor"]
        found["next_cursor"] = cursors.encode_text(REGISTER, following) if following is not None else None
        return found

    @router.get(
        f"{_RUN}/register.csv",
        operation_id="payroll_register_csv",
        response_class=Response,
        summary="The run's register as CSV (급여대장 내려받기)",
        tags=tags,
        responses={
            **download_responses(CSV_MEDIA_TYPE, "Every payslip, a column per item, and a row of totals"),
            **_READ,
        },
    )
    def register_csv(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        month: MonthPath,
    ) -> Response:
        """One row per payslip, a column per item that occurs in the run, the change from the
        month before per item, and a last row of totals (사번 합계); UTF-8 with a byte-order mark."""
        _allow(principal, org, PAYROLL_READERS, "The payroll register")
        found = _register(conn, org, month, None, None)
        labels = queries.register_columns(found)
        body = b"".join(csv_chunks(labels, [queries.register_lines(found)]))
        return Response(
            body,
            media_type=CSV_MEDIA_TYPE,
            headers={"Content-Disposition": content_disposition(f"payroll-register-{org}-{month}.csv")},
        )

    @router.get(
        f"{_PAY}/employees/{{employee_id}}/payslips",
        operation_id="payroll_employee_payslips",
        response_model=list[PayrollPayslipRowOut],
        summary="An employee's payslips (급여명세서 목록)",
        tags=tags,
        responses=_READ,
    )
    def employee_payslips(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: EmployeePath,
        year: YearOrAll = None,
    ) -> list[dict[str, Any]]:
        """By run month, kind and month, without items. Payroll roles and the HR auditor; the
        employee their own, of the runs whose pay went out."""
        paid_only = _payslip_reader(conn, org, principal, employee_id)
        return queries.payslips(conn, org, str(employee_id), year, paid_only=paid_only)

    @router.get(
        f"{_PAY}/employees/{{employee_id}}/payslips/{{run_month}}",
        operation_id="payroll_employee_payslip",
        response_model=PayrollPayslipDetailOut,
        summary="One payslip with its items (급여명세서)",
        tags=tags,
        responses=_READ,
    )
    def employee_payslip(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: EmployeePath,
        run_month: MonthPath,
        kind: KindQuery = queries.REGULAR,
        month: MonthQuery = None,
    ) -> PayrollPayslipDetailOut:
        """The payslip of ``kind`` for ``month`` (default: the run's) in the run of ``run_month``.
        Payroll roles and the HR auditor; the employee their own, of the runs whose pay went out."""
        paid_only = _payslip_reader(conn, org, principal, employee_id)
        found = queries.payslip(conn, org, str(employee_id), run_month, kind, month, paid_only=paid_only)
        return _slip_or_404(found, conn, org, run_month)

    @router.get(
        f"{_PAY}/me/payslips",
        operation_id="payroll_my_payslips",
        response_model=list[PayrollPayslipRowOut],
        summary="My payslips (본인 급여명세서 목록)",
        tags=tags,
        responses=_READ,
    )
    def my_payslips(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        year: YearOrAll = None,
    ) -> list[dict[str, Any]]:
        """Those of the runs whose pay went out, of the employee linked to you."""
        employee_id = _own(conn, org, principal)
        return queries.payslips(conn, org, str(employee_id), year, paid_only=True)

    @router.get(
        f"{_PAY}/me/payslips/{{run_month}}",
        operation_id="payroll_my_payslip",
        response_model=PayrollPayslipDetailOut,
        summary="My payslip (본인 급여명세서)",
        tags=tags,
        responses=_READ,
    )
    def my_payslip(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        run_month: MonthPath,
        kind: KindQuery = queries.REGULAR,
        month: MonthQuery = None,
    ) -> PayrollPayslipDetailOut:
        """Yours, with its items, once its run's pay went out."""
        employee_id = _own(conn, org, principal)
        found = queries.payslip(conn, org, str(employee_id), run_month, kind, month, paid_only=True)
        return _slip_or_404(found, conn, org, run_month)

    _add_payslip_documents(router, tags)

    @router.get(
        f"{_PAY}/withholdings",
        operation_id="payroll_withholdings",
        response_model=PayrollWithholdingsOut,
        summary="Withholdings not yet remitted (예수금 잔액)",
        tags=tags,
        responses=_READ,
    )
    def withholdings(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        as_of: Annotated[
            date | None,
            Query(description="Accounting date (default: today)"),
            params.DATE_OR_NONE,
        ] = None,
    ) -> dict[str, Any]:
        """What the payments kept by the date and the remittances had not paid over by it, per
        kind and per run month. Payroll roles, the HR auditor, the accountant and the auditor."""
        _allow(principal, org, PAYROLL_TOTALS_READERS, "Withholdings")
        return queries.outstanding_withholdings(conn, org, as_of or today())

    @router.get(
        f"{_PAY}/tables",
        operation_id="payroll_tables",
        response_model=list[PayrollTableLoadOut],
        summary="The payroll tables loaded, each version (급여 기준표 이력)",
        tags=tags,
        responses=_READ,
    )
    def tables(
        caught_up: MinPosition, conn: ReadConnection, principal: CurrentPrincipal, org: OrgPath
    ) -> list[dict[str, Any]]:
        """Every load that changed a table: its file's name and SHA-256; a run's ``tables`` names
        these versions."""
        _allow(principal, org, PAYROLL_TOTALS_READERS, "Payroll tables")
        return queries.table_loads(conn, org)

    return router


def build_public_router() -> APIRouter:
    router = APIRouter(prefix=PUBLIC_PREFIX, tags=["public: payroll"])

    def cost(conn: Connection, org: str, year: int) -> dict[str, Any]:
        found = organisation(conn, org)
        if found is None:
            raise ApiProblem(
                404, "not-found", "No such organisation", f"No organisation {org} is registered."
            )
        return {**queries.personnel_cost(conn, org, year), "name": found.name}

    @router.get(
        "/orgs/{org}/personnel-cost",
        operation_id="public_personnel_cost",
        response_model=PersonnelCostOut,
        summary="Personnel cost of a year against the personnel budget (인건비 공개)",
        responses=problem_responses(404, 422, 429, 503),
    )
    def personnel_cost(
        caught_up: MinPosition, conn: ReadConnection, org: OrgPath, year: Year
    ) -> dict[str, Any]:
        """Pay and the employer's shares of the year's runs whose pay went out, against the
        current budget and paid of the 101-xx and 304-xx lines; the average headcount paid a month
        and the cost per head. Aggregates only: under five employees paid a month on average,
        every figure of pay is hidden (``suppressed``, with the reason)."""
        return cost(conn, org, year)

    @router.get(
        "/orgs/{org}/personnel-cost.csv",
        operation_id="public_personnel_cost_csv",
        response_class=Response,
        summary="Personnel cost of a year, as CSV",
        responses={
            **download_responses(CSV_MEDIA_TYPE, "The year's figures as one row, Korean headers"),
            **problem_responses(404, 422, 429, 503),
        },
    )
    def personnel_cost_csv(
        caught_up: MinPosition, conn: ReadConnection, org: OrgPath, year: Year
    ) -> Response:
        found = cost(conn, org, year)
        body = b"".join(csv_chunks(queries.PERSONNEL_COST_LABELS, [[queries.personnel_cost_line(found)]]))
        return Response(
            body,
            media_type=CSV_MEDIA_TYPE,
            headers={"Content-Disposition": content_disposition(f"personnel-cost-{org}-{year}.csv")},
        )

    return router


__all__ = ["COMMAND_ROUTES", "build_public_router", "build_router"]
