"""What some tests need from the machine besides Python: poppler's tools and a Korean font.

Locally a missing tool or font skips the tests that need it; with ``CI=true`` it fails them,
since .ci/run installs both (poppler-utils, fonts-noto-cjk) and a skip there would hide that a
PDF was never printed or read back.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from api.certificate_pdf import CertificateFontMissing, find_certificate_font


def missing(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: .ci/run should have installed it)")
    pytest.skip(message)


def require_tool(name: str) -> str:
    """The path of one of poppler's command-line tools (pdftotext, pdffonts, pdfinfo)."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} is not installed (Debian: poppler-utils)")
    assert path is not None
    return path


def require_korean_font() -> Path:
    """The font certificates are printed with."""
    try:
        return find_certificate_font()
    except CertificateFontMissing as error:
        missing(str(error))
        raise
