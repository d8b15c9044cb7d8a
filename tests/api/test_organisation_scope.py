"""Organisation scope over HTTP: no role reaches another organisation's records, shared ones
included.

Two organisations record the same things: 서울특별시 본청 (A, 6110000) and 성동구 (B, 3030000).
Then every write endpoint that names an existing aggregate is sent by a user of B holding the
command's role in B, naming what A recorded: through B's own path the ledger refuses it with a
named error (``wrong-organisation``, or the rules of shared records); through A's path, where B
holds no grant, the role check refuses it (403). Nothing is recorded either way: the head of the
log and the version of every aggregate named stay where they were.

Vendors are shared records: B may use a vendor A registered (obligate, contract, pay) and is bound
by A's debarment of it, but changes it only by the rules of ``domain.vendor``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from fastapi.testclient import TestClient

from api.openapi import problem_types
from api.roles import COMMAND_ROLES, Role
from api.routers.commands import PREFIX, ROUTES, CommandRoute
from cleanledger.wiring import Service
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
from commands.messages.base import Command
from commands.messages.personnel import PersonnelCommand
from tests.api.conftest import YEAR, KeyMaker

CITY = "6110000"  # A: 서울특별시 본청
SEONGDONG = "3030000"  # B: 성동구
LINE_CODE = "100-080-081-1001-2001-3001-201-01"
OTHER_CODE = "100-080-081-1001-2001-3001-201-02"  # same detailed project: a diversion (전용) target
RESERVE_CODE = "100-160-161-9001-9001-9001-701-01"  # 예비비
FEES_CODE = "200-210-212-01"  # 세외수입/경상적세외수입/사용료수입
ON = f"{YEAR}-03-10"


class Office:
    """One organisation's users (one per role, granted in that organisation only) and what they
    recorded, by name."""

    def __init__(self, client: TestClient, key_for: KeyMaker, org: str) -> None:
        self.client, self.org = client, org
        self.keys = {role: key_for(f"{role.value}-{org}", f"{role.value}@{org}") for role in Role}
        self.ids: dict[str, str] = {}

    def path(self, tail: str = "", year: int = YEAR) -> str:
        return f"{PREFIX}/orgs/{self.org}/years/{year}{tail}"

    def do(self, role: Role, tail: str, on: str = ON, year: int = YEAR, **body: Any) -> dict[str, Any]:
        answer = self.client.post(
            self.path(tail, year), json={"accounting_date": on, **body}, headers=self.keys[role]
        )
        assert answer.status_code == 201, (self.org, tail, answer.text)
        accepted: dict[str, Any] = answer.json()
        return accepted

    def record(self, keep_as: str, role: Role, tail: str, on: str = ON, **body: Any) -> str:
        """Do it and keep the id of what it created (the part inside, if it created one)."""
        accepted = self.do(role, tail, on, **body)
        self.ids[keep_as] = accepted["created_id"] or accepted["aggregate_id"]
        return self.ids[keep_as]


def two_offices(client: TestClient, key_for: KeyMaker, *, everything: bool = True) -> tuple[Office, Office]:
    """The city (A) and 성동구 (B), each with what :func:`open_office` records."""
    admin = key_for("admin", "admin@*")
    return (
        open_office(client, key_for, admin, CITY, "서울특별시", "city", "123-45-67890", everything),
        open_office(client, key_for, admin, SEONGDONG, "성동구", "district", "234-56-78901", everything),
    )


def open_office(
    client: TestClient,
    key_for: KeyMaker,
    admin: dict[str, str],
    org: str,
    name: str,
    kind: str,
    vendor: str,
    everything: bool,
) -> Office:
    """An organisation with a line (allocated), a vendor it registered and debarred from
    November; with ``everything``, also a second line, a reserve (예비비), requisitions (drafted;
    approved), an obligation, a contract, vouchers (drafted; approved, ordered and paid), revenue
    (a line and an assessment), and next year open."""
    office = Office(client, key_for, org)
    register = {"accounting_date": f"{YEAR}-01-01", "name": name, "kind": kind}
    assert client.post(f"{PREFIX}/orgs/{org}", json=register, headers=admin).status_code == 201
    for year in (YEAR, YEAR + 1) if everything else (YEAR,):  # next year: a carry-over's target
        opened = client.post(office.path(year=year), json={"accounting_date": f"{year}-01-01"}, headers=admin)
        assert opened.status_code == 201, opened.text

    budget_officer, clerk, approver, accountant = (
        Role.BUDGET_OFFICER,
        Role.CLERK,
        Role.APPROVER,
        Role.ACCOUNTANT,
    )
    line = office.record(
        "line",
        budget_officer,
        "/budget-lines",
        f"{YEAR}-01-02",
        budget_code=LINE_CODE,
        title="복지관",
        amount=10**7,
    )
    office.do(
        budget_officer, f"/budget-lines/{line}/allocations", f"{YEAR}-01-02", quarter=1, amount=8 * 10**6
    )
    office.do(budget_officer, f"/budget-lines/{line}/allocations", f"{YEAR}-01-02", quarter=4, amount=10**6)
    vendor_id = office.record(
        "vendor",
        clerk,
        "/vendors",
        f"{YEAR}-01-05",
        kind="business",
        registration_number=vendor,
        name=f"(주)거래처 {org}",
        address="서울특별시 중구 세종대로 110",
    )
    office.ids["vendor_number"] = vendor
    office.record(
        "debarment",
        approver,
        f"/vendors/{vendor_id}/debarments",
        f"{YEAR}-02-01",
        ground="입찰 담합",
        starts=f"{YEAR}-11-01",
        ends=f"{YEAR}-12-31",
    )
    if not everything:
        return office

    office.record(
        "other_line",
        budget_officer,
        "/budget-lines",
        f"{YEAR}-01-02",
        budget_code=OTHER_CODE,
        title="복지관",
        amount=10**6,
    )
    office.record(
        "reserve",
        budget_officer,
        "/budget-lines",
        f"{YEAR}-01-02",
        budget_code=RESERVE_CODE,
        title="예비비",
        amount=10**6,
    )
    office.record("requisition", clerk, "/requisitions", line_id=line, title="물품 구매", amount=500_000)
    approved = office.record(
        "approved_requisition", clerk, "/requisitions", line_id=line, title="공사", amount=500_000
    )
    office.do(approver, f"/requisitions/{approved}/approval")
    obligation = office.record(
        "obligation",
        approver,
        "/obligations",
        line_id=line,
        amount=3_000_000,
        description="복지관 공사",
        vendor_id=vendor_id,
    )
    office.record(
        "contract",
        approver,
        "/contracts",
        obligation_id=obligation,
        vendor_id=vendor_id,
        amount=1_000_000,
        method="open",
        title="복지관 공사",
        department="복지정책과",
        starts=ON,
        ends=f"{YEAR}-06-30",
    )
    office.record(
        "voucher", clerk, "/vouchers", obligation_id=obligation, amount=100_000, description="자재비"
    )
    paid = office.record(
        "paid_voucher", clerk, "/vouchers", obligation_id=obligation, amount=200_000, description="기성금"
    )
    office.do(approver, f"/vouchers/{paid}/approval")
    office.record("order", accountant, f"/vouchers/{paid}/payment-orders", amount=200_000)
    office.record(
        "payment", accountant, f"/vouchers/{paid}/payments", order_id=office.ids["order"], amount=200_000
    )

    fees = office.record(
        "revenue_line",
        budget_officer,
        "/revenue-lines",
        revenue_code=FEES_CODE,
        title="사용료",
        estimate=10**7,
    )
    office.record(
        "assessment",
        accountant,
        f"/revenue-lines/{fees}/assessments",
        payer="(주)한빛상사",
        payer_kind="business",
        amount=1_000_000,
        due_date=f"{YEAR}-04-30",
    )
    open_personnel(client, office)
    return office


def open_personnel(client: TestClient, office: Office) -> None:
    """A chart, an employee hired and approved, and a leave of theirs drafted (not approved)."""
    hr = f"{PREFIX}/orgs/{office.org}/personnel"

    def do(role: Role, tail: str, **body: Any) -> dict[str, Any]:
        answer = client.post(
            hr + tail, json={"effective_date": f"{YEAR}-01-02", **body}, headers=office.keys[role]
        )
        assert answer.status_code == 201, (office.org, tail, answer.text)
        accepted: dict[str, Any] = answer.json()
        return accepted

    def drafted(after: int) -> str:
        answer = client.get(
            f"{hr}/actions",
            params={"status": "drafted", "min_position": after},
            headers=office.keys[Role.HR_AUDITOR],
        )
        action_id: str = answer.json()["items"][-1]["action_id"]
        return action_id

    do(Role.HR_MANAGER, "/departments", code="HR", name="인사팀")
    do(Role.HR_MANAGER, "/grades", code="G1", name="1급", rank=1, band="전체", max_step=30)
    hired = do(
        Role.HR_CLERK,
        "/employees",
        employee_number="E1",
        order_number=f"{YEAR}-1",
        department="HR",
        grade="G1",
        step=1,
        personal={"name": "홍길동", "rrn": "900101-1234567"},
    )
    employee = office.ids["employee"] = hired["aggregate_id"]
    hire_action = drafted(hired["position"])
    do(Role.HR_MANAGER, "/approvals", items=[{"employee_id": employee, "action_id": hire_action}])
    leave = do(
        Role.HR_CLERK,
        f"/employees/{employee}/actions",
        kind="leave",
        order_number=f"{YEAR}-2",
        leave_kind="unpaid",
        expected_end=f"{YEAR + 1}-01-01",
        effective_date=f"{YEAR}-03-01",
    )
    office.ids["drafted_action"] = drafted(leave["position"])


# --- the matrix: every write endpoint, with what it names of another organisation ---------------


@dataclass(frozen=True)
class Case:
    """A request of B naming what A recorded: ``"A.line"`` is the id A recorded as ``line``,
    ``"B.line"`` B's. ``refused_as`` is the problem type B's own path answers."""

    path: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    refused_as: str = "wrong-organisation"


#: Parts inside an aggregate (a payment order in its voucher, a debarment in its vendor), and the
#: number a vendor is registered by: named, but not aggregates with a version of their own.
NOT_AGGREGATES = frozenset({"order", "payment", "debarment", "vendor_number", "drafted_action"})
_A_EMPLOYEE = {"employee_id": "A.employee"}

CROSS_ORGANISATION: dict[type[Command], tuple[Case, ...]] = {
    budget.AmendBudget: (Case({"line_id": "A.line"}, {"change": 1_000, "reference": "1회 추경"}),),
    budget.TransferBudget: (
        Case(
            body={
                "from_line_id": "A.line",
                "to_line_id": "B.other_line",
                "amount": 1_000,
                "kind": "diversion",
                "reason": "전용",
            }
        ),
        Case(
            body={
                "from_line_id": "B.line",
                "to_line_id": "A.other_line",
                "amount": 1_000,
                "kind": "diversion",
                "reason": "전용",
            }
        ),
    ),
    budget.GrantContingency: (
        Case(
            body={
                "reserve_line_id": "A.reserve",
                "to_line_id": "B.line",
                "amount": 1_000,
                "reason": "재해 복구",
            }
        ),
        Case(
            body={
                "reserve_line_id": "B.reserve",
                "to_line_id": "A.line",
                "amount": 1_000,
                "reason": "재해 복구",
            }
        ),
    ),
    budget.Allocate: (Case({"line_id": "A.line"}, {"quarter": 2, "amount": 1_000}),),
    budget.PullAllocationForward: (
        Case({"line_id": "A.line"}, {"from_quarter": 4, "to_quarter": 1, "amount": 1_000}),
    ),
    budget.CarryOver: (
        Case({"line_id": "A.line"}, {"amount": 1_000, "kind": "explicit"}),
        # an accident carry-over (사고이월) of A's obligation on B's line, into B's next year
        Case({"line_id": "B.line"}, {"amount": 1_000, "kind": "accident", "obligation_id": "A.obligation"}),
    ),
    spending.DraftRequisition: (Case(body={"line_id": "A.line", "title": "물품", "amount": 1_000}),),
    spending.ApproveRequisition: (Case({"requisition_id": "A.requisition"}),),
    spending.RejectRequisition: (Case({"requisition_id": "A.requisition"}, {"reason": "예산 부족"}),),
    spending.Obligate: (
        Case(body={"line_id": "A.line", "amount": 1_000, "description": "물품"}),
        # A's approved requisition obligated on B's line
        Case(
            body={
                "line_id": "B.line",
                "amount": 1_000,
                "description": "물품",
                "requisition_id": "A.approved_requisition",
            }
        ),
    ),
    spending.AmendObligation: (
        Case({"obligation_id": "A.obligation"}, {"new_amount": 2_900_000, "reason": "감액"}),
    ),
    spending.CancelObligation: (Case({"obligation_id": "A.obligation"}, {"reason": "사업 취소"}),),
    vendors.RegisterVendor: (
        # the same business again: the shared record exists already
        Case(
            body={
                "kind": "business",
                "registration_number": "A.vendor_number",
                "name": "(주)가로채기",
                "address": "성동구 1",
            },
            refused_as="already-exists",
        ),
    ),
    vendors.ChangeVendorAddress: (
        Case(
            {"vendor_id": "A.vendor"},
            {"address": "성동구 왕십리로 1"},
            refused_as="vendor-registered-elsewhere",
        ),
    ),
    vendors.LiftDebarment: (
        Case(
            {"vendor_id": "A.vendor", "debarment_id": "A.debarment"},
            {"reason": "법원 집행정지"},
            refused_as="debarment-issued-elsewhere",
        ),
    ),
    contracts.SignContract: (
        Case(
            body={
                "obligation_id": "A.obligation",
                "vendor_id": "A.vendor",
                "amount": 1_000,
                "method": "open",
                "title": "공사",
                "department": "성동구청",
                "starts": ON,
                "ends": f"{YEAR}-06-30",
            }
        ),
    ),
    contracts.AmendContract: (
        Case({"contract_id": "A.contract"}, {"new_amount": 900_000, "reason": "물량 감소"}),
    ),
    contracts.InspectContract: (
        Case({"contract_id": "A.contract"}, {"inspected_amount": 1_000, "passed": True}),
    ),
    contracts.CompleteContract: (Case({"contract_id": "A.contract"}),),
    contracts.TerminateContract: (Case({"contract_id": "A.contract"}, {"reason": "업체 부도"}),),
    payments.DraftVoucher: (
        Case(body={"obligation_id": "A.obligation", "amount": 1_000, "description": "자재비"}),
        # B's own obligation with A's contract
        Case(
            body={
                "obligation_id": "B.obligation",
                "contract_id": "A.contract",
                "amount": 1_000,
                "description": "자재비",
            }
        ),
    ),
    payments.ApproveVoucher: (Case({"voucher_id": "A.voucher"}),),
    payments.RejectVoucher: (Case({"voucher_id": "A.voucher"}, {"reason": "증빙 누락"}),),
    payments.IssuePaymentOrder: (Case({"voucher_id": "A.paid_voucher"}, {"amount": 1_000}),),
    payments.Pay: (Case({"voucher_id": "A.paid_voucher"}, {"order_id": "A.order", "amount": 1_000}),),
    payments.ReturnPayment: (
        Case(
            {"voucher_id": "A.paid_voucher"}, {"payment_id": "A.payment", "amount": 1_000, "reason": "과지급"}
        ),
    ),
    revenue.AssessRevenue: (
        Case(
            {"line_id": "A.revenue_line"},
            {"payer": "(주)한빛상사", "payer_kind": "business", "amount": 1_000, "due_date": f"{YEAR}-04-30"},
        ),
    ),
    revenue.ReduceAssessment: (Case({"assessment_id": "A.assessment"}, {"amount": 1_000, "reason": "감면"}),),
    revenue.BillRevenue: (Case({"assessment_id": "A.assessment"}, {"amount": 1_000}),),
    revenue.CollectRevenue: (Case({"assessment_id": "A.assessment"}, {"amount": 1_000}),),
    revenue.RefundOverpayment: (
        Case({"assessment_id": "A.assessment"}, {"amount": 1_000, "reason": "과오납"}),
    ),
    personnel.DraftPersonnelAction: (Case(_A_EMPLOYEE, {"kind": "suspension", "order_number": "X-1"}),),
    personnel.RejectPersonnelAction: (
        Case(_A_EMPLOYEE, {"action_id": "A.drafted_action", "reason": "반려"}),
    ),
    personnel.ChangePersonalData: (
        Case(_A_EMPLOYEE, {"personal": {"name": "김가짜", "rrn": "900101-2345678"}}),
    ),
    personnel.LinkEmployeeAccount: (Case(_A_EMPLOYEE, {"username": "intruder"}),),
    personnel.ErasePersonalData: (Case(_A_EMPLOYEE, {"reason": "파기"}),),
    personnel.IssueCertificate: (Case(_A_EMPLOYEE, {"kind": "employment", "purpose": "제출용"}),),
    personnel.ApprovePersonnelActions: (
        Case(
            body={"items": [{"employee_id": "A.employee", "action_id": "A.drafted_action"}]},
            refused_as="not-found",
        ),
    ),
    personnel.DraftStepIncreases: (
        Case(body={"order_number": "X-2", "employee_ids": ["A.employee"]}, refused_as="not-found"),
    ),
    attendance.RecordAttendance: (Case(_A_EMPLOYEE, {"kind": "absence"}, refused_as="not-found"),),
    attendance.RecordAttendanceDays: (
        Case(_A_EMPLOYEE, {"items": [{"day": ON, "kind": "absence"}]}, refused_as="not-found"),
    ),
    attendance.CorrectAttendance: (
        Case(_A_EMPLOYEE, {"kind": "absence", "reason": "정정"}, refused_as="not-found"),
    ),
    attendance.WithdrawAttendance: (Case(_A_EMPLOYEE, {"reason": "취소"}, refused_as="not-found"),),
}

#: Endpoints that name nothing another organisation recorded: what they act on is the path's
#: organisation's own (its registration, its year, a new line of it, the chart of accounts).
#: Another organisation's is reached only through its path, which the role matrix refuses.
NAMES_NOTHING_OF_ANOTHER = {
    budget.RegisterOrganisation: "registers the path's organisation",
    budget.RecordPopulation: "records the path's organisation's population (its id is derived from it)",
    budget.OpenFiscalYear: "opens the path's organisation's year",
    budget.CloseFiscalYear: "closes the path's organisation's year and its lines",
    budget.Appropriate: "opens a line of the path's organisation (its id is derived from it)",
    revenue.OpenRevenueLine: "opens a revenue line of the path's organisation",
    journal.RecordJournalEntry: "records in the path's organisation's year, on accounts of the chart",
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
        "changes the path's organisation's chart (one per organisation, its id derived from it)",
    ),
    personnel.HireEmployee: "hires into the path's organisation (the employee's id is derived from it)",
}

#: Endpoints another organisation may use on a shared record, by design (domain.vendor).
SHARED_USE = {
    vendors.DebarVendor: "any organisation debars any vendor, and its debarment binds every organisation",
}


def test_the_matrix_has_a_row_for_every_write_endpoint() -> None:
    rows = [*CROSS_ORGANISATION, *NAMES_NOTHING_OF_ANOTHER, *SHARED_USE]
    assert len(rows) == len(set(rows))
    assert set(rows) == {route.command for route in ROUTES}


def _resolve(value: Any, offices: dict[str, Office]) -> Any:
    if isinstance(value, str) and re.fullmatch(r"[AB]\.\w+", value):
        who, name = value.split(".")
        return offices[who].ids[name]
    if isinstance(value, list):
        return [_resolve(item, offices) for item in value]
    if isinstance(value, dict):
        return {key: _resolve(item, offices) for key, item in value.items()}
    return value


def _strings(value: Any) -> list[str]:
    """Every string in a value, nested lists and objects included (a batch names ids inside)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def _named_aggregates(case: Case, offices: dict[str, Office]) -> list[UUID]:
    named = _strings([*case.path.values(), *case.body.values()])
    return list(
        dict.fromkeys(
            UUID(_resolve(value, offices))
            for value in named
            if value.startswith("A.") and value[2:] not in NOT_AGGREGATES
        )
    )


def _path(route: CommandRoute, org: str, ids: dict[str, str]) -> str:
    values = {"org": org, "fiscal_year": str(YEAR), **ids}
    return PREFIX + re.sub(r"{(\w+)}", lambda m: values[m.group(1)], route.path)


def test_no_role_reaches_another_organisations_records_through_any_write_endpoint(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    a, b = two_offices(client, key_for)
    offices = {"A": a, "B": b}
    routes = {route.command: route for route in ROUTES}
    catalogue = problem_types()  # each problem type with its status
    ledger = service.ledger
    checked = 0
    for command, cases in CROSS_ORGANISATION.items():
        route = routes[command]
        role = min(COMMAND_ROLES[command])  # a role that may issue it: granted in B alone
        for case in cases:
            ids = {name: _resolve(value, offices) for name, value in case.path.items()}
            # A personnel command is dated by its effective date; the others by their accounting date.
            dated = "effective_date" if issubclass(command, PersonnelCommand) else "accounting_date"
            body = {dated: ON, **{k: _resolve(v, offices) for k, v in case.body.items()}}
            named = _named_aggregates(case, offices)
            assert named or command is vendors.RegisterVendor, command  # each names something of A
            versions = {aggregate: ledger.repository.get(aggregate).version for aggregate in named}
            head = ledger.recorder.max_notification_id()
            for office, problem in ((b, case.refused_as), (a, "forbidden")):
                answer = client.post(_path(route, office.org, ids), json=body, headers=b.keys[role])
                refused = (answer.status_code, answer.json().get("type"))
                assert refused == (catalogue[problem]["status"], problem), (command.__name__, answer.text)
                assert ledger.recorder.max_notification_id() == head, (command.__name__, office.org)
                assert {n: ledger.repository.get(n).version for n in named} == versions
                checked += 1
    assert checked == 2 * sum(len(cases) for cases in CROSS_ORGANISATION.values())

    # What A recorded reads back as A left it: the debarment in force, the address unchanged.
    vendor = ledger.repository.get(UUID(a.ids["vendor"]))
    assert vendor.address == "서울특별시 중구 세종대로 110"
    assert [(d.issued_by, d.lifted_on) for d in vendor.debarments] == [(CITY, None)]


def test_a_vendor_is_shared_for_use_a_debarment_by_another_organisation_binds_and_is_its_own(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    a, b = two_offices(client, key_for, everything=False)
    city_vendor = a.ids["vendor"]

    # B obligates, contracts and pays with the vendor A registered
    obligation = b.do(
        Role.APPROVER,
        "/obligations",
        line_id=b.ids["line"],
        amount=500_000,
        description="자재",
        vendor_id=city_vendor,
    )["aggregate_id"]
    contract = b.do(
        Role.APPROVER,
        "/contracts",
        obligation_id=obligation,
        vendor_id=city_vendor,
        amount=400_000,
        method="open",
        title="자재 구매",
        department="성동구청",
        starts=ON,
        ends=f"{YEAR}-06-30",
    )["aggregate_id"]
    voucher = b.do(
        Role.CLERK,
        "/vouchers",
        obligation_id=obligation,
        contract_id=contract,
        amount=100_000,
        description="자재비",
        payee_id=city_vendor,
    )
    assert voucher["version"] == 1

    # B debars A's vendor (SHARED_USE): recorded by and for B, and binding A too
    debarred = b.do(
        Role.APPROVER,
        f"/vendors/{city_vendor}/debarments",
        f"{YEAR}-04-01",
        ground="계약 불이행",
        starts=f"{YEAR}-04-02",
        ends=f"{YEAR}-09-30",
    )
    vendor = service.ledger.repository.get(UUID(city_vendor))
    assert [(d.issued_by, d.starts.isoformat()) for d in vendor.debarments] == [
        (CITY, f"{YEAR}-11-01"),
        (SEONGDONG, f"{YEAR}-04-02"),
    ]
    refused = client.post(
        a.path("/obligations"),
        json={
            "accounting_date": f"{YEAR}-05-02",
            "line_id": a.ids["line"],
            "amount": 1_000,
            "description": "x",
            "vendor_id": city_vendor,
        },
        headers=a.keys[Role.APPROVER],
    )
    assert (refused.status_code, refused.json().get("type")) == (409, "vendor-debarred")
    # A may not lift it, B may
    lift = f"/vendors/{city_vendor}/debarments/{debarred['created_id']}/lifting"
    by_city = client.post(
        a.path(lift),
        json={"accounting_date": f"{YEAR}-05-03", "reason": "본청 직권"},
        headers=a.keys[Role.APPROVER],
    )
    assert (by_city.status_code, by_city.json().get("type")) == (403, "debarment-issued-elsewhere")
    assert by_city.json()["numbers"] == {"issued_by": SEONGDONG, "org": CITY}
    b.do(Role.APPROVER, lift, f"{YEAR}-05-03", reason="처분 취소 판결")
    again = client.post(
        a.path("/obligations"),
        json={
            "accounting_date": f"{YEAR}-05-04",
            "line_id": a.ids["line"],
            "amount": 1_000,
            "description": "x",
            "vendor_id": city_vendor,
        },
        headers=a.keys[Role.APPROVER],
    )
    assert again.status_code == 201, again.text


# --- finding 4 of issue 12, as it was found ------------------------------------------------------


def test_an_approver_of_a_district_cannot_lift_the_citys_debarment_and_the_city_cannot_contract(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    """Issue 12, finding 4: an approver of 3030000 lifted a debarment that 6110000 recorded, and
    6110000 then contracted with the vendor."""
    city, district = two_offices(client, key_for, everything=False)
    vendor = city.ids["vendor"]
    debarment = city.record(
        "collusion",
        Role.APPROVER,
        f"/vendors/{vendor}/debarments",
        f"{YEAR}-02-10",
        ground="입찰 담합",
        starts=f"{YEAR}-03-01",
        ends=f"{YEAR}-08-31",
    )
    head = service.ledger.recorder.max_notification_id()
    lift = f"/vendors/{vendor}/debarments/{debarment}/lifting"
    body = {"accounting_date": f"{YEAR}-03-02", "reason": "법원 집행정지"}

    refused = client.post(district.path(lift), json=body, headers=district.keys[Role.APPROVER])
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json().get("type") == "debarment-issued-elsewhere"
    assert refused.json()["numbers"] == {"issued_by": CITY, "org": SEONGDONG}
    assert client.post(city.path(lift), json=body, headers=district.keys[Role.APPROVER]).status_code == 403
    assert service.ledger.recorder.max_notification_id() == head

    # the city then contracts with the vendor inside the debarment: refused
    obligation = city.do(
        Role.APPROVER, "/obligations", line_id=city.ids["line"], amount=100_000, description="공사"
    )
    signed = client.post(
        city.path("/contracts"),
        json={
            "accounting_date": f"{YEAR}-03-10",
            "obligation_id": obligation["aggregate_id"],
            "vendor_id": vendor,
            "amount": 100_000,
            "method": "open",
            "title": "공사",
            "department": "재무과",
            "starts": f"{YEAR}-03-10",
            "ends": f"{YEAR}-06-30",
        },
        headers=city.keys[Role.APPROVER],
    )
    assert (signed.status_code, signed.json().get("type")) == (409, "vendor-debarred")
    assert signed.json()["numbers"]["starts"] == f"{YEAR}-03-01"

    # the public table shows the debarment in force, issued by the city, not lifted
    position = service.ledger.recorder.max_notification_id()
    table = client.get(
        "/api/v1/public/debarred-vendors",
        params={
            "min_position": position,
            "org": CITY,
            "date_from": f"{YEAR}-03-10",
            "date_to": f"{YEAR}-03-10",
        },
    )
    assert table.status_code == 200, table.text
    [row] = table.json()["items"]
    assert (row["debarment_id"], row["org"], row["lifted_on"], row["lifted_by"]) == (
        debarment,
        CITY,
        None,
        None,
    )

    # the city lifts its own debarment: recorded by and for the city, and shown so
    lifted = city.do(Role.APPROVER, lift, f"{YEAR}-03-02", reason="법원 집행정지")
    table = client.get(
        "/api/v1/public/debarred-vendors", params={"min_position": lifted["position"], "org": CITY}
    )
    rows = {row["debarment_id"]: row for row in table.json()["items"]}
    assert (rows[debarment]["lifted_on"], rows[debarment]["lifted_by"]) == (f"{YEAR}-03-02", CITY)


def test_a_clerk_of_a_district_cannot_change_the_address_of_a_vendor_the_city_registered(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    """Issue 12, finding 4: a clerk of 3030000 changed the address of a vendor 6110000
    registered. The city (본청) keeps the shared register: it may correct a district's vendor."""
    city, district = two_offices(client, key_for, everything=False)
    city_vendor, district_vendor = city.ids["vendor"], district.ids["vendor"]
    head = service.ledger.recorder.max_notification_id()
    body = {"accounting_date": f"{YEAR}-03-02", "address": "서울특별시 성동구 왕십리로 222"}

    refused = client.post(
        district.path(f"/vendors/{city_vendor}/address"), json=body, headers=district.keys[Role.CLERK]
    )
    assert (refused.status_code, refused.json().get("type")) == (403, "vendor-registered-elsewhere")
    assert refused.json()["numbers"] == {"registered_by": CITY, "org": SEONGDONG}
    assert service.ledger.recorder.max_notification_id() == head
    assert service.ledger.repository.get(UUID(city_vendor)).address == "서울특별시 중구 세종대로 110"

    # the registering district and the city may; each change is recorded by and for its organisation
    district.do(Role.CLERK, f"/vendors/{district_vendor}/address", address="서울특별시 성동구 왕십리로 1")
    city.do(Role.CLERK, f"/vendors/{district_vendor}/address", address="서울특별시 성동구 고산자로 270")
    city.do(Role.CLERK, f"/vendors/{city_vendor}/address", address="서울특별시 중구 세종대로 110-1")
    changes = [
        (n.originator_id, n.state)
        for n in service.ledger.recorder.select_notifications(head + 1, 100)
        if n.topic.endswith("Vendor.AddressChanged")
    ]
    orgs = [
        (str(originator), service.ledger.mapper.transcoder.decode(state)["org"])
        for originator, state in changes
    ]
    assert orgs == [(district_vendor, SEONGDONG), (district_vendor, CITY), (city_vendor, CITY)]


def test_a_vendors_audit_trail_shows_who_registered_changed_debarred_and_lifted(
    client: TestClient, key_for: KeyMaker
) -> None:
    city, district = two_offices(client, key_for, everything=False)
    vendor = city.ids["vendor"]  # registered and debarred (from November) by the city
    debarment = district.record(
        "debarment_of_city_vendor",
        Role.APPROVER,
        f"/vendors/{vendor}/debarments",
        f"{YEAR}-04-01",
        ground="계약 불이행",
        starts=f"{YEAR}-04-02",
        ends=f"{YEAR}-09-30",
    )
    district.do(Role.APPROVER, f"/vendors/{vendor}/debarments/{debarment}/lifting", reason="처분 취소 판결")
    city.do(Role.CLERK, f"/vendors/{vendor}/address", address="서울특별시 중구 세종대로 110-1")

    history = f"{PREFIX}/orgs/{SEONGDONG}/vendors/{vendor}/history"
    answer = client.get(history, headers=district.keys[Role.AUDITOR])
    assert answer.status_code == 200, answer.text
    trail = [(e["event"], e["org"], e["actor"]) for e in answer.json()["items"]]
    assert trail == [
        ("Registered", CITY, f"clerk-{CITY}"),
        ("Debarred", CITY, f"approver-{CITY}"),
        ("Debarred", SEONGDONG, f"approver-{SEONGDONG}"),
        ("DebarmentLifted", SEONGDONG, f"approver-{SEONGDONG}"),
        ("AddressChanged", CITY, f"clerk-{CITY}"),
    ]
    lifted = answer.json()["items"][3]
    assert lifted["details"] == {"debarment_id": debarment, "reason": "처분 취소 판결"}
    # a business's trail reads the same from every organisation, a page at a time
    first = client.get(history.replace(SEONGDONG, CITY), params={"limit": 2}, headers=city.keys[Role.AUDITOR])
    assert [e["event"] for e in first.json()["items"]] == ["Registered", "Debarred"]
    second = client.get(
        history.replace(SEONGDONG, CITY),
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=city.keys[Role.AUDITOR],
    )
    assert [e["event"] for e in second.json()["items"]] == ["Debarred", "DebarmentLifted"]
    # any role of the path's organisation, and no other
    assert client.get(history, headers=city.keys[Role.AUDITOR]).status_code == 403

    # a person (개인) is read only by the organisation that registered it
    person = district.record(
        "person",
        Role.CLERK,
        "/vendors",
        f"{YEAR}-01-06",
        kind="person",
        registration_number="P-000777",
        name="홍길동",
        address="서울특별시 성동구 어딘가 1",
    )
    own = client.get(
        f"{PREFIX}/orgs/{SEONGDONG}/vendors/{person}/history", headers=district.keys[Role.AUDITOR]
    )
    assert [e["org"] for e in own.json()["items"]] == [SEONGDONG]
    for vendor_id in (person, "00000000-0000-4000-8000-000000000000"):
        hidden = client.get(
            f"{PREFIX}/orgs/{CITY}/vendors/{vendor_id}/history", headers=city.keys[Role.AUDITOR]
        )
        assert (hidden.status_code, hidden.json().get("type")) == (404, "vendor-not-found")
