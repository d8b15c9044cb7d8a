"""Attendance (근태) reads over HTTP: an employee's recorded days, their annual leave (연차) on a
day, and the month's summary per employee that payroll reads, also as CSV and XLSX.

The same readers as personnel records (api.roles.PERSONNEL_READERS), of the same organisation; an
employee reads their own leave through ``/personnel/me/leave``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import select

from api import cursors, params
from api.accounts import Principal
from api.deps import CurrentPrincipal, MinPosition, ReadConnection, Services
from api.downloads import content_disposition
from api.params import OrgPath
from api.problems import ApiProblem, problem_responses
from api.roles import PERSONNEL_READERS, Role
from api.routers.personnel import today
from api.routers.public import download_responses
from api.services import ApiServices
from domain.personnel.attendance import AttendanceRecord, leave_status
from domain.personnel.employee import Employee
from readmodels import attendance as queries
from readmodels.exports import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, csv_chunks, xlsx_chunks
from readmodels.personnel import personnel_employees

PREFIX = "/api/v1/orgs/{org}/personnel"
DAYS = "attendance-days"
Year = Annotated[int, Query(ge=2000, le=2100, description="연도"), params.DIGITS]
Month = Annotated[int, Query(ge=1, le=12, description="월"), params.DIGITS]
_READ = problem_responses(401, 403, 404, 422, 429, 503)

#: The month summary's columns, Korean first (the download's header row).
SUMMARY_LABELS: Mapping[str, str] = {
    "employee_id": "직원",
    "employee_number": "사번",
    "annual_leave_days": "연차 사용일",
    "absence_days": "결근일",
    "sick_leave_days": "병가일",
    "official_leave_days": "공가일",
    "overtime_minutes": "연장근로(분)",
    "night_minutes": "야간근로(분)",
    "holiday_minutes": "휴일근로(분)",
}


class DayOut(BaseModel):
    day: date
    kind: str = Field(description="annual_leave 연차, half_day_leave 반차, absence 결근, sick_leave 병가, …")
    leave_days: Decimal
    overtime_minutes: int
    night_minutes: int
    holiday_minutes: int
    note: str
    corrected: bool


class DayPageOut(BaseModel):
    items: list[DayOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class MonthRowOut(BaseModel):
    employee_id: str
    employee_number: str | None
    annual_leave_days: Decimal
    absence_days: Decimal
    sick_leave_days: Decimal
    official_leave_days: Decimal
    overtime_minutes: int
    night_minutes: int
    holiday_minutes: int


class LeaveOut(BaseModel):
    """Annual leave (연차) on a day, in full-time days (fractions as decimals, 3 places)."""

    employee_id: UUID
    on: date
    entitled: Decimal = Field(description="Rights usable that day")
    taken: Decimal = Field(description="Taken of them")
    balance: Decimal = Field(description="Left")
    expiring: list[dict[str, Any]] = Field(description="[{use_until, days}], soonest first")


def _day_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ApiProblem(
            400,
            "invalid-cursor",
            "The cursor does not belong to this query",
            "The cursor is not one this API issued.",
        ) from None


def _decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.001"))


def _allow(principal: Principal, org: str) -> None:
    if not principal.may(org, PERSONNEL_READERS):
        raise ApiProblem(
            403,
            "forbidden",
            "Not allowed",
            f"Attendance of {org} needs one of the roles: {', '.join(sorted(PERSONNEL_READERS))}.",
        )


def leave_of(services: ApiServices, org: str, employee_id: UUID, on: date) -> LeaveOut:
    """From the employee's events (their record and attendance as the write side decides)."""
    repository = services.ledger.repository
    employee: object
    record: object
    try:
        employee = repository.get(employee_id)
    except AggregateNotFoundError:
        employee = None
    if not isinstance(employee, Employee) or employee.org != org:
        raise ApiProblem(404, "not-found", "No such employee", f"no employee {employee_id}")
    try:
        record = repository.get(AttendanceRecord.id_for(org, employee_id))
    except AggregateNotFoundError:
        record = None
    status = leave_status(record if isinstance(record, AttendanceRecord) else None, employee.state_on(on), on)
    return LeaveOut(
        employee_id=employee_id,
        on=on,
        entitled=_decimal(status.entitled),
        taken=_decimal(status.taken),
        balance=_decimal(status.balance),
        expiring=[
            {"use_until": day.isoformat(), "days": str(_decimal(days))} for day, days in status.expiring
        ],
    )


def _summary_rows(conn: Any, org: str, year: int, month: int) -> list[dict[str, Any]]:
    numbers = {
        str(row[0]): row[1]
        for row in conn.execute(
            select(personnel_employees.c.employee_id, personnel_employees.c.employee_number).where(
                personnel_employees.c.org == org
            )
        )
    }
    return [
        {
            "employee_id": row.employee_id,
            "employee_number": numbers.get(row.employee_id),
            "annual_leave_days": row.annual_leave_days,
            "absence_days": row.absence_days,
            "sick_leave_days": row.sick_leave_days,
            "official_leave_days": row.official_leave_days,
            "overtime_minutes": row.overtime_minutes,
            "night_minutes": row.night_minutes,
            "holiday_minutes": row.holiday_minutes,
        }
        for row in queries.month_summary(conn, org, year, month)
    ]


def build_router() -> APIRouter:
    router = APIRouter(prefix=PREFIX, tags=["personnel: attendance"])

    @router.get(
        "/employees/{employee_id}/attendance",
        operation_id="attendance_days",
        response_model=DayPageOut,
        summary="An employee's recorded days (근태 내역)",
        responses={**cursors.BAD_CURSOR, **_READ},
    )
    def attendance_days(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: Annotated[UUID, params.ID],
        year: Year,
        # One under the query's bound: a page asks one more row to tell whether another follows.
        limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE - 1), params.DIGITS] = 100,
        cursor: cursors.CursorQuery = None,
    ) -> DayPageOut:
        """The days of ``year`` that are not ordinary working days, oldest first."""
        _allow(principal, org)
        found = conn.execute(
            select(personnel_employees.c.org).where(personnel_employees.c.employee_id == str(employee_id))
        ).scalar()
        if found != org:
            raise ApiProblem(404, "not-found", "No such employee", f"no employee {employee_id}")
        after = None if cursor is None else _day_of(cursors.decode_text(DAYS, cursor))
        rows = queries.days(conn, str(employee_id), year, after, limit + 1)
        page = rows[:limit]
        return DayPageOut(
            items=[DayOut.model_validate(row, from_attributes=True) for row in page],
            next_cursor=cursors.encode_text(DAYS, page[-1].day.isoformat()) if len(rows) > limit else None,
        )

    @router.get(
        "/employees/{employee_id}/leave",
        operation_id="attendance_leave",
        response_model=LeaveOut,
        summary="Annual leave on a day (연차 현황)",
        responses=_READ,
    )
    def leave(
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        employee_id: Annotated[UUID, params.ID],
        on: Annotated[date | None, Query(description="The day (default: today)"), params.DATE_OR_NONE] = None,
    ) -> LeaveOut:
        """Rights usable that day, taken and left, and when each part lapses (근로기준법 제60조)."""
        _allow(principal, org)
        return leave_of(services, org, employee_id, on or today())

    @router.get(
        "/me/leave",
        operation_id="attendance_my_leave",
        response_model=LeaveOut,
        summary="My annual leave (본인 연차 현황)",
        responses=_READ,
    )
    def my_leave(
        caught_up: MinPosition,
        conn: ReadConnection,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        on: Annotated[date | None, Query(description="The day (default: today)"), params.DATE_OR_NONE] = None,
    ) -> LeaveOut:
        if not principal.may(org, frozenset({Role.EMPLOYEE})):
            raise ApiProblem(
                403, "forbidden", "Not allowed", f"Self-service of {org} needs the employee role."
            )
        e = personnel_employees
        mine = conn.execute(
            select(e.c.employee_id).where(e.c.org == org, e.c.username == principal.username)
        ).scalar()
        if mine is None:
            raise ApiProblem(404, "not-found", "No linked employee", f"no employee of {org} is linked to you")
        return leave_of(services, org, UUID(str(mine)), on or today())

    @router.get(
        "/attendance/summary",
        operation_id="attendance_month_summary",
        response_model=list[MonthRowOut],
        summary="The month per employee, as payroll reads it (월별 근태 집계)",
        responses=_READ,
    )
    def month_summary(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        year: Year,
        month: Month,
    ) -> list[MonthRowOut]:
        """Leave, absences and extra work of each employee with a recorded day in the month."""
        _allow(principal, org)
        return [MonthRowOut.model_validate(row) for row in _summary_rows(conn, org, year, month)]

    for fmt, media_type in (("csv", CSV_MEDIA_TYPE), ("xlsx", XLSX_MEDIA_TYPE)):
        _download(router, fmt, media_type)
    return router


def _download(router: APIRouter, fmt: str, media_type: str) -> None:
    @router.get(
        f"/attendance/summary.{fmt}",
        operation_id=f"attendance_month_summary_{fmt}",
        response_class=Response,
        summary=f"The month per employee, as {fmt.upper()}",
        responses={
            **download_responses(media_type, f"The month's summary as {fmt.upper()}, Korean headers"),
            **problem_responses(401, 403, 422, 429, 503),
        },
    )
    def summary_download(
        caught_up: MinPosition,
        conn: ReadConnection,
        principal: CurrentPrincipal,
        org: OrgPath,
        year: Year,
        month: Month,
    ) -> Response:
        _allow(principal, org)
        rows = _summary_rows(conn, org, year, month)
        name = f"attendance-{org}-{year}-{month:02d}.{fmt}"
        chunks: Iterator[bytes] = (
            csv_chunks(SUMMARY_LABELS, [rows])
            if fmt == "csv"
            else xlsx_chunks(SUMMARY_LABELS, [rows], "근태")
        )
        return StreamingResponse(
            chunks, media_type=media_type, headers={"Content-Disposition": content_disposition(name)}
        )
