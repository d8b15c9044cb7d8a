"""The transparency log: a Merkle tree over the event log (RFC 9162 style), its signed tree heads
and the witnesses' cosignatures (docs/tamper-evidence.md).

Written by :mod:`projections.merkle_tree`; read by the public API (``/api/v1/public/log/…``),
``cleanledger verify`` and ``cleanledger witness``:

- ``merkle_leaves``: one row per stored event, in log order: its leaf index (0, 1, 2, …), its log
  position (positions can have gaps, leaf indices cannot) and its leaf hash
  ``SHA-256(0x00 ‖ canonical bytes of the event)``.
- ``merkle_nodes``: the hash of every complete (perfect) subtree of 2**level leaves, level ≥ 1,
  written once when its last leaf arrives and never changed: any root and any proof is made of at
  most a few dozen of them (:mod:`readmodels.merkle`).
- ``merkle_state``: one row, how far the tree stands (leaves, log position, recorded day).
- ``tree_heads``: the tree's root at a size, as a C2SP checkpoint (a signed note): at every
  checkpoint of the hash chain, every few seconds while the log grows, and on demand.
- ``tree_head_cosignatures``: a witness's cosignature of a tree head (C2SP tlog-cosignature).

Hashes are raw bytes; a head's note is kept as the exact text that was signed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    select,
    tuple_,
)
from sqlalchemy.exc import DBAPIError

from readmodels.integrity import missing_table
from readmodels.merkle import Node, ProofError
from readmodels.tree_head import TreeHead

metadata = MetaData()

merkle_leaves = Table(
    "merkle_leaves",
    metadata,
    Column("leaf_index", BigInteger, primary_key=True, autoincrement=False),
    Column("position", BigInteger, nullable=False, unique=True),
    Column("hash", LargeBinary, nullable=False),
)

merkle_nodes = Table(
    "merkle_nodes",
    metadata,
    Column("level", Integer, primary_key=True, autoincrement=False),
    Column("node_index", BigInteger, primary_key=True, autoincrement=False),
    Column("hash", LargeBinary, nullable=False),
)

merkle_state = Table(
    "merkle_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("size", BigInteger, nullable=False),  # leaves in the tree
    Column("position", BigInteger, nullable=False),  # log position of the last leaf
    Column("day", String(10)),  # recorded (UTC) day of the last leaf
)

tree_heads = Table(
    "tree_heads",
    metadata,
    Column("size", BigInteger, primary_key=True, autoincrement=False),
    Column("root", LargeBinary, nullable=False),
    Column("position", BigInteger, nullable=False),  # log position of the last leaf (0: empty)
    Column("signed_at", String(32), nullable=False),  # 2026-03-01T00:00:01.123456Z
    Column("reason", String(16), nullable=False),  # every, day-end, interval, demand
    Column("note", Text, nullable=False),  # the C2SP checkpoint with the log's signature line
    Column("key_id", String(64)),  # the log key's id (cleanledger.keys.key_id); NULL: unsigned
)

tree_head_cosignatures = Table(
    "tree_head_cosignatures",
    metadata,
    Column("size", BigInteger, primary_key=True, autoincrement=False),
    Column("witness", String(100), primary_key=True),  # the witness key's name
    Column("timestamp", BigInteger, nullable=False),  # UNIX seconds the witness signed at
    Column("line", String(400), nullable=False),  # the note signature line, as the witness sent it
)

log_keys = Table(
    "log_keys",
    metadata,
    Column("key_id", String(64), primary_key=True),  # cleanledger.keys.key_id
    Column("name", String(200), nullable=False),  # the key's name in notes: the log's origin
    Column("public_key", String(200), nullable=False),  # PEM (SubjectPublicKeyInfo)
    Column("verifier_key", String(300), nullable=False),  # C2SP note verifier key: name+hash+key
)

#: Every table of the transparency log.
TABLES = (merkle_leaves, merkle_nodes, merkle_state, tree_heads, tree_head_cosignatures, log_keys)


@dataclass(frozen=True)
class StoredHead:
    size: int
    root: bytes
    position: int
    signed_at: str
    reason: str
    note: str
    key_id: str | None
    cosignatures: tuple[tuple[str, int, str], ...] = ()  # (witness, timestamp, signature line)

    @property
    def tree_head(self) -> TreeHead:
        """The head as its note states it (the body, whether or not the note is signed)."""
        end = self.note.find("\n\n")
        return TreeHead.parse_body(self.note if end < 0 else self.note[: end + 1])

    @property
    def witnessed_note(self) -> str:
        """The note with every witness's cosignature line after the log's signature (C2SP)."""
        return self.note + "".join(line + "\n" for _, _, line in self.cosignatures)


def tree_size(conn: Connection) -> tuple[int, int]:
    """(leaves, log position of the last leaf) of the tree as it stands; (0, 0) before it ran."""
    try:
        row = conn.execute(select(merkle_state.c.size, merkle_state.c.position)).first()
    except DBAPIError as error:
        if missing_table(conn, error):
            return 0, 0
        raise
    return (0, 0) if row is None else (int(row.size), int(row.position))


class NodeReader:
    """Stored node hashes by (level, index), for :mod:`readmodels.merkle`: level 0 from the leaves,
    higher levels from ``merkle_nodes``, each asked set in one query per table."""

    def __init__(self, conn: Connection, tables: Mapping[str, Table] | None = None) -> None:
        self.conn = conn
        self.leaves = merkle_leaves if tables is None else tables[merkle_leaves.name]
        self.nodes = merkle_nodes if tables is None else tables[merkle_nodes.name]

    def __call__(self, nodes: Sequence[Node]) -> Mapping[Node, bytes]:
        found: dict[Node, bytes] = {}
        leaves = [index for level, index in nodes if level == 0]
        inner = [(level, index) for level, index in nodes if level > 0]
        if leaves:
            query = select(self.leaves.c.leaf_index, self.leaves.c.hash).where(
                self.leaves.c.leaf_index.in_(leaves)
            )
            found.update(((0, int(row[0])), bytes(row[1])) for row in self.conn.execute(query))
        if inner:
            nodes_ = self.nodes
            query = select(nodes_.c.level, nodes_.c.node_index, nodes_.c.hash).where(
                tuple_(nodes_.c.level, nodes_.c.node_index).in_(inner)
            )
            found.update(((int(row[0]), int(row[1])), bytes(row[2])) for row in self.conn.execute(query))
        missing = [node for node in nodes if node not in found]
        if missing:
            level, index = missing[0]
            msg = f"the tree has no node {index} at level {level} yet (it is still being built)"
            raise ProofError(msg)
        return found


def leaf_at(conn: Connection, position: int) -> tuple[int, bytes] | None:
    """(leaf index, leaf hash) of the event at a log position; None if no leaf is there."""
    row = conn.execute(
        select(merkle_leaves.c.leaf_index, merkle_leaves.c.hash).where(merkle_leaves.c.position == position)
    ).first()
    return None if row is None else (int(row.leaf_index), bytes(row.hash))


def _cosignatures(conn: Connection, sizes: Sequence[int]) -> dict[int, list[tuple[str, int, str]]]:
    by_size: dict[int, list[tuple[str, int, str]]] = {}
    if not sizes:
        return by_size
    query = (
        select(tree_head_cosignatures)
        .where(tree_head_cosignatures.c.size.in_(sizes))
        .order_by(tree_head_cosignatures.c.size, tree_head_cosignatures.c.witness)
    )
    for row in conn.execute(query):
        by_size.setdefault(int(row.size), []).append((row.witness, int(row.timestamp), row.line))
    return by_size


def _heads(conn: Connection, query: object) -> list[StoredHead]:
    try:
        rows = list(conn.execute(query))  # type: ignore[call-overload]
    except DBAPIError as error:
        if missing_table(conn, error):
            return []
        raise
    cosigned = _cosignatures(conn, [int(row.size) for row in rows])
    return [
        StoredHead(
            size=int(row.size),
            root=bytes(row.root),
            position=int(row.position),
            signed_at=row.signed_at,
            reason=row.reason,
            note=row.note,
            key_id=row.key_id,
            cosignatures=tuple(cosigned.get(int(row.size), ())),
        )
        for row in rows
    ]


def heads(conn: Connection, *, after: int = -1, limit: int = 100) -> list[StoredHead]:
    """Tree heads of size greater than ``after``, smallest first."""
    query = select(tree_heads).where(tree_heads.c.size > after).order_by(tree_heads.c.size).limit(limit)
    return _heads(conn, query)


def head(conn: Connection, size: int) -> StoredHead | None:
    found = _heads(conn, select(tree_heads).where(tree_heads.c.size == size))
    return found[0] if found else None


def latest_head(conn: Connection) -> StoredHead | None:
    found = recent_heads(conn, 1)
    return found[0] if found else None


def recent_heads(conn: Connection, limit: int) -> list[StoredHead]:
    """The ``limit`` largest tree heads, largest first."""
    return _heads(conn, select(tree_heads).order_by(tree_heads.c.size.desc()).limit(limit))


def verifier_keys(conn: Connection) -> list[tuple[str, str, str, str]]:
    """Every key that signed a head: (key id, name, PEM, note verifier key)."""
    try:
        rows = conn.execute(select(log_keys).order_by(log_keys.c.key_id))
        return [(r.key_id, r.name, r.public_key, r.verifier_key) for r in rows]
    except DBAPIError as error:
        if missing_table(conn, error):
            return []
        raise


def add_cosignature(
    conn: Connection, table: Table, size: int, witness: str, timestamp: int, line: str
) -> None:
    """Keep a witness's verified cosignature of the head of ``size`` in ``table`` (the physical
    ``tree_head_cosignatures``); a newer one from the same witness replaces an older."""
    key = (table.c.size == size) & (table.c.witness == witness)
    found = conn.execute(select(table.c.timestamp).where(key)).first()
    if found is None:
        conn.execute(table.insert().values(size=size, witness=witness, timestamp=timestamp, line=line))
    elif int(found.timestamp) < timestamp:
        conn.execute(table.update().where(key).values(timestamp=timestamp, line=line))
