"""A driver for personnel (인사) application tests: a chart, hires and actions, one line each.

hr = Personnel(ledger).ready()                 # departments, grades, positions, 정원
kim = hr.hire("E001", department="FIN")        # drafted by the clerk, approved by the manager
leave = hr.act(kim, ActionKind.LEAVE, on=day(4, 1), leave_kind=LeaveKind.UNPAID, expected_end=day(9, 30))
assert hr.state(kim, day(4, 1)).status is Status.ON_LEAVE

The chart (from 2026-01-01): HQ 본부 over FIN 재무과 (정원 10), HR 총무과 (정원 10) and IT
정보화담당관 (정원 2); grades G9 < G8 < G7 < G6 with five steps each, and G5 only from
2026-07-01; positions P1 주무관 and P2 팀장.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import threading
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from commands.ledger import Ledger
from commands.messages.base import CommandResult
from commands.messages.budget import RegisterOrganisation
from commands.messages.personnel import (
    AbolishDepartment,
    ApprovalItem,
    ApprovePersonnelActions,
    CreateDepartment,
    DefineGrade,
    DefinePosition,
    DraftPersonnelAction,
    HireEmployee,
    MergeDepartment,
    PersonalData,
    PersonnelCommand,
    RejectPersonnelAction,
    SetAuthorisedHeadcount,
    SetPersonnelRules,
)
from commands.use_cases.personnel import action_id_for
from domain.errors import AlreadyExists, DomainError
from domain.organisation import OrganisationKind
from domain.personnel.actions import Action, ActionKind, ServiceState
from domain.personnel.employee import Employee
from domain.personnel.org_chart import HeadcountPolicy, LeaveKind, OrgChart
from domain.personnel.staffing import Staffing

ORG = "6110001"
YEAR = 2026
CHART_FROM = date(YEAR, 1, 1)
HIRED_ON = date(YEAR, 2, 2)
#: The day approvals and chart changes are dated when the test does not care.
OFFICE_DAY = date(YEAR, 1, 2)
CLERK = "kim"
MANAGER = "lee"

C = TypeVar("C", bound=PersonnelCommand)

GRADES = {  # code: (name, rank, max_step, from)
    "G9": ("9급", 1, 5, CHART_FROM),
    "G8": ("8급", 2, 5, CHART_FROM),
    "G7": ("7급", 3, 5, CHART_FROM),
    "G6": ("6급", 4, 5, CHART_FROM),
    "G5": ("5급", 5, 5, date(YEAR, 7, 1)),
}
DEPARTMENTS = {  # code: (name, parent, 정원)
    "HQ": ("본부", None, None),
    "FIN": ("재무과", "HQ", 10),
    "HR": ("총무과", "HQ", 10),
    "IT": ("정보화담당관", "HQ", 2),
}
RRN = "900101-1234567"


def day(month: int, dom: int, year: int = YEAR) -> date:
    return date(year, month, dom)


class FakeSealer:
    """Stands in for commands.personal_data's vault: seals to an opaque ``pd1:`` token and records
    every call (thread-safe: list.append under the GIL)."""

    def __init__(self) -> None:
        self.sealed: list[tuple[UUID, dict[str, Any]]] = []
        self.erased: list[tuple[UUID, str]] = []
        self._opened: dict[tuple[UUID, str], dict[str, Any]] = {}

    def seal(self, subject: UUID, fields: Mapping[str, Any]) -> str:
        self.sealed.append((subject, dict(fields)))
        digest = hashlib.sha256(subject.bytes + json.dumps(fields, sort_keys=True).encode()).digest()
        token = "pd1:" + base64.b64encode(digest).decode()
        self._opened[(subject, token)] = dict(fields)
        return token

    def unseal(self, subject: UUID, sealed: str) -> dict[str, Any] | None:
        """What was sealed for ``subject`` (None once erased, as the vault answers)."""
        if any(erased == subject for erased, _ in self.erased):
            return None
        return self._opened.get((subject, sealed))

    def erase(self, subject: UUID, reason: str) -> None:
        self.erased.append((subject, reason))


def personal(name: str = "홍길동", rrn: str = RRN, **more: Any) -> PersonalData:
    return PersonalData(name=name, rrn=rrn, **more)  # type: ignore[arg-type]


def register_organisation(ledger: Ledger, org: str) -> None:
    """Personnel begins with a registered organisation (its chart refuses any other)."""
    command = RegisterOrganisation(
        command_id=uuid.uuid5(uuid.NAMESPACE_URL, f"register:{org}"),
        org=org,
        fiscal_year=2000,
        accounting_date=date(2000, 1, 1),
        actor="admin",
        name=f"기관 {org}",
        kind=OrganisationKind.INSTITUTION,
    )
    with contextlib.suppress(AlreadyExists):  # registered already, by the test's own books
        ledger.handle(command)


class Personnel:
    def __init__(self, ledger: Ledger, org: str = ORG, clerk: str = CLERK, manager: str = MANAGER) -> None:
        self.ledger, self.org, self.clerk, self.manager = ledger, org, clerk, manager
        self.sealer = FakeSealer()
        ledger.personal_data = self.sealer
        register_organisation(ledger, org)
        self._orders = 0
        self._lock = threading.Lock()

    # --- commands -------------------------------------------------------------------------------

    def order(self) -> str:
        with self._lock:
            self._orders += 1
            return f"{YEAR}-{self._orders:04d}"

    def command(
        self,
        cls: type[C],
        *,
        on: date = OFFICE_DAY,
        actor: str | None = None,
        command_id: UUID | None = None,
        **fields: Any,
    ) -> C:
        return cls(
            command_id=command_id or uuid.uuid4(),
            org=fields.pop("org", self.org),
            actor=actor or self.clerk,
            effective_date=on,
            **fields,
        )

    def run(self, cls: type[PersonnelCommand], **fields: Any) -> CommandResult:
        return self.ledger.handle(self.command(cls, **fields))

    # --- the chart ------------------------------------------------------------------------------

    def ready(self) -> Personnel:
        for code, (name, parent, headcount) in DEPARTMENTS.items():
            self.department(code, name, parent=parent, headcount=headcount)
        for code, (name, rank, max_step, since) in GRADES.items():
            self.run(DefineGrade, on=since, code=code, name=name, rank=rank, band="일반직", max_step=max_step)
        self.run(DefinePosition, on=CHART_FROM, code="P1", title="주무관")
        self.run(DefinePosition, on=CHART_FROM, code="P2", title="팀장")
        return self

    def department(
        self,
        code: str,
        name: str | None = None,
        *,
        parent: str | None = "HQ",
        headcount: int | None = None,
        on: date = CHART_FROM,
    ) -> None:
        self.run(CreateDepartment, on=on, code=code, name=name or f"{code} 과", parent=parent)
        if headcount is not None:
            self.authorise(code, headcount, on=on)

    def authorise(self, department: str, headcount: int, on: date = CHART_FROM) -> CommandResult:
        return self.run(SetAuthorisedHeadcount, on=on, department=department, headcount=headcount)

    def abolish(self, department: str, on: date) -> CommandResult:
        return self.run(AbolishDepartment, on=on, code=department)

    def merge(self, department: str, into: str, on: date) -> CommandResult:
        return self.run(MergeDepartment, on=on, code=department, into=into)

    def rules(
        self,
        headcount_policy: HeadcountPolicy = HeadcountPolicy.REFUSE,
        advancing_leave: tuple[LeaveKind, ...] = (LeaveKind.PARENTAL,),
    ) -> CommandResult:
        return self.run(SetPersonnelRules, headcount_policy=headcount_policy, advancing_leave=advancing_leave)

    # --- employees and actions ----------------------------------------------------------------

    def draft_hire(
        self,
        number: str,
        *,
        department: str = "FIN",
        grade: str = "G9",
        step: int = 1,
        on: date = HIRED_ON,
        actor: str | None = None,
        command_id: UUID | None = None,
        data: PersonalData | None = None,
        **fields: Any,
    ) -> tuple[UUID, UUID]:
        """The hire drafted (not approved): (employee id, hire action id)."""
        command = self.command(
            HireEmployee,
            on=on,
            actor=actor,
            command_id=command_id,
            employee_number=number,
            personal=data or personal(),
            order_number=self.order(),
            department=department,
            grade=grade,
            step=step,
            **fields,
        )
        result = self.ledger.handle(command)
        employee_id = Employee.id_for(self.org, number)
        assert result.aggregate_id == employee_id
        return employee_id, action_id_for(command.command_id, employee_id)

    def hire(self, number: str, **fields: Any) -> UUID:
        """Hired: drafted by the clerk, approved by the manager."""
        employee_id, action_id = self.draft_hire(number, **fields)
        self.approve(employee_id, action_id)
        return employee_id

    def draft(
        self,
        employee_id: UUID,
        kind: ActionKind,
        *,
        on: date,
        actor: str | None = None,
        corrects: UUID | None = None,
        **fields: Any,
    ) -> UUID:
        command = self.draft_command(employee_id, kind, on=on, actor=actor, corrects=corrects, **fields)
        self.ledger.handle(command)
        return action_id_for(command.command_id, employee_id)

    def draft_command(
        self,
        employee_id: UUID,
        kind: ActionKind,
        *,
        on: date,
        actor: str | None = None,
        corrects: UUID | None = None,
        **fields: Any,
    ) -> DraftPersonnelAction:
        return self.command(
            DraftPersonnelAction,
            on=on,
            actor=actor,
            employee_id=employee_id,
            kind=kind,
            corrects=corrects,
            order_number=self.order(),
            **fields,
        )

    def approve(self, employee_id: UUID, *action_ids: UUID, actor: str | None = None) -> CommandResult:
        return self.ledger.handle(self.approve_command(employee_id, *action_ids, actor=actor))

    def approve_command(
        self, employee_id: UUID, *action_ids: UUID, actor: str | None = None
    ) -> ApprovePersonnelActions:
        return self.command(
            ApprovePersonnelActions,
            actor=actor or self.manager,
            items=tuple(ApprovalItem(employee_id=employee_id, action_id=a) for a in action_ids),
        )

    def reject(self, employee_id: UUID, action_id: UUID, actor: str | None = None) -> CommandResult:
        return self.run(
            RejectPersonnelAction,
            actor=actor or self.manager,
            employee_id=employee_id,
            action_id=action_id,
            reason="서류 미비",
        )

    def act(self, employee_id: UUID, kind: ActionKind, *, on: date, **fields: Any) -> UUID:
        """Drafted by the clerk and approved by the manager: in effect from ``on``."""
        action_id = self.draft(employee_id, kind, on=on, **fields)
        self.approve(employee_id, action_id)
        return action_id

    # --- reads ----------------------------------------------------------------------------------

    def employee(self, employee_id: UUID, version: int | None = None) -> Employee:
        found = self.ledger.repository.get(employee_id, version=version)
        assert isinstance(found, Employee)
        return found

    def state(self, employee_id: UUID, on: date) -> ServiceState | None:
        return self.employee(employee_id).state_on(on)

    def at(self, employee_id: UUID, on: date) -> ServiceState:
        """The record as of ``on`` of someone hired by then."""
        state = self.state(employee_id, on)
        assert state is not None, f"employee {employee_id} is not hired on {on}"
        return state

    def action(self, employee_id: UUID, action_id: UUID) -> Action:
        return self.employee(employee_id).action(action_id)

    def chart(self) -> OrgChart:
        found = self.ledger.repository.get(OrgChart.id_for(self.org))
        assert isinstance(found, OrgChart)
        return found

    def headcount(self, department: str, on: date) -> int:
        """Staffing.headcount_on of the department's own staffing (0 if nobody ever counted)."""
        staffing_id = Staffing.id_for(self.org, department)
        if staffing_id not in self.ledger.repository:
            return 0
        found = self.ledger.repository.get(staffing_id)
        assert isinstance(found, Staffing)
        return found.headcount_on(on)

    def log_size(self) -> int:
        return len(self.ledger.recorder.select_notifications(1, 1_000_000))


def run_together(calls: list[Callable[[], CommandResult]]) -> list[CommandResult | DomainError]:
    """Every call started at once from its own thread (a barrier): each one's result or refusal."""
    barrier = threading.Barrier(len(calls))

    def call(fn: Callable[[], CommandResult]) -> CommandResult | DomainError:
        barrier.wait()
        try:
            return fn()
        except DomainError as refusal:
            return refusal

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(call, calls))
