"""Commands of personnel (인사): the organisation chart, personnel actions (발령), personal data.

Every personnel command is dated by its effective date (시행일, ``effective_date``): its
accounting date and fiscal year are that day's unless given, so a request carries neither.

Personal data (개인정보) arrives in :class:`PersonalData`, whose values are secrets: they never
appear in a ``repr``, a log line or the command's fingerprint (an idempotency key reused with other
personal data is answered from the first command, not refused), and the use case seals them
before any event is made.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, SecretStr, StrictInt, model_validator

from commands.messages.base import CodeText, Command, Department, Name, Note, Reason, Versioned
from domain.personnel.actions import ActionKind, DisciplineKind, RetirementKind, WorkingPattern
from domain.personnel.certificates import CertificateKind
from domain.personnel.org_chart import HeadcountPolicy, LeaveKind

Secret = Annotated[SecretStr, Field(max_length=500)]


class PersonnelCommand(Command):
    """Dated by ``effective_date``: the accounting date and fiscal year follow it."""

    #: Fields a request body never carries: the effective date decides them.
    derived_fields: ClassVar[frozenset[str]] = frozenset({"accounting_date"})

    fiscal_year: StrictInt = 0
    accounting_date: date = date.min
    effective_date: date = Field(description="시행일: the day it takes effect")

    @model_validator(mode="before")
    @classmethod
    def _dated_by_effect(cls, values: Any) -> Any:
        if isinstance(values, dict):
            day = values.get("effective_date")
            if isinstance(day, str):
                try:
                    day = date.fromisoformat(day)
                except ValueError:
                    return values
            if isinstance(day, date):
                if values.get("accounting_date") in (None, date.min):
                    values = {**values, "accounting_date": day}
                if values.get("fiscal_year") in (None, 0):
                    values = {**values, "fiscal_year": day.year}
        return values


# --- organisation chart (조직) -------------------------------------------------------------------


class CreateDepartment(PersonnelCommand, Versioned):
    code: CodeText
    name: Department
    parent: CodeText | None = Field(default=None, description="The parent department's code")


class RenameDepartment(PersonnelCommand, Versioned):
    code: CodeText
    name: Department


class MergeDepartment(PersonnelCommand, Versioned):
    code: CodeText = Field(description="The department that closes (its people count in `into`)")
    into: CodeText


class AbolishDepartment(PersonnelCommand, Versioned):
    code: CodeText


class DefineGrade(PersonnelCommand, Versioned):
    """직급 and its steps (호봉); defining a grade again changes it from the effective date."""

    code: CodeText
    name: Name
    rank: StrictInt = Field(description="Greater is senior: a promotion goes to a greater rank")
    band: Name = Field(description="The grade band (직급군) the public headcount is shown by")
    max_step: StrictInt


class RetireGrade(PersonnelCommand, Versioned):
    code: CodeText


class DefinePosition(PersonnelCommand, Versioned):
    code: CodeText
    title: Name


class SetAuthorisedHeadcount(PersonnelCommand, Versioned):
    """정원 of a department from the effective date."""

    department: CodeText
    headcount: StrictInt


class SetPersonnelRules(PersonnelCommand, Versioned):
    headcount_policy: HeadcountPolicy = HeadcountPolicy.REFUSE
    advancing_leave: tuple[LeaveKind, ...] = (LeaveKind.PARENTAL,)
    retention_years: StrictInt = Field(default=5, ge=1, le=100)


# --- employees and personnel actions (발령) ------------------------------------------------------


class Dependant(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Secret
    birth_date: Secret = Field(description="YYYY-MM-DD")


class PersonalData(BaseModel):
    """개인정보: sealed before anything is recorded; never echoed back, never logged."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Secret
    rrn: Secret = Field(description="주민등록번호, YYMMDD-NNNNNNN")
    address: Secret | None = None
    phone: Secret | None = None
    email: Secret | None = None
    bank_account: Secret | None = None
    dependants: tuple[Dependant, ...] = Field(default=(), max_length=30)

    def plain(self) -> dict[str, Any]:
        """The values, for sealing only."""

        def value(secret: SecretStr | None) -> str | None:
            return None if secret is None else secret.get_secret_value()

        return {
            "name": value(self.name),
            "rrn": value(self.rrn),
            "address": value(self.address),
            "phone": value(self.phone),
            "email": value(self.email),
            "bank_account": value(self.bank_account),
            "dependants": [
                {"name": value(d.name), "birth_date": value(d.birth_date)} for d in self.dependants
            ],
        }


class ActionFields(BaseModel):
    """What an action sets; which fields each kind needs is the domain's to say."""

    order_number: CodeText = Field(description="발령번호, e.g. 2026-0142")
    department: CodeText | None = None
    grade: CodeText | None = None
    step: StrictInt | None = None
    position: CodeText | None = None
    probation_until: date | None = None
    leave_kind: LeaveKind | None = None
    expected_end: date | None = None
    seconded_to: Name | None = None
    discipline_kind: DisciplineKind | None = None
    period_ends: date | None = None
    pattern: WorkingPattern | None = None
    weekly_hours: StrictInt | None = None
    retirement_kind: RetirementKind | None = None
    reason: Note = ""


class HireEmployee(PersonnelCommand, ActionFields):
    """채용 (drafted: in effect once an hr_manager approves it)."""

    employee_number: CodeText
    personal: PersonalData


class DraftPersonnelAction(PersonnelCommand, ActionFields, Versioned):
    """기안 of an action on an employee; with ``corrects``, a correction of an approved action."""

    employee_id: UUID
    kind: ActionKind
    corrects: UUID | None = Field(default=None, description="The approved action this one amends or cancels")


class DraftStepIncreases(PersonnelCommand):
    """The yearly step increase (정기승급): one drafted increase for each employee named who is
    due one on the effective date; the others are left out. The answer names the last employee
    drafted; the drafts are listed by ``GET …/personnel/actions?status=drafted``, under the
    command's order number."""

    order_number: CodeText
    employee_ids: tuple[UUID, ...] = Field(min_length=1, max_length=5_000)


class ApprovalItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    employee_id: UUID
    action_id: UUID


class ApprovePersonnelActions(PersonnelCommand):
    """결재 of drafted actions (one 발령 order may name many employees)."""

    items: tuple[ApprovalItem, ...] = Field(min_length=1, max_length=5_000)


class RejectPersonnelAction(PersonnelCommand, Versioned):
    employee_id: UUID
    action_id: UUID
    reason: Reason


class ChangePersonalData(PersonnelCommand, Versioned):
    employee_id: UUID
    personal: PersonalData


class LinkEmployeeAccount(PersonnelCommand, Versioned):
    """The user who reads this record as its employee (본인 조회)."""

    employee_id: UUID
    username: CodeText


class ErasePersonalData(PersonnelCommand, Versioned):
    """파기 after retirement and the retention period: the data key is destroyed."""

    employee_id: UUID
    reason: Reason


# --- certificates and reads of personal data -----------------------------------------------------


class IssueCertificate(PersonnelCommand, Versioned):
    """재직증명서 or 경력증명서 as of the effective date. The answer's ``aggregate_id`` is the
    certificate (its verification number derived from the command id), ``parent_id`` and
    ``parent_version`` the employee."""

    employee_id: UUID
    kind: CertificateKind
    purpose: Name = Field(description="용도, e.g. 금융기관 제출용")


class RecordPersonalDataRead(PersonnelCommand):
    """Issued by the API itself whenever it shows unmasked personal data (열람 기록)."""

    employee_id: UUID
    reason: Reason
