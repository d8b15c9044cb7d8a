"""Master keys (마스터 키) that wrap the per-employee data keys: a keyring and its key file.

A :class:`MasterKeyring` holds 256-bit AES keys by key id (the first 16 hex digits of the
SHA-256 of the key), one of them active. The active key wraps new data keys; every key of the
ring unwraps what it once wrapped, which is what lets a rotation run while old data keys still
name the old key. A wrapped data key is ``v1:<key id>:<base64 of nonce + ciphertext>``: AES-GCM
with the subject (the employee's id) as associated data, so a wrapped key moved onto another
employee's row does not open.

Where the ring comes from is one setting, read by :func:`load_keyring`:

- a path to a key file (JSON, as :meth:`MasterKeyring.save` writes it, mode 0600), or
- ``python:package.module:attribute``: a callable taking no arguments that returns a
  :class:`MasterKeyring`. This is the hook for a KMS or an HSM: the callable fetches or
  decrypts the key material (for example by a KMS ``Decrypt`` of a stored ciphertext) and
  builds the ring with :meth:`MasterKeyring.of`, so the master key never lies on this disk.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib
import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from uuid import UUID

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
_WRAP_VERSION = "v1"
_FILE_FORMAT = "cleanledger-master-keys/1"
_HOOK_PREFIX = "python:"


class KeyringError(ValueError):
    """A key file, hook or wrapped key could not be read (no key material is ever in the text)."""


class KeyUnavailable(KeyringError, LookupError):
    """A wrapped data key names a master key this ring does not hold (retired, or another ring)."""


def key_id_of(key: bytes) -> str:
    """The id of a master key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(key).hexdigest()[:16]


class MasterKeyring:
    """Master keys by id, one active; immutable (rotation makes a new ring)."""

    def __init__(self, keys: Mapping[str, bytes], active_key_id: str) -> None:
        for kid, key in keys.items():
            if len(key) != KEY_BYTES or key_id_of(key) != kid:
                # The id is a digest of the key: a mismatch is a damaged or edited key file.
                raise KeyringError(f"master key {kid!r}: not 32 bytes, or its id does not match it")
        if active_key_id not in keys:
            raise KeyringError(f"the active master key {active_key_id!r} is not in the ring")
        self._keys = dict(keys)
        self._active = active_key_id
        self._ciphers = {kid: AESGCM(key) for kid, key in self._keys.items()}

    @classmethod
    def of(cls, active: bytes, *older: bytes) -> MasterKeyring:
        """A ring of raw keys: ``active`` wraps, ``older`` only unwrap (for KMS hooks and tests)."""
        keys = {key_id_of(key): key for key in (*older, active)}
        return cls(keys, key_id_of(active))

    @classmethod
    def generate(cls) -> MasterKeyring:
        """A ring of one fresh random key."""
        return cls.of(AESGCM.generate_key(bit_length=256))

    @property
    def active_key_id(self) -> str:
        return self._active

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(self._keys)

    def __contains__(self, key_id: object) -> bool:
        return key_id in self._keys

    def __repr__(self) -> str:
        # Ids only: a ring printed in a log or a traceback shows no key material.
        return f"MasterKeyring(active={self._active!r}, keys={sorted(self._keys)!r})"

    # --- wrapping -------------------------------------------------------------------------------

    def wrap(self, data_key: bytes, subject: UUID) -> str:
        """``data_key`` sealed under the active master key, bound to ``subject``."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._ciphers[self._active].encrypt(nonce, data_key, subject.bytes)
        return f"{_WRAP_VERSION}:{self._active}:{base64.b64encode(nonce + sealed).decode('ascii')}"

    def unwrap(self, wrapped: str, subject: UUID) -> bytes:
        """The data key in ``wrapped``; :class:`KeyUnavailable` if its master key is not here."""
        version, kid, blob = _split_wrapped(wrapped)
        if version != _WRAP_VERSION:
            raise KeyringError(f"wrapped data key of unknown version {version!r}")
        cipher = self._ciphers.get(kid)
        if cipher is None:
            raise KeyUnavailable(
                f"the data key of {subject} is wrapped under master key {kid}, which this ring "
                f"(keys {', '.join(sorted(self._keys))}) does not hold"
            )
        try:
            return cipher.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], subject.bytes)
        except InvalidTag:
            raise KeyringError(
                f"the wrapped data key of {subject} does not open under master key {kid}: altered, "
                "or wrapped for another subject"
            ) from None

    # --- rotation -------------------------------------------------------------------------------

    def rotated(self) -> MasterKeyring:
        """A new ring: a fresh active key, and every key of this one to unwrap the old data keys."""
        fresh = AESGCM.generate_key(bit_length=256)
        return MasterKeyring({**self._keys, key_id_of(fresh): fresh}, key_id_of(fresh))

    def without(self, key_id: str) -> MasterKeyring:
        """This ring without ``key_id`` (retiring a master key after every data key was rewrapped)."""
        if key_id == self._active:
            raise KeyringError(f"master key {key_id} is the active key; rotate before retiring it")
        if key_id not in self._keys:
            raise KeyUnavailable(f"master key {key_id} is not in the ring")
        return MasterKeyring({k: v for k, v in self._keys.items() if k != key_id}, self._active)

    def only_active(self) -> MasterKeyring:
        """This ring with every key but the active one retired."""
        return MasterKeyring({self._active: self._keys[self._active]}, self._active)

    # --- the key file ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> MasterKeyring:
        """The ring in a key file written by :meth:`save`."""
        try:
            document = orjson.loads(Path(path).expanduser().read_bytes())
            if document.get("format") != _FILE_FORMAT:
                raise KeyringError(f"{path}: not a master key file ({_FILE_FORMAT})")
            keys = {
                str(entry["id"]): base64.b64decode(entry["key"], validate=True) for entry in document["keys"]
            }
            return cls(keys, str(document["active"]))
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError, binascii.Error) as error:
            # The error's own text could quote the file; name only its kind.
            raise KeyringError(f"{path}: a damaged master key file ({type(error).__name__})") from None

    def save(self, path: str | Path, *, overwrite: bool = True) -> None:
        """Write the ring to ``path`` atomically, mode 0600 (``overwrite=False``: refuse an existing file).

        The file is written beside ``path`` and renamed (or hard-linked, when not overwriting)
        into place, so a reader sees the old file or the new one, never half of one.
        """
        target = Path(path).expanduser()
        target.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "format": _FILE_FORMAT,
            "active": self._active,
            "keys": [
                {"id": kid, "key": base64.b64encode(key).decode("ascii")} for kid, key in self._keys.items()
            ],
        }
        # mkstemp creates the file with mode 0600 before a byte of key is written to it.
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(orjson.dumps(document, option=orjson.OPT_INDENT_2))
                file.flush()
                os.fsync(file.fileno())
            if overwrite:
                os.replace(temporary, target)
            else:
                os.link(temporary, target)  # fails with FileExistsError, atomically
                os.unlink(temporary)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _fsync_directory(target.parent)


def _split_wrapped(wrapped: str) -> tuple[str, str, bytes]:
    parts = wrapped.split(":")
    if len(parts) != 3:
        raise KeyringError("a wrapped data key must read v1:<key id>:<base64>")
    try:
        blob = base64.b64decode(parts[2], validate=True)
    except binascii.Error:
        raise KeyringError("a wrapped data key's ciphertext is not base64") from None
    if len(blob) <= NONCE_BYTES:
        raise KeyringError("a wrapped data key is too short")
    return parts[0], parts[1], blob


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (on POSIX; Windows has no directory descriptors)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def load_keyring(setting: str) -> MasterKeyring:
    """The ring a setting names: a key file's path, or ``python:package.module:attribute``.

    The hook form imports ``package.module``, calls ``attribute`` with no arguments and expects
    a :class:`MasterKeyring` back, e.g. ``CLEANLEDGER_MASTER_KEY=python:ops.kms:master_keyring``
    where ``ops/kms.py`` asks the KMS for the key and returns ``MasterKeyring.of(key)``.
    """
    if not setting.startswith(_HOOK_PREFIX):
        return MasterKeyring.load(setting)
    module_name, _, attribute = setting.removeprefix(_HOOK_PREFIX).partition(":")
    if not module_name or not attribute:
        raise KeyringError(f"a keyring hook reads python:package.module:attribute, got {setting!r}")
    try:
        hook: object = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise KeyringError(f"keyring hook {setting!r}: {error}") from error
    if not callable(hook):
        raise KeyringError(f"keyring hook {setting!r} is not callable")
    ring = hook()
    if not isinstance(ring, MasterKeyring):
        raise KeyringError(f"keyring hook {setting!r} returned {type(ring).__name__}, not a MasterKeyring")
    return ring
