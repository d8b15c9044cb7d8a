"""The hash chain and its checkpoints on both backends: a clean log verifies, and every kind of
tampering with the stored rows is named at its exact position."""

from __future__ import annotations

import hashlib
import itertools
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, Table, select, update

from cleanledger.keys import Ed25519Signer
from cleanledger.verify import verify_chain
from commands.ledger import Ledger
from projections.background import BackgroundProjector
from projections.engine import ProjectionEngine
from projections.hash_chain import GENESIS, CanonicalLog, canonical, recorded_day
from projections.registry import integrity_projections
from readmodels.database import read_engine
from readmodels.integrity import chain_checkpoints, chain_links, checkpoint_message
from tests.app.books import Books
from tests.integrity.conftest import RawLog


def fill(books: Books, lines: int = 4) -> None:
    for n in range(lines):
        line = books.line(amount=1_000_000 + n, allocate={1: 500_000})
        books.obligate(line, 10_000 + n)


def physical(chain: ProjectionEngine, table: Table) -> Table:
    """The table behind the view (readers query views; an intruder writes the tables)."""
    return chain.tables_of(chain.projections[0], 1)[table.name]


def links(read_db: Engine) -> list[tuple[int, bytes]]:
    with read_db.connect() as conn:
        return [(r.position, bytes(r.hash)) for r in conn.execute(select(chain_links).order_by("position"))]


def test_a_clean_log_verifies_and_each_link_hashes_the_stored_bytes(
    books: Books, chain: ProjectionEngine, raw: RawLog, read_db: Engine, verify: Any, signer: Ed25519Signer
) -> None:
    fill(books)
    chain.catch_up()
    report = verify()
    assert report.ok, report.summary()
    positions = raw.positions()
    assert report.events == len(positions) and report.unchained == 0
    assert report.checkpoints == len(positions) // 5 == report.signed
    assert report.key_ids == {signer.key_id}
    # each link is SHA-256(previous link ‖ canonical bytes), recomputed here from the raw columns
    previous = GENESIS
    stored = dict(links(read_db))
    for position in positions:
        originator, version, topic, state = raw.row(position)
        identity = originator.bytes if raw.postgres else bytes.fromhex(originator)
        data = canonical(position, identity, version, topic.encode(), bytes(state))
        previous = hashlib.sha256(previous + data).digest()
        assert stored[position] == previous


def test_an_edited_row_is_named_at_its_position(
    books: Books, chain: ProjectionEngine, raw: RawLog, verify: Any
) -> None:
    fill(books)
    chain.catch_up()
    target = raw.positions()[11]
    state = bytearray(raw.row(target)[3])
    state[-3] ^= 0x01  # one bit of one byte
    raw.set_state(target, bytes(state))
    report = verify()
    assert report.failure is not None
    assert (report.failure.position, report.failure.kind) == (target, "edited"), report.summary()


def test_a_deleted_row_is_named_at_its_position(
    books: Books, chain: ProjectionEngine, raw: RawLog, verify: Any
) -> None:
    fill(books)
    chain.catch_up()
    target = raw.positions()[7]
    raw.delete(target)
    report = verify()
    assert report.failure is not None
    assert (report.failure.position, report.failure.kind) == (target, "missing"), report.summary()


def test_deleting_the_last_chained_row_is_named(
    books: Books, chain: ProjectionEngine, raw: RawLog, verify: Any
) -> None:
    fill(books, 2)
    chain.catch_up()
    target = raw.positions()[-1]
    raw.delete(target)
    report = verify()
    assert report.failure is not None
    assert (report.failure.position, report.failure.kind) == (target, "missing"), report.summary()


def test_a_row_inserted_into_a_gap_is_named_at_its_position(
    books: Books, chain: ProjectionEngine, raw: RawLog, verify: Any
) -> None:
    fill(books, 2)
    raw.burn_position()  # a gap, as a rolled-back transaction leaves on PostgreSQL
    fill(books, 2)
    chain.catch_up()
    assert verify().ok
    positions = raw.positions()
    gap = next(p + 1 for p, q in itertools.pairwise(positions) if q > p + 1)
    _originator, version, topic, state = raw.row(positions[3])
    forged = ("a" * 32 if not raw.postgres else __import__("uuid").UUID(int=7), version, topic, state)
    raw.insert(gap, forged)
    report = verify()
    assert report.failure is not None
    assert (report.failure.position, report.failure.kind) == (gap, "inserted"), report.summary()


def test_a_row_appended_after_the_chains_head_is_reported_unchained(
    books: Books, chain: ProjectionEngine, raw: RawLog, verify: Any
) -> None:
    fill(books, 1)
    chain.catch_up()
    last = raw.positions()[-1]
    _originator, _version, topic, state = raw.row(last)
    raw.insert(last + 1, ("b" * 32 if not raw.postgres else __import__("uuid").UUID(int=9), 1, topic, state))
    report = verify()
    assert report.ok and report.unchained == 1, report.summary()


def test_two_swapped_rows_are_named_at_the_first_as_reordered(
    books: Books, chain: ProjectionEngine, raw: RawLog, verify: Any
) -> None:
    fill(books)
    chain.catch_up()
    positions = raw.positions()
    first, second = positions[9], positions[14]
    raw.swap(first, second)
    report = verify()
    assert report.failure is not None
    assert (report.failure.position, report.failure.kind) == (first, "reordered"), report.summary()
    assert f"chained at position {second}" in report.failure.detail


def test_a_forged_signature_is_detected(
    books: Books, chain: ProjectionEngine, read_db: Engine, verify: Any
) -> None:
    fill(books)
    chain.catch_up()
    with read_db.begin() as conn:
        marks = conn.execute(select(chain_checkpoints).order_by("position")).all()
        target = marks[2]
        forged = bytearray(target.signature)
        forged[10] ^= 0x01
        table = physical(chain, chain_checkpoints)
        conn.execute(update(table).where(table.c.position == target.position).values(signature=bytes(forged)))
    report = verify()
    assert report.failure is not None
    assert (report.failure.position, report.failure.kind) == (target.position, "signature"), report.summary()
    assert "forged" in report.failure.detail


def test_links_rewritten_to_match_an_edit_are_caught_by_the_checkpoint(
    books: Books, chain: ProjectionEngine, raw: RawLog, read_db: Engine, verify: Any
) -> None:
    """An intruder who edits a row and rewrites every stored link after it still cannot sign."""
    fill(books)
    chain.catch_up()
    positions = raw.positions()
    target = positions[6]
    state = bytearray(raw.row(target)[3])
    state[-2] ^= 0x01
    raw.set_state(target, bytes(state))
    log = CanonicalLog(books.ledger.recorder)
    previous = GENESIS
    table = physical(chain, chain_links)
    with read_db.begin() as conn:
        for position, data in log.read_range(0, positions[-1]):
            previous = hashlib.sha256(previous + data).digest()
            conn.execute(update(table).where(table.c.position == position).values(hash=previous))
    report = verify()
    assert report.failure is not None
    assert report.failure.kind == "checkpoint", report.summary()
    assert report.failure.position == next(
        p for i, p in enumerate(positions, 1) if i % 5 == 0 and p >= target
    )


def test_an_untrusted_key_and_unsigned_checkpoints_are_reported(
    ledger: Ledger, books: Books, read_db: Engine, canonical_log: CanonicalLog, verify: Any
) -> None:
    fill(books, 2)
    unsigned = ProjectionEngine(ledger.recorder, read_db, integrity_projections(canonical_log, None, 4))
    unsigned.catch_up()
    report = verify()
    assert report.ok and report.signed == 0 and report.unsigned == report.checkpoints > 0
    assert "no checkpoint is signed" in report.summary()
    strict = verify(require_signed=True)
    assert strict.failure is not None and strict.failure.kind == "signature"


def test_a_checkpoint_closes_each_recorded_day(
    ledger: Ledger, books: Books, read_db: Engine, canonical_log: CanonicalLog, signer: Ed25519Signer
) -> None:
    """The first event of a new UTC day closes the previous day with a checkpoint at its last event."""
    fill(books, 2)
    positions = [p for p, _ in canonical_log.read_range(0, 10**9)]
    days = {p: f"2026-03-{1 + i // 5:02d}" for i, p in enumerate(positions)}  # five events a day

    class Dated(CanonicalLog):
        def read_range(self, after: int, upto: int) -> list[tuple[int, bytes]]:
            rows = []
            for position, data in super().read_range(after, upto):
                stamp = f'{{"timestamp":"{days[position]}T23:00:00.000000+00:00"'.encode()
                old_state = data[40 + int.from_bytes(data[32:36], "big") :]
                state = stamp + old_state[old_state.index(b'"', 14) + 1 :]
                rows.append(
                    (position, data[: len(data) - len(old_state) - 4] + len(state).to_bytes(4, "big") + state)
                )
            return rows

    engine = ProjectionEngine(
        ledger.recorder,
        read_db,
        integrity_projections(Dated(ledger.recorder), signer, 1_000),
        batch_size=3,
    )
    engine.catch_up()
    with read_db.connect() as conn:
        marks = [
            (r.position, r.day, r.reason)
            for r in conn.execute(select(chain_checkpoints).order_by("position"))
        ]
    ends = [(positions[i], days[positions[i]], "day-end") for i in range(4, len(positions) - 1, 5)]
    assert marks == ends
    for _position, day, _ in marks:
        assert recorded_day(b'{"timestamp":"' + f"{day}T23:00:00+00:00".encode() + b'"}') == day


def test_the_chain_is_exact_while_commands_are_written_concurrently(
    ledger: Ledger,
    books: Books,
    raw: RawLog,
    read_db: Engine,
    canonical_log: CanonicalLog,
    signer: Ed25519Signer,
    tmp_path: Path,
) -> None:
    # On SQLite the chain writes a file of its own here: sharing the store's file, a projection's
    # write lock makes the store's deferred writers fail with "database is locked" (any projection).
    reads = read_db if raw.postgres else read_engine(f"sqlite:///{tmp_path / 'reads.db'}", writer=True)
    chain = ProjectionEngine(
        ledger.recorder, reads, integrity_projections(canonical_log, signer, 5), batch_size=7
    )
    projector = BackgroundProjector(chain, interval=0.005).start()
    errors: list[BaseException] = []

    def record(n: int) -> None:
        try:
            writer = Books(ledger)
            writer._codes = 100 * (n + 1)
            for _ in range(5):
                line = writer.line(amount=2_000_000, allocate={1: 1_000_000})
                writer.obligate(line, 1_000)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=record, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    projector.stop()
    assert not errors and projector.error is None
    chain.catch_up()
    report = verify_chain(canonical_log, reads, trusted_keys=[signer.public_key], chunk=50)
    assert report.ok, report.summary()
    assert [p for p, _ in links(reads)] == raw.positions()
    assert report.checkpoints == len(raw.positions()) // 5


def test_the_offline_recipe_verifies_a_checkpoint_with_openssl(
    books: Books, chain: ProjectionEngine, read_db: Engine, signer: Ed25519Signer, tmp_path: Path
) -> None:
    """docs/tamper-evidence.md: message + signature + public key, checked with openssl alone."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    fill(books, 2)
    chain.catch_up()
    with read_db.connect() as conn:
        mark = conn.execute(select(chain_checkpoints).order_by(chain_checkpoints.c.position.desc())).first()
    assert mark is not None
    (tmp_path / "key.pem").write_text(signer.public_pem)
    (tmp_path / "message").write_bytes(
        checkpoint_message(mark.position, mark.hash.hex(), mark.day, mark.signed_at)
    )
    (tmp_path / "sig").write_bytes(mark.signature)
    command = [openssl, "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin", "-in", "message"]
    done = subprocess.run(
        [*command, "-sigfile", "sig"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signature Verified Successfully" in done.stdout
    forged = bytearray(mark.signature)
    forged[0] ^= 0x01
    (tmp_path / "forged").write_bytes(bytes(forged))
    refused = subprocess.run([*command, "-sigfile", "forged"], cwd=tmp_path, capture_output=True, check=False)
    assert refused.returncode != 0
