"""Text for a terminal, where Hangul takes two columns."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Display width in a terminal: Hangul and other wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``columns`` display columns (on the left if ``right``)."""
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill
