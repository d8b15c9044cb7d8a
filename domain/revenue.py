"""Revenue (세입): assessment (조정/부과), billing (징수·납입고지), collection (수납), refund (환급).

A revenue line (세입예산 과목) is one revenue code 장-관-항-목 of an organisation's fiscal year, opened
with its budgeted estimate (세입예산액). Each assessment (부과) against it names a payer and a due
date, and then moves through its amounts, each bounded by the one before:

- 부과액 assessed (net of reductions 감액 and cancellations 부과취소): reduced only down to billed
- 징수결정액 billed (납입고지): ≤ assessed
- 수납액 collected against the bills: ≤ billed; money received beyond what is billed is refused,
  unless the collection says it is an overpayment (과오납), which is then kept apart
- 환급액 refunded (과오납 환급): ≤ overpaid

Every assessment command changes the assessment and its revenue line in one save, so the line
always shows the totals of its assessments. A closed year refuses them all (invariant 9).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id, revenue_code
from domain.errors import (
    BillingExceedsAssessed,
    CollectionExceedsBilled,
    InvalidInput,
    InvalidState,
    ReasonRequired,
    ReductionExceedsUnbilled,
    RefundExceedsOverpayment,
    WrongOrganisation,
    YearClosed,
)
from domain.money import checked_sum, positive_won


class PayerKind(StrEnum):
    """사업자·법인 (a business, may be disclosed) or 개인 (a private person, never disclosed)."""

    BUSINESS = "business"
    PERSON = "person"


def to_payer_kind(value: str) -> PayerKind:
    try:
        return PayerKind(value)
    except ValueError:
        kinds = ", ".join(kind.value for kind in PayerKind)
        raise InvalidInput(f"payer kind must be one of {kinds}, got {value!r}") from None


class RevenueLine(LedgerAggregate):
    """One revenue code (장-관-항-목) of an organisation's fiscal year, and its totals."""

    org: str
    fiscal_year: int
    code: str
    title: str
    estimate: int
    assessed: int
    billed: int
    collected: int
    overpaid: int
    refunded: int
    closed: bool

    # --- events -----------------------------------------------------------------------------

    class Opened(LedgerAggregate.Created):
        code: str
        title: str
        estimate: int

        def apply(self, line: RevenueLine) -> None:
            line.org, line.fiscal_year, line.code, line.closed = (
                self.org,
                self.fiscal_year,
                self.code,
                False,
            )
            line.title, line.estimate = self.title, self.estimate
            line.assessed = line.billed = line.collected = line.overpaid = line.refunded = 0

    class Assessed(LedgerAggregate.Event):
        assessment_id: UUID
        amount: int

        def apply(self, line: RevenueLine) -> None:
            line.assessed += self.amount

    class AssessmentReduced(LedgerAggregate.Event):
        """감액 or 부과취소 of an assessment on the line."""

        assessment_id: UUID
        amount: int

        def apply(self, line: RevenueLine) -> None:
            line.assessed -= self.amount

    class Billed(LedgerAggregate.Event):
        assessment_id: UUID
        amount: int

        def apply(self, line: RevenueLine) -> None:
            line.billed += self.amount

    class Collected(LedgerAggregate.Event):
        """수납: ``collected`` against the bills, ``overpaid`` received beyond them (과오납)."""

        assessment_id: UUID
        collected: int
        overpaid: int

        def apply(self, line: RevenueLine) -> None:
            line.collected += self.collected
            line.overpaid += self.overpaid

    class OverpaymentRefunded(LedgerAggregate.Event):
        assessment_id: UUID
        amount: int

        def apply(self, line: RevenueLine) -> None:
            line.refunded += self.amount

    class Closed(LedgerAggregate.Event):
        def apply(self, line: RevenueLine) -> None:
            line.closed = True

    # --- identity and derived amounts -------------------------------------------------------

    @staticmethod
    def id_for(org: str, year: int, code: str) -> UUID:
        return ledger_id("revenue-line", org, year, code)

    @property
    def unbilled(self) -> int:
        """Assessed and not yet billed."""
        return self.assessed - self.billed

    @property
    def receivable(self) -> int:
        """미수납액: billed and not yet collected."""
        return self.billed - self.collected

    @property
    def refundable(self) -> int:
        """과오납금 not yet refunded."""
        return self.overpaid - self.refunded

    @property
    def received(self) -> int:
        """Money kept: collected against bills, plus overpayments not (yet) refunded."""
        return self.collected + self.overpaid - self.refunded

    # --- commands: validate, then record ----------------------------------------------------

    @classmethod
    def open(cls, ctx: Context, code: str, title: str, estimate: int) -> RevenueLine:
        """Open the line with its estimate (세입예산액); the caller adds it to its fiscal year."""
        code = revenue_code(code)
        if not title.strip():
            raise InvalidInput("a revenue line needs a title (세입과목명)")
        title = text.LINE_TITLE.check(title, "title")
        estimate = positive_won(estimate, field="estimate")
        return cls.start(
            cls.Opened,
            ctx,
            cls.id_for(ctx.org, ctx.fiscal_year, code),
            code=code,
            title=title,
            estimate=estimate,
        )

    def close(self, ctx: Context) -> None:
        if self.closed:
            raise InvalidState(f"revenue line {self.code} of {self.fiscal_year} is already closed")
        self.record(self.Closed, ctx)

    def check_open(self, ctx: Context) -> None:
        """The command belongs to this line's organisation and year, and the year is not closed."""
        if ctx.org != self.org or ctx.fiscal_year != self.fiscal_year:
            raise WrongOrganisation(
                f"revenue line belongs to {self.org} {self.fiscal_year}, "
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

    # Recorded on behalf of an assessment, which has checked the amount against its own totals.

    def record_assessment(self, ctx: Context, assessment_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self.check_open(ctx)
        checked_sum(self.assessed, amount, field="assessed")
        self.record(self.Assessed, ctx, assessment_id=assessment_id, amount=amount)

    def record_reduction(self, ctx: Context, assessment_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self.check_open(ctx)
        if amount > self.unbilled:  # impossible while each assessment's own bound holds
            raise ReductionExceedsUnbilled(
                f"the line has {self.unbilled} won assessed and not billed; {amount} won asked",
                requested=amount,
                assessed=self.assessed,
                billed=self.billed,
                available=self.unbilled,
            )
        self.record(self.AssessmentReduced, ctx, assessment_id=assessment_id, amount=amount)

    def record_billing(self, ctx: Context, assessment_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self.check_open(ctx)
        if amount > self.unbilled:  # impossible while each assessment's own bound holds
            raise BillingExceedsAssessed(
                f"the line has {self.unbilled} won assessed and not billed; {amount} won asked",
                requested=amount,
                assessed=self.assessed,
                billed=self.billed,
                available=self.unbilled,
            )
        self.record(self.Billed, ctx, assessment_id=assessment_id, amount=amount)

    def record_collection(self, ctx: Context, assessment_id: UUID, collected: int, overpaid: int) -> None:
        self.check_open(ctx)
        if collected < 0 or overpaid < 0 or collected + overpaid <= 0:
            raise InvalidInput(
                "a collection receives a positive amount", collected=collected, overpaid=overpaid
            )
        if collected > self.receivable:  # impossible while each assessment's own bound holds
            raise CollectionExceedsBilled(
                f"the line has {self.receivable} won billed and not collected; {collected} won asked",
                requested=collected,
                billed=self.billed,
                collected=self.collected,
                available=self.receivable,
            )
        checked_sum(self.overpaid, overpaid, field="overpaid")
        self.record(self.Collected, ctx, assessment_id=assessment_id, collected=collected, overpaid=overpaid)

    def record_refund(self, ctx: Context, assessment_id: UUID, amount: int) -> None:
        amount = positive_won(amount)
        self.check_open(ctx)
        if amount > self.refundable:  # impossible while each assessment's own bound holds
            raise RefundExceedsOverpayment(
                f"the line has {self.refundable} won overpaid and not refunded; {amount} won asked",
                requested=amount,
                overpaid=self.overpaid,
                refunded=self.refunded,
                available=self.refundable,
            )
        self.record(self.OverpaymentRefunded, ctx, assessment_id=assessment_id, amount=amount)


class Assessment(LedgerAggregate):
    """조정/부과: what one payer owes on one revenue line, and how much of it is billed and paid.

    A person's name (개인) is kept for the ledger's own use and never disclosed; a business's may be.
    """

    org: str
    fiscal_year: int
    line_id: UUID
    revenue_code: str
    payer: str
    payer_kind: PayerKind
    due_date: date
    assessed: int
    reduced: int
    billed: int
    collected: int
    overpaid: int
    refunded: int

    # --- events -----------------------------------------------------------------------------

    class Created(LedgerAggregate.Created):
        line_id: UUID
        revenue_code: str
        payer: str
        payer_kind: PayerKind
        due_date: date
        amount: int

        def apply(self, assessment: Assessment) -> None:
            assessment.org, assessment.fiscal_year = self.org, self.fiscal_year
            assessment.line_id, assessment.revenue_code = self.line_id, self.revenue_code
            assessment.payer, assessment.payer_kind = self.payer, self.payer_kind
            assessment.due_date, assessment.assessed = self.due_date, self.amount
            assessment.reduced = assessment.billed = assessment.collected = 0
            assessment.overpaid = assessment.refunded = 0

    class Reduced(LedgerAggregate.Event):
        """감액; down to nothing it is a cancellation (부과취소)."""

        amount: int
        reason: str

        def apply(self, assessment: Assessment) -> None:
            assessment.assessed -= self.amount
            assessment.reduced += self.amount

    class Billed(LedgerAggregate.Event):
        """징수결정 and 납입고지."""

        amount: int

        def apply(self, assessment: Assessment) -> None:
            assessment.billed += self.amount

    class Collected(LedgerAggregate.Event):
        """수납 of ``amount``: ``collected`` against the bills, ``overpaid`` beyond them (과오납)."""

        amount: int
        collected: int
        overpaid: int

        def apply(self, assessment: Assessment) -> None:
            assessment.collected += self.collected
            assessment.overpaid += self.overpaid

    class OverpaymentRefunded(LedgerAggregate.Event):
        """과오납 환급."""

        amount: int
        reason: str

        def apply(self, assessment: Assessment) -> None:
            assessment.refunded += self.amount

    # --- identity and derived amounts -------------------------------------------------------

    @staticmethod
    def id_for(command_id: UUID) -> UUID:
        return ledger_id("revenue-assessment", command_id)

    @property
    def unbilled(self) -> int:
        """What may still be billed, or reduced: assessed − billed."""
        return self.assessed - self.billed

    @property
    def receivable(self) -> int:
        """미수납액: billed − collected."""
        return self.billed - self.collected

    @property
    def refundable(self) -> int:
        """과오납금 still to refund: overpaid − refunded."""
        return self.overpaid - self.refunded

    @property
    def cancelled(self) -> bool:
        """부과취소: reduced to nothing."""
        return self.assessed == 0

    @property
    def disclosed_payer(self) -> str | None:
        """The payer's name where it may be published: never a person's."""
        return self.payer if self.payer_kind is PayerKind.BUSINESS else None

    # --- commands: validate, then record ----------------------------------------------------

    @classmethod
    def assess(
        cls,
        ctx: Context,
        line: RevenueLine,
        payer: str,
        kind: PayerKind | str,
        amount: int,
        due_date: date,
    ) -> Assessment:
        """부과 of ``amount`` on ``line``; the caller saves the line and the new assessment."""
        line.check_open(ctx)
        amount = positive_won(amount)
        kind = to_payer_kind(kind)
        if not payer.strip():
            raise InvalidInput("an assessment names its payer (납부자)")
        payer = text.PAYER.check(payer, "payer")
        if due_date < ctx.accounting_date:
            raise InvalidInput(
                f"the due date {due_date.isoformat()} is before the assessment's accounting date "
                f"{ctx.accounting_date.isoformat()}",
                due_date=due_date.isoformat(),
                accounting_date=ctx.accounting_date.isoformat(),
            )
        assessment_id = cls.id_for(ctx.command_id)
        line.record_assessment(ctx, assessment_id, amount)
        return cls.start(
            cls.Created,
            ctx,
            assessment_id,
            line_id=line.id,
            revenue_code=line.code,
            payer=payer,
            payer_kind=kind,
            due_date=due_date,
            amount=amount,
        )

    def reduce(self, ctx: Context, line: RevenueLine, amount: int, reason: str) -> None:
        """감액/부과취소 of what is not yet billed."""
        self._check_live(ctx, line)
        amount = positive_won(amount)
        reason = _require_reason(reason)
        if amount > self.unbilled:
            raise ReductionExceedsUnbilled(
                f"the assessment has {self.unbilled} won not yet billed; {amount} won cannot be reduced",
                requested=amount,
                assessed=self.assessed,
                billed=self.billed,
                available=self.unbilled,
            )
        line.record_reduction(ctx, self.id, amount)
        self.record(self.Reduced, ctx, amount=amount, reason=reason)

    def bill(self, ctx: Context, line: RevenueLine, amount: int) -> None:
        """징수결정/납입고지 of (part of) what is assessed and not yet billed."""
        self._check_live(ctx, line)
        amount = positive_won(amount)
        if amount > self.unbilled:
            raise BillingExceedsAssessed(
                f"the assessment has {self.unbilled} won not yet billed; {amount} won asked",
                requested=amount,
                assessed=self.assessed,
                billed=self.billed,
                available=self.unbilled,
            )
        line.record_billing(ctx, self.id, amount)
        self.record(self.Billed, ctx, amount=amount)

    def collect(self, ctx: Context, line: RevenueLine, amount: int, allow_overpayment: bool = False) -> None:
        """수납 of ``amount``: up to what is billed and not collected; beyond it only as 과오납."""
        self._check_live(ctx, line)
        amount = positive_won(amount)
        receivable = self.receivable
        if amount > receivable and not allow_overpayment:
            raise CollectionExceedsBilled(
                f"the assessment has {receivable} won billed and not collected; {amount} won "
                "received (record the excess as an overpayment to refund it)",
                requested=amount,
                billed=self.billed,
                collected=self.collected,
                available=receivable,
            )
        collected = min(amount, receivable)
        overpaid = amount - collected
        checked_sum(self.overpaid, overpaid, field="overpaid")
        line.record_collection(ctx, self.id, collected, overpaid)
        self.record(self.Collected, ctx, amount=amount, collected=collected, overpaid=overpaid)

    def refund_overpayment(self, ctx: Context, line: RevenueLine, amount: int, reason: str) -> None:
        """과오납 환급 of (part of) what was overpaid and not yet refunded."""
        self._check_live(ctx, line)
        amount = positive_won(amount)
        reason = _require_reason(reason)
        if amount > self.refundable:
            raise RefundExceedsOverpayment(
                f"the assessment has {self.refundable} won overpaid and not refunded; {amount} won asked",
                requested=amount,
                overpaid=self.overpaid,
                refunded=self.refunded,
                available=self.refundable,
            )
        line.record_refund(ctx, self.id, amount)
        self.record(self.OverpaymentRefunded, ctx, amount=amount, reason=reason)

    # --- guards -----------------------------------------------------------------------------

    def _check_live(self, ctx: Context, line: RevenueLine) -> None:
        if line.id != self.line_id:
            raise WrongOrganisation("the revenue line given is not the assessment's line")
        if (ctx.org, ctx.fiscal_year) != (self.org, self.fiscal_year):
            raise WrongOrganisation(
                f"assessment belongs to {self.org} {self.fiscal_year}, "
                f"the command to {ctx.org} {ctx.fiscal_year}",
                org=self.org,
                fiscal_year=self.fiscal_year,
            )
        line.check_open(ctx)


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ReasonRequired("a reduction or a refund states its reason")
    return text.REASON.check(reason, "reason")
