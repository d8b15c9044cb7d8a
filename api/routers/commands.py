"""ERP commands over HTTP (``/api/v1/orgs/{org}/…``): one endpoint per command of the registry.

Each endpoint takes the command's fields as its JSON body, less what the request already says:
the organisation, the fiscal year and the aggregate's id come from the path, the actor is the
authenticated user, the command id comes from ``Idempotency-Key`` and the expected version from
``If-Match``. It answers 201 with the aggregate id, its version (also as ``ETag``) and the log
position, which a client passes as ``min_position`` to read its own write.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

import orjson
from fastapi import APIRouter, Body, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from api import params
from api.accounts import Principal
from api.deps import CurrentPrincipal, IdempotencyKey, IfMatch, Services, principal_of
from api.examples import example_body
from api.params import IDEMPOTENCY_KEY_PATTERN, IdPath, OrgPath, YearPath
from api.problems import COMMAND_STATUSES, ApiProblem, problem_responses
from api.roles import COMMAND_ROLES
from commands.messages import (
    attendance,
    budget,
    contracts,
    journal,
    payments,
    personnel,
    revenue,
    spending,
    vendors,
)
from commands.messages.base import Command, CommandResult, Versioned
from domain.vendor import Vendor
from domain.voucher import Voucher

#: Fields a request never carries in its body.
_FROM_REQUEST = frozenset({"command_id", "org", "fiscal_year", "actor", "expected_version"})
_IDEMPOTENCY_NAMESPACE = uuid5(NAMESPACE_URL, "https://cleanledger/idempotency-key")
_ENTITY_TAG = re.compile(r'^(?:W/)?"?([0-9]{1,18})"?$')
_IDEMPOTENCY_KEY = re.compile(IDEMPOTENCY_KEY_PATTERN)


@dataclass(frozen=True)
class CommandRoute:
    command: type[Command]
    path: str
    summary: str
    #: For a command that creates a part inside its aggregate (a payment order in a voucher):
    #: that part's id, derived from the command id as the domain derives it.
    creates: Callable[[UUID], UUID] | None = None

    @property
    def tag(self) -> str:
        # The message module names the part of the ledger: budget, spending, payments, …
        return self.command.__module__.rsplit(".", 1)[-1]


PREFIX = "/api/v1"
_YEAR = "/orgs/{org}/years/{fiscal_year}"
_HR = "/orgs/{org}/personnel"

ROUTES: tuple[CommandRoute, ...] = (
    CommandRoute(
        budget.RegisterOrganisation,
        "/orgs/{org}",
        "Register an organisation (기관 등록)",
    ),
    CommandRoute(
        budget.RecordPopulation,
        "/orgs/{org}/population",
        "Record the population of a year (주민등록인구)",
    ),
    CommandRoute(
        budget.OpenFiscalYear,
        _YEAR,
        "Open a fiscal year (회계연도 개시)",
    ),
    CommandRoute(
        budget.CloseFiscalYear,
        f"{_YEAR}/closing",
        "Close a fiscal year (결산 마감)",
    ),
    CommandRoute(
        budget.Appropriate,
        f"{_YEAR}/budget-lines",
        "Appropriate a budget line (본예산 편성)",
    ),
    CommandRoute(
        budget.AmendBudget,
        f"{_YEAR}/budget-lines/{{line_id}}/amendments",
        "Amend a line (추경)",
    ),
    CommandRoute(
        budget.TransferBudget,
        f"{_YEAR}/transfers",
        "Transfer between lines (전용·이용)",
    ),
    CommandRoute(
        budget.GrantContingency,
        f"{_YEAR}/contingency-grants",
        "Spend from the contingency reserve (예비비)",
    ),
    CommandRoute(
        budget.Allocate,
        f"{_YEAR}/budget-lines/{{line_id}}/allocations",
        "Allocate a quarter (예산배정)",
    ),
    CommandRoute(
        budget.PullAllocationForward,
        f"{_YEAR}/budget-lines/{{line_id}}/allocations/pull-forward",
        "Pull allocation forward (당겨배정)",
    ),
    CommandRoute(
        budget.CarryOver,
        f"{_YEAR}/budget-lines/{{line_id}}/carry-overs",
        "Carry over (이월)",
    ),
    CommandRoute(
        spending.DraftRequisition,
        f"{_YEAR}/requisitions",
        "Draft a requisition (품의)",
    ),
    CommandRoute(
        spending.ApproveRequisition,
        f"{_YEAR}/requisitions/{{requisition_id}}/approval",
        "Approve a requisition (품의 결재)",
    ),
    CommandRoute(
        spending.RejectRequisition,
        f"{_YEAR}/requisitions/{{requisition_id}}/rejection",
        "Reject a requisition (품의 반려)",
    ),
    CommandRoute(
        spending.Obligate,
        f"{_YEAR}/obligations",
        "Obligate (지출원인행위)",
    ),
    CommandRoute(
        spending.AmendObligation,
        f"{_YEAR}/obligations/{{obligation_id}}/amendments",
        "Amend an obligation (원인행위 변경)",
    ),
    CommandRoute(
        spending.CancelObligation,
        f"{_YEAR}/obligations/{{obligation_id}}/cancellation",
        "Cancel an obligation (원인행위 취소)",
    ),
    CommandRoute(
        vendors.RegisterVendor,
        f"{_YEAR}/vendors",
        "Register a vendor (거래처 등록)",
    ),
    CommandRoute(
        vendors.ChangeVendorAddress,
        f"{_YEAR}/vendors/{{vendor_id}}/address",
        "Change a vendor's address",
    ),
    CommandRoute(
        vendors.DebarVendor,
        f"{_YEAR}/vendors/{{vendor_id}}/debarments",
        "Debar a vendor (부정당업자 제재)",
        creates=Vendor.debarment_id_for,
    ),
    CommandRoute(
        vendors.LiftDebarment,
        f"{_YEAR}/vendors/{{vendor_id}}/debarments/{{debarment_id}}/lifting",
        "Lift a debarment (제재 해제)",
    ),
    CommandRoute(
        contracts.SignContract,
        f"{_YEAR}/contracts",
        "Sign a contract (계약 체결)",
    ),
    CommandRoute(
        contracts.AmendContract,
        f"{_YEAR}/contracts/{{contract_id}}/amendments",
        "Amend a contract (계약 변경)",
    ),
    CommandRoute(
        contracts.InspectContract,
        f"{_YEAR}/contracts/{{contract_id}}/inspections",
        "Record an inspection (검사·검수)",
    ),
    CommandRoute(
        contracts.CompleteContract,
        f"{_YEAR}/contracts/{{contract_id}}/completion",
        "Complete a contract (계약 완료)",
    ),
    CommandRoute(
        contracts.TerminateContract,
        f"{_YEAR}/contracts/{{contract_id}}/termination",
        "Terminate a contract (계약 해지)",
    ),
    CommandRoute(
        payments.DraftVoucher,
        f"{_YEAR}/vouchers",
        "Draft a voucher (지출결의)",
    ),
    CommandRoute(
        payments.ApproveVoucher,
        f"{_YEAR}/vouchers/{{voucher_id}}/approval",
        "Approve a voucher",
    ),
    CommandRoute(
        payments.RejectVoucher,
        f"{_YEAR}/vouchers/{{voucher_id}}/rejection",
        "Reject a voucher",
    ),
    CommandRoute(
        payments.IssuePaymentOrder,
        f"{_YEAR}/vouchers/{{voucher_id}}/payment-orders",
        "Issue a payment order (지급명령)",
        creates=Voucher.order_id_for,
    ),
    CommandRoute(
        payments.Pay,
        f"{_YEAR}/vouchers/{{voucher_id}}/payments",
        "Pay (지급)",
        creates=Voucher.payment_id_for,
    ),
    CommandRoute(
        payments.ReturnPayment,
        f"{_YEAR}/vouchers/{{voucher_id}}/returns",
        "Return a payment (반납)",
    ),
    CommandRoute(
        revenue.OpenRevenueLine,
        f"{_YEAR}/revenue-lines",
        "Open a revenue line (세입예산)",
    ),
    CommandRoute(
        revenue.AssessRevenue,
        f"{_YEAR}/revenue-lines/{{line_id}}/assessments",
        "Assess revenue (조정)",
    ),
    CommandRoute(
        revenue.ReduceAssessment,
        f"{_YEAR}/assessments/{{assessment_id}}/reductions",
        "Reduce an assessment (감액)",
    ),
    CommandRoute(
        revenue.BillRevenue,
        f"{_YEAR}/assessments/{{assessment_id}}/bills",
        "Bill (징수결정·고지)",
    ),
    CommandRoute(
        revenue.CollectRevenue,
        f"{_YEAR}/assessments/{{assessment_id}}/collections",
        "Collect (수납)",
    ),
    CommandRoute(
        revenue.RefundOverpayment,
        f"{_YEAR}/assessments/{{assessment_id}}/refunds",
        "Refund an overpayment (과오납 환급)",
    ),
    CommandRoute(
        journal.RecordJournalEntry,
        f"{_YEAR}/journal-entries",
        "Record a journal entry (분개)",
    ),
    # Personnel (인사): dated by their effective date (시행일), not by a fiscal year.
    CommandRoute(personnel.CreateDepartment, f"{_HR}/departments", "Create a department (부서 신설)"),
    CommandRoute(
        personnel.RenameDepartment, f"{_HR}/department-renames", "Rename a department (부서 명칭 변경)"
    ),
    CommandRoute(
        personnel.MergeDepartment, f"{_HR}/department-mergers", "Merge a department into another (부서 통합)"
    ),
    CommandRoute(
        personnel.AbolishDepartment, f"{_HR}/department-abolitions", "Abolish a department (부서 폐지)"
    ),
    CommandRoute(personnel.DefineGrade, f"{_HR}/grades", "Define a grade and its steps (직급·호봉)"),
    CommandRoute(personnel.RetireGrade, f"{_HR}/grade-retirements", "Retire a grade (직급 폐지)"),
    CommandRoute(personnel.DefinePosition, f"{_HR}/positions", "Define a position (직위)"),
    CommandRoute(
        personnel.SetAuthorisedHeadcount,
        f"{_HR}/authorised-headcounts",
        "Set a department's 정원 (정원 책정)",
    ),
    CommandRoute(personnel.SetPersonnelRules, f"{_HR}/rules", "Set the personnel rules (인사 규정)"),
    CommandRoute(personnel.HireEmployee, f"{_HR}/employees", "Draft a hire (채용 기안)"),
    CommandRoute(
        personnel.DraftPersonnelAction,
        f"{_HR}/employees/{{employee_id}}/actions",
        "Draft a personnel action or a correction (발령 기안·정정)",
    ),
    CommandRoute(
        personnel.DraftStepIncreases,
        f"{_HR}/step-increases",
        "Draft the yearly step increases (정기승급 기안)",
    ),
    CommandRoute(
        personnel.ApprovePersonnelActions, f"{_HR}/approvals", "Approve drafted actions (발령 결재)"
    ),
    CommandRoute(
        personnel.RejectPersonnelAction,
        f"{_HR}/employees/{{employee_id}}/rejections",
        "Reject a drafted action (발령 반려)",
    ),
    CommandRoute(
        personnel.ChangePersonalData,
        f"{_HR}/employees/{{employee_id}}/personal-data",
        "Change personal data (개인정보 변경)",
    ),
    CommandRoute(
        personnel.LinkEmployeeAccount,
        f"{_HR}/employees/{{employee_id}}/account",
        "Link the employee's user (본인 계정 연결)",
    ),
    CommandRoute(
        personnel.ErasePersonalData,
        f"{_HR}/employees/{{employee_id}}/erasure",
        "Erase personal data after retention (개인정보 파기)",
    ),
    CommandRoute(
        personnel.IssueCertificate,
        f"{_HR}/employees/{{employee_id}}/certificates",
        "Issue a certificate (증명서 발급)",
    ),
    CommandRoute(
        attendance.RecordAttendance,
        f"{_HR}/employees/{{employee_id}}/attendance",
        "Record a day of attendance (근태 등록)",
    ),
    CommandRoute(
        attendance.RecordAttendanceDays,
        f"{_HR}/employees/{{employee_id}}/attendance/batches",
        "Record many days of one employee at once (근태 일괄 등록)",
    ),
    CommandRoute(
        attendance.CorrectAttendance,
        f"{_HR}/employees/{{employee_id}}/attendance/corrections",
        "Correct a recorded day (근태 정정)",
    ),
    CommandRoute(
        attendance.WithdrawAttendance,
        f"{_HR}/employees/{{employee_id}}/attendance/withdrawals",
        "Withdraw a recorded day (근태 취소)",
    ),
)


_LINE = "the budget line of the path (`line_id`)"
_REQUISITION = "the requisition of the path"
_OBLIGATION = "the obligation of the path"
_VENDOR = "the vendor of the path"
_CONTRACT = "the contract of the path"
_VOUCHER = "the voucher of the path"
_ASSESSMENT = "the assessment of the path"
_EMPLOYEE = "the employee of the path"
_CREATES_UNDER = (
    "; the answer's `ETag` and `parent_version` are that {parent}'s version after the command, while "
    "`aggregate_id` and `version` are the new {child}'s (the If-Match of a command on it)"
)

#: Which resource ``If-Match`` names, per command that takes it: the aggregate whose version is
#: checked. The answer's ``ETag`` is that same resource's version after the command, so an ETag
#: sent back as If-Match to the next command on that resource is what it expects.
IF_MATCH: dict[type[Command], str] = {
    budget.CloseFiscalYear: "the fiscal year of the path",
    budget.AmendBudget: _LINE,
    budget.TransferBudget: "the line the money leaves (`from_line_id`); the answer is about that line",
    budget.GrantContingency: "the line that receives the grant (`to_line_id`); the answer is about that line",
    budget.Allocate: _LINE,
    budget.PullAllocationForward: _LINE,
    budget.CarryOver: "the budget line of the path (`line_id`), the one carried from",
    spending.ApproveRequisition: _REQUISITION,
    spending.RejectRequisition: _REQUISITION,
    spending.Obligate: "the budget line obligated (`line_id`)"
    + _CREATES_UNDER.format(parent="line", child="obligation"),
    spending.AmendObligation: _OBLIGATION,
    spending.CancelObligation: _OBLIGATION,
    vendors.ChangeVendorAddress: _VENDOR,
    vendors.DebarVendor: _VENDOR + " (the debarment is `created_id`)",
    vendors.LiftDebarment: _VENDOR,
    contracts.SignContract: "the obligation signed against (`obligation_id`)"
    + _CREATES_UNDER.format(parent="obligation", child="contract"),
    contracts.AmendContract: _CONTRACT,
    contracts.InspectContract: _CONTRACT,
    contracts.CompleteContract: _CONTRACT,
    contracts.TerminateContract: _CONTRACT,
    payments.ApproveVoucher: _VOUCHER,
    payments.RejectVoucher: _VOUCHER,
    payments.IssuePaymentOrder: _VOUCHER + " (the payment order is `created_id`)",
    payments.Pay: _VOUCHER + " (the payment is `created_id`)",
    payments.ReturnPayment: _VOUCHER,
    revenue.AssessRevenue: "the revenue line of the path (`line_id`)"
    + _CREATES_UNDER.format(parent="revenue line", child="assessment"),
    revenue.ReduceAssessment: _ASSESSMENT,
    revenue.BillRevenue: _ASSESSMENT,
    revenue.CollectRevenue: _ASSESSMENT,
    revenue.RefundOverpayment: _ASSESSMENT,
    **dict.fromkeys(
        (
            personnel.CreateDepartment,
            personnel.RenameDepartment,
            personnel.MergeDepartment,
            personnel.AbolishDepartment,
            personnel.DefineGrade,
            personnel.RetireGrade,
            personnel.DefinePosition,
            personnel.SetAuthorisedHeadcount,
            personnel.SetPersonnelRules,
        ),
        "the organisation's chart (version 0 before its first change)",
    ),
    personnel.DraftPersonnelAction: _EMPLOYEE,
    personnel.RejectPersonnelAction: _EMPLOYEE,
    personnel.ChangePersonalData: _EMPLOYEE,
    personnel.LinkEmployeeAccount: _EMPLOYEE,
    personnel.ErasePersonalData: _EMPLOYEE,
    personnel.IssueCertificate: _EMPLOYEE + _CREATES_UNDER.format(parent="employee", child="certificate"),
    attendance.CorrectAttendance: "the employee's attendance record (its version, not the employee's)",
    attendance.WithdrawAttendance: "the employee's attendance record (its version, not the employee's)",
}

#: Commands without If-Match that do not (only) create an aggregate: what their answer is about.
NO_IF_MATCH: dict[type[Command], str] = {
    budget.RecordPopulation: "Records the year's figure on the organisation of the path (a later one "
    "replaces it); the answer's `aggregate_id`, `version` and `ETag` are the organisation's.",
    personnel.DraftStepIncreases: "Changes each employee due an increase; the answer's `aggregate_id`, "
    "`version` and `ETag` are the last one changed.",
    personnel.ApprovePersonnelActions: "Changes each employee of the items; the answer's `aggregate_id`, "
    "`version` and `ETag` are the last one changed.",
    attendance.RecordAttendance: "Adds the day to the employee's attendance record (made on its first "
    "day); the answer's `aggregate_id`, `version` and `ETag` are that record's.",
    attendance.RecordAttendanceDays: "Adds the days to the employee's attendance record (made on its "
    "first day); the answer's `aggregate_id`, `version` and `ETag` are that record's.",
}


def versions_described(command: type[Command]) -> str:
    """What a command's description says of ``If-Match`` and the answer's ``ETag``."""
    if command in NO_IF_MATCH:
        return f"\n\nNo If-Match (400 `if-match-not-supported`). {NO_IF_MATCH[command]}"
    if command in IF_MATCH:
        return (
            f"\n\n**If-Match** names {IF_MATCH[command]}: refused with 412 unless it is still at that "
            "version. The answer's `ETag` is the version the next If-Match on that resource expects."
        )
    return (
        "\n\nCreates an aggregate: no If-Match (400 `if-match-not-supported`). The answer's `ETag` is "
        "the new aggregate's version (`version`), the If-Match of the next command on it."
    )


class CommandAccepted(BaseModel):
    """What a command created or changed."""

    aggregate_id: UUID = Field(description="The aggregate the command created or changed")
    version: int = Field(
        description="Its version after the command: the If-Match of the next command on aggregate_id"
    )
    position: int = Field(description="Position of the command's last event in the log; pass as min_position")
    created_id: UUID | None = Field(
        default=None,
        description="The part the command created inside the aggregate: the payment order of "
        "IssuePaymentOrder, the payment of Pay, the debarment of DebarVendor",
    )
    parent_id: UUID | None = Field(
        default=None,
        description="For a command that creates an aggregate under another whose version If-Match "
        "names (Obligate: the budget line; SignContract: the obligation; AssessRevenue: the revenue "
        "line): that aggregate. Null for every other command",
    )
    parent_version: int | None = Field(
        default=None,
        description="parent_id's version after the command: the answer's ETag, and the If-Match of "
        "the next command on parent_id",
    )


class _RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def path_parameters(path: str) -> list[str]:
    return re.findall(r"{(\w+)}", path)


def _strict_dates(annotation: Any) -> Any:
    """A date field of a body read as the path and query read dates (``YYYY-MM-DD``, api.params):
    pydantic alone takes ``0`` or ``"0"`` for 1970-01-01."""
    if annotation is date:
        return Annotated[date, params.DATE]
    if annotation == date | None:
        return Annotated[date | None, params.DATE_OR_NONE]
    return annotation


@functools.cache
def request_model(route: CommandRoute) -> type[BaseModel]:
    """The command's fields less those the path, headers and key supply (one class per route:
    the route and the fast path validate with the same)."""
    derived: frozenset[str] = getattr(route.command, "derived_fields", frozenset())
    skipped = _FROM_REQUEST | derived | set(path_parameters(route.path))
    fields: dict[str, Any] = {
        name: (_strict_dates(field.annotation), field)
        for name, field in route.command.model_fields.items()
        if name not in skipped
    }
    model: type[BaseModel] = create_model(
        f"{route.command.__name__}Request",
        __base__=_RequestBody,
        __doc__=route.command.__doc__,
        **fields,
    )
    model.model_config["json_schema_extra"] = {"examples": [example_body(model)]}
    model.model_rebuild(force=True)
    return model


def command_id(principal: Principal, idempotency_key: str | None) -> UUID:
    """A key names one command per user; without a key every request is a new command."""
    if idempotency_key is None:
        return uuid4()
    if _IDEMPOTENCY_KEY.match(idempotency_key) is None:
        raise ApiProblem(
            400,
            "invalid-idempotency-key",
            "Invalid Idempotency-Key",
            "The key must be printable ASCII and not blank.",
        )
    return uuid5(_IDEMPOTENCY_NAMESPACE, f"{principal.username}\0{idempotency_key}")


def expected_version(route: CommandRoute, if_match: str | None) -> int | None:
    if if_match is None or if_match.strip() == "*":
        return None
    if not issubclass(route.command, Versioned):
        raise ApiProblem(
            400,
            "if-match-not-supported",
            "If-Match is not supported here",
            f"{route.command.__name__} creates an aggregate or changes several; it has no version to match.",
        )
    match = _ENTITY_TAG.match(if_match.strip())
    if match is None:
        raise ApiProblem(
            400, "invalid-if-match", "Invalid If-Match", 'If-Match must be an aggregate version, e.g. "3".'
        )
    return int(match.group(1))


def authoriser(route: CommandRoute) -> Callable[[Request, Principal], Awaitable[None]]:
    """A dependency that refuses a principal without a role for the command in the path's org.

    It runs before the body is validated, so who may not issue a command learns nothing about
    its body (a 403, never a 422).
    """

    # async: it only looks at the request, and a plain def would cost a hand-over to a thread.
    async def authorise(request: Request, principal: CurrentPrincipal) -> None:
        org = str(request.path_params.get("org", ""))
        if not principal.may(org, COMMAND_ROLES[route.command]):
            allowed = ", ".join(sorted(COMMAND_ROLES[route.command]))
            raise ApiProblem(
                403,
                "forbidden",
                "Not allowed",
                f"{route.command.__name__} for organisation {org} needs one of the roles: {allowed}.",
            )

    return authorise


def checked_before_the_body(route: CommandRoute) -> type[APIRoute]:
    """The route class of a command: the key and the role are checked before the body is read.

    FastAPI reads and parses a request's JSON body before it solves the route's dependencies, so
    a body that was not JSON was refused (422) before the key (401) or the role (403) was looked
    at: who may not issue a command made the server read its body and learnt what was wrong with
    it. The role check stays a dependency too (it documents the route); it runs first here.
    """
    authorise = authoriser(route)

    class CheckedBeforeTheBody(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def checked(request: Request) -> Response:
                await authorise(request, await principal_of(request))
                return await handler(request)

            return checked

    return CheckedBeforeTheBody


def command_of(
    route: CommandRoute,
    body: BaseModel,
    parameters: dict[str, Any],
    principal: Principal,
    idempotency_key: str | None,
    if_match: str | None,
) -> tuple[Command, UUID]:
    """The command a request asks for, and its id; ``ValidationError`` if its values do not make
    one, ``ApiProblem`` for a bad Idempotency-Key or If-Match."""
    the_command_id = command_id(principal, idempotency_key)
    values: dict[str, Any] = {
        **dict(body),
        **parameters,
        "command_id": the_command_id,
        "actor": principal.username,
    }
    version = expected_version(route, if_match)
    if version is not None:
        values["expected_version"] = version
    if "fiscal_year" not in values and "accounting_date" in values:
        # Registering an organisation is not an act of a fiscal year: it is recorded in the
        # year of its accounting date. (A personnel command dates itself by its effective date.)
        values["fiscal_year"] = values["accounting_date"].year
    return route.command.model_validate(values), the_command_id


def accepted(
    route: CommandRoute, the_command_id: UUID, result: CommandResult
) -> tuple[bytes, dict[str, str]]:
    """The 201 answer's body and headers. The ``ETag`` is the version of the aggregate whose version
    ``If-Match`` names: the parent's, for a command that creates an aggregate under it."""
    etag = result.parent_version if result.parent_version is not None else result.version
    headers = {"ETag": f'"{etag}"'}
    if result.replayed:
        headers["Idempotent-Replayed"] = "true"
    created = route.creates(the_command_id) if route.creates else None
    # The answer is written here rather than through ``response_model`` (which documents it):
    # validating and serialising a model we just built cost more than the rest of the reply.
    answer = {
        "aggregate_id": str(result.aggregate_id),
        "version": result.version,
        "position": result.position,
        "created_id": str(created) if created else None,
        "parent_id": str(result.parent_id) if result.parent_id is not None else None,
        "parent_version": result.parent_version,
    }
    return orjson.dumps(answer), headers


def _endpoint(route: CommandRoute, body_model: type[BaseModel]) -> Callable[..., Response]:
    names = path_parameters(route.path)

    def endpoint(
        services: Services,
        principal: CurrentPrincipal,
        idempotency_key: IdempotencyKey,
        if_match: IfMatch,
        **parameters: Any,
    ) -> Response:
        body: BaseModel = parameters.pop("body")
        try:
            command, the_command_id = command_of(
                route, body, parameters, principal, idempotency_key, if_match
            )
        except ValidationError as invalid:
            raise RequestValidationError(invalid.errors()) from None
        result: CommandResult = services.ledger.handle(command)
        services.after_command()
        content, headers = accepted(route, the_command_id, result)
        return Response(content, status_code=201, headers=headers, media_type="application/json")

    parameters = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        for name, annotation, default in (
            ("services", Services, inspect.Parameter.empty),
            ("principal", CurrentPrincipal, inspect.Parameter.empty),
            ("idempotency_key", IdempotencyKey, None),
            ("if_match", IfMatch, None),
        )
    ]
    for name in names:
        # The path's values are read by api.params, as the fast path reads them.
        annotation: Any = {"org": OrgPath, "fiscal_year": YearPath}.get(name, IdPath)
        parameters.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation))
    parameters.append(
        inspect.Parameter("body", inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[body_model, Body()])
    )
    endpoint.__signature__ = inspect.Signature(parameters, return_annotation=Response)  # type: ignore[attr-defined]
    endpoint.__name__ = re.sub(r"(?<!^)(?=[A-Z])", "_", route.command.__name__).lower()
    return endpoint


def build_router() -> APIRouter:
    router = APIRouter(prefix=PREFIX)
    for route in ROUTES:
        body_model = request_model(route)
        router.add_api_route(
            route.path,
            _endpoint(route, body_model),
            methods=["POST"],
            status_code=201,
            response_model=CommandAccepted,
            summary=route.summary,
            description=(route.command.__doc__ or "")
            + versions_described(route.command)
            + f"\n\nAllowed roles: {', '.join(sorted(COMMAND_ROLES[route.command]))}.",
            tags=[f"commands: {route.tag}"],
            responses=problem_responses(
                400, 401, 403, 404, 409, 412, 413, 422, 429, 503, say=COMMAND_STATUSES
            ),
            operation_id=route.command.__name__,
            dependencies=[Depends(authoriser(route))],
            route_class_override=checked_before_the_body(route),
        )
    return router
