"""Load a realistic mix of N events fast, straight through the domain, for projection benchmarks.

Commands go through the pipeline at about a thousand a second; a million events that way takes
a quarter of an hour. Here the same domain methods record the same events, and the aggregates are
saved in large transactions (about 20 000 events a second on PostgreSQL). The mix follows
domain.md §8: budget lines and their allocations, requisitions, obligations, contracts, vouchers,
payment orders, payments, a few returns, and revenue assessments, bills and collections.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from commands.ledger import Ledger
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import BudgetCode
from domain.contract import Contract, ContractMethod
from domain.obligation import Obligation
from domain.organisation import FiscalYear, Organisation, OrganisationKind
from domain.requisition import Requisition
from domain.revenue import Assessment, PayerKind, RevenueLine
from domain.vendor import Vendor, VendorKind
from domain.voucher import Voucher

YEAR = 2026
ORGS = ("6110000", "3000000", "3010000", "3030000", "6119001")
ITEMS = ("201-01", "201-02", "202-01", "206-01", "207-02", "307-05", "401-01", "405-01")
REVENUE = ("100-110-111-01", "100-110-111-02", "200-210-212-01", "200-210-213-01")
CHUNK = 2_000


class _Saver:
    """Collects aggregates with pending events and saves them in large transactions."""

    def __init__(self, ledger: Ledger, progress: Callable[[int], None] | None) -> None:
        self.ledger, self.progress = ledger, progress
        self.pending: dict[uuid.UUID, LedgerAggregate] = {}
        self.events = 0
        # Pending events counted as aggregates are touched (a running count: summing every
        # pending aggregate on every touch made loading quadratic in the chunk).
        self.pending_events = 0
        self._counted: dict[uuid.UUID, int] = {}

    def touch(self, *aggregates: LedgerAggregate) -> None:
        for aggregate in aggregates:
            self.pending[aggregate.id] = aggregate
            now = len(aggregate.pending_events)
            self.pending_events += now - self._counted.get(aggregate.id, 0)
            self._counted[aggregate.id] = now
        if self.pending_events >= CHUNK:
            self.flush()

    def flush(self) -> None:
        aggregates = [a for a in self.pending.values() if a.pending_events]
        count = sum(len(a.pending_events) for a in aggregates)
        if aggregates:
            self.ledger.save(*aggregates)
        self.pending.clear()
        self._counted.clear()
        self.pending_events = 0
        self.events += count
        if self.progress:
            self.progress(self.events)


class _Mix:
    """The state of the generated history, and one method per kind of step."""

    def __init__(self, saver: _Saver, seed: str) -> None:
        self.rng = random.Random(seed)
        self.saver = saver
        self.lines: dict[str, list[BudgetLine]] = {org: [] for org in ORGS}
        self.revenue_lines: dict[str, list[RevenueLine]] = {org: [] for org in ORGS}
        self.vendors: list[Vendor] = []
        self.open_obligations: list[tuple[Obligation, BudgetLine, Contract | None]] = []
        self.approved: list[tuple[Voucher, BudgetLine, Obligation]] = []
        self.paid: list[tuple[Voucher, BudgetLine, Obligation, uuid.UUID]] = []
        self.assessments: list[tuple[Assessment, RevenueLine]] = []
        self.fiscal_years: dict[str, FiscalYear] = {}

    def ctx(self, org: str, month: int = 1) -> Context:
        return Context(org, YEAR, date(YEAR, month, self.rng.randint(1, 28)), "bench", uuid.uuid4())

    def organisations_and_vendors(self) -> None:
        for n, org in enumerate(ORGS):
            kind = OrganisationKind.CITY if n == 0 else OrganisationKind.DISTRICT
            organisation = Organisation.register(self.ctx(org), f"기관 {org}", kind)
            self.fiscal_years[org] = FiscalYear.open(self.ctx(org), organisation)
            self.saver.touch(organisation, self.fiscal_years[org])
        for n in range(40):
            vendor = Vendor.register(
                self.ctx(ORGS[0]),
                VendorKind.BUSINESS,
                f"{100 + n:03d}-{10 + n % 90:02d}-{10000 + n:05d}",
                f"(주)벤치상사{n}",
                "서울특별시 중구",
            )
            self.vendors.append(vendor)
            self.saver.touch(vendor)

    def new_line(self, org: str) -> None:
        serial = len(self.lines[org])
        item = ITEMS[serial % len(ITEMS)]
        code = BudgetCode.parse(
            f"100-080-081-1{serial // 100:03d}-2{serial // 10:03d}-{3000 + serial}-{item}", YEAR
        )
        c = self.ctx(org)
        line = BudgetLine.open(c, code, f"벤치 세부사업 {serial}")
        line.appropriate(c, 10**12)
        line.allocate(c, 1, 4 * 10**11)
        line.allocate(c, 2, 4 * 10**11)
        self.fiscal_years[org].add_budget_line(c, line.id)
        self.lines[org].append(line)
        self.saver.touch(line, self.fiscal_years[org])

    def requisition(self, org: str, month: int) -> None:
        line = self.rng.choice(self.lines[org])
        amount = self.rng.randint(1, 50) * 100_000
        requisition = Requisition.draft(self.ctx(org, month), line, "물품 구매 품의", amount)
        requisition.approve(self.ctx(org, month))
        self.saver.touch(requisition)

    def obligation(self, org: str, month: int) -> None:
        line = self.rng.choice(self.lines[org])
        vendor = self.rng.choice(self.vendors)
        amount = self.rng.randint(10, 500) * 10_000
        obligation = Obligation.create(self.ctx(org, month), line, amount, "사업 집행", vendor=vendor)
        self.saver.touch(line, obligation)  # before the contract: log order follows real commands
        contract = None
        if self.rng.random() < 0.25:
            contract = Contract.sign(
                self.ctx(org, month),
                obligation,
                vendor,
                obligation.amount,
                ContractMethod.OPEN,
                "용역 계약",
                "재무과",
                date(YEAR, month, 1),
                date(YEAR, 12, 31),
            )
            self.saver.touch(obligation, contract)
        self.open_obligations.append((obligation, line, contract))

    def voucher(self, month: int) -> None:
        obligation, line, contract = self.open_obligations.pop(self.rng.randrange(len(self.open_obligations)))
        c = self.ctx(obligation.org, month)
        voucher = Voucher.draft(c, obligation, obligation.remaining, "지출결의", contract)
        voucher.approve(c)
        self.approved.append((voucher, line, obligation))
        self.saver.touch(voucher, obligation, *([contract] if contract else []))

    def payment(self, month: int) -> None:
        voucher, line, obligation = self.approved.pop(self.rng.randrange(len(self.approved)))
        c = self.ctx(voucher.org, month)
        order_id = voucher.issue_order(c, voucher.amount)
        payment_id = voucher.pay(c, line, order_id, voucher.amount, withheld=voucher.amount // 30)
        self.paid.append((voucher, line, obligation, payment_id))
        self.saver.touch(voucher, line)

    def give_back(self, month: int) -> None:
        voucher, line, obligation, payment_id = self.paid.pop(self.rng.randrange(len(self.paid)))
        amount = max(1, voucher.amount // 10)
        voucher.return_payment(
            self.ctx(voucher.org, month), line, obligation, payment_id, amount, "과지급 반납"
        )
        self.saver.touch(voucher, line, obligation)

    def assessment(self, org: str, month: int) -> None:
        lines = self.revenue_lines[org]
        if len(lines) < len(REVENUE) and (not lines or self.rng.random() < 0.01):
            code = REVENUE[len(lines)]
            c = self.ctx(org)
            new = RevenueLine.open(c, code, f"세입 {code}", 10**12)
            self.fiscal_years[org].add_revenue_line(c, new.id)
            lines.append(new)
            self.saver.touch(new, self.fiscal_years[org])
            return
        revenue_line = self.rng.choice(lines)
        c = self.ctx(org, month)
        payer = f"납부자 {self.rng.randint(1, 10**6)}"
        amount = self.rng.randint(1, 100) * 10_000
        assessment = Assessment.assess(c, revenue_line, payer, PayerKind.PERSON, amount, date(YEAR, 12, 31))
        assessment.bill(c, revenue_line, assessment.assessed)
        self.assessments.append((assessment, revenue_line))
        self.saver.touch(assessment, revenue_line)

    def collection(self, month: int) -> None:
        assessment, revenue_line = self.assessments.pop(self.rng.randrange(len(self.assessments)))
        assessment.collect(self.ctx(assessment.org, month), revenue_line, assessment.receivable)
        self.saver.touch(assessment, revenue_line)

    def step(self) -> None:
        org = self.rng.choice(ORGS)
        roll = self.rng.random()
        month = self.rng.randint(1, 6)
        if roll < 0.02 or not self.lines[org]:
            self.new_line(org)
        elif roll < 0.08:
            self.requisition(org, month)
        elif roll < 0.30:
            self.obligation(org, month)
        elif roll < 0.48 and self.open_obligations:
            self.voucher(month)
        elif roll < 0.72 and self.approved:
            self.payment(month)
        elif roll < 0.74 and self.paid:
            self.give_back(month)
        elif roll < 0.90:
            self.assessment(org, month)
        elif self.assessments:
            self.collection(month)


def load(
    ledger: Ledger, events: int, *, seed: str = "bench", progress: Callable[[int], None] | None = None
) -> int:
    """Record at least ``events`` events; returns how many were recorded."""
    saver = _Saver(ledger, progress)
    mix = _Mix(saver, seed)
    mix.organisations_and_vendors()
    while saver.events + saver.pending_events < events:
        mix.step()
    saver.flush()
    return saver.events


def counts_by_name(ledger: Ledger) -> dict[str, Any]:
    """How many events of each kind the log holds (for the benchmark's report)."""
    counts: dict[str, int] = {}
    start = 1
    while True:
        batch = ledger.recorder.select_notifications(start, 10_000)
        if not batch:
            return dict(sorted(counts.items(), key=lambda kv: -kv[1]))
        for n in batch:
            name = n.topic.rpartition(":")[2]
            counts[name] = counts.get(name, 0) + 1
        start = batch[-1].id + 1
