"""Signed checkpoints of the hash chain over the event log, public (docs/tamper-evidence.md).

Every N events and at each day's end the chain's hash is signed with Ed25519. Anyone can take a
checkpoint with its ``message`` and ``signature`` and the public key, and check the signature
offline with standard tools (``openssl pkeyutl -verify -pubin -inkey key.pem -rawin …``); an
auditor with the log recomputes the chain with ``cleanledger verify``.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api import cursors, params
from api.deps import ReadConnection
from api.params import MAX_POSITION
from api.problems import ApiProblem, problem_responses
from readmodels import integrity

PEM_MEDIA_TYPE = "application/x-pem-file"
CURSOR_KIND = "checkpoints"


class CheckpointOut(BaseModel):
    """The hash chain at a log position, and its signature."""

    position: int = Field(description="Log position of the last event the hash covers", examples=[120_000])
    events: int = Field(description="Events chained up to and including position", examples=[120_000])
    hash: str = Field(description="The chain's link at position: 64 lowercase hex digits (SHA-256)")
    day: str = Field(description="Recorded (UTC) day of the log at position", examples=["2026-03-01"])
    signed_at: str = Field(description="When it was signed (UTC)", examples=["2026-03-02T00:00:01.123456Z"])
    reason: str = Field(description="`every` (every N events) or `day-end` (the day's last event)")
    key_id: str | None = Field(description="Signing key: the first 16 hex digits of SHA-256 of its raw bytes")
    signature: str | None = Field(description="Ed25519 signature of `message`, base64 (null: unsigned)")
    message: str = Field(
        description="The exact text signed (ASCII, every line ending in LF): "
        "header, position, hash, day and signed_at"
    )

    @classmethod
    def of(cls, checkpoint: integrity.Checkpoint) -> CheckpointOut:
        return cls(
            position=checkpoint.position,
            events=checkpoint.events,
            hash=checkpoint.hash.hex(),
            day=checkpoint.day,
            signed_at=checkpoint.signed_at,
            reason=checkpoint.reason,
            key_id=checkpoint.key_id,
            signature=None
            if checkpoint.signature is None
            else base64.b64encode(checkpoint.signature).decode(),
            message=checkpoint.message.decode("ascii"),
        )


class CheckpointPageOut(BaseModel):
    """A page of checkpoints, oldest first."""

    items: list[CheckpointOut] = Field(description="The checkpoints of this page, by position")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page", examples=["eyJs…"]
    )


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/public/checkpoints", tags=["public: tamper evidence"])

    @router.get(
        "",
        operation_id="public_checkpoints",
        response_model=CheckpointPageOut,
        summary="Signed checkpoints of the hash chain, oldest first",
        responses={**cursors.BAD_CURSOR, **problem_responses(422, 429)},
    )
    def list_checkpoints(
        conn: ReadConnection,
        after: Annotated[
            int,
            Query(ge=0, le=MAX_POSITION, description="Only checkpoints after this log position"),
            params.DIGITS,
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=1_000, description="Checkpoints per page"), params.DIGITS] = 100,
        cursor: cursors.CursorQuery = None,
    ) -> CheckpointPageOut:
        """Checkpoints after a log position (`after`), in position order, a page at a time: pass
        `next_cursor` as `cursor` for the next page."""
        start = max(after, cursors.decode(CURSOR_KIND, cursor)) if cursor is not None else after
        found = integrity.checkpoints(conn, after=start, limit=limit + 1)
        page = found[:limit]
        return CheckpointPageOut(
            items=[CheckpointOut.of(c) for c in page],
            next_cursor=cursors.encode(CURSOR_KIND, page[-1].position) if len(found) > limit else None,
        )

    @router.get(
        "/latest",
        operation_id="public_checkpoint_latest",
        response_model=CheckpointOut,
        summary="The latest signed checkpoint",
        responses={**problem_responses(404, 429)},
    )
    def latest(conn: ReadConnection) -> CheckpointOut:
        """The checkpoint at the highest log position."""
        checkpoint = integrity.latest_checkpoint(conn)
        if checkpoint is None:
            raise ApiProblem(404, "not-found", "No checkpoint yet", "The hash chain has no checkpoint yet.")
        return CheckpointOut.of(checkpoint)

    @router.get(
        "/public-key",
        operation_id="public_checkpoint_key",
        summary="The public key that signs checkpoints (PEM)",
        response_class=Response,
        responses={
            200: {
                "description": "Ed25519 public key, PEM (SubjectPublicKeyInfo)",
                "content": {PEM_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
            },
            **problem_responses(404, 422, 429),
        },
    )
    def public_key(
        conn: ReadConnection,
        key_id: Annotated[
            str | None,
            Query(pattern=r"^[0-9a-f]{16}$", description="This key (default: the latest checkpoint's)"),
        ] = None,
    ) -> Any:
        """The key of ``key_id``, or of the latest signed checkpoint."""
        keys = integrity.public_keys(conn)
        if key_id is None:
            latest = integrity.latest_checkpoint(conn)
            key_id = latest.key_id if latest is not None else None
            if key_id is None and len(keys) == 1:
                key_id = next(iter(keys))
        pem = keys.get(key_id or "")
        if pem is None:
            raise ApiProblem(404, "not-found", "No such key", "No checkpoint is signed with that key.")
        return Response(pem, media_type=PEM_MEDIA_TYPE)

    return router
