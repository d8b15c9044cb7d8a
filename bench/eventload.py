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

    def touch(self, *aggregates: LedgerAggregate) -> None:
        for aggregate in aggregates:
            self.pending[aggregate.id] = aggregate
        if sum(len(a.pending_events) for a in self.pending.values()) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        aggregates = [a for a in self.pending.values() if a.pending_events]
        count = sum(len(a.pending_events) for a in aggregates)
        if aggregates:
            self.ledger.save(*aggregates)
        self.pending.clear()
        self.events += count
        if self.progress:
            self.progress(self.events)


def load(
    ledger: Ledger, events: int, *, seed: str = "bench", progress: Callable[[int], None] | None = None
) -> int:
    """Record at least ``events`` events; returns how many were recorded."""
    rng = random.Random(seed)
    saver = _Saver(ledger, progress)

    def ctx(org: str, month: int = 1) -> Context:
        return Context(org, YEAR, date(YEAR, month, rng.randint(1, 28)), "bench", uuid.uuid4())

    lines: dict[str, list[BudgetLine]] = {org: [] for org in ORGS}
    revenue_lines: dict[str, list[RevenueLine]] = {org: [] for org in ORGS}
    vendors: list[Vendor] = []
    open_obligations: list[tuple[Obligation, BudgetLine, Contract | None]] = []
    approved: list[tuple[Voucher, BudgetLine, Obligation]] = []
    paid: list[tuple[Voucher, BudgetLine, Obligation, uuid.UUID]] = []
    assessments: list[tuple[Assessment, RevenueLine]] = []
    fiscal_years: dict[str, FiscalYear] = {}

    for n, org in enumerate(ORGS):
        kind = OrganisationKind.CITY if n == 0 else OrganisationKind.DISTRICT
        organisation = Organisation.register(ctx(org), f"기관 {org}", kind)
        fiscal_years[org] = FiscalYear.open(ctx(org), organisation)
        saver.touch(organisation, fiscal_years[org])
    for n in range(40):
        vendor = Vendor.register(
            ctx(ORGS[0]),
            VendorKind.BUSINESS,
            f"{100 + n:03d}-{10 + n % 90:02d}-{10000 + n:05d}",
            f"(주)벤치상사{n}",
            "서울특별시 중구",
        )
        vendors.append(vendor)
        saver.touch(vendor)

    def new_line(org: str) -> BudgetLine:
        serial = len(lines[org])
        item = ITEMS[serial % len(ITEMS)]
        code = BudgetCode.parse(
            f"100-080-081-1{serial // 100:03d}-2{serial // 10:03d}-{3000 + serial}-{item}", YEAR
        )
        c = ctx(org)
        line = BudgetLine.open(c, code, f"벤치 세부사업 {serial}")
        line.appropriate(c, 10**12)
        line.allocate(c, 1, 4 * 10**11)
        line.allocate(c, 2, 4 * 10**11)
        fiscal_years[org].add_budget_line(c, line.id)
        lines[org].append(line)
        saver.touch(line, fiscal_years[org])
        return line

    def new_revenue_line(org: str) -> RevenueLine:
        code = REVENUE[len(revenue_lines[org])]
        c = ctx(org)
        line = RevenueLine.open(c, code, f"세입 {code}", 10**12)
        fiscal_years[org].add_revenue_line(c, line.id)
        revenue_lines[org].append(line)
        saver.touch(line, fiscal_years[org])
        return line

    def step() -> None:
        org = rng.choice(ORGS)
        roll = rng.random()
        month = rng.randint(1, 6)
        if roll < 0.02 or not lines[org]:
            new_line(org)
        elif roll < 0.08:
            line = rng.choice(lines[org])
            requisition = Requisition.draft(
                ctx(org, month), line, "물품 구매 품의", rng.randint(1, 50) * 100_000
            )
            requisition.approve(ctx(org, month))
            saver.touch(requisition)
        elif roll < 0.30:
            line = rng.choice(lines[org])
            vendor = rng.choice(vendors)
            obligation = Obligation.create(
                ctx(org, month), line, rng.randint(10, 500) * 10_000, "사업 집행", vendor=vendor
            )
            contract = None
            if rng.random() < 0.25:
                contract = Contract.sign(
                    ctx(org, month),
                    obligation,
                    vendor,
                    obligation.amount,
                    ContractMethod.OPEN,
                    "용역 계약",
                    "재무과",
                    date(YEAR, month, 1),
                    date(YEAR, 12, 31),
                )
                saver.touch(contract)
            open_obligations.append((obligation, line, contract))
            saver.touch(line, obligation)
        elif roll < 0.48 and open_obligations:
            obligation, line, contract = open_obligations.pop(rng.randrange(len(open_obligations)))
            voucher = Voucher.draft(
                ctx(org if obligation.org == org else obligation.org, month),
                obligation,
                obligation.remaining,
                "지출결의",
                contract,
            )
            c = ctx(obligation.org, month)
            voucher.approve(c)
            approved.append((voucher, line, obligation))
            saver.touch(voucher, obligation, *([contract] if contract else []))
        elif roll < 0.72 and approved:
            voucher, line, obligation = approved.pop(rng.randrange(len(approved)))
            c = ctx(voucher.org, month)
            order_id = voucher.issue_order(c, voucher.amount)
            payment_id = voucher.pay(c, line, order_id, voucher.amount, withheld=voucher.amount // 30)
            paid.append((voucher, line, obligation, payment_id))
            saver.touch(voucher, line)
        elif roll < 0.74 and paid:
            voucher, line, obligation, payment_id = paid.pop(rng.randrange(len(paid)))
            voucher.return_payment(
                ctx(voucher.org, month),
                line,
                obligation,
                payment_id,
                max(1, voucher.amount // 10),
                "과지급 반납",
            )
            saver.touch(voucher, line, obligation)
        elif roll < 0.90:
            if len(revenue_lines[org]) < len(REVENUE) and (not revenue_lines[org] or rng.random() < 0.01):
                new_revenue_line(org)
                return
            revenue_line = rng.choice(revenue_lines[org])
            c = ctx(org, month)
            assessment = Assessment.assess(
                c,
                revenue_line,
                f"납부자 {rng.randint(1, 10**6)}",
                PayerKind.PERSON,
                rng.randint(1, 100) * 10_000,
                date(YEAR, 12, 31),
            )
            assessment.bill(c, revenue_line, assessment.assessed)
            assessments.append((assessment, revenue_line))
            saver.touch(assessment, revenue_line)
        elif assessments:
            assessment, revenue_line = assessments.pop(rng.randrange(len(assessments)))
            assessment.collect(ctx(assessment.org, month), revenue_line, assessment.receivable)
            saver.touch(assessment, revenue_line)

    while saver.events + sum(len(a.pending_events) for a in saver.pending.values()) < events:
        step()
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
