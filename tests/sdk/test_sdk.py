"""An integrator's day, through the generated SDK only (clients/python, ``cleanledger_client``).

The demo data set (cleanledger.synthetic, small) is loaded into the store; then, every call through
the SDK over the app itself (starlette's TestClient is the SDK's httpx client): the spending
lifecycle to a return, a revenue cycle, a transfer, reports as of a past date and as known at a
past moment, downloads, a budget line's audit history, a checkpoint and an inclusion proof, and
the refusals a client must handle (401, 403, 404, 409, 412, 422, 429 with its headers), and the
personnel (인사) and attendance (근태) of an institution the journey registers: its chart, hires
drafted and approved by two people, a correction, personal data masked and read unmasked, its
certificates, self-service and the public headcount. Each is checked by what a user would notice:
amounts, rows, codes, masked values, files.

Every request is recorded by its operationId (an httpx event hook maps method and path to the
document's operation), and the operations never called must each be in ``UNCALLED`` with a reason:
an area that adds operations adds them to the journey or to that table.

Steps the current document makes impossible through the SDK are in ``WAITING`` with the branch
they wait for; the journey checks that list both ways, so once the document changes (and the SDK
is regenerated) a step that has become possible fails until its entry is removed.
"""

from __future__ import annotations

import base64
import csv
import importlib
import io
import json
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import cleanledger_client
import openpyxl
import pytest
from cleanledger_client import AuthenticatedClient, Client
from cleanledger_client import api as sdk_operations
from cleanledger_client.api.audit import audit_budget_line_history
from cleanledger_client.api.commands_attendance import (
    correct_attendance,
    record_attendance,
    record_attendance_days,
    withdraw_attendance,
)
from cleanledger_client.api.commands_budget import (
    allocate,
    appropriate,
    open_fiscal_year,
    record_population,
    register_organisation,
    transfer_budget,
)
from cleanledger_client.api.commands_payments import (
    approve_voucher,
    draft_voucher,
    issue_payment_order,
    pay,
    return_payment,
)
from cleanledger_client.api.commands_payroll import (
    approve_payroll_run,
    calculate_payroll_run,
    configure_payroll,
    declare_year_end_deductions,
    load_payroll_table,
    open_payroll_run,
    pay_payroll_run,
    post_payroll_run,
    reject_payroll_run,
    remit_payroll_withholdings,
    set_payroll_profile,
)
from cleanledger_client.api.commands_personnel import (
    abolish_department,
    approve_personnel_actions,
    change_personal_data,
    create_department,
    define_grade,
    define_position,
    draft_personnel_action,
    draft_step_increases,
    erase_personal_data,
    hire_employee,
    issue_certificate,
    link_employee_account,
    merge_department,
    reject_personnel_action,
    rename_department,
    retire_grade,
    set_authorised_headcount,
    set_personnel_rules,
)
from cleanledger_client.api.commands_revenue import (
    assess_revenue,
    bill_revenue,
    collect_revenue,
    open_revenue_line,
)
from cleanledger_client.api.commands_spending import approve_requisition, draft_requisition, obligate
from cleanledger_client.api.commands_vendors import register_vendor
from cleanledger_client.api.payroll import (
    payroll_employee_payslip,
    payroll_employee_payslips,
    payroll_my_payslip,
    payroll_my_payslip_html,
    payroll_my_payslip_pdf,
    payroll_my_payslips,
    payroll_register,
    payroll_register_csv,
    payroll_run,
    payroll_runs,
    payroll_tables,
    payroll_withholdings,
)
from cleanledger_client.api.personnel import (
    personnel_access_log,
    personnel_actions,
    personnel_certificate,
    personnel_certificate_pdf,
    personnel_chart,
    personnel_employee,
    personnel_employee_actions,
    personnel_employee_diff,
    personnel_employees,
    personnel_employees_csv,
    personnel_employees_xlsx,
    personnel_headcount,
    personnel_me,
    personnel_me_certificate_pdf,
    personnel_me_issue_certificate,
    personnel_read_personal_data,
    personnel_vacancies,
)
from cleanledger_client.api.personnel_attendance import (
    attendance_days,
    attendance_leave,
    attendance_month_summary,
    attendance_month_summary_csv,
    attendance_month_summary_xlsx,
    attendance_my_leave,
)
from cleanledger_client.api.public import public_expenditures, public_programs, public_revenue
from cleanledger_client.api.public_payroll import public_personnel_cost, public_personnel_cost_csv
from cleanledger_client.api.public_personnel import public_certificate_check, public_personnel_headcount
from cleanledger_client.api.public_reports import report_trial_balance
from cleanledger_client.api.public_tamper_evidence import (
    public_checkpoint_key,
    public_checkpoint_latest,
    public_log_checkpoint,
    public_log_inclusion,
)
from cleanledger_client.api.status import status
from cleanledger_client.api.tamper_evidence import publish_log_head
from cleanledger_client.models import (
    AbolishDepartmentRequest,
    ActionOut,
    ActionStatus,
    AllocateRequest,
    AppropriateRequest,
    ApprovalItem,
    ApprovePayrollRunRequest,
    ApprovePersonnelActionsRequest,
    ApproveRequisitionRequest,
    ApproveVoucherRequest,
    AssessRevenueRequest,
    AttendanceItem,
    AttendanceKind,
    BillRevenueRequest,
    CalculatePayrollRunRequest,
    CertificateIssueRequest,
    CertificateKind,
    CertificateOut,
    ChangePersonalDataRequest,
    CollectRevenueRequest,
    CommandAccepted,
    ConfigurePayrollRequest,
    ConfigurePayrollRequestLines,
    CorrectAttendanceRequest,
    CreateDepartmentRequest,
    DeclareYearEndDeductionsRequest,
    DefineGradeRequest,
    DefinePositionRequest,
    DraftPersonnelActionRequest,
    DraftRequisitionRequest,
    DraftStepIncreasesRequest,
    DraftVoucherRequest,
    EmployeeRecordOut,
    ErasePersonalDataRequest,
    HeadcountBy,
    HeadcountPolicy,
    HireEmployeeRequest,
    IssueCertificateRequest,
    IssuePaymentOrderRequest,
    LinkEmployeeAccountRequest,
    LoadPayrollTableRequest,
    MergeDepartmentRequest,
    ObligateRequest,
    OpenFiscalYearRequest,
    OpenPayrollRunRequest,
    OpenRevenueLineRequest,
    OrganisationKind,
    PayPayrollRunRequest,
    PayRequest,
    PersonalData,
    PersonalDataReadOut,
    PostPayrollRunRequest,
    Problem,
    ProblemNumbers,
    ReadRequest,
    RecordAttendanceDaysRequest,
    RecordAttendanceRequest,
    RecordPopulationRequest,
    RegisterOrganisationRequest,
    RegisterVendorRequest,
    RejectPayrollRunRequest,
    RejectPersonnelActionRequest,
    RemitPayrollWithholdingsRequest,
    RenameDepartmentRequest,
    RetireGradeRequest,
    ReturnPaymentRequest,
    SetAuthorisedHeadcountRequest,
    SetPayrollProfileRequest,
    SetPersonnelRulesRequest,
    TableKind,
    TransferBudgetRequest,
    WithdrawAttendanceRequest,
)
from cleanledger_client.types import UNSET, File, Response
from fastapi.testclient import TestClient

from api.accounts import parse_grant
from cleanledger import synthetic
from cleanledger.keys import generate as generate_signing_key
from cleanledger.wiring import Service
from commands.persistence import StoreConfig
from domain.organisation import Organisation
from domain.payroll import tables as payroll_tables_shipped
from domain.reference.chart_of_accounts import CONSTRUCTION_IN_PROGRESS
from tests.api.conftest import settings_for
from tests.conftest import PostgresSchema
from tests.sdk.conftest import SDK

SEOUL = "6110000"  # 서울특별시 본청, registered by the demo with fiscal year 2026 open
SEONGDONG = "3030000"  # 성동구, another organisation of the demo
YEAR = synthetic.YEAR
HR_ORG = "6119901"  # 서울SDK연구원: not in the demo, so its chart and people are the journey's alone
HR_NAME = "서울SDK연구원"
RRN = "900101-1234567"
PHONE = "010-2345-6789"
ACCOUNT = "110-234-567890"
BASE_URL = "http://testserver"

#: Steps the document of today makes impossible through the SDK, with the branch that makes them
#: possible (h22-shapes: downloads as operations of their own, 404 for an unknown organisation;
#: h22-contract: the rate limit announced in headers). The journey fails when a listed step has
#: become possible, so the list cannot outlive its reason.
WAITING: dict[str, str] = {}  # every step is possible since h22-shapes and h22-contract merged

#: Every operation of the document the journey does not call, and why.
UNCALLED: dict[str, str] = {
    # Commands the journey needs no more of: each is a POST of a JSON body answered by the same
    # CommandAccepted as the commands it calls, so the SDK shows nothing new for it. Their rules are
    # the ledger's (tests/app); schemathesis (tests/api/test_openapi.py) calls every one over HTTP.
    "CloseFiscalYear": "closing the year would refuse every later command of the journey",
    "AmendBudget": "a budget line command like Allocate, which the journey calls",
    "GrantContingency": "a budget line command like TransferBudget, which the journey calls",
    "PullAllocationForward": "a budget line command like Allocate, which the journey calls",
    "CarryOver": "a year-end step on a budget line, like Allocate",
    "RejectRequisition": "the other answer to ApproveRequisition; the journey approves",
    "AmendObligation": "an obligation command like Obligate, which the journey calls",
    "CancelObligation": "an obligation command like Obligate, which the journey calls",
    "ChangeVendorAddress": "a vendor's upkeep, not on the spending path",
    "DebarVendor": "the demo debars two vendors",
    "LiftDebarment": "the demo lifts one debarment",
    "SignContract": "the journey pays without a contract; tests/api/test_end_to_end.py signs one",
    "AmendContract": "needs a contract; the demo amends some",
    "InspectContract": "needs a contract; tests/api/test_end_to_end.py inspects one",
    "CompleteContract": "needs a contract; the demo completes some",
    "TerminateContract": "needs a contract (tests/app/test_contracts.py)",
    "RejectVoucher": "the other answer to ApproveVoucher; the journey approves",
    "ReduceAssessment": "a correction of an assessment; the journey collects in full (the demo reduces one)",
    "RefundOverpayment": "needs an overpayment (the demo refunds one)",
    "RecordJournalEntry": "the demo's opening balances and depreciation are journal entries",
    # Reads of the same shapes as those the journey calls.
    "public_allocations": "a public list of the same page shape as public_programs",
    "public_requisitions": "a public list of the same page shape as public_programs",
    "public_contracts": "a public list of the same page shape as public_programs",
    "public_debarred_vendors": "a public list of the same page shape as public_programs",
    "public_contract": "needs a contract id; the journey signs no contract",
    "report_income_statement": "a report with as_of/known_at like the trial balance",
    "report_balance_sheet": "a report with as_of/known_at like the trial balance",
    "report_budget_vs_actual": "a report with as_of/known_at like the trial balance",
    "report_diff": "two known_at moments; the trial balance shows one against now",
    "audit_budget_line_state": "the history of the same line is read",
    "audit_vendor_history": "a history of the same shape as the budget line's",
    "public_checkpoints": "the latest checkpoint is read (the page shape waits for h22-shapes)",
    "public_log_heads": "the head is published and proven against (the page shape waits for h22-shapes)",
    "public_log_head_latest": "publish_log_head answers the same head",
    "public_log_head": "publish_log_head answers the same head",
    "public_log_consistency": "needs two heads; tests/integrity proves consistency",
    "public_log_keys": "the checkpoint key is read as PEM",
    "public_log_cosign": "a witness's call, not an integrator's",
    "operator_projections": "an operator's read, not an integrator's",
    # Downloads of the other lists and reports: the same operations as the programs CSV and XLSX and
    # the trial balance CSV the journey reads, for another table; tests/api/test_public.py and
    # tests/api/test_reports.py download each over HTTP.
    "public_allocations_csv": "a download like public_programs_csv, of another public list",
    "public_allocations_xlsx": "a download like public_programs_xlsx, of another public list",
    "public_contracts_csv": "a download like public_programs_csv, of another public list",
    "public_contracts_xlsx": "a download like public_programs_xlsx, of another public list",
    "public_debarred_vendors_csv": "a download like public_programs_csv, of another public list",
    "public_debarred_vendors_xlsx": "a download like public_programs_xlsx, of another public list",
    "public_expenditures_csv": "a download like public_programs_csv, of another public list",
    "public_expenditures_xlsx": "a download like public_programs_xlsx, of another public list",
    "public_requisitions_csv": "a download like public_programs_csv, of another public list",
    "public_requisitions_xlsx": "a download like public_programs_xlsx, of another public list",
    "public_revenue_csv": "a download like public_programs_csv, of another public list",
    "public_revenue_xlsx": "a download like public_programs_xlsx, of another public list",
    "report_balance_sheet_csv": "a statement as CSV, the same download as the public lists' CSV",
    "report_budget_vs_actual_csv": "a statement as CSV, the same download as the public lists' CSV",
    "report_income_statement_csv": "a statement as CSV, the same download as the public lists' CSV",
    "report_trial_balance_csv": "a statement as CSV, the same download as the public lists' CSV",
}


# --- the journey's plumbing: clients, calls by operation, small helpers --------------------------


def _operations() -> list[tuple[str, re.Pattern[str], str]]:
    """(method, path pattern, operationId) of the document the SDK was generated from; literal
    paths before templated ones (``/heads/latest`` before ``/heads/{size}``)."""
    document = json.loads((SDK / "openapi.json").read_text(encoding="utf-8"))
    found = [
        (
            method.upper(),
            re.compile("^" + re.sub(r"\{\w+\}", "[^/]+", path) + "$"),
            operation["operationId"],
            path.count("{"),
        )
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]
    return [(m, p, o) for m, p, o, _ in sorted(found, key=lambda entry: entry[3])]


OPERATIONS = _operations()


@dataclass
class Calls:
    """The operations the SDK called, by operationId."""

    made: set[str] = field(default_factory=set)

    def record(self, request: Any) -> None:
        for method, pattern, operation in OPERATIONS:
            if method == request.method and pattern.match(request.url.path):
                self.made.add(operation)
                return
        raise AssertionError(f"{request.method} {request.url.path} is no operation of the document")


class Office:
    """An SDK client per role of the city hall, a public one, and what they called."""

    def __init__(self, service: Service, calls: Calls) -> None:
        self.service = service
        self.calls = calls
        self._open: list[TestClient] = []
        self.public = self.anonymous("198.51.100.1")
        grants = {
            "budget": f"budget_officer@{SEOUL}",
            "clerk": f"clerk@{SEOUL}",
            "approver": f"approver@{SEOUL}",
            "accountant": f"accountant@{SEOUL}",
            "auditor": f"auditor@{SEOUL}",
            "seongdong": f"approver@{SEONGDONG}",
            "admin": "admin@*",
            "hr_clerk": f"hr_clerk@{HR_ORG}",
            "hr_manager": f"hr_manager@{HR_ORG}",
            "hr_auditor": f"hr_auditor@{HR_ORG}",
            "hr_both": f"hr_clerk@{HR_ORG} hr_manager@{HR_ORG}",  # may draft and approve, not both
            "employee": f"employee@{HR_ORG}",  # self-service, once linked to E001
            "hr_budget": f"budget_officer@{HR_ORG}",  # the institution's personnel budget lines
            "payroll_officer": f"payroll_officer@{HR_ORG}",
            "payroll_manager": f"payroll_manager@{HR_ORG}",
            "payroll_both": f"payroll_officer@{HR_ORG} payroll_manager@{HR_ORG}",  # not both on a run
        }
        self.keys = {who: self._key(f"sdk-{who}", grant) for who, grant in grants.items()}
        self.as_ = {who: self.authenticated(key) for who, key in self.keys.items()}
        #: The log's head when the journey starts: everything after it is the SDK's doing.
        self.first_position = service.ledger.recorder.max_notification_id() or 0
        self.position = self.first_position

    def _key(self, name: str, grants: str) -> str:
        """A new user ``name`` with ``grants`` (space-separated); its key."""
        accounts = self.service.services.accounts
        accounts.create_user(name, name, [parse_grant(grant) for grant in grants.split()])
        return accounts.issue_key(name).secret

    def _http(self, address: str) -> TestClient:
        """The SDK's httpx client: the app in-process, seen from ``address``."""
        http = TestClient(self.service.app, base_url=BASE_URL, client=(address, 50_000))
        http.event_hooks = {"request": [self.calls.record], "response": []}
        self._open.append(http)
        return http

    def authenticated(self, token: str, address: str = "198.51.100.2") -> AuthenticatedClient:
        client = AuthenticatedClient(base_url=BASE_URL, token=token)
        http = self._http(address)
        http.headers["Authorization"] = f"Bearer {token}"
        return client.set_httpx_client(http)  # type: ignore[arg-type]

    def anonymous(self, address: str) -> Client:
        return Client(base_url=BASE_URL).set_httpx_client(self._http(address))  # type: ignore[arg-type]

    def accepted(self, response: Response[Any]) -> CommandAccepted:
        """A command's 201; the log only grows."""
        assert response.status_code == 201, response.content
        assert isinstance(response.parsed, CommandAccepted)
        assert response.parsed.position > self.position
        self.position = response.parsed.position
        return response.parsed

    def close(self) -> None:
        for http in self._open:
            http.close()


def refused(response: Response[Any], status: int, code: str) -> Problem:
    """A refusal as a client handles it: the status, and the problem's stable code."""
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, Problem), response.content
    assert (response.parsed.status, response.parsed.type_) == (status, code), response.parsed
    return response.parsed


def ok(response: Response[Any]) -> Any:
    assert response.status_code == 200, response.content
    return response.parsed


def items(page: Any) -> list[Any]:
    """The rows of a list page (every list pages with ``items``/``next_cursor``)."""
    return list(page.items)


def etag(response: Response[Any]) -> str:
    """The version the next If-Match on the same resource expects."""
    return response.headers["ETag"]


def payload(parsed: Any) -> bytes:
    """A download's bytes: a ``File`` where the document declares ``format: binary``; the bytes
    themselves where it declares a plain string (the generator then types them ``str``)."""
    if isinstance(parsed, File):
        return parsed.payload.read()
    assert isinstance(parsed, bytes), type(parsed)
    return parsed


def download_operation(kind: str) -> Any | None:
    """The SDK's module that downloads the public programs list as ``kind`` (csv, xlsx), once the
    document has one: any operation whose name holds both ``programs`` and ``kind``."""
    for found in pkgutil.walk_packages(sdk_operations.__path__, prefix=f"{sdk_operations.__name__}."):
        leaf = found.name.rsplit(".", 1)[-1]
        if not found.ispkg and "programs" in leaf and kind in leaf:
            return importlib.import_module(found.name)
    return None


def download(office: Office, kind: str, waiting: list[str]) -> bytes | None:
    """A CSV or XLSX download of the public programs list, as bytes; None (and the step noted as
    waiting) while the document offers it only as ``format=`` on the JSON operation."""
    operation = download_operation(kind)
    if operation is None:
        waiting.append(f"{kind} download")
        return None
    response = operation.sync_detailed(client=office.public, org=SEOUL, year=YEAR)
    assert response.status_code == 200, response.content
    assert "attachment" in response.headers["Content-Disposition"]
    return payload(response.parsed)


# --- the service under the SDK ---------------------------------------------------------------


@pytest.fixture
def demo(store_config: StoreConfig, tmp_path: Path) -> Iterator[Service]:
    """The service over a store holding the demo data set: checkpoints signed every 500 events,
    and the public rate limit at its default (600 a minute per client address)."""
    generate_signing_key(tmp_path / "signing.pem")
    settings = settings_for(store_config).model_copy(
        update={
            "signing_key": str(tmp_path / "signing.pem"),
            "checkpoint_every": 500,
            "public_requests_per_minute": 600,
        }
    )
    service = Service(settings, run_projections=True)
    synthetic.generate(service.ledger, "small")
    try:
        with TestClient(service.app):  # the lifespan: projections and the chain run in-process
            yield service
    finally:
        service.services.read_engine.dispose()
        if store_config.is_postgres:
            PostgresSchema.drop_named(settings.read_schema)


def test_an_integrator_drives_the_demo_through_the_sdk(
    demo: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls()
    office = Office(demo, calls)
    waiting: list[str] = []
    try:
        line, second_line = _spending_to_a_return(office)
        _revenue_cycle(office)
        _population(office)
        _transfer(office, line, second_line)
        _reports(office, waiting)
        _downloads(office, waiting)
        _audit_history(office, line)
        _the_readme_obligates(office, line, monkeypatch)
        _personnel(office)
        _tamper_evidence(office, demo)
        _refusals(office, line, waiting)
    finally:
        office.close()
    assert sorted(waiting) == sorted(WAITING), (
        f"WAITING lists steps that are now possible, or misses some that are not: {sorted(waiting)}"
    )
    uncalled = {operation for _, _, operation in OPERATIONS} - calls.made
    unexplained = sorted(uncalled - set(UNCALLED))
    assert not unexplained, f"operations the SDK test never calls, with no reason in UNCALLED: {unexplained}"
    stale = sorted(set(UNCALLED) - uncalled)
    assert not stale, f"UNCALLED lists operations that are called, or no longer exist: {stale}"


def on(day: str) -> date:
    return date.fromisoformat(f"{YEAR}-{day}")


def _spending_to_a_return(office: Office) -> tuple[UUID, UUID]:
    """요구 → 지출원인행위 → 지출결의 → 지급명령 → 지급 → 반납, on a new line of the city hall."""
    line = office.accepted(
        appropriate.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["budget"],
            body=AppropriateRequest(
                accounting_date=on("03-02"),
                budget_code="100-080-085-1080-2085-3005-401-01",
                title="SDK 어르신 복지관 운영",
                amount=500_000_000,
            ),
        )
    ).aggregate_id
    second = office.accepted(
        appropriate.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["budget"],
            body=AppropriateRequest(
                accounting_date=on("03-02"),
                budget_code="100-080-085-1080-2085-3005-201-01",
                title="SDK 복지관 사무관리",
                amount=50_000_000,
            ),
        )
    ).aggregate_id
    office.accepted(
        allocate.sync_detailed(
            SEOUL,
            YEAR,
            line_id=line,
            client=office.as_["budget"],
            body=AllocateRequest(accounting_date=on("03-03"), quarter=1, amount=200_000_000),
        )
    )
    vendor = office.accepted(
        register_vendor.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["clerk"],
            body=RegisterVendorRequest.from_dict(
                {
                    "accounting_date": f"{YEAR}-03-04",
                    "kind": "business",
                    "registration_number": "214-81-00017",
                    "name": "(주)SDK건설",
                    "address": "서울특별시 성동구 왕십리로 1",
                }
            ),
        )
    ).aggregate_id
    requisition = office.accepted(
        draft_requisition.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["clerk"],
            body=DraftRequisitionRequest(
                accounting_date=on("03-05"), line_id=line, title="복지관 승강기 교체", amount=90_000_000
            ),
        )
    ).aggregate_id
    office.accepted(
        approve_requisition.sync_detailed(
            SEOUL,
            YEAR,
            requisition_id=requisition,
            client=office.as_["approver"],
            body=ApproveRequisitionRequest(accounting_date=on("03-06")),
        )
    )
    obligation = office.accepted(
        obligate.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["approver"],
            idempotency_key="sdk-obligation-1",
            body=ObligateRequest(
                accounting_date=on("03-09"),
                line_id=line,
                amount=88_000_000,
                description="복지관 승강기 교체 공사",
                requisition_id=requisition,
                vendor_id=vendor,
            ),
        )
    ).aggregate_id
    voucher = office.accepted(
        draft_voucher.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["clerk"],
            body=DraftVoucherRequest(
                accounting_date=on("03-20"),
                obligation_id=obligation,
                amount=88_000_000,
                description="승강기 교체 공사 준공금",
                payee_id=vendor,
            ),
        )
    ).aggregate_id
    office.accepted(
        approve_voucher.sync_detailed(
            SEOUL,
            YEAR,
            voucher_id=voucher,
            client=office.as_["approver"],
            body=ApproveVoucherRequest(accounting_date=on("03-23")),
        )
    )
    order = office.accepted(
        issue_payment_order.sync_detailed(
            SEOUL,
            YEAR,
            voucher_id=voucher,
            client=office.as_["accountant"],
            body=IssuePaymentOrderRequest(accounting_date=on("03-24"), amount=88_000_000),
        )
    ).created_id
    assert isinstance(order, UUID)
    payment = office.accepted(
        pay.sync_detailed(
            SEOUL,
            YEAR,
            voucher_id=voucher,
            client=office.as_["accountant"],
            body=PayRequest(accounting_date=on("03-25"), order_id=order, amount=88_000_000, withheld=0),
        )
    ).created_id
    assert isinstance(payment, UUID)
    office.accepted(
        return_payment.sync_detailed(
            SEOUL,
            YEAR,
            voucher_id=voucher,
            client=office.as_["accountant"],
            body=ReturnPaymentRequest(
                accounting_date=on("03-31"), payment_id=payment, amount=3_000_000, reason="과지급 반납"
            ),
        )
    )
    # What the public sees of the line: 88,000,000 obligated, 85,000,000 paid after the return.
    page = ok(
        public_programs.sync_detailed(
            client=office.public, org=SEOUL, year=YEAR, q="SDK 어르신", min_position=office.position
        )
    )
    rows = [row for row in items(page) if row.title == "SDK 어르신 복지관 운영"]
    assert [(r.current_budget, r.allocated, r.obligated, r.paid) for r in rows] == [
        (500_000_000, 200_000_000, 88_000_000, 85_000_000)
    ]
    spent = ok(
        public_expenditures.sync_detailed(
            client=office.public, org=SEOUL, year=YEAR, vendor="(주)SDK건설", totals=True
        )
    )
    assert spent.totals.amount - spent.totals.returned == 85_000_000
    return line, second


def _population(office: Office) -> None:
    """주민등록인구: the admin corrects the city's figure the demo recorded for the year (the answer is
    the organisation's), which only the admin may; a funded institution has none to record."""
    body = RecordPopulationRequest(
        accounting_date=on("03-31"),
        population=9_331_000,
        as_of=date(YEAR - 1, 12, 31),
        source="행정안전부 주민등록인구통계 (2025년 12월, 확정)",
    )
    recorded = office.accepted(record_population.sync_detailed(SEOUL, client=office.as_["admin"], body=body))
    assert recorded.aggregate_id == Organisation.id_for(SEOUL)
    assert recorded.version == 3  # registered, the demo's figure, and this one
    refused(record_population.sync_detailed(SEOUL, client=office.as_["budget"], body=body), 403, "forbidden")
    foundation = "6119001"  # 서울문화재단, a funded institution of the demo
    refused(
        record_population.sync_detailed(foundation, client=office.as_["admin"], body=body),
        422,
        "invalid-input",
    )


def _revenue_cycle(office: Office) -> None:
    """세입: a line, an assessment, its bill and its collection, seen in the public revenue."""
    revenue_line = office.accepted(
        open_revenue_line.sync_detailed(
            SEOUL,
            YEAR,
            client=office.as_["budget"],
            body=OpenRevenueLineRequest(
                accounting_date=on("04-01"),
                revenue_code="300-310-311-01",
                title="보통교부세",
                estimate=1_000_000,
            ),
        )
    ).aggregate_id
    assessment = office.accepted(
        assess_revenue.sync_detailed(
            SEOUL,
            YEAR,
            line_id=revenue_line,
            client=office.as_["accountant"],
            body=AssessRevenueRequest.from_dict(
                {
                    "accounting_date": f"{YEAR}-04-02",
                    "payer": "(주)SDK상사",
                    "payer_kind": "business",
                    "amount": 700_000,
                    "due_date": f"{YEAR}-04-30",
                }
            ),
        )
    ).aggregate_id
    office.accepted(
        bill_revenue.sync_detailed(
            SEOUL,
            YEAR,
            assessment_id=assessment,
            client=office.as_["accountant"],
            body=BillRevenueRequest(accounting_date=on("04-03"), amount=700_000),
        )
    )
    office.accepted(
        collect_revenue.sync_detailed(
            SEOUL,
            YEAR,
            assessment_id=assessment,
            client=office.as_["accountant"],
            body=CollectRevenueRequest(accounting_date=on("04-20"), amount=700_000),
        )
    )
    page = ok(
        public_revenue.sync_detailed(client=office.public, org=SEOUL, year=YEAR, min_position=office.position)
    )
    mine = [row.to_dict() for row in items(page) if row.to_dict().get("title") == "보통교부세"]
    assert mine, [row.to_dict() for row in items(page)][:3]
    assert {key: mine[0][key] for key in ("estimate", "assessed", "collected")} == {
        "estimate": 1_000_000,
        "assessed": 700_000,
        "collected": 700_000,
    }


def _transfer(office: Office, line: UUID, second: UUID) -> None:
    office.accepted(
        transfer_budget.sync_detailed(
            org=SEOUL,
            fiscal_year=YEAR,
            client=office.as_["budget"],
            body=TransferBudgetRequest.from_dict(
                {
                    "accounting_date": f"{YEAR}-05-01",
                    "from_line_id": str(line),
                    "to_line_id": str(second),
                    "amount": 10_000_000,
                    "kind": "diversion",
                    "reason": "사무관리비 부족",
                }
            ),
        )
    )
    page = ok(
        public_programs.sync_detailed(
            client=office.public, org=SEOUL, year=YEAR, q="SDK", min_position=office.position
        )
    )
    budgets = {row.title: row.current_budget for row in items(page)}
    assert budgets == {"SDK 어르신 복지관 운영": 490_000_000, "SDK 복지관 사무관리": 60_000_000}


def _reports(office: Office, waiting: list[str]) -> None:
    """The trial balance as of a past date, and as known at a past moment: the journey's payment
    (시설비, item 401, builds 건설중인자산) is in the first and not in the second."""

    def trial_balance(as_of: str, known_at: int | None = None) -> dict[str, int]:
        answer = ok(
            report_trial_balance.sync_detailed(
                SEOUL,
                client=office.public,
                as_of=on(as_of),
                known_at=str(known_at) if known_at is not None else UNSET,
                min_position=office.position,
            )
        )
        assert answer.total_debit == answer.total_credit > 0
        return {line.account: line.closing for line in answer.lines}

    now = trial_balance("12-31")
    february = trial_balance("02-28")  # before the journey's accounting dates (March on)
    before = trial_balance("12-31", known_at=office.first_position)  # before its commands
    assert now[CONSTRUCTION_IN_PROGRESS] - before.get(CONSTRUCTION_IN_PROGRESS, 0) == 85_000_000
    assert february.get(CONSTRUCTION_IN_PROGRESS, 0) <= before.get(CONSTRUCTION_IN_PROGRESS, 0)
    march = trial_balance("03-31")
    assert march[CONSTRUCTION_IN_PROGRESS] - february.get(CONSTRUCTION_IN_PROGRESS, 0) >= 85_000_000
    # An organisation nobody registered has no books.
    unknown = report_trial_balance.sync_detailed("9999999", client=office.public, as_of=on("12-31"))
    if unknown.status_code == 200:
        waiting.append("unknown organisation 404")
    else:
        assert unknown.status_code == 404 and isinstance(unknown.parsed, Problem), unknown.content


def _downloads(office: Office, waiting: list[str]) -> None:
    raw = download(office, "csv", waiting)
    if raw is not None:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert any("SDK 어르신 복지관 운영" in row for row in rows[1:])
    raw = download(office, "xlsx", waiting)
    if raw is not None:
        sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
        assert sheet is not None
        assert any("SDK 어르신 복지관 운영" in row for row in sheet.iter_rows(values_only=True))


def _audit_history(office: Office, line: UUID) -> None:
    history = ok(audit_budget_line_history.sync_detailed(SEOUL, line, client=office.as_["auditor"]))
    assert [(entry.event, entry.version) for entry in history.items] == [
        ("Opened", 1),
        ("Appropriated", 2),
        ("Allocated", 3),
        ("Obligated", 4),
        ("Paid", 5),
        ("PaymentReturned", 6),
        ("TransferredOut", 7),
    ]
    assert {entry.actor for entry in history.items} == {"sdk-budget", "sdk-approver", "sdk-accountant"}
    last = history.items[-1].balances
    assert (last.current_budget, last.obligated, last.paid, last.remaining) == (
        490_000_000,
        88_000_000,
        85_000_000,
        402_000_000,
    )


def _the_readme_obligates(office: Office, line: UUID, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lines clients/python/README.md gives an integrator run as they are, with a real key and
    line, and a client that reaches the app in-process instead of over the network."""
    readme = (SDK / "README.md").read_text(encoding="utf-8")
    found = re.search(r"## Obligate a budget line.*?```python\n(.*?)```", readme, re.DOTALL)
    assert found is not None, "clients/python/README.md shows no obligation"
    code = found.group(1).replace("clk_…", office.keys["approver"]).replace("LINE_ID", f'"{line}"')

    def in_process(base_url: str, token: str) -> AuthenticatedClient:
        assert base_url.startswith("http")
        return office.authenticated(token)

    monkeypatch.setattr(cleanledger_client, "AuthenticatedClient", in_process)
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    answer = namespace["answer"]
    assert isinstance(answer, CommandAccepted) and answer.position > office.position
    office.position = answer.position
    monkeypatch.undo()


def _tamper_evidence(office: Office, service: Service) -> None:
    """A signed checkpoint with its key, and the proof that the journey's last event is logged."""
    assert service.chain_projector is not None
    assert service.chain_projector.wait_for(office.position, 30)
    latest = ok(public_checkpoint_latest.sync_detailed(client=office.public))
    assert latest.signature and latest.position % 500 == 0
    key = ok(public_checkpoint_key.sync_detailed(client=office.public, key_id=latest.key_id))
    assert payload(key).startswith(b"-----BEGIN PUBLIC KEY-----")
    head = ok(publish_log_head.sync_detailed(client=office.as_["auditor"]))
    assert head.size >= office.position
    note = payload(ok(public_log_checkpoint.sync_detailed(client=office.public))).decode("utf-8")
    assert note.splitlines()[1:3] == [
        str(head.size),
        base64.b64encode(bytes.fromhex(head.root_hash)).decode(),
    ]
    proof = ok(public_log_inclusion.sync_detailed(client=office.public, position=office.position))
    assert (proof.position, proof.tree_size, proof.root_hash) == (office.position, head.size, head.root_hash)
    now = ok(status.sync_detailed(client=office.public))
    assert now.head >= office.position and not now.faulted


def _refusals(office: Office, line: UUID, waiting: list[str]) -> None:
    """What a client must handle, each with its status and stable code."""
    body = AllocateRequest(accounting_date=on("06-01"), quarter=2, amount=1_000)
    # 401: a key that is not one.
    stranger = office.authenticated("clk_not-a-key")
    refused(
        allocate.sync_detailed(SEOUL, YEAR, line_id=line, client=stranger, body=body), 401, "invalid-api-key"
    )
    # 403: a clerk may not allocate, nor may 성동구's approver in the city hall.
    refused(
        allocate.sync_detailed(SEOUL, YEAR, line_id=line, client=office.as_["clerk"], body=body),
        403,
        "forbidden",
    )
    refused(
        allocate.sync_detailed(SEOUL, YEAR, line_id=line, client=office.as_["seongdong"], body=body),
        403,
        "forbidden",
    )
    # 404: a line nobody appropriated.
    refused(
        audit_budget_line_history.sync_detailed(SEOUL, uuid4(), client=office.as_["auditor"]),
        404,
        "budget-line-not-found",
    )
    # 409: obligating more than is allocated (what is left is in the numbers).
    over = ObligateRequest(
        accounting_date=on("06-02"), line_id=line, amount=10**12, description="과다 원인행위"
    )
    problem = refused(
        obligate.sync_detailed(SEOUL, YEAR, client=office.as_["approver"], body=over),
        409,
        "insufficient-allocation",
    )
    assert isinstance(problem.numbers, ProblemNumbers)
    assert problem.numbers.to_dict() == {
        "requested": 10**12,
        "allocated": 200_000_000,  # Q1 and Q2 together by June
        "obligated": 93_000_000,  # the journey's 88,000,000 and the README's 5,000,000
        "available": 107_000_000,
        "quarter": 2,
    }
    # 412: a stale If-Match; the ETag of the accepted command is the one the next If-Match takes.
    first = allocate.sync_detailed(SEOUL, YEAR, line_id=line, client=office.as_["budget"], body=body)
    version = etag(first)
    office.accepted(first)
    second = allocate.sync_detailed(
        SEOUL, YEAR, line_id=line, client=office.as_["budget"], body=body, if_match=version
    )
    office.accepted(second)
    refused(
        allocate.sync_detailed(
            SEOUL, YEAR, line_id=line, client=office.as_["budget"], body=body, if_match=version
        ),
        412,
        "version-conflict",
    )
    # 422: an amount that is not one.
    negative = AllocateRequest(accounting_date=on("06-01"), quarter=2, amount=-5)
    refused(
        allocate.sync_detailed(SEOUL, YEAR, line_id=line, client=office.as_["budget"], body=negative),
        422,
        "invalid-amount",
    )
    # 429: the public rate limit, with when to come back (a client of its own address).
    limited = office.anonymous("198.51.100.9")
    answers: list[Response[Any]] = []
    while len(answers) < 400 and (not answers or answers[-1].status_code != 429):
        answers.append(status.sync_detailed(client=limited))
    refused(answers[-1], 429, "too-many-requests")
    # 600 a minute: a bucket of 100 (per_minute // 6), refilled at 10 a second.
    assert 100 < len(answers) < 400
    assert int(answers[-1].headers["Retry-After"]) >= 1
    if "RateLimit-Policy" not in answers[0].headers:
        waiting.append("rate limit headers")
    else:  # the IETF draft: the policy, and what is left of it
        assert "RateLimit" in answers[0].headers and "RateLimit" in answers[-1].headers


# --- personnel (인사) and attendance (근태) of an institution the journey registers ---------------


def day(text: str) -> date:
    return date.fromisoformat(text)


@dataclass
class Staff:
    """The institution's HR people as SDK clients, and the employees they hired, by number."""

    office: Office
    employees: dict[str, UUID] = field(default_factory=dict)
    #: The certificate the clerk issues of E001, which E001 then prints through self-service.
    certificate: UUID | None = None

    @property
    def clerk(self) -> AuthenticatedClient:
        return self.office.as_["hr_clerk"]

    @property
    def manager(self) -> AuthenticatedClient:
        return self.office.as_["hr_manager"]

    @property
    def auditor(self) -> AuthenticatedClient:
        return self.office.as_["hr_auditor"]

    def command(self, response: Response[Any]) -> CommandAccepted:
        return self.office.accepted(response)

    def drafted(self) -> list[ActionOut]:
        """The actions awaiting approval (결재 대기), as the manager sees them."""
        page = ok(
            personnel_actions.sync_detailed(
                HR_ORG,
                client=self.manager,
                status=ActionStatus.DRAFTED,
                limit=100,
                min_position=self.office.position,
            )
        )
        return items(page)

    def approve(self, effective: str, actions: list[ActionOut] | None = None) -> CommandAccepted:
        """결재 of ``actions`` (default: every drafted one) by the manager, in one order."""
        body = self.approval(effective, self.drafted() if actions is None else actions)
        return self.command(approve_personnel_actions.sync_detailed(HR_ORG, client=self.manager, body=body))

    @staticmethod
    def approval(effective: str, actions: list[ActionOut]) -> ApprovePersonnelActionsRequest:
        """One 발령 order approving ``actions`` (ActionOut has the ids as strings, the body UUIDs)."""
        assert actions
        return ApprovePersonnelActionsRequest(
            effective_date=day(effective),
            items=[ApprovalItem(employee_id=a.employee_id, action_id=a.action_id) for a in actions],
        )

    def hire_body(
        self, number: str, name: str, department: str = "RES", **changes: Any
    ) -> HireEmployeeRequest:
        return HireEmployeeRequest(
            employee_number=number,
            order_number="2024-0001",
            effective_date=day("2024-03-01"),
            department=department,
            grade="G5",
            step=3,
            personal=PersonalData(name=name, rrn=RRN, phone=PHONE, bank_account=ACCOUNT),
            **changes,
        )

    def draft(self, employee: str, **fields: Any) -> Response[Any]:
        body = DraftPersonnelActionRequest.from_dict(fields)
        return draft_personnel_action.sync_detailed(
            HR_ORG, self.employees[employee], client=self.clerk, body=body
        )

    def record(self, employee: str, **query: Any) -> EmployeeRecordOut:
        found = ok(
            personnel_employee.sync_detailed(HR_ORG, self.employees[employee], client=self.auditor, **query)
        )
        assert isinstance(found, EmployeeRecordOut)
        return found

    def attend(
        self, employee: str, client: AuthenticatedClient | None = None, **fields: Any
    ) -> Response[Any]:
        return record_attendance.sync_detailed(
            HR_ORG,
            self.employees[employee],
            client=client or self.clerk,
            body=RecordAttendanceRequest.from_dict(fields),
        )


def _personnel(office: Office) -> None:
    """An institution's HR through the SDK: the chart, hires drafted and approved by two people,
    a correction seen by as_of and not known_at, masked and unmasked personal data with the access
    log, certificates and their public check, self-service, attendance and the public headcount;
    then its payroll (급여)."""
    staff = Staff(office)
    _personnel_chart(staff)
    _personnel_hires(staff)
    _personnel_corrections(staff)
    _personnel_data(staff)
    _personnel_certificates(staff)
    _personnel_self_service(staff)
    _attendance(staff)
    _personnel_headcount(staff)
    _personnel_erasure(staff)
    _payroll(staff)


def _personnel_chart(staff: Staff) -> None:
    """조직: departments, grades, a position and 정원 from 2020, then a rename, a merge and an
    abolition; abolishing a department with sub-departments breaks the chart."""
    office, manager = staff.office, staff.manager
    staff.command(
        register_organisation.sync_detailed(
            HR_ORG,
            client=office.as_["admin"],
            body=RegisterOrganisationRequest(
                accounting_date=day("2020-01-01"), name=HR_NAME, kind=OrganisationKind.INSTITUTION
            ),
        )
    )
    first = day("2020-01-01")
    staff.command(
        set_personnel_rules.sync_detailed(
            HR_ORG,
            client=manager,
            body=SetPersonnelRulesRequest(
                effective_date=first, headcount_policy=HeadcountPolicy.REFUSE, retention_years=1
            ),
        )
    )
    for code, name, parent in (
        ("ADM", "경영기획실", UNSET),
        ("HR", "인사팀", "ADM"),
        ("RES", "연구1팀", "ADM"),
        ("LAB", "연구2팀", "ADM"),
        ("TF", "혁신TF", "ADM"),
    ):
        department = CreateDepartmentRequest(effective_date=first, code=code, name=name, parent=parent)
        staff.command(create_department.sync_detailed(HR_ORG, client=manager, body=department))
    for code, rank, band in (("G2", 4, "1–2급"), ("G3", 3, "3–5급"), ("G4", 2, "3–5급"), ("G5", 1, "3–5급")):
        grade = DefineGradeRequest(
            effective_date=first, code=code, name=f"{code[1]}급", rank=rank, band=band, max_step=30
        )
        staff.command(define_grade.sync_detailed(HR_ORG, client=manager, body=grade))
    staff.command(
        retire_grade.sync_detailed(
            HR_ORG, client=manager, body=RetireGradeRequest(effective_date=day("2020-06-01"), code="G2")
        )
    )
    staff.command(
        define_position.sync_detailed(
            HR_ORG, client=manager, body=DefinePositionRequest(effective_date=first, code="TL", title="팀장")
        )
    )
    for code, headcount in (("RES", 6), ("HR", 1)):
        authorised = SetAuthorisedHeadcountRequest(effective_date=first, department=code, headcount=headcount)
        staff.command(set_authorised_headcount.sync_detailed(HR_ORG, client=manager, body=authorised))
    staff.command(
        rename_department.sync_detailed(
            HR_ORG,
            client=manager,
            body=RenameDepartmentRequest(effective_date=day("2021-01-01"), code="LAB", name="융합연구팀"),
        )
    )
    reorganised = day("2022-01-01")
    staff.command(
        merge_department.sync_detailed(
            HR_ORG,
            client=manager,
            body=MergeDepartmentRequest(effective_date=reorganised, code="LAB", into="RES"),
        )
    )
    staff.command(
        abolish_department.sync_detailed(
            HR_ORG, client=manager, body=AbolishDepartmentRequest(effective_date=reorganised, code="TF")
        )
    )
    refused(
        abolish_department.sync_detailed(
            HR_ORG, client=manager, body=AbolishDepartmentRequest(effective_date=reorganised, code="ADM")
        ),
        409,
        "chart-rule-broken",
    )

    def chart(as_of: str) -> list[tuple[Any, ...]]:
        rows = ok(
            personnel_chart.sync_detailed(
                HR_ORG, client=staff.auditor, as_of=day(as_of), min_position=office.position
            )
        )
        return [(row.code, row.name, row.depth, row.authorised) for row in rows]

    assert chart("2021-06-01") == [
        ("ADM", "경영기획실", 0, None),
        ("HR", "인사팀", 1, 1),
        ("LAB", "융합연구팀", 1, None),
        ("RES", "연구1팀", 1, 6),
        ("TF", "혁신TF", 1, None),
    ]
    assert chart("2023-01-01") == [
        ("ADM", "경영기획실", 0, None),
        ("HR", "인사팀", 1, 1),
        ("RES", "연구1팀", 1, 6),
    ]


def _personnel_hires(staff: Staff) -> None:
    """채용: six hires drafted by the clerk and approved in one order by the manager; codes the
    chart lacks are refused, the drafter may not approve, and 정원 holds."""
    office, clerk, manager = staff.office, staff.clerk, staff.manager
    people = {
        "E001": ("김철수", "RES"),
        "E002": ("이영희", "RES"),
        "E003": ("박민수", "RES"),
        "E004": ("최지우", "RES"),
        "E005": ("정하늘", "RES"),
        "E006": ("한별", "HR"),
    }
    for number, (name, department) in people.items():
        leads = {"position": "TL"} if number == "E001" else {}
        hire = staff.hire_body(number, name, department, **leads)
        staff.employees[number] = staff.command(
            hire_employee.sync_detailed(HR_ORG, client=clerk, body=hire)
        ).aggregate_id
    refused(
        hire_employee.sync_detailed(HR_ORG, client=clerk, body=staff.hire_body("E098", "오류", "NOPE")),
        422,
        "unknown-department",
    )
    refused(
        hire_employee.sync_detailed(
            HR_ORG, client=clerk, body=staff.hire_body("E099", "오류", position="XX")
        ),
        422,
        "unknown-position",
    )
    drafted = staff.drafted()
    assert (
        sorted((a.kind, a.drafted_by, a.approved_by) for a in drafted) == [("hire", "sdk-hr_clerk", None)] * 6
    )
    # Drafted, not in effect: no record yet, one action pending.
    pending = staff.record("E001", as_of=day("2024-06-01"))
    assert (pending.record, pending.pending_actions) == (None, 1)
    # The clerk has no role to approve.
    approval = staff.approval("2024-03-01", drafted)
    refused(approve_personnel_actions.sync_detailed(HR_ORG, client=clerk, body=approval), 403, "forbidden")
    staff.approve("2024-03-01", drafted)
    hired = staff.record("E001", as_of=day("2024-06-01"))
    assert hired.record is not None and hired.pending_actions == 0
    assert (hired.record.status, hired.record.department, hired.record.grade, hired.record.step) == (
        "employed",
        "RES",
        "G5",
        3,
    )
    assert hired.record.position == "TL" and hired.record.hired_on == day("2024-03-01")
    assert staff.record("E001", as_of=day("2024-02-29")).record is None  # not hired yet that day

    # Someone holding both HR roles drafts a hire into 인사팀 (정원 1, held by E006) and may not
    # approve it; the manager may, but 정원 refuses it; the manager then rejects it (반려).
    both = office.as_["hr_both"]
    staff.employees["E007"] = staff.command(
        hire_employee.sync_detailed(HR_ORG, client=both, body=staff.hire_body("E007", "윤서연", "HR"))
    ).aggregate_id
    (surplus,) = staff.drafted()
    approval = staff.approval("2024-03-01", [surplus])
    refused(
        approve_personnel_actions.sync_detailed(HR_ORG, client=both, body=approval),
        409,
        "approver-drafted-it",
    )
    over = refused(
        approve_personnel_actions.sync_detailed(HR_ORG, client=manager, body=approval),
        409,
        "over-authorised-headcount",
    )
    assert isinstance(over.numbers, ProblemNumbers)
    assert {k: over.numbers.to_dict().get(k) for k in ("department", "authorised", "headcount")} == {
        "department": "HR",
        "authorised": 1,
        "headcount": 2,
    }, over.numbers.to_dict()
    staff.command(
        reject_personnel_action.sync_detailed(
            HR_ORG,
            staff.employees["E007"],
            client=manager,
            body=RejectPersonnelActionRequest(
                effective_date=day("2024-03-01"), action_id=surplus.action_id, reason="인사팀 정원 초과"
            ),
        )
    )
    history = ok(
        personnel_employee_actions.sync_detailed(
            HR_ORG, staff.employees["E007"], client=staff.auditor, min_position=office.position
        )
    )
    assert [(a.kind, a.status, a.rejection_reason) for a in items(history)] == [
        ("hire", "rejected", "인사팀 정원 초과")
    ]
    assert staff.drafted() == []


def _personnel_corrections(staff: Staff) -> None:
    """발령: refusals by the rules; a promotion and a transfer in one order; the transfer moved
    back by a correction, which changes the record as of June and not as known before it; the
    yearly step increase."""
    office = staff.office
    refused(
        staff.draft("E001", kind="return", order_number="2024-0002", effective_date="2024-05-01"),
        409,
        "action-not-allowed",
    )
    refused(  # G2 was retired in 2020
        staff.draft(
            "E001", kind="promotion", order_number="2024-0002", effective_date="2024-09-01", grade="G2"
        ),
        422,
        "unknown-grade",
    )
    staff.command(
        staff.draft(
            "E001", kind="promotion", order_number="2024-0100", effective_date="2024-09-01", grade="G4"
        )
    )
    staff.command(
        staff.draft(
            "E002", kind="transfer", order_number="2024-0100", effective_date="2024-07-01", department="ADM"
        )
    )
    known = staff.approve("2024-07-01").position
    promoted = staff.record("E001", as_of=day("2024-09-01")).record
    assert promoted is not None and (promoted.grade, promoted.step, promoted.last_promotion) == (
        "G4",
        1,
        day("2024-09-01"),
    )
    actions = items(
        ok(
            personnel_employee_actions.sync_detailed(
                HR_ORG, staff.employees["E002"], client=staff.auditor, min_position=office.position
            )
        )
    )
    transfer = next(a for a in actions if a.kind == "transfer")
    staff.command(
        staff.draft(
            "E002",
            kind="transfer",
            order_number="2024-0101",
            effective_date="2024-05-01",
            department="ADM",
            corrects=transfer.action_id,
        )
    )
    staff.approve("2024-05-01")
    june = day("2024-06-01")
    diff = ok(
        personnel_employee_diff.sync_detailed(
            HR_ORG, staff.employees["E002"], client=staff.auditor, as_of=june, known_at=str(known)
        )
    )
    assert [(c.field, c.before, c.after) for c in diff.changes] == [("department", "RES", "ADM")]
    then = staff.record("E002", as_of=june, known_at=str(known))
    assert then.known_at_position == known and then.record is not None and then.record.department == "RES"
    now = staff.record("E002", as_of=june)
    assert now.record is not None and now.record.department == "ADM"
    actions = items(
        ok(
            personnel_employee_actions.sync_detailed(
                HR_ORG, staff.employees["E002"], client=staff.auditor, min_position=office.position
            )
        )
    )
    assert [(a.kind, a.status, a.corrects) for a in actions] == [
        ("hire", "approved", None),
        ("transfer", "amended", None),
        ("transfer", "approved", transfer.action_id),
    ]
    # 정기승급 of two named employees, due on the date.
    staff.command(
        draft_step_increases.sync_detailed(
            HR_ORG,
            client=staff.clerk,
            body=DraftStepIncreasesRequest(
                effective_date=day("2025-03-01"),
                order_number="2025-0001",
                employee_ids=[staff.employees["E003"], staff.employees["E004"]],
            ),
        )
    )
    assert sorted(a.kind for a in staff.drafted()) == ["step_increase", "step_increase"]
    staff.approve("2025-03-01")
    raised = staff.record("E003", as_of=day("2025-03-01")).record
    assert raised is not None and (raised.step, raised.last_step_increase) == (4, day("2025-03-01"))


def _personnel_data(staff: Staff) -> None:
    """개인정보: changed, masked for every reader, unmasked only through a recorded read, which the
    access log then lists; the list and its downloads mask names."""
    office = staff.office
    staff.command(
        change_personal_data.sync_detailed(
            HR_ORG,
            staff.employees["E001"],
            client=staff.clerk,
            body=ChangePersonalDataRequest(
                effective_date=day("2024-04-01"),
                personal=PersonalData(name="김철수", rrn=RRN, phone="010-9876-5432", bank_account=ACCOUNT),
            ),
        )
    )
    masked = staff.record("E001").personal
    assert masked is not None
    assert (masked.name, masked.rrn, masked.phone) == ("김*수", "900101-1******", "010-****-5432")
    assert RRN not in str(masked.to_dict()) and ACCOUNT not in str(masked.to_dict())
    reason = ReadRequest(reason="급여 계좌 확인")
    refused(
        personnel_read_personal_data.sync_detailed(
            HR_ORG, staff.employees["E001"], client=staff.auditor, body=reason
        ),
        403,
        "forbidden",
    )
    read = personnel_read_personal_data.sync_detailed(
        HR_ORG, staff.employees["E001"], client=staff.manager, body=reason
    )
    assert read.status_code == 201, read.content
    assert isinstance(read.parsed, PersonalDataReadOut) and read.parsed.personal is not None
    assert (read.parsed.personal.rrn, read.parsed.personal.phone, read.parsed.personal.bank_account) == (
        RRN,
        "010-9876-5432",
        ACCOUNT,
    )
    assert read.parsed.position > office.position
    office.position = read.parsed.position
    log = ok(personnel_access_log.sync_detailed(HR_ORG, client=staff.auditor, min_position=office.position))
    assert [(e.employee_id, e.reader, e.reason) for e in items(log)] == [
        (staff.employees["E001"], "sdk-hr_manager", "급여 계좌 확인")
    ]
    # The list pages by employee number, names masked (E007's hire was rejected: no status).
    first = ok(personnel_employees.sync_detailed(HR_ORG, client=staff.auditor, limit=4))
    assert [(row.employee_number, row.name) for row in items(first)] == [
        ("E001", "김*수"),
        ("E002", "이*희"),
        ("E003", "박*수"),
        ("E004", "최*우"),
    ]
    rest = ok(
        personnel_employees.sync_detailed(HR_ORG, client=staff.auditor, limit=4, cursor=first.next_cursor)
    )
    assert [(row.employee_number, row.status) for row in items(rest)] == [
        ("E005", "employed"),
        ("E006", "employed"),
        ("E007", None),
    ]
    assert rest.next_cursor is None
    raw = payload(ok(personnel_employees_csv.sync_detailed(HR_ORG, client=staff.auditor)))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["사번 (employee_number)", "성명(마스킹) (name)"]
    assert [row[:2] for row in rows[1:3]] == [["E001", "김*수"], ["E002", "이*희"]]
    assert RRN.encode() not in raw and "김철수".encode() not in raw
    raw = payload(ok(personnel_employees_xlsx.sync_detailed(HR_ORG, client=staff.auditor)))
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    assert sheet is not None
    table = list(sheet.iter_rows(values_only=True))
    assert str(table[0][0]).startswith("사번") and table[1][:2] == ("E001", "김*수")


def _personnel_certificates(staff: Staff) -> None:
    """증명서: issued by the clerk, printed as PDF, checked by anyone by its number, name masked."""
    issued = staff.command(
        issue_certificate.sync_detailed(
            HR_ORG,
            staff.employees["E001"],
            client=staff.clerk,
            body=IssueCertificateRequest(
                effective_date=day("2024-10-01"), kind=CertificateKind.EMPLOYMENT, purpose="금융기관 제출용"
            ),
        )
    )
    certificate = ok(personnel_certificate.sync_detailed(HR_ORG, issued.aggregate_id, client=staff.auditor))
    assert (certificate.employee_id, certificate.kind, certificate.issued_on) == (
        staff.employees["E001"],
        CertificateKind.EMPLOYMENT,
        day("2024-10-01"),
    )
    pdf = payload(
        ok(personnel_certificate_pdf.sync_detailed(HR_ORG, issued.aggregate_id, client=staff.clerk))
    )
    assert pdf.startswith(b"%PDF")
    refused(  # the HR auditor reads certificates but does not print them
        personnel_certificate_pdf.sync_detailed(HR_ORG, issued.aggregate_id, client=staff.auditor),
        403,
        "forbidden",
    )
    check = ok(public_certificate_check.sync_detailed(certificate.number, client=staff.office.public))
    assert (check.name, check.organisation_name, check.employee_number, check.purpose) == (
        "김*수",
        HR_NAME,
        "E001",
        "금융기관 제출용",
    )
    assert RRN not in str(check.to_dict())
    forged = certificate.number[:-1] + ("0" if certificate.number[-1] != "0" else "1")
    refused(
        public_certificate_check.sync_detailed(forged, client=staff.office.public),
        422,
        "malformed-verification-number",
    )
    staff.certificate = issued.aggregate_id


def _personnel_self_service(staff: Staff) -> None:
    """본인: the employee linked to a user reads their own record in full, issues and prints their
    certificate, and reads nobody else's."""
    office = staff.office
    me = office.as_["employee"]
    staff.command(
        link_employee_account.sync_detailed(
            HR_ORG,
            staff.employees["E001"],
            client=staff.manager,
            body=LinkEmployeeAccountRequest(effective_date=day("2024-03-02"), username="sdk-employee"),
        )
    )
    mine = ok(
        personnel_me.sync_detailed(HR_ORG, client=me, as_of=day("2024-10-01"), min_position=office.position)
    )
    assert mine.employee_id == staff.employees["E001"] and mine.username == "sdk-employee"
    assert mine.personal is not None and (mine.personal.name, mine.personal.rrn) == ("김철수", RRN)
    refused(personnel_employees.sync_detailed(HR_ORG, client=me), 403, "forbidden")
    refused(personnel_employee.sync_detailed(HR_ORG, staff.employees["E002"], client=me), 403, "forbidden")
    refused(personnel_access_log.sync_detailed(HR_ORG, client=me), 403, "forbidden")
    issued = personnel_me_issue_certificate.sync_detailed(
        HR_ORG,
        client=me,
        body=CertificateIssueRequest(
            kind=CertificateKind.CAREER, purpose="제출용", effective_date=day("2024-10-01")
        ),
    )
    assert issued.status_code == 201, issued.content
    assert isinstance(issued.parsed, CertificateOut) and issued.parsed.employee_id == staff.employees["E001"]
    assert staff.certificate is not None
    for certificate in (issued.parsed.certificate_id, staff.certificate):
        pdf = payload(ok(personnel_me_certificate_pdf.sync_detailed(HR_ORG, certificate, client=me)))
        assert pdf.startswith(b"%PDF")


def _attendance(staff: Staff) -> None:
    """근태 of E001 in May 2024: leave within the balance, overtime within the week's limit, a
    batch of days, a correction and a withdrawal; the month summed for payroll and downloaded."""
    office = staff.office
    employee = staff.employees["E001"]
    staff.command(staff.attend("E001", kind="annual_leave", effective_date="2024-05-02", leave_days=1))
    staff.command(
        staff.attend(
            "E001", kind="overtime", effective_date="2024-05-03", overtime_minutes=150, night_minutes=60
        )
    )
    # The same week (Monday 29 April to Sunday 5 May) may hold 12 hours: 150 + 600 minutes is over.
    refused(
        staff.attend("E001", kind="overtime", effective_date="2024-05-04", overtime_minutes=600),
        409,
        "overtime-over-limit",
    )
    # One day arose on 1 April and one on 1 May (a month of full attendance each): a third is over.
    staff.command(staff.attend("E001", kind="annual_leave", effective_date="2024-05-07", leave_days=1))
    refused(
        staff.attend("E001", kind="annual_leave", effective_date="2024-05-09"), 409, "leave-exceeds-balance"
    )
    refused(staff.attend("E001", kind="absence", effective_date="2024-02-15"), 409, "not-in-service")
    staff.command(
        record_attendance_days.sync_detailed(
            HR_ORG,
            employee,
            client=staff.clerk,
            body=RecordAttendanceDaysRequest(
                effective_date=day("2024-05-31"),
                items=[
                    AttendanceItem(kind=AttendanceKind.ABSENCE, day=day("2024-05-08")),
                    AttendanceItem(kind=AttendanceKind.SICK_LEAVE, day=day("2024-05-10")),
                    AttendanceItem(kind=AttendanceKind.OFFICIAL_LEAVE, day=day("2024-05-13"), note="예비군"),
                ],
            ),
        )
    )
    staff.command(
        correct_attendance.sync_detailed(
            HR_ORG,
            employee,
            client=staff.clerk,
            body=CorrectAttendanceRequest(
                kind=AttendanceKind.SICK_LEAVE, effective_date=day("2024-05-08"), reason="진단서 제출"
            ),
        )
    )
    staff.command(
        withdraw_attendance.sync_detailed(
            HR_ORG,
            employee,
            client=staff.clerk,
            body=WithdrawAttendanceRequest(effective_date=day("2024-05-13"), reason="훈련 취소"),
        )
    )
    days = ok(
        attendance_days.sync_detailed(
            HR_ORG, employee, client=staff.auditor, year=2024, min_position=office.position
        )
    )
    assert [(d.day.isoformat(), d.kind, d.corrected) for d in days.items] == [
        ("2024-05-02", "annual_leave", False),
        ("2024-05-03", "overtime", False),
        ("2024-05-07", "annual_leave", False),
        ("2024-05-08", "sick_leave", True),
        ("2024-05-10", "sick_leave", False),
    ]
    assert days.next_cursor is None
    leave = ok(attendance_leave.sync_detailed(HR_ORG, employee, client=staff.auditor, on=day("2024-05-31")))
    assert (leave.entitled, leave.taken, leave.balance) == ("2.000", "2.000", "0.000")
    mine = ok(attendance_my_leave.sync_detailed(HR_ORG, client=office.as_["employee"], on=day("2024-05-31")))
    assert mine.to_dict() == leave.to_dict()
    (row,) = ok(
        attendance_month_summary.sync_detailed(
            HR_ORG, client=staff.auditor, year=2024, month=5, min_position=office.position
        )
    )
    assert (row.employee_number, float(row.annual_leave_days), float(row.sick_leave_days)) == (
        "E001",
        2.0,
        2.0,
    )
    assert (float(row.absence_days), row.overtime_minutes, row.night_minutes) == (0.0, 150, 60)
    raw = payload(
        ok(attendance_month_summary_csv.sync_detailed(HR_ORG, client=staff.auditor, year=2024, month=5))
    )
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = [cell.split(" (")[0] for cell in rows[0]]
    assert header[:2] == ["직원", "사번"] and "연장근로(분)" in header
    assert rows[1][1] == "E001" and rows[1][header.index("연장근로(분)")] == "150"
    raw = payload(
        ok(attendance_month_summary_xlsx.sync_detailed(HR_ORG, client=staff.auditor, year=2024, month=5))
    )
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    assert sheet is not None
    table = list(sheet.iter_rows(values_only=True))
    assert str(table[0][1]).startswith("사번") and table[1][1] == "E001"


def _personnel_headcount(staff: Staff) -> None:
    """현원, 결원 and the public table on 1 June 2024: 연구1팀 4, 인사팀 1, 경영기획실 itself 1
    (E002, moved there from 1 May); the public sees the cells under three suppressed."""
    june = day("2024-06-01")
    position = staff.office.position
    counted = ok(
        personnel_headcount.sync_detailed(
            HR_ORG,
            client=staff.auditor,
            as_of=june,
            by=HeadcountBy.DEPARTMENT,
            min_position=position,
        )
    )
    assert [(row.key, row.name, row.headcount) for row in counted] == [
        ("ADM", "경영기획실", 1),
        ("HR", "인사팀", 1),
        ("RES", "연구1팀", 4),
    ]
    vacancies = ok(personnel_vacancies.sync_detailed(HR_ORG, client=staff.auditor, as_of=june))
    assert [(row.department, row.authorised, row.headcount, row.vacancy) for row in vacancies] == [
        ("ADM", None, 1, None),
        ("HR", 1, 1, 0),
        ("RES", 6, 4, 2),
    ]
    public = ok(
        public_personnel_headcount.sync_detailed(
            HR_ORG, client=staff.office.public, as_of=june, min_position=position
        )
    )
    assert (public.total.headcount, public.total.suppressed, public.authorised) == (6, False, None)
    # 경영기획실's own 1 and 인사팀's 1 are under three: hidden, and 인사팀's vacancy with it (its
    # 정원 is public); 경영기획실 with its teams, 6, shows, as does the band all six are in.
    shown = {
        row.code: (
            row.own.headcount,
            row.own.suppressed,
            row.total.headcount,
            row.vacancy.vacancy,
            row.vacancy.suppressed,
        )
        for row in public.departments
    }
    assert shown == {
        "ADM": (None, True, 6, None, False),
        "HR": (None, True, None, None, True),
        "RES": (4, False, 4, 2, False),
    }
    assert [(band.band, band.headcount, band.suppressed) for band in public.bands] == [("3–5급", 6, False)]
    text = json.dumps(public.to_dict(), ensure_ascii=False)
    assert "E00" not in text and "김" not in text and RRN not in text


def _personnel_erasure(staff: Staff) -> None:
    """퇴직 and 파기: E005 retires at the end of 2024; after the year the rules keep personal data,
    it is erased, and the record reads as erased while its history stays."""
    staff.command(
        staff.draft(
            "E005",
            kind="retirement",
            order_number="2024-0200",
            effective_date="2024-12-31",
            retirement_kind="voluntary",
        )
    )
    staff.approve("2024-12-31")
    staff.command(
        erase_personal_data.sync_detailed(
            HR_ORG,
            staff.employees["E005"],
            client=staff.manager,
            body=ErasePersonalDataRequest(effective_date=day("2026-01-02"), reason="보존기간 경과"),
        )
    )
    erased = staff.record("E005", as_of=day("2024-06-01"))
    assert erased.erased and erased.personal is None
    assert erased.record is not None and erased.record.status == "employed"


# --- payroll (급여) of the same institution ----------------------------------------------------------


def _payroll(staff: Staff) -> None:
    """급여 of March 2026: the personnel budget lines, the tables and settings; a run opened and
    calculated by the officer, rejected and calculated again, approved by the manager (not by who
    calculated it), posted, paid and remitted; the register against the run, the payslips as the
    officer and as the employee, the withholdings until remitted, and the public personnel cost."""
    office = staff.office
    officer, manager = office.as_["payroll_officer"], office.as_["payroll_manager"]
    march = "2026-03"
    office.accepted(
        open_fiscal_year.sync_detailed(
            HR_ORG, YEAR, client=office.as_["admin"], body=OpenFiscalYearRequest(accounting_date=on("01-02"))
        )
    )
    lines = {}
    for item, amount in (
        ("101-01", 900_000_000),
        ("304-01", 60_000_000),
        ("304-02", 60_000_000),
        ("304-03", 20_000_000),
    ):
        line = office.accepted(
            appropriate.sync_detailed(
                HR_ORG,
                YEAR,
                client=office.as_["hr_budget"],
                body=AppropriateRequest(
                    accounting_date=on("01-02"),
                    budget_code=f"100-080-085-1080-2085-3005-{item}",
                    title=f"인건비 {item}",
                    amount=amount,
                ),
            )
        ).aggregate_id
        office.accepted(
            allocate.sync_detailed(
                HR_ORG,
                YEAR,
                line_id=line,
                client=office.as_["hr_budget"],
                body=AllocateRequest(accounting_date=on("01-02"), quarter=1, amount=amount // 2),
            )
        )
        lines[item] = str(line)
    for kind in TableKind:
        content = payroll_tables_shipped.shipped_content(payroll_tables_shipped.TableKind(kind.value))
        body = LoadPayrollTableRequest(
            accounting_date=on("01-02"), kind=kind, file_name=f"{kind.value}.csv", content=content
        )
        refused(load_payroll_table.sync_detailed(HR_ORG, client=officer, body=body), 403, "forbidden")
        office.accepted(load_payroll_table.sync_detailed(HR_ORG, client=manager, body=body))
    office.accepted(
        configure_payroll.sync_detailed(
            HR_ORG,
            client=manager,
            body=ConfigurePayrollRequest(
                accounting_date=on("01-02"), lines=ConfigurePayrollRequestLines.from_dict(lines)
            ),
        )
    )
    office.accepted(
        set_payroll_profile.sync_detailed(
            HR_ORG,
            client=officer,
            body=SetPayrollProfileRequest(
                accounting_date=on("01-02"),
                employee_number="E001",
                effective_month="2026-01",
                family=3,
                children=1,
            ),
        )
    )
    # 소득·세액공제 신고: sealed on the server; the settlement of February 2027 would read it.
    office.accepted(
        declare_year_end_deductions.sync_detailed(
            HR_ORG,
            client=officer,
            body=DeclareYearEndDeductionsRequest(
                accounting_date=on("01-02"), employee_number="E001", year=2025, donations=100_000
            ),
        )
    )

    # Opened and calculated by the officer; rejected by the manager; calculated again by someone
    # holding both roles, who may not approve what they calculated; approved by the manager.
    office.accepted(
        open_payroll_run.sync_detailed(
            HR_ORG, march, client=officer, body=OpenPayrollRunRequest(accounting_date=on("03-16"))
        )
    )
    calculate = CalculatePayrollRunRequest(accounting_date=on("03-16"))
    office.accepted(calculate_payroll_run.sync_detailed(HR_ORG, march, client=officer, body=calculate))
    refused(
        approve_payroll_run.sync_detailed(
            HR_ORG, march, client=officer, body=ApprovePayrollRunRequest(accounting_date=on("03-17"))
        ),
        403,
        "forbidden",
    )
    office.accepted(
        reject_payroll_run.sync_detailed(
            HR_ORG,
            march,
            client=manager,
            body=RejectPayrollRunRequest(accounting_date=on("03-17"), reason="가족수당 확인"),
        )
    )
    both = office.as_["payroll_both"]
    office.accepted(calculate_payroll_run.sync_detailed(HR_ORG, march, client=both, body=calculate))
    approval = ApprovePayrollRunRequest(accounting_date=on("03-17"))
    refused(
        approve_payroll_run.sync_detailed(HR_ORG, march, client=both, body=approval), 409, "same-preparer"
    )
    seen = payroll_run.sync_detailed(HR_ORG, march, client=manager, min_position=office.position)
    run = ok(seen)
    assert (run.status, run.calculation, run.preparer, run.rejection_reason) == (
        "calculated",
        2,
        "sdk-payroll_both",
        "가족수당 확인",
    )
    office.accepted(
        approve_payroll_run.sync_detailed(HR_ORG, march, client=manager, body=approval, if_match=etag(seen))
    )

    # The register: its totals are the run's, each payslip's items sum to its totals.
    auditor = staff.auditor
    register = ok(payroll_register.sync_detailed(HR_ORG, march, client=auditor, min_position=office.position))
    run = register.run
    assert (run.status, run.approver) == ("approved", "sdk-payroll_manager")
    totals = register.totals
    assert (totals.payslips, totals.gross, totals.deducted, totals.net, totals.employer) == (
        run.payslips,
        run.gross,
        run.deducted,
        run.net,
        run.employer,
    )
    numbers = [row.employee_number for row in register.items]
    assert numbers == sorted(numbers) and "E001" in numbers and "E005" not in numbers  # E005 retired
    for row in register.items:
        earnings = row.earnings.to_dict()
        assert sum(earnings.values()) == row.gross and row.net == row.gross - row.deducted
        assert row.change is not None and row.change.previous is False  # no February run
    assert register.item_names.to_dict()["BASE"] == "기본급"
    raw = payload(ok(payroll_register_csv.sync_detailed(HR_ORG, march, client=auditor)))
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][0] == "사번 (employee_number)" and table[-1][0] == "합계"
    assert int(table[-1][table[0].index("지급액 계 (gross)")]) == totals.gross

    # Posted, paid: what was withheld is owed until remitted.
    for step, request in (
        (post_payroll_run, PostPayrollRunRequest(accounting_date=on("03-19"))),
        (pay_payroll_run, PayPayrollRunRequest(accounting_date=on("03-20"))),
    ):
        office.accepted(step.sync_detailed(HR_ORG, march, client=manager, body=request))
    owed = ok(
        payroll_withholdings.sync_detailed(
            HR_ORG, client=manager, as_of=on("03-31"), min_position=office.position
        )
    )
    assert owed.total == totals.deducted > 0 and [m.month for m in owed.months] == [march]
    office.accepted(
        remit_payroll_withholdings.sync_detailed(
            HR_ORG, march, client=manager, body=RemitPayrollWithholdingsRequest(accounting_date=on("04-10"))
        )
    )
    cleared = ok(
        payroll_withholdings.sync_detailed(
            HR_ORG, client=manager, as_of=on("04-10"), min_position=office.position
        )
    )
    assert (cleared.total, cleared.kinds) == (0, [])
    (listed,) = ok(payroll_runs.sync_detailed(HR_ORG, client=manager, year=YEAR))
    assert (listed.month, listed.status, listed.withheld) == (march, "remitted", totals.deducted)
    loaded = ok(payroll_tables.sync_detailed(HR_ORG, client=manager))
    assert {t.kind for t in loaded} == {kind.value for kind in TableKind} and all(
        t.version == 1 for t in loaded
    )

    # Payslips: the officer reads anyone's; the employee (E001, linked to sdk-employee) their own only.
    e001, e002 = staff.employees["E001"], staff.employees["E002"]
    slips = ok(payroll_employee_payslips.sync_detailed(HR_ORG, e002, client=officer, year=YEAR))
    assert [(s.run_month, s.kind, s.run_status) for s in slips] == [(march, "regular", "remitted")]
    me = office.as_["employee"]
    (mine,) = ok(payroll_my_payslips.sync_detailed(HR_ORG, client=me, min_position=office.position))
    slip = ok(payroll_my_payslip.sync_detailed(HR_ORG, march, client=me))
    printed = payroll_my_payslip_pdf.sync_detailed(HR_ORG, march, client=me)
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF-")
    page = payroll_my_payslip_html.sync_detailed(HR_ORG, march, client=me)
    assert page.status_code == 200 and f"{slip.net:,}".encode() in page.content
    same = ok(payroll_employee_payslip.sync_detailed(HR_ORG, e001, march, client=officer))
    assert (mine.employee_id, slip.employee_id) == (e001, e001) and slip.to_dict() == same.to_dict()
    assert slip.earnings.to_dict().get("CHILD", 0) > 0  # the profile's child
    refused(payroll_employee_payslips.sync_detailed(HR_ORG, e002, client=me), 403, "forbidden")
    refused(payroll_register.sync_detailed(HR_ORG, march, client=me), 403, "forbidden")

    # The public: the year's cost against the personnel lines, never anyone's pay.
    cost = ok(
        public_personnel_cost.sync_detailed(
            HR_ORG, client=office.public, year=YEAR, min_position=office.position
        )
    )
    assert cost.months_paid == 1 and cost.budget.current_budget == 1_040_000_000
    individual = {
        value for row in register.items for value in (row.gross, row.net, row.deducted, row.employer_total)
    }
    text = json.dumps(cost.to_dict(), ensure_ascii=False)
    assert not any(str(value) in text for value in individual)
    if cost.suppressed:
        assert cost.personnel_cost is None and cost.cost_per_head is None and cost.suppression
    else:
        assert cost.personnel_cost == totals.gross + totals.employer
    raw = payload(ok(public_personnel_cost_csv.sync_detailed(HR_ORG, client=office.public, year=YEAR)))
    assert raw.decode("utf-8-sig").splitlines()[1].startswith(f"{HR_ORG},{YEAR},1,")
