"""Signed tree heads as C2SP signed notes (tlog-checkpoint, signed-note, tlog-cosignature v1).

The expected texts, key IDs and signed messages are rebuilt here from the specs with hashlib, base64
and the Ed25519 primitive itself (Ed25519 is deterministic, RFC 8032 §5.1.6), and the key format is
anchored to golang.org/x/mod/sumdb/note's and transparency-dev/formats' published test keys.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from readmodels.tree_head import (
    MAX_NOTE_BYTES,
    NoteError,
    NoteSignature,
    SignedNote,
    TreeHead,
    cosign_head,
    key_hash,
    parse_note,
    parse_verifier_key,
    sign_head,
    signature_line,
    verifier_key,
    verify_cosignature,
    verify_signature,
    with_signatures,
)

LOG_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
LOG_PUBLIC = LOG_KEY.public_key()
LOG_NAME = "ledger.example/clean"
WITNESS_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
WITNESS_PUBLIC = WITNESS_KEY.public_key()
WITNESS_NAME = "witness.example/w1"

ROOT = hashlib.sha256(b"a root").digest()
HEAD = TreeHead(LOG_NAME, 1234, ROOT)
TIME = 1_700_000_000


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def spec_key_id(name: str, kind: int, public_raw: bytes) -> bytes:
    """signed-note: SHA-256(key name ‖ 0x0A ‖ signature type ‖ public key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([kind]) + public_raw).digest()[:4]


def good_note() -> str:
    return with_signatures(HEAD, [sign_head(HEAD, LOG_NAME, LOG_KEY)]).text


# --- tree heads ----------------------------------------------------------------------------------


def test_a_tree_head_body_is_three_lines_and_parses_back() -> None:
    assert HEAD.body == f"{LOG_NAME}\n1234\n{b64(ROOT)}\n"
    assert TreeHead.parse_body(HEAD.body) == HEAD
    extended = TreeHead(LOG_NAME, 0, ROOT, ("day 2026-03-01", "más"))
    assert extended.body == f"{LOG_NAME}\n0\n{b64(ROOT)}\nday 2026-03-01\nmás\n"
    assert TreeHead.parse_body(extended.body) == extended


def test_a_tree_head_refuses_what_it_could_not_write() -> None:
    with pytest.raises(NoteError, match="between 0 and"):
        TreeHead(LOG_NAME, -1, ROOT)
    with pytest.raises(NoteError, match="between 0 and"):
        TreeHead(LOG_NAME, 2**64, ROOT)
    with pytest.raises(NoteError, match="a root hash is 32 bytes, not 31"):
        TreeHead(LOG_NAME, 1, ROOT[:31])
    with pytest.raises(NoteError, match="the origin line is empty"):
        TreeHead("", 1, ROOT)
    with pytest.raises(NoteError, match=r"the origin line contains the control character U\+000A"):
        TreeHead("two\nlines", 1, ROOT)
    with pytest.raises(NoteError, match="extension line 2 is empty"):
        TreeHead(LOG_NAME, 1, ROOT, ("x", ""))


# --- the log's signature -------------------------------------------------------------------------


def test_the_note_of_a_fixed_key_is_exactly_the_spec_text() -> None:
    note = with_signatures(HEAD, [sign_head(HEAD, LOG_NAME, LOG_KEY)])
    body = f"{LOG_NAME}\n1234\n{b64(ROOT)}\n"
    key_id = spec_key_id(LOG_NAME, 0x01, LOG_PUBLIC.public_bytes_raw())
    signature = LOG_KEY.sign(body.encode())  # deterministic: the same 64 bytes every time
    assert note.text == f"{body}\n\u2014 {LOG_NAME} {b64(key_id + signature)}\n"

    lines = note.text.split("\n")
    assert lines[:4] == [LOG_NAME, "1234", b64(ROOT), ""] and lines[5:] == [""]
    dash, name, blob = lines[4].split(" ")
    assert (dash, name) == ("\u2014", LOG_NAME)  # an em dash, not a hyphen
    payload = base64.b64decode(blob, validate=True)
    assert len(payload) == 4 + 64 and payload[:4] == key_id == key_hash(LOG_NAME, LOG_PUBLIC)
    LOG_PUBLIC.verify(payload[4:], body.encode())  # raises if it does not verify


def test_a_signed_note_round_trips_and_verifies() -> None:
    signature = sign_head(HEAD, LOG_NAME, LOG_KEY)
    cosignature = cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, TIME)
    note = with_signatures(HEAD, [signature, cosignature])
    parsed = parse_note(note.text)
    assert parsed == note == SignedNote(HEAD, (signature, cosignature))
    assert parsed.text == note.text
    assert verify_signature(parsed.head, parsed.signatures[0], LOG_NAME, LOG_PUBLIC)
    assert verify_cosignature(parsed.head, parsed.signatures[1], WITNESS_NAME, WITNESS_PUBLIC) == TIME


@pytest.mark.parametrize(
    "tampered",
    [
        dataclasses.replace(HEAD, size=1235),
        dataclasses.replace(HEAD, size=0),
        dataclasses.replace(HEAD, root=hashlib.sha256(b"another root").digest()),
        dataclasses.replace(HEAD, origin="ledger.example/other"),
        dataclasses.replace(HEAD, extensions=("added",)),
    ],
    ids=["size", "size-0", "root", "origin", "extension"],
)
def test_a_signature_does_not_cover_a_changed_head(tampered: TreeHead) -> None:
    signature = sign_head(HEAD, LOG_NAME, LOG_KEY)
    cosignature = cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, TIME)
    assert not verify_signature(tampered, signature, LOG_NAME, LOG_PUBLIC)
    assert verify_cosignature(tampered, cosignature, WITNESS_NAME, WITNESS_PUBLIC) is None


def test_a_signature_verifies_only_for_its_key_and_name() -> None:
    signature = sign_head(HEAD, LOG_NAME, LOG_KEY)
    assert verify_signature(HEAD, signature, LOG_NAME, LOG_PUBLIC)
    assert not verify_signature(HEAD, signature, LOG_NAME, WITNESS_PUBLIC)
    assert not verify_signature(HEAD, signature, "ledger.example/other", LOG_PUBLIC)
    renamed = dataclasses.replace(signature, name="ledger.example/other")
    assert not verify_signature(HEAD, renamed, "ledger.example/other", LOG_PUBLIC)  # key ID binds the name
    flipped = dataclasses.replace(
        signature, signature=bytes([signature.signature[0] ^ 1]) + signature.signature[1:]
    )
    assert not verify_signature(HEAD, flipped, LOG_NAME, LOG_PUBLIC)
    assert not verify_signature(
        HEAD, dataclasses.replace(signature, signature=b"short"), LOG_NAME, LOG_PUBLIC
    )


# --- witness cosignatures ------------------------------------------------------------------------


def test_a_cosignature_is_the_spec_payload_and_verifies_with_its_timestamp() -> None:
    cosignature = cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, TIME)
    assert cosignature.key_hash == spec_key_id(WITNESS_NAME, 0x04, WITNESS_PUBLIC.public_bytes_raw())
    assert cosignature.key_hash == key_hash(WITNESS_NAME, WITNESS_PUBLIC, 0x04)
    assert cosignature.signature[:8] == TIME.to_bytes(8, "big") and len(cosignature.signature) == 8 + 64
    message = b"cosignature/v1\ntime 1700000000\n" + HEAD.body.encode()
    WITNESS_PUBLIC.verify(cosignature.signature[8:], message)  # raises if it does not verify
    line = signature_line(cosignature)
    assert line == f"\u2014 {WITNESS_NAME} {b64(cosignature.key_hash + cosignature.signature)}\n"
    assert len(base64.b64decode(line.split(" ")[2])) == 4 + 8 + 64
    assert verify_cosignature(HEAD, cosignature, WITNESS_NAME, WITNESS_PUBLIC) == TIME
    assert (
        verify_cosignature(
            HEAD, cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, 0), WITNESS_NAME, WITNESS_PUBLIC
        )
        == 0
    )


def test_a_cosignature_fails_with_the_log_key_or_another_time() -> None:
    cosignature = cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, TIME)
    signature = sign_head(HEAD, LOG_NAME, LOG_KEY)
    assert verify_cosignature(HEAD, cosignature, WITNESS_NAME, LOG_PUBLIC) is None
    assert verify_cosignature(HEAD, cosignature, LOG_NAME, LOG_PUBLIC) is None
    # the same key used both ways: the type byte of the key ID keeps the two kinds apart
    same_key = cosign_head(HEAD, LOG_NAME, LOG_KEY, TIME)
    assert verify_cosignature(HEAD, same_key, LOG_NAME, LOG_PUBLIC) == TIME
    assert not verify_signature(HEAD, same_key, LOG_NAME, LOG_PUBLIC)
    assert verify_cosignature(HEAD, signature, LOG_NAME, LOG_PUBLIC) is None
    for when in (TIME + 1, TIME - 1, 0):
        moved = dataclasses.replace(
            cosignature, signature=when.to_bytes(8, "big") + cosignature.signature[8:]
        )
        assert verify_cosignature(HEAD, moved, WITNESS_NAME, WITNESS_PUBLIC) is None
    # bit 63 set: beyond 2^63 - 1, refused before any signature check
    top = dataclasses.replace(cosignature, signature=b"\x80" + cosignature.signature[1:])
    assert verify_cosignature(HEAD, top, WITNESS_NAME, WITNESS_PUBLIC) is None


@pytest.mark.parametrize("when", [-1, 2**63])
def test_a_cosignature_time_is_a_posix_time_below_2_63(when: int) -> None:
    with pytest.raises(NoteError, match="between 0 and 2\\^63 - 1"):
        cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, when)


# --- keys ----------------------------------------------------------------------------------------

# golang.org/x/mod/sumdb/note's example: a private key (type byte 0x01 ‖ seed), its verifier key, and
# the signed note Go produces for the text below.
GO_SEED = base64.b64decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")[1:]
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
)
GO_LINE = (
    "\u2014 PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
# transparency-dev/formats' test keys: a witness key of type 0x04, and a 0x01 key whose base64 holds '+'.
FORMATS_COSIGNER = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"
FORMATS_PLUS = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"


def test_key_ids_and_lines_match_the_go_reference() -> None:
    key = Ed25519PrivateKey.from_private_bytes(GO_SEED)
    assert key_hash("PeterNeumann", key.public_key()).hex() == "c74f20a3"
    assert verifier_key("PeterNeumann", key.public_key()) == GO_VKEY
    sig = NoteSignature(
        "PeterNeumann", key_hash("PeterNeumann", key.public_key()), key.sign(GO_TEXT.encode())
    )
    assert signature_line(sig) == GO_LINE


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (GO_VKEY, "PeterNeumann", 0x01),
        (FORMATS_COSIGNER, "remora.n621.de", 0x04),
        (FORMATS_PLUS, "TEST", 0x01),
    ],
)
def test_verifier_keys_parse_and_print_back(text: str, name: str, kind: int) -> None:
    parsed_name, public_key, parsed_kind = parse_verifier_key(text)
    assert (parsed_name, parsed_kind) == (name, kind)
    assert verifier_key(name, public_key, kind) == text


def test_a_witness_verifier_key_checks_its_cosignatures() -> None:
    text = verifier_key(WITNESS_NAME, WITNESS_PUBLIC, 0x04)
    name, public_key, kind = parse_verifier_key(text)
    assert (name, kind) == (WITNESS_NAME, 0x04)
    cosignature = cosign_head(HEAD, WITNESS_NAME, WITNESS_KEY, TIME)
    assert verify_cosignature(HEAD, cosignature, name, public_key) == TIME


def _with_material(material: bytes, name: str = "k") -> str:
    """A verifier key whose key ID is right for whatever ``material`` (type byte and key) holds."""
    key_id = hashlib.sha256(name.encode() + b"\n" + material).digest()[:4]
    return f"{name}+{key_id.hex()}+{b64(material)}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "does not match its name and key",
        ),
        ("PeterNeumann+c74f20a3", r"<name>\+<8 hex digits>\+<base64 key>"),
        ("PeterNeumann+c74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "not 8 hex digits"),
        ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "not base64"),
        ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n", "not base64"),
        ("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "key name"),
        ("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "must not be empty"),
        (_with_material(b"\x02" + bytes(32)), "signature type 0x02 is not supported"),
        (_with_material(b"\x01" + bytes(31)), "holds 32 bytes"),
    ],
)
def test_bad_verifier_keys_are_refused(text: str, message: str) -> None:
    with pytest.raises(NoteError, match=message):
        parse_verifier_key(text)


@pytest.mark.parametrize("name", ["", "two words", "a+b", "tab\there", "nbsp\u00a0here", "bell\x07"])
def test_key_names_follow_the_signed_note_rule(name: str) -> None:
    with pytest.raises(NoteError, match="key name"):
        sign_head(HEAD, name, LOG_KEY)
    with pytest.raises(NoteError, match="key name"):
        cosign_head(HEAD, name, WITNESS_KEY, TIME)


def test_an_unsupported_key_kind_is_refused() -> None:
    with pytest.raises(NoteError, match="signature type 0x02 is not supported"):
        key_hash(LOG_NAME, LOG_PUBLIC, 0x02)


# --- malformed notes -----------------------------------------------------------------------------


def _noncanonical(encoded: str) -> str:
    """The same bytes in base64 whose unused trailing bits are not zero."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    stem = encoded.rstrip("=")
    last = alphabet[alphabet.index(stem[-1]) ^ 1]
    return stem[:-1] + last + "=" * (len(encoded) - len(stem))


def _signature_block() -> str:
    return good_note().split("\n\n")[1]


def _note_with_body(body: str) -> str:
    return body + "\n" + _signature_block()


def _malformed() -> list[tuple[str, str, str]]:
    good = good_note()
    root = b64(ROOT)
    block = _signature_block()
    line = block.rstrip("\n")
    other = Ed25519PrivateKey.from_private_bytes(bytes(range(64, 96)))
    many = "".join(signature_line(sign_head(HEAD, f"k{i}.example", other)) for i in range(33))
    return [
        (
            "leading-zeros",
            good.replace("\n1234\n", "\n01234\n"),
            "not an ASCII decimal number without leading zeros",
        ),
        ("zero-zero", good.replace("\n1234\n", "\n00\n"), "without leading zeros"),
        ("fullwidth-digits", good.replace("\n1234\n", "\n\uff11\uff12\n"), "not an ASCII decimal"),
        ("arabic-indic-digits", good.replace("\n1234\n", "\n\u0661\u0662\n"), "not an ASCII decimal"),
        ("plus-sign", good.replace("\n1234\n", "\n+1234\n"), "not an ASCII decimal"),
        ("minus-sign", good.replace("\n1234\n", "\n-1\n"), "not an ASCII decimal"),
        ("space-in-size", good.replace("\n1234\n", "\n 1234\n"), "not an ASCII decimal"),
        ("size-2^64", good.replace("\n1234\n", f"\n{2**64}\n"), "between 0 and"),
        ("lone-cr", good.replace(LOG_NAME + "\n", "ledger\rexample\n", 1), "carriage return"),
        ("crlf", good.replace("\n", "\r\n"), "carriage return"),
        ("no-blank-line", HEAD.body + block, "no blank line separates"),
        ("two-blank-lines", HEAD.body + "\n\n" + block, "line 4 of the checkpoint body is empty"),
        ("blank-line-in-signatures", good + "\n" + block, "line 4 of the checkpoint body is empty"),
        ("no-signatures", HEAD.body + "\n", "no signature lines"),
        ("no-final-newline", good[:-1], "does not end with a newline"),
        ("hyphen-not-em-dash", good.replace("\u2014 ", "- "), "em dash"),
        ("no-space-after-dash", good.replace("\u2014 ", "\u2014"), "em dash"),
        ("no-signature-after-name", good.replace(line, f"\u2014 {LOG_NAME}"), "no space between"),
        ("two-spaces", good.replace(f"{LOG_NAME} ", f"{LOG_NAME}  "), "not base64"),
        ("plus-in-name", good.replace(f"\u2014 {LOG_NAME}", "\u2014 a+b"), "key name"),
        ("signature-not-base64", good.replace(line, f"\u2014 {LOG_NAME} !!!!"), "not base64"),
        ("signature-unpadded", good.removesuffix("=\n") + "\n", "not base64"),
        (
            "signature-only-key-id",
            good.replace(line, f"\u2014 {LOG_NAME} {b64(b'abcd')}"),
            "a key ID and nothing",
        ),
        ("root-noncanonical", good.replace(root, _noncanonical(root)), "root hash is not canonical base64"),
        ("root-31-bytes", good.replace(root, b64(ROOT[:31])), "the root hash is 31 bytes, not 32"),
        ("root-not-base64", good.replace(root, "not base64!"), "root hash is not base64"),
        ("empty-origin", _note_with_body(f"\n1234\n{root}\n"), "line 1 of the checkpoint body is empty"),
        ("two-lines", _note_with_body(f"{LOG_NAME}\n1234\n"), "at least 3 lines"),
        ("control-in-origin", good.replace(LOG_NAME + "\n", "ledger\x01\n", 1), r"control character U\+0001"),
        ("del-in-origin", good.replace(LOG_NAME + "\n", "ledger\x7f\n", 1), r"control character U\+007F"),
        ("tab-in-note", good.replace("\n1234\n", "\n1234\t\n"), r"control character U\+0009"),
        ("lone-surrogate", good.replace(LOG_NAME + "\n", "ledger\ud800\n", 1), "not valid UTF-8"),
        ("33-signatures", HEAD.body + "\n" + many, "33 signature lines; at most 32"),
        ("over-8-KiB", _note_with_body(HEAD.body + "x" * MAX_NOTE_BYTES + "\n"), "bytes; at most 8192"),
    ]


MALFORMED = _malformed()


@pytest.mark.parametrize(
    ("text", "message"), [(t, m) for _, t, m in MALFORMED], ids=[i for i, _, _ in MALFORMED]
)
def test_malformed_notes_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(NoteError, match=message):
        parse_note(text)


def test_a_note_at_the_limits_is_accepted() -> None:
    other = Ed25519PrivateKey.from_private_bytes(bytes(range(64, 96)))
    signatures = [sign_head(HEAD, f"k{i}.example", other) for i in range(32)]
    assert parse_note(with_signatures(HEAD, signatures).text).signatures == tuple(signatures)

    def note(padding: int) -> str:
        head = dataclasses.replace(HEAD, extensions=("x" * padding,))
        return with_signatures(head, [sign_head(head, LOG_NAME, LOG_KEY)]).text

    padding = MAX_NOTE_BYTES - len(note(1).encode()) + 1
    assert len(note(padding).encode()) == MAX_NOTE_BYTES
    assert parse_note(note(padding)).head.extensions == ("x" * padding,)
    with pytest.raises(NoteError, match="8193 bytes; at most 8192"):
        parse_note(note(padding + 1))


def test_a_signed_note_needs_a_signature_and_few_enough() -> None:
    with pytest.raises(NoteError, match="at least one signature"):
        with_signatures(HEAD, [])
    signature = sign_head(HEAD, LOG_NAME, LOG_KEY)
    with pytest.raises(NoteError, match="at most 32 signatures, not 33"):
        with_signatures(HEAD, [signature] * 33)
    with pytest.raises(NoteError, match="a key ID is 4 bytes, not 3"):
        NoteSignature(LOG_NAME, b"abc", signature.signature)
    with pytest.raises(NoteError, match="is empty"):
        NoteSignature(LOG_NAME, signature.key_hash, b"")
