"""The personal-data vault (개인정보 금고): seal an employee's personal data, open it, erase it.

:meth:`PersonalDataVault.seal` turns a mapping of fields (name, resident registration number,
address, …) into ``pd1:<base64 of nonce + ciphertext>``: the fields as JSON (orjson), AES-GCM
under the employee's own data key with the employee's id as associated data. An event records
only that string; the plain text is never stored. The associated data binds the value to its
subject: copied onto another employee's event it does not open, even were the keys the same.

Data keys are not cached here: every open reads the key row, so a shred in another process
takes effect at the next read, not when a cache expires.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from commands.personal_data.key_store import DataKeyStore
from commands.personal_data.keyring import NONCE_BYTES, MasterKeyring

PREFIX = "pd1:"


class SealedValueError(ValueError):
    """A sealed value does not open: malformed, altered, or sealed for another subject.

    The message names the subject and the kind of failure, never a field's value.
    """


class PersonalDataVault:
    """Seals and opens personal data with per-subject data keys kept in ``store``."""

    def __init__(self, keyring: MasterKeyring, store: DataKeyStore) -> None:
        self._keyring = keyring
        self._store = store

    @property
    def keyring(self) -> MasterKeyring:
        return self._keyring

    def seal(self, subject: UUID, fields: Mapping[str, Any]) -> str:
        """``fields`` encrypted for ``subject``; the subject's data key is made on first use.

        Values must be JSON-able (str, int, float, bool, None, lists, dicts; dates become ISO
        strings). Raises :class:`~commands.personal_data.key_store.DataKeyShredded` for a subject
        whose data was erased.
        """
        try:
            plain = orjson.dumps(dict(fields))
        except TypeError:
            # orjson's message names only the offending type; dropping it keeps values out anyway.
            raise SealedValueError(f"personal data of {subject}: a field is not JSON-able") from None
        key = self._store.get_or_create(subject, self._keyring)
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = AESGCM(key).encrypt(nonce, plain, subject.bytes)
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def unseal(self, subject: UUID, sealed: str) -> dict[str, Any] | None:
        """The fields sealed for ``subject``, or None if their data key was shredded (erased)."""
        blob = _blob_of(subject, sealed)
        key = self._store.data_key(subject, self._keyring)
        if key is None:
            if self._store.is_shredded(subject):
                return None
            # No key was ever made for this subject: the value was sealed for someone else.
            raise SealedValueError(f"personal data sealed for another subject than {subject}")
        try:
            plain = AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], subject.bytes)
        except InvalidTag:
            raise SealedValueError(
                f"personal data of {subject} does not open: altered, or sealed for another subject"
            ) from None
        fields = orjson.loads(plain)
        if not isinstance(fields, dict):
            raise SealedValueError(f"personal data of {subject} is not a mapping of fields")
        return fields

    def close(self) -> None:
        """Close the key store's connections (the ledger closes its vault with itself)."""
        self._store.close()

    def erase(self, subject: UUID, reason: str) -> bool:
        """Shred the subject's data key: every value ever sealed for them is unreadable from now on."""
        return self._store.shred(subject, reason)

    def rotate(self, new_keyring: MasterKeyring) -> int:
        """Rewrap every data key under ``new_keyring``'s active key and use that ring from now on.

        Save ``new_keyring`` first (see :meth:`DataKeyStore.rewrap_all`). The number rewrapped.
        """
        count = self._store.rewrap_all(self._keyring, new_keyring)
        self._keyring = new_keyring
        return count


def _blob_of(subject: UUID, sealed: str) -> bytes:
    if not sealed.startswith(PREFIX):
        raise SealedValueError(f"personal data of {subject}: not a sealed value ({PREFIX}…)")
    try:
        blob = base64.b64decode(sealed.removeprefix(PREFIX), validate=True)
    except binascii.Error:
        raise SealedValueError(f"personal data of {subject}: a sealed value is not base64") from None
    if len(blob) <= NONCE_BYTES:
        raise SealedValueError(f"personal data of {subject}: a sealed value is too short")
    return blob
