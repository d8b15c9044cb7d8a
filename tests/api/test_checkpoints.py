"""The public checkpoint endpoints: pages, the latest one, the public key, and a signature that
verifies from what the API gives alone."""

from __future__ import annotations

import base64
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi.testclient import TestClient

from cleanledger.keys import generate
from cleanledger.verify import build_chain_engine
from cleanledger.wiring import Service
from commands.persistence import StoreConfig
from tests.api.conftest import settings_for
from tests.app.books import Books


def test_checkpoints_are_published_with_their_key(
    client: TestClient, service: Service, store_config: StoreConfig, tmp_path: Path
) -> None:
    assert client.get("/api/v1/public/checkpoints").json() == {"checkpoints": [], "next_after": None}
    assert client.get("/api/v1/public/checkpoints/latest").status_code == 404
    assert client.get("/api/v1/public/checkpoints/public-key").status_code == 404
    books = Books(service.ledger).ready()
    for n in range(3):
        books.line(amount=1_000 + n)
    signer = generate(tmp_path / "signing.pem")
    settings = settings_for(store_config).model_copy(
        update={"signing_key": str(tmp_path / "signing.pem"), "checkpoint_every": 2}
    )
    chain = build_chain_engine(settings, service.ledger)
    try:
        chain.catch_up()
    finally:
        chain.engine.dispose()

    first = client.get("/api/v1/public/checkpoints", params={"limit": 2}).json()
    assert len(first["checkpoints"]) == 2 and first["next_after"] == first["checkpoints"][-1]["position"]
    rest = client.get("/api/v1/public/checkpoints", params={"after": first["next_after"]}).json()
    every = first["checkpoints"] + rest["checkpoints"]
    assert [c["events"] for c in every] == list(range(2, 2 * len(every) + 1, 2))
    latest = client.get("/api/v1/public/checkpoints/latest").json()
    assert latest == every[-1] and latest["key_id"] == signer.key_id
    answer = client.get("/api/v1/public/checkpoints/public-key")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-pem-file")
    assert answer.text == signer.public_pem
    by_id = client.get("/api/v1/public/checkpoints/public-key", params={"key_id": signer.key_id})
    assert by_id.text == signer.public_pem
    # what the API gives is enough to check a signature
    key = load_pem_public_key(answer.text.encode())
    message = latest["message"].encode("ascii")
    assert (
        message
        == (
            f"cleanledger checkpoint v1\nposition={latest['position']}\nhash={latest['hash']}\n"
            f"day={latest['day']}\nsigned_at={latest['signed_at']}\n"
        ).encode()
    )
    key.verify(base64.b64decode(latest["signature"]), message)  # type: ignore[union-attr]
