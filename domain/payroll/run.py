"""The monthly payroll run (월 급여 처리) of one organisation, from opening to remittance.

Steps, each a command: open the run for a month (one per organisation and month: two officers
opening it at once get one run); calculate every employee (again as often as needed until it is
approved; each calculation replaces the payslips and names the table versions it read); approve
(결재, by someone other than whoever calculated it) or reject back to calculation; post (the run
obligates, vouchers and orders each budget line its payslips draw on, through the ordinary
rules, so a payroll over a line's allocation is refused with the numbers and records nothing);
pay (지급: the pay voucher is paid net, the withholdings kept as 예수금); remit (납부: the
withholdings go to the tax office and the insurers, with the employer's shares).

A paid month is never edited: a recalculation of it (소급) is a difference payslip in a later
run (:func:`domain.payroll.payslip.difference`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.errors import InvalidAmount, InvalidInput, WrongOrganisation
from domain.money import checked_sum
from domain.obligation import Obligation
from domain.payroll.calculation import month_bounds
from domain.payroll.errors import PayrollRunState, SamePreparer
from domain.payroll.payslip import Deduction, Payslip, PayslipKind
from domain.payroll.settings import PayrollLine
from domain.voucher import Voucher

#: Payslips per event: a 20 000-employee month is twenty events of a few hundred kilobytes.
CHUNK = 1_000
_LABELS = {
    PayrollLine.PAY: "보수",
    PayrollLine.PENSION: "국민연금 기관부담금",
    PayrollLine.HEALTH: "건강·장기요양보험 기관부담금",
    PayrollLine.EMPLOYMENT: "고용보험 기관부담금",
    PayrollLine.SEVERANCE: "퇴직금",
}


#: The lines whose vouchers are paid to the employees on pay day; the others, the employer's
#: shares, are paid to the insurers with the remittance.
_PAID_TO_EMPLOYEES = frozenset({PayrollLine.PAY, PayrollLine.SEVERANCE})


class RunStatus(StrEnum):
    OPEN = "open"  # 개설: to be calculated
    CALCULATED = "calculated"  # 계산 완료: to be reviewed and approved
    APPROVED = "approved"  # 결재
    POSTED = "posted"  # 원인행위·지출결의
    PAID = "paid"  # 지급
    REMITTED = "remitted"  # 원천세·보험료 납부


@dataclass(frozen=True, slots=True)
class LinePosting:
    """What the run put on one budget line: its obligation, voucher and order, and the payment."""

    kind: PayrollLine
    line_id: UUID
    obligation_id: UUID
    voucher_id: UUID
    order_id: UUID
    amount: int
    payment_id: UUID | None = None


@dataclass(frozen=True, slots=True)
class RunTotals:
    """The register's totals (급여대장 합계)."""

    payslips: int
    gross: int
    deducted: int
    employer: int

    @property
    def net(self) -> int:
        return self.gross - self.deducted

    @property
    def cost(self) -> int:
        """What the month costs the organisation: pay and the employer's shares (인건비)."""
        return self.gross + self.employer


def totals(payslips: Iterable[Payslip]) -> RunTotals:
    count = gross = deducted = employer = 0
    for slip in payslips:
        count += 1
        gross += slip.gross
        deducted += slip.deducted
        employer += slip.employer_total
    return RunTotals(count, gross, deducted, employer)


def line_amounts(payslips: Iterable[Payslip]) -> dict[PayrollLine, int]:
    """What each budget line pays: all pay on 101-01, each employer share on its own item."""
    amounts = dict.fromkeys(PayrollLine, 0)
    for slip in payslips:
        if slip.kind is PayslipKind.SEVERANCE:
            amounts[PayrollLine.SEVERANCE] += slip.gross
            continue
        amounts[PayrollLine.PAY] += slip.gross
        employer = slip.employer
        amounts[PayrollLine.PENSION] += employer.get(Deduction.NATIONAL_PENSION, 0)
        amounts[PayrollLine.HEALTH] += employer.get(Deduction.HEALTH, 0) + employer.get(
            Deduction.LONG_TERM_CARE, 0
        )
        amounts[PayrollLine.EMPLOYMENT] += employer.get(Deduction.EMPLOYMENT, 0)
    return amounts


def _check_range(payslips: Iterable[Payslip]) -> None:
    """Every amount of every payslip, and each total, fits the ledger's 64-bit amounts: a table
    with absurd rates is refused here, not in a read model that cannot hold the result."""
    grand = [0, 0, 0]
    for slip in payslips:
        for field, amounts in (
            ("earnings", slip.earnings),
            ("deductions", slip.deductions),
            ("employer", slip.employer),
        ):
            checked_sum(*amounts.values(), field=f"{slip.employee_number} {field}")
            for amount in amounts.values():
                checked_sum(amount, field=f"{slip.employee_number} {field}")
        checked_sum(slip.taxable, slip.non_taxable, field=f"{slip.employee_number} pay")
        grand = [grand[0] + slip.gross, grand[1] + slip.deducted, grand[2] + slip.employer_total]
    for field, total in zip(("gross", "deducted", "employer"), grand, strict=True):
        checked_sum(total, field=f"the run's {field}")


def severance_accrual(payslips: Iterable[Payslip]) -> int:
    """The month's accrual of 퇴직급여충당부채: 1/12 of the pay (30 days' wage a year), severance
    and settlement slips aside."""
    pay = sum(s.gross for s in payslips if s.kind in (PayslipKind.REGULAR, PayslipKind.RETROACTIVE))
    return max(pay // 12, 0)


def withheld_by_kind(payslips: Iterable[Payslip]) -> dict[str, int]:
    found: dict[str, int] = {}
    for slip in payslips:
        for code, amount in slip.deductions.items():
            found[code] = found.get(code, 0) + amount
    return {code: amount for code, amount in sorted(found.items()) if amount}


class PayrollRun(LedgerAggregate):
    """급여 처리 of one organisation and month (귀속월)."""

    org: str
    month: str
    status: RunStatus
    calculation: int
    preparer: str | None
    approver: str | None
    tables: dict[str, int]
    retroactive_from: str | None
    payslips: tuple[Payslip, ...]
    postings: tuple[LinePosting, ...]
    withheld: dict[str, int]

    @staticmethod
    def id_for(org: str, month: str) -> UUID:
        return ledger_id("payroll-run", org, month)

    class Opened(LedgerAggregate.Created):
        month: str

        def apply(self, run: PayrollRun) -> None:
            run.org, run.month = self.org, self.month
            run.status, run.calculation = RunStatus.OPEN, 0
            run.preparer = run.approver = None
            run.tables, run.retroactive_from = {}, None
            run.payslips, run.postings, run.withheld = (), (), {}

    class CalculationStarted(LedgerAggregate.Event):
        calculation: int
        tables: dict[str, int]
        retroactive_from: str | None

        def apply(self, run: PayrollRun) -> None:
            run.calculation, run.tables = self.calculation, dict(self.tables)
            run.retroactive_from, run.preparer = self.retroactive_from, self.actor
            run.payslips, run.status = (), RunStatus.OPEN

    class PayslipsAdded(LedgerAggregate.Event):
        payslips: tuple[Payslip, ...]

        def apply(self, run: PayrollRun) -> None:
            run.payslips = (*run.payslips, *self.payslips)

    class Calculated(LedgerAggregate.Event):
        """The calculation is complete; its totals are the register's (checked on replay too)."""

        payslips: int
        gross: int
        deducted: int
        employer: int

        def apply(self, run: PayrollRun) -> None:
            run.status = RunStatus.CALCULATED

    class Rejected(LedgerAggregate.Event):
        reason: str

        def apply(self, run: PayrollRun) -> None:
            run.status = RunStatus.OPEN

    class Approved(LedgerAggregate.Event):
        def apply(self, run: PayrollRun) -> None:
            run.status, run.approver = RunStatus.APPROVED, self.actor

    class Posted(LedgerAggregate.Event):
        """원인행위 and 지출결의 on each line; ``severance_accrual`` is the provision accrued with it
        (Dr 퇴직급여 / Cr 퇴직급여충당부채; 0 where the organisation accrues at the year's end)."""

        postings: tuple[LinePosting, ...]
        severance_accrual: int = 0

        def apply(self, run: PayrollRun) -> None:
            run.status, run.postings = RunStatus.POSTED, self.postings

    class Paid(LedgerAggregate.Event):
        """지급: the pay voucher paid (and the severance voucher), ``withheld`` (by kind) kept back
        as 예수금. ``payment_id`` is the pay voucher's payment, or the severance's in a run with
        severance only."""

        payment_id: UUID
        net: int
        withheld: dict[str, int]
        severance_payment_id: UUID | None = None

        def apply(self, run: PayrollRun) -> None:
            run.status, run.withheld = RunStatus.PAID, dict(self.withheld)
            paid = {PayrollLine.PAY: self.payment_id, PayrollLine.SEVERANCE: self.severance_payment_id}
            run.postings = tuple(
                replace(p, payment_id=paid[p.kind]) if p.kind in _PAID_TO_EMPLOYEES and paid[p.kind] else p
                for p in run.postings
            )

    class Remitted(LedgerAggregate.Event):
        """납부: the withholdings (by kind) and the employer's shares leave for the tax office and
        the insurers; 예수금 is cleared by ``withheld``'s total."""

        month: str
        withheld: dict[str, int]
        employer: dict[str, int]

        def apply(self, run: PayrollRun) -> None:
            run.status = RunStatus.REMITTED

    # --- commands ---------------------------------------------------------------------------

    @classmethod
    def open(cls, ctx: Context, month: str) -> PayrollRun:
        first, _ = month_bounds(month)
        if first.year != ctx.fiscal_year:
            raise InvalidInput(
                f"the run for {month} belongs to fiscal year {first.year}, not {ctx.fiscal_year}",
                month=month,
                fiscal_year=ctx.fiscal_year,
            )
        return cls.start(cls.Opened, ctx, cls.id_for(ctx.org, month), month=month)

    def record_calculation(
        self,
        ctx: Context,
        payslips: list[Payslip],
        tables: Mapping[str, int],
        retroactive_from: str | None,
    ) -> RunTotals:
        self._check(ctx)
        self._require({RunStatus.OPEN, RunStatus.CALCULATED}, "calculated")
        if retroactive_from is not None:
            month_bounds(retroactive_from)
            if retroactive_from >= self.month:
                raise InvalidInput("a retroactive recalculation starts at a month before the run's")
        self.record(
            self.CalculationStarted,
            ctx,
            calculation=self.calculation + 1,
            tables=dict(tables),
            retroactive_from=retroactive_from,
        )
        _check_range(payslips)
        for start in range(0, len(payslips), CHUNK):
            self.record(self.PayslipsAdded, ctx, payslips=tuple(payslips[start : start + CHUNK]))
        sums = totals(payslips)
        self.record(
            self.Calculated,
            ctx,
            payslips=sums.payslips,
            gross=sums.gross,
            deducted=sums.deducted,
            employer=sums.employer,
        )
        return sums

    def reject(self, ctx: Context, reason: str) -> None:
        self._check(ctx)
        self._require({RunStatus.CALCULATED}, "rejected")
        self.record(self.Rejected, ctx, reason=text.REASON.check(reason, "reason"))

    def approve(self, ctx: Context) -> None:
        self._check(ctx)
        self._require({RunStatus.CALCULATED}, "approved")
        if ctx.actor == self.preparer:
            raise SamePreparer(
                f"{ctx.actor} calculated the {self.month} run; someone else approves it", preparer=ctx.actor
            )
        self.record(self.Approved, ctx)

    def post(
        self, ctx: Context, lines: Mapping[PayrollLine, BudgetLine], accrual: int = 0
    ) -> list[LedgerAggregate]:
        """원인행위, 지출결의 and 지급명령 on each line, and ``accrual`` to the severance provision;
        returns the obligations and vouchers to save."""
        self._check(ctx)
        self._require({RunStatus.APPROVED}, "posted")
        made: list[LedgerAggregate] = []
        postings = []
        for kind, amount in line_amounts(self.payslips).items():
            if amount == 0:
                continue
            if amount < 0:
                raise InvalidAmount(
                    f"the run would pay {amount} won on {kind.value}: a negative month is returned "
                    "(반납), not posted",
                    item=kind.value,
                    amount=amount,
                )
            line = lines[kind]
            description = f"{self.month} 급여 {_LABELS[kind]}"
            obligation = Obligation.create(ctx, line, amount, description, key=kind.value)
            voucher = Voucher.draft(ctx, obligation, amount, description, key=kind.value)
            voucher.approve(ctx)
            order_id = voucher.issue_order(ctx, amount, key=kind.value)
            made += [obligation, voucher]
            postings.append(LinePosting(kind, line.id, obligation.id, voucher.id, order_id, amount))
        if not postings:
            raise InvalidAmount(f"the {self.month} run has nothing to post", month=self.month)
        self.record(self.Posted, ctx, postings=tuple(postings), severance_accrual=max(accrual, 0))
        return made

    def pay(
        self, ctx: Context, vouchers: Mapping[PayrollLine, Voucher], lines: Mapping[PayrollLine, BudgetLine]
    ) -> int:
        """지급 of the pay voucher (and the severance one): gross from the budget, net to the
        employees, each voucher's payslips' withholdings kept back as 예수금."""
        self._check(ctx)
        self._require({RunStatus.POSTED}, "paid")
        paid: dict[PayrollLine, UUID] = {}
        total = 0
        for posting in self.postings:
            if posting.kind not in _PAID_TO_EMPLOYEES:
                continue
            severance = posting.kind is PayrollLine.SEVERANCE
            kept = sum(s.deducted for s in self.payslips if (s.kind is PayslipKind.SEVERANCE) == severance)
            if not 0 <= kept <= posting.amount:
                raise InvalidAmount(
                    f"{kept} won withheld cannot be paid out of {posting.amount} won on {posting.kind.value}",
                    withheld=kept,
                    amount=posting.amount,
                )
            paid[posting.kind] = vouchers[posting.kind].pay(
                ctx, lines[posting.kind], posting.order_id, posting.amount, kept, key=posting.kind.value
            )
            total += kept
        gross = sum(p.amount for p in self.postings if p.kind in _PAID_TO_EMPLOYEES)
        self.record(
            self.Paid,
            ctx,
            payment_id=paid.get(PayrollLine.PAY) or paid[PayrollLine.SEVERANCE],
            severance_payment_id=paid.get(PayrollLine.SEVERANCE),
            net=gross - total,
            withheld=withheld_by_kind(self.payslips),
        )
        return total

    def remit(
        self, ctx: Context, vouchers: Mapping[PayrollLine, Voucher], lines: Mapping[PayrollLine, BudgetLine]
    ) -> None:
        """납부: the employer's vouchers paid, and the withholdings cleared from 예수금."""
        self._check(ctx)
        self._require({RunStatus.PAID}, "remitted")
        employer: dict[str, int] = {}
        for posting in self.postings:
            if posting.kind in (PayrollLine.PAY, PayrollLine.SEVERANCE):
                continue
            vouchers[posting.kind].pay(
                ctx, lines[posting.kind], posting.order_id, posting.amount, 0, key=posting.kind.value
            )
            employer[posting.kind.value] = posting.amount
        self.record(self.Remitted, ctx, month=self.month, withheld=dict(self.withheld), employer=employer)

    # --- reading ----------------------------------------------------------------------------

    def posting(self, kind: PayrollLine) -> LinePosting:
        for posting in self.postings:
            if posting.kind is kind:
                return posting
        raise PayrollRunState(
            f"the {self.month} run ({self.status.value}) has posted nothing on {kind.value}",
            item=kind.value,
            status=self.status.value,
        )

    def payslips_of(self, employee_id: UUID) -> list[Payslip]:
        return [p for p in self.payslips if p.employee_id == employee_id]

    def _require(self, allowed: set[RunStatus], action: str) -> None:
        if self.status not in allowed:
            raise PayrollRunState(
                f"the {self.month} run is {self.status.value}; it cannot be {action}",
                status=self.status.value,
                month=self.month,
            )

    def _check(self, ctx: Context) -> None:
        if ctx.org != self.org:
            raise WrongOrganisation(f"payroll run {self.month} belongs to {self.org}", org=self.org)
