"""The master keyring: wrapping data keys, the key file, rotation and the KMS hook."""

from __future__ import annotations

import base64
import json
import os
import stat
import uuid
from pathlib import Path

import pytest

from commands.personal_data import KeyringError, KeyUnavailable, MasterKeyring, load_keyring
from commands.personal_data.keyring import key_id_of

SUBJECT = uuid.UUID("6f1c2a9e-0000-4000-8000-000000000001")
OTHER = uuid.UUID("6f1c2a9e-0000-4000-8000-000000000002")
DATA_KEY = bytes(range(32))

#: The key the hook below hands out (a KMS would fetch or decrypt it).
HOOK_KEY = bytes.fromhex("11" * 32)


def hooked_ring() -> MasterKeyring:
    return MasterKeyring.of(HOOK_KEY)


NOT_A_RING = "a string, not a ring"


def not_a_ring() -> str:
    return NOT_A_RING


def test_a_wrapped_key_names_its_master_key_and_unwraps_for_its_subject() -> None:
    ring = MasterKeyring.generate()
    wrapped = ring.wrap(DATA_KEY, SUBJECT)
    version, kid, _ = wrapped.split(":")
    assert (version, kid) == ("v1", ring.active_key_id)
    assert ring.unwrap(wrapped, SUBJECT) == DATA_KEY
    assert DATA_KEY.hex() not in wrapped
    assert ring.wrap(DATA_KEY, SUBJECT) != wrapped  # a fresh nonce every time


def test_the_key_id_is_the_head_of_the_keys_sha256() -> None:
    ring = MasterKeyring.of(HOOK_KEY)
    assert ring.active_key_id == key_id_of(HOOK_KEY) == "02d449a31fbb267c"
    assert len(ring.active_key_id) == 16


def test_a_wrapped_key_does_not_open_for_another_subject_or_altered() -> None:
    ring = MasterKeyring.generate()
    wrapped = ring.wrap(DATA_KEY, SUBJECT)
    with pytest.raises(KeyringError, match="another subject"):
        ring.unwrap(wrapped, OTHER)
    head, blob = wrapped.rsplit(":", 1)
    flipped = blob[:-4] + ("AAAA" if blob[-4:] != "AAAA" else "BBBB")
    with pytest.raises(KeyringError, match="altered"):
        ring.unwrap(f"{head}:{flipped}", SUBJECT)
    for malformed in ("", "v1:abc", "v2:" + wrapped.split(":", 1)[1], "v1:x:not base64!", "v1:x:AAAA"):
        with pytest.raises(KeyringError):
            ring.unwrap(malformed, SUBJECT)


def test_a_key_of_another_ring_is_refused_as_unavailable_naming_the_key() -> None:
    ring, other = MasterKeyring.generate(), MasterKeyring.generate()
    wrapped = other.wrap(DATA_KEY, SUBJECT)
    with pytest.raises(KeyUnavailable, match=other.active_key_id):
        ring.unwrap(wrapped, SUBJECT)


def test_a_rotated_ring_wraps_with_a_new_key_and_still_unwraps_the_old() -> None:
    ring = MasterKeyring.generate()
    old_wrapped = ring.wrap(DATA_KEY, SUBJECT)
    rotated = ring.rotated()
    assert rotated.active_key_id != ring.active_key_id
    assert rotated.key_ids == ring.key_ids | {rotated.active_key_id}
    assert rotated.unwrap(old_wrapped, SUBJECT) == DATA_KEY
    assert rotated.wrap(DATA_KEY, SUBJECT).split(":")[1] == rotated.active_key_id

    retired = rotated.without(ring.active_key_id)
    assert retired.key_ids == {rotated.active_key_id}
    assert retired.key_ids == rotated.only_active().key_ids
    with pytest.raises(KeyUnavailable):
        retired.unwrap(old_wrapped, SUBJECT)
    with pytest.raises(KeyringError, match="active key"):
        rotated.without(rotated.active_key_id)
    with pytest.raises(KeyUnavailable):
        retired.without(ring.active_key_id)


def test_the_ring_never_shows_its_key_material() -> None:
    ring = MasterKeyring.of(HOOK_KEY)
    assert HOOK_KEY.hex() not in repr(ring)
    assert base64.b64encode(HOOK_KEY).decode() not in repr(ring)
    assert ring.active_key_id in repr(ring)


def test_a_ring_refuses_keys_that_do_not_match_their_ids_or_an_absent_active_key() -> None:
    with pytest.raises(KeyringError, match="id does not match"):
        MasterKeyring({"0000000000000000": HOOK_KEY}, "0000000000000000")
    with pytest.raises(KeyringError, match="not 32 bytes"):
        MasterKeyring({key_id_of(b"short"): b"short"}, key_id_of(b"short"))
    with pytest.raises(KeyringError, match="not in the ring"):
        MasterKeyring({key_id_of(HOOK_KEY): HOOK_KEY}, "ffffffffffffffff")


def test_the_key_file_round_trips_with_mode_0600(tmp_path: Path) -> None:
    ring = MasterKeyring.generate().rotated()
    path = tmp_path / "keys" / "master.json"
    ring.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = MasterKeyring.load(path)
    assert (loaded.active_key_id, loaded.key_ids) == (ring.active_key_id, ring.key_ids)
    assert loaded.unwrap(ring.wrap(DATA_KEY, SUBJECT), SUBJECT) == DATA_KEY
    assert os.listdir(path.parent) == ["master.json"]  # no temporary file left beside it


def test_saving_replaces_atomically_or_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "master.json"
    first, second = MasterKeyring.generate(), MasterKeyring.generate()
    first.save(path, overwrite=False)
    with pytest.raises(FileExistsError):
        second.save(path, overwrite=False)
    assert MasterKeyring.load(path).active_key_id == first.active_key_id
    second.save(path)
    assert MasterKeyring.load(path).active_key_id == second.active_key_id
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["master.json"]


def test_a_damaged_key_file_is_refused_without_quoting_it(tmp_path: Path) -> None:
    path = tmp_path / "master.json"
    ring = MasterKeyring.generate()
    ring.save(path)
    document = json.loads(path.read_text())
    secret = document["keys"][0]["key"]
    document["keys"][0]["key"] = secret[:-4] + "AAA="
    path.write_text(json.dumps(document))
    with pytest.raises(KeyringError) as refused:
        MasterKeyring.load(path)
    assert secret[:20] not in str(refused.value)
    for text in ("{", "[]", '{"format": "other"}', '{"format": "cleanledger-master-keys/1"}'):
        path.write_text(text)
        with pytest.raises(KeyringError):
            MasterKeyring.load(path)


def test_load_keyring_reads_a_key_file_or_calls_a_python_hook(tmp_path: Path) -> None:
    path = tmp_path / "master.json"
    ring = MasterKeyring.generate()
    ring.save(path)
    assert load_keyring(str(path)).active_key_id == ring.active_key_id

    hooked = load_keyring(f"python:{__name__}:hooked_ring")
    assert hooked.active_key_id == key_id_of(HOOK_KEY)
    assert hooked.unwrap(MasterKeyring.of(HOOK_KEY).wrap(DATA_KEY, SUBJECT), SUBJECT) == DATA_KEY


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("python:no_such_module_xyz:ring", "No module named"),
        (f"python:{__name__}:absent_attribute", "absent_attribute"),
        (f"python:{__name__}:NOT_A_RING", "not callable"),
        (f"python:{__name__}:not_a_ring", "returned str"),
        (f"python:{__name__}", "python:package.module:attribute"),
    ],
)
def test_a_bad_hook_is_refused_clearly(setting: str, message: str) -> None:
    with pytest.raises(KeyringError, match=message):
        load_keyring(setting)
