"""Ed25519 keys that sign the hash chain's checkpoints, and ``cleanledger keys``.

    cleanledger keys generate --out signing.pem    a new key pair (signing.pem, signing.pub.pem)
    cleanledger keys public                        the public key of CLEANLEDGER_SIGNING_KEY
    cleanledger keys master --out FILE             a new master key file for personal data
    cleanledger keys rotate-master                 a new master key; every data key rewrapped

``CLEANLEDGER_SIGNING_KEY`` is a path to a PEM private key (PKCS#8, as ``generate`` or
``openssl genpkey -algorithm ed25519`` writes it), the PEM text itself, or the 32-byte raw key in
base64. A key id is the first 16 hex digits of the SHA-256 of the raw 32-byte public key.

The master keys (마스터 키) wrap the data keys that seal employees' personal data
(:mod:`commands.personal_data`); ``CLEANLEDGER_MASTER_KEY`` names their key file.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import os
import sys
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from cleanledger.settings import Settings
from commands.ledger import Ledger
from commands.persistence import StoreConfig
from commands.personal_data import DataKeyStore, KeyringError, MasterKeyring


class BadKeyError(ValueError):
    """A key could not be read (not Ed25519, not PEM, not 32 bytes of base64)."""


def key_id(public_key: Ed25519PublicKey) -> str:
    return hashlib.sha256(public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)).hexdigest()[:16]


def public_pem(public_key: Ed25519PublicKey) -> str:
    return public_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode("ascii")


class Ed25519Signer:
    """Signs checkpoint messages (the :class:`projections.hash_chain.CheckpointSigner`)."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key = private_key.public_key()
        self._key_id = key_id(self.public_key)
        self._public_pem = public_pem(self.public_key)

    @property
    def key_id(self) -> str:
        return self._key_id

    @property
    def public_pem(self) -> str:
        return self._public_pem

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)


def _text_of(value: str) -> str:
    """``value`` itself if it is a key's text, or else the contents of the file it names."""
    stripped = value.strip()
    if stripped.startswith("-----BEGIN") or _raw_base64(stripped) is not None:
        return stripped
    path = Path(stripped).expanduser()
    if not path.is_file():
        msg = f"signing key: {value[:40]!r} is no PEM key, no base64 raw key, and no file"
        raise BadKeyError(msg)
    return path.read_text().strip()


def _raw_base64(text: str) -> bytes | None:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == 32 else None


def load_private_key(value: str) -> Ed25519PrivateKey:
    text = _text_of(value)
    raw = _raw_base64(text)
    if raw is not None:
        return Ed25519PrivateKey.from_private_bytes(raw)
    try:
        key = load_pem_private_key(text.encode(), password=None)
    except (ValueError, TypeError) as error:
        raise BadKeyError(f"signing key: not a PEM private key ({error})") from error
    if not isinstance(key, Ed25519PrivateKey):
        msg = f"signing key: an Ed25519 key is needed, got {type(key).__name__}"
        raise BadKeyError(msg)
    return key


def load_public_key(value: str) -> Ed25519PublicKey:
    """A public key: PEM (text or file), or a private key (whose public half is taken)."""
    text = _text_of(value)
    if "PRIVATE KEY" in text or _raw_base64(text) is not None:
        return load_private_key(text).public_key()
    try:
        key = load_pem_public_key(text.encode())
    except (ValueError, TypeError) as error:
        raise BadKeyError(f"public key: not a PEM public key ({error})") from error
    if not isinstance(key, Ed25519PublicKey):
        msg = f"public key: an Ed25519 key is needed, got {type(key).__name__}"
        raise BadKeyError(msg)
    return key


def signer_from(value: str | None) -> Ed25519Signer | None:
    """The signer the settings name, or None (checkpoints are then unsigned)."""
    return None if not value else Ed25519Signer(load_private_key(value))


def signature_valid(public_key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def generate(out: Path) -> Ed25519Signer:
    """Write a new private key to ``out`` (mode 0600) and its public key beside it (``.pub.pem``)."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    out.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    signer = Ed25519Signer(private)
    public_path(out).write_text(signer.public_pem)
    return signer


def public_path(private_path: Path) -> Path:
    return private_path.with_name(private_path.name.removesuffix(".pem") + ".pub.pem")


# --- the sub-command ----------------------------------------------------------------------------


def keys_command(_: Ledger, args: argparse.Namespace) -> int:
    if args.action in _MASTER_ACTIONS:
        return _MASTER_ACTIONS[args.action](args)
    if args.action == "generate":
        out = Path(args.out or "signing.pem")
        if out.exists():
            print(f"cleanledger: {out} exists; not overwriting a key", file=sys.stderr)
            return 1
        signer = generate(out)
        print(f"private key: {out} (keep it secret; CLEANLEDGER_SIGNING_KEY={out})", file=sys.stderr)
        print(f"public key: {public_path(out)}, key id {signer.key_id}", file=sys.stderr)
        print(signer.public_pem, end="")
        return 0
    value = args.settings.signing_key
    if not value:
        print("cleanledger: no CLEANLEDGER_SIGNING_KEY is set", file=sys.stderr)
        return 1
    signer = Ed25519Signer(load_private_key(value))
    print(f"key id {signer.key_id}", file=sys.stderr)
    print(signer.public_pem, end="")
    return 0


def master_command(args: argparse.Namespace) -> int:
    """``keys master --out FILE``: a key file of one new master key (mode 0600, never overwritten)."""
    if not args.out:
        print("cleanledger: keys master needs --out FILE", file=sys.stderr)
        return 1
    out = Path(args.out)
    ring = MasterKeyring.generate()
    try:
        ring.save(out, overwrite=False)
    except FileExistsError:
        print(f"cleanledger: {out} exists; not overwriting a key", file=sys.stderr)
        return 1
    print(f"master key file: {out} (keep it secret; CLEANLEDGER_MASTER_KEY={out})", file=sys.stderr)
    print(ring.active_key_id)
    return 0


def rotate_master_command(args: argparse.Namespace) -> int:
    """``keys rotate-master``: a new master key in CLEANLEDGER_MASTER_KEY's file, every data key
    rewrapped under it, the old keys retired; prints how many data keys were rewrapped."""
    settings: Settings = args.settings
    setting = settings.master_key
    if not setting:
        print("cleanledger: no CLEANLEDGER_MASTER_KEY is set", file=sys.stderr)
        return 1
    if setting.startswith("python:"):
        print(
            "cleanledger: CLEANLEDGER_MASTER_KEY is a keyring hook; rotate in the KMS it reads, "
            "then rewrap with DataKeyStore.rewrap_all",
            file=sys.stderr,
        )
        return 1
    path = Path(setting).expanduser()
    try:
        old = MasterKeyring.load(path)
    except (KeyringError, OSError) as error:
        print(f"cleanledger: {error}", file=sys.stderr)
        return 1
    new = old.rotated()
    # Saved with the old keys first: from the first rewrapped batch on, rows need the new key,
    # and a rotation cut short must leave a file that still opens every row (run it again).
    new.save(path)
    store = DataKeyStore(_store_config(settings))
    try:
        count = store.rewrap_all(old, new)
    except KeyringError as error:
        print(f"cleanledger: rotation stopped, {path} keeps every key: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    new.only_active().save(path)
    retired = ", ".join(sorted(old.key_ids))
    print(f"master key {new.active_key_id} in {path}; retired {retired}", file=sys.stderr)
    print(count)
    return 0


def _store_config(settings: Settings) -> StoreConfig:
    # cleanledger.wiring.store_config's fields; wiring imports this module, so not from there.
    return StoreConfig(
        database_url=settings.database_url,
        pool_size=settings.pool_size,
        max_overflow=settings.max_overflow,
        schema=settings.db_schema,
    )


_MASTER_ACTIONS = {"master": master_command, "rotate-master": rotate_master_command}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_keys = sub.add_parser(
        "keys",
        help="Ed25519 keys for the hash chain's signed checkpoints, master keys for personal data",
        description="generate: a new key pair; the private key goes to --out (mode 0600), the public "
        "key beside it (NAME.pub.pem) and to stdout. public: the public key of "
        "CLEANLEDGER_SIGNING_KEY. master: a new master key file for employees' personal data at "
        "--out (mode 0600; its key id to stdout). rotate-master: a new master key in "
        "CLEANLEDGER_MASTER_KEY's file, every data key in the store rewrapped under it and the old "
        "keys dropped from the file (the count to stdout); stop the processes that seal personal "
        "data first and restart them after, since they hold the keys they read at start.",
    )
    p_keys.add_argument("action", choices=("generate", "public", "master", "rotate-master"))
    p_keys.add_argument("--out", help="the new key file (generate: default signing.pem; master: required)")
    # Keys are made and rotated without opening the ledger: its vault needs the very key file
    # `keys master` writes, and `rotate-master` rewraps under a ring the ledger does not hold yet.
    p_keys.set_defaults(run=keys_command, needs_ledger=False)
