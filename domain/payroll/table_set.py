"""The tables one organisation's payroll reads, indexed for a month's batch (급여 기준표 묶음).

Built once per run from the loaded tables (:class:`domain.payroll.table.PayrollTable`); every
lookup takes the day it is for, and answers from the rows in force then, cached per day, so a
20 000-employee month asks each table a handful of times, not once per employee.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import lru_cache

from domain.payroll.errors import TableMissing
from domain.payroll.rounding import percent, scaled, truncate
from domain.payroll.tables import Row, TableKind, in_force

MAX_FAMILY_COLUMN = 11


@dataclass(frozen=True, slots=True)
class Contribution:
    """One contribution's rule on a day (4대 보험, 지방소득세)."""

    employee_rate: Fraction
    employer_rate: Fraction
    base_floor: int | None
    base_cap: int | None
    base_unit: int
    amount_unit: int

    def base(self, pay: int) -> int:
        """The monthly base: truncated to its unit, then within floor and cap."""
        base = truncate(pay, self.base_unit)
        if self.base_floor is not None:
            base = max(base, self.base_floor)
        if self.base_cap is not None:
            base = min(base, self.base_cap)
        return base

    def shares(self, base: int) -> tuple[int, int]:
        """(employee, employer) amounts on ``base``, each truncated to the amount unit."""
        return (
            scaled(base, self.employee_rate, self.amount_unit),
            scaled(base, self.employer_rate, self.amount_unit),
        )


@dataclass(frozen=True, slots=True)
class PaidAllowance:
    """An allowance as paid to one record for a full month: its code, amount (the row's amount
    × the times it applies), whether it is ordinary wage (통상임금), and its non-taxable limit."""

    code: str
    amount: int
    ordinary: bool
    non_taxable_limit: int


class TableSet:
    """Every payroll table of one organisation, as loaded; lookups by day."""

    def __init__(self, rows: Mapping[TableKind, Sequence[Row]], versions: Mapping[TableKind, int]) -> None:
        self.rows = rows
        #: The version of each table it holds: a run records them, so it can be redone as it was.
        self.versions = dict(versions)
        self._dates: dict[TableKind, list[date]] = {}
        self._editions: dict[tuple[TableKind, int], tuple[Row, ...]] = {}
        self._in_force = lru_cache(maxsize=512)(self._rows_on)
        self.base_pay = lru_cache(maxsize=4096)(self._base_pay)
        self.allowances = lru_cache(maxsize=512)(self._allowances)
        self.paid_allowances = lru_cache(maxsize=8192)(self._paid_allowances)
        self.pay_percent = lru_cache(maxsize=512)(self._pay_percent)
        self.premium = lru_cache(maxsize=512)(self._premium)
        self.contribution = lru_cache(maxsize=512)(self._contribution)
        self._brackets = lru_cache(maxsize=64)(self._withholding_brackets)
        self.rule = lru_cache(maxsize=512)(self._rule)
        self.year_end = lru_cache(maxsize=64)(self._year_end)

    def versions_by_name(self) -> dict[str, int]:
        return {kind.value: version for kind, version in self.versions.items()}

    def _rows_on(self, kind: TableKind, on: date) -> tuple[Row, ...]:
        # What is in force changes only on the days rows take effect: the rows of any day after
        # the same number of effective dates are the same rows, computed once.
        dates = self._dates.get(kind)
        if dates is None:
            dates = self._dates[kind] = sorted({r["effective_from"] for r in self.rows.get(kind, ())})
        edition = bisect_right(dates, on)
        found = self._editions.get((kind, edition))
        if found is None:
            found = self._editions[(kind, edition)] = tuple(in_force(kind, self.rows.get(kind, ()), on))
        return found

    def change_days(self, start: date, end: date) -> set[date]:
        """Days after ``start`` up to ``end`` on which any row takes effect: a month is split
        there, as it is at a personnel action."""
        return {
            row["effective_from"]
            for kind_rows in self.rows.values()
            for row in kind_rows
            if start < row["effective_from"] <= end
        }

    # --- pay ----------------------------------------------------------------------------------

    def _base_pay(self, grade: str, step: int, on: date) -> int:
        for row in self._in_force(TableKind.PAY_SCALE, on):
            if row["grade"] == grade and row["step"] == step:
                return int(row["base_pay"])
        raise TableMissing(
            f"the pay scale has no row for grade {grade} step {step} on {on}",
            table=TableKind.PAY_SCALE.value,
            grade=grade,
            step=step,
            on=on.isoformat(),
        )

    def _allowances(self, on: date) -> tuple[Row, ...]:
        return tuple(r for r in self._in_force(TableKind.ALLOWANCES, on) if r["amount"] > 0)

    def _paid_allowances(
        self, on: date, position: str | None, grade: str, dependants: int, children: int
    ) -> tuple[PaidAllowance, ...]:
        """The allowances a record of this position and grade, with these dependants and
        children, is paid for a full month on ``on``: the ``applies_to`` column read once for
        every employee alike (a month asks it for each of thousands of employees)."""
        paid = []
        for row in self._allowances(on):
            applies = row["applies_to"]
            if applies == "ALL":
                times = 1
            elif applies == "DEPENDANT":
                times = dependants
            elif applies == "CHILD":
                times = children
            else:
                kind, _, code = applies.partition(":")
                times = int((kind == "POSITION" and position == code) or (kind == "GRADE" and grade == code))
            if times:
                amount = row["amount"] * times
                paid.append(
                    PaidAllowance(row["code"], amount, bool(row["ordinary"]), row["non_taxable_limit"] or 0)
                )
        return tuple(paid)

    def _pay_percent(self, condition: str, on: date) -> Fraction:
        for row in self._in_force(TableKind.PAY_RULES, on):
            if row["condition"] == condition:
                return percent(row["pay_percent"])
        raise TableMissing(
            f"the pay rules have no row for {condition} on {on}",
            table=TableKind.PAY_RULES.value,
            condition=condition,
            on=on.isoformat(),
        )

    def _premium(self, kind: str, on: date) -> tuple[Fraction, int]:
        """(share of the hourly ordinary wage per hour, monthly hours of the ordinary wage)."""
        for row in self._in_force(TableKind.WORK_PREMIUMS, on):
            if row["kind"] == kind:
                return percent(row["percent"]), int(row["monthly_hours"])
        raise TableMissing(
            f"the work premiums have no row for {kind} on {on}",
            table=TableKind.WORK_PREMIUMS.value,
            kind=kind,
            on=on.isoformat(),
        )

    # --- contributions and tax ------------------------------------------------------------

    def _contribution(self, kind: str, on: date) -> Contribution:
        for row in self._in_force(TableKind.CONTRIBUTIONS, on):
            if row["kind"] == kind:
                return Contribution(
                    percent(row["employee_percent"]),
                    percent(row["employer_percent"]),
                    row["base_floor"],
                    row["base_cap"],
                    max(1, int(row["base_unit"])),
                    max(1, int(row["amount_unit"])),
                )
        raise TableMissing(
            f"the contributions table has no row for {kind} on {on}",
            table=TableKind.CONTRIBUTIONS.value,
            kind=kind,
            on=on.isoformat(),
        )

    def _rule(self, rule: str, on: date) -> Row | None:
        for row in self._in_force(TableKind.WITHHOLDING_RULES, on):
            if row["rule"] == rule:
                return row
        return None

    def _withholding_brackets(self, on: date) -> tuple[tuple[int, ...], tuple[Row, ...]]:
        rows = sorted(self._in_force(TableKind.WITHHOLDING, on), key=lambda r: r["pay_from"])
        if not rows:
            raise TableMissing(
                f"no withholding table (간이세액표) is in force on {on}",
                table=TableKind.WITHHOLDING.value,
                on=on.isoformat(),
            )
        return tuple(r["pay_from"] for r in rows), tuple(rows)

    def withholding(self, pay: int, family: int, children: int, on: date) -> int:
        """The month's income tax by the simplified table (근로소득 간이세액표), at 100 %.

        ``family`` counts the employee (공제대상가족의 수); ``children`` those of 8 to 20 among
        them (the table's 자녀 공제). Above the table's last bracket the ``ABOVE:<from>`` rules
        add to the top bracket's tax; beyond 11 people the ``FAMILY_OVER_11`` rule applies."""
        starts, rows = self._brackets(on)
        if pay < starts[0]:
            return 0
        top = rows[-1]
        extra = Fraction(0)
        if pay < top["pay_to"]:
            row = rows[bisect_right(starts, pay) - 1]
        else:
            row = top
            bands = [
                (int(r["rule"].split(":", 1)[1]), r)
                for r in self._in_force(TableKind.WITHHOLDING_RULES, on)
                if r["rule"].startswith("ABOVE:")
            ]
            reached = [(start, r) for start, r in bands if start <= pay]
            if reached:
                start, band = max(reached, key=lambda pair: pair[0])
                extra = band["amount"] + (pay - start) * percent(band["taxable_percent"]) * percent(
                    band["rate_percent"]
                )

        def column(n: int) -> Fraction:
            return Fraction(row[f"family_{n}"]) + extra

        if family <= MAX_FAMILY_COLUMN:
            tax = column(max(family, 1))
        elif self.rule("FAMILY_OVER_11", on) is not None:
            last = column(MAX_FAMILY_COLUMN)
            tax = last - (column(MAX_FAMILY_COLUMN - 1) - last) * (family - MAX_FAMILY_COLUMN)
        else:
            tax = column(MAX_FAMILY_COLUMN)
        tax = max(tax, Fraction(0)) - self._child_deduction(children, on)
        return max(0, truncate(tax, 10))

    def minimum_withholding(self, on: date) -> int:
        """Withholding below this is not collected (소액부징수); 0 if no rule says so."""
        row = self.rule("MINIMUM", on)
        return int(row["amount"]) if row is not None else 0

    def _child_deduction(self, children: int, on: date) -> int:
        if children <= 0:
            return 0
        one, two, extra = (self.rule(r, on) for r in ("CHILD_1", "CHILD_2", "CHILD_EXTRA"))
        if children == 1:
            return one["amount"] if one else 0
        base = two["amount"] if two else 0
        return base + (extra["amount"] if extra else 0) * (children - 2)

    def _year_end(self, on: date) -> Mapping[str, Row]:
        return {row["item"]: row for row in self._in_force(TableKind.YEAR_END, on)}
