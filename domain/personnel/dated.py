"""Effective-dated values (시행일 기준): a value that changes on given days, read as of any day."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Version(Generic[T]):
    """One value, in force from ``effective_from`` until the next version's day."""

    effective_from: date
    value: T


def with_version(versions: tuple[Version[T], ...], day: date, value: T) -> tuple[Version[T], ...]:
    """The versions with ``value`` in force from ``day``: a change of the same day replaces the
    earlier one (a correction of that day's change), a backdated one slots in by date."""
    kept = tuple(v for v in versions if v.effective_from != day)
    return tuple(sorted((*kept, Version(day, value)), key=lambda v: v.effective_from))


def value_on(versions: tuple[Version[T], ...], day: date) -> T | None:
    """The value in force on ``day`` (None before the first version)."""
    index = bisect_right([v.effective_from for v in versions], day)
    return versions[index - 1].value if index else None
