"""Tamper evidence: the hash chain over the event log and its signed checkpoints.

Written by :mod:`projections.hash_chain` (docs/tamper-evidence.md says what each hash covers):

- ``chain_links``: one row per stored event, in log order: its position, the link hash
  ``SHA-256(previous link ‖ canonical bytes of the event)``, and which event it was (originator
  and version), so that ``cleanledger verify`` can tell an edited row from a moved one.
- ``chain_head``: one row, where the chain stands (position, hash, how many events it holds, the
  recorded day reached, the last checkpoint).
- ``chain_checkpoints``: the chain's hash at a position, every N events and at each day's end,
  with an Ed25519 signature of :func:`checkpoint_message` (none without a key).
- ``chain_keys``: the public keys (PEM) that signed checkpoints, by key id.

Hashes and signatures are raw bytes; days and signing times are kept as the exact text that was
signed, so the message can be rebuilt byte for byte from a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, Connection, Integer, LargeBinary, MetaData, String, Table, select
from sqlalchemy.exc import DBAPIError

metadata = MetaData()

chain_links = Table(
    "chain_links",
    metadata,
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("hash", LargeBinary, nullable=False),
    Column("originator_id", String(36), nullable=False),
    Column("originator_version", BigInteger, nullable=False),
)

chain_head = Table(
    "chain_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("position", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),  # hex
    Column("events", BigInteger, nullable=False),
    Column("day", String(10)),
    Column("checkpoint_position", BigInteger, nullable=False),
)

chain_checkpoints = Table(
    "chain_checkpoints",
    metadata,
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("events", BigInteger, nullable=False),  # events chained up to and including position
    Column("hash", LargeBinary, nullable=False),
    Column("day", String(10), nullable=False),  # recorded (UTC) day of the log at position
    Column("signed_at", String(32), nullable=False),  # 2026-03-01T00:00:01.123456Z
    Column("reason", String(16), nullable=False),  # "every" (N events) or "day-end"
    Column("signature", LargeBinary),  # Ed25519 over checkpoint_message(); NULL: unsigned
    Column("key_id", String(64)),
)

chain_keys = Table(
    "chain_keys",
    metadata,
    Column("key_id", String(64), primary_key=True),
    Column("public_key", String(200), nullable=False),  # PEM (SubjectPublicKeyInfo)
)

#: The first line of every signed message: names the format, so it can change one day.
MESSAGE_HEADER = "cleanledger checkpoint v1"


def checkpoint_message(position: int, hash_hex: str, day: str, signed_at: str) -> bytes:
    """The exact bytes a checkpoint's signature covers: five lines of ASCII, each ending in LF.

    ::

        cleanledger checkpoint v1
        position=1200000
        hash=3f5a…(64 lowercase hex digits)
        day=2026-03-01
        signed_at=2026-03-02T00:00:01.123456Z
    """
    return (
        f"{MESSAGE_HEADER}\nposition={position}\nhash={hash_hex}\nday={day}\nsigned_at={signed_at}\n"
    ).encode("ascii")


@dataclass(frozen=True)
class Checkpoint:
    position: int
    events: int
    hash: bytes
    day: str
    signed_at: str
    reason: str
    signature: bytes | None
    key_id: str | None

    @property
    def message(self) -> bytes:
        return checkpoint_message(self.position, self.hash.hex(), self.day, self.signed_at)


def _checkpoint(row: object) -> Checkpoint:
    return Checkpoint(
        position=int(row.position),  # type: ignore[attr-defined]
        events=int(row.events),  # type: ignore[attr-defined]
        hash=bytes(row.hash),  # type: ignore[attr-defined]
        day=row.day,  # type: ignore[attr-defined]
        signed_at=row.signed_at,  # type: ignore[attr-defined]
        reason=row.reason,  # type: ignore[attr-defined]
        signature=None if row.signature is None else bytes(row.signature),  # type: ignore[attr-defined]
        key_id=row.key_id,  # type: ignore[attr-defined]
    )


def missing_table(conn: Connection, error: DBAPIError) -> bool:
    """Whether ``error`` says the views read do not exist yet (the integrity group never ran)."""
    text = str(error.orig).lower()
    if conn.dialect.name == "postgresql":
        conn.rollback()
    return "no such table" in text or "does not exist" in text


def checkpoints(conn: Connection, *, after: int = 0, limit: int = 100) -> list[Checkpoint]:
    """Checkpoints after log position ``after``, oldest first (none if the chain never ran)."""
    query = (
        select(chain_checkpoints)
        .where(chain_checkpoints.c.position > after)
        .order_by(chain_checkpoints.c.position)
        .limit(limit)
    )
    try:
        return [_checkpoint(row) for row in conn.execute(query)]
    except DBAPIError as error:
        if missing_table(conn, error):
            return []
        raise


def latest_checkpoint(conn: Connection) -> Checkpoint | None:
    query = select(chain_checkpoints).order_by(chain_checkpoints.c.position.desc()).limit(1)
    try:
        row = conn.execute(query).first()
    except DBAPIError as error:
        if missing_table(conn, error):
            return None
        raise
    return None if row is None else _checkpoint(row)


def public_keys(conn: Connection) -> dict[str, str]:
    """Every public key that signed a checkpoint: key id → PEM."""
    try:
        return {row.key_id: row.public_key for row in conn.execute(select(chain_keys))}
    except DBAPIError as error:
        if missing_table(conn, error):
            return {}
        raise
