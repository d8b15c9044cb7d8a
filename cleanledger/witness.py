"""``cleanledger witness``: a process that cosigns the log's tree heads it has checked.

    cleanledger witness --log URL --log-key VKEY --key witness.pem --name NAME --state FILE
                        [--once | --interval SECONDS]
    cleanledger witness --print-vkey --key witness.pem --name NAME

A witness runs elsewhere (another machine, another key, ideally another organisation). Each round
it fetches the log's latest head (``GET /api/v1/public/log/checkpoint``), checks the log's
signature with the log's verifier key it was given, and checks that the head extends the last head
it cosigned (a consistency proof, RFC 9162 §2.1.4.2, verified here). Only then does it cosign
(C2SP tlog-cosignature) and post the cosignature back; its state file remembers that head.

A head smaller than the last one cosigned (a rollback), of the same size with another root, or one
whose consistency proof fails (a fork: history was rewritten, even re-signed with the real key) is
refused: the witness never cosigns it nor any head after it that does not extend what it cosigned,
says why on stderr, and with ``--once`` exits 2. Anyone fetching heads then sees them without the
witness's cosignature, and the witness's state file is the evidence of what the log had shown.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cleanledger.keys import BadKeyError, load_private_key
from commands.ledger import Ledger
from readmodels import merkle
from readmodels import tree_head as notes
from readmodels.transparency_log import tree_head_cosignatures

LOG = "/api/v1/public/log"
#: The longest witness name the log keeps a cosignature under (``tree_head_cosignatures.witness``).
WITNESS_NAME_LENGTH: int = tree_head_cosignatures.c.witness.type.length  # type: ignore[attr-defined]
#: Bytes read from any answer of the log at most (a note is under 8 KiB, a proof under 4 KiB).
MAX_ANSWER = 1 << 20


class WitnessError(RuntimeError):
    """The log could not be asked (unreachable, an unexpected answer): try again later."""


class Refusal(RuntimeError):
    """A head the witness will not cosign: ``kind`` is rollback, fork, signature or origin."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class LogClient(Protocol):
    def get_text(self, path: str) -> str: ...

    def get_json(self, path: str) -> Any: ...

    def post_json(self, path: str, body: Any) -> Any: ...


class HttpLogClient:
    """The log's public API over HTTP(S), with the standard library."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _ask(self, path: str, body: bytes | None = None) -> bytes:
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            method="GET" if body is None else "POST",
            headers={"Content-Type": "application/json"} if body is not None else {},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                data: bytes = answer.read(MAX_ANSWER)
                return data
        except urllib.error.HTTPError as error:
            detail = error.read(2_000).decode("utf-8", "replace")
            raise WitnessError(f"{path}: HTTP {error.code}: {detail}") from error
        except (urllib.error.URLError, OSError) as error:
            raise WitnessError(f"{path}: {error}") from error

    def get_text(self, path: str) -> str:
        return self._ask(path).decode("utf-8")

    def get_json(self, path: str) -> Any:
        return json.loads(self._ask(path))

    def post_json(self, path: str, body: Any) -> Any:
        return json.loads(self._ask(path, json.dumps(body).encode()))


@dataclass(frozen=True)
class Cosigned:
    """The last head the witness cosigned (its state file)."""

    origin: str
    size: int
    root: bytes
    timestamp: int

    @classmethod
    def load(cls, path: Path) -> Cosigned | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text())
        return cls(data["origin"], int(data["size"]), bytes.fromhex(data["root"]), int(data["timestamp"]))

    def save(self, path: Path) -> None:
        """Written to a temporary file and renamed: a crash leaves the old state or the new."""
        text = json.dumps(
            {"origin": self.origin, "size": self.size, "root": self.root.hex(), "timestamp": self.timestamp}
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(descriptor, "w") as file:
            file.write(text + "\n")
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)


@dataclass(frozen=True)
class Outcome:
    kind: str  # cosigned, unchanged
    size: int


class Witness:
    def __init__(
        self,
        client: LogClient,
        *,
        log_name: str,
        log_key: Ed25519PublicKey,
        name: str,
        key: Ed25519PrivateKey,
        state: Path,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.log_name, self.log_key = log_name, log_key
        self.name, self.key = name, key
        self.state = state
        self.clock = clock

    def step(self) -> Outcome:
        """Check the log's latest head and cosign it; :class:`Refusal` if it must not be."""
        note = self._fetch()
        head = note.head
        last = Cosigned.load(self.state)
        if last is not None:
            self._check_extends(last, head)
            if head.size == last.size and any(s.name == self.name for s in note.signatures):
                return Outcome("unchanged", head.size)
        signature = notes.cosign_head(head, self.name, self.key, int(self.clock()))
        timestamp = int.from_bytes(signature.signature[:8], "big")
        # Remembered before it is sent: the witness has vouched for this head from now on.
        Cosigned(head.origin, head.size, head.root, timestamp).save(self.state)
        self.client.post_json(
            f"{LOG}/heads/{head.size}/cosignatures", {"signature": notes.signature_line(signature)}
        )
        return Outcome("cosigned", head.size)

    def _fetch(self) -> notes.SignedNote:
        text = self.client.get_text(f"{LOG}/checkpoint")
        try:
            note = notes.parse_note(text)
        except notes.NoteError as error:
            raise Refusal("signature", f"the log's checkpoint is not a signed note: {error}") from error
        if note.head.origin != self.log_name:
            raise Refusal("origin", f"the checkpoint is of log {note.head.origin!r}, not {self.log_name!r}")
        if not any(
            s.name == self.log_name and notes.verify_signature(note.head, s, self.log_name, self.log_key)
            for s in note.signatures
        ):
            raise Refusal("signature", f"the head of size {note.head.size} is not signed by the log's key")
        return note

    def _check_extends(self, last: Cosigned, head: notes.TreeHead) -> None:
        if head.size < last.size:
            raise Refusal(
                "rollback",
                f"the log shows {head.size} events; it showed {last.size} when this witness cosigned "
                "(events were removed: a rollback)",
            )
        if head.size == last.size:
            if head.root != last.root:
                raise Refusal(
                    "fork",
                    f"the head of size {head.size} has root {head.root.hex()}; this witness cosigned "
                    f"{last.root.hex()} at that size (history was rewritten: a fork)",
                )
            return
        answer = self.client.get_json(f"{LOG}/proofs/consistency?first={last.size}&second={head.size}")
        try:
            path = [bytes.fromhex(h) for h in answer["path"]]
        except (KeyError, TypeError, ValueError) as error:
            raise Refusal(
                "fork", f"the log gave no consistency proof from {last.size} to {head.size}"
            ) from error
        if not merkle.verify_consistency(last.size, head.size, last.root, head.root, path):
            raise Refusal(
                "fork",
                f"the head of size {head.size} does not extend the head of size {last.size} this witness "
                "cosigned (history was rewritten: a fork)",
            )


def trusted_witnesses(value: str | None) -> dict[str, Ed25519PublicKey]:
    """The witnesses' verifier keys the settings name (commas or newlines, or a file of them)."""
    if not value:
        return {}
    text = value
    if "+" not in value:
        path = Path(value).expanduser()
        if not path.is_file():
            msg = f"witness keys: {value[:40]!r} is no verifier key and no file"
            raise BadKeyError(msg)
        text = path.read_text()
    found: dict[str, Ed25519PublicKey] = {}
    for item in text.replace(",", "\n").splitlines():
        if item.strip():
            try:
                name, key, _ = notes.parse_verifier_key(item.strip())
            except notes.NoteError as error:
                raise BadKeyError(f"witness keys: {error}") from error
            if len(name) > WITNESS_NAME_LENGTH:  # its cosignatures are kept under its name
                msg = f"witness keys: the name {name[:40]!r}… is longer than {WITNESS_NAME_LENGTH} characters"
                raise BadKeyError(msg)
            found[name] = key
    return found


def _text_or_file(value: str) -> str:
    path = Path(value).expanduser()
    return path.read_text().strip() if "+" not in value and path.is_file() else value.strip()


def witness_command(_: Ledger | None, args: argparse.Namespace) -> int:
    key = load_private_key(args.key)
    if args.print_vkey:
        print(notes.verifier_key(args.name, key.public_key(), kind=notes.COSIGNATURE_V1))
        return 0
    if not (args.log and args.log_key and args.state):
        print("cleanledger witness: --log, --log-key and --state are needed", file=sys.stderr)
        return 1
    log_name, log_key, _kind = notes.parse_verifier_key(_text_or_file(args.log_key))
    witness = Witness(
        HttpLogClient(args.log),
        log_name=log_name,
        log_key=log_key,
        name=args.name,
        key=key,
        state=Path(args.state),
    )
    while True:
        try:
            outcome = witness.step()
            print(f"witness: {outcome.kind} the head of size {outcome.size}", file=sys.stderr, flush=True)
        except Refusal as refusal:
            print(f"witness: REFUSED ({refusal.kind}): {refusal}", file=sys.stderr, flush=True)
            if args.once:
                return 2
        except WitnessError as error:
            print(f"witness: could not ask the log: {error}", file=sys.stderr, flush=True)
            if args.once:
                return 1
        if args.once:
            return 0
        try:
            time.sleep(args.interval)
        except KeyboardInterrupt:
            return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "witness",
        help="cosign the log's tree heads after checking each extends the last one cosigned",
        description="Fetch the log's latest tree head, check its signature with --log-key and that "
        "it extends the last head this witness cosigned (a consistency proof), then cosign it and "
        "post the cosignature. A rollback or fork is refused (exit 2 with --once). "
        "See docs/tamper-evidence.md.",
    )
    p.add_argument("--log", help="the log's base URL, e.g. https://ledger.example.go.kr")
    p.add_argument("--log-key", help="the log's note verifier key (GET /api/v1/public/log/keys), or a file")
    p.add_argument(
        "--key", required=True, help="the witness's Ed25519 private key (cleanledger keys generate)"
    )
    p.add_argument("--name", required=True, help="the witness key's name, e.g. witness.example.org")
    p.add_argument("--state", help="the file that remembers the last head cosigned")
    p.add_argument(
        "--once", action="store_true", help="one round, then exit (0 ok, 1 unreachable, 2 refused)"
    )
    p.add_argument("--interval", type=float, default=10.0, help="seconds between rounds (default 10)")
    p.add_argument("--print-vkey", action="store_true", help="print the witness's verifier key and exit")
    p.set_defaults(run=witness_command, needs_ledger=False)
