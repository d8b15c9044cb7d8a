"""A spending budget line (세출 예산과목별 예산) and every change to its amounts.

The line holds the amounts every screen shows and the invariants that guard them (domain.md §4):

- 예산현액 current budget = appropriation (본예산) + supplementary amendments (추경)
  ± transfers (전용/이용) + contingency granted (예비비) + carried in (이월)
- 배정액 allocated, per quarter; 원인행위액 obligated; 지출액 paid, net of returns (반납)
- 이월액 carried over; 불용액 lapse = current budget − paid − carried over, recorded at year close

Vouchers, payment orders and payments are counted on their own aggregates; the line keeps only
what its invariants need, so its state stays a handful of integers however long its history.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import BudgetCode, ledger_id
from domain.errors import (
    BudgetReductionBelowCommitted,
    CarryOverExceedsUnspent,
    InsufficientAllocation,
    InvalidAmount,
    InvalidInput,
    InvalidState,
    OverAllocation,
    WrongOrganisation,
    YearClosed,
)
from domain.money import checked_sum, positive_won

CONTINGENCY_ITEM = "701"  # 예비비: spent only by granting it to other lines


class TransferKind(StrEnum):
    """전용 diversion between items of one detailed project; 이용 transfer between projects."""

    DIVERSION = "diversion"
    APPROPRIATION_TRANSFER = "appropriation-transfer"


class CarryOverKind(StrEnum):
    """명시이월 explicit, 사고이월 accident (of an obligation), 계속비이월 continuing expenditure."""

    EXPLICIT = "explicit"
    ACCIDENT = "accident"
    CONTINUING = "continuing"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def check_quarter(quarter: int) -> int:
    if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
        raise InvalidInput(f"quarter must be 1, 2, 3 or 4, got {quarter!r}")
    return quarter


class BudgetLine(LedgerAggregate):
    """One spending budget line of an organisation's fiscal year (세출예산 과목)."""

    org: str
    fiscal_year: int
    code: BudgetCode
    title: str
    appropriated: int
    amended: int
    transferred_in: int
    transferred_out: int
    contingency: int
    carried_in: int
    accident_carried_in: int
    allocated: tuple[int, int, int, int]
    obligated: int
    paid: int
    carried_over: int
    carried_over_unobligated: int
    lapsed: int
    closed: bool

    #: 2: a return (``PaymentReturned``) no longer lowers ``obligated``. A snapshot of version 1
    #: holds an obligated total less the returns folded before it, by an amount it does not record,
    #: so it has no upcast; no snapshot is read anyway (commands.core.LedgerCore).
    class_version = 2

    # --- events -----------------------------------------------------------------------------

    class Opened(LedgerAggregate.Created):
        code: BudgetCode
        title: str

        def apply(self, line: BudgetLine) -> None:
            line.org, line.fiscal_year, line.code, line.title = (
                self.org,
                self.fiscal_year,
                self.code,
                self.title,
            )
            line.appropriated = line.amended = line.transferred_in = line.transferred_out = 0
            line.contingency = line.carried_in = line.accident_carried_in = 0
            line.allocated = (0, 0, 0, 0)
            line.obligated = line.paid = line.carried_over = line.carried_over_unobligated = 0
            line.lapsed = 0
            line.closed = False

    class Appropriated(LedgerAggregate.Event):
        """본예산: the original appropriation."""

        amount: int

        def apply(self, line: BudgetLine) -> None:
            line.appropriated += self.amount

    class Amended(LedgerAggregate.Event):
        """추경: a supplementary amendment, positive or negative."""

        change: int
        reference: str

        def apply(self, line: BudgetLine) -> None:
            line.amended += self.change

    class TransferredOut(LedgerAggregate.Event):
        amount: int
        kind: TransferKind
        to_line_id: UUID
        reason: str

        def apply(self, line: BudgetLine) -> None:
            line.transferred_out += self.amount

    class TransferredIn(LedgerAggregate.Event):
        amount: int
        kind: TransferKind
        from_line_id: UUID
        reason: str

        def apply(self, line: BudgetLine) -> None:
            line.transferred_in += self.amount

    class ContingencyReleased(LedgerAggregate.Event):
        """예비비 released from this reserve line to another line."""

        amount: int
        to_line_id: UUID
        reason: str

        def apply(self, line: BudgetLine) -> None:
            line.transferred_out += self.amount

    class ContingencyGranted(LedgerAggregate.Event):
        """예비비 지출: contingency granted to this line."""

        amount: int
        from_line_id: UUID
        reason: str

        def apply(self, line: BudgetLine) -> None:
            line.contingency += self.amount

    class Allocated(LedgerAggregate.Event):
        """예산배정 for a quarter."""

        quarter: int
        amount: int

        def apply(self, line: BudgetLine) -> None:
            allocated = list(line.allocated)
            allocated[self.quarter - 1] += self.amount
            line.allocated = (allocated[0], allocated[1], allocated[2], allocated[3])

    class AllocationPulledForward(LedgerAggregate.Event):
        """당겨배정: a later quarter's allocation made available in an earlier quarter."""

        from_quarter: int
        to_quarter: int
        amount: int

        def apply(self, line: BudgetLine) -> None:
            allocated = list(line.allocated)
            allocated[self.from_quarter - 1] -= self.amount
            allocated[self.to_quarter - 1] += self.amount
            line.allocated = (allocated[0], allocated[1], allocated[2], allocated[3])

    class Obligated(LedgerAggregate.Event):
        """지출원인행위 against the line: a new obligation or an increase of one."""

        obligation_id: UUID
        amount: int

        def apply(self, line: BudgetLine) -> None:
            line.obligated += self.amount

    class ObligationReleased(LedgerAggregate.Event):
        """An obligation reduced or cancelled: the amount is free on the line again."""

        obligation_id: UUID
        amount: int

        def apply(self, line: BudgetLine) -> None:
            line.obligated -= self.amount

    class Paid(LedgerAggregate.Event):
        voucher_id: UUID
        payment_id: UUID
        amount: int

        def apply(self, line: BudgetLine) -> None:
            line.paid += self.amount

    class PaymentReturned(LedgerAggregate.Event):
        """반납: money paid comes back; the line's 지출액 (paid) goes down by it.

        원인행위액 (obligated) does not change (domain.md §4): the amount is still obligated, and
        its obligation may voucher it again (a corrected payment to the right payee); the line's
        잔액 grows only when the obligation is reduced or cancelled (``ObligationReleased``).
        Until version 2 of the line this event lowered ``obligated`` too, which left the line's
        obligated total below the sum of its obligations' amounts: the event records the same
        fact as before (this payment was returned), its fold was the bug, so old events are
        folded by the rule that holds now.
        """

        voucher_id: UUID
        payment_id: UUID
        amount: int

        def apply(self, line: BudgetLine) -> None:
            line.paid -= self.amount

    class CarriedOver(LedgerAggregate.Event):
        """이월 out of this year, into the same code of the next year."""

        amount: int
        kind: CarryOverKind
        to_line_id: UUID
        obligation_id: UUID | None

        def apply(self, line: BudgetLine) -> None:
            line.carried_over += self.amount
            if self.kind is not CarryOverKind.ACCIDENT:
                line.carried_over_unobligated += self.amount
            if line.closed:
                line.lapsed -= self.amount

    class CarriedIn(LedgerAggregate.Event):
        amount: int
        kind: CarryOverKind
        from_line_id: UUID
        obligation_id: UUID | None

        def apply(self, line: BudgetLine) -> None:
            line.carried_in += self.amount
            if self.kind is CarryOverKind.ACCIDENT:
                # The carried obligation arrives obligated, and so allocated with it.
                line.accident_carried_in += self.amount
                allocated = list(line.allocated)
                allocated[0] += self.amount
                line.allocated = (allocated[0], allocated[1], allocated[2], allocated[3])
                line.obligated += self.amount

    class Lapsed(LedgerAggregate.Event):
        """불용: at year close, what was neither paid nor carried over."""

        amount: int

        def apply(self, line: BudgetLine) -> None:
            line.lapsed = self.amount
            line.closed = True

    # --- identity and derived amounts -------------------------------------------------------

    @staticmethod
    def id_for(org: str, year: int, code: BudgetCode | str) -> UUID:
        return ledger_id("budget-line", org, year, code)

    @property
    def current_budget(self) -> int:
        """예산현액."""
        return (
            self.appropriated
            + self.amended
            + self.transferred_in
            - self.transferred_out
            + self.contingency
            + self.carried_in
        )

    @property
    def allocated_total(self) -> int:
        return sum(self.allocated)

    def allocated_through(self, quarter: int) -> int:
        """Allocated for this quarter and the ones before it: what may be obligated by then."""
        return sum(self.allocated[:quarter])

    @property
    def remaining(self) -> int:
        """잔액 = current budget − obligated."""
        return self.current_budget - self.obligated

    @property
    def committed(self) -> int:
        """What a reduction of the budget may never go below."""
        return max(self.allocated_total, self.obligated + self.carried_over_unobligated)

    @property
    def unspent(self) -> int:
        """Neither obligated nor already carried over: what an explicit carry-over may take."""
        return self.current_budget - self.obligated - self.carried_over_unobligated

    @property
    def is_contingency_reserve(self) -> bool:
        return self.code.item == CONTINGENCY_ITEM

    # --- commands: validate, then record ----------------------------------------------------

    @classmethod
    def open(cls, ctx: Context, code: BudgetCode, title: str) -> BudgetLine:
        if not title.strip():
            raise InvalidInput("a budget line needs the title of its detailed project (세부사업명)")
        title = text.LINE_TITLE.check(title, "title")
        return cls.start(cls.Opened, ctx, cls.id_for(ctx.org, ctx.fiscal_year, code), code=code, title=title)

    def appropriate(self, ctx: Context, amount: int) -> None:
        self._check_open_line(ctx)
        amount = positive_won(amount)
        checked_sum(self.current_budget, amount, field="current_budget")
        self.record(self.Appropriated, ctx, amount=amount)

    def amend(self, ctx: Context, change: int, reference: str) -> None:
        self._check_open_line(ctx)
        if isinstance(change, bool) or not isinstance(change, int) or change == 0:
            raise InvalidAmount(f"an amendment changes the budget by a non-zero amount, got {change!r}")
        reference = text.REFERENCE.check(reference, "reference")
        new_budget = checked_sum(self.current_budget, change, field="current_budget")
        self._check_reduction(new_budget, change)
        self.record(self.Amended, ctx, change=change, reference=reference)

    def transfer_to(
        self, ctx: Context, target: BudgetLine, amount: int, kind: TransferKind, reason: str
    ) -> None:
        """전용/이용: move budget to ``target``; both lines are saved in one transaction."""
        amount = positive_won(amount)
        kind = TransferKind(kind)
        reason = text.REASON.check(reason, "reason")
        if target.id == self.id:
            raise InvalidInput("a transfer needs two different lines")
        self._check_same_ledger(target)
        same_project = (
            self.code.account,
            self.code.field,
            self.code.sector,
            self.code.policy_project,
            self.code.unit_project,
            self.code.detailed_project,
        ) == (
            target.code.account,
            target.code.field,
            target.code.sector,
            target.code.policy_project,
            target.code.unit_project,
            target.code.detailed_project,
        )
        if kind is TransferKind.DIVERSION and not same_project:
            raise InvalidInput(
                "a diversion (전용) moves budget between items of one detailed project; "
                "between projects it is an appropriation transfer (이용)"
            )
        if kind is TransferKind.APPROPRIATION_TRANSFER and same_project:
            raise InvalidInput(
                "an appropriation transfer (이용) moves budget between projects; "
                "between items of one project it is a diversion (전용)"
            )
        if self.code.account != target.code.account:
            raise InvalidInput("budget moves between accounts (회계) only by 이체, not here")
        if self.is_contingency_reserve:
            raise InvalidInput("the contingency reserve (예비비) is spent by a contingency grant")
        self._check_open_line(ctx)
        target._check_open_line(ctx)
        self._check_reduction(self.current_budget - amount, -amount)
        checked_sum(target.current_budget, amount, field="current_budget")
        self.record(self.TransferredOut, ctx, amount=amount, kind=kind, to_line_id=target.id, reason=reason)
        target.record(
            target.TransferredIn, ctx, amount=amount, kind=kind, from_line_id=self.id, reason=reason
        )

    def grant_contingency(self, ctx: Context, target: BudgetLine, amount: int, reason: str) -> None:
        """예비비 지출: this reserve line grants ``amount`` to ``target``."""
        amount = positive_won(amount)
        # Another organisation's reserve is refused as such, before anything is said of its code.
        self._check_same_ledger(target)
        reason = text.REASON.check(reason, "reason")
        if not self.is_contingency_reserve:
            raise InvalidInput(
                f"contingency is granted from a reserve line (item {CONTINGENCY_ITEM}), "
                f"not from item {self.code.item}"
            )
        if target.id == self.id or target.is_contingency_reserve:
            raise InvalidInput("contingency is granted to a spending line")
        self._check_open_line(ctx)
        target._check_open_line(ctx)
        self._check_reduction(self.current_budget - amount, -amount)
        checked_sum(target.current_budget, amount, field="current_budget")
        self.record(self.ContingencyReleased, ctx, amount=amount, to_line_id=target.id, reason=reason)
        target.record(target.ContingencyGranted, ctx, amount=amount, from_line_id=self.id, reason=reason)

    def allocate(self, ctx: Context, quarter: int, amount: int) -> None:
        """예산배정 (invariant 1: total allocated ≤ current budget)."""
        quarter = check_quarter(quarter)
        amount = positive_won(amount)
        self._check_open_line(ctx)
        if self.allocated_total + amount > self.current_budget:
            raise OverAllocation(
                f"allocating {amount} won would bring the allocated total to "
                f"{self.allocated_total + amount} won, over the current budget of "
                f"{self.current_budget} won",
                requested=amount,
                current_budget=self.current_budget,
                allocated=self.allocated_total,
                available=self.current_budget - self.allocated_total,
            )
        self.record(self.Allocated, ctx, quarter=quarter, amount=amount)

    def pull_forward(self, ctx: Context, from_quarter: int, to_quarter: int, amount: int) -> None:
        """당겨배정: make part of a later quarter's allocation available earlier."""
        from_quarter, to_quarter = check_quarter(from_quarter), check_quarter(to_quarter)
        amount = positive_won(amount)
        self._check_open_line(ctx)
        if from_quarter <= to_quarter:
            raise InvalidInput(
                f"an allocation is pulled forward from a later quarter, not from Q{from_quarter} "
                f"to Q{to_quarter}"
            )
        if amount > self.allocated[from_quarter - 1]:
            raise OverAllocation(
                f"Q{from_quarter} has {self.allocated[from_quarter - 1]} won allocated; "
                f"{amount} won cannot be pulled forward",
                requested=amount,
                allocated=self.allocated[from_quarter - 1],
                quarter=from_quarter,
            )
        self.record(
            self.AllocationPulledForward, ctx, from_quarter=from_quarter, to_quarter=to_quarter, amount=amount
        )

    def obligate(self, ctx: Context, obligation_id: UUID, amount: int) -> None:
        """Encumber ``amount`` (invariant 2: obligated ≤ allocated up to the date's quarter)."""
        amount = positive_won(amount)
        self._check_open_line(ctx)
        if self.is_contingency_reserve:
            raise InvalidState(
                "the contingency reserve (예비비) is not obligated directly; grant it to a line"
            )
        quarter = quarter_of(ctx.accounting_date)
        allocated = self.allocated_through(quarter)
        if self.obligated + amount > allocated:
            raise InsufficientAllocation(
                f"obligating {amount} won needs {self.obligated + amount} won allocated by "
                f"Q{quarter}; {allocated} won is allocated and {self.obligated} won obligated",
                requested=amount,
                allocated=allocated,
                obligated=self.obligated,
                available=allocated - self.obligated,
                quarter=quarter,
            )
        self.record(self.Obligated, ctx, obligation_id=obligation_id, amount=amount)

    def release_obligation(self, ctx: Context, obligation_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self._check_open_line(ctx)
        if amount > self.obligated:
            raise InvalidState(
                f"cannot release {amount} won; {self.obligated} won is obligated",
                requested=amount,
                obligated=self.obligated,
            )
        self.record(self.ObligationReleased, ctx, obligation_id=obligation_id, amount=amount)

    def record_payment(self, ctx: Context, voucher_id: UUID, payment_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self._check_open_line(ctx)
        if self.paid + amount > self.obligated:
            raise InvalidState(
                f"paying {amount} won would bring payments above the {self.obligated} won obligated",
                requested=amount,
                paid=self.paid,
                obligated=self.obligated,
            )
        self.record(self.Paid, ctx, voucher_id=voucher_id, payment_id=payment_id, amount=amount)

    def record_return(self, ctx: Context, voucher_id: UUID, payment_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self._check_open_line(ctx)
        if amount > self.paid:
            raise InvalidState(
                f"cannot return {amount} won; {self.paid} won is paid on the line",
                requested=amount,
                paid=self.paid,
            )
        self.record(self.PaymentReturned, ctx, voucher_id=voucher_id, payment_id=payment_id, amount=amount)

    def carry_over(
        self,
        ctx: Context,
        target: BudgetLine,
        target_ctx: Context,
        amount: int,
        kind: CarryOverKind,
        obligation_id: UUID | None = None,
        obligation_remaining: int | None = None,
    ) -> None:
        """이월 into the same code of the next year (invariant 8). A closing entry.

        Explicit and continuing carry-overs take unspent budget; an accident carry-over takes the
        unvouchered remainder of one obligation (the caller checks that obligation was never
        carried before, and passes its remainder).
        """
        amount = positive_won(amount)
        kind = CarryOverKind(kind)
        if target.org != self.org or target.fiscal_year != self.fiscal_year + 1:
            raise WrongOrganisation("a carry-over goes to the next year of the same organisation")
        if target.code != self.code:
            raise WrongOrganisation("a carry-over keeps the budget code")
        if target.closed:
            raise YearClosed(f"fiscal year {target.fiscal_year} is closed", fiscal_year=target.fiscal_year)
        if kind is CarryOverKind.ACCIDENT:
            if obligation_id is None or obligation_remaining is None:
                raise InvalidInput("an accident carry-over (사고이월) names the obligation it carries")
            if amount > obligation_remaining:
                raise CarryOverExceedsUnspent(
                    f"the obligation has {obligation_remaining} won not yet vouchered; "
                    f"{amount} won cannot be carried over",
                    requested=amount,
                    unspent=obligation_remaining,
                )
        else:
            if obligation_id is not None:
                raise InvalidInput("only an accident carry-over (사고이월) carries an obligation")
            if amount > self.unspent:
                raise CarryOverExceedsUnspent(
                    f"{self.unspent} won of the line is neither obligated nor carried over; "
                    f"{amount} won cannot be carried over",
                    requested=amount,
                    unspent=self.unspent,
                    current_budget=self.current_budget,
                    obligated=self.obligated,
                    carried_over=self.carried_over_unobligated,
                )
        checked_sum(target.current_budget, amount, field="current_budget")
        self.record(
            self.CarriedOver, ctx, amount=amount, kind=kind, to_line_id=target.id, obligation_id=obligation_id
        )
        target.record(
            target.CarriedIn,
            target_ctx,
            amount=amount,
            kind=kind,
            from_line_id=self.id,
            obligation_id=obligation_id,
        )

    def close(self, ctx: Context) -> int:
        """Year close: record the lapse (불용액) and accept only closing entries after it."""
        if self.closed:
            raise InvalidState(f"budget line {self.code} of {self.fiscal_year} is already closed")
        lapse = self.current_budget - self.paid - self.carried_over
        if lapse < 0:  # impossible while the invariants hold; never record a negative lapse
            raise InvalidState(
                f"lapse would be negative ({lapse} won)",
                current_budget=self.current_budget,
                paid=self.paid,
                carried_over=self.carried_over,
            )
        self.record(self.Lapsed, ctx, amount=lapse)
        return lapse

    # --- guards -----------------------------------------------------------------------------

    def _check_open_line(self, ctx: Context) -> None:
        if ctx.org != self.org or ctx.fiscal_year != self.fiscal_year:
            raise WrongOrganisation(
                f"budget line belongs to {self.org} {self.fiscal_year}, "
                f"the command to {ctx.org} {ctx.fiscal_year}",
                org=self.org,
                fiscal_year=self.fiscal_year,
            )
        if self.closed:
            raise YearClosed(
                f"fiscal year {self.fiscal_year} of {self.org} is closed",
                org=self.org,
                fiscal_year=self.fiscal_year,
            )

    def _check_same_ledger(self, other: BudgetLine) -> None:
        if other.org != self.org or other.fiscal_year != self.fiscal_year:
            raise WrongOrganisation("both lines must belong to one organisation and fiscal year")

    def _check_reduction(self, new_budget: int, change: int) -> None:
        """Invariant 5: never below what is allocated or obligated (or carried over)."""
        if change < 0 and new_budget < self.committed:
            raise BudgetReductionBelowCommitted(
                f"reducing the budget by {-change} won would leave {new_budget} won, below the "
                f"{self.committed} won already allocated or obligated",
                requested=-change,
                current_budget=self.current_budget,
                allocated=self.allocated_total,
                obligated=self.obligated,
                available=self.current_budget - self.committed,
            )
