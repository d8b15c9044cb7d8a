"""The public checkpoint endpoints: pages, the latest one, the public key, and a signature that
verifies from what the API gives alone."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.serialization import load_pem_public_key
from fastapi.testclient import TestClient
from sqlalchemy import select

from api import cursors
from cleanledger.keys import generate
from cleanledger.wiring import Service
from commands.persistence import StoreConfig
from readmodels.integrity import chain_head
from tests.api.conftest import settings_for
from tests.app.books import Books
from tests.conftest import PostgresSchema


def test_checkpoints_are_published_with_their_key(store_config: StoreConfig, tmp_path: Path) -> None:
    signer = generate(tmp_path / "signing.pem")
    settings = settings_for(store_config).model_copy(
        update={"signing_key": str(tmp_path / "signing.pem"), "checkpoint_every": 2}
    )
    service = Service(settings, run_projections=True)
    try:
        with TestClient(service.app) as client:
            _published(client, service, signer)
    finally:
        service.services.read_engine.dispose()
        if store_config.is_postgres:
            PostgresSchema.drop_named(settings.read_schema)


def _published(client: TestClient, service: Service, signer: Any) -> None:
    assert client.get("/api/v1/public/checkpoints").json() == {"items": [], "next_cursor": None}
    assert client.get("/api/v1/public/checkpoints/latest").status_code == 404
    assert client.get("/api/v1/public/checkpoints/public-key").status_code == 404
    books = Books(service.ledger).ready()
    for n in range(3):
        books.line(amount=1_000 + n)
    # The served app chains and signs in-process (every 2 events here), woken by each command.
    assert service.chain_projector is not None
    assert service.chain_projector.wait_for(service.ledger.recorder.max_notification_id() or 0, 10)

    first = client.get("/api/v1/public/checkpoints", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and isinstance(first["next_cursor"], str)
    rest = client.get("/api/v1/public/checkpoints", params={"cursor": first["next_cursor"]}).json()
    every = first["items"] + rest["items"]
    assert rest["next_cursor"] is None
    after = client.get("/api/v1/public/checkpoints", params={"after": first["items"][-1]["position"]}).json()
    assert after["items"] == rest["items"]
    for wrong in ("x", "e30", first["next_cursor"][:-2]):
        refused = client.get("/api/v1/public/checkpoints", params={"cursor": wrong})
        assert (refused.status_code, refused.json()["type"]) == (400, "invalid-cursor"), wrong
    heads_cursor = cursors.encode("heads", 1)
    refused = client.get("/api/v1/public/checkpoints", params={"cursor": heads_cursor})
    assert (refused.status_code, refused.json()["type"]) == (400, "invalid-cursor")
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


def test_serve_keeps_the_hash_chain_in_process_on_the_embedded_default(
    client: TestClient, service: Service
) -> None:
    """No separate worker is needed where projections run in the API process: the served app
    follows the chain itself, woken by each command."""
    assert service.chain_projector is not None
    Books(service.ledger).ready()
    head = service.ledger.recorder.max_notification_id() or 0
    assert service.chain_projector.wait_for(head, 10)
    with service.services.read_engine.connect() as conn:
        chained = conn.execute(select(chain_head.c.position, chain_head.c.events)).one()
    assert chained.position == head
    assert chained.events == head
