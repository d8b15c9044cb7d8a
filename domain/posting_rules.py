"""Posting rules (자동분개): ledger events → balanced journal entries (domain.md §5).

:func:`journal_entries` takes an event as stored: its name (the event class's ``__qualname__``),
the id of the aggregate that recorded it, and its JSON fields (amounts ``int``, UUIDs and dates as
strings). Facts the event does not carry come from a :class:`Facts` lookup the caller keeps, learnt
from earlier events (see :data:`FACT_EVENTS` and :class:`MemoryFacts`). The general ledger
projection calls :func:`posting`, the same entry as plain tuples, not checked again.

Each handled event, its entry, and the lookups it makes (``source_id`` is the aggregate's id):

- ``Voucher.Approved`` (지출결의): Dr the item's account / Cr 미지급금, the voucher's amount;
  ``line_of_voucher``, ``voucher_amount``, ``item_of_line``.
- ``Voucher.Paid`` (지급): Dr 미지급금 / Cr cash (amount − withheld) / Cr 예수금 (withheld); none.
- ``Voucher.PaymentReturned`` (반납, gross): Dr cash (amount − withheld) / Dr 예수금 (the payment's
  withholding in the returned part, pro rata) / Cr the item's account (amount); ``line_of_voucher``,
  ``item_of_line``. Returns recorded before the event stated ``withheld`` post Dr cash in full.
- ``RevenueLine.Assessed`` (부과): Dr receivable / Cr revenue; ``code_of_line``.
- ``RevenueLine.AssessmentReduced`` (감액·부과취소): Dr revenue / Cr receivable; ``code_of_line``.
- ``RevenueLine.Collected`` (수납): Dr cash / Cr receivable (collected) / Cr 과오납금 (overpaid);
  ``code_of_line``.
- ``RevenueLine.OverpaymentRefunded`` (과오납 환급): Dr 과오납금 / Cr cash; none.
- ``ManualJournal.Recorded`` (수기 분개): its own lines; none.
- ``PayrollRun.Posted`` (급여 원인행위): Dr 퇴직급여 / Cr 퇴직급여충당부채, the month's accrual of
  the severance provision (none where it is accrued at the year's end, until December's); none.
- ``PayrollRun.Remitted`` (원천세·보험료 납부): Dr 예수금 / Cr cash, the withholdings the run's pay
  kept back (a year-end refund nets against them); none. The run's pay and the employer's shares
  post through their vouchers like any spending (Dr 인건비 / Cr 미지급금 on approval, Dr 미지급금 /
  Cr cash and 예수금 on payment).

The item's account is an expense (인건비, 관리운영비, 사업비, 이전비용) or, for works and asset
purchases (401, 405), an asset (건설중인자산, 비품); debt repayment (601) debits the borrowing
(지방채). Revenue accounts are per chapter (장); a chapter recognised with cash, such as borrowing
(지방채, a liability), posts nothing when assessed and Dr cash / Cr its account when collected.

Every other event posts nothing (an empty tuple): obligations are encumbrances of budget
accounting only, billing (징수결정) moves no account, and of each pair recorded in one save only
one side posts: ``BudgetLine.Paid``/``BudgetLine.PaymentReturned`` and ``Obligation.Returned``
mirror the voucher's events, the ``Assessment`` events mirror the revenue line's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from domain.errors import NotFound
from domain.journal import JournalEntry, JournalLine
from domain.reference.chart_of_accounts import (
    ACCOUNTS_PAYABLE,
    CASH,
    OVERPAYMENTS,
    SEVERANCE_EXPENSE,
    SEVERANCE_PROVISION,
    WITHHOLDINGS,
    item_account,
    revenue_accounts,
)

__all__ = [
    "FACT_EVENTS",
    "HANDLED_EVENTS",
    "BudgetFacts",
    "Facts",
    "JournalEntry",
    "JournalLine",
    "Lines",
    "MemoryFacts",
    "Posting",
    "RevenueFacts",
    "journal_entries",
    "posting",
    "posts",
]

T = TypeVar("T")
Entries = tuple[JournalEntry, ...]
NO_ENTRIES: Entries = ()


class BudgetFacts(Protocol):
    """What spending rules need beyond the event; ids are UUIDs as text."""

    def line_of_voucher(self, voucher_id: str) -> str:
        """The budget line a voucher draws on (``Voucher.Drafted``'s ``line_id``)."""
        ...

    def voucher_amount(self, voucher_id: str) -> int:
        """The voucher's amount (``Voucher.Drafted``'s ``amount``)."""
        ...

    def item_of_line(self, line_id: str) -> str:
        """The line's budget item 편성목-통계목, e.g. ``"201-01"`` (``BudgetLine.Opened``'s code)."""
        ...


class RevenueFacts(Protocol):
    def code_of_line(self, line_id: str) -> str:
        """The revenue line's code 장-관-항-목, e.g. ``"100-110-111-01"`` (``RevenueLine.Opened``)."""
        ...


class Facts(BudgetFacts, RevenueFacts, Protocol):
    """Every lookup a posting rule may make."""


#: What a rule posts: the memo (적요) and the lines (account, debit, credit) of one entry.
Lines = tuple[tuple[str, int, int], ...]
Posting = tuple[str, Lines]


def _entry(memo: str, *lines: tuple[str, int, int]) -> Posting:
    """One entry of the lines with an amount (a zero withholding or overpayment adds no line)."""
    return memo, tuple(line for line in lines if line[1] or line[2])


# --- spending (지출) ----------------------------------------------------------------------------


def _voucher_account(source_id: str, data: Mapping[str, Any], facts: Facts) -> tuple[str, str]:
    item = facts.item_of_line(facts.line_of_voucher(source_id))
    return item, item_account(item, data["fiscal_year"])


def _voucher_approved(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    item, account = _voucher_account(source_id, data, facts)
    amount = facts.voucher_amount(source_id)
    return _entry(f"지출결의 {item}", (account, amount, 0), (ACCOUNTS_PAYABLE, 0, amount))


def _voucher_paid(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    amount, withheld = data["amount"], data["withheld"]
    return _entry(
        "지급",
        (ACCOUNTS_PAYABLE, amount, 0),
        (CASH, 0, amount - withheld),
        (WITHHOLDINGS, 0, withheld),
    )


def _payment_returned(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    item, account = _voucher_account(source_id, data, facts)
    # Gross: the payee gives back what it received; the withheld part comes off 예수금.
    amount, withheld = data["amount"], data.get("withheld", 0)
    return _entry(
        f"반납 {item}", (CASH, amount - withheld, 0), (WITHHOLDINGS, withheld, 0), (account, 0, amount)
    )


# --- revenue (세입) -----------------------------------------------------------------------------


def _assessed(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    code = facts.code_of_line(source_id)
    accounts = revenue_accounts(code)
    if accounts.receivable is None:
        return None
    amount = data["amount"]
    return _entry(f"부과 {code}", (accounts.receivable, amount, 0), (accounts.credit, 0, amount))


def _assessment_reduced(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    code = facts.code_of_line(source_id)
    accounts = revenue_accounts(code)
    if accounts.receivable is None:
        return None
    amount = data["amount"]
    return _entry(f"부과 감액 {code}", (accounts.credit, amount, 0), (accounts.receivable, 0, amount))


def _collected(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    code = facts.code_of_line(source_id)
    accounts = revenue_accounts(code)
    collected, overpaid = data["collected"], data["overpaid"]
    return _entry(
        f"수납 {code}",
        (CASH, collected + overpaid, 0),
        (accounts.receivable or accounts.credit, 0, collected),
        (OVERPAYMENTS, 0, overpaid),
    )


def _overpayment_refunded(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    amount = data["amount"]
    return _entry("과오납 환급", (OVERPAYMENTS, amount, 0), (CASH, 0, amount))


# --- payroll (급여) ------------------------------------------------------------------------------


def _withholdings_remitted(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    # The pay voucher's payment credited 예수금 with the withholdings; their remittance to the tax
    # office and the insurers clears it. (The employer's shares are paid through their vouchers.)
    total = sum(data["withheld"].values())
    return _entry(f"{data['month']} 급여 원천세·보험료 납부", (WITHHOLDINGS, total, 0), (CASH, 0, total))


def _payroll_posted(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    # The month's accrual of the severance provision; the payment later draws on it (107-03).
    accrual = data.get("severance_accrual", 0)
    if not accrual:
        return None
    return _entry("퇴직급여충당부채 전입", (SEVERANCE_EXPENSE, accrual, 0), (SEVERANCE_PROVISION, 0, accrual))


# --- manual entries (수기 분개) -------------------------------------------------------------------


def _manual(source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    # Checked when it was recorded (ManualJournal.enter): balanced, on accounts of the chart.
    return data["memo"], tuple((line["account"], line["debit"], line["credit"]) for line in data["lines"])


_RULES: Mapping[str, Callable[[str, Mapping[str, Any], Facts], Posting | None]] = {
    "Voucher.Approved": _voucher_approved,
    "Voucher.Paid": _voucher_paid,
    "Voucher.PaymentReturned": _payment_returned,
    "RevenueLine.Assessed": _assessed,
    "RevenueLine.AssessmentReduced": _assessment_reduced,
    "RevenueLine.Collected": _collected,
    "RevenueLine.OverpaymentRefunded": _overpayment_refunded,
    "ManualJournal.Recorded": _manual,
    "PayrollRun.Posted": _payroll_posted,
    "PayrollRun.Remitted": _withholdings_remitted,
}

#: The events that may post an entry; every other event posts nothing.
HANDLED_EVENTS: frozenset[str] = frozenset(_RULES)

#: The events a :class:`Facts` provider learns from: line items, vouchers' lines and amounts,
#: revenue lines' codes. Each comes before any event that needs it, in log order.
FACT_EVENTS: frozenset[str] = frozenset({"BudgetLine.Opened", "Voucher.Drafted", "RevenueLine.Opened"})


def posts(event_name: str) -> bool:
    """Whether events of this name may post a journal entry."""
    return event_name in _RULES


def posting(event_name: str, source_id: str, data: Mapping[str, Any], facts: Facts) -> Posting | None:
    """The memo and lines the event ``event_name`` of aggregate ``source_id`` posts, or None.

    What :func:`journal_entries` returns, as plain tuples and not checked again: each rule's
    entry balances by construction (its credits are its debits split), and a manual entry was
    checked when it was recorded. The general ledger projection calls this for every event it
    replays. Lookups refuse as in :func:`journal_entries`.
    """
    rule = _RULES.get(event_name)
    return rule(source_id, data, facts) if rule is not None else None


def journal_entries(event_name: str, source_id: str, data: Mapping[str, Any], facts: Facts) -> Entries:
    """The journal entries the event ``event_name`` of aggregate ``source_id`` posts.

    An empty tuple for an event that posts nothing. Each entry balances (checked as it is made);
    an account or item missing from the reference data is refused by name (``unknown-code``), and
    a voucher on the contingency reserve (701) is ``not-postable``.
    """
    posted = posting(event_name, source_id, data, facts)
    if posted is None:
        return NO_ENTRIES
    memo, lines = posted
    return (
        JournalEntry(tuple(JournalLine(account, debit, credit) for account, debit, credit in lines), memo),
    )


class MemoryFacts:
    """A :class:`Facts` kept in dictionaries, learnt from :data:`FACT_EVENTS` (tests, small replays)."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}
        self.vouchers: dict[str, tuple[str, int]] = {}
        self.revenue_codes: dict[str, str] = {}

    def learn(self, event_name: str, source_id: str, data: Mapping[str, Any]) -> None:
        """Remember what an event of :data:`FACT_EVENTS` tells; ignore any other event."""
        if event_name == "BudgetLine.Opened":
            code = data["code"]
            self.items[source_id] = f"{code['item']}-{code['stat']}"
        elif event_name == "Voucher.Drafted":
            self.vouchers[source_id] = (data["line_id"], data["amount"])
        elif event_name == "RevenueLine.Opened":
            self.revenue_codes[source_id] = data["code"]

    def line_of_voucher(self, voucher_id: str) -> str:
        return self._voucher(voucher_id)[0]

    def voucher_amount(self, voucher_id: str) -> int:
        return self._voucher(voucher_id)[1]

    def item_of_line(self, line_id: str) -> str:
        return _known(self.items, line_id, "budget line")

    def code_of_line(self, line_id: str) -> str:
        return _known(self.revenue_codes, line_id, "revenue line")

    def _voucher(self, voucher_id: str) -> tuple[str, int]:
        return _known(self.vouchers, voucher_id, "voucher")


def _known(facts: Mapping[str, T], key: str, what: str) -> T:
    try:
        return facts[key]
    except KeyError:
        raise NotFound(f"no {what} {key} was seen before this event", id=key) from None
