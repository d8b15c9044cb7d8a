"""``cleanledger verify``: recompute the hash chain over the whole log, and check every checkpoint.

    cleanledger chain [--follow]                     extend the hash chain (its own projection group)
    cleanledger verify [--public-key FILE] [--require-signatures]

``verify`` streams the event log in position order (a server-side cursor on PostgreSQL, one read
transaction on SQLite), recomputes every link from the stored bytes, compares it with the link the
chain projection stored for that position, and checks each checkpoint's hash and Ed25519 signature.
It names the first position that fails and why, and exits 1; or prints a summary and exits 0.

Why a position fails:

- ``edited``: the event stored there is not the one chained there (its bytes changed);
- ``reordered``: the event stored there was chained at another position (rows moved or swapped);
- ``inserted``: an event is stored at a position the chain never held;
- ``missing``: the chain holds an event at a position where none is stored (a deleted row);
- ``checkpoint``: the recomputed chain differs from a checkpoint's hash although every stored link
  matched (the links were rewritten to match altered events, or the checkpoint was altered);
- ``signature``: a checkpoint's signature does not verify (forged), or names an untrusted key.

The public key comes from ``--public-key``, or else from ``CLEANLEDGER_SIGNING_KEY``; without
either, signatures are checked against the keys stored beside the chain, and the summary says so.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, Engine, inspect, select

from cleanledger.keys import key_id, load_public_key, signature_valid
from cleanledger.settings import Settings
from cleanledger.terminal import ProgressBar
from cleanledger.wiring import build_chain_engine, build_head_publisher, build_read_engine, listen_conninfo
from commands.ledger import Ledger
from projections import worker
from projections.engine import DEFAULT_BATCH
from projections.hash_chain import GENESIS, CanonicalLog, parse
from projections.merkle_tree import HeadTicker
from readmodels import merkle, transparency_log
from readmodels import tree_head as notes
from readmodels.integrity import Checkpoint, chain_head, chain_links, checkpoints, public_keys

CHUNK = 20_000


@dataclass(frozen=True)
class Failure:
    position: int
    kind: str  # edited, reordered, inserted, missing, checkpoint, signature
    detail: str

    def __str__(self) -> str:
        return f"position {self.position}: {self.kind}: {self.detail}"


@dataclass
class VerifyReport:
    events: int = 0  # events whose links were recomputed and matched
    unchained: int = 0  # events after the chain's head (not chained yet)
    chain_head: int = 0
    checkpoints: int = 0
    signed: int = 0
    unsigned: int = 0
    keys: str = "none"  # trusted (given), stored (read beside the chain), none
    seconds: float = 0.0
    failure: Failure | None = None
    key_ids: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return self.failure is None

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        if self.failure is not None:
            return f"verify: FAILED at {self.failure}"
        keys = ", ".join(sorted(self.key_ids)) or "-"
        source = {
            "trusted": "checked against the trusted public key",
            "stored": "checked against the public keys stored beside the chain (pass --public-key "
            "or set CLEANLEDGER_SIGNING_KEY to check against a key you trust)",
            "none": "no public key to check them with",
        }[self.keys]
        text = (
            f"verify: OK: {self.events:,} events chained up to position {self.chain_head}, "
            f"{self.checkpoints:,} checkpoints ({self.signed:,} signed by key {keys}, {source}; "
            f"{self.unsigned:,} unsigned), {self.rate:,.0f} events/s"
        )
        if self.unsigned and not self.signed:
            text += "; no checkpoint is signed: set CLEANLEDGER_SIGNING_KEY to sign them"
        if self.unchained:
            text += f"; {self.unchained:,} events after the chain's head are not chained yet"
        return text


def verify_chain(
    log: CanonicalLog,
    reads: Engine,
    *,
    trusted_keys: Sequence[Ed25519PublicKey] = (),
    require_signed: bool = False,
    chunk: int = CHUNK,
    progress: Callable[[int, int], None] | None = None,
) -> VerifyReport:
    """Recompute the chain over ``log`` and compare it with the links and checkpoints in ``reads``."""
    started = time.perf_counter()
    report = VerifyReport()
    options = {"isolation_level": "REPEATABLE READ"} if reads.dialect.name == "postgresql" else {}
    with reads.connect().execution_options(**options) as conn:
        if not inspect(conn).has_table(chain_head.name) and not _has_view(conn, chain_head.name):
            report.failure = Failure(0, "missing", "the hash chain was never built (run `cleanledger chain`)")
            return report
        row = conn.execute(select(chain_head.c.position, chain_head.c.events)).first()
        head = 0 if row is None else int(row.position)
        report.chain_head = head
        marks = [c for c in checkpoints(conn, limit=2**62) if c.position <= head]
        keys, report.keys = _keys(conn, trusted_keys)
        checker = _Checker(conn, report, marks, keys, require_signed=require_signed)
        total = log.head()
        needed = {mark.position for mark in marks}
        previous, last = GENESIS, 0
        sha256 = hashlib.sha256
        for rows in _read_ahead(log.stream(0, chunk)):
            if rows[-1][0] > head:
                report.unchained += sum(1 for position, _ in rows if position > head)
            # The fast path: hash the chunk, keeping only the links checkpoints need, and compare
            # the chunk's last link with the stored one. Equal, the whole sequence of positions and
            # bytes up to it is the one chained (SHA-256 is collision resistant); else look closer.
            start, at, count = previous, {}, 0
            for position, data in rows:
                if position > head:
                    break
                previous = sha256(previous + data).digest()
                count += 1
                if position in needed:
                    at[position] = previous
            upto = min(rows[-1][0], head)
            if upto <= last:
                continue
            failing = None
            if count == 0 or checker.link_at(rows[count - 1][0]) != previous:
                failing, at = _locate(checker, start, rows[:count], last, upto)
            if checker.check_marks(at, upto, failing):
                return _done(report, started)
            if failing is not None:
                report.failure = failing
                return _done(report, started)
            report.events += count
            last = upto
            if progress is not None:
                progress(rows[-1][0], total)
        tail = checker.link_after(last, head)
        if tail is not None:
            report.failure = checker.missing(tail)
        else:
            checker.check_marks({}, head, None)
    return _done(report, started)


def _read_ahead(chunks: Iterator[list[tuple[int, bytes]]]) -> Iterator[list[tuple[int, bytes]]]:
    """``chunks``, read in a thread of their own: the server reads and sends the next chunk while
    this thread hashes the current one."""
    ready: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            for rows in chunks:
                while not stop.is_set():
                    try:
                        ready.put(("rows", rows), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    break
            ready.put(("end", None))
        except BaseException as error:
            ready.put(("error", error))
        finally:
            close = getattr(chunks, "close", None)
            if callable(close):
                close()

    reader = threading.Thread(target=produce, name="verify-read", daemon=True)
    reader.start()
    try:
        while True:
            kind, value = ready.get()
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
        while reader.is_alive():
            try:
                ready.get(timeout=0.1)
            except queue.Empty:
                continue
        reader.join()


def _locate(
    checker: _Checker, previous: bytes, rows: list[tuple[int, bytes]], last: int, upto: int
) -> tuple[Failure | None, dict[int, bytes]]:
    """Recompute a chunk link by link, compare with every stored link, and explain the first
    difference; also returns the recomputed links by position."""
    computed: list[tuple[int, bytes]] = []
    for position, data in rows:
        previous = hashlib.sha256(previous + data).digest()
        computed.append((position, previous))
    stored = checker.links(last, upto)
    if computed == stored:
        return None, dict(computed)
    return checker.classify(_first_difference(computed, stored), rows), dict(computed)


def _done(report: VerifyReport, started: float) -> VerifyReport:
    report.seconds = time.perf_counter() - started
    return report


def _has_view(conn: Connection, name: str) -> bool:
    return name in inspect(conn).get_view_names()


def _keys(conn: Connection, trusted: Sequence[Ed25519PublicKey]) -> tuple[dict[str, Ed25519PublicKey], str]:
    if trusted:
        return {key_id(k): k for k in trusted}, "trusted"
    stored = {kid: load_public_key(pem) for kid, pem in public_keys(conn).items()}
    return stored, "stored" if stored else "none"


def _first_difference(computed: list[tuple[int, bytes]], stored: list[tuple[int, bytes]]) -> Failure:
    """The first position where recomputed and stored links part (they are known to differ)."""
    i = j = 0
    while i < len(computed) and j < len(stored):
        (position, digest), (chained, link) = computed[i], stored[j]
        if position == chained:
            if digest != link:
                return Failure(position, "edited", "")
            i, j = i + 1, j + 1
        elif position < chained:
            return Failure(position, "inserted", "")
        else:
            return Failure(chained, "missing", "")
    if i < len(computed):
        return Failure(computed[i][0], "inserted", "")
    return Failure(stored[j][0], "missing", "")


class _Checker:
    """The read side of a verification: stored links, checkpoints, keys, and the explanations."""

    def __init__(
        self,
        conn: Connection,
        report: VerifyReport,
        marks: list[Checkpoint],
        keys: dict[str, Ed25519PublicKey],
        *,
        require_signed: bool,
    ) -> None:
        self.conn, self.report, self.marks, self.keys = conn, report, marks, keys
        self.require_signed = require_signed
        self._next_mark = 0
        raw: Any = conn.connection.driver_connection
        self._raw = raw
        self._postgres = conn.dialect.name == "postgresql"
        mark = "%s" if self._postgres else "?"
        self._range_sql = (
            f"SELECT position, hash FROM chain_links WHERE position > {mark} AND position <= {mark} "
            "ORDER BY position"
        )

    def links(self, after: int, upto: int) -> list[tuple[int, bytes]]:
        if self._postgres:
            with self._raw.cursor(binary=True) as cursor:
                cursor.execute(self._range_sql, (after, upto), prepare=True)
                rows: list[tuple[int, bytes]] = cursor.fetchall()
                return rows
        return self._raw.execute(self._range_sql, (after, upto)).fetchall()  # type: ignore[no-any-return]

    def link_at(self, position: int) -> bytes | None:
        link = self.conn.execute(
            select(chain_links.c.hash).where(chain_links.c.position == position)
        ).scalar()
        return None if link is None else bytes(link)

    def link_after(self, after: int, upto: int) -> int | None:
        position = self.conn.execute(
            select(chain_links.c.position)
            .where(chain_links.c.position > after, chain_links.c.position <= upto)
            .order_by(chain_links.c.position)
            .limit(1)
        ).scalar()
        return None if position is None else int(position)

    def _chained(self, position: int) -> tuple[str, int] | None:
        row = self.conn.execute(
            select(chain_links.c.originator_id, chain_links.c.originator_version).where(
                chain_links.c.position == position
            )
        ).first()
        return None if row is None else (row.originator_id, int(row.originator_version))

    def missing(self, position: int) -> Failure:
        chained = self._chained(position)
        what = "an event" if chained is None else f"event {chained[0]} version {chained[1]}"
        return Failure(position, "missing", f"the chain holds {what} here, and no event is stored (deleted)")

    def classify(self, failing: Failure, rows: list[tuple[int, bytes]]) -> Failure:
        if failing.kind == "missing":
            return self.missing(failing.position)
        stored = next(parse(data) for position, data in rows if position == failing.position)
        identity = (
            f"{stored.topic.rpartition(':')[2]} {stored.originator_id} version {stored.originator_version}"
        )
        if failing.kind == "inserted":
            return Failure(
                failing.position, "inserted", f"{identity} is stored here, where the chain holds no event"
            )
        chained = self._chained(failing.position)
        if chained == (stored.originator_id, stored.originator_version):
            return Failure(failing.position, "edited", f"the bytes of {identity} differ from those chained")
        moved = self.conn.execute(
            select(chain_links.c.position).where(
                chain_links.c.originator_id == stored.originator_id,
                chain_links.c.originator_version == stored.originator_version,
            )
        ).scalar()
        if moved is not None:
            return Failure(
                failing.position,
                "reordered",
                f"{identity} is stored here, but was chained at position {moved} (rows moved or swapped)",
            )
        was = "an event" if chained is None else f"event {chained[0]} version {chained[1]}"
        return Failure(failing.position, "edited", f"{identity} is stored here, where the chain holds {was}")

    def check_marks(self, at: dict[int, bytes], upto: int, failing: Failure | None) -> bool:
        """Check the checkpoints up to ``upto`` (before ``failing``) against the recomputed links
        ``at`` their positions; True if one failed (the report then names it)."""
        marks = self.marks
        while self._next_mark < len(marks) and marks[self._next_mark].position <= upto:
            mark = marks[self._next_mark]
            if failing is not None and mark.position >= failing.position:
                return False
            self._next_mark += 1
            problem = self._check_mark(mark, at.get(mark.position))
            if problem is not None:
                self.report.failure = problem
                return True
        return False

    def _check_mark(self, mark: Checkpoint, recomputed: bytes | None) -> Failure | None:
        report = self.report
        report.checkpoints += 1
        if recomputed is None:
            return Failure(
                mark.position, "missing", "a checkpoint names this position, where no event is stored"
            )
        if recomputed != mark.hash:
            return Failure(
                mark.position,
                "checkpoint",
                f"the recomputed chain is {recomputed.hex()}, the checkpoint says {mark.hash.hex()} "
                "(events up to here were altered and the links rewritten, or the checkpoint was altered)",
            )
        if mark.signature is None:
            report.unsigned += 1
            if self.require_signed:
                return Failure(mark.position, "signature", "the checkpoint is not signed")
            return None
        key = self.keys.get(mark.key_id or "")
        if key is None:
            if report.keys == "none":
                report.signed += 1
                return None
            return Failure(
                mark.position, "signature", f"signed by key {mark.key_id}, which is not a trusted key"
            )
        if not signature_valid(key, mark.signature, mark.message):
            return Failure(
                mark.position, "signature", f"the signature does not verify with key {mark.key_id} (forged)"
            )
        report.signed += 1
        report.key_ids.add(mark.key_id or "")
        return None


# --- the Merkle tree: saved heads and stored heads -------------------------------------------------


@dataclass
class TreeReport:
    leaves: int = 0  # events hashed into the recomputed tree
    heads: int = 0  # stored heads whose root was recomputed and matched
    signed: int = 0  # of those, signed by a trusted (or stored) key
    against: int | None = None  # the saved head's size, if one was given and matched
    failure: Failure | None = None

    def summary(self) -> str:
        if self.failure is not None:
            return f"verify: FAILED at {self.failure}"
        text = f"verify: tree OK: {self.leaves:,} events hashed into the Merkle tree"
        if self.heads:
            text += f"; {self.heads:,} stored tree heads match ({self.signed:,} signed)"
        if self.against is not None:
            text += f"; the saved head of size {self.against:,} matches the log"
        return text


def read_saved_head(text: str, keys: Sequence[Ed25519PublicKey]) -> notes.SignedNote:
    """A tree head saved by an outsider (the text of ``GET /api/v1/public/log/checkpoint``); with
    ``keys``, one of its signatures must verify with one of them."""
    note = notes.parse_note(text)
    if keys and not _signed_by(note, keys):
        msg = "the saved head is not signed by the trusted key"
        raise notes.NoteError(msg)
    return note


def _signed_by(note: notes.SignedNote, keys: Sequence[Ed25519PublicKey]) -> bool:
    origin = note.head.origin
    return any(notes.verify_signature(note.head, sig, origin, key) for sig in note.signatures for key in keys)


def verify_tree(
    log: CanonicalLog,
    reads: Engine,
    *,
    saved: notes.SignedNote | None = None,
    stored_heads: bool = True,
    trusted_keys: Sequence[Ed25519PublicKey] = (),
    chunk: int = CHUNK,
) -> TreeReport:
    """Recompute the Merkle tree over ``log`` and compare its root with the saved head's (a rewrite
    of the first ``saved.size`` events, even re-signed with the real key, changes it; fewer events
    is a rollback) and with every stored head (``stored_heads``), checking their signatures."""
    report = TreeReport()
    with reads.connect() as conn:
        heads = {h.size: h for h in transparency_log.heads(conn, limit=2**62)} if stored_heads else {}
        stored_keys = [load_public_key(pem) for _, _, pem, _ in transparency_log.verifier_keys(conn)]
        built, _ = transparency_log.tree_size(conn)
        stored_root = merkle.tree_root(built, transparency_log.NodeReader(conn)) if built else None
    keys = list(trusted_keys) or stored_keys
    wanted = set(heads) | ({saved.head.size} if saved is not None else set())
    frontier = merkle.Frontier()
    sha256 = hashlib.sha256
    position = 0
    for rows in _read_ahead(log.stream(0, chunk)):
        for position, data in rows:
            frontier.append(sha256(merkle.LEAF_PREFIX + data).digest())
            if frontier.size in wanted:
                failure = _check_root(report, frontier, position, heads.get(frontier.size), saved, keys)
                if failure is not None:
                    report.failure = failure
                    return report
            if frontier.size == built and stored_root is not None and frontier.root() != stored_root:
                report.failure = Failure(
                    position,
                    "tree",
                    f"the stored tree's root at {built} leaves is not that of the log's events "
                    "(its nodes were altered)",
                )
                return report
    report.leaves = frontier.size
    if saved is not None and report.against is None:
        report.failure = Failure(
            position,
            "rollback",
            f"the log holds {frontier.size:,} events; the saved head says {saved.head.size:,} "
            "(events were removed after the head was signed)",
        )
    missing = sorted(size for size in heads if size > frontier.size)
    if report.failure is None and missing:
        report.failure = Failure(
            position,
            "rollback",
            f"a stored tree head covers {missing[0]:,} events; the log holds {frontier.size:,}",
        )
    return report


def _check_root(
    report: TreeReport,
    frontier: merkle.Frontier,
    position: int,
    head: transparency_log.StoredHead | None,
    saved: notes.SignedNote | None,
    keys: Sequence[Ed25519PublicKey],
) -> Failure | None:
    root = frontier.root()
    if saved is not None and saved.head.size == frontier.size:
        if root != saved.head.root:
            return Failure(
                position,
                "rewritten",
                f"the first {frontier.size:,} events hash to root {root.hex()}; the saved head says "
                f"{saved.head.root.hex()} (the log was rewritten after the head was saved, whatever key "
                "signs it now)",
            )
        report.against = frontier.size
    if head is not None:
        if root != head.root:
            return Failure(
                position,
                "tree-head",
                f"the stored head of size {head.size:,} says root {head.root.hex()}; "
                f"the events give {root.hex()}",
            )
        stated = head.tree_head
        if stated.root != root or stated.size != head.size:
            return Failure(
                position, "tree-head", f"the note of the head of size {head.size:,} is not that head"
            )
        if head.key_id is not None:
            if keys and not _signed_by(notes.parse_note(head.note), keys):
                return Failure(
                    position, "signature", f"the head of size {head.size:,} is not signed by a trusted key"
                )
            report.signed += 1
        report.heads += 1
    return None


# --- wiring and the sub-commands --------------------------------------------------------------


def verify_settings(
    settings: Settings,
    ledger: Ledger,
    *,
    public_key: str | None = None,
    require_signed: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> VerifyReport:
    """:func:`verify_chain` for the store and read database the settings name."""
    value = public_key or settings.signing_key
    trusted = [load_public_key(value)] if value else []
    reads = build_read_engine(settings)
    try:
        return verify_chain(
            CanonicalLog(ledger.recorder),
            reads,
            trusted_keys=trusted,
            require_signed=require_signed,
            progress=progress,
        )
    finally:
        reads.dispose()


def verify_command(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    saved = None
    if args.against is not None:
        value = args.public_key or settings.signing_key
        try:
            text = Path(args.against).read_text(encoding="utf-8")
            saved = read_saved_head(text, [load_public_key(value)] if value else [])
        except (OSError, UnicodeDecodeError, notes.NoteError) as error:
            print(f"verify: FAILED: the saved head {args.against}: {error}", file=sys.stderr)
            return 1
    bar = None if args.quiet else ProgressBar("verify")
    report = verify_settings(
        settings,
        ledger,
        public_key=args.public_key,
        require_signed=args.require_signatures,
        progress=None if bar is None else bar.update,
    )
    if bar is not None and report.ok:
        bar.update(report.events, report.events, final=True)
    print(report.summary())
    if not report.ok:
        return 1
    if saved is None and not args.tree:
        return 0
    value = args.public_key or settings.signing_key
    reads = build_read_engine(settings)
    try:
        tree = verify_tree(
            CanonicalLog(ledger.recorder),
            reads,
            saved=saved,
            stored_heads=args.tree,
            trusted_keys=[load_public_key(value)] if value else [],
        )
    finally:
        reads.dispose()
    print(tree.summary())
    return 0 if tree.failure is None else 1


def chain_command(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    engine = build_chain_engine(settings, ledger, batch_size=args.batch_size)
    if settings.signing_key is None:
        print("chain: no CLEANLEDGER_SIGNING_KEY: checkpoints are kept unsigned", file=sys.stderr)
    try:
        if not args.follow:
            applied = engine.catch_up()
            print(f"chain: {applied} events chained; position {engine.position()}, head {engine.head()}")
            return 0
        if not logging.getLogger().handlers:
            logging.basicConfig(level=logging.WARNING)
        stop = threading.Event()
        conninfo = listen_conninfo(settings)
        channel = str(getattr(ledger.recorder, "channel_name", "ledger_events"))
        listener = None if conninfo is None else worker.Listener(conninfo, channel)
        print(f"chain: following from position {engine.position()}", file=sys.stderr, flush=True)
        # Tree heads every CLEANLEDGER_TREE_HEAD_SECONDS while the log grows, beside the checkpoints.
        ticker = HeadTicker(build_head_publisher(settings, engine.engine), settings.tree_head_seconds).start()
        try:
            worker.follow(engine, stop, listener=listener)
        except KeyboardInterrupt:
            stop.set()
        finally:
            ticker.stop()
        print(f"chain: stopped at position {engine.position()}", file=sys.stderr)
        return 0
    finally:
        engine.engine.dispose()


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_verify = sub.add_parser(
        "verify",
        help="recompute the hash chain over the whole log and check every signed checkpoint",
        description="Stream the event log in position order, recompute each link of the hash chain "
        "from the stored bytes, compare it with the stored link and every checkpoint (hash and "
        "Ed25519 signature), and name the first position that fails (edited, reordered, inserted, "
        "missing, checkpoint, signature). Exit code 1 on a failure. See docs/tamper-evidence.md.",
    )
    p_verify.add_argument(
        "--public-key",
        help="the trusted public key (PEM file); default: that of CLEANLEDGER_SIGNING_KEY",
    )
    p_verify.add_argument(
        "--require-signatures", action="store_true", help="an unsigned checkpoint is a failure"
    )
    p_verify.add_argument(
        "--against",
        metavar="SAVED_HEAD",
        help="a tree head saved earlier (the text of GET /api/v1/public/log/checkpoint): the log's "
        "first SIZE events must still hash to its root, whatever key signs the log now",
    )
    p_verify.add_argument(
        "--tree",
        action="store_true",
        help="also recompute the Merkle tree and check every stored tree head (root and signature)",
    )
    p_verify.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    p_verify.set_defaults(run=verify_command)

    p_chain = sub.add_parser(
        "chain",
        help="extend the hash chain and its signed checkpoints (once, or --follow)",
        description="Apply new events to the hash chain, a projection group of its own, signing a "
        "checkpoint every CLEANLEDGER_CHECKPOINT_EVERY events and at each day's end with "
        "CLEANLEDGER_SIGNING_KEY. With --follow keep going until stopped.",
    )
    p_chain.add_argument("--follow", action="store_true", help="keep following the log until stopped")
    p_chain.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, help="events per batch")
    p_chain.set_defaults(run=chain_command)
