"""Staffing of one department (정원 현황): who counts in it on which days, against its 정원.

Each employee's department periods come from their approved history (domain.personnel.actions.
assignments); a command that changes them records the employee's new periods here, in every
department they enter or leave, in the same save. A department's headcount on a day is the number
of periods covering it, plus those of the departments merged into it by then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id

Period = tuple[date, date | None]  # from, until (exclusive; None: open)


@dataclass(frozen=True, slots=True)
class Excess:
    """The first day a department would hold more people than its 정원."""

    department: str
    day: date
    authorised: int
    headcount: int


class Staffing(LedgerAggregate):
    org: str
    department: str
    periods: dict[UUID, tuple[Period, ...]]

    @staticmethod
    def id_for(org: str, department: str) -> UUID:
        return ledger_id("staffing", org, department)

    class Opened(LedgerAggregate.Created):
        department: str

        def apply(self, staffing: Staffing) -> None:
            staffing.org = self.org
            staffing.department = self.department
            staffing.periods = {}

    class PeriodsSet(LedgerAggregate.Event):
        employee_id: UUID
        periods: tuple[Period, ...]

        def apply(self, staffing: Staffing) -> None:
            # Replaced, never changed in place: cached copies share the dict.
            rest = {k: v for k, v in staffing.periods.items() if k != self.employee_id}
            staffing.periods = {**rest, self.employee_id: self.periods} if self.periods else rest

    @classmethod
    def open(cls, ctx: Context, department: str) -> Staffing:
        return cls.start(cls.Opened, ctx, cls.id_for(ctx.org, department), department=department)

    def set_periods(self, ctx: Context, employee_id: UUID, periods: tuple[Period, ...]) -> None:
        if self.periods.get(employee_id, ()) != periods:
            self.record(self.PeriodsSet, ctx, employee_id=employee_id, periods=periods)

    def headcount_on(self, day: date) -> int:
        return sum(1 for spans in self.periods.values() if any(_covers(span, day) for span in spans))

    def change_days(self) -> set[date]:
        return {day for spans in self.periods.values() for start, end in spans for day in (start, end) if day}


def _covers(span: Period, day: date) -> bool:
    start, end = span
    return start <= day and (end is None or day < end)


def newly_covered(new: tuple[Period, ...], old: tuple[Period, ...]) -> list[Period]:
    """The parts of ``new`` that ``old`` did not cover: the days someone begins to count. A
    period that only got shorter (a transfer out, a retirement) covers no new day."""
    pieces: list[Period] = []
    for start, end in new:
        cuts: list[Period] = [(start, end)]
        for old_start, old_end in old:
            next_cuts: list[Period] = []
            for cut_start, cut_end in cuts:
                # The piece before the old period, and the piece after it.
                if cut_start < old_start:
                    before_end = old_start if cut_end is None else min(cut_end, old_start)
                    next_cuts.append((cut_start, before_end))
                if old_end is not None and (cut_end is None or cut_end > old_end):
                    next_cuts.append((max(cut_start, old_end), cut_end))
            cuts = next_cuts
        pieces += [(s, e) for s, e in cuts if e is None or e > s]
    return pieces


def first_excess(
    department: str,
    staffing: list[Staffing],
    counts_from: dict[str, date],
    added: list[Period],
    authorised_on: Callable[[date], int | None],
    change_days: set[date],
) -> Excess | None:
    """The first day inside ``added`` (the days a command makes someone count in
    ``department``) on which its headcount would exceed its 정원. ``staffing`` holds the
    department's own staffing (already holding the new periods) and those whose people count in
    it, ``counts_from`` the day each of those begins to count; ``authorised_on`` the 정원 of a
    day, which may change on ``change_days``."""
    days = {start for start, _ in added} | change_days | set(counts_from.values())
    for record in staffing:
        days |= record.change_days()
    for day in sorted(days):
        if not any(_covers(span, day) for span in added):
            continue
        limit = authorised_on(day)
        if limit is None:
            continue
        count = sum(
            record.headcount_on(day)
            for record in staffing
            if record.department == department or counts_from.get(record.department, date.max) <= day
        )
        if count > limit:
            return Excess(department, day, limit, count)
    return None
