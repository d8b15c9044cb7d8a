"""Regenerate the Python SDK, ``clients/python/``, from the API's OpenAPI document.

    .venv/bin/python scripts/generate_sdk.py

Builds the document in-process (the app over a throw-away SQLite store, no server), writes it to
``clients/python/openapi.json`` and runs openapi-python-client (pinned in the ``test`` extra) over
it with ``clients/sdk/config.yaml`` and the templates in ``clients/sdk/templates/``. The output
replaces ``clients/python/`` whole: nothing there is edited by hand. The same document gives the
same bytes (the generator runs no formatter, see the config), so ``tests/sdk/test_sdk_drift.py``
regenerates into a temporary folder and compares.

Any warning of the generator fails the run: a warning means part of an operation is missing from
the SDK, which is a fault of the document to fix at its source. So does a download whose media type
and schema disagree, which the generator does not warn about (see ``_MISTYPED``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "clients" / "python"
CONFIG = ROOT / "clients" / "sdk" / "config.yaml"
TEMPLATES = ROOT / "clients" / "sdk" / "templates"
PACKAGE = "cleanledger_client"
#: What a developer runs to bring the committed SDK in step with the document.
COMMAND = ".venv/bin/python scripts/generate_sdk.py"


class GenerationFailed(RuntimeError):
    """The generator failed or warned: its output is in the message."""


@contextlib.contextmanager
def _default_settings() -> Iterator[None]:
    """No ``CLEANLEDGER_*`` variable of the caller's environment reaches the app while it builds
    the document (a limit the document states would otherwise differ from machine to machine)."""
    saved = {name: value for name, value in os.environ.items() if name.startswith("CLEANLEDGER_")}
    for name in saved:
        del os.environ[name]
    try:
        yield
    finally:
        os.environ.update(saved)


def build_document() -> dict[str, Any]:
    """The app's OpenAPI document, as ``GET /openapi.json`` serves it with the default settings."""
    # Imported here: the drift test imports this module, and only building needs the app.
    from cleanledger.settings import Settings  # noqa: PLC0415
    from cleanledger.wiring import Service  # noqa: PLC0415

    with _default_settings(), tempfile.TemporaryDirectory(prefix="cleanledger-openapi-") as folder:
        settings = Settings(
            _env_file=None,
            database_url=f"sqlite:///{Path(folder) / 'ledger.db'}",
        )
        service = Service(settings, run_projections=False)
        try:
            return service.app.openapi()
        finally:
            service.services.read_engine.dispose()
            service.ledger.close()


def document_text(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def generate(target: Path, document: dict[str, Any] | None = None) -> None:
    """Write the SDK for ``document`` (default: the app's) to ``target``, which must not exist."""
    if target.exists():
        raise FileExistsError(target)
    text = document_text(document if document is not None else build_document())
    with tempfile.TemporaryDirectory(prefix="cleanledger-sdk-") as folder:
        source = Path(folder) / "openapi.json"
        source.write_text(text, encoding="utf-8")
        out = Path(folder) / "out"
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(source),
                "--config",
                str(CONFIG),
                "--custom-template-path",
                str(TEMPLATES),
                "--meta",
                "setup",
                "--output-path",
                str(out),
                "--fail-on-warning",
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=folder,
        )
        said = (run.stdout + run.stderr).strip()
        flagged = [line for line in said.splitlines() if line.upper().startswith(("WARNING", "ERROR"))]
        if run.returncode != 0 or flagged:
            raise GenerationFailed(f"openapi-python-client (exit {run.returncode}):\n{said}")
        mismatched = _mistyped_downloads(out)
        if mismatched:
            raise GenerationFailed(
                "downloads the SDK would mistype (declare their schema as "
                '{"type": "string", "format": "binary"} in the document):\n' + "\n".join(mismatched)
            )
        (out / "openapi.json").write_text(text, encoding="utf-8")
        shutil.copytree(out, target)


#: What the generator writes, without a warning, where a download's media type and schema disagree:
#: bytes typed as ``str`` (a plain string schema under a media type read as bytes), or a ``File``
#: built from text (a binary schema under a media type read as text), which fails at run time.
_MISTYPED = ("cast(str, response.content)", "BytesIO(response.text)")


def _mistyped_downloads(out: Path) -> list[str]:
    return [
        f"  {module.relative_to(out).as_posix()}: {pattern}"
        for module in sorted((out / PACKAGE / "api").rglob("*.py"))
        for pattern in _MISTYPED
        if pattern in module.read_text(encoding="utf-8")
    ]


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path (caches left by Python or pip excluded)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not _ignored(path.relative_to(folder))
    }


def _ignored(relative: Path) -> bool:
    return any(
        part == "__pycache__" or part.endswith(".egg-info") or part in ("build", "dist")
        for part in relative.parts
    )


def differences(committed: Path, fresh: Path) -> list[str]:
    """The relative paths whose bytes differ, or that exist on one side only."""
    left, right = files(committed) if committed.exists() else {}, files(fresh)
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cleanledger-sdk-") as folder:
        fresh = Path(folder) / "python"
        try:
            generate(fresh)
        except GenerationFailed as failure:
            print(failure, file=sys.stderr)
            return 1
        changed = differences(OUTPUT, fresh)
        if OUTPUT.exists():
            shutil.rmtree(OUTPUT)
        shutil.copytree(fresh, OUTPUT)
    print(f"{OUTPUT.relative_to(ROOT)}: {len(changed)} file(s) changed" if changed else "SDK unchanged")
    for name in changed[:30]:
        print(f"  {name}")
    if len(changed) > 30:
        print(f"  … and {len(changed) - 30} more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
