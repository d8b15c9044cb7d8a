"""The Merkle tree over the event log (RFC 9162 style), beside the hash chain, and its signed heads.

Every stored event, in log order, is a leaf: ``SHA-256(0x00 ‖ canonical bytes)`` (the same bytes
the chain links, :func:`eventlog.canonical`). The tree answers what the chain cannot: an inclusion
proof shows that an event is in the log a head commits to, and a consistency proof that a later
head extends an earlier one, each with a few dozen hashes (:mod:`readmodels.merkle`).

Heads (C2SP checkpoints, signed notes) are written:

- by :class:`MerkleTreeProjection`, at the same positions as the chain's checkpoints (every N
  events, and at each recorded day's end);
- by :class:`TreeHeadPublisher`, every few seconds while the log grows
  (``CLEANLEDGER_TREE_HEAD_SECONDS``), and on demand (``POST /api/v1/log/heads``), so the part of
  the log no signed head covers is seconds old, not N events long.

Like the chain, the tree runs in the integrity projection group and is never rebuilt: a tree
rebuilt over a tampered log would bless the tampering; ``cleanledger verify --tree`` and
``--against SAVED_HEAD`` recompute it instead.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, ClassVar

from sqlalchemy import Connection, Engine, Table, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from projections.base import Envelope, EveryEvent, Projection, RowWriter
from projections.engine import generation_tables
from projections.hash_chain import (
    DEFAULT_EVERY,
    CanonicalLog,
    CheckpointSigner,
    recorded_day,
    state_of,
    utc_now,
)
from readmodels import tree_head as notes
from readmodels.merkle import LEAF_PREFIX, Frontier, tree_root
from readmodels.state import projection_state
from readmodels.transparency_log import (
    TABLES,
    NodeReader,
    StoredHead,
    add_cosignature,
    latest_head,
    log_keys,
    merkle_leaves,
    merkle_nodes,
    merkle_state,
    tree_head_cosignatures,
    tree_heads,
    tree_size,
)

log = logging.getLogger(__name__)

#: The log's name in its heads (the first line of a C2SP checkpoint) and its key's name.
DEFAULT_ORIGIN = "cleanledger.local/log"

_LEAF_COLUMNS = ("leaf_index", "position", "hash")
_NODE_COLUMNS = ("level", "node_index", "hash")


class HeadSigner:
    """Makes a tree head's note: the C2SP checkpoint body, signed with the log's key if it has one."""

    def __init__(
        self, origin: str, signer: CheckpointSigner | None, clock: Callable[[], str] = utc_now
    ) -> None:
        notes.TreeHead(origin, 0, bytes(32))  # refuses an origin a note cannot hold
        self.origin = origin
        self.signer = signer
        self.clock = clock

    def row(self, size: int, root: bytes, position: int, reason: str) -> dict[str, Any]:
        head = notes.TreeHead(self.origin, size, root)
        text = head.body
        key_id = None
        if self.signer is not None:
            public = self.signer.public_key
            signature = notes.NoteSignature(
                self.origin, notes.key_hash(self.origin, public), self.signer.sign(head.body.encode())
            )
            text = notes.with_signatures(head, (signature,)).text
            key_id = self.signer.key_id
        return {
            "size": size,
            "root": root,
            "position": position,
            "signed_at": self.clock(),
            "reason": reason,
            "note": text,
            "key_id": key_id,
        }

    def key_row(self) -> dict[str, Any] | None:
        if self.signer is None:
            return None
        return {
            "key_id": self.signer.key_id,
            "name": self.origin,
            "public_key": self.signer.public_pem,
            "verifier_key": notes.verifier_key(self.origin, self.signer.public_key),
        }


class MerkleTreeProjection(Projection):
    name = "merkle_tree"
    tables = TABLES
    handles: ClassVar[frozenset[str]] = EveryEvent()

    def __init__(
        self,
        log: CanonicalLog,
        *,
        signer: CheckpointSigner | None = None,
        origin: str = DEFAULT_ORIGIN,
        every: int = DEFAULT_EVERY,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        if every < 1:
            msg = f"tree heads every {every} events: must be at least 1"
            raise ValueError(msg)
        self.log = log
        self.heads = HeadSigner(origin, signer, clock)
        self.every = every
        self._frontier = Frontier()
        self._position = 0
        self._day: str | None = None
        self._loaded = False

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if continuing and self._loaded:
            return
        state = tables[merkle_state.name]
        row = conn.execute(select(state).where(state.c.id == 1)).first()
        if row is None:
            self._frontier, self._position, self._day = Frontier(), 0, None
        else:
            read = NodeReader(conn, tables)
            self._frontier = Frontier.of(int(row.size), read)
            self._position, self._day = int(row.position), row.day
        self._loaded = True

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        rows = self.log.read_range(self._position, events[-1].position)
        if not rows:
            return
        frontier, every, day, position = self._frontier, self.every, self._day, self._position
        sha256 = hashlib.sha256
        leaves: list[tuple[Any, ...]] = []
        nodes: list[tuple[Any, ...]] = []
        heads: list[dict[str, Any]] = []
        for event_position, data in rows:
            # Heads at the chain's checkpoints: a day's end when the next day's first event comes
            # (unless an every-N head was just written there), and every N leaves.
            event_day = recorded_day(state_of(data))
            if event_day is not None and (day is None or event_day > day):
                if day is not None and frontier.size and frontier.size % every:
                    heads.append(self.heads.row(frontier.size, frontier.root(), position, "day-end"))
                day = event_day
            completed = frontier.append(sha256(LEAF_PREFIX + data).digest())
            position = event_position
            _, index, leaf = completed[0]
            leaves.append((index, position, leaf))
            nodes.extend(completed[1:])
            if frontier.size % every == 0:
                heads.append(self.heads.row(frontier.size, frontier.root(), position, "every"))
        out.insert_rows(merkle_leaves, _LEAF_COLUMNS, leaves)
        if nodes:
            out.insert_rows(merkle_nodes, _NODE_COLUMNS, nodes)
        if heads:
            out.then(lambda conn, tables: _upsert_heads(conn, tables[tree_heads.name], heads))
        key = self.heads.key_row()
        if heads and key is not None:
            out.put(log_keys, {"key_id": key.pop("key_id")}, **key)
        self._position, self._day = position, day
        out.put(merkle_state, {"id": 1}, size=frontier.size, position=position, day=day)


def _upsert_heads(conn: Connection, table: Table, heads: list[dict[str, Any]]) -> None:
    """Write checkpoint heads. The publisher may have signed a head at one of these sizes already
    (the same body, so the same deterministic Ed25519 signature): the checkpoint's reason is kept."""
    upsert = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
    statement = upsert(table)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[table.c.size],
            set_={name: statement.excluded[name] for name in ("signed_at", "reason", "note", "key_id")},
        ),
        heads,
    )


class TreeHeadPublisher:
    """Signs a head for the tree as it stands, if it grew since the last head (interval, demand).

    Reads the tree's size and the nodes its root needs in one transaction; nodes never change once
    written, so the root is that of exactly those leaves. ``lock``: on SQLite, the process's write
    lock (the projections' and the commands' writes share the one file).
    """

    def __init__(
        self,
        engine: Engine,
        signer: CheckpointSigner | None,
        *,
        origin: str = DEFAULT_ORIGIN,
        lock: AbstractContextManager[Any] | None = None,
        clock: Callable[[], str] = utc_now,
    ) -> None:
        self.engine = engine
        self.heads = HeadSigner(origin, signer, clock)
        self.lock: AbstractContextManager[Any] = lock if lock is not None else nullcontext()

    def publish(self, reason: str = "interval") -> StoredHead | None:
        """The new head, or the latest one if the tree has not grown; None before the first leaf."""
        with self.lock, self.engine.begin() as conn:
            size, position = tree_size(conn)
            latest = latest_head(conn)
            if size == 0 or (latest is not None and latest.size >= size):
                return latest
            root = tree_root(size, NodeReader(conn))
            tables = _physical(conn)
            heads, keys = tables[tree_heads.name], tables[log_keys.name]
            try:
                with conn.begin_nested():
                    conn.execute(insert(heads).values(self.heads.row(size, root, position, reason)))
            except IntegrityError:
                pass  # the projection signed this size first (a checkpoint): that head stands
            key = self.heads.key_row()
            if (
                key is not None
                and conn.execute(select(keys.c.key_id).where(keys.c.key_id == key["key_id"])).first() is None
            ):
                conn.execute(insert(keys).values(key))
        with self.engine.connect() as conn:
            return latest_head(conn)

    def add_cosignature(self, size: int, witness: str, timestamp: int, line: str) -> None:
        """Keep a witness's verified cosignature (see :func:`add_cosignature`)."""
        with self.lock, self.engine.begin() as conn:
            add_cosignature(
                conn, _physical(conn)[tree_head_cosignatures.name], size, witness, timestamp, line
            )


def _physical(conn: Connection) -> dict[str, Table]:
    """The tables the tree's views read now (its current generation)."""
    generation = conn.execute(
        select(projection_state.c.generation).where(projection_state.c.name == MerkleTreeProjection.name)
    ).scalar()
    return generation_tables(TABLES, int(generation or 1))


class HeadTicker:
    """Publishes a head every ``seconds`` while the log grows, in a daemon thread.

    ``log_head``: given, a tick looks only after :meth:`mark` (the server marks each command it
    records) and until a head covers the log's head as ``log_head`` gave it then, so an idle
    server's ticks cost nothing. Without, every tick looks (a worker that follows other
    processes' saves).
    """

    def __init__(
        self, publisher: TreeHeadPublisher, seconds: float, *, log_head: Callable[[], int] | None = None
    ) -> None:
        self.publisher = publisher
        self.seconds = seconds
        self.log_head = log_head
        self._marked = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self) -> HeadTicker:
        if self.seconds > 0 and self._thread is None:
            self._stop.clear()
            # The log may have grown while no server ran (a demo loaded, a restart): the first
            # ticks cover it with a head rather than waiting for the next command.
            self._marked.set()
            self._thread = threading.Thread(target=self._run, name="tree-heads", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def mark(self) -> None:
        """The log grew (a command was recorded): look at the next ticks."""
        self._marked.set()

    def _run(self) -> None:
        while not self._stop.wait(self.seconds):
            if self.log_head is not None and not self._marked.is_set():
                continue
            try:
                if self.log_head is None:
                    self.publisher.publish()
                    continue
                self._marked.clear()
                wanted = self.log_head()
                head = self.publisher.publish()
                if head is None or head.position < wanted:  # the tree is still behind: look again
                    self._marked.set()
            except Exception as error:  # a lost connection, say: try again next tick
                self.error = error
                log.warning("tree head not published: %s", error)
