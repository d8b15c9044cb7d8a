"""Audit trail of a budget line (감사 추적) over HTTP: its history, and its state at a version;
and the history of a vendor (거래처), a record every organisation shares.

They replay the event store (:mod:`commands.audit`), not a read model: an auditor sees what the
ledger recorded, with each event's actor, accounting date, recorded time and log position. They
need an API key holding any role of the organisation (``AUDIT_ROLES``); another organisation's
line is answered as not found, like a line that does not exist. A vendor's history shows, for
each event, the organisation it was recorded by and for: who registered the vendor, changed it,
debarred it and lifted each debarment.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field, JsonValue

from api import cursors, params, time_travel
from api.accounts import Principal
from api.deps import CurrentPrincipal, Services
from api.params import OrgPath
from api.problems import ApiProblem, problem_responses
from api.roles import AUDIT_ROLES
from commands import audit

LinePath = Annotated[UUID, Path(description="The budget line's id"), params.ID]
VendorPath = Annotated[UUID, Path(description="The vendor's id"), params.ID]
MAX_PAGE = 1_000
#: The lists of :mod:`api.cursors` these pages belong to.
LINE_HISTORY, VENDOR_HISTORY = "budget-line-history", "vendor-history"


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class LineBalancesOut(_Out):
    """The line's amounts (won) after an event."""

    appropriated: int = Field(description="본예산")
    amended: int = Field(description="추경, net")
    transferred_in: int = Field(description="전용·이용 received")
    transferred_out: int = Field(description="전용·이용 and 예비비 given")
    contingency: int = Field(description="예비비 granted to the line")
    carried_in: int = Field(description="이월 received")
    current_budget: int = Field(description="예산현액")
    allocated_q1: int
    allocated_q2: int
    allocated_q3: int
    allocated_q4: int
    allocated: int = Field(description="배정액, all quarters")
    obligated: int = Field(description="원인행위액")
    paid: int = Field(description="지출액, net of returns")
    remaining: int = Field(description="잔액: current budget − obligated")
    carried_over: int = Field(description="이월액")
    lapsed: int = Field(description="불용액, recorded at year close")
    closed: bool


_BALANCES_EXAMPLE: dict[str, JsonValue] = {
    "appropriated": 1_000_000,
    "amended": 0,
    "transferred_in": 0,
    "transferred_out": 0,
    "contingency": 0,
    "carried_in": 0,
    "current_budget": 1_000_000,
    "allocated_q1": 600_000,
    "allocated_q2": 0,
    "allocated_q3": 0,
    "allocated_q4": 0,
    "allocated": 600_000,
    "obligated": 250_000,
    "paid": 0,
    "remaining": 750_000,
    "carried_over": 0,
    "lapsed": 0,
    "closed": False,
}


class HistoryEntryOut(_Out):
    """One event of the line, and the line's balances after it."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "event": "Obligated",
                    "version": 4,
                    "position": 11,
                    "actor": "choi",
                    "accounting_date": "2026-01-20",
                    "recorded_at": "2026-01-20T09:12:03.120000Z",
                    "command_id": "6f1c3c6e-8a0e-4f52-9a7e-0c1d2b3a4f5e",
                    "details": {"obligation_id": "1cb6c8ab-ce4c-5cc4-98f4-54e4bf27e4aa", "amount": 250_000},
                    "balances": _BALANCES_EXAMPLE,
                }
            ]
        },
    )

    event: str = Field(description="The event's name, e.g. Appropriated, Allocated, Obligated, Paid")
    version: int = Field(description="The line's version after the event (1 for the first)")
    position: int = Field(description="The event's position in the ledger's log")
    actor: str = Field(description="Who issued the command")
    accounting_date: date = Field(description="회계일자")
    recorded_at: datetime = Field(description="When the event was recorded (UTC)")
    command_id: UUID = Field(description="The command that caused it")
    details: dict[str, Any] = Field(description="The event's own fields: amount, quarter, obligation …")
    balances: LineBalancesOut


class LineHistoryOut(BaseModel):
    """A page of a budget line's history, oldest first."""

    line_id: UUID
    org: str
    items: list[HistoryEntryOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page", examples=["eyJs…"]
    )


class LineStateOut(_Out):
    """A budget line as it was after one version."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "line_id": "8ebfad69-4f49-5513-a546-4fef303a3d11",
                    "org": "6110000",
                    "fiscal_year": 2026,
                    "code": "100-080-081-1001-2001-3001-201-01",
                    "title": "어르신 복지관 운영",
                    "version": 4,
                    "position": 11,
                    "recorded_at": "2026-01-20T09:12:03.120000Z",
                    "balances": _BALANCES_EXAMPLE,
                }
            ]
        },
    )

    line_id: UUID
    org: str
    fiscal_year: int
    code: str = Field(description="예산과목 code")
    title: str = Field(description="세부사업명")
    version: int
    position: int | None = Field(description="Log position of the event that made this version")
    recorded_at: datetime
    balances: LineBalancesOut


def authorise(principal: Principal, org: str) -> None:
    # Checked before the line is looked up, so a stranger learns nothing about which lines exist.
    if not principal.may(org, AUDIT_ROLES):
        raise ApiProblem(
            403,
            "forbidden",
            "Not allowed",
            f"Reading the audit trail of organisation {org} needs a role in that organisation.",
        )


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/orgs/{org}/budget-lines", tags=["audit"])

    @router.get(
        "/{line_id}/history",
        operation_id="audit_budget_line_history",
        response_model=LineHistoryOut,
        summary="History of a budget line (예산과목 이력)",
        responses={**cursors.BAD_CURSOR, **problem_responses(401, 403, 404, 422, 429)},
    )
    def history(
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        line_id: LinePath,
        after_version: Annotated[
            int,
            Query(ge=0, le=2**62, description="Only events after this version (0: from the first)"),
            params.DIGITS,
        ] = 0,
        limit: Annotated[
            int, Query(ge=1, le=MAX_PAGE, description="At most this many events"), params.DIGITS
        ] = 100,
        cursor: cursors.CursorQuery = None,
        known_at: Annotated[
            str | None,
            Query(
                min_length=1,
                max_length=64,
                pattern=params.PRINTABLE_ASCII,
                description="Only events recorded by this moment: a log position or an ISO 8601 "
                "timestamp (events count by their recording timestamp)",
            ),
            params.ASCII,
        ] = None,
    ) -> LineHistoryOut:
        """Every event of the line with its actor, accounting date, recorded time, log position and
        the line's balances after it. Replayed from the event store. Any role of the organisation."""
        authorise(principal, org)
        upto = None if known_at is None else time_travel.resolve(services, known_at)
        if cursor is not None:
            after_version = max(after_version, cursors.decode(LINE_HISTORY, cursor))
        # One more than asked tells whether another page follows, without a count query.
        entries = audit.line_history(
            services.ledger,
            line_id,
            org=org,
            after_version=after_version,
            limit=limit + 1,
            upto_position=upto,
        )
        page = entries[:limit]
        return LineHistoryOut(
            line_id=line_id,
            org=org,
            items=[HistoryEntryOut.model_validate(entry) for entry in page],
            next_cursor=cursors.encode(LINE_HISTORY, page[-1].version) if len(entries) > limit else None,
        )

    @router.get(
        "/{line_id}",
        operation_id="audit_budget_line_state",
        response_model=LineStateOut,
        summary="A budget line at a version (버전별 상태)",
        responses={
            200: {
                "headers": {"ETag": {"description": 'The version, e.g. "4"', "schema": {"type": "string"}}}
            },
            **problem_responses(401, 403, 404, 422, 429),
        },
    )
    def state(
        response: Response,
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        line_id: LinePath,
        version: Annotated[
            int | None,
            Query(ge=1, le=2**62, description="The version to show (default: the latest)"),
            params.DIGITS,
        ] = None,
        known_at: Annotated[
            str | None,
            Query(
                min_length=1,
                max_length=64,
                pattern=params.PRINTABLE_ASCII,
                description="Instead of a version: the line as known at this moment, a log position "
                "or an ISO 8601 timestamp (its last event recorded by then)",
            ),
            params.ASCII,
        ] = None,
    ) -> LineStateOut:
        """The line's balances as they were after event ``version``, or as known at a recorded
        moment (``known_at``). Any role of the organisation."""
        authorise(principal, org)
        if known_at is not None:
            if version is not None:
                raise ApiProblem(
                    422,
                    "conflicting-parameters",
                    "Give a version or known_at, not both",
                    "version and known_at both name the state to show.",
                )
            position = time_travel.resolve(services, known_at)
            found = audit.line_state_at(services.ledger, line_id, position, org=org)
        else:
            found = audit.line_state(services.ledger, line_id, version, org=org)
        response.headers["ETag"] = f'"{found.version}"'
        return LineStateOut.model_validate(found)

    return router


class VendorEntryOut(_Out):
    """One event of a vendor, with the organisation it was recorded by and for."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "event": "DebarmentLifted",
                    "version": 3,
                    "position": 42,
                    "org": "6110000",
                    "actor": "lee",
                    "accounting_date": "2026-06-15",
                    "recorded_at": "2026-06-15T09:12:03.120000Z",
                    "command_id": "6f1c3c6e-8a0e-4f52-9a7e-0c1d2b3a4f5e",
                    "details": {"debarment_id": "1cb6c8ab-ce4c-5cc4-98f4-54e4bf27e4aa", "reason": "집행정지"},
                }
            ]
        },
    )

    event: str = Field(description="Registered, AddressChanged, Debarred or DebarmentLifted")
    version: int = Field(description="The vendor's version after the event (1 for the first)")
    position: int = Field(description="The event's position in the ledger's log")
    org: str = Field(description="The organisation the event was recorded by and for")
    actor: str = Field(description="Who issued the command")
    accounting_date: date = Field(description="회계일자")
    recorded_at: datetime = Field(description="When the event was recorded (UTC)")
    command_id: UUID = Field(description="The command that caused it")
    details: dict[str, Any] = Field(description="The event's own fields: address, ground, period …")


class VendorHistoryOut(BaseModel):
    """A page of a vendor's history, oldest first."""

    vendor_id: UUID
    items: list[VendorEntryOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page", examples=["eyJs…"]
    )


def build_vendor_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/orgs/{org}/vendors", tags=["audit"])

    @router.get(
        "/{vendor_id}/history",
        operation_id="audit_vendor_history",
        response_model=VendorHistoryOut,
        summary="History of a vendor (거래처 이력): who registered, changed, debarred, lifted",
        responses={**cursors.BAD_CURSOR, **problem_responses(401, 403, 404, 422)},
    )
    def vendor_history(
        services: Services,
        principal: CurrentPrincipal,
        org: OrgPath,
        vendor_id: VendorPath,
        after_version: Annotated[
            int, Query(ge=0, le=2**62, description="Only events after this version (0: from the first)")
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many events")] = 100,
        cursor: cursors.CursorQuery = None,
    ) -> VendorHistoryOut:
        """Every event of the vendor with the organisation it was recorded by and for, its actor,
        accounting date, recorded time and log position. Replayed from the event store. Any role
        of the organisation in the path; a business's history reads the same from every
        organisation, a person's (개인) only from the organisation that registered it."""
        authorise(principal, org)
        if cursor is not None:
            after_version = max(after_version, cursors.decode(VENDOR_HISTORY, cursor))
        entries = audit.vendor_history(
            services.ledger, vendor_id, org=org, after_version=after_version, limit=limit + 1
        )
        page = entries[:limit]
        return VendorHistoryOut(
            vendor_id=vendor_id,
            items=[VendorEntryOut.model_validate(entry) for entry in page],
            next_cursor=cursors.encode(VENDOR_HISTORY, page[-1].version) if len(entries) > limit else None,
        )

    return router
