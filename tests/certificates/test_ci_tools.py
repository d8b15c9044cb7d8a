"""In CI a missing pdftotext fails the tests that need it; elsewhere it skips them."""

from __future__ import annotations

import pytest

from tests.certificates.conftest import require_tool


def test_a_missing_tool_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="poppler-utils"):
        require_tool("pdftotext")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="poppler-utils"):
        require_tool("pdftotext")
