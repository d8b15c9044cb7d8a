"""One meaning of ``ETag`` and ``If-Match`` per resource, for every command that takes If-Match.

The rule (docs/api.md, "Commands"): If-Match names one resource per command, the aggregate whose
version is checked; the answer's ETag is that resource's version after the command, so the ETag of
one answer sent back as If-Match to the next command on that resource is what it expects. A
command that creates an aggregate under another (an obligation under its budget line, a contract
under its obligation, an assessment under its revenue line) is checked against the parent: its
ETag is the parent's new version, and its body's ``version`` is the new aggregate's (the If-Match
of the next command on that one).

Each step below is one command, first sent with a stale If-Match (412, nothing recorded), then
with the version the resource is at: the ETag of the previous step when that step acted on the
same resource (else what the ledger holds). Every answer's ETag equals the version the ledger
holds for the resource If-Match named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from fastapi.testclient import TestClient

from api.roles import COMMAND_ROLES, Role
from api.routers.commands import IF_MATCH, PREFIX, ROUTES
from cleanledger.wiring import Service
from commands.messages import attendance, budget, contracts, payments, personnel, revenue, spending, vendors
from commands.messages.base import Command, Versioned
from commands.messages.personnel import PersonnelCommand
from domain.organisation import FiscalYear
from domain.personnel.attendance import AttendanceRecord
from domain.personnel.org_chart import OrgChart
from tests.api.conftest import YEAR, KeyMaker
from tests.api.test_organisation_scope import CITY, ON, Office, open_office

ROUTE = {route.command: route for route in ROUTES}


@dataclass(frozen=True)
class Step:
    """A command, the resource its If-Match names (a name in the office's ids), the ids of its
    path, its body (a value ``"@name"`` is the id kept under that name), and what to keep of its
    answer: name → field of the body."""

    command: type[Command]
    resource: str
    path: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    keep: dict[str, str] = field(default_factory=dict)


def _line(name: str = "line") -> dict[str, str]:
    return {"line_id": f"@{name}"}


def _employee(name: str = "employee") -> dict[str, str]:
    return {"employee_id": f"@{name}"}


STEPS: tuple[Step, ...] = (
    # a budget line: each answer's ETag is the If-Match of the next command on the line
    Step(budget.Allocate, "line", _line(), {"quarter": 2, "amount": 1_000}),
    Step(
        budget.PullAllocationForward, "line", _line(), {"from_quarter": 4, "to_quarter": 2, "amount": 1_000}
    ),
    Step(budget.AmendBudget, "line", _line(), {"change": 1_000, "reference": "1회 추경"}),
    # obligate checks the line: its ETag is the line's new version, its body the obligation's
    Step(
        spending.Obligate,
        "line",
        body={"line_id": "@line", "amount": 1_000, "description": "물품"},
        keep={"new_obligation": "aggregate_id"},
    ),
    Step(budget.Allocate, "line", _line(), {"quarter": 2, "amount": 1_000}),
    Step(
        budget.TransferBudget,
        "line",
        body={
            "from_line_id": "@line",
            "to_line_id": "@other_line",
            "amount": 1_000,
            "kind": "diversion",
            "reason": "전용",
        },
    ),
    Step(budget.AmendBudget, "line", _line(), {"change": 1_000, "reference": "2회 추경"}),
    Step(
        budget.GrantContingency,
        "other_line",
        body={"reserve_line_id": "@reserve", "to_line_id": "@other_line", "amount": 1_000, "reason": "재해"},
    ),
    Step(budget.AmendBudget, "other_line", _line("other_line"), {"change": 1_000, "reference": "추경"}),
    # the new obligation, by the version obligate's body gave
    Step(
        spending.AmendObligation,
        "new_obligation",
        {"obligation_id": "@new_obligation"},
        {
            "new_amount": 2_000,
            "reason": "증액",
        },
    ),
    Step(
        spending.CancelObligation, "new_obligation", {"obligation_id": "@new_obligation"}, {"reason": "취소"}
    ),
    # requisitions
    Step(spending.ApproveRequisition, "requisition", {"requisition_id": "@requisition"}),
    # sign checks the obligation: its ETag is the obligation's, its body the contract's
    Step(
        contracts.SignContract,
        "obligation",
        body={
            "obligation_id": "@obligation",
            "vendor_id": "@vendor",
            "amount": 100_000,
            "method": "open",
            "title": "설계",
            "department": "복지정책과",
            "starts": ON,
            "ends": f"{YEAR}-06-30",
        },
        keep={"new_contract": "aggregate_id"},
    ),
    Step(
        spending.AmendObligation,
        "obligation",
        {"obligation_id": "@obligation"},
        {
            "new_amount": 2_900_000,
            "reason": "감액",
        },
    ),
    Step(
        contracts.AmendContract,
        "new_contract",
        {"contract_id": "@new_contract"},
        {
            "new_amount": 90_000,
            "reason": "물량 감소",
        },
    ),
    Step(
        contracts.InspectContract,
        "new_contract",
        {"contract_id": "@new_contract"},
        {
            "inspected_amount": 90_000,
            "passed": True,
        },
    ),
    Step(contracts.CompleteContract, "new_contract", {"contract_id": "@new_contract"}),
    Step(contracts.TerminateContract, "contract", {"contract_id": "@contract"}, {"reason": "업체 부도"}),
    # vendors
    Step(vendors.ChangeVendorAddress, "vendor", {"vendor_id": "@vendor"}, {"address": "서울특별시 중구 1"}),
    Step(
        vendors.DebarVendor,
        "vendor",
        {"vendor_id": "@vendor"},
        {"ground": "허위 서류", "starts": f"{YEAR + 1}-01-01", "ends": f"{YEAR + 1}-06-30"},
        keep={"new_debarment": "created_id"},
    ),
    Step(
        vendors.LiftDebarment,
        "vendor",
        {"vendor_id": "@vendor", "debarment_id": "@new_debarment"},
        {"reason": "법원 집행정지"},
    ),
    # vouchers
    Step(payments.ApproveVoucher, "voucher", {"voucher_id": "@voucher"}),
    Step(
        payments.IssuePaymentOrder,
        "voucher",
        {"voucher_id": "@voucher"},
        {"amount": 100_000},
        {"new_order": "created_id"},
    ),
    Step(
        payments.Pay,
        "voucher",
        {"voucher_id": "@voucher"},
        {"order_id": "@new_order", "amount": 100_000},
        {"new_payment": "created_id"},
    ),
    Step(
        payments.ReturnPayment,
        "voucher",
        {"voucher_id": "@voucher"},
        {
            "payment_id": "@new_payment",
            "amount": 1_000,
            "reason": "과지급",
        },
    ),
    # revenue: assess checks the revenue line; its body is the assessment's
    Step(
        revenue.AssessRevenue,
        "revenue_line",
        {"line_id": "@revenue_line"},
        {"payer": "(주)한빛상사", "payer_kind": "business", "amount": 50_000, "due_date": f"{YEAR}-04-30"},
        keep={"new_assessment": "aggregate_id"},
    ),
    Step(
        revenue.AssessRevenue,
        "revenue_line",
        {"line_id": "@revenue_line"},
        {"payer": "홍길동", "payer_kind": "person", "amount": 10_000, "due_date": f"{YEAR}-04-30"},
    ),
    Step(
        revenue.ReduceAssessment,
        "new_assessment",
        {"assessment_id": "@new_assessment"},
        {
            "amount": 10_000,
            "reason": "감면",
        },
    ),
    Step(revenue.BillRevenue, "new_assessment", {"assessment_id": "@new_assessment"}, {"amount": 40_000}),
    Step(
        revenue.CollectRevenue,
        "new_assessment",
        {"assessment_id": "@new_assessment"},
        {
            "amount": 50_000,
            "allow_overpayment": True,
        },
    ),
    Step(
        revenue.RefundOverpayment,
        "new_assessment",
        {"assessment_id": "@new_assessment"},
        {
            "amount": 10_000,
            "reason": "과오납",
        },
    ),
    Step(budget.CarryOver, "line", _line(), {"amount": 1_000, "kind": "explicit"}),
    Step(budget.AmendBudget, "line", _line(), {"change": 1_000, "reference": "3회 추경"}),
    Step(budget.CloseFiscalYear, "year"),
    # personnel: the organisation's chart (one aggregate) …
    Step(personnel.CreateDepartment, "chart", body={"code": "NEW", "name": "신설팀"}),
    Step(personnel.RenameDepartment, "chart", body={"code": "NEW", "name": "신설과"}),
    Step(personnel.CreateDepartment, "chart", body={"code": "OLD", "name": "통합될팀"}),
    Step(personnel.MergeDepartment, "chart", body={"code": "OLD", "into": "NEW"}),
    Step(personnel.CreateDepartment, "chart", body={"code": "GONE", "name": "폐지될팀"}),
    Step(personnel.AbolishDepartment, "chart", body={"code": "GONE"}),
    Step(
        personnel.DefineGrade,
        "chart",
        body={"code": "G2", "name": "2급", "rank": 2, "band": "전체", "max_step": 30},
    ),
    Step(personnel.RetireGrade, "chart", body={"code": "G2"}),
    Step(personnel.DefinePosition, "chart", body={"code": "TL", "title": "팀장"}),
    Step(personnel.SetAuthorisedHeadcount, "chart", body={"department": "HR", "headcount": 10}),
    Step(personnel.SetPersonnelRules, "chart", body={"retention_years": 1}),
    # … an employee, and a certificate created under them …
    Step(
        personnel.DraftPersonnelAction,
        "employee",
        _employee(),
        {"kind": "discipline", "order_number": "X-1", "discipline_kind": "reprimand"},
    ),
    Step(
        personnel.RejectPersonnelAction,
        "employee",
        _employee(),
        {"action_id": "@drafted_action", "reason": "반려"},
    ),
    Step(
        personnel.ChangePersonalData,
        "employee",
        _employee(),
        {"personal": {"name": "홍길동", "rrn": "900101-1234567", "phone": "010-1111-2222"}},
    ),
    Step(personnel.IssueCertificate, "employee", _employee(), {"kind": "employment", "purpose": "제출용"}),
    Step(personnel.LinkEmployeeAccount, "employee", _employee(), {"username": "hong"}),
    Step(
        personnel.ErasePersonalData,
        "retiree",
        _employee("retiree"),
        {"reason": "보존기간 경과", "effective_date": f"{YEAR + 1}-02-01"},
    ),
    # … and the employee's attendance record (its own version, not the employee's)
    Step(
        attendance.CorrectAttendance,
        "attendance",
        _employee(),
        {"kind": "sick_leave", "reason": "병가로 정정"},
    ),
    Step(attendance.WithdrawAttendance, "attendance", _employee(), {"reason": "취소"}),
)

#: Commands that take If-Match but are sent on a fresh aggregate of their own (their answer would
#: end the chains above): drafted here, and the draft's ETag is their If-Match.
AFTER_A_DRAFT: dict[type[Command], tuple[str, dict[str, Any], str, dict[str, Any]]] = {
    spending.RejectRequisition: (
        "/requisitions",
        {"line_id": "@line", "title": "물품", "amount": 1_000},
        "/requisitions/{id}/rejection",
        {"reason": "예산 부족"},
    ),
    payments.RejectVoucher: (
        "/vouchers",
        {"obligation_id": "@obligation", "amount": 1_000, "description": "자재비"},
        "/vouchers/{id}/rejection",
        {"reason": "증빙 누락"},
    ),
}


def test_every_command_that_takes_if_match_names_its_resource_and_is_in_the_steps() -> None:
    versioned = {route.command for route in ROUTES if issubclass(route.command, Versioned)}
    assert set(IF_MATCH) == versioned
    assert {step.command for step in STEPS} | set(AFTER_A_DRAFT) == versioned


def _resolve(value: Any, ids: dict[str, str]) -> Any:
    return ids[value[1:]] if isinstance(value, str) and value.startswith("@") else value


def _path(command: type[Command], ids: dict[str, str]) -> str:
    values = {"org": CITY, "fiscal_year": str(YEAR), **ids}
    return PREFIX + re.sub(r"{(\w+)}", lambda m: values[m.group(1)], ROUTE[command].path)


def test_the_etag_of_an_answer_is_the_if_match_of_the_next_command_on_the_same_resource(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    admin = key_for("admin", "admin@*")
    office = open_office(client, key_for, admin, CITY, "서울특별시", "city", "123-45-67890", True)
    ids = office.ids
    ids["year"] = str(FiscalYear.id_for(CITY, YEAR))
    ids["chart"] = str(OrgChart.id_for(CITY))
    _retiree_and_a_recorded_day(client, office)
    ids["attendance"] = str(AttendanceRecord.id_for(CITY, UUID(ids["employee"])))
    ledger = service.ledger
    version_of: Callable[[str], int] = lambda name: ledger.repository.get(UUID(ids[name])).version  # noqa: E731
    for command, (create, create_body, act, act_body) in AFTER_A_DRAFT.items():
        clerk = office.keys[min(COMMAND_ROLES[ROUTE_BY_PATH[create]])]
        created = client.post(
            office.path(create),
            json={"accounting_date": ON, **{k: _resolve(v, ids) for k, v in create_body.items()}},
            headers=clerk,
        )
        assert created.status_code == 201, created.text
        draft, etag = created.json()["aggregate_id"], created.headers["ETag"]
        assert etag == f'"{created.json()["version"]}"'
        headers = office.keys[min(COMMAND_ROLES[command])]
        path = office.path(act.format(id=draft))
        act_json = {"accounting_date": ON, **act_body}
        stale = f'"{int(etag.strip(chr(34))) - 1}"'
        refused = client.post(path, json=act_json, headers={**headers, "If-Match": stale})
        assert refused.status_code == 412, refused.text
        answer = client.post(path, json=act_json, headers={**headers, "If-Match": etag})
        assert answer.status_code == 201, answer.text
        assert answer.headers["ETag"] == f'"{ledger.repository.get(UUID(draft)).version}"'

    etags: dict[str, str] = {}  # resource → the ETag (or body version) an answer gave for it
    chained = 0
    for step in STEPS:
        headers = office.keys[min(COMMAND_ROLES[step.command])]
        path = _path(step.command, {k: _resolve(v, ids) for k, v in step.path.items()})
        dated = "effective_date" if issubclass(step.command, PersonnelCommand) else "accounting_date"
        body = {dated: ON, **{k: _resolve(v, ids) for k, v in step.body.items()}}
        name = step.command.__name__
        if step.resource in etags:
            current = etags[step.resource]
            chained += 1
        else:
            current = f'"{version_of(step.resource)}"'

        head = ledger.recorder.max_notification_id()
        stale = f'"{version_of(step.resource) - 1}"'
        refused = client.post(path, json=body, headers={**headers, "If-Match": stale})
        assert (refused.status_code, refused.json()["type"]) == (412, "version-conflict"), (
            name,
            refused.text,
        )
        assert ledger.recorder.max_notification_id() == head

        answer = client.post(path, json=body, headers={**headers, "If-Match": current})
        assert answer.status_code == 201, (name, answer.text)
        accepted = answer.json()
        assert answer.headers["ETag"] == f'"{version_of(step.resource)}"', name
        if accepted["parent_id"] is not None:  # created under the resource If-Match named
            assert accepted["parent_id"] == ids[step.resource], name
            assert answer.headers["ETag"] == f'"{accepted["parent_version"]}"', name
            new = str(accepted["aggregate_id"])
            assert ledger.repository.get(UUID(new)).version == accepted["version"], name
        else:
            assert answer.headers["ETag"] == f'"{accepted["version"]}"', name
        for kept, source in step.keep.items():
            ids[kept] = accepted[source]
            if source == "aggregate_id":
                etags[kept] = f'"{accepted["version"]}"'
        etags[step.resource] = answer.headers["ETag"]
        # A command also moves other aggregates (a payment its line): their last ETag is stale.
        etags = {r: etag for r, etag in etags.items() if etag == f'"{version_of(r)}"'}
    assert chained >= len(STEPS) // 2, "most steps take the ETag of an earlier answer as their If-Match"


def _retiree_and_a_recorded_day(client: TestClient, office: Office) -> None:
    """A second employee, hired and retired in January (whose personal data may be erased once
    the retention the steps set has passed), and a day of the first employee's attendance."""
    hr = f"{PREFIX}/orgs/{office.org}/personnel"
    keys = office.keys

    def do(role: Role, tail: str, **body: Any) -> dict[str, Any]:
        answer = client.post(hr + tail, json=body, headers=keys[role])
        assert answer.status_code == 201, (tail, answer.text)
        accepted: dict[str, Any] = answer.json()
        return accepted

    def approve_all(employee: str, after: int, day: str) -> None:
        pending = client.get(
            f"{hr}/actions",
            params={"status": "drafted", "min_position": after},
            headers=keys[Role.HR_AUDITOR],
        ).json()["items"]
        items = [
            {"employee_id": a["employee_id"], "action_id": a["action_id"]}
            for a in pending
            if a["employee_id"] == employee
        ]
        do(Role.HR_MANAGER, "/approvals", items=items, effective_date=day)

    hired = do(
        Role.HR_CLERK,
        "/employees",
        effective_date=f"{YEAR}-01-02",
        employee_number="E2",
        order_number=f"{YEAR}-9",
        department="HR",
        grade="G1",
        step=1,
        personal={"name": "김퇴직", "rrn": "700101-1234567"},
    )
    retiree = office.ids["retiree"] = hired["aggregate_id"]
    approve_all(retiree, hired["position"], f"{YEAR}-01-02")
    retired = do(
        Role.HR_CLERK,
        f"/employees/{retiree}/actions",
        effective_date=f"{YEAR}-01-05",
        kind="retirement",
        order_number=f"{YEAR}-10",
        retirement_kind="voluntary",
    )
    approve_all(retiree, retired["position"], f"{YEAR}-01-05")
    do(Role.HR_CLERK, f"/employees/{office.ids['employee']}/attendance", effective_date=ON, kind="absence")


ROUTE_BY_PATH = {
    route.path.removeprefix("/orgs/{org}/years/{fiscal_year}"): route.command for route in ROUTES
}


def test_a_replayed_obligation_answers_the_lines_etag_too(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    admin = key_for("admin", "admin@*")
    office: Office = open_office(client, key_for, admin, CITY, "서울특별시", "city", "123-45-67890", False)
    line = office.ids["line"]
    headers = {**office.keys[min(COMMAND_ROLES[spending.Obligate])], "Idempotency-Key": "obligate-once"}
    version = service.ledger.repository.get(UUID(line)).version
    body = {"accounting_date": ON, "line_id": line, "amount": 1_000, "description": "물품"}
    first = client.post(
        office.path("/obligations"), json=body, headers={**headers, "If-Match": f'"{version}"'}
    )
    assert first.status_code == 201, first.text
    assert first.headers["ETag"] == f'"{version + 1}"' == f'"{first.json()["parent_version"]}"'
    again = client.post(
        office.path("/obligations"), json=body, headers={**headers, "If-Match": f'"{version}"'}
    )
    assert again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.json() == first.json()
