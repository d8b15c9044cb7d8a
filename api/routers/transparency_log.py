"""The transparency log over HTTP (docs/tamper-evidence.md): signed tree heads, inclusion and
consistency proofs, the log's keys, and witnesses' cosignatures.

Public (``/api/v1/public/log/…``, no key): anyone can fetch a head, keep it, and later ask for a
consistency proof that the log they are shown extends it, or an inclusion proof that an event is
in it; the proofs are checked with a few lines of SHA-256 (RFC 9162 §2.1.3.2 and §2.1.4.2).
``GET …/checkpoint`` is the latest head as a C2SP signed note with every witness's cosignature,
the text a witness fetches; a witness (``cleanledger witness``) posts its cosignature back.

``POST /api/v1/log/heads`` (any user with a key) signs a head now, so a write can be covered by a
signed head at once rather than at the next interval.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from api import cursors, params
from api.deps import CurrentPrincipal, ReadConnection, Services
from api.params import MAX_POSITION
from api.problems import ApiProblem, problem_responses
from readmodels import merkle, transparency_log
from readmodels import tree_head as notes
from readmodels.transparency_log import StoredHead

NOTE_MEDIA_TYPE = "text/plain; charset=utf-8"
#: A tree's size is a count of events, bounded like a log position.
MAX_SIZE = MAX_POSITION


class CosignatureOut(BaseModel):
    witness: str = Field(description="The witness key's name", examples=["witness.example.org"])
    timestamp: int = Field(description="When the witness cosigned (UNIX seconds)", examples=[1_772_352_000])


class HeadOut(BaseModel):
    """The Merkle tree's root at a size, signed by the log (a C2SP checkpoint)."""

    size: int = Field(description="Events in the tree (leaves)", examples=[120_000])
    root_hash: str = Field(description="The tree's root: 64 lowercase hex digits (SHA-256, RFC 9162)")
    position: int = Field(description="Log position of the tree's last event", examples=[120_004])
    signed_at: str = Field(
        description="When the log signed it (UTC)", examples=["2026-03-02T00:00:01.123456Z"]
    )
    reason: str = Field(
        description="`every` (N events), `day-end`, `interval` (every few seconds) or `demand`"
    )
    key_id: str | None = Field(description="The log key's id (null: unsigned)")
    note: str = Field(
        description="The signed note: origin, size, base64 root, a blank line, the log's signature "
        "line and every witness's cosignature line (C2SP tlog-checkpoint, signed-note, tlog-cosignature)"
    )
    cosignatures: list[CosignatureOut] = Field(description="The witnesses that cosigned this head")

    @classmethod
    def of(cls, head: StoredHead) -> HeadOut:
        return cls(
            size=head.size,
            root_hash=head.root.hex(),
            position=head.position,
            signed_at=head.signed_at,
            reason=head.reason,
            key_id=head.key_id,
            note=head.witnessed_note,
            cosignatures=[CosignatureOut(witness=w, timestamp=t) for w, t, _ in head.cosignatures],
        )


class HeadPageOut(BaseModel):
    """A page of signed tree heads, smallest first."""

    items: list[HeadOut] = Field(description="The heads of this page, by size")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page", examples=["eyJs…"]
    )


class InclusionOut(BaseModel):
    """That the event at a log position is leaf ``leaf_index`` of the tree of ``tree_size`` leaves."""

    position: int = Field(description="The event's log position", examples=[1_234])
    leaf_index: int = Field(description="Its leaf's index in the tree (0-based)", examples=[1_233])
    tree_size: int = Field(description="The tree the proof is for", examples=[120_000])
    leaf_hash: str = Field(description="SHA-256(0x00 ‖ canonical bytes of the event), hex")
    root_hash: str = Field(description="The root of the tree of tree_size leaves, hex")
    path: list[str] = Field(description="The audit path (RFC 9162 §2.1.3), hex, nearest the leaf first")


class ConsistencyOut(BaseModel):
    """That the tree of ``second`` leaves extends the tree of ``first`` leaves."""

    first: int = Field(description="The earlier tree's size", examples=[100_000])
    second: int = Field(description="The later tree's size", examples=[120_000])
    first_root: str = Field(description="The earlier tree's root, hex")
    second_root: str = Field(description="The later tree's root, hex")
    path: list[str] = Field(description="The consistency proof (RFC 9162 §2.1.4), hex")


class LogKeyOut(BaseModel):
    key_id: str = Field(description="First 16 hex digits of SHA-256 of the raw public key")
    name: str = Field(
        description="The key's name in notes (the log's origin)", examples=["cleanledger.local/log"]
    )
    verifier_key: str = Field(description="C2SP note verifier key: name+key hash+base64(0x01 ‖ key)")
    public_key: str = Field(description="The same Ed25519 public key, PEM (SubjectPublicKeyInfo)")


class CosignatureIn(BaseModel):
    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "signature": "— witness.example.org "
                    "ZtsVcAAAAABpjb4AGk9yqVxjrDXWnbc2Dqd4V5IJeGjpsFQHqcHZtGj3mG7t3QNP6SBQ0V7pyhkFtDEoYq0O7U6pU3C5Yq2QMLp9Cg=="
                }
            ]
        }
    }

    signature: str = Field(
        min_length=1,
        max_length=400,
        description="The witness's note signature line: `— NAME BASE64(key hash ‖ timestamp ‖ signature)`",
    )


class CosignatureAccepted(BaseModel):
    size: int
    witness: str
    timestamp: int


def _not_found(detail: str) -> ApiProblem:
    return ApiProblem(404, "not-found", "Not found", detail)


def _head(conn: Connection, size: int | None) -> StoredHead:
    head = transparency_log.latest_head(conn) if size is None else transparency_log.head(conn, size)
    if head is None:
        raise _not_found("No tree head yet." if size is None else f"No tree head of size {size}.")
    return head


def _proof_problem(error: merkle.ProofError) -> ApiProblem:
    return ApiProblem(422, "invalid-proof-request", "No such proof", str(error))


def _hex(hashes: list[bytes]) -> list[str]:
    return [h.hex() for h in hashes]


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/public/log", tags=["public: tamper evidence"])

    @router.get(
        "/heads",
        operation_id="public_log_heads",
        response_model=HeadPageOut,
        summary="Signed tree heads, smallest first",
        responses={**cursors.BAD_CURSOR, **problem_responses(422, 429)},
    )
    def list_heads(
        conn: ReadConnection,
        after: Annotated[
            int, Query(ge=0, le=MAX_SIZE, description="Only heads of more leaves than this"), params.DIGITS
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=1_000, description="Heads per page"), params.DIGITS] = 100,
        cursor: cursors.CursorQuery = None,
    ) -> HeadPageOut:
        """Heads of more leaves than `after`, smallest first, a page at a time: pass `next_cursor`
        as `cursor` for the next page."""
        start = max(after, cursors.decode("heads", cursor)) if cursor is not None else after
        found = transparency_log.heads(conn, after=start, limit=limit + 1)
        page = found[:limit]
        return HeadPageOut(
            items=[HeadOut.of(h) for h in page],
            next_cursor=cursors.encode("heads", page[-1].size) if len(found) > limit else None,
        )

    @router.get(
        "/heads/latest",
        operation_id="public_log_head_latest",
        response_model=HeadOut,
        summary="The latest signed tree head",
        responses={**problem_responses(404, 429)},
    )
    def latest(conn: ReadConnection) -> HeadOut:
        return HeadOut.of(_head(conn, None))

    @router.get(
        "/heads/{size}",
        operation_id="public_log_head",
        response_model=HeadOut,
        summary="The signed tree head of a size",
        responses={**problem_responses(404, 422, 429)},
    )
    def one_head(
        conn: ReadConnection,
        size: Annotated[int, Path(ge=1, le=MAX_SIZE, description="The tree's size"), params.DIGITS],
    ) -> HeadOut:
        return HeadOut.of(_head(conn, size))

    @router.get(
        "/checkpoint",
        operation_id="public_log_checkpoint",
        summary="The latest tree head as a signed note, with the witnesses' cosignatures",
        response_class=Response,
        responses={
            200: {
                "description": "C2SP checkpoint: signed note text",
                "content": {NOTE_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
            },
            **problem_responses(404, 429),
        },
    )
    def checkpoint(conn: ReadConnection) -> Any:
        return Response(_head(conn, None).witnessed_note, media_type=NOTE_MEDIA_TYPE)

    @router.get(
        "/proofs/inclusion",
        operation_id="public_log_inclusion",
        response_model=InclusionOut,
        summary="Proof that the event at a log position is in the tree of a size",
        responses={**problem_responses(404, 422, 429)},
    )
    def inclusion(
        conn: ReadConnection,
        position: Annotated[
            int, Query(ge=1, le=MAX_POSITION, description="The event's log position"), params.DIGITS
        ],
        size: Annotated[
            int | None,
            Query(ge=1, le=MAX_SIZE, description="The tree's size (default: the latest head's)"),
            params.DIGITS,
        ] = None,
    ) -> InclusionOut:
        tree = size if size is not None else _head(conn, None).size
        leaf = transparency_log.leaf_at(conn, position)
        if leaf is None:
            raise _not_found(f"No event at log position {position} is in the tree yet.")
        index, leaf_hash = leaf
        read = transparency_log.NodeReader(conn)
        try:
            _check_size(conn, tree)
            path = merkle.inclusion_proof(index, tree, read)
            root = merkle.tree_root(tree, read)
        except merkle.ProofError as error:
            raise _proof_problem(error) from error
        return InclusionOut(
            position=position,
            leaf_index=index,
            tree_size=tree,
            leaf_hash=leaf_hash.hex(),
            root_hash=root.hex(),
            path=_hex(path),
        )

    @router.get(
        "/proofs/consistency",
        operation_id="public_log_consistency",
        response_model=ConsistencyOut,
        summary="Proof that the tree of `second` leaves extends the tree of `first` leaves",
        responses={**problem_responses(404, 422, 429)},
    )
    def consistency(
        conn: ReadConnection,
        first: Annotated[int, Query(ge=1, le=MAX_SIZE, description="The earlier tree's size"), params.DIGITS],
        second: Annotated[
            int | None,
            Query(ge=1, le=MAX_SIZE, description="The later tree's size (default: the latest head's)"),
            params.DIGITS,
        ] = None,
    ) -> ConsistencyOut:
        later = second if second is not None else _head(conn, None).size
        read = transparency_log.NodeReader(conn)
        try:
            _check_size(conn, later)
            path = merkle.consistency_proof(first, later, read)
            roots = merkle.tree_root(first, read), merkle.tree_root(later, read)
        except merkle.ProofError as error:
            raise _proof_problem(error) from error
        return ConsistencyOut(
            first=first, second=later, first_root=roots[0].hex(), second_root=roots[1].hex(), path=_hex(path)
        )

    @router.get(
        "/keys",
        operation_id="public_log_keys",
        response_model=list[LogKeyOut],
        summary="The keys that signed tree heads",
        responses={**problem_responses(429)},
    )
    def keys(conn: ReadConnection) -> list[LogKeyOut]:
        return [
            LogKeyOut(key_id=k, name=n, public_key=pem, verifier_key=vkey)
            for k, n, pem, vkey in transparency_log.verifier_keys(conn)
        ]

    @router.post(
        "/heads/{size}/cosignatures",
        operation_id="public_log_cosign",
        status_code=201,
        response_model=CosignatureAccepted,
        summary="A witness's cosignature of a tree head",
        responses={
            **problem_responses(
                400,
                403,
                404,
                413,
                422,
                429,
                say={
                    400: "The body is not JSON",
                    403: "Not a witness this log trusts (unknown-witness)",
                    422: "Malformed body (invalid-request), or a cosignature that does not verify over "
                    "this head (invalid-cosignature)",
                },
            )
        },
    )
    def cosign(
        services: Services,
        conn: ReadConnection,
        size: Annotated[int, Path(ge=1, le=MAX_SIZE, description="The head's size"), params.DIGITS],
        body: Annotated[CosignatureIn, Body()],
    ) -> CosignatureAccepted:
        """Accepted from the witnesses the log trusts (``CLEANLEDGER_WITNESS_KEYS``) and only if the
        cosignature verifies over this head; no API key: the signature is the credential."""
        head = _head(conn, size)
        try:
            signature = notes.parse_signature_line(body.signature)
        except notes.NoteError as error:
            raise ApiProblem(
                422, "invalid-cosignature", "The cosignature is not valid", str(error)
            ) from error
        witness = services.witnesses.get(signature.name)
        if witness is None:
            raise ApiProblem(
                403,
                "unknown-witness",
                "Unknown witness",
                f"{signature.name!r} is not a witness this log trusts.",
            )
        timestamp = notes.verify_cosignature(
            notes.parse_note(head.note).head, signature, signature.name, witness
        )
        if timestamp is None:
            raise ApiProblem(
                422,
                "invalid-cosignature",
                "The cosignature is not valid",
                f"It is not {signature.name}'s cosignature of the head of size {size}.",
            )
        services.record_cosignature(size, signature.name, timestamp, body.signature.rstrip("\n"))
        return CosignatureAccepted(size=size, witness=signature.name, timestamp=timestamp)

    return router


def _check_size(conn: Connection, size: int) -> None:
    built, _ = transparency_log.tree_size(conn)
    if size > built:
        msg = f"the tree has {built} leaves; it has no size {size} yet"
        raise merkle.ProofError(msg)


def build_operator_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/log", tags=["tamper evidence"])

    @router.post(
        "/heads",
        operation_id="publish_log_head",
        response_model=HeadOut,
        summary="Sign a tree head now, for the tree as it stands",
        responses={**problem_responses(401, 404, 429)},
    )
    def publish(services: Services, _: CurrentPrincipal) -> HeadOut:
        """The tree's head now (signed if it grew since the last head; else the last head). The tree
        follows the log a moment behind: compare ``position`` with your write's."""
        head = services.publish_head("demand")
        if head is None:
            raise _not_found("The tree has no leaf yet.")
        return HeadOut.of(head)

    return router
