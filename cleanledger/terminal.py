"""Text for a terminal, where Hangul takes two columns, and a progress bar for long work."""

from __future__ import annotations

import sys
import time
import unicodedata
from typing import TextIO


def width(text: str) -> int:
    """Display width in a terminal: Hangul and other wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """``text`` filled with spaces to ``columns`` display columns (on the left if ``right``)."""
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill


class ProgressBar:
    """One line on stderr, redrawn in place with ``\\r``: done/total events, rate and ETA.

    On a terminal it is redrawn five times a second; into a log it prints a line every few
    seconds instead, and always the last one.
    """

    def __init__(self, label: str, stream: TextIO | None = None, unit: str = "events") -> None:
        self.label = label
        self.unit = unit
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.interval = 0.2 if self.interactive else 5.0
        self.started = time.monotonic()
        self._shown = 0.0
        self._width = 0

    def update(self, done: int, total: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self._shown < self.interval:
            return
        self._shown = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        total = max(total, done)
        percent = 100.0 * done / total if total else 100.0
        eta = _duration((total - done) / rate) if rate > 0 else "?"
        line = (
            f"{self.label}: {done:,}/{total:,} {self.unit} ({percent:.0f}%)  {rate:,.0f} {self.unit}/s  "
            f"{'took ' + _duration(elapsed) if final else 'ETA ' + eta}"
        )
        if self.interactive:
            padding = " " * max(0, self._width - len(line))
            self._width = len(line)
            print(f"\r{line}{padding}", end="\n" if final else "", file=self.stream, flush=True)
        else:
            print(line, file=self.stream, flush=True)


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
