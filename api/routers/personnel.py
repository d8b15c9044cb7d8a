"""Personnel (인사) reads over HTTP: the chart, employees as of a date and as known at a moment,
their actions, headcount and vacancies, unmasked personal data (each read recorded), the access
log, certificates; self-service for the employee; the public headcount and certificate check.

Who reads what (api.roles): personnel records only by the HR roles and the auditor of the same
organisation, with personal data masked; unmasked by the HR manager, through a POST that records
the read (who, when, whose, why) before it answers; an employee reads their own record
(``/personnel/me``). The public side sees aggregates with small cells suppressed, and a
certificate's statement by its verification number.

Lists come from the read models (projections). One employee's record as of a date and as known
at a moment is folded from their events (the aggregate at the version it had then), as the
auditor's replay of a budget line is.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError
from fastapi import APIRouter, Body, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import Connection, select

from api import cursors, params, time_travel
from api.accounts import Principal
from api.certificate_pdf import CertificateFontMissing, render_certificate
from api.deps import CurrentPrincipal, MinPosition, ReadConnection, Services
from api.downloads import content_disposition
from api.params import OrgPath
from api.problems import ApiProblem, problem_responses
from api.roles import ACCESS_LOG_READERS, PERSONNEL_READERS, UNMASKED_READERS, Role
from api.routers.public import download_responses
from api.services import ApiServices
from commands import timeline
from commands.messages.base import Reason
from commands.messages.personnel import IssueCertificate, RecordPersonalDataRead
from domain.organisation import Organisation
from domain.personnel.actions import ActionStatus, ServiceState, Status
from domain.personnel.certificates import (
    CareerEntry,
    CertificateKind,
    CertificateStatement,
    check_verification_number,
)
from domain.personnel.employee import Employee
from domain.personnel.masking import mask_name, mask_personal
from domain.personnel.records import IssuedCertificate
from readmodels import personnel_queries as queries
from readmodels.exports import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_chunks, xlsx_chunks
from readmodels.personnel import personnel_employees

PREFIX = "/api/v1/orgs/{org}/personnel"
PUBLIC_PREFIX = "/api/v1/public"
EMPLOYEES, ACTIONS, ACCESS_LOG = "personnel-employees", "personnel-actions", "personnel-access-log"
PDF_MEDIA_TYPE = "application/pdf"

EmployeePath = Annotated[UUID, params.ID]
CertificatePath = Annotated[UUID, params.ID]
AsOf = Annotated[
    date | None,
    Query(description="시행일 기준: the record as of this date (default: today)"),
    params.DATE_OR_NONE,
]
KnownAt = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=64,
        pattern=params.PRINTABLE_ASCII,
        description="As known at this moment: a log position or an ISO 8601 timestamp (default: now)",
    ),
    params.ASCII,
]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="At most this many"), params.DIGITS]


# --- answers --------------------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class HeadcountBy(StrEnum):
    """How headcount is broken down."""

    DEPARTMENT = "department"
    GRADE = "grade"
    BAND = "band"


class ServiceRecordOut(_Out):
    """The record (인사기록) on the day asked: the fold of the approved actions effective by then."""

    status: str = Field(
        description="employed 재직, on_leave 휴직, suspended 직위해제, seconded 파견, retired 퇴직"
    )
    hired_on: date
    department: str
    grade: str
    step: int = Field(description="호봉")
    position: str | None
    pattern: str = Field(description="full_time or part_time")
    weekly_hours: int
    on_probation: bool
    probation_until: date | None
    since: date = Field(description="When the current status began")
    leave_kind: str | None
    expected_end: date | None
    seconded_to: str | None
    last_step_increase: date | None
    last_promotion: date | None
    retired_on: date | None
    retirement_kind: str | None


class PersonalDataOut(BaseModel):
    """개인정보, masked (or, from the reads endpoint and self-service, in full)."""

    name: str | None = None
    rrn: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    bank_account: str | None = None
    dependants: list[dict[str, str | None]] = Field(default_factory=list)


class EmployeeRecordOut(BaseModel):
    employee_id: UUID
    org: str
    employee_number: str
    as_of: date
    version: int = Field(description="The employee's version this record is read from (ETag)")
    known_at_position: int | None = Field(description="The log position known_at stood for (null: now)")
    record: ServiceRecordOut | None = Field(description="Null when not hired (or not approved) by as_of")
    personal: PersonalDataOut | None = Field(description="Masked; null once erased (파기)")
    erased: bool
    username: str | None = Field(description="The self-service user linked to the record")
    pending_actions: int = Field(description="Drafted actions awaiting approval")


class EmployeeRowOut(_Out):
    employee_id: UUID
    employee_number: str
    name: str | None = Field(description="Masked (홍*동); null once erased")
    status: str | None
    department: str | None
    grade: str | None
    step: int | None
    position: str | None
    hired_on: date | None
    retired_on: date | None
    pending: int
    erased: bool


class EmployeePageOut(BaseModel):
    items: list[EmployeeRowOut]
    next_cursor: str | None


class ActionOut(_Out):
    action_id: UUID
    employee_id: UUID
    kind: str
    order_number: str
    effective_date: date
    status: str = Field(description="drafted, approved, rejected, cancelled or amended")
    drafted_by: str
    approved_by: str | None
    corrects: UUID | None
    over_authorised: bool
    reason: str | None = None
    rejection_reason: str | None = Field(default=None, description="반려 사유, once rejected")
    details: dict[str, Any]
    position: int


class ActionPageOut(BaseModel):
    items: list[ActionOut]
    next_cursor: str | None


class ChangeOut(BaseModel):
    field: str
    before: Any
    after: Any


class EmployeeDiffOut(BaseModel):
    employee_id: UUID
    before: EmployeeRecordOut
    after: EmployeeRecordOut
    changes: list[ChangeOut]


class ReadRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "급여 계좌 확인"}]})

    reason: Reason = Field(description="Why the unmasked values are needed (recorded)")


class PersonalDataReadOut(BaseModel):
    read_id: UUID = Field(description="The recorded read (열람 기록)")
    position: int
    employee_id: UUID
    personal: PersonalDataOut | None = Field(description="In full; null once erased")


class AccessLogEntryOut(_Out):
    read_id: UUID
    employee_id: UUID
    reader: str
    reason: str
    read_at: datetime = Field(description="When the read was recorded (UTC)")

    @field_validator("read_at")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        # SQLite hands timestamps back without their zone; they were written in UTC.
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)

    position: int


class AccessLogPageOut(BaseModel):
    items: list[AccessLogEntryOut]
    next_cursor: str | None


class HeadcountRowOut(BaseModel):
    """현원 of one department, grade or band (all: key and name null)."""

    key: str | None
    name: str | None
    headcount: int


class VacancyOut(BaseModel):
    """정원 against 현원 of one department (merged departments count in their survivor)."""

    department: str
    name: str
    authorised: int | None = Field(description="정원; null when none is set (not limited)")
    headcount: int
    vacancy: int | None = Field(description="결원: authorised − headcount; null without 정원")


class ChartDepartmentOut(BaseModel):
    """A department of the chart on the day, in tree order."""

    code: str
    name: str
    parent: str | None
    depth: int
    authorised: int | None
    headcount: int
    status: str


class CellOut(BaseModel):
    """A public figure, or null and ``suppressed`` where it would single someone out."""

    headcount: int | None
    suppressed: bool


class VacancyCellOut(BaseModel):
    vacancy: int | None
    suppressed: bool


class PublicDepartmentOut(BaseModel):
    code: str
    name: str
    parent: str | None
    depth: int
    own: CellOut = Field(description="People of the department itself")
    total: CellOut = Field(description="With its sub-departments")
    authorised: int | None = Field(description="정원 (public, as the 직제 is)")
    vacancy: VacancyCellOut


class PublicBandOut(BaseModel):
    band: str | None
    headcount: int | None
    suppressed: bool


class PublicHeadcountOut(BaseModel):
    """정원·현원 as aggregates: cells under 3 people hidden, and those that would give one back."""

    org: str
    as_of: date
    total: CellOut
    authorised: int | None
    vacancy: VacancyCellOut
    departments: list[PublicDepartmentOut]
    bands: list[PublicBandOut]


class CertificateIssueRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"kind": "employment", "purpose": "금융기관 제출용", "effective_date": "2026-03-02"}]
        },
    )

    kind: CertificateKind
    purpose: Annotated[str, Field(min_length=1, max_length=200, description="용도")]
    effective_date: date | None = Field(
        default=None, description="The date it states, as IssueCertificate's (default: today)"
    )


class CertificateOut(BaseModel):
    certificate_id: UUID
    number: str = Field(description="진위확인번호")
    kind: CertificateKind
    org: str
    employee_id: UUID
    purpose: str
    issued_on: date
    statement: dict[str, Any]


class CertificateCheckOut(BaseModel):
    """What a certificate states, the name masked: nothing else about the person."""

    number: str
    kind: CertificateKind
    organisation: str
    organisation_name: str
    name: str | None = Field(description="Masked; null once the personal data is erased")
    employee_number: str
    department: str
    grade: str
    position: str | None
    hired_on: date
    until: date | None
    purpose: str
    issued_on: date


# --- helpers ---------------------------------------------------------------------------------------


def _allow(principal: Principal, org: str, roles: frozenset[Role], what: str) -> None:
    if not principal.may(org, roles):
        raise ApiProblem(
            403,
            "forbidden",
            "Not allowed",
            f"{what} of organisation {org} needs one of the roles: {', '.join(sorted(roles))}.",
        )


def _employee_at(services: ApiServices, org: str, employee_id: UUID, position: int | None) -> Employee:
    """The employee as known at ``position`` (None: now); another organisation's is not found."""
    ledger = services.ledger
    found: object
    try:
        if position is None:
            found = ledger.repository.get(employee_id)
        else:
            version = timeline.last_version_at(ledger.recorder, employee_id, position)
            if version == 0:
                raise AggregateNotFoundError(employee_id)
            found = ledger.repository.get(employee_id, version=version)
    except AggregateNotFoundError:
        raise ApiProblem(404, "not-found", "No such employee", f"no employee {employee_id}") from None
    if not isinstance(found, Employee) or found.org != org:
        raise ApiProblem(404, "not-found", "No such employee", f"no employee {employee_id}")
    return found


def _unsealed(services: ApiServices, employee_id: UUID, sealed: str | None) -> dict[str, Any] | None:
    vault = services.ledger.personal_data
    if sealed is None or vault is None:
        return None
    try:
        return vault.unseal(employee_id, sealed)
    except (ValueError, LookupError):
        # No key for it (shredded, or never made here): shown as erased, never as an error
        # that could carry what it holds.
        return None


def _personal(values: dict[str, Any] | None, masked: bool) -> PersonalDataOut | None:
    if values is None:
        return None
    shown = mask_personal(values) if masked else values
    return PersonalDataOut.model_validate(
        {k: v for k, v in shown.items() if k in PersonalDataOut.model_fields}
    )


def _record(state: ServiceState | None) -> ServiceRecordOut | None:
    if state is None:
        return None
    return ServiceRecordOut(
        status=state.status.value,
        hired_on=state.hired_on,
        department=state.department,
        grade=state.grade,
        step=state.step,
        position=state.position,
        pattern=state.pattern.value,
        weekly_hours=state.weekly_hours,
        on_probation=state.on_probation,
        probation_until=state.probation_until,
        since=state.since,
        leave_kind=state.leave_kind.value if state.leave_kind else None,
        expected_end=state.expected_end,
        seconded_to=state.seconded_to,
        last_step_increase=state.last_step_increase,
        last_promotion=state.last_promotion,
        retired_on=state.retired_on,
        retirement_kind=state.retirement_kind.value if state.retirement_kind else None,
    )


#: Korea Standard Time: "today" is the institutions' day, whatever the server's zone.
KST = timezone(timedelta(hours=9), "KST")


def today() -> date:
    """The institutions' day (KST), the default of every personnel date."""
    return datetime.now(KST).date()


def employee_record(
    services: ApiServices,
    org: str,
    employee_id: UUID,
    as_of: date | None,
    known_at: str | None,
    *,
    masked: bool = True,
) -> EmployeeRecordOut:
    position = None if known_at is None else time_travel.resolve(services, known_at)
    employee = _employee_at(services, org, employee_id, position)
    day = as_of or today()
    values = None if employee.erased else _unsealed(services, employee.id, employee.sealed)
    return EmployeeRecordOut(
        employee_id=employee.id,
        org=employee.org,
        employee_number=employee.employee_number,
        as_of=day,
        version=employee.version,
        known_at_position=position,
        record=_record(employee.state_on(day)),
        personal=_personal(values, masked),
        erased=employee.erased,
        username=employee.username,
        pending_actions=sum(1 for a in employee.actions if a.status.value == "drafted"),
    )


def _changes(before: EmployeeRecordOut, after: EmployeeRecordOut) -> list[ChangeOut]:
    old = before.record.model_dump(mode="json") if before.record else {}
    new = after.record.model_dump(mode="json") if after.record else {}
    found = [
        ChangeOut(field=name, before=old.get(name), after=new.get(name))
        for name in sorted(set(old) | set(new))
        if old.get(name) != new.get(name)
    ]
    if before.erased != after.erased:
        found.append(ChangeOut(field="erased", before=before.erased, after=after.erased))
    return found


def _organisation_name(services: ApiServices, org: str) -> str:
    found: object
    try:
        found = services.ledger.repository.get(Organisation.id_for(org))
    except AggregateNotFoundError:
        return org
    return str(getattr(found, "name", org))


def _certificate(services: ApiServices, org: str, certificate_id: UUID) -> IssuedCertificate:
    found: object
    try:
        found = services.ledger.repository.get(certificate_id)
    except AggregateNotFoundError:
        found = None
    if not isinstance(found, IssuedCertificate) or found.org != org:
        raise ApiProblem(404, "not-found", "No such certificate", f"no certificate {certificate_id}")
    return found


def _certificate_out(certificate: IssuedCertificate) -> CertificateOut:
    statement = certificate.statement
    return CertificateOut(
        certificate_id=certificate.id,
        number=certificate.number,
        kind=certificate.kind,
        org=certificate.org,
        employee_id=certificate.employee_id,
        purpose=certificate.purpose,
        issued_on=certificate.issued_on,
        statement={
            "employee_number": statement.employee_number,
            "department": statement.department,
            "grade": statement.grade,
            "position": statement.position,
            "hired_on": statement.hired_on.isoformat(),
            "until": statement.until.isoformat() if statement.until else None,
            "career": [
                {
                    "starts": line.starts.isoformat(),
                    "ends": line.ends.isoformat() if line.ends else None,
                    "department": line.department,
                    "grade": line.grade,
                }
                for line in statement.career
            ],
        },
    )


def _pdf(services: ApiServices, certificate: IssuedCertificate) -> Response:
    employee = _employee_at(services, certificate.org, certificate.employee_id, None)
    values = None if employee.erased else _unsealed(services, employee.id, employee.sealed)
    statement = certificate.statement
    document = CertificateStatement(
        kind=certificate.kind,
        verification_number=certificate.number,
        organisation_code=certificate.org,
        organisation_name=_organisation_name(services, certificate.org),
        employee_number=statement.employee_number,
        name=str(values["name"]) if values and values.get("name") else "(파기됨)",
        department=statement.department,
        grade=statement.grade,
        position=statement.position or "",
        hired_on=statement.hired_on,
        until=statement.until,
        purpose=certificate.purpose,
        issued_on=certificate.issued_on,
        career=tuple(
            CareerEntry(line.starts, line.ends, line.department, line.grade, "") for line in statement.career
        ),
    )
    try:
        body = render_certificate(document)
    except CertificateFontMissing as missing:
        # The server's set-up, not the request: say so, and what to install.
        raise ApiProblem(
            503, "certificate-font-missing", "No Korean font to print with", str(missing)
        ) from None
    filename = f"certificate-{certificate.number}.pdf"
    return Response(
        body, media_type=PDF_MEDIA_TYPE, headers={"Content-Disposition": content_disposition(filename)}
    )


def _pdf_responses() -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": "The certificate as a one-page PDF (Korean text embedded)",
            "content": {PDF_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        },
        **problem_responses(
            401, 403, 404, 422, 429, 503, say={503: "certificate-font-missing: the server has no Korean font"}
        ),
    }


def _own(services: ApiServices, conn: Any, org: str, principal: Principal) -> UUID:
    """The employee the principal is (self-service); 404 when none is linked."""
    _allow(principal, org, frozenset({Role.EMPLOYEE}), "Self-service")
    e = personnel_employees
    found = conn.execute(
        select(e.c.employee_id).where(e.c.org == org, e.c.username == principal.username)
    ).scalar()
    if found is None:
        raise ApiProblem(
            404, "not-found", "No linked employee", f"no employee of organisation {org} is linked to you"
        )
    return UUID(found)


def _issue(
    services: ApiServices, org: str, employee_id: UUID, actor: str, request: CertificateIssueRequest
) -> CertificateOut:
    result = services.ledger.handle(
        IssueCertificate(
            command_id=uuid4(),
            org=org,
            actor=actor,
            employee_id=employee_id,
            kind=request.kind,
            purpose=request.purpose,
            effective_date=request.effective_date or today(),
        )
    )
    services.after_command()
    return _certificate_out(_certificate(services, org, result.aggregate_id))


def _actions_out(page: dict[str, Any]) -> ActionPageOut:
    """A page of actions as answered: their cursor made opaque."""
    following = page["next_cursor"]
    return ActionPageOut(
        items=[ActionOut.model_validate(a) for a in page["items"]],
        next_cursor=cursors.encode(ACTIONS, following) if following is not None else None,
    )


def _employee_rows(
    conn: Connection,
    services: ApiServices,
    org: str,
    after: str | None,
    limit: int,
    department: str | None = None,
    status: str | None = None,
) -> tuple[list[EmployeeRowOut], str | None]:
    """A page of employees, names unsealed and masked (the keys of the page read at once)."""
    page = queries.employees(conn, org, after, limit, department=department, status=status)
    ids = [row["employee_id"] for row in page["items"]]
    e = personnel_employees
    sealed = {
        str(row[0]): row[1]
        for row in conn.execute(select(e.c.employee_id, e.c.sealed).where(e.c.employee_id.in_(ids)))
    }
    rows = []
    for row in page["items"]:
        employee_id = row["employee_id"]
        values = None if row["erased"] else _unsealed(services, UUID(employee_id), sealed.get(employee_id))
        name = mask_name(values["name"]) if values and values.get("name") else None
        rows.append(EmployeeRowOut.model_validate({**row, "name": name}))
    return rows, page["next_cursor"]


#: The employee list's columns, Korean first (the download's header row).
EMPLOYEE_LABELS = {
    "employee_number": "사번",
    "name": "성명(마스킹)",
    "status": "재직상태",
    "department": "부서",
    "grade": "직급",
    "step": "호봉",
    "position": "직위",
    "hired_on": "임용일",
    "retired_on": "퇴직일",
    "pending": "결재대기",
}


def _employees_download(router: APIRouter, fmt: str, media_type: str) -> None:
    @router.get(
        f"/employees.{fmt}",
        operation_id=f"personnel_employees_{fmt}",
        response_class=Response,
        summary=f"Employees (직원 목록), as {fmt.upper()}",
        responses={
            **download_responses(media_type, f"Every employee, names masked, as {fmt.upper()}"),
            **problem_responses(401, 403, 422, 429, 503),
        },
    )
    def employees_download(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
    ) -> Response:
        """All of them, by employee number, in pages of 1 000 as they are read."""
        _allow(principal, org, PERSONNEL_READERS, "Employees")

        def batches() -> Iterator[list[dict[str, Any]]]:
            after: str | None = None
            while True:
                rows, after = _employee_rows(conn, services, org, after, queries.MAX_LIMIT)
                yield [row.model_dump() for row in rows]
                if after is None:
                    return

        # Read at once: the connection is the request's, and closes when the handler returns.
        rows = list(batches())
        chunks = (
            csv_chunks(EMPLOYEE_LABELS, rows) if fmt == "csv" else xlsx_chunks(EMPLOYEE_LABELS, rows, "직원")
        )
        name = f"employees-{org}.{fmt}"
        return StreamingResponse(
            chunks, media_type=media_type, headers={"Content-Disposition": content_disposition(name)}
        )


def check_certificate(services: ApiServices, number: str) -> CertificateCheckOut:
    """What the certificate states, the name masked. A malformed number (a wrong check
    character) is refused (422) before any lookup; an unknown one is not found."""
    canonical = check_verification_number(number)
    found: object
    try:
        found = services.ledger.repository.get(IssuedCertificate.id_for(canonical))
    except AggregateNotFoundError:
        found = None
    if not isinstance(found, IssuedCertificate):
        raise ApiProblem(404, "not-found", "No such certificate", "no certificate has this number")
    employee = _employee_at(services, found.org, found.employee_id, None)
    values = None if employee.erased else _unsealed(services, employee.id, employee.sealed)
    statement = found.statement
    return CertificateCheckOut(
        number=found.number,
        kind=found.kind,
        organisation=found.org,
        organisation_name=_organisation_name(services, found.org),
        name=mask_name(values["name"]) if values and values.get("name") else None,
        employee_number=statement.employee_number,
        department=statement.department,
        grade=statement.grade,
        position=statement.position,
        hired_on=statement.hired_on,
        until=statement.until,
        purpose=found.purpose,
        issued_on=found.issued_on,
    )


# --- the router --------------------------------------------------------------------------------------

_READ = problem_responses(401, 403, 404, 422, 429, 503)


def build_router() -> APIRouter:  # noqa: PLR0915 - one route after another
    router = APIRouter(prefix=PREFIX, tags=["personnel"])

    @router.get(
        "/chart",
        operation_id="personnel_chart",
        response_model=list[ChartDepartmentOut],
        summary="Organisation chart as of a date (조직도)",
        responses=_READ,
    )
    def chart(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        as_of: AsOf = None,
    ) -> list[dict[str, Any]]:
        """Departments in tree order with their names, parents, 정원 and headcount on the date.
        HR roles and the auditor of the organisation."""
        _allow(principal, org, PERSONNEL_READERS, "The organisation chart")
        return queries.chart(conn, org, as_of or today())

    @router.get(
        "/headcount",
        operation_id="personnel_headcount",
        response_model=list[HeadcountRowOut],
        summary="Headcount as of a date (현원)",
        responses=_READ,
    )
    def headcount(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        as_of: AsOf = None,
        by: Annotated[HeadcountBy | None, Query(description="Broken down by")] = None,
    ) -> list[dict[str, Any]]:
        """People in service on the date (휴직·직위해제·파견 included), in all or by department,
        grade or band; not suppressed (HR roles and the auditor)."""
        _allow(principal, org, PERSONNEL_READERS, "Headcount")
        return queries.headcount(conn, org, as_of or today(), by.value if by else None)

    @router.get(
        "/vacancies",
        operation_id="personnel_vacancies",
        response_model=list[VacancyOut],
        summary="Vacancies against 정원 as of a date (결원)",
        responses=_READ,
    )
    def vacancies(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        as_of: AsOf = None,
    ) -> list[dict[str, Any]]:
        """Per department: 정원, headcount and vacancy on the date."""
        _allow(principal, org, PERSONNEL_READERS, "Vacancies")
        return queries.vacancies(conn, org, as_of or today())

    @router.get(
        "/employees",
        operation_id="personnel_employees",
        response_model=EmployeePageOut,
        summary="Employees (직원 목록)",
        responses={**cursors.BAD_CURSOR, **_READ},
    )
    def employees(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        department: Annotated[str | None, Query(pattern=r"^[0-9A-Z]{2,10}$")] = None,
        status: Annotated[Status | None, Query(description="재직 상태 now")] = None,
        limit: Limit = 50,
        cursor: cursors.CursorQuery = None,
    ) -> EmployeePageOut:
        """By employee number, names masked; current department and status as of the latest
        approved action."""
        _allow(principal, org, PERSONNEL_READERS, "Employees")
        after = None if cursor is None else cursors.decode_text(EMPLOYEES, cursor)
        rows, nxt = _employee_rows(
            conn, services, org, after, limit, department, status.value if status else None
        )
        return EmployeePageOut(items=rows, next_cursor=cursors.encode_text(EMPLOYEES, nxt) if nxt else None)

    for fmt, media_type in (("csv", CSV_MEDIA_TYPE), ("xlsx", XLSX_MEDIA_TYPE)):
        _employees_download(router, fmt, media_type)

    @router.get(
        "/employees/{employee_id}",
        operation_id="personnel_employee",
        response_model=EmployeeRecordOut,
        summary="An employee's record as of a date, as known at a moment (인사기록)",
        responses={
            200: {
                "headers": {
                    "ETag": {
                        "description": 'The employee\'s version read, e.g. "4" (If-Match of a command)',
                        "schema": {"type": "string"},
                    }
                }
            },
            **_READ,
        },
    )
    def employee(
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: EmployeePath,
        response: Response,
        as_of: AsOf = None,
        known_at: KnownAt = None,
    ) -> EmployeeRecordOut:
        """Folded from the employee's events: the approved actions effective by ``as_of``, as
        recorded by ``known_at``. Personal data masked."""
        _allow(principal, org, PERSONNEL_READERS, "Personnel records")
        found = employee_record(services, org, employee_id, as_of, known_at)
        response.headers["ETag"] = f'"{found.version}"'
        if found.known_at_position is not None:
            response.headers[time_travel.POSITION_HEADER] = str(found.known_at_position)
        return found

    @router.get(
        "/employees/{employee_id}/diff",
        operation_id="personnel_employee_diff",
        response_model=EmployeeDiffOut,
        summary="What changed in a record between two dates or moments (비교)",
        responses=_READ,
    )
    def employee_diff(
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: EmployeePath,
        response: Response,
        as_of: AsOf = None,
        known_at: KnownAt = None,
        to_as_of: Annotated[
            date | None, Query(description="The later date (default: as_of)"), params.DATE_OR_NONE
        ] = None,
        to_known_at: Annotated[
            str | None,
            Query(
                min_length=1,
                max_length=64,
                pattern=params.PRINTABLE_ASCII,
                description="The later moment (default: now)",
            ),
            params.ASCII,
        ] = None,
    ) -> EmployeeDiffOut:
        """The record as of ``as_of`` known at ``known_at`` against the record as of ``to_as_of``
        known at ``to_known_at``: a backdated correction shows as a change of as_of and not of
        known_at, and the other way round."""
        _allow(principal, org, PERSONNEL_READERS, "Personnel records")
        before = employee_record(services, org, employee_id, as_of, known_at)
        after = employee_record(services, org, employee_id, to_as_of or before.as_of, to_known_at)
        if before.known_at_position is not None:
            # The header names the moment ``known_at`` stood for (the later one is in the body).
            response.headers[time_travel.POSITION_HEADER] = str(before.known_at_position)
        return EmployeeDiffOut(
            employee_id=employee_id, before=before, after=after, changes=_changes(before, after)
        )

    @router.get(
        "/employees/{employee_id}/actions",
        operation_id="personnel_employee_actions",
        response_model=ActionPageOut,
        summary="An employee's actions (발령 이력)",
        responses={**cursors.BAD_CURSOR, **_READ},
    )
    def employee_actions(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: EmployeePath,
        limit: Limit = 50,
        cursor: cursors.CursorQuery = None,
    ) -> ActionPageOut:
        """Every action in the order drafted, with what became of it (corrections included)."""
        _allow(principal, org, PERSONNEL_READERS, "Personnel actions")
        row = queries.employee(conn, str(employee_id))
        if row is None or row["org"] != org:
            raise ApiProblem(404, "not-found", "No such employee", f"no employee {employee_id}")
        after = None if cursor is None else cursors.decode(ACTIONS, cursor)
        page = queries.actions(conn, employee_id=str(employee_id), after=after, limit=limit)
        return _actions_out(page)

    @router.get(
        "/actions",
        operation_id="personnel_actions",
        response_model=ActionPageOut,
        summary="Actions of the organisation, e.g. those awaiting approval (결재 대기)",
        responses={**cursors.BAD_CURSOR, **_READ},
    )
    def org_actions(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        status: Annotated[ActionStatus | None, Query(description="What became of the action")] = None,
        limit: Limit = 50,
        cursor: cursors.CursorQuery = None,
    ) -> ActionPageOut:
        """In the order drafted; ``status=drafted`` lists what awaits an hr_manager."""
        _allow(principal, org, PERSONNEL_READERS, "Personnel actions")
        after = None if cursor is None else cursors.decode(ACTIONS, cursor)
        page = queries.actions(
            conn, org=org, status=status.value if status else None, after=after, limit=limit
        )
        return _actions_out(page)

    @router.post(
        "/employees/{employee_id}/personal-data/reads",
        operation_id="personnel_read_personal_data",
        response_model=PersonalDataReadOut,
        status_code=201,
        summary="Read personal data unmasked, recording why (개인정보 열람)",
        responses=problem_responses(400, 401, 403, 404, 409, 422, 429, 503),
    )
    def read_personal_data(
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: EmployeePath,
        body: Annotated[ReadRequest, Body()],
    ) -> PersonalDataReadOut:
        """The read is recorded first (who, when, whose, why: an event the auditor lists); the
        values are answered only once it is. hr_manager only."""
        _allow(principal, org, UNMASKED_READERS, "Reading unmasked personal data")
        employee = _employee_at(services, org, employee_id, None)
        result = services.ledger.record_personal_data_read(
            RecordPersonalDataRead(
                command_id=uuid4(),
                org=org,
                actor=principal.username,
                employee_id=employee.id,
                reason=body.reason,
                effective_date=today(),
            )
        )
        services.after_command()
        values = None if employee.erased else _unsealed(services, employee.id, employee.sealed)
        return PersonalDataReadOut(
            read_id=result.aggregate_id,
            position=result.position,
            employee_id=employee.id,
            personal=_personal(values, masked=False),
        )

    @router.get(
        "/access-log",
        operation_id="personnel_access_log",
        response_model=AccessLogPageOut,
        summary="Reads of unmasked personal data (개인정보 열람 기록)",
        responses={**cursors.BAD_CURSOR, **_READ},
    )
    def access_log(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: Annotated[UUID | None, Query(description="Only the reads of this employee")] = None,
        limit: Limit = 50,
        cursor: cursors.CursorQuery = None,
    ) -> AccessLogPageOut:
        """Who read whose personal data, when and why, in the order recorded."""
        _allow(principal, org, ACCESS_LOG_READERS, "The access log")
        after = None if cursor is None else cursors.decode(ACCESS_LOG, cursor)
        page = queries.access_log(
            conn, org, after, limit, employee_id=str(employee_id) if employee_id else None
        )
        nxt = page["next_cursor"]
        return AccessLogPageOut(
            items=[AccessLogEntryOut.model_validate(r) for r in page["items"]],
            next_cursor=cursors.encode(ACCESS_LOG, nxt) if nxt is not None else None,
        )

    # The file's route first: `{certificate_id}` alone would take `….pdf` and refuse it.
    @router.get(
        "/certificates/{certificate_id}.pdf",
        operation_id="personnel_certificate_pdf",
        response_class=Response,
        summary="An issued certificate as PDF (증명서 출력)",
        responses=_pdf_responses(),
    )
    def certificate_pdf(
        services: Services, principal: CurrentPrincipal, org: OrgPath, certificate_id: CertificatePath
    ) -> Response:
        """One A4 page, Korean first, with its verification number (HR clerk and manager)."""
        _allow(principal, org, frozenset({Role.HR_CLERK, Role.HR_MANAGER}), "Printing certificates")
        return _pdf(services, _certificate(services, org, certificate_id))

    @router.get(
        "/certificates/{certificate_id}",
        operation_id="personnel_certificate",
        response_model=CertificateOut,
        summary="An issued certificate (증명서)",
        responses=_READ,
    )
    def certificate(
        services: Services, principal: CurrentPrincipal, org: OrgPath, certificate_id: CertificatePath
    ) -> CertificateOut:
        """What it states and its verification number (HR roles and the auditor)."""
        _allow(principal, org, PERSONNEL_READERS, "Certificates")
        return _certificate_out(_certificate(services, org, certificate_id))

    # --- self-service (본인) -------------------------------------------------------------------

    @router.get(
        "/me",
        operation_id="personnel_me",
        response_model=EmployeeRecordOut,
        summary="My record (본인 인사기록)",
        responses=_READ,
    )
    def me(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        as_of: AsOf = None,
    ) -> EmployeeRecordOut:
        """The record of the employee linked to you, your own personal data in full."""
        employee_id = _own(services, conn, org, principal)
        return employee_record(services, org, employee_id, as_of, None, masked=False)

    @router.post(
        "/me/certificates",
        operation_id="personnel_me_issue_certificate",
        response_model=CertificateOut,
        status_code=201,
        summary="Issue my certificate (본인 증명서 발급)",
        responses=problem_responses(400, 401, 403, 404, 409, 422, 429, 503),
    )
    def issue_my_certificate(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        body: Annotated[CertificateIssueRequest, Body()],
    ) -> CertificateOut:
        """재직 or 경력 certificate of yourself, recorded like one an HR clerk issues."""
        employee_id = _own(services, conn, org, principal)
        return _issue(services, org, employee_id, principal.username, body)

    @router.get(
        "/me/certificates/{certificate_id}.pdf",
        operation_id="personnel_me_certificate_pdf",
        response_class=Response,
        summary="My certificate as PDF",
        responses=_pdf_responses(),
    )
    def my_certificate_pdf(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        certificate_id: CertificatePath,
    ) -> Response:
        """A certificate of yours, whoever issued it."""
        employee_id = _own(services, conn, org, principal)
        found = _certificate(services, org, certificate_id)
        if found.employee_id != employee_id:
            raise ApiProblem(404, "not-found", "No such certificate", f"no certificate {certificate_id}")
        return _pdf(services, found)

    return router


def build_public_router() -> APIRouter:
    router = APIRouter(prefix=PUBLIC_PREFIX, tags=["public: personnel"])

    @router.get(
        "/orgs/{org}/personnel/headcount",
        operation_id="public_personnel_headcount",
        response_model=PublicHeadcountOut,
        summary="Headcount and vacancies as aggregates (정원·현원)",
        responses=problem_responses(404, 422, 429, 503),
    )
    def public_headcount(
        caught_up: MinPosition, conn: ReadConnection, services: Services, org: OrgPath, as_of: AsOf = None
    ) -> dict[str, Any]:
        """By department and by grade band, with 정원 and vacancies; every cell under 3 people
        is suppressed (and a second one where the total would reveal it)."""
        if Organisation.id_for(org) not in services.ledger.repository:
            raise ApiProblem(
                404, "not-found", "No such organisation", f"No organisation {org} is registered."
            )
        return queries.public_headcount(conn, org, as_of or today())

    @router.get(
        "/certificates/{number}",
        operation_id="public_certificate_check",
        response_model=CertificateCheckOut,
        summary="Check a certificate's verification number (증명서 진위확인)",
        responses=problem_responses(404, 422, 429),
    )
    def public_check_certificate(
        services: Services,
        number: Annotated[str, params.ASCII],
    ) -> CertificateCheckOut:
        """What the certificate states, the name masked. A malformed number (a wrong check
        character) is refused (422) before any lookup; an unknown one is not found."""
        return check_certificate(services, number)

    return router


__all__ = ["build_public_router", "build_router", "employee_record"]
