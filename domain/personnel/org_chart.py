"""An organisation's chart (조직): departments (부서), grades and steps (직급·호봉), positions (직위),
authorised headcount (정원) and the organisation's personnel rules, every one effective-dated.

One chart per organisation. Nothing is ever deleted: a department is abolished or merged from a
day, a grade or position retired from a day, and every past day still reads as it was. A change
dated in the past slots in by its day (the history of what was known stays in the log).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import InvalidInput, MalformedCode
from domain.personnel.dated import Version, value_on, with_version
from domain.personnel.errors import ChartRuleBroken, UnknownDepartment, UnknownGrade, UnknownPosition

# ASCII only (``[0-9A-Z]``, never ``\w``), matched whole.
_DEPARTMENT_RE = re.compile(r"[0-9A-Z]{2,10}")
_GRADE_RE = re.compile(r"[0-9A-Z]{1,10}")
_POSITION_RE = re.compile(r"[0-9A-Z]{1,10}")
MAX_STEPS = 99
MAX_HEADCOUNT = 100_000


def department_code(value: str) -> str:
    if not isinstance(value, str) or not _DEPARTMENT_RE.fullmatch(value):
        raise MalformedCode(f"department code must be 2–10 upper-case letters or digits, got {value!r}")
    return value


def grade_code(value: str) -> str:
    if not isinstance(value, str) or not _GRADE_RE.fullmatch(value):
        raise MalformedCode(f"grade code must be 1–10 upper-case letters or digits, got {value!r}")
    return value


def position_code(value: str) -> str:
    if not isinstance(value, str) or not _POSITION_RE.fullmatch(value):
        raise MalformedCode(f"position code must be 1–10 upper-case letters or digits, got {value!r}")
    return value


class DepartmentStatus(StrEnum):
    ACTIVE = "active"
    ABOLISHED = "abolished"  # 폐지
    MERGED = "merged"  # 통합: its people and 정원 belong to ``merged_into`` from that day


class HeadcountPolicy(StrEnum):
    """What a department over its 정원 does: refuse the action, or record it flagged."""

    REFUSE = "refuse"
    FLAG = "flag"


class LeaveKind(StrEnum):
    UNPAID = "unpaid"  # 무급 휴직 (개인 사유)
    PARENTAL = "parental"  # 육아휴직
    SICK = "sick"  # 질병휴직


@dataclass(frozen=True, slots=True)
class Department:
    name: str
    parent: str | None
    status: DepartmentStatus = DepartmentStatus.ACTIVE
    merged_into: str | None = None


@dataclass(frozen=True, slots=True)
class Grade:
    """직급: ``rank`` orders grades (greater is senior: a promotion goes up), ``band`` is the
    public aggregate's grade band (직급군), ``max_step`` the top 호봉."""

    name: str
    rank: int
    band: str
    max_step: int
    retired: bool = False


@dataclass(frozen=True, slots=True)
class Position:
    title: str
    retired: bool = False


@dataclass(frozen=True, slots=True)
class PersonnelRules:
    """The organisation's settings (인사 규정) the actions are checked against."""

    headcount_policy: HeadcountPolicy = HeadcountPolicy.REFUSE
    #: Kinds of leave during which promotion and step increases still count (육아휴직: yes).
    #: A tuple, sorted (events are JSON: a set has no order and no JSON form).
    advancing_leave: tuple[LeaveKind, ...] = (LeaveKind.PARENTAL,)
    #: Years personal data is kept after retirement before it may be erased (보존기간).
    retention_years: int = 5


class OrgChart(LedgerAggregate):
    """The organisation chart (조직도) of one organisation."""

    org: str
    departments: dict[str, tuple[Version[Department], ...]]
    grades: dict[str, tuple[Version[Grade], ...]]
    positions: dict[str, tuple[Version[Position], ...]]
    authorised: dict[str, tuple[Version[int], ...]]
    rules: PersonnelRules

    @staticmethod
    def id_for(org: str) -> UUID:
        return ledger_id("org-chart", org)

    # Every ``apply`` replaces a dict rather than changing it: the repository's cached copies
    # share the dicts (domain.base.LedgerAggregate.__deepcopy__).

    class Opened(LedgerAggregate.Created):
        def apply(self, chart: OrgChart) -> None:
            chart.org = self.org
            chart.departments = {}
            chart.grades = {}
            chart.positions = {}
            chart.authorised = {}
            chart.rules = PersonnelRules()

    class DepartmentChanged(LedgerAggregate.Event):
        """A department created, renamed, merged or abolished from ``effective_from``."""

        code: str
        effective_from: date
        department: Department

        def apply(self, chart: OrgChart) -> None:
            versions = chart.departments.get(self.code, ())
            chart.departments = {
                **chart.departments,
                self.code: with_version(versions, self.effective_from, self.department),
            }

    class GradeDefined(LedgerAggregate.Event):
        code: str
        effective_from: date
        grade: Grade

        def apply(self, chart: OrgChart) -> None:
            versions = chart.grades.get(self.code, ())
            chart.grades = {
                **chart.grades,
                self.code: with_version(versions, self.effective_from, self.grade),
            }

    class PositionDefined(LedgerAggregate.Event):
        code: str
        effective_from: date
        position: Position

        def apply(self, chart: OrgChart) -> None:
            versions = chart.positions.get(self.code, ())
            chart.positions = {
                **chart.positions,
                self.code: with_version(versions, self.effective_from, self.position),
            }

    class AuthorisedHeadcountSet(LedgerAggregate.Event):
        department: str
        effective_from: date
        headcount: int

        def apply(self, chart: OrgChart) -> None:
            versions = chart.authorised.get(self.department, ())
            chart.authorised = {
                **chart.authorised,
                self.department: with_version(versions, self.effective_from, self.headcount),
            }

    class RulesSet(LedgerAggregate.Event):
        rules: PersonnelRules

        def apply(self, chart: OrgChart) -> None:
            chart.rules = self.rules

    # --- commands -----------------------------------------------------------------------------

    @classmethod
    def open(cls, ctx: Context) -> OrgChart:
        return cls.start(cls.Opened, ctx, cls.id_for(ctx.org))

    def create_department(
        self, ctx: Context, code: str, name: str, parent: str | None, effective_from: date
    ) -> None:
        code = department_code(code)
        name = text.DEPARTMENT.check(name, "name")
        if self.department_on(code, effective_from) is not None or self._ever(code, effective_from):
            raise ChartRuleBroken(f"department {code} exists on {effective_from} already", department=code)
        if parent is not None:
            self._active(department_code(parent), effective_from, "parent")
        self.record(
            self.DepartmentChanged,
            ctx,
            code=code,
            effective_from=effective_from,
            department=Department(name, parent),
        )

    def rename_department(self, ctx: Context, code: str, name: str, effective_from: date) -> None:
        current = self._active(department_code(code), effective_from, "department")
        name = text.DEPARTMENT.check(name, "name")
        self.record(
            self.DepartmentChanged,
            ctx,
            code=code,
            effective_from=effective_from,
            department=Department(name, current.parent),
        )

    def abolish_department(self, ctx: Context, code: str, effective_from: date, staffed: int) -> None:
        """폐지: only an empty department with no active sub-department."""
        current = self._active(department_code(code), effective_from, "department")
        if staffed:
            raise ChartRuleBroken(
                f"department {code} still holds {staffed} people on {effective_from}: transfer them first",
                department=code,
                staffed=staffed,
            )
        self._refuse_children(code, effective_from)
        self.record(
            self.DepartmentChanged,
            ctx,
            code=code,
            effective_from=effective_from,
            department=Department(current.name, current.parent, DepartmentStatus.ABOLISHED),
        )

    def merge_department(self, ctx: Context, absorbed: str, into: str, effective_from: date) -> None:
        """통합: ``absorbed`` closes and its people and 정원 count in ``into`` from that day."""
        current = self._active(department_code(absorbed), effective_from, "department")
        self._active(department_code(into), effective_from, "department merged into")
        if absorbed == into:
            raise ChartRuleBroken(f"department {absorbed} cannot be merged into itself", department=absorbed)
        self._refuse_children(absorbed, effective_from)
        self.record(
            self.DepartmentChanged,
            ctx,
            code=absorbed,
            effective_from=effective_from,
            department=Department(current.name, current.parent, DepartmentStatus.MERGED, into),
        )

    def define_grade(
        self, ctx: Context, code: str, name: str, rank: int, band: str, max_step: int, effective_from: date
    ) -> None:
        code = grade_code(code)
        name = text.NAME.check(name, "name")
        band = text.NAME.check(band, "band")
        if isinstance(rank, bool) or not isinstance(rank, int) or not 0 <= rank <= 1_000:
            raise InvalidInput(f"grade rank must be a whole number 0–1000, got {rank!r}")
        if isinstance(max_step, bool) or not isinstance(max_step, int) or not 1 <= max_step <= MAX_STEPS:
            raise InvalidInput(f"a grade has 1–{MAX_STEPS} steps (호봉), got {max_step!r}")
        self.record(
            self.GradeDefined,
            ctx,
            code=code,
            effective_from=effective_from,
            grade=Grade(name, rank, band, max_step),
        )

    def retire_grade(self, ctx: Context, code: str, effective_from: date) -> None:
        current = self.grade_on(grade_code(code), effective_from)
        self.record(
            self.GradeDefined,
            ctx,
            code=code,
            effective_from=effective_from,
            grade=Grade(current.name, current.rank, current.band, current.max_step, retired=True),
        )

    def define_position(self, ctx: Context, code: str, title: str, effective_from: date) -> None:
        code = position_code(code)
        title = text.NAME.check(title, "title")
        self.record(
            self.PositionDefined, ctx, code=code, effective_from=effective_from, position=Position(title)
        )

    def set_authorised_headcount(
        self, ctx: Context, department: str, headcount: int, effective_from: date
    ) -> None:
        self._active(department_code(department), effective_from, "department")
        if (
            isinstance(headcount, bool)
            or not isinstance(headcount, int)
            or not 0 <= headcount <= MAX_HEADCOUNT
        ):
            raise InvalidInput(f"authorised headcount (정원) must be 0–{MAX_HEADCOUNT}, got {headcount!r}")
        self.record(
            self.AuthorisedHeadcountSet,
            ctx,
            department=department,
            effective_from=effective_from,
            headcount=headcount,
        )

    def set_rules(self, ctx: Context, rules: PersonnelRules) -> None:
        self.record(self.RulesSet, ctx, rules=rules)

    # --- queries --------------------------------------------------------------------------------

    def department_on(self, code: str, day: date) -> Department | None:
        """The department as it is on ``day``, if it exists then and is active."""
        found = value_on(self.departments.get(code, ()), day)
        return found if found is not None and found.status is DepartmentStatus.ACTIVE else None

    def department_as_of(self, code: str, day: date) -> Department | None:
        """Its version on ``day`` whatever its status (for reports of the past)."""
        return value_on(self.departments.get(code, ()), day)

    def check_department(self, code: str, day: date) -> Department:
        found = self.department_on(code, day)
        if found is None:
            raise UnknownDepartment(
                f"no active department {code} in organisation {self.org} on {day}",
                department=code,
                date=day.isoformat(),
            )
        return found

    def grade_on(self, code: str, day: date) -> Grade:
        found = value_on(self.grades.get(code, ()), day)
        if found is None or found.retired:
            raise UnknownGrade(
                f"no grade {code} in organisation {self.org} on {day}", grade=code, date=day.isoformat()
            )
        return found

    def check_step(self, grade: str, step: int, day: date) -> Grade:
        found = self.grade_on(grade, day)
        if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= found.max_step:
            raise UnknownGrade(
                f"grade {grade} has steps 1–{found.max_step} on {day}, not {step!r}",
                grade=grade,
                step=str(step),
                max_step=found.max_step,
                date=day.isoformat(),
            )
        return found

    def position_on(self, code: str, day: date) -> Position:
        found = value_on(self.positions.get(code, ()), day)
        if found is None or found.retired:
            raise UnknownPosition(
                f"no position {code} in organisation {self.org} on {day}", position=code, date=day.isoformat()
            )
        return found

    def merged_into(self, code: str) -> tuple[str, date] | None:
        """The department ``code`` merged into, and from which day, if it did."""
        for version in self.departments.get(code, ()):
            merged = version.value
            if merged.status is DepartmentStatus.MERGED and merged.merged_into is not None:
                return merged.merged_into, version.effective_from
        return None

    def abolished_on(self, code: str) -> date | None:
        for version in self.departments.get(code, ()):
            if version.value.status is DepartmentStatus.ABOLISHED:
                return version.effective_from
        return None

    def counted_in(self, code: str, day: date) -> str:
        """Where the people of ``code`` count on ``day``: itself, or the department it merged
        into by then (following a chain of merges)."""
        seen = {code}
        while (merged := self.merged_into(code)) is not None and merged[1] <= day and merged[0] not in seen:
            code = merged[0]
            seen.add(code)
        return code

    def absorbed(self, code: str) -> dict[str, date]:
        """Every department whose people count in ``code`` from some day (merged into it, or into
        one merged into it), with the first day they count in it."""
        found: dict[str, date] = {}
        pending = [(code, date.min)]
        while pending:
            target, since = pending.pop()
            for other in self.departments:
                merged = self.merged_into(other)
                if merged is not None and merged[0] == target and other not in found and other != code:
                    found[other] = max(since, merged[1])
                    pending.append((other, found[other]))
        return found

    def authorised_on(self, code: str, day: date) -> int | None:
        """정원 of ``code`` on ``day``, with the 정원 of the departments merged into it by then
        (their posts move with their people); None when none of them has one (not limited)."""
        values = [value_on(self.authorised.get(code, ()), day)]
        values += [
            value_on(self.authorised.get(other, ()), day)
            for other, since in self.absorbed(code).items()
            if since <= day
        ]
        set_values = [v for v in values if v is not None]
        return sum(set_values) if set_values else None

    def change_days(self, code: str) -> set[date]:
        """Days the 정원 of ``code`` may change: its own changes, those of the departments merged
        into it, and the merge days."""
        days = {v.effective_from for v in self.authorised.get(code, ())}
        for other, since in self.absorbed(code).items():
            days.add(since)
            days |= {v.effective_from for v in self.authorised.get(other, ())}
        return days

    # --- helpers ----------------------------------------------------------------------------------

    def _ever(self, code: str, day: date) -> bool:
        """A code once used stays used: an abolished department is not re-created under its code
        (past reports would mix the two)."""
        return code in self.departments

    def _active(self, code: str, day: date, what: str) -> Department:
        found = self.department_on(code, day)
        if found is None:
            raise UnknownDepartment(
                f"{what} {code} is not an active department of organisation {self.org} on {day}",
                department=code,
                date=day.isoformat(),
            )
        return found

    def _refuse_children(self, code: str, day: date) -> None:
        children = sorted(
            other
            for other in self.departments
            if (found := self.department_on(other, day)) is not None and found.parent == code
        )
        if children:
            raise ChartRuleBroken(
                f"department {code} still has active sub-departments on {day}: {', '.join(children)}",
                department=code,
            )
