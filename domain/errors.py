"""Named refusals of the domain (거부 사유).

Every broken rule raises a subclass of :class:`DomainError`. Each class carries a stable,
machine-readable ``code`` (clients and the HTTP layer key on it, so never rename one) and the
numbers that explain the refusal, so a user sees *why* and *by how much*.
"""

from __future__ import annotations

from typing import ClassVar

Number = int | str


class DomainError(Exception):
    """A command was refused because it would break a rule of the domain."""

    code: ClassVar[str] = "domain-error"
    title: ClassVar[str] = "The command breaks a rule of the ledger"

    def __init__(self, detail: str, **numbers: Number) -> None:
        super().__init__(detail)
        self.detail = detail
        self.numbers: dict[str, Number] = numbers

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.detail!r}, {self.numbers!r})"


# --- input that is malformed or outside what the ledger can hold -------------------------------


class InvalidInput(DomainError):
    code = "invalid-input"
    title = "The input is not valid"


class InvalidAmount(InvalidInput):
    code = "invalid-amount"
    title = "Amounts are whole won, greater than zero"


class AmountOutOfRange(InvalidInput):
    code = "amount-out-of-range"
    title = "The amount does not fit in a signed 64-bit integer"


class MalformedCode(InvalidInput):
    code = "malformed-code"
    title = "The code is not written in the expected form"


class UnknownCode(InvalidInput):
    code = "unknown-code"
    title = "The code is not in the catalogue"


class DateOutsideFiscalYear(InvalidInput):
    code = "date-outside-fiscal-year"
    title = "The accounting date lies outside the fiscal year"


class InvalidText(InvalidInput):
    """Text a command brings is too long, blank, or holds a character no text may hold
    (domain.text)."""

    code = "invalid-text"
    title = "The text is too long, blank, or holds a character it may not hold"


class ReasonRequired(InvalidInput):
    code = "reason-required"
    title = "A reason is required"


# --- state of things ---------------------------------------------------------------------------


class NotFound(DomainError):
    code = "not-found"
    title = "No such thing in the ledger"


class AlreadyExists(DomainError):
    code = "already-exists"
    title = "It exists already"


class InvalidState(DomainError):
    code = "invalid-state"
    title = "The command does not apply in the current state"


class WrongOrganisation(DomainError):
    code = "wrong-organisation"
    title = "The things named belong to different organisations or years"


# --- shared records (공동 관리 대장): who may change what another organisation recorded ----------


class NotEntitled(DomainError):
    """A record every organisation shares (a vendor, 거래처) is changed only by the organisation a
    rule of the domain names; the others may use it, not change it."""

    code = "not-entitled"
    title = "This organisation may not change this shared record"


class DebarmentIssuedElsewhere(NotEntitled):
    """Only the organisation that issued a debarment (제재 처분 기관) lifts it."""

    code = "debarment-issued-elsewhere"
    title = "Only the organisation that issued the debarment may lift it"


class VendorRegisteredElsewhere(NotEntitled):
    """A vendor's master data is kept by the organisation that registered it and by the city."""

    code = "vendor-registered-elsewhere"
    title = "Only the organisation that registered the vendor, or the city (본청), may change it"


# --- fiscal years (invariant 9) -----------------------------------------------------------------


class YearNotOpen(DomainError):
    code = "year-not-open"
    title = "The fiscal year has not been opened"


class YearClosed(DomainError):
    code = "year-closed"
    title = "The fiscal year is closed: only closing entries are accepted"


# --- the spending lifecycle (invariants 1-8) ----------------------------------------------------


class OverAllocation(DomainError):
    """Invariant 1: total allocated ≤ current budget (예산현액)."""

    code = "over-allocation"
    title = "The allocation would exceed the current budget"


class InsufficientAllocation(DomainError):
    """Invariant 2: total obligated ≤ total allocated (배정액)."""

    code = "insufficient-allocation"
    title = "The obligation would exceed the allocated budget"


class BudgetReductionBelowCommitted(DomainError):
    """Invariant 5 (and amendments): a line never goes below what is allocated or obligated."""

    code = "below-committed"
    title = "The change would take the line below what is already allocated or obligated"


class VoucherExceedsObligation(DomainError):
    """Invariant 3: a voucher ≤ what remains of its obligation (or contract)."""

    code = "voucher-exceeds-obligation"
    title = "The voucher exceeds what remains of its obligation"


class OrderExceedsVoucher(DomainError):
    """Invariant 3: a payment order ≤ what remains of its voucher."""

    code = "order-exceeds-voucher"
    title = "The payment order exceeds what remains of its voucher"


class PaymentExceedsOrder(DomainError):
    """Invariant 3: a payment ≤ what remains of its payment order."""

    code = "payment-exceeds-order"
    title = "The payment exceeds what remains of its payment order"


class ReturnExceedsPayment(DomainError):
    """Invariant 4: a return (반납) ≤ what was paid on that payment, net of earlier returns."""

    code = "return-exceeds-payment"
    title = "The return exceeds what was paid"


class ContractExceedsObligation(DomainError):
    """Invariant 6: a contract's amount ≤ its obligation."""

    code = "contract-exceeds-obligation"
    title = "The contract amount exceeds its obligation"


class VendorDebarred(DomainError):
    """Invariant 7: no obligation or contract with a vendor debarred on that date (부정당업자)."""

    code = "vendor-debarred"
    title = "The vendor is debarred on that date"


class CarryOverExceedsUnspent(DomainError):
    """Invariant 8: carry-over (이월) only of unspent budget or of an existing obligation."""

    code = "carry-over-exceeds-unspent"
    title = "The carry-over exceeds what is unspent"


class CarryOverNotAllowed(DomainError):
    """Invariant 8: an accident carry-over (사고이월) cannot be carried again."""

    code = "carry-over-not-allowed"
    title = "This amount cannot be carried over"


class CancelExceedsRemaining(DomainError):
    code = "cancel-exceeds-remaining"
    title = "Only what is not yet vouchered can be cancelled or reduced"


# --- revenue (세입) -----------------------------------------------------------------------------


class CollectionExceedsBilled(DomainError):
    code = "collection-exceeds-billed"
    title = "More is collected than was billed; record the overpayment for a refund"


class BillingExceedsAssessed(DomainError):
    code = "billing-exceeds-assessed"
    title = "The bill exceeds what remains of the assessment"


class RefundExceedsOverpayment(DomainError):
    code = "refund-exceeds-overpayment"
    title = "The refund exceeds the overpayment (과오납금)"


class ReductionExceedsUnbilled(DomainError):
    code = "reduction-exceeds-unbilled"
    title = "Only what is not yet billed of an assessment can be reduced or cancelled"


# --- financial accounting (복식부기) -------------------------------------------------------------


class UnbalancedEntry(DomainError):
    """Every journal entry balances: Σ debit = Σ credit."""

    code = "unbalanced-entry"
    title = "The journal entry does not balance: total debits differ from total credits"


class NotPostable(DomainError):
    """A budget item that never posts a journal entry (예비비 is granted, not spent)."""

    code = "not-postable"
    title = "Nothing is posted to the accounts for this item"
