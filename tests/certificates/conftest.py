"""What the certificate tests need from the machine: poppler's tools and a Korean font.

Locally a missing tool or font skips the tests that need it; with ``CI=true`` it fails them,
since .ci/run installs both (poppler-utils, fonts-noto-cjk) and a skip there would hide that the
PDF was never read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.machine import require_korean_font, require_tool

__all__ = ["require_tool"]


@pytest.fixture(scope="session")
def korean_font() -> Path:
    return require_korean_font()
