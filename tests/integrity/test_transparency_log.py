"""The transparency log (finding 3), on SQLite and PostgreSQL.

A Merkle tree beside the hash chain; signed tree heads at every checkpoint, every few seconds while
the log grows and on demand; inclusion and consistency proofs over the public API, checked here by
an independent RFC 9162 verifier (a few lines of ``hashlib``, sharing nothing with the product);
a witness that cosigns heads that extend what it cosigned and refuses a rollback or a fork; and
``verify --against`` a saved head, which finds a rewrite re-signed with the real key.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from fastapi.testclient import TestClient
from sqlalchemy import delete, update

from api.accounts import parse_grant
from cleanledger.cli import main
from cleanledger.keys import BadKeyError, Ed25519Signer, generate
from cleanledger.verify import read_saved_head, verify_chain, verify_tree
from cleanledger.wiring import Service
from cleanledger.witness import WITNESS_NAME_LENGTH, Refusal, Witness, WitnessError, trusted_witnesses
from commands.persistence import StoreConfig
from projections.engine import generation_tables
from projections.hash_chain import CanonicalLog
from readmodels import transparency_log
from readmodels import tree_head as notes
from tests.api.conftest import serving
from tests.app.books import Books
from tests.integrity.conftest import RawLog

ORIGIN = "ledger.test/log"
WITNESS = "witness.test"
LOG = "/api/v1/public/log"
_CODES = itertools.count(1)  # budget codes unique across a test's services on one store

# --- an independent RFC 9162 implementation ------------------------------------------------------


def _h(*parts: bytes) -> bytes:
    return hashlib.sha256(b"".join(parts)).digest()


def reference_root(leaves: list[bytes]) -> bytes:
    """MTH (RFC 9162 §2.1.1) of the leaf hashes, by its recursive definition."""
    if not leaves:
        return _h()
    if len(leaves) == 1:
        return leaves[0]
    k = 1 << ((len(leaves) - 1).bit_length() - 1)
    return _h(b"\x01", reference_root(leaves[:k]), reference_root(leaves[k:]))


def included(index: int, size: int, leaf: bytes, path: list[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _h(b"\x01", p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = _h(b"\x01", r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def consistent(first: int, second: int, first_root: bytes, second_root: bytes, path: list[bytes]) -> bool:
    """RFC 9162 §2.1.4.2."""
    if first == second:
        return not path and first_root == second_root
    if not 0 < first < second or not path:
        return False
    if first & (first - 1) == 0:
        path = [first_root, *path]
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = _h(b"\x01", c, fr), _h(b"\x01", c, sr)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = _h(b"\x01", sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == first_root and sr == second_root


def note_signed_by(note: str, name: str, key: Ed25519PublicKey) -> bool:
    """A C2SP signed note's Ed25519 signature line checked by hand: the body is signed."""
    body, _, lines = note.partition("\n\n")
    for line in lines.splitlines():
        if line.startswith(f"\u2014 {name} "):
            payload = base64.b64decode(line.split(" ")[2])
            expected_hash = _h(name.encode(), b"\n\x01", key.public_bytes_raw())[:4]
            try:
                key.verify(payload[4:], (body + "\n").encode())
            except Exception:
                return False
            return payload[:4] == expected_hash
    return False


# --- fixtures ------------------------------------------------------------------------------------


class ApiLog:
    """The witness's view of the log, over a test client (HttpLogClient's interface)."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.served: str | None = None  # a checkpoint text to serve instead (a rolled-back log)

    def _ok(self, answer: Any) -> Any:
        if answer.status_code >= 300:
            raise WitnessError(f"HTTP {answer.status_code}: {answer.text}")
        return answer

    def get_text(self, path: str) -> str:
        if self.served is not None and path.endswith("/checkpoint"):
            return self.served
        return str(self._ok(self.client.get(path)).text)

    def get_json(self, path: str) -> Any:
        return self._ok(self.client.get(path)).json()

    def post_json(self, path: str, body: Any) -> Any:
        return self._ok(self.client.post(path, json=body)).json()


@pytest.fixture
def log_key(tmp_path: Path) -> Ed25519Signer:
    return generate(tmp_path / "log.pem")


@pytest.fixture
def witness_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def log_settings(tmp_path: Path, witness_key: Ed25519PrivateKey, **changes: Any) -> dict[str, Any]:
    vkey = notes.verifier_key(WITNESS, witness_key.public_key(), kind=notes.COSIGNATURE_V1)
    return {
        "signing_key": str(tmp_path / "log.pem"),
        "checkpoint_every": 5,  # a line is 4 events: heads fall inside lines too
        "log_origin": ORIGIN,
        "tree_head_seconds": 0,
        "witness_keys": vkey,
        **changes,
    }


@pytest.fixture
def served(
    store_config: StoreConfig, tmp_path: Path, log_key: Ed25519Signer, witness_key: Ed25519PrivateKey
) -> Iterator[tuple[Service, TestClient]]:
    with serving(store_config, **log_settings(tmp_path, witness_key)) as pair:
        yield pair


def record(service: Service, lines: int) -> int:
    """``lines`` new budget lines; the log's head once the tree has them."""
    books = Books(service.ledger)
    if service.ledger.recorder.max_notification_id() is None:
        books.ready()
    for n in range(lines):
        books.line(amount=1_000 + n, code=f"100-080-081-1001-2001-{3000 + next(_CODES)}-201-01")
    head = service.ledger.recorder.max_notification_id() or 0
    assert service.chain_projector is not None and service.chain_projector.wait_for(head, 20)
    return head


def publish(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    answer = client.post("/api/v1/log/heads", headers=headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def a_key(service: Service) -> dict[str, str]:
    service.services.accounts.create_user("clerk", "clerk", [])
    return {"Authorization": f"Bearer {service.services.accounts.issue_key('clerk').secret}"}


def witness_of(client: TestClient, log_key: Ed25519Signer, key: Ed25519PrivateKey, state: Path) -> Witness:
    return Witness(
        ApiLog(client), log_name=ORIGIN, log_key=log_key.public_key, name=WITNESS, key=key, state=state
    )


# --- heads and proofs ----------------------------------------------------------------------------


def test_heads_are_signed_at_every_checkpoint_and_on_demand_and_their_proofs_verify_independently(
    served: tuple[Service, TestClient], log_key: Ed25519Signer
) -> None:
    service, client = served
    assert client.get(f"{LOG}/heads/latest").status_code == 404
    head = record(service, 6)
    while len(CanonicalLog(service.ledger.recorder).read_range(0, head)) % 5 == 0:
        head = record(service, 1)  # a size no checkpoint covers, for the head on demand
    stored = CanonicalLog(service.ledger.recorder).read_range(0, head)
    leaves = [_h(b"\x00", data) for _, data in stored]
    positions = [p for p, _ in stored]

    heads = client.get(f"{LOG}/heads").json()["items"]
    # the chain's checkpoints: every 5 events (one recorded day here)
    assert [h["size"] for h in heads] == list(range(5, len(leaves) + 1, 5))
    assert all(h["reason"] == "every" for h in heads)
    demanded = publish(client, a_key(service))
    assert (demanded["size"], demanded["reason"], demanded["position"]) == (len(leaves), "demand", head)
    assert (
        publish(client, a_key_again(service))["signed_at"] == demanded["signed_at"]
    )  # no growth, no new head
    heads = client.get(f"{LOG}/heads").json()["items"]
    for h in heads:
        assert h["root_hash"] == reference_root(leaves[: h["size"]]).hex()
        assert h["note"].startswith(f"{ORIGIN}\n{h['size']}\n")
        assert note_signed_by(h["note"], ORIGIN, log_key.public_key)
    assert client.get(f"{LOG}/checkpoint").text == heads[-1]["note"]
    [key] = client.get(f"{LOG}/keys").json()
    name, public, _ = notes.parse_verifier_key(key["verifier_key"])
    assert (name, public.public_bytes_raw()) == (ORIGIN, log_key.public_key.public_bytes_raw())

    size = heads[-1]["size"]
    root = bytes.fromhex(heads[-1]["root_hash"])
    for index, position in enumerate(positions):
        proof = client.get(f"{LOG}/proofs/inclusion", params={"position": position}).json()
        path = [bytes.fromhex(p) for p in proof["path"]]
        assert (proof["leaf_index"], proof["tree_size"]) == (index, size)
        assert bytes.fromhex(proof["leaf_hash"]) == leaves[index]
        assert included(index, size, leaves[index], path, root)
        assert not included(index, size, _h(b"\x00", b"forged"), path, root)
        if path:
            assert not included(index, size, leaves[index], [bytes(32), *path[1:]], root)
    sizes = [h["size"] for h in heads]
    for first in range(1, size + 1):
        for second in [s for s in sizes if s >= first]:
            proof = client.get(f"{LOG}/proofs/consistency", params={"first": first, "second": second}).json()
            roots = bytes.fromhex(proof["first_root"]), bytes.fromhex(proof["second_root"])
            assert roots == (reference_root(leaves[:first]), reference_root(leaves[:second]))
            assert consistent(first, second, *roots, [bytes.fromhex(p) for p in proof["path"]])

    # refusals: a position not in the tree, a size it has not reached, sizes the wrong way round
    assert client.get(f"{LOG}/proofs/inclusion", params={"position": head + 1}).status_code == 404
    too_big = client.get(f"{LOG}/proofs/inclusion", params={"position": positions[0], "size": size + 1})
    assert too_big.status_code == 422 and too_big.json()["type"] == "invalid-proof-request"
    backwards = client.get(f"{LOG}/proofs/consistency", params={"first": size, "second": 2})
    assert backwards.status_code == 422 and backwards.json()["type"] == "invalid-proof-request"
    assert client.get(f"{LOG}/proofs/consistency", params={"first": 0}).status_code == 422
    assert client.get(f"{LOG}/heads/{size + 1}").status_code == 404
    assert client.post("/api/v1/log/heads").status_code == 401


def a_key_again(service: Service) -> dict[str, str]:
    return {"Authorization": f"Bearer {service.services.accounts.issue_key('clerk').secret}"}


def test_heads_follow_commands_every_few_seconds_and_an_idle_server_does_not_look(
    store_config: StoreConfig,
    tmp_path: Path,
    log_key: Ed25519Signer,
    witness_key: Ed25519PrivateKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = log_settings(tmp_path, witness_key, tree_head_seconds=0.2)
    with serving(store_config, **settings) as (service, client):
        service.services.accounts.create_user("admin", "admin", [parse_grant("admin@*")])
        admin = {"Authorization": f"Bearer {service.services.accounts.issue_key('admin').secret}"}
        org = {"name": "서울특별시", "kind": "city", "accounting_date": "2026-01-01"}
        answer = client.post("/api/v1/orgs/6110000", json=org, headers=admin)
        assert answer.status_code == 201, answer.text
        position = answer.json()["position"]
        latest = until_head(client, position)
        assert latest["reason"] == "interval" and latest["size"] >= 2
        # idle: the ticks do not even look at the tree (nothing was recorded since the last look)
        looks: list[str] = []
        original = service.head_publisher.publish

        def look(reason: str = "interval") -> Any:
            looks.append(reason)
            return original(reason)

        monkeypatch.setattr(service.head_publisher, "publish", look)
        time.sleep(0.6)  # one look may still be due, to find that a head covers the tree
        looks.clear()
        time.sleep(1.0)  # five ticks
        assert looks == []
        assert len(client.get(f"{LOG}/heads").json()["items"]) == 1
        # a command marks the ticker again: a head covers it within a few ticks
        year = client.post(
            "/api/v1/orgs/6110000/years/2026", json={"accounting_date": "2026-01-01"}, headers=admin
        )
        assert year.status_code == 201, year.text
        assert until_head(client, year.json()["position"])["reason"] == "interval"
        assert looks


def until_head(client: TestClient, position: int, seconds: float = 10.0) -> dict[str, Any]:
    """The latest head once one covers the log up to ``position``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        latest = client.get(f"{LOG}/heads/latest")
        if latest.status_code == 200 and latest.json()["position"] >= position:
            return dict(latest.json())
        time.sleep(0.05)
    raise AssertionError(f"no head covers position {position} after {seconds} s")


def test_a_server_started_over_a_grown_log_signs_a_head_for_it_without_a_command(
    store_config: StoreConfig, tmp_path: Path, log_key: Ed25519Signer, witness_key: Ed25519PrivateKey
) -> None:
    """Events recorded while no ticker ran (the demo, then ``serve``) are covered within a few ticks."""
    with serving(store_config, **log_settings(tmp_path, witness_key)) as (service, client):
        head = record(service, 3)
        assert client.get(f"{LOG}/heads/latest").json()["position"] < head  # 16 events: heads at 5, 10, 15
    settings = log_settings(tmp_path, witness_key, tree_head_seconds=0.2)
    with serving(store_config, **settings) as (service, client):
        latest = until_head(client, head)
        assert latest["reason"] == "interval" and latest["position"] == head


# --- witnesses -----------------------------------------------------------------------------------


def test_a_witness_cosigns_heads_that_extend_the_last_and_refuses_a_rollback(
    served: tuple[Service, TestClient], log_key: Ed25519Signer, witness_key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    service, client = served
    key = a_key(service)
    record(service, 2)
    publish(client, key)
    early = client.get(f"{LOG}/checkpoint").text
    witness = witness_of(client, log_key, witness_key, tmp_path / "witness.json")
    assert witness.step().kind == "cosigned"
    assert witness.step().kind == "unchanged"
    record(service, 5)
    size = publish(client, key)["size"]
    assert (witness.step().kind, witness.step().kind) == ("cosigned", "unchanged")

    latest = client.get(f"{LOG}/heads/latest").json()
    assert [c["witness"] for c in latest["cosignatures"]] == [WITNESS]
    witnessed = notes.parse_note(client.get(f"{LOG}/checkpoint").text)
    [cosignature] = [s for s in witnessed.signatures if s.name == WITNESS]
    assert (
        notes.verify_cosignature(witnessed.head, cosignature, WITNESS, witness_key.public_key()) is not None
    )

    # the log is rolled back to an earlier state (a restored backup): its head is the earlier one
    assert isinstance(witness.client, ApiLog)
    witness.client.served = early
    with pytest.raises(Refusal) as refused:
        witness.step()
    assert refused.value.kind == "rollback" and f"showed {size}" in str(refused.value)
    assert len(client.get(f"{LOG}/heads/latest").json()["cosignatures"]) == 1  # nothing new cosigned


def test_cosignatures_are_accepted_only_from_trusted_witnesses_over_the_head_they_name(
    served: tuple[Service, TestClient], witness_key: Ed25519PrivateKey
) -> None:
    service, client = served
    record(service, 1)
    size = publish(client, a_key(service))["size"]
    head = notes.parse_note(client.get(f"{LOG}/checkpoint").text).head
    good = notes.signature_line(notes.cosign_head(head, WITNESS, witness_key, 1_700_000_000))
    stranger = notes.signature_line(notes.cosign_head(head, "stranger", Ed25519PrivateKey.generate(), 1))
    impostor = notes.signature_line(notes.cosign_head(head, WITNESS, Ed25519PrivateKey.generate(), 1))
    other = notes.TreeHead(head.origin, head.size, bytes(32))
    wrong_head = notes.signature_line(notes.cosign_head(other, WITNESS, witness_key, 1))

    def post(line: str, at: int = size) -> Any:
        return client.post(f"{LOG}/heads/{at}/cosignatures", json={"signature": line})

    assert post(stranger).status_code == 403 and post(stranger).json()["type"] == "unknown-witness"
    for bad in (impostor, wrong_head):
        assert post(bad).status_code == 422 and post(bad).json()["type"] == "invalid-cosignature"
    assert post("— not a line").json()["type"] == "invalid-cosignature"
    assert post(good, size + 1).status_code == 404
    assert client.get(f"{LOG}/heads/latest").json()["cosignatures"] == []
    accepted = post(good)
    assert accepted.status_code == 201 and accepted.json() == {
        "size": size,
        "witness": WITNESS,
        "timestamp": 1_700_000_000,
    }
    assert client.get(f"{LOG}/heads/latest").json()["cosignatures"] == [
        {"witness": WITNESS, "timestamp": 1_700_000_000}
    ]


# --- a rewrite re-signed with the real key -------------------------------------------------------


def test_a_rewrite_resigned_with_the_real_key_is_refused_by_the_witness_and_found_by_verify_against(
    store_config: StoreConfig, tmp_path: Path, log_key: Ed25519Signer, witness_key: Ed25519PrivateKey
) -> None:
    settings = log_settings(tmp_path, witness_key)
    state = tmp_path / "witness.json"
    with serving(store_config, **settings) as (service, client):
        record(service, 5)
        saved = publish(client, a_key(service))
        saved_note = client.get(f"{LOG}/checkpoint").text
        assert witness_of(client, log_key, witness_key, state).step().kind == "cosigned"
        table = str(service.ledger.recorder.events_table_name)  # type: ignore[attr-defined]
    # An insider edits an event, then builds the chain and the tree afresh over the edited log in a
    # new read database, signed with the log's real key, and the log goes on.
    raw = RawLog(store_config, table)
    position = raw.positions()[3]
    raw.set_state(position, raw.row(position)[3].replace(b"1", b"2", 1))
    forged: dict[str, Any] = (
        {"read_schema": f"{store_config.schema}_forged"}
        if store_config.is_postgres
        else {"read_database_url": f"sqlite:///{tmp_path / 'forged-read.db'}"}
    )
    with serving(store_config, **settings, **forged) as (service, client):
        record(service, 3)
        publish(client, a_key(service))
        # the chain alone cannot tell: it was recomputed over the edited events
        assert verify_chain(CanonicalLog(service.ledger.recorder), service.services.read_engine).ok
        with pytest.raises(Refusal) as refused:
            witness_of(client, log_key, witness_key, state).step()
        assert refused.value.kind == "fork"
        # the saved head does tell, whatever key signed the new heads
        report = verify_tree(
            CanonicalLog(service.ledger.recorder),
            service.services.read_engine,
            saved=read_saved_head(saved_note, [log_key.public_key]),
        )
        assert report.failure is not None and report.failure.kind == "rewritten"
        assert report.failure.position == saved["position"]
        # and so does the stored heads' check: every head the new tree signed matches it, but the
        # saved one does not
        assert (
            verify_tree(CanonicalLog(service.ledger.recorder), service.services.read_engine).failure is None
        )


def test_verify_against_a_saved_head_finds_a_rollback_and_tree_finds_an_altered_head(
    store_config: StoreConfig,
    tmp_path: Path,
    log_key: Ed25519Signer,
    witness_key: Ed25519PrivateKey,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = log_settings(tmp_path, witness_key)
    with serving(store_config, **settings) as (service, client):
        record(service, 5)
        publish(client, a_key(service))
        (tmp_path / "head.txt").write_text(client.get(f"{LOG}/checkpoint").text)
        log = CanonicalLog(service.ledger.recorder)
        reads = service.services.read_engine
        trusted = [log_key.public_key]
        ok = verify_tree(log, reads, saved=read_saved_head((tmp_path / "head.txt").read_text(), trusted))
        assert ok.failure is None and ok.against == ok.leaves and ok.heads >= 2 and ok.signed == ok.heads
        # a stored head's root altered behind the log's back
        with reads.begin() as conn:
            physical = generation_tables(transparency_log.TABLES, 1)["tree_heads"]
            conn.execute(update(physical).where(physical.c.size == 5).values(root=bytes(32)))
        altered = verify_tree(log, reads, trusted_keys=trusted)
        assert altered.failure is not None and altered.failure.kind == "tree-head"
        # a saved head signed by another key is not taken as the log's
        with pytest.raises(notes.NoteError):
            read_saved_head((tmp_path / "head.txt").read_text(), [Ed25519PrivateKey.generate().public_key()])
        # the last events are deleted (a rollback)
        raw = RawLog(store_config, str(service.ledger.recorder.events_table_name))  # type: ignore[attr-defined]
        for position in raw.positions()[-2:]:
            raw.delete(position)
        saved = read_saved_head((tmp_path / "head.txt").read_text(), trusted)
        rolled = verify_tree(log, reads, saved=saved, stored_heads=False)
        assert rolled.failure is not None and rolled.failure.kind == "rollback"


def test_verify_against_from_the_command_line(
    store_config: StoreConfig,
    tmp_path: Path,
    log_key: Ed25519Signer,
    witness_key: Ed25519PrivateKey,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = log_settings(tmp_path, witness_key)
    with serving(store_config, **settings) as (service, client):
        record(service, 3)
        publish(client, a_key(service))
        (tmp_path / "head.txt").write_text(client.get(f"{LOG}/checkpoint").text)
        (tmp_path / "bad.txt").write_text("not a note\n")
        for name, value in service.settings.model_dump().items():
            if value is not None and name in {
                "database_url",
                "db_schema",
                "read_schema",
                "read_database_url",
            }:
                monkeypatch.setenv(f"CLEANLEDGER_{name.upper()}", str(value))
        monkeypatch.setenv("CLEANLEDGER_SIGNING_KEY", str(tmp_path / "log.pem"))
        capsys.readouterr()
        assert main(["verify", "--quiet", "--against", str(tmp_path / "head.txt"), "--tree"]) == 0
        out = capsys.readouterr().out
        assert "verify: OK" in out and "the saved head of size" in out and "matches the log" in out
        assert main(["verify", "--quiet", "--against", str(tmp_path / "bad.txt")]) == 1
        assert "the saved head" in capsys.readouterr().err


def test_the_witness_command_cosigns_over_http_and_exits_2_when_the_log_rolls_back(
    served: tuple[Service, TestClient],
    witness_key: Ed25519PrivateKey,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    service, client = served
    key = a_key(service)
    record(service, 2)
    first = publish(client, key)["size"]
    pem = tmp_path / "witness.pem"
    pem.write_bytes(witness_key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    assert main(["witness", "--print-vkey", "--key", str(pem), "--name", WITNESS]) == 0
    assert capsys.readouterr().out.strip() == log_settings(tmp_path, witness_key)["witness_keys"]
    server = uvicorn.Server(
        uvicorn.Config(service.app, port=_free_port(), log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        [log_key] = client.get(f"{LOG}/keys").json()
        command = [
            "witness",
            "--log",
            f"http://127.0.0.1:{server.config.port}",
            "--log-key",
            log_key["verifier_key"],
            "--key",
            str(pem),
            "--name",
            WITNESS,
            "--state",
            str(tmp_path / "state.json"),
            "--once",
        ]
        assert main(command) == 0
        record(service, 2)
        publish(client, key)
        assert main(command) == 0
        assert "cosigned the head of size" in capsys.readouterr().err
        assert [c["witness"] for c in client.get(f"{LOG}/heads/latest").json()["cosignatures"]] == [WITNESS]
        # the heads after the first are removed (the log's tables restored from an older backup)
        with service.head_publisher.engine.begin() as conn:
            physical = generation_tables(transparency_log.TABLES, 1)["tree_heads"]
            conn.execute(delete(physical).where(physical.c.size > first))
        assert main(command) == 2
        assert "REFUSED (rollback)" in capsys.readouterr().err
    finally:
        server.should_exit = True
        thread.join(10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_witness_name_longer_than_the_log_can_keep_is_refused_in_the_settings(
    witness_key: Ed25519PrivateKey,
) -> None:
    long_name = "w" * (WITNESS_NAME_LENGTH + 1)
    vkey = notes.verifier_key(long_name, witness_key.public_key(), kind=notes.COSIGNATURE_V1)
    with pytest.raises(BadKeyError, match="longer than"):
        trusted_witnesses(vkey)
    fits = notes.verifier_key("w" * WITNESS_NAME_LENGTH, witness_key.public_key(), kind=notes.COSIGNATURE_V1)
    assert list(trusted_witnesses(fits)) == ["w" * WITNESS_NAME_LENGTH]
