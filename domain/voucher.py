"""Vouchers (지출결의), payment orders (지급명령), payments (지급) and returns (반납).

A voucher draws on what remains of its obligation, and of its contract if it has one (invariant 3).
Approved by the groupware e-approval system (전자결재), it is ordered for payment in one or more
payment orders, each no more than what of the voucher is not yet ordered; each order is paid in one
or more payments, each no more than what of the order is not yet paid (invariant 3). A payment may
be returned (반납), in part or in full, up to what was paid on it net of earlier returns
(invariant 4). Payments and returns change the budget line's paid total in the same save.

Orders and payments live inside the voucher: it is the consistency boundary of those sums.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.contract import Contract
from domain.errors import (
    InvalidAmount,
    InvalidInput,
    InvalidState,
    NotFound,
    OrderExceedsVoucher,
    PaymentExceedsOrder,
    ReasonRequired,
    ReturnExceedsPayment,
    WrongOrganisation,
)
from domain.money import non_negative_won, positive_won
from domain.obligation import Obligation
from domain.vendor import Vendor


class VoucherStatus(StrEnum):
    DRAFTED = "drafted"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class PaymentOrder:
    """지급명령: part (or all) of an approved voucher ordered for payment."""

    order_id: UUID
    amount: int
    paid: int = 0

    @property
    def unpaid(self) -> int:
        return self.amount - self.paid


@dataclass(frozen=True, slots=True)
class Payment:
    """지급 against one order; ``withheld`` (예수금) is kept back from the payee, in ``amount``."""

    payment_id: UUID
    order_id: UUID
    amount: int
    withheld: int
    returned: int = 0

    @property
    def unreturned(self) -> int:
        return self.amount - self.returned

    def withheld_in(self, returned: int) -> int:
        """The part of ``withheld`` that ``returned`` won of this payment, returned in all, carry:
        pro rata, rounded down, so the whole payment returned carries the whole of it. A return is
        gross (it lowers 지출액 by its amount); the payee gives back what it received of it, and the
        withholding not paid out comes back off 예수금."""
        return self.withheld * returned // self.amount if self.amount else 0


class Voucher(LedgerAggregate):
    """지출결의서."""

    org: str
    fiscal_year: int
    obligation_id: UUID
    contract_id: UUID | None
    line_id: UUID
    payee_id: UUID | None
    description: str
    amount: int
    status: VoucherStatus
    orders: tuple[PaymentOrder, ...]
    payments: tuple[Payment, ...]

    # --- events -----------------------------------------------------------------------------

    class Drafted(LedgerAggregate.Created):
        obligation_id: UUID
        contract_id: UUID | None
        line_id: UUID
        payee_id: UUID | None
        description: str
        amount: int

        def apply(self, voucher: Voucher) -> None:
            voucher.org, voucher.fiscal_year = self.org, self.fiscal_year
            voucher.obligation_id, voucher.contract_id = self.obligation_id, self.contract_id
            voucher.line_id, voucher.payee_id = self.line_id, self.payee_id
            voucher.description, voucher.amount = self.description, self.amount
            voucher.status, voucher.orders, voucher.payments = VoucherStatus.DRAFTED, (), ()

    class Approved(LedgerAggregate.Event):
        approver: str

        def apply(self, voucher: Voucher) -> None:
            voucher.status = VoucherStatus.APPROVED

    class Rejected(LedgerAggregate.Event):
        reason: str

        def apply(self, voucher: Voucher) -> None:
            voucher.status = VoucherStatus.REJECTED

    class PaymentOrdered(LedgerAggregate.Event):
        """지급명령 issued."""

        order_id: UUID
        amount: int

        def apply(self, voucher: Voucher) -> None:
            voucher.orders = (*voucher.orders, PaymentOrder(self.order_id, self.amount))

    class Paid(LedgerAggregate.Event):
        """지급: ``amount`` leaves the budget; ``amount − withheld`` goes to the payee."""

        payment_id: UUID
        order_id: UUID
        amount: int
        withheld: int

        def apply(self, voucher: Voucher) -> None:
            voucher.orders = tuple(
                replace(o, paid=o.paid + self.amount) if o.order_id == self.order_id else o
                for o in voucher.orders
            )
            voucher.payments = (
                *voucher.payments,
                Payment(self.payment_id, self.order_id, self.amount, self.withheld),
            )

    class PaymentReturned(LedgerAggregate.Event):
        """반납 of (part of) one payment: ``amount`` is gross, of which ``withheld`` was kept back
        as 예수금 and never reached the payee (0 in events recorded before it was stated)."""

        payment_id: UUID
        amount: int
        reason: str
        withheld: int = 0

        def apply(self, voucher: Voucher) -> None:
            voucher.payments = tuple(
                replace(p, returned=p.returned + self.amount) if p.payment_id == self.payment_id else p
                for p in voucher.payments
            )

    # --- identity and derived amounts -------------------------------------------------------

    # ``key`` tells apart several vouchers, orders or payments one command makes (a payroll
    # run's, one per budget line); without it the ids are those every other command gets.

    @staticmethod
    def id_for(command_id: UUID, key: str | None = None) -> UUID:
        return ledger_id("voucher", command_id) if key is None else ledger_id("voucher", command_id, key)

    @staticmethod
    def order_id_for(command_id: UUID, key: str | None = None) -> UUID:
        return (
            ledger_id("payment-order", command_id)
            if key is None
            else ledger_id("payment-order", command_id, key)
        )

    @staticmethod
    def payment_id_for(command_id: UUID, key: str | None = None) -> UUID:
        return ledger_id("payment", command_id) if key is None else ledger_id("payment", command_id, key)

    @property
    def ordered(self) -> int:
        return sum(o.amount for o in self.orders)

    @property
    def unordered(self) -> int:
        """What payment orders may still take: amount − ordered."""
        return self.amount - self.ordered

    @property
    def paid(self) -> int:
        """Paid on the voucher, before returns."""
        return sum(p.amount for p in self.payments)

    @property
    def returned(self) -> int:
        return sum(p.returned for p in self.payments)

    def order(self, order_id: UUID) -> PaymentOrder:
        found = next((o for o in self.orders if o.order_id == order_id), None)
        if found is None:
            raise NotFound(f"voucher {self.id} has no payment order {order_id}", id=str(order_id))
        return found

    def payment(self, payment_id: UUID) -> Payment:
        found = next((p for p in self.payments if p.payment_id == payment_id), None)
        if found is None:
            raise NotFound(f"voucher {self.id} has no payment {payment_id}", id=str(payment_id))
        return found

    # --- commands: validate, then record ----------------------------------------------------

    @classmethod
    def draft(
        cls,
        ctx: Context,
        obligation: Obligation,
        amount: int,
        description: str,
        contract: Contract | None = None,
        payee: Vendor | None = None,
        *,
        key: str | None = None,
    ) -> Voucher:
        """지출결의 against ``obligation`` (and ``contract``); the caller saves them with it.

        The payee is the contract's vendor, else the obligation's; a vendor given must be that
        one, and names the payee of an obligation made without a vendor.
        """
        amount = positive_won(amount)
        if not description.strip():
            raise InvalidInput("a voucher says what it pays for")
        description = text.DESCRIPTION.check(description, "description")
        if (ctx.org, ctx.fiscal_year) != (obligation.org, obligation.fiscal_year):
            raise WrongOrganisation(
                f"obligation belongs to {obligation.org} {obligation.fiscal_year}",
                org=obligation.org,
                fiscal_year=obligation.fiscal_year,
            )
        if contract is not None and contract.obligation_id != obligation.id:
            raise WrongOrganisation("the contract was signed against another obligation")
        payee_id = contract.vendor_id if contract is not None else obligation.vendor_id
        if payee is not None:
            if payee_id is not None and payee.id != payee_id:
                raise InvalidInput(
                    f"the voucher pays the vendor of its {'contract' if contract else 'obligation'}, "
                    f"not {payee.name}"
                )
            payee_id = payee.id
        voucher_id = cls.id_for(ctx.command_id, key)
        # A refusal must leave obligation and contract untouched, so the one that refuses judges
        # first: the obligation when it will (cancelled, or too little left), else the contract.
        sources: tuple[Obligation | Contract, ...] = (obligation,)
        if contract is not None:
            obligation_refuses = obligation.cancelled or amount > obligation.remaining
            sources = (obligation, contract) if obligation_refuses else (contract, obligation)
        for source in sources:
            source.draw_voucher(ctx, voucher_id, amount)
        return cls.start(
            cls.Drafted,
            ctx,
            voucher_id,
            obligation_id=obligation.id,
            contract_id=contract.id if contract else None,
            line_id=obligation.line_id,
            payee_id=payee_id,
            description=description,
            amount=amount,
        )

    def approve(self, ctx: Context) -> None:
        """전자결재 approval callback."""
        self._check_ledger(ctx)
        self._require(VoucherStatus.DRAFTED, "approved")
        self.record(self.Approved, ctx, approver=ctx.actor)

    def reject(
        self, ctx: Context, reason: str, obligation: Obligation, contract: Contract | None = None
    ) -> None:
        """전자결재 rejection callback: the amount drawn goes back to the obligation (and contract)."""
        self._check_ledger(ctx)
        if not reason.strip():
            raise ReasonRequired("a rejection gives its reason")
        reason = text.REASON.check(reason, "reason")
        self._require(VoucherStatus.DRAFTED, "rejected")
        if obligation.id != self.obligation_id or ((contract.id if contract else None) != self.contract_id):
            raise WrongOrganisation("the obligation or contract given is not the voucher's")
        obligation.release_voucher(ctx, self.id, self.amount)
        if contract is not None:
            contract.release_voucher(ctx, self.id, self.amount)
        self.record(self.Rejected, ctx, reason=reason)

    def issue_order(self, ctx: Context, amount: int, *, key: str | None = None) -> UUID:
        """지급명령 (invariant 3: orders ≤ the voucher)."""
        amount = positive_won(amount)
        self._check_ledger(ctx)
        self._require(VoucherStatus.APPROVED, "ordered for payment")
        if amount > self.unordered:
            raise OrderExceedsVoucher(
                f"the voucher has {self.unordered} won left to order; {amount} won asked",
                requested=amount,
                voucher_amount=self.amount,
                ordered=self.ordered,
                available=self.unordered,
            )
        order_id = self.order_id_for(ctx.command_id, key)
        self.record(self.PaymentOrdered, ctx, order_id=order_id, amount=amount)
        return order_id

    def pay(
        self,
        ctx: Context,
        line: BudgetLine,
        order_id: UUID,
        amount: int,
        withheld: int = 0,
        *,
        key: str | None = None,
    ) -> UUID:
        """지급 against one order (invariant 3: payments ≤ the order); the line counts it paid."""
        amount = positive_won(amount)
        withheld = non_negative_won(withheld, field="withheld")
        if withheld > amount:
            raise InvalidAmount(
                f"{withheld} won withheld is more than the {amount} won paid",
                withheld=withheld,
                amount=amount,
            )
        self._check_ledger(ctx)
        self._check_line(line)
        self._require(VoucherStatus.APPROVED, "paid")
        order = self.order(order_id)
        if amount > order.unpaid:
            raise PaymentExceedsOrder(
                f"the payment order has {order.unpaid} won left to pay; {amount} won asked",
                requested=amount,
                order_amount=order.amount,
                paid=order.paid,
                available=order.unpaid,
            )
        payment_id = self.payment_id_for(ctx.command_id, key)
        line.record_payment(ctx, self.id, payment_id, amount)
        self.record(
            self.Paid, ctx, payment_id=payment_id, order_id=order_id, amount=amount, withheld=withheld
        )
        return payment_id

    def return_payment(
        self,
        ctx: Context,
        line: BudgetLine,
        obligation: Obligation,
        payment_id: UUID,
        amount: int,
        reason: str,
    ) -> None:
        """반납 (invariant 4: returns ≤ what was paid on that payment); line and obligation too."""
        amount = positive_won(amount)
        if not reason.strip():
            raise ReasonRequired("a return (반납) gives its reason")
        reason = text.REASON.check(reason, "reason")
        self._check_ledger(ctx)
        self._check_line(line)
        if obligation.id != self.obligation_id:
            raise WrongOrganisation("the obligation given is not the voucher's obligation")
        payment = self.payment(payment_id)
        if amount > payment.unreturned:
            raise ReturnExceedsPayment(
                f"the payment has {payment.unreturned} won not yet returned; {amount} won asked",
                requested=amount,
                paid=payment.amount,
                returned=payment.returned,
                available=payment.unreturned,
            )
        withheld = payment.withheld_in(payment.returned + amount) - payment.withheld_in(payment.returned)
        line.record_return(ctx, self.id, payment_id, amount)
        obligation.record_return(ctx, self.id, payment_id, amount)
        self.record(
            self.PaymentReturned, ctx, payment_id=payment_id, amount=amount, reason=reason, withheld=withheld
        )

    # --- guards -----------------------------------------------------------------------------

    def _require(self, status: VoucherStatus, action: str) -> None:
        if self.status is not status:
            raise InvalidState(
                f"{text.a(self.status.value)} voucher cannot be {action}; it must be {status.value}",
                status=self.status.value,
            )

    def _check_ledger(self, ctx: Context) -> None:
        if (ctx.org, ctx.fiscal_year) != (self.org, self.fiscal_year):
            raise WrongOrganisation(
                f"voucher belongs to {self.org} {self.fiscal_year}",
                org=self.org,
                fiscal_year=self.fiscal_year,
            )

    def _check_line(self, line: BudgetLine) -> None:
        if line.id != self.line_id:
            raise WrongOrganisation("the budget line given is not the voucher's line")
