"""Obligations (지출원인행위): budget encumbered for a purpose, and often a vendor.

An obligation is made against an allocated budget line (invariant 2), optionally from an approved
requisition. Vouchers draw on it (invariant 3), contracts are signed against it (invariant 6). An
accident carry-over (사고이월) moves its unvouchered remainder to the next year, once.

A return (반납) of a payment gives the obligation back the returned amount to voucher again (a
corrected payment to the right payee goes on a new voucher); the obligation's amount, and so the
line's 원인행위액, stays as it was until the obligation is reduced or cancelled (domain.md §4).
"""

from __future__ import annotations

from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.errors import (
    CancelExceedsRemaining,
    CarryOverNotAllowed,
    ContractExceedsObligation,
    InvalidAmount,
    InvalidInput,
    InvalidState,
    VoucherExceedsObligation,
    WrongOrganisation,
)
from domain.money import positive_won, releasable
from domain.requisition import Requisition
from domain.vendor import Vendor


class Obligation(LedgerAggregate):
    """지출원인행위."""

    org: str
    fiscal_year: int
    line_id: UUID
    requisition_id: UUID | None
    vendor_id: UUID | None
    description: str
    amount: int
    vouchered: int
    contracted: int
    returned: int
    cancelled: bool
    carried_to_line_id: UUID | None

    class Created(LedgerAggregate.Created):
        line_id: UUID
        requisition_id: UUID | None
        vendor_id: UUID | None
        description: str
        amount: int

        def apply(self, ob: Obligation) -> None:
            ob.org, ob.fiscal_year, ob.line_id = self.org, self.fiscal_year, self.line_id
            ob.requisition_id, ob.vendor_id = self.requisition_id, self.vendor_id
            ob.description, ob.amount = self.description, self.amount
            ob.vouchered = ob.contracted = ob.returned = 0
            ob.cancelled, ob.carried_to_line_id = False, None

    class Amended(LedgerAggregate.Event):
        change: int
        reason: str

        def apply(self, ob: Obligation) -> None:
            ob.amount += self.change

    class Cancelled(LedgerAggregate.Event):
        amount: int
        reason: str

        def apply(self, ob: Obligation) -> None:
            ob.amount -= self.amount
            ob.cancelled = True

    class Vouchered(LedgerAggregate.Event):
        voucher_id: UUID
        amount: int

        def apply(self, ob: Obligation) -> None:
            ob.vouchered += self.amount

    class VoucherReleased(LedgerAggregate.Event):
        """A rejected voucher (지출결의 반려) gives back what it drew."""

        voucher_id: UUID
        amount: int

        def apply(self, ob: Obligation) -> None:
            ob.vouchered -= self.amount

    class Contracted(LedgerAggregate.Event):
        """A contract signed or amended against the obligation: ``change`` of contracted total."""

        contract_id: UUID
        change: int

        def apply(self, ob: Obligation) -> None:
            ob.contracted += self.change

    class Returned(LedgerAggregate.Event):
        """반납 of money paid under the obligation: the amount may be vouchered again."""

        voucher_id: UUID
        payment_id: UUID
        amount: int

        def apply(self, ob: Obligation) -> None:
            ob.returned += self.amount

    class CarriedOver(LedgerAggregate.Event):
        """사고이월: the unvouchered remainder now draws on the next year's line; what is not
        carried (``left_behind``) stays with the old year and lapses."""

        amount: int
        left_behind: int
        to_line_id: UUID
        to_fiscal_year: int

        def apply(self, ob: Obligation) -> None:
            ob.amount -= self.left_behind
            ob.carried_to_line_id = self.to_line_id
            ob.line_id = self.to_line_id
            ob.fiscal_year = self.to_fiscal_year

    @staticmethod
    def id_for(command_id: UUID, key: str | None = None) -> UUID:
        """The id a command gives the obligation it makes; ``key`` tells apart several made by
        one command (a payroll run's, one per budget line)."""
        return (
            ledger_id("obligation", command_id) if key is None else ledger_id("obligation", command_id, key)
        )

    @property
    def drawn(self) -> int:
        """What vouchers hold of the obligation: vouchered, less the payments returned."""
        return self.vouchered - self.returned

    @property
    def remaining(self) -> int:
        """What vouchers may still draw: amount − vouchered + returned."""
        return self.amount - self.drawn

    @classmethod
    def create(
        cls,
        ctx: Context,
        line: BudgetLine,
        amount: int,
        description: str,
        requisition: Requisition | None = None,
        vendor: Vendor | None = None,
        *,
        key: str | None = None,
    ) -> Obligation:
        """Obligate ``amount`` on ``line``; the caller saves line, obligation (and requisition)."""
        amount = positive_won(amount)
        if not description.strip():
            raise InvalidInput("an obligation says what it is for")
        description = text.DESCRIPTION.check(description, "description")
        obligation_id = cls.id_for(ctx.command_id, key)
        if requisition is not None:
            if requisition.line_id != line.id:
                raise WrongOrganisation("the requisition was drafted on another budget line")
            requisition.obligate(ctx, obligation_id, amount)
        if vendor is not None:
            vendor.check_eligible(ctx.accounting_date)
        line.obligate(ctx, obligation_id, amount)
        return cls.start(
            cls.Created,
            ctx,
            obligation_id,
            line_id=line.id,
            requisition_id=requisition.id if requisition else None,
            vendor_id=vendor.id if vendor else None,
            description=description,
            amount=amount,
        )

    def amend(
        self,
        ctx: Context,
        line: BudgetLine,
        new_amount: int,
        reason: str,
        requisition: Requisition | None = None,
    ) -> None:
        """Change the obligated amount; an increase needs allocation, a decrease frees it."""
        new_amount = positive_won(new_amount, field="new_amount")
        reason = text.REASON.check(reason, "reason")
        self._check_live(ctx, line)
        change = new_amount - self.amount
        if change == 0:
            raise InvalidAmount(f"the obligation is already {self.amount} won", amount=self.amount)
        # What vouchers hold net of returns: a returned amount may be released by the reduction
        # (원인행위 감액) instead of being vouchered again.
        floor = max(self.drawn, self.contracted)
        if new_amount < floor:
            raise CancelExceedsRemaining(
                f"the obligation cannot go below {floor} won already vouchered (net of returns) "
                "or contracted",
                requested=new_amount,
                vouchered=self.vouchered,
                returned=self.returned,
                contracted=self.contracted,
            )
        if change > 0:
            if requisition is not None:
                requisition.obligate(ctx, self.id, change)
            line.obligate(ctx, self.id, change)
        else:
            if requisition is not None:
                requisition.release(ctx, self.id, -change)
            line.release_obligation(ctx, self.id, -change)
        self.record(self.Amended, ctx, change=change, reason=reason)

    def cancel(
        self, ctx: Context, line: BudgetLine, reason: str, requisition: Requisition | None = None
    ) -> None:
        """Cancel an obligation no voucher holds (none, or every payment returned) and no
        contract draws on: its whole amount is free on the line again."""
        reason = text.REASON.check(reason, "reason")
        self._check_live(ctx, line)
        if self.drawn > 0 or self.contracted > 0:
            raise CancelExceedsRemaining(
                "an obligation with vouchers or a contract is reduced by amendment, not cancelled",
                vouchered=self.vouchered,
                returned=self.returned,
                contracted=self.contracted,
                amount=self.amount,
            )
        if requisition is not None:
            requisition.release(ctx, self.id, self.amount)
        line.release_obligation(ctx, self.id, self.amount)
        self.record(self.Cancelled, ctx, amount=self.amount, reason=reason)

    def draw_voucher(self, ctx: Context, voucher_id: UUID, amount: int) -> None:
        """Invariant 3: a voucher ≤ what remains of the obligation."""
        amount = positive_won(amount)
        self._check_not_cancelled()
        if amount > self.remaining:
            raise VoucherExceedsObligation(
                f"the obligation has {self.remaining} won left to voucher; {amount} won asked",
                requested=amount,
                obligation_amount=self.amount,
                vouchered=self.vouchered,
                returned=self.returned,
                available=self.remaining,
            )
        self.record(self.Vouchered, ctx, voucher_id=voucher_id, amount=amount)

    def release_voucher(self, ctx: Context, voucher_id: UUID, amount: int) -> None:
        """Give back what a rejected voucher drew, so it may be vouchered again."""
        amount = releasable(amount, held=self.vouchered, held_as="vouchered")
        self.record(self.VoucherReleased, ctx, voucher_id=voucher_id, amount=amount)

    def contract(self, ctx: Context, contract_id: UUID, change: int) -> None:
        """Invariant 6: contracts against the obligation never exceed its amount."""
        self._check_not_cancelled()
        if self.contracted + change > self.amount:
            raise ContractExceedsObligation(
                f"contracts would total {self.contracted + change} won against an obligation of "
                f"{self.amount} won",
                requested=change,
                obligation_amount=self.amount,
                contracted=self.contracted,
                available=self.amount - self.contracted,
            )
        if self.contracted + change < 0:
            raise InvalidAmount("contracted total cannot be negative")
        self.record(self.Contracted, ctx, contract_id=contract_id, change=change)

    def record_return(self, ctx: Context, voucher_id: UUID, payment_id: UUID, amount: int) -> None:
        """반납 of (part of) a payment under a voucher on this obligation (the voucher checked the
        amount against the payment): the amount is the obligation's to voucher again."""
        self.record(self.Returned, ctx, voucher_id=voucher_id, payment_id=payment_id, amount=amount)

    def carry_over(self, ctx: Context, target_line: BudgetLine, amount: int) -> None:
        """사고이월 of (part of) the unvouchered remainder; an obligation is carried at most once.

        The budget line checks ``amount`` against the remainder; this records the move.
        """
        self.check_carriable()
        self.record(
            self.CarriedOver,
            ctx,
            amount=amount,
            left_behind=self.remaining - amount,
            to_line_id=target_line.id,
            to_fiscal_year=target_line.fiscal_year,
        )

    def check_carriable(self) -> None:
        """An obligation is carried over (사고이월) at most once, and only while something remains."""
        self._check_not_cancelled()
        if self.carried_to_line_id is not None:
            raise CarryOverNotAllowed(
                "this obligation was carried over already (사고이월 cannot be carried again)",
                amount=self.remaining,
            )
        if self.remaining <= 0:
            raise CarryOverNotAllowed(
                "nothing of the obligation is left to carry over", amount=self.remaining
            )

    def _check_live(self, ctx: Context, line: BudgetLine) -> None:
        if line.id != self.line_id:
            raise WrongOrganisation("the budget line given is not the obligation's line")
        if (ctx.org, ctx.fiscal_year) != (self.org, self.fiscal_year):
            raise WrongOrganisation(
                f"obligation belongs to {self.org} {self.fiscal_year}",
                org=self.org,
                fiscal_year=self.fiscal_year,
            )
        self._check_not_cancelled()

    def _check_not_cancelled(self) -> None:
        if self.cancelled:
            raise InvalidState("the obligation is cancelled")
