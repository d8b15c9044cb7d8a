"""The committed SDK (clients/python/) is what the app's OpenAPI document generates today.

Regenerates into a temporary folder with the pinned generator and the committed config and
templates, and compares every file byte for byte. A change to a route, a model or api/openapi.py
that changes the document fails here until the SDK is regenerated and committed with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import generate_sdk


def test_the_committed_sdk_is_what_the_document_generates(tmp_path: Path) -> None:
    fresh = tmp_path / "python"
    generate_sdk.generate(fresh)  # raises on any warning of the generator
    changed = generate_sdk.differences(generate_sdk.OUTPUT, fresh)
    assert not changed, (
        f"clients/python/ differs from what the OpenAPI document generates in {len(changed)} file(s): "
        + ", ".join(changed[:20])
        + (" …" if len(changed) > 20 else "")
        + f"\nRegenerate it and commit the result: {generate_sdk.COMMAND}"
    )


def test_a_changed_document_is_caught(tmp_path: Path) -> None:
    """The check is not vacuous: another summary of one operation changes its module."""
    document = generate_sdk.build_document()
    obligate = document["paths"]["/api/v1/orgs/{org}/years/{fiscal_year}/obligations"]["post"]
    obligate["summary"] += " (changed)"
    fresh = tmp_path / "python"
    generate_sdk.generate(fresh, document)
    assert generate_sdk.differences(generate_sdk.OUTPUT, fresh) == [
        "cleanledger_client/api/commands_spending/obligate.py",
        "openapi.json",
    ]


def test_a_warning_of_the_generator_fails_generation(tmp_path: Path) -> None:
    """A media type the SDK cannot read (the PEM answer before the config mapped it) is refused."""
    document = generate_sdk.build_document()
    key = document["paths"]["/api/v1/public/checkpoints/public-key"]["get"]["responses"]["200"]
    key["content"] = {"application/x-unknown": {"schema": {"type": "string", "format": "binary"}}}
    with pytest.raises(generate_sdk.GenerationFailed, match="Unsupported content_type application/x-unknown"):
        generate_sdk.generate(tmp_path / "python", document)
    assert not (tmp_path / "python").exists()


def test_a_download_the_sdk_would_mistype_fails_generation(tmp_path: Path) -> None:
    """A text download declared as a plain string comes out as bytes typed ``str``: refused."""
    document = generate_sdk.build_document()
    key = document["paths"]["/api/v1/public/checkpoints/public-key"]["get"]["responses"]["200"]
    key["content"]["application/x-pem-file"]["schema"] = {"type": "string"}
    with pytest.raises(generate_sdk.GenerationFailed, match=r"public_checkpoint_key\.py"):
        generate_sdk.generate(tmp_path / "python", document)
