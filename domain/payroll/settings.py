"""An organisation's payroll settings (급여 기본설정) and each employee's payroll profile.

:class:`PayrollSettings` names, per fiscal year, the budget line each part of the payroll is paid
from: pay (101-01 보수) and the employer's shares (304-01 연금부담금 for the pension, 304-02
국민건강보험부담금 for health and long-term care, 304-03 for employment insurance). A run posts
against exactly these lines, through the ordinary obligation and voucher rules.

:class:`PayrollProfile` keeps, per employee, what the withholding table and the family allowances
count, effective from a month: a run for a past month reads the profile it had then.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.errors import InvalidInput, WrongOrganisation
from domain.payroll.calculation import PayProfile, month_bounds
from domain.payroll.errors import PayrollNotConfigured


class PayrollLine(StrEnum):
    """What a budget line pays in a run, by the budget item (통계목) it must be."""

    PAY = "101-01"  # 보수: every earning
    PENSION = "304-01"  # 연금부담금: the employer's national pension
    HEALTH = "304-02"  # 국민건강보험부담금: the employer's health and long-term care
    EMPLOYMENT = "304-03"  # 고용보험부담금: the employer's employment insurance
    SEVERANCE = "107-03"  # 퇴직급여: severance pay, drawn from the provision


class SeveranceAccrual(StrEnum):
    MONTHLY = "monthly"  # 퇴직급여충당부채 accrued with each run
    YEAR_END = "year_end"  # accrued once, at the year's end


class PayrollSettings(LedgerAggregate):
    org: str
    #: fiscal year → line kind → budget line id
    lines: dict[int, dict[PayrollLine, UUID]]
    severance_accrual: SeveranceAccrual

    @staticmethod
    def id_for(org: str) -> UUID:
        return ledger_id("payroll-settings", org)

    class Configured(LedgerAggregate.Created):
        lines: dict[PayrollLine, UUID]
        severance_accrual: SeveranceAccrual

        def apply(self, settings: PayrollSettings) -> None:
            settings.org = self.org
            settings.lines = {self.fiscal_year: dict(self.lines)}
            settings.severance_accrual = self.severance_accrual

    class Reconfigured(LedgerAggregate.Event):
        lines: dict[PayrollLine, UUID]
        severance_accrual: SeveranceAccrual

        def apply(self, settings: PayrollSettings) -> None:
            settings.lines = {**settings.lines, self.fiscal_year: dict(self.lines)}
            settings.severance_accrual = self.severance_accrual

    @staticmethod
    def check_lines(ctx: Context, lines: dict[PayrollLine, BudgetLine]) -> dict[PayrollLine, UUID]:
        if PayrollLine.PAY not in lines:
            raise InvalidInput("the settings name the budget line pay (101-01 보수) is paid from")
        checked = {}
        for kind, line in lines.items():
            if (line.org, line.fiscal_year) != (ctx.org, ctx.fiscal_year):
                raise WrongOrganisation(
                    f"budget line {line.id} is not one of {ctx.org}'s for {ctx.fiscal_year}", id=str(line.id)
                )
            item = f"{line.code.item}-{line.code.stat}"
            if item != kind.value:
                raise InvalidInput(
                    f"the line for {kind.name.lower()} must be of item {kind.value}, not {item}",
                    item=item,
                    expected=kind.value,
                )
            checked[kind] = line.id
        return checked

    @classmethod
    def configure(
        cls, ctx: Context, lines: dict[PayrollLine, BudgetLine], accrual: SeveranceAccrual
    ) -> PayrollSettings:
        return cls.start(
            cls.Configured,
            ctx,
            cls.id_for(ctx.org),
            lines=cls.check_lines(ctx, lines),
            severance_accrual=accrual,
        )

    def reconfigure(
        self, ctx: Context, lines: dict[PayrollLine, BudgetLine], accrual: SeveranceAccrual
    ) -> None:
        self.record(self.Reconfigured, ctx, lines=self.check_lines(ctx, lines), severance_accrual=accrual)

    def line_for(self, fiscal_year: int, kind: PayrollLine) -> UUID:
        found = self.lines.get(fiscal_year, {}).get(kind)
        if found is None:
            raise PayrollNotConfigured(
                f"the payroll settings name no {kind.value} line for {fiscal_year}",
                item=kind.value,
                fiscal_year=fiscal_year,
            )
        return found


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    effective_month: str
    profile: PayProfile


class PayrollProfile(LedgerAggregate):
    """급여 기본정보 of one employee: family counted and withholding choice, by month."""

    org: str
    employee_id: UUID
    entries: tuple[ProfileEntry, ...]

    @staticmethod
    def id_for(org: str, employee_id: UUID) -> UUID:
        return ledger_id("payroll-profile", org, employee_id)

    class Set(LedgerAggregate.Created):
        employee_id: UUID
        entry: ProfileEntry

        def apply(self, profile: PayrollProfile) -> None:
            profile.org, profile.employee_id = self.org, self.employee_id
            profile.entries = (self.entry,)

    class Changed(LedgerAggregate.Event):
        entry: ProfileEntry

        def apply(self, profile: PayrollProfile) -> None:
            kept = tuple(e for e in profile.entries if e.effective_month != self.entry.effective_month)
            profile.entries = tuple(sorted((*kept, self.entry), key=lambda e: e.effective_month))

    @classmethod
    def set(cls, ctx: Context, employee_id: UUID, month: str, profile: PayProfile) -> PayrollProfile:
        month_bounds(month)
        return cls.start(
            cls.Set,
            ctx,
            cls.id_for(ctx.org, employee_id),
            employee_id=employee_id,
            entry=ProfileEntry(month, profile),
        )

    def change(self, ctx: Context, month: str, profile: PayProfile) -> None:
        month_bounds(month)
        self.record(self.Changed, ctx, entry=ProfileEntry(month, profile))

    def on(self, month: str) -> PayProfile:
        """The profile in force for ``month`` (the default one before the first entry)."""
        found = PayProfile()
        for entry in self.entries:
            if entry.effective_month <= month:
                found = entry.profile
        return found
