"""Signed tree heads of the event log's Merkle tree (:mod:`readmodels.merkle`), as C2SP signed notes.

What each part follows:

- c2sp.org/tlog-checkpoint, "Note text": the body of a tree head is the origin line, the tree size in
  ASCII decimal (no leading zeros), the base64 root hash and optional non-empty extension lines, each
  ending in a newline (:class:`TreeHead`).
- c2sp.org/signed-note, "Format" and "Signatures": a note is the body, a blank line, then one or more
  lines ``— <key name> <base64(4-byte key ID ‖ signature)>``. Key names are non-empty, without spaces
  or ``+``. The key ID is ``SHA-256(name ‖ 0x0A ‖ signature type ‖ public key)[:4]``; type 0x01 is an
  Ed25519 signature of the body (the log's own). Verifier keys are written
  ``<name>+<8 hex digits of key ID>+<base64(type ‖ public key)>``.
- c2sp.org/tlog-cosignature, "Format" and "Ed25519 signed message": a witness's cosignature is type
  0x04; it signs ``"cosignature/v1\\ntime <unix seconds>\\n" ‖ body`` and its payload is the key ID,
  the timestamp as a big-endian u64, then the 64-byte Ed25519 signature.

Parsing is strict, so that one tree head has one text: canonical base64, no CR, no control
characters, and bounded sizes (a note of at most 8 KiB and 32 signature lines). Every fault raises
:class:`NoteError` saying what is wrong.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

#: Signature types of c2sp.org/signed-note: the log's Ed25519 key, and witness cosignatures v1.
ED25519 = 0x01
COSIGNATURE_V1 = 0x04
KEY_KINDS = (ED25519, COSIGNATURE_V1)

MAX_NOTE_BYTES = 8 * 1024
MAX_SIGNATURES = 32  # the spec asks verifiers to accept at least 16
MAX_TREE_SIZE = 2**64 - 1  # a u64, as tree sizes are everywhere else
MAX_TIMESTAMP = 2**63 - 1  # tlog-cosignature: "MUST NOT exceed 2^63 - 1"
HASH_SIZE = 32
KEY_ID_SIZE = 4
ED25519_SIGNATURE_SIZE = 64

SIGNATURE_PREFIX = "\u2014 "  # em dash, space
COSIGNATURE_HEADER = "cosignature/v1\n"

_DECIMAL = re.compile(r"0|[1-9][0-9]*")  # [0-9], not \d: no other script's digits
_KEY_ID_HEX = re.compile(r"[0-9a-fA-F]{8}")
_FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f]")  # signed-note: no ASCII control but newline


class NoteError(ValueError):
    """A tree head, note, signature or key that is not well formed (the message says what and where)."""


def _control(text: str) -> str | None:
    """The first control character (Unicode category Cc: C0, DEL, C1) in ``text``, if any."""
    return next((ch for ch in text if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F), None)


def _check_line(line: str, what: str) -> None:
    if not line:
        raise NoteError(f"{what} is empty")
    bad = _control(line)
    if bad is not None:
        raise NoteError(f"{what} contains the control character U+{ord(bad):04X}")


def _check_name(name: str) -> None:
    """Key names: non-empty, with no Unicode space and no ``+`` (which separates a verifier key's parts)."""
    if not name:
        raise NoteError("a key name must not be empty")
    for ch in name:
        if ch.isspace() or ch == "+" or _control(ch):
            raise NoteError(
                f"key name {name!r} contains {ch!r}: names have no spaces, '+' or control characters"
            )


def _check_kind(kind: int) -> None:
    if kind not in KEY_KINDS:
        raise NoteError(f"signature type 0x{kind:02x} is not supported (0x01 Ed25519, 0x04 cosignature/v1)")


def _check_text(text: str, what: str) -> None:
    """The rules of signed-note that hold for every part of a note: size, UTF-8, no CR or controls."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        raise NoteError(f"{what} is not valid UTF-8 (it holds a lone surrogate)") from error
    if size > MAX_NOTE_BYTES:
        raise NoteError(f"{what} is {size} bytes; at most {MAX_NOTE_BYTES} are accepted")
    if "\r" in text:
        raise NoteError(f"{what} contains a carriage return (CR): lines end in a newline (LF) alone")
    bad = _FORBIDDEN.search(text)
    if bad:
        raise NoteError(f"{what} contains the control character U+{ord(bad.group()):04X}")


def _b64decode(text: str, what: str) -> bytes:
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error) as error:
        raise NoteError(f"{what} is not base64: {text!r:.80}") from error
    # Padding and trailing bits may vary without changing the bytes: accept one spelling only.
    if base64.b64encode(data).decode("ascii") != text:
        raise NoteError(f"{what} is not canonical base64: {text!r:.80}")
    return data


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


# --- tree heads (tlog-checkpoint) ----------------------------------------------------------------


@dataclass(frozen=True)
class TreeHead:
    """A checkpoint's body: the log ``origin`` holds ``size`` leaves whose Merkle tree hash is ``root``."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_line(self.origin, "the origin line")
        if not 0 <= self.size <= MAX_TREE_SIZE:
            raise NoteError(f"a tree size must be between 0 and {MAX_TREE_SIZE}, not {self.size}")
        if len(self.root) != HASH_SIZE:
            raise NoteError(f"a root hash is {HASH_SIZE} bytes, not {len(self.root)}")
        for number, line in enumerate(self.extensions, 1):
            _check_line(line, f"extension line {number}")

    @property
    def body(self) -> str:
        """The note text: origin, size, root hash and extension lines, each ending in a newline."""
        lines = (self.origin, str(self.size), _b64(self.root), *self.extensions)
        return "".join(line + "\n" for line in lines)

    @classmethod
    def parse_body(cls, text: str) -> TreeHead:
        _check_text(text, "the checkpoint body")
        if not text.endswith("\n"):
            raise NoteError("the checkpoint body must end with a newline")
        lines = text[:-1].split("\n")
        if len(lines) < 3:
            raise NoteError(
                f"a checkpoint body has at least 3 lines (origin, size, root hash), not {len(lines)}"
            )
        for number, line in enumerate(lines, 1):
            if not line:
                raise NoteError(f"line {number} of the checkpoint body is empty")
        origin, size, root, *extensions = lines
        if not _DECIMAL.fullmatch(size) or len(size) > len(str(MAX_TREE_SIZE)):
            raise NoteError(
                f"the tree size {size!r:.40} is not an ASCII decimal number without leading zeros"
            )
        digest = _b64decode(root, "the root hash")
        if len(digest) != HASH_SIZE:
            raise NoteError(f"the root hash is {len(digest)} bytes, not {HASH_SIZE}")
        return cls(origin, int(size), digest, tuple(extensions))


# --- signatures and notes (signed-note) ----------------------------------------------------------


@dataclass(frozen=True)
class NoteSignature:
    """One signature line: the key's name, its 4-byte key ID, and what follows the ID in the payload
    (for a cosignature, the 8-byte timestamp and then the signature)."""

    name: str
    key_hash: bytes
    signature: bytes

    def __post_init__(self) -> None:
        _check_name(self.name)
        if len(self.key_hash) != KEY_ID_SIZE:
            raise NoteError(f"a key ID is {KEY_ID_SIZE} bytes, not {len(self.key_hash)}")
        if not self.signature:
            raise NoteError(f"the signature by {self.name} is empty")


@dataclass(frozen=True)
class SignedNote:
    head: TreeHead
    signatures: tuple[NoteSignature, ...]

    def __post_init__(self) -> None:
        if not self.signatures:
            raise NoteError("a signed note needs at least one signature")
        if len(self.signatures) > MAX_SIGNATURES:
            raise NoteError(f"a note has at most {MAX_SIGNATURES} signatures, not {len(self.signatures)}")

    @property
    def text(self) -> str:
        return self.head.body + "\n" + "".join(signature_line(sig) for sig in self.signatures)


def signature_line(sig: NoteSignature) -> str:
    return f"{SIGNATURE_PREFIX}{sig.name} {_b64(sig.key_hash + sig.signature)}\n"


def with_signatures(head: TreeHead, sigs: Iterable[NoteSignature]) -> SignedNote:
    return SignedNote(head, tuple(sigs))


def _parse_signature_line(line: str, number: int) -> NoteSignature:
    if not line.startswith(SIGNATURE_PREFIX):
        raise NoteError(
            f"signature line {number} does not start with an em dash (U+2014) and a space: {line!r:.60}"
        )
    name, space, encoded = line[len(SIGNATURE_PREFIX) :].partition(" ")
    if not space:
        raise NoteError(f"signature line {number} has no space between the key name and the signature")
    _check_name(name)
    payload = _b64decode(encoded, f"the signature on line {number}")
    if len(payload) <= KEY_ID_SIZE:
        raise NoteError(
            f"the signature on line {number} is {len(payload)} bytes: a key ID and nothing after it"
        )
    return NoteSignature(name, payload[:KEY_ID_SIZE], payload[KEY_ID_SIZE:])


def parse_note(text: str) -> SignedNote:
    """A checkpoint with its signature lines, checked strictly (but no signature is verified here)."""
    _check_text(text, "the note")
    # signed-note: the text ends at the last blank line (a checkpoint body has none of its own).
    split = text.rfind("\n\n")
    if split < 0:
        raise NoteError("no blank line separates the checkpoint from its signature lines")
    body, block = text[: split + 1], text[split + 2 :]
    if not block:
        raise NoteError("the note has no signature lines after its blank line")
    if not block.endswith("\n"):
        raise NoteError("the last signature line does not end with a newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError(f"the note has {len(lines)} signature lines; at most {MAX_SIGNATURES} are accepted")
    signatures = tuple(_parse_signature_line(line, number) for number, line in enumerate(lines, 1))
    return SignedNote(TreeHead.parse_body(body), signatures)


# --- keys ----------------------------------------------------------------------------------------


def key_hash(name: str, public_key: Ed25519PublicKey, kind: int = ED25519) -> bytes:
    """The 4-byte key ID: ``SHA-256(name ‖ "\\n" ‖ kind ‖ public key)[:4]``."""
    _check_name(name)
    _check_kind(kind)
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([kind]) + _raw(public_key)).digest()
    return digest[:KEY_ID_SIZE]


def verifier_key(name: str, public_key: Ed25519PublicKey, kind: int = ED25519) -> str:
    """The key as text: ``<name>+<key ID in hex>+<base64(kind ‖ public key)>`` (0x04 for a witness)."""
    return f"{name}+{key_hash(name, public_key, kind).hex()}+{_b64(bytes([kind]) + _raw(public_key))}"


def parse_verifier_key(text: str) -> tuple[str, Ed25519PublicKey, int]:
    """``(name, public key, kind)`` of a verifier key; kind 0x01 (log) or 0x04 (witness cosignatures)."""
    # The base64 may hold '+' itself: only the first two separate fields.
    name, plus, rest = text.partition("+")
    id_hex, plus2, encoded = rest.partition("+")
    if not (plus and plus2):
        raise NoteError(f"a verifier key is <name>+<8 hex digits>+<base64 key>, not {text!r:.80}")
    _check_name(name)
    if not _KEY_ID_HEX.fullmatch(id_hex):
        raise NoteError(f"the key ID of verifier key {name} is not 8 hex digits: {id_hex!r:.20}")
    material = _b64decode(encoded, f"the key of verifier key {name}")
    if len(material) != 1 + 32:
        raise NoteError(
            f"verifier key {name} holds {len(material)} bytes, not a type byte and 32 bytes of Ed25519"
        )
    kind = material[0]
    _check_kind(kind)
    try:
        public_key = Ed25519PublicKey.from_public_bytes(material[1:])
    except ValueError as error:
        raise NoteError(f"verifier key {name} does not hold an Ed25519 public key") from error
    if key_hash(name, public_key, kind) != bytes.fromhex(id_hex):
        raise NoteError(f"the key ID {id_hex} of verifier key {name} does not match its name and key")
    return name, public_key, kind


# --- signing and verifying -----------------------------------------------------------------------


def _check_timestamp(timestamp: int) -> None:
    if not 0 <= timestamp <= MAX_TIMESTAMP:
        raise NoteError(f"a cosignature's timestamp must be between 0 and 2^63 - 1, not {timestamp}")


def _cosigned_message(head: TreeHead, timestamp: int) -> bytes:
    return f"{COSIGNATURE_HEADER}time {timestamp}\n{head.body}".encode()


def _verifies(public_key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def sign_head(head: TreeHead, name: str, private_key: Ed25519PrivateKey) -> NoteSignature:
    """The log's signature (type 0x01): Ed25519 over the body."""
    key_id = key_hash(name, private_key.public_key())
    return NoteSignature(name, key_id, private_key.sign(head.body.encode("utf-8")))


def cosign_head(head: TreeHead, name: str, private_key: Ed25519PrivateKey, timestamp: int) -> NoteSignature:
    """A witness's cosignature/v1 (type 0x04) made at ``timestamp`` (POSIX seconds)."""
    _check_timestamp(timestamp)
    key_id = key_hash(name, private_key.public_key(), COSIGNATURE_V1)
    signature = private_key.sign(_cosigned_message(head, timestamp))
    return NoteSignature(name, key_id, struct.pack(">Q", timestamp) + signature)


def verify_signature(head: TreeHead, sig: NoteSignature, name: str, public_key: Ed25519PublicKey) -> bool:
    """Whether ``sig`` is the log key ``(name, public_key)``'s signature of ``head``."""
    if sig.name != name or sig.key_hash != key_hash(name, public_key):
        return False  # another key's line (signed-note: name and key ID select the key)
    if len(sig.signature) != ED25519_SIGNATURE_SIZE:
        return False
    return _verifies(public_key, sig.signature, head.body.encode("utf-8"))


def verify_cosignature(
    head: TreeHead, sig: NoteSignature, name: str, public_key: Ed25519PublicKey
) -> int | None:
    """The timestamp of ``sig`` if it is the witness ``(name, public_key)``'s cosignature of ``head``."""
    if sig.name != name or sig.key_hash != key_hash(name, public_key, COSIGNATURE_V1):
        return None
    if len(sig.signature) != 8 + ED25519_SIGNATURE_SIZE:
        return None
    (timestamp,) = struct.unpack(">Q", sig.signature[:8])
    if timestamp > MAX_TIMESTAMP:
        return None
    if not _verifies(public_key, sig.signature[8:], _cosigned_message(head, timestamp)):
        return None
    return int(timestamp)


def parse_signature_line(line: str) -> NoteSignature:
    """One signature line as a witness posts it (with or without its final newline)."""
    line = line.removesuffix("\n")
    if "\n" in line:
        raise NoteError("a signature line is one line")
    return _parse_signature_line(line, 1)
