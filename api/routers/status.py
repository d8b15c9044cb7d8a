"""Where the read models stand, over HTTP: the head of the log and each projection's position, lag
and fault (운영 상태).

``GET /api/v1/status`` is public: a client that must read its own write polls it (or passes
``min_position``), a monitor alerts on ``faulted``. It says which event stopped a projection and
with which kind of error, never the error's message, which may quote the data of the event.
``GET /api/v1/operator/projections`` adds the message and the event's aggregate, for an
administrator of every organisation (a grant ``admin@*``).

Neither is cached: each answer reads ``projection_state`` and ``projection_faults`` (two small
tables) and the head of the log, which the event store reads from its primary key.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.accounts import Principal
from api.deps import CurrentPrincipal, ReadConnection, Services
from api.problems import ApiProblem, problem_responses
from api.roles import ALL_ORGS, Role
from readmodels.state import Fault, ProjectionStatus, statuses

_WHEN = "2026-03-02T09:15:00Z"


class FaultSummary(BaseModel):
    """Why a projection stopped, without the error's message (it may quote the event's data)."""

    generation: int = Field(description="The table generation it stopped in", examples=[1])
    position: int = Field(
        description="The log position of the event it cannot apply; the projection stands just before it",
        examples=[120_431],
    )
    event: str | None = Field(
        description="The event's kind (null: it could not be read)", examples=["Vendor.Registered"]
    )
    error: str = Field(description="The kind of error", examples=["StringDataRightTruncation"])
    code: str | None = Field(description="The database's SQLSTATE, where it gave one", examples=["22001"])
    recorded_at: datetime = Field(description="When the fault was met", examples=[_WHEN])

    @classmethod
    def of(cls, fault: Fault) -> FaultSummary:
        return cls(
            generation=fault.generation,
            position=fault.position,
            event=fault.event,
            error=fault.error_name,
            code=fault.code,
            recorded_at=fault.recorded_at,
        )


class FaultDetail(FaultSummary):
    """Why a projection stopped, in full: for operators."""

    error: str = Field(
        description="The error's class, with its module",
        examples=["psycopg.errors.StringDataRightTruncation"],
    )
    message: str = Field(
        description="The error's message (a database's own, without the statement or its values)",
        examples=["value too long for type character varying(200)"],
    )
    originator_id: str | None = Field(
        description="The aggregate whose event it is", examples=["8ebfad69-4f49-5513-a546-4fef303a3d11"]
    )
    originator_version: int | None = Field(description="The event's version in its aggregate", examples=[1])

    @classmethod
    def of(cls, fault: Fault) -> FaultDetail:
        return cls(
            generation=fault.generation,
            position=fault.position,
            event=fault.event,
            error=fault.error,
            code=fault.code,
            recorded_at=fault.recorded_at,
            message=fault.message,
            originator_id=fault.originator_id,
            originator_version=fault.originator_version,
        )


class _Projection(BaseModel):
    name: str = Field(description="The projection (cleanledger rebuild NAME)", examples=["disclosure"])
    position: int = Field(description="It has applied the log up to this position", examples=[120_430])
    lag: int = Field(
        description="Positions of the log it has not applied yet (head − position)", examples=[17]
    )
    generation: int = Field(description="Generation of its tables (a rebuild makes the next)", examples=[1])
    version: int = Field(description="Version of the code that built its tables", examples=[1])
    rebuild_needed: bool = Field(
        description="The code is of another version than its tables: `cleanledger rebuild NAME`"
    )


class ProjectionOut(_Projection):
    """One projection: how far it has applied the log, and whether a fault stopped it."""

    fault: FaultSummary | None = Field(
        description="What stopped it (null: it runs); it stays stopped until an operator clears it"
    )
    rebuild_fault: FaultSummary | None = Field(
        description="What stopped its last rebuild, which then did not switch over (null: none did)"
    )


class ProjectionDetail(_Projection):
    """One projection, with its faults in full."""

    fault: FaultDetail | None = Field(
        description="What stopped it (null: it runs); it stays stopped until an operator clears it"
    )
    rebuild_fault: FaultDetail | None = Field(
        description="What stopped its last rebuild, which then did not switch over (null: none did)"
    )


class _Status(BaseModel):
    head: int = Field(description="Position of the last event recorded", examples=[120_447])
    faulted: bool = Field(description="Whether a fault stops any projection (reads past it answer 503)")


class StatusOut(_Status):
    """The head of the log, and where each projection stands."""

    projections: list[ProjectionOut]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "head": 120_447,
                    "faulted": True,
                    "projections": [
                        {
                            "name": "disclosure",
                            "position": 120_430,
                            "lag": 17,
                            "generation": 1,
                            "version": 1,
                            "rebuild_needed": False,
                            "fault": {
                                "generation": 1,
                                "position": 120_431,
                                "event": "Vendor.Registered",
                                "error": "StringDataRightTruncation",
                                "code": "22001",
                                "recorded_at": "2026-03-02T09:15:00Z",
                            },
                            "rebuild_fault": None,
                        },
                        {
                            "name": "erp_balances",
                            "position": 120_447,
                            "lag": 0,
                            "generation": 2,
                            "version": 2,
                            "rebuild_needed": False,
                            "fault": None,
                            "rebuild_fault": None,
                        },
                    ],
                }
            ]
        }
    }


class OperatorStatusOut(_Status):
    """The head of the log, and where each projection stands, with its faults in full."""

    projections: list[ProjectionDetail]


def _common(row: ProjectionStatus, head: int, versions: dict[str, int]) -> dict[str, object]:
    return {
        "name": row.name,
        "position": row.position,
        "lag": max(0, head - row.position),
        "generation": row.generation,
        "version": row.version,
        "rebuild_needed": row.name in versions and versions[row.name] != row.version,
    }


def _summary(row: ProjectionStatus, head: int, versions: dict[str, int]) -> ProjectionOut:
    return ProjectionOut.model_validate(
        _common(row, head, versions)
        | {
            "fault": None if row.fault is None else FaultSummary.of(row.fault),
            "rebuild_fault": None if row.rebuild_fault is None else FaultSummary.of(row.rebuild_fault),
        }
    )


def _detail(row: ProjectionStatus, head: int, versions: dict[str, int]) -> ProjectionDetail:
    return ProjectionDetail.model_validate(
        _common(row, head, versions)
        | {
            "fault": None if row.fault is None else FaultDetail.of(row.fault),
            "rebuild_fault": None if row.rebuild_fault is None else FaultDetail.of(row.rebuild_fault),
        }
    )


def _require_operator(principal: Principal) -> None:
    if Role.ADMIN not in principal.roles_in(ALL_ORGS):
        raise ApiProblem(
            403,
            "forbidden",
            "Not allowed",
            "The projections' faults are for administrators of every organisation (a grant admin@*).",
        )


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["status"])

    @router.get(
        "/status",
        operation_id="status",
        response_model=StatusOut,
        summary="The head of the log and each projection's position, lag and fault",
        responses={**problem_responses(429)},
    )
    def status(services: Services, conn: ReadConnection) -> StatusOut:
        """Where the read models stand. Public, never cached. A fault is summarised (which event,
        which kind of error, when); its message is for operators."""
        head = services.ledger.recorder.max_notification_id() or 0
        versions = dict(services.projection_versions)
        rows = [_summary(row, head, versions) for row in statuses(conn)]
        return StatusOut(head=head, faulted=any(p.fault is not None for p in rows), projections=rows)

    @router.get(
        "/operator/projections",
        operation_id="operator_projections",
        response_model=OperatorStatusOut,
        summary="Each projection's state with its fault in full (administrators of every organisation)",
        responses={**problem_responses(401, 403)},
    )
    def operator_projections(
        services: Services, principal: CurrentPrincipal, conn: ReadConnection
    ) -> OperatorStatusOut:
        """As ``/api/v1/status``, and of each fault its message and the event's aggregate. Clear a
        fault once its cause is fixed with ``cleanledger retry NAME``."""
        _require_operator(principal)
        head = services.ledger.recorder.max_notification_id() or 0
        versions = dict(services.projection_versions)
        details = [_detail(row, head, versions) for row in statuses(conn)]
        return OperatorStatusOut(
            head=head, faulted=any(p.fault is not None for p in details), projections=details
        )

    return router
