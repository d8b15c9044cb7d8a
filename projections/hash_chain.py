"""The hash chain: tamper evidence over the whole event log, kept as a projection of its own.

Every stored event, in log order, extends the chain::

    link(0) = 32 zero bytes
    link(i) = SHA-256(link(i-1) ‖ canonical(event i))

where :func:`canonical` is the event's position, originator id, version, topic and stored state,
length-prefixed (docs/tamper-evidence.md). Each link commits to its position, so an edited,
deleted, inserted or moved row changes the chain from that position on. Every ``every`` events,
and when the log's recorded UTC day moves on (the first event of a new day closes the previous day
at its last event), the chain's hash is written as a checkpoint, signed with Ed25519 when a key is
configured.

The chain hashes the stored bytes, never a decoded form, so it reads the log itself
(:class:`CanonicalLog`): the engine's envelopes only tell it how far a batch goes. It runs in a
projection group of its own (:func:`projections.registry.integrity_projections`), so it never
slows the read models, and it is never rebuilt: a chain rebuilt over a tampered log would bless
the tampering; :mod:`cleanledger.verify` recomputes it instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol
from uuid import UUID

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from eventsourcing.persistence import ApplicationRecorder
from sqlalchemy import Connection, Table, select

from eventlog import CANONICAL_HEAD as _HEAD
from eventlog import CANONICAL_LENGTH as _LENGTH
from eventlog import EventLog
from eventlog import canonical as canonical  # noqa: PLC0414 (an explicit re-export: the layout is the log's)
from projections.base import Envelope, EveryEvent, Projection, RowWriter
from readmodels.integrity import (
    chain_checkpoints,
    chain_head,
    chain_keys,
    chain_links,
    checkpoint_message,
)

GENESIS = bytes(32)
DEFAULT_EVERY = 10_000

_LINK_COLUMNS = ("position", "hash", "originator_id", "originator_version")
_CHECKPOINT_COLUMNS = ("position", "events", "hash", "day", "signed_at", "reason", "signature", "key_id")


def link(previous: bytes, canonical_bytes: bytes) -> bytes:
    return hashlib.sha256(previous + canonical_bytes).digest()


@dataclass(frozen=True)
class StoredEvent:
    """A canonical record taken apart again (for messages about a failing position)."""

    position: int
    originator_id: str
    originator_version: int
    topic: str
    state: bytes


def parse(canonical_bytes: bytes) -> StoredEvent:
    position, originator_id, version, topic_length = _HEAD.unpack_from(canonical_bytes)
    start = _HEAD.size + topic_length
    topic = canonical_bytes[_HEAD.size : start].decode("utf-8", "replace")
    return StoredEvent(position, str(UUID(bytes=originator_id)), version, topic, canonical_bytes[start + 4 :])


_TIMESTAMP = b'{"timestamp":"'


def recorded_day(state: bytes) -> str | None:
    """The UTC day an event was recorded (its ``timestamp``), as ``YYYY-MM-DD``; None if it has none.

    The codec writes the timestamp first, in UTC (``{"timestamp":"2026-03-01T09:00:00.1+00:00"…``),
    which is read without parsing the JSON; anything else is parsed.
    """
    if state.startswith(_TIMESTAMP):
        end = state.find(b'"', len(_TIMESTAMP))
        text = state[len(_TIMESTAMP) : end].decode("ascii", "replace")
        if text.endswith("+00:00") and len(text) >= 10:
            return text[:10]
    else:
        try:
            value = orjson.loads(state).get("timestamp")
        except (orjson.JSONDecodeError, AttributeError):
            return None
        if not isinstance(value, str):
            return None
        text = value
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.date().isoformat()


def state_of(canonical_bytes: bytes) -> bytes:
    (topic_length,) = _LENGTH.unpack_from(canonical_bytes, 32)
    return canonical_bytes[_HEAD.size + topic_length + 4 :]


class CanonicalLog:
    """The stored events as (position, canonical bytes), from a PostgreSQL or SQLite event store.

    The queries are :mod:`eventlog`'s: on PostgreSQL the server concatenates the canonical
    bytes, so a row arrives as one integer and one ``bytea``; the hashing stays on this side.
    """

    def __init__(self, recorder: ApplicationRecorder) -> None:
        self.recorder = recorder
        self._log = EventLog.for_recorder(recorder)
        # The chain and the Merkle tree apply the same batch one after the other: the second
        # takes the rows the first read rather than reading them again.
        self._last: tuple[int, int, list[tuple[int, bytes]]] | None = None

    @property
    def is_postgres(self) -> bool:
        return self._log.is_postgres

    def read_range(self, after: int, upto: int) -> list[tuple[int, bytes]]:
        """Every stored event with ``after < position <= upto``, in log order."""
        last = self._last
        if last is not None and last[0] == after and last[1] == upto:
            return last[2]
        rows = self._log.canonical_range(after, upto)
        self._last = (after, upto, rows)
        return rows

    def stream(self, after: int = 0, chunk: int = 20_000) -> Iterator[list[tuple[int, bytes]]]:
        """The whole log after ``after`` in chunks, from one snapshot (a server-side cursor in a
        REPEATABLE READ transaction on PostgreSQL; one read transaction on SQLite)."""
        return self._log.canonical_stream(after, chunk)

    def head(self) -> int:
        return self._log.head()


class CheckpointSigner(Protocol):
    """Signs checkpoint messages (cleanledger.keys.Ed25519Signer)."""

    @property
    def key_id(self) -> str: ...

    @property
    def public_pem(self) -> str: ...

    @property
    def public_key(self) -> Ed25519PublicKey: ...

    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True)
class _Head:
    position: int = 0
    hash: bytes = GENESIS
    events: int = 0
    day: str | None = None
    checkpoint_position: int = 0


def utc_now() -> str:
    """A signing time: ``2026-03-02T00:00:01.123456Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class HashChainProjection(Projection):
    name = "hash_chain"
    tables = (chain_links, chain_head, chain_checkpoints, chain_keys)
    handles: ClassVar[frozenset[str]] = EveryEvent()

    def __init__(
        self,
        log: CanonicalLog,
        *,
        signer: CheckpointSigner | None = None,
        every: int = DEFAULT_EVERY,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        if every < 1:
            msg = f"checkpoints every {every} events: must be at least 1"
            raise ValueError(msg)
        self.log = log
        self.signer = signer
        self.every = every
        self.clock = clock
        self._head = _Head()
        self._loaded = False

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if continuing and self._loaded:
            return
        table = tables[chain_head.name]
        row = conn.execute(select(table).where(table.c.id == 1)).first()
        self._head = (
            _Head()
            if row is None
            else _Head(row.position, bytes.fromhex(row.hash), row.events, row.day, row.checkpoint_position)
        )
        self._loaded = True

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        head = self._head
        rows = self.log.read_range(head.position, events[-1].position)
        if not rows:
            return
        every, sha256 = self.every, hashlib.sha256
        previous, count, day, last_checkpoint = head.hash, head.events, head.day, head.checkpoint_position
        position = head.position
        links: list[tuple[Any, ...]] = []
        checkpoints: list[tuple[Any, ...]] = []
        for event_position, data in rows:
            event_day = recorded_day(state_of(data))
            if event_day is not None and (day is None or event_day > day):
                if day is not None and count and last_checkpoint != position:
                    checkpoints.append(self._checkpoint(position, count, previous, day, "day-end"))
                    last_checkpoint = position
                day = event_day
            previous = sha256(previous + data).digest()
            position = event_position
            count += 1
            links.append(
                (position, previous, str(UUID(bytes=data[8:24])), int.from_bytes(data[24:32], "big"))
            )
            if count % every == 0:
                checkpoints.append(self._checkpoint(position, count, previous, day or "", "every"))
                last_checkpoint = position
        out.insert_rows(chain_links, _LINK_COLUMNS, links)
        if checkpoints:
            out.insert_rows(chain_checkpoints, _CHECKPOINT_COLUMNS, checkpoints)
            if self.signer is not None:
                out.put(chain_keys, {"key_id": self.signer.key_id}, public_key=self.signer.public_pem)
        self._head = replace(
            head, position=position, hash=previous, events=count, day=day, checkpoint_position=last_checkpoint
        )
        out.put(
            chain_head,
            {"id": 1},
            position=position,
            hash=previous.hex(),
            events=count,
            day=day,
            checkpoint_position=last_checkpoint,
        )

    def _checkpoint(self, position: int, events: int, hash_: bytes, day: str, reason: str) -> tuple[Any, ...]:
        signed_at = self.clock()
        signature: bytes | None = None
        key_id: str | None = None
        if self.signer is not None:
            signature = self.signer.sign(checkpoint_message(position, hash_.hex(), day, signed_at))
            key_id = self.signer.key_id
        return (position, events, hash_, day, signed_at, reason, signature, key_id)
