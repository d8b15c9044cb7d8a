"""Personal data of employees (개인정보), encrypted at rest, with crypto-shredding.

The write side seals: ``keyring`` holds the master keys and their key file, ``key_store`` one
wrapped data key per employee in the event store's database, ``vault`` seals and opens the
fields. The API layer (which may import ``commands``) opens them for people allowed to see them,
and shows the rest masked (:mod:`domain.personnel.masking`).
"""

from commands.personal_data.key_store import DataKeyShredded, DataKeyStore
from commands.personal_data.keyring import KeyringError, KeyUnavailable, MasterKeyring, load_keyring
from commands.personal_data.vault import PersonalDataVault, SealedValueError

__all__ = [
    "DataKeyShredded",
    "DataKeyStore",
    "KeyUnavailable",
    "KeyringError",
    "MasterKeyring",
    "PersonalDataVault",
    "SealedValueError",
    "load_keyring",
]
