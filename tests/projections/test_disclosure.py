"""The public disclosure read models (클린재정 공개) on both backends.

A realistic history goes through the ledger; every table's rows must equal a plain fold of the same
events, written here with dicts and nothing of the projection's code. No person's name may appear
anywhere, and the rows must not depend on how the log is cut into batches or which worker applied
which batch.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import sql
from sqlalchemy import Engine, Table, select

from commands.ledger import Ledger, open_ledger
from commands.messages.budget import (
    AmendBudget,
    CarryOver,
    CloseFiscalYear,
    PullAllocationForward,
)
from commands.messages.contracts import (
    AmendContract,
    CompleteContract,
    InspectContract,
    SignContract,
    TerminateContract,
)
from commands.messages.payments import (
    ApproveVoucher,
    DraftVoucher,
    IssuePaymentOrder,
    Pay,
    RejectVoucher,
    ReturnPayment,
)
from commands.messages.revenue import (
    AssessRevenue,
    BillRevenue,
    CollectRevenue,
    OpenRevenueLine,
    ReduceAssessment,
    RefundOverpayment,
)
from commands.messages.spending import ApproveRequisition, DraftRequisition, RejectRequisition
from commands.messages.vendors import ChangeVendorAddress, DebarVendor, LiftDebarment
from commands.persistence import StoreConfig
from domain.budget_line import CarryOverKind
from domain.contract import ContractMethod, PrivateContractReason
from domain.errors import DomainError
from domain.organisation import OrganisationKind
from domain.revenue import PayerKind
from domain.vendor import VendorKind
from domain.voucher import Voucher
from projections.disclosure import DisclosureProjection
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from readmodels import disclosure as tables
from readmodels import disclosure_queries as queries
from readmodels.database import read_engine
from tests.app.books import SEOUL, Books
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

Y = 2026
DISTRICT = "3030000"  # 성동구
PERSON_NAME = "홍길동"
PERSON_REF = "P-HONG20260001"
PAYER_NAME = "김민수"  # a person paying a fee: assessments are never projected
WELFARE = "100-080-081-1001-2001-3001-201-01"
WELFARE_MATERIALS = "100-080-081-1001-2001-3001-206-01"
PARK_WORKS = "100-060-061-1002-2002-3002-401-01"
CUT_TO_NOTHING = "100-080-081-1001-2001-3003-201-01"
USAGE_FEES = "200-210-212-01"
ACQUISITION_TAX = "100-110-111-01"

DISCLOSED = (
    tables.allocations,
    tables.requisitions,
    tables.expenditures,
    tables.contracts,
    tables.contract_amendments,
    tables.debarred_vendors,
    tables.revenue_by_code,
)
ALL_TABLES = (
    *DISCLOSED,
    tables.vendors,
    tables.disclosure_lines,
    tables.disclosure_obligations,
    tables.disclosure_vouchers,
)


# --- driving the ledger -----------------------------------------------------------------------


class Clerk(Books):
    """Books with the steps of spending, each on a date of its own."""

    def voucher(
        self, obligation_id: UUID, amount: int, on: date, *, approve: bool = True, **fields: Any
    ) -> UUID:
        fields.setdefault("description", "물품 대금 지급")
        voucher_id = self.run(
            DraftVoucher, obligation_id=obligation_id, amount=amount, on=on, **fields
        ).aggregate_id
        if approve:
            self.run(ApproveVoucher, voucher_id=voucher_id, on=on, actor="director-lee")
        return voucher_id

    def order(self, voucher_id: UUID, amount: int, on: date) -> UUID:
        command_id = uuid.uuid4()
        self.run(IssuePaymentOrder, voucher_id=voucher_id, amount=amount, on=on, command_id=command_id)
        return Voucher.order_id_for(command_id)

    def pay(self, voucher_id: UUID, order_id: UUID, amount: int, on: date, withheld: int = 0) -> UUID:
        command_id = uuid.uuid4()
        self.run(
            Pay,
            voucher_id=voucher_id,
            order_id=order_id,
            amount=amount,
            withheld=withheld,
            on=on,
            command_id=command_id,
        )
        return Voucher.payment_id_for(command_id)

    def paid_voucher(self, obligation_id: UUID, amount: int, on: date, **fields: Any) -> tuple[UUID, UUID]:
        """A voucher approved, ordered and paid in full in one payment: (voucher, payment)."""
        voucher_id = self.voucher(obligation_id, amount, on, **fields)
        return voucher_id, self.pay(voucher_id, self.order(voucher_id, amount, on), amount, on)

    def give_back(self, voucher_id: UUID, payment_id: UUID, amount: int, on: date) -> None:
        self.run(
            ReturnPayment,
            voucher_id=voucher_id,
            payment_id=payment_id,
            amount=amount,
            reason="과지급 반납",
            on=on,
        )

    def sign(self, obligation_id: UUID, vendor_id: UUID, amount: int, on: date, **fields: Any) -> UUID:
        fields.setdefault("method", ContractMethod.OPEN)
        fields.setdefault("title", "복지관 리모델링 공사")
        fields.setdefault("department", "복지정책과")
        fields.setdefault("starts", on)
        fields.setdefault("ends", date(on.year, 12, 31))
        return self.run(
            SignContract, obligation_id=obligation_id, vendor_id=vendor_id, amount=amount, on=on, **fields
        ).aggregate_id


@dataclass
class History:
    person: UUID
    first_contract: UUID
    works_contract: UUID
    person_contract: UUID


def make_history(ledger: Ledger) -> History:
    """Two organisations, two years: budget, allocations, requisitions, obligations, contracts,
    payments and returns, debarments, revenue, a year close and an accident carry-over."""
    books = Clerk(ledger).ready()
    district = Clerk(ledger, org=DISTRICT)
    district.organisation("성동구", OrganisationKind.DISTRICT)
    district.open_year()

    # vendors: three businesses and a person (강사)
    hanbit = books.vendor()
    daehan = books.vendor("234-56-78901", "대한건설(주)")
    shady = books.vendor("345-67-89012", "(주)부실산업")
    person = books.vendor(PERSON_REF, PERSON_NAME, VendorKind.PERSON)
    books.run(ChangeVendorAddress, vendor_id=hanbit, address="서울특별시 중구 세종대로 110")
    books.run(ChangeVendorAddress, vendor_id=person, address="서울특별시 어딘가 1")

    # budget and allocations (당겨배정 included), a line cut to nothing
    welfare = books.line(10_000_000, {1: 4_000_000, 2: 3_000_000, 3: 2_000_000}, WELFARE)
    materials = books.line(2_000_000, {1: 2_000_000}, WELFARE_MATERIALS)
    works = books.line(50_000_000, {1: 30_000_000, 4: 10_000_000}, PARK_WORKS, title="공원 조성")
    books.run(
        PullAllocationForward, line_id=works, from_quarter=4, to_quarter=2, amount=5_000_000, on=date(Y, 4, 1)
    )
    cut = books.line(1_000, code=CUT_TO_NOTHING, title="사업 취소")
    books.run(AmendBudget, line_id=cut, change=-1_000, reference="1회 추경 감액", on=date(Y, 5, 2))
    district_line = district.line(3_000_000, {1: 1_000_000}, WELFARE, title="구립 경로당 운영")

    # requisitions: approved, rejected, left drafted
    approved = books.run(
        DraftRequisition, line_id=welfare, title="복지관 물품 구매 품의", amount=1_500_000, on=date(Y, 1, 20)
    ).aggregate_id
    books.run(ApproveRequisition, requisition_id=approved, on=date(Y, 1, 22), actor="director-lee")
    rejected = books.run(
        DraftRequisition, line_id=materials, title="재료 구입", amount=400_000, on=date(Y, 1, 21)
    ).aggregate_id
    books.run(RejectRequisition, requisition_id=rejected, reason="중복 품의", on=date(Y, 1, 23))
    books.run(DraftRequisition, line_id=works, title="공원 설계 용역", amount=2_000_000, on=date(Y, 2, 1))

    # obligations
    o_goods = books.obligate(welfare, 1_500_000, requisition_id=approved, vendor_id=hanbit, on=date(Y, 2, 1))
    o_works = books.obligate(works, 20_000_000, vendor_id=daehan, on=date(Y, 2, 3))
    o_lecture = books.obligate(materials, 300_000, description="강사료", on=date(Y, 2, 5))
    o_person = books.obligate(welfare, 500_000, vendor_id=person, description="강의 계약", on=date(Y, 2, 6))
    o_carried = books.obligate(welfare, 700_000, vendor_id=hanbit, description="연말 납품", on=date(Y, 3, 2))

    # contracts: amended, inspected (failed, then passed), completed; private and terminated; a person's
    first = books.sign(o_goods, hanbit, 1_200_000, date(Y, 2, 10), starts=date(Y, 2, 15), ends=date(Y, 6, 30))
    books.run(AmendContract, contract_id=first, new_amount=1_400_000, reason="수량 증가", on=date(Y, 3, 5))
    books.run(
        AmendContract, contract_id=first, new_ends=date(Y, 7, 31), reason="납기 연장", on=date(Y, 6, 20)
    )
    books.run(InspectContract, contract_id=first, inspected_amount=1_400_000, passed=False, on=date(Y, 7, 31))
    works_contract = books.sign(
        o_works,
        daehan,
        18_000_000,
        date(Y, 2, 12),
        method=ContractMethod.PRIVATE,
        private_reason=PrivateContractReason.EMERGENCY,
        private_reason_detail="수해 긴급 복구",
        title="공원 수해 복구 공사",
        department="공원녹지과",
    )
    person_contract = books.sign(
        o_person,
        person,
        500_000,
        date(Y, 2, 13),
        method=ContractMethod.PRIVATE,
        private_reason=PrivateContractReason.SMALL_AMOUNT,
        title="노인 건강 강좌 강의",
    )

    # vouchers, payments and returns
    first_voucher = books.voucher(o_goods, 600_000, date(Y, 3, 10), contract_id=first)
    order = books.order(first_voucher, 600_000, date(Y, 3, 11))
    first_payment = books.pay(first_voucher, order, 400_000, date(Y, 3, 12))
    books.pay(first_voucher, order, 200_000, date(Y, 3, 20), withheld=10_000)
    books.give_back(first_voucher, first_payment, 50_000, date(Y, 4, 2))
    books.paid_voucher(o_goods, 800_000, date(Y, 8, 5), contract_id=first)
    books.run(InspectContract, contract_id=first, inspected_amount=1_400_000, passed=True, on=date(Y, 8, 10))
    books.run(CompleteContract, contract_id=first, on=date(Y, 8, 12))
    rejected_voucher = books.voucher(o_goods, 10, date(Y, 8, 13), approve=False)
    books.run(RejectVoucher, voucher_id=rejected_voucher, reason="금액 오류", on=date(Y, 8, 14))
    books.paid_voucher(o_lecture, 300_000, date(Y, 4, 20), payee_id=person, description="강사료 지급")
    works_voucher, works_payment = books.paid_voucher(
        o_works, 5_000_000, date(Y, 5, 10), contract_id=works_contract, description="기성금"
    )
    books.give_back(works_voucher, works_payment, 1_000_000, date(Y, 5, 30))
    books.paid_voucher(o_works, 1_000_000, date(Y, 6, 1), description="설계 자문료")
    books.run(TerminateContract, contract_id=works_contract, reason="업체 부도", on=date(Y, 9, 1))
    books.paid_voucher(o_person, 500_000, date(Y, 6, 15), contract_id=person_contract)
    district_obligation = district.obligate(district_line, 200_000, on=date(Y, 2, 2))
    district.paid_voucher(district_obligation, 200_000, date(Y, 2, 2))

    # debarments (a person's too, which is never disclosed), one lifted
    books.run(DebarVendor, vendor_id=shady, ground="입찰 담합", starts=date(Y, 3, 1), ends=date(Y, 8, 31))
    books.run(DebarVendor, vendor_id=person, ground="허위 서류", starts=date(Y, 3, 1), ends=date(Y, 4, 30))
    shady_vendor = books.get(shady)
    books.run(
        LiftDebarment,
        vendor_id=shady,
        debarment_id=shady_vendor.debarments[0].debarment_id,
        reason="법원 효력정지",
        on=date(Y, 6, 1),
    )
    district.run(
        DebarVendor, vendor_id=daehan, ground="부실 시공", starts=date(Y, 10, 1), ends=date(Y + 1, 3, 31)
    )

    # revenue
    fees = books.run(OpenRevenueLine, revenue_code=USAGE_FEES, title="공유재산 사용료", estimate=5_000_000)
    books.run(OpenRevenueLine, revenue_code=ACQUISITION_TAX, title="취득세", estimate=9_000_000)
    company = books.run(
        AssessRevenue,
        line_id=fees.aggregate_id,
        payer="(주)한빛상사",
        payer_kind=PayerKind.BUSINESS,
        amount=1_000_000,
        due_date=date(Y, 4, 30),
        on=date(Y, 3, 2),
    ).aggregate_id
    resident = books.run(
        AssessRevenue,
        line_id=fees.aggregate_id,
        payer=PAYER_NAME,
        payer_kind=PayerKind.PERSON,
        amount=300_000,
        due_date=date(Y, 4, 30),
        on=date(Y, 3, 2),
    ).aggregate_id
    books.run(ReduceAssessment, assessment_id=resident, amount=50_000, reason="감면", on=date(Y, 3, 10))
    books.run(BillRevenue, assessment_id=company, amount=1_000_000, on=date(Y, 3, 15))
    books.run(BillRevenue, assessment_id=resident, amount=250_000, on=date(Y, 3, 15))
    books.run(
        CollectRevenue, assessment_id=company, amount=1_100_000, allow_overpayment=True, on=date(Y, 4, 20)
    )
    books.run(CollectRevenue, assessment_id=resident, amount=250_000, on=date(Y, 4, 25))
    books.run(RefundOverpayment, assessment_id=company, amount=60_000, reason="과오납", on=date(Y, 5, 2))

    # year end: close 2026, carry an obligation into 2027 (사고이월) and contract against it there
    next_year = Clerk(ledger, year=Y + 1)
    next_year.open_year()
    books.run(CloseFiscalYear, on=date(Y, 12, 31))
    books.run(
        CarryOver,
        line_id=welfare,
        amount=700_000,
        kind=CarryOverKind.ACCIDENT,
        obligation_id=o_carried,
        on=date(Y, 12, 31),
    )
    carried = next_year.sign(o_carried, hanbit, 700_000, date(Y + 1, 2, 1), title="연말 납품 (이월)")
    next_year.paid_voucher(o_carried, 200_000, date(Y + 1, 3, 1), contract_id=carried)
    return History(person, first, works_contract, person_contract)


# --- the fold: the same events, summed with dicts ---------------------------------------------


def typed_events(ledger: Ledger) -> list[tuple[int, Any]]:
    return [(n.id, ledger.mapper.to_domain_event(n)) for n in ledger.recorder.select_notifications(1, 10**7)]


def fold(ledger: Ledger) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every table's rows, keyed by primary key, from the stored events."""
    out: dict[str, dict[Any, dict[str, Any]]] = {t.name: {} for t in ALL_TABLES}
    lines: dict[str, dict[str, Any]] = {}
    line_of_obligation: dict[str, str] = {}
    voucher_of: dict[str, dict[str, Any]] = {}
    vendor_of: dict[str, dict[str, Any]] = {}

    def line(line_id: str) -> dict[str, Any]:
        return {"line_id": line_id, "code": lines[line_id]["code"], "line_title": lines[line_id]["title"]}

    def shown(vendor_id: str | None) -> dict[str, Any]:
        """What may be said of a vendor: everything of a business, only the kind of a person."""
        if vendor_id is None:
            return {"kind": None, "id": None, "name": None, "number": None}
        vendor = vendor_of[vendor_id]
        if vendor["kind"] != "business":
            return {"kind": vendor["kind"], "id": None, "name": None, "number": None}
        return {**vendor, "id": vendor_id}

    for position, e in typed_events(ledger):
        name, me = type(e).__qualname__, str(e.originator_id)
        ledger_cols = {"org": e.org, "fiscal_year": e.fiscal_year}
        if name == "BudgetLine.Opened":
            lines[me] = {**ledger_cols, "line_id": me, "code": str(e.code), "title": e.title}
            out["disclosure_lines"][me] = dict(lines[me])
        elif name == "BudgetLine.Allocated":
            out["allocations"][(position, e.quarter)] = {
                "position": position,
                "quarter": e.quarter,
                **ledger_cols,
                **line(me),
                "kind": "allocated",
                "amount": e.amount,
                "allocated_on": e.accounting_date,
            }
        elif name == "BudgetLine.AllocationPulledForward":
            for quarter, amount in ((e.from_quarter, -e.amount), (e.to_quarter, e.amount)):
                out["allocations"][(position, quarter)] = {
                    "position": position,
                    "quarter": quarter,
                    **ledger_cols,
                    **line(me),
                    "kind": "pulled-forward",
                    "amount": amount,
                    "allocated_on": e.accounting_date,
                }
        elif name == "Requisition.Drafted":
            out["requisitions"][me] = {
                "requisition_id": me,
                **ledger_cols,
                **line(str(e.line_id)),
                "title": e.title,
                "amount": e.amount,
                "status": "drafted",
                "drafted_on": e.accounting_date,
                "decided_on": None,
            }
        elif name in ("Requisition.Approved", "Requisition.Rejected"):
            row = out["requisitions"][me]
            row["status"] = "approved" if name.endswith("Approved") else "rejected"
            row["decided_on"] = e.accounting_date
        elif name == "Obligation.Created":
            line_of_obligation[me] = str(e.line_id)
            out["disclosure_obligations"][me] = {
                "obligation_id": me,
                **ledger_cols,
                "line_id": str(e.line_id),
            }
        elif name == "Obligation.CarriedOver":
            line_of_obligation[me] = str(e.to_line_id)
            out["disclosure_obligations"][me].update(line_id=str(e.to_line_id), fiscal_year=e.to_fiscal_year)
        elif name == "Vendor.Registered":
            business = e.kind.value == "business"
            vendor_of[me] = {
                "kind": e.kind.value,
                "name": e.name if business else None,
                "number": e.registration_number if business else None,
            }
            out["vendors"][me] = {
                "vendor_id": me,
                **ledger_cols,
                "kind": e.kind.value,
                "name": e.name if business else None,
                "registration_number": e.registration_number if business else None,
                "address": e.address if business else None,
            }
        elif name == "Vendor.AddressChanged":
            if vendor_of[me]["kind"] == "business":
                out["vendors"][me]["address"] = e.address
        elif name == "Vendor.Debarred":
            vendor = shown(me)
            out["debarred_vendors"][str(e.debarment_id)] = {
                "debarment_id": str(e.debarment_id),
                **ledger_cols,
                "vendor_kind": vendor["kind"],
                "vendor_id": vendor["id"],
                "vendor_name": vendor["name"],
                "business_number": vendor["number"],
                "ground": e.ground,
                "starts": e.starts,
                "ends": e.ends,
                "lifted_on": None,
                "lift_reason": None,
                "lifted_by": None,
            }
        elif name == "Vendor.DebarmentLifted":
            out["debarred_vendors"][str(e.debarment_id)].update(
                lifted_on=e.accounting_date, lift_reason=e.reason, lifted_by=e.org
            )
        elif name == "Contract.Signed":
            supplier = shown(str(e.vendor_id))
            out["contracts"][me] = {
                "contract_id": me,
                **ledger_cols,
                "department": e.department,
                "title": e.title,
                "obligation_id": str(e.obligation_id),
                **line(line_of_obligation[str(e.obligation_id)]),
                "contract_date": e.accounting_date,
                "amount": e.amount,
                "original_amount": e.amount,
                "method": e.method.value,
                "private_reason": e.private_reason.value if e.private_reason else None,
                "private_reason_detail": e.private_reason_detail,
                "starts": e.starts,
                "ends": e.ends,
                "supplier_kind": supplier["kind"],
                "supplier_id": supplier["id"],
                "supplier_name": supplier["name"],
                "supplier_business_number": supplier["number"],
                "amendments": 0,
                "last_amended_on": None,
                "inspected": False,
                "inspected_amount": None,
                "inspected_on": None,
                "inspection_passed": None,
                "status": "active",
                "completed_on": None,
                "terminated_on": None,
                "termination_reason": None,
                "paid": 0,
                "returned": 0,
                "payments_to_date": 0,
            }
        elif name == "Contract.Amended":
            row = out["contracts"][me]
            out["contract_amendments"][position] = {
                "position": position,
                **ledger_cols,
                "contract_id": me,
                "amended_on": e.accounting_date,
                "previous_amount": row["amount"],
                "new_amount": e.new_amount,
                "new_ends": e.new_ends,
                "reason": e.reason,
            }
            row.update(amount=e.new_amount, ends=e.new_ends, last_amended_on=e.accounting_date)
            row["amendments"] += 1
        elif name == "Contract.Inspected":
            out["contracts"][me].update(
                inspected=True,
                inspected_amount=e.inspected_amount,
                inspected_on=e.accounting_date,
                inspection_passed=e.passed,
            )
        elif name == "Contract.Completed":
            out["contracts"][me].update(status="completed", completed_on=e.accounting_date)
        elif name == "Contract.Terminated":
            out["contracts"][me].update(
                status="terminated", terminated_on=e.accounting_date, termination_reason=e.reason
            )
        elif name == "Voucher.Drafted":
            payee = shown(None if e.payee_id is None else str(e.payee_id))
            voucher_of[me] = {
                "line_id": str(e.line_id),
                "contract_id": None if e.contract_id is None else str(e.contract_id),
                "payee_kind": payee["kind"],
                "payee_id": payee["id"],
                "payee_name": payee["name"],
                "payee_number": payee["number"],
                "description": e.description,
            }
            out["disclosure_vouchers"][me] = {
                "voucher_id": me,
                **ledger_cols,
                **{k: voucher_of[me][k] for k in ("line_id", "contract_id", "payee_kind", "payee_id")},
                "description": e.description,
            }
        elif name == "Voucher.Paid":
            voucher = voucher_of[me]
            out["expenditures"][str(e.payment_id)] = {
                "payment_id": str(e.payment_id),
                **ledger_cols,
                **line(voucher["line_id"]),
                "voucher_id": me,
                "contract_id": voucher["contract_id"],
                "description": voucher["description"],
                "paid_on": e.accounting_date,
                "amount": e.amount,
                "returned": 0,
                "payee_kind": voucher["payee_kind"],
                "payee_id": voucher["payee_id"],
                "payee_name": voucher["payee_name"],
                "payee_business_number": voucher["payee_number"],
            }
            if voucher["contract_id"]:
                contract = out["contracts"][voucher["contract_id"]]
                contract["paid"] += e.amount
                contract["payments_to_date"] += e.amount
        elif name == "Voucher.PaymentReturned":
            out["expenditures"][str(e.payment_id)]["returned"] += e.amount
            if voucher_of[me]["contract_id"]:
                contract = out["contracts"][voucher_of[me]["contract_id"]]
                contract["returned"] += e.amount
                contract["payments_to_date"] -= e.amount
        elif name == "RevenueLine.Opened":
            out["revenue_by_code"][me] = {
                "line_id": me,
                **ledger_cols,
                "code": e.code,
                "title": e.title,
                "estimate": e.estimate,
                "assessed": 0,
                "billed": 0,
                "collected": 0,
                "overpaid": 0,
                "refunded": 0,
                "closed": False,
            }
        elif name == "RevenueLine.Assessed":
            out["revenue_by_code"][me]["assessed"] += e.amount
        elif name == "RevenueLine.AssessmentReduced":
            out["revenue_by_code"][me]["assessed"] -= e.amount
        elif name == "RevenueLine.Billed":
            out["revenue_by_code"][me]["billed"] += e.amount
        elif name == "RevenueLine.Collected":
            out["revenue_by_code"][me]["collected"] += e.collected
            out["revenue_by_code"][me]["overpaid"] += e.overpaid
        elif name == "RevenueLine.OverpaymentRefunded":
            out["revenue_by_code"][me]["refunded"] += e.amount
        elif name == "RevenueLine.Closed":
            out["revenue_by_code"][me]["closed"] = True
    return out


def fold_programs(ledger: Ledger, org: str, year: int) -> list[dict[str, Any]]:
    """사업현황 from budget-line events: per detailed project, budget, allocated, obligated, paid."""
    project_of: dict[str, tuple[str, str]] = {}
    sums: dict[tuple[str, str], dict[str, int]] = {}
    for _, e in typed_events(ledger):
        name, me = type(e).__qualname__, str(e.originator_id)
        if not name.startswith("BudgetLine.") or (e.org, e.fiscal_year) != (org, year):
            continue
        if name == "BudgetLine.Opened":
            project_of[me] = (str(e.code).rsplit("-", 2)[0], e.title)
            sums.setdefault(project_of[me], {"current_budget": 0, "allocated": 0, "obligated": 0, "paid": 0})
            continue
        total = sums[project_of[me]]
        if name in ("BudgetLine.Appropriated", "BudgetLine.TransferredIn", "BudgetLine.ContingencyGranted"):
            total["current_budget"] += e.amount
        elif name in ("BudgetLine.TransferredOut", "BudgetLine.ContingencyReleased"):
            total["current_budget"] -= e.amount
        elif name == "BudgetLine.Amended":
            total["current_budget"] += e.change
        elif name == "BudgetLine.CarriedIn":
            total["current_budget"] += e.amount
            if e.kind.value == "accident":  # arrives allocated and obligated
                total["allocated"] += e.amount
                total["obligated"] += e.amount
        elif name == "BudgetLine.Allocated":
            total["allocated"] += e.amount
        elif name == "BudgetLine.Obligated":
            total["obligated"] += e.amount
        elif name == "BudgetLine.ObligationReleased":
            total["obligated"] -= e.amount
        elif name == "BudgetLine.Paid":
            total["paid"] += e.amount
        elif name == "BudgetLine.PaymentReturned":  # 지출액 only (domain.md §4)
            total["paid"] -= e.amount
    return [{"code": code, "title": title, **total} for (code, title), total in sorted(sums.items())]


# --- reading the read database ----------------------------------------------------------------


def rows_of(engine: Engine, table: Table) -> dict[Any, dict[str, Any]]:
    keys = [c.name for c in table.primary_key.columns]
    with engine.connect() as conn:
        found = [row._asdict() for row in conn.execute(select(table))]
    return {(row[keys[0]] if len(keys) == 1 else tuple(row[k] for k in keys)): row for row in found}


def all_rows(engine: Engine, of: tuple[Table, ...] = ALL_TABLES) -> dict[str, dict[Any, dict[str, Any]]]:
    return {table.name: rows_of(engine, table) for table in of}


def engine_for(ledger: Ledger, read_db: Engine, batch_size: int) -> ProjectionEngine:
    return ProjectionEngine(
        ledger.recorder, read_db, [DisclosureProjection(), BalancesProjection()], batch_size=batch_size
    )


@pytest.fixture
def second_read_db(store_config: StoreConfig, tmp_path: Path) -> Iterator[Engine]:
    """Another read database beside the event store, empty."""
    schema = f"{store_config.schema}_read2"
    if store_config.is_postgres:
        engine = read_engine(POSTGRES_URL, schema=schema, writer=True)
    else:
        engine = read_engine(f"sqlite:///{tmp_path / 'read2.db'}", writer=True)
    try:
        yield engine
    finally:
        engine.dispose()
        if store_config.is_postgres:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


# --- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("batch_size", [3, 10_000])
def test_every_table_equals_the_fold(ledger: Ledger, read_db: Engine, batch_size: int) -> None:
    make_history(ledger)
    engine_for(ledger, read_db, batch_size).catch_up()
    expected, rows = fold(ledger), all_rows(read_db)
    for table in ALL_TABLES:
        assert rows[table.name] == expected[table.name], table.name
    # the history touched every table, and every kind of row in it
    assert {name: len(found) for name, found in rows.items()} == {
        "allocations": 9,
        "requisitions": 3,
        "expenditures": 9,
        "contracts": 4,
        "contract_amendments": 2,
        "debarred_vendors": 3,
        "revenue_by_code": 2,
        "vendors": 4,
        "disclosure_lines": 6,
        "disclosure_obligations": 6,
        "disclosure_vouchers": 9,
    }


def test_rows_do_not_depend_on_the_batch_size(
    ledger: Ledger, read_db: Engine, second_read_db: Engine
) -> None:
    make_history(ledger)
    engine_for(ledger, read_db, 3).catch_up()
    engine_for(ledger, second_read_db, 10_000).catch_up()
    assert all_rows(read_db) == all_rows(second_read_db)


def test_workers_taking_turns_and_restarts_give_the_same_rows(
    ledger: Ledger, read_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch applied by another projection instance than the last: every lookup is dropped
    and read back from the tables, never from memory that may be stale."""
    make_history(ledger)
    reads: list[str] = []
    read = DisclosureProjection._read

    def counted(self: DisclosureProjection, table: Table, *args: Any) -> tuple[Any, ...]:
        reads.append(table.name)
        return read(self, table, *args)

    monkeypatch.setattr(DisclosureProjection, "_read", counted)
    workers = [engine_for(ledger, read_db, 4) for _ in range(2)]
    turn = 0
    while workers[turn % 2].run_batch():
        turn += 1
    engine_for(ledger, read_db, 7).catch_up()  # a restart, with nothing left to do
    assert turn > 20
    assert set(reads) == {"disclosure_lines", "disclosure_obligations", "disclosure_vouchers", "vendors"}
    assert all_rows(read_db) == fold(ledger)


def test_a_person_is_never_named(ledger: Ledger, read_db: Engine) -> None:
    history = make_history(ledger)
    engine_for(ledger, read_db, 10_000).catch_up()
    secrets = (PERSON_NAME, PERSON_REF, PAYER_NAME, "서울특별시 어딘가 1")
    rows = all_rows(read_db)
    for table, found in rows.items():
        # A person's vendor id, a pseudonym linking their payments, is kept by the vendors lookup
        # alone (to know its kind), never in a row that discloses anything.
        hidden = secrets if table == "vendors" else (*secrets, str(history.person))
        for row in found.values():
            for column, value in row.items():
                assert not any(s in str(value) for s in hidden), (table, column, value)
    assert rows["vendors"][str(history.person)] == {
        "vendor_id": str(history.person),
        "org": SEOUL,
        "fiscal_year": Y,
        "kind": "person",
        "name": None,
        "registration_number": None,
        "address": None,
    }
    person_payments = [r for r in rows["expenditures"].values() if r["payee_kind"] == "person"]
    assert len(person_payments) == 2
    assert all(
        r["payee_name"] is r["payee_business_number"] is r["payee_id"] is None for r in person_payments
    )
    person_contract = rows["contracts"][str(history.person_contract)]
    assert person_contract["supplier_kind"] == "person"
    assert person_contract["supplier_name"] is person_contract["supplier_business_number"] is None
    assert person_contract["payments_to_date"] == 500_000
    with read_db.connect() as conn:
        debarred = queries.debarred_vendors(conn)
    assert [d["vendor_name"] for d in debarred] == ["(주)부실산업", "대한건설(주)"]


def test_contract_payments_to_date_follow_payments_and_returns(ledger: Ledger, read_db: Engine) -> None:
    books = Clerk(ledger).ready()
    vendor = books.vendor()
    line = books.line(10_000_000, {1: 10_000_000}, WELFARE)
    obligation = books.obligate(line, 5_000_000, vendor_id=vendor)
    contract_id = books.sign(obligation, vendor, 4_000_000, date(Y, 2, 1))
    engine = engine_for(ledger, read_db, 3)

    def to_date() -> tuple[int, int, int]:
        engine.catch_up()
        with read_db.connect() as conn:
            (row,) = queries.contracts(conn, SEOUL, Y)
        assert row["contract_id"] == str(contract_id)
        return row["paid"], row["returned"], row["payments_to_date"]

    assert to_date() == (0, 0, 0)
    voucher, payment = books.paid_voucher(obligation, 1_000_000, date(Y, 3, 2), contract_id=contract_id)
    assert to_date() == (1_000_000, 0, 1_000_000)
    unpaid = books.voucher(obligation, 2_000_000, date(Y, 3, 3), contract_id=contract_id)
    books.order(unpaid, 2_000_000, date(Y, 3, 3))
    assert to_date() == (1_000_000, 0, 1_000_000)  # vouchered and ordered is not paid
    books.give_back(voucher, payment, 300_000, date(Y, 3, 4))
    assert to_date() == (1_000_000, 300_000, 700_000)
    books.paid_voucher(obligation, 500_000, date(Y, 3, 5))  # on the obligation, not the contract
    books.give_back(voucher, payment, 700_000, date(Y, 3, 6))
    assert to_date() == (1_000_000, 1_000_000, 0)
    with read_db.connect() as conn:
        payments = queries.expenditures(conn, SEOUL, Y)
        assert [p["contract_id"] for p in queries.expenditures(conn, contract_id=str(contract_id))] == [
            str(contract_id)
        ]
    assert [(p["amount"], p["returned"]) for p in payments] == [(1_000_000, 1_000_000), (500_000, 0)]


def test_programs_sum_lines_per_detailed_project_with_the_execution_rate(
    ledger: Ledger, read_db: Engine
) -> None:
    make_history(ledger)
    engine_for(ledger, read_db, 500).catch_up()
    with read_db.connect() as conn:
        found = queries.programs(conn, SEOUL, Y)
        welfare_only = queries.programs(conn, SEOUL, Y, code_prefix="100-080")
        district = queries.programs(conn, DISTRICT, Y)
        next_year = queries.programs(conn, SEOUL, Y + 1)
    expected = fold_programs(ledger, SEOUL, Y)
    assert [
        {k: p[k] for k in ("code", "title", "current_budget", "allocated", "obligated", "paid")}
        for p in found
    ] == expected
    for program in found:
        budget, paid = program["current_budget"], program["paid"]
        rate = (Decimal(paid) * 100 / budget).quantize(Decimal("0.01")) if budget else Decimal(0)
        assert program["execution_rate"] == rate
        assert isinstance(program["execution_rate"], Decimal)
    by_code = {p["code"]: p for p in found}
    # 어르신 복지관 운영: two items, 12,000,000 budgeted; 1,350,000 + 300,000 (강사료) + 500,000 paid
    welfare = by_code["100-080-081-1001-2001-3001"]
    assert (welfare["lines"], welfare["current_budget"], welfare["paid"]) == (2, 12_000_000, 2_150_000)
    assert welfare["execution_rate"] == Decimal("17.92")  # 17.9166…
    assert by_code["100-060-061-1002-2002-3002"]["execution_rate"] == Decimal(
        "10.00"
    )  # 5,000,000 / 50,000,000
    cut = by_code["100-080-081-1001-2001-3003"]
    assert (cut["current_budget"], cut["execution_rate"]) == (0, Decimal(0))
    assert [p["code"] for p in welfare_only] == ["100-080-081-1001-2001-3001", "100-080-081-1001-2001-3003"]
    assert [(p["title"], p["paid"]) for p in district] == [("구립 경로당 운영", 200_000)]
    assert [(p["current_budget"], p["obligated"], p["paid"]) for p in next_year] == [
        (700_000, 700_000, 200_000)
    ]


def test_queries_filter_and_order(ledger: Ledger, read_db: Engine) -> None:
    history = make_history(ledger)
    engine_for(ledger, read_db, 10_000).catch_up()
    with read_db.connect() as conn:
        allocations = queries.allocations(conn, SEOUL, Y)
        works = queries.allocations(conn, SEOUL, Y, code_prefix="100-060")
        second_quarter = queries.allocations(conn, SEOUL, Y, quarter=2)
        reqs = queries.requisitions(conn, SEOUL, Y)
        approved = queries.requisitions(conn, SEOUL, Y, status="approved")
        spring = queries.expenditures(conn, SEOUL, Y, paid_from=date(Y, 3, 1), paid_to=date(Y, 4, 30))
        district_spending = queries.expenditures(conn, DISTRICT)
        private = queries.contracts(conn, SEOUL, Y, method="private")
        terminated = queries.contracts(conn, status="terminated")
        carried = queries.contracts(conn, SEOUL, Y + 1)
        history_rows = queries.contract_history(conn, str(history.first_contract))
        in_force_in_may = queries.debarred_vendors(conn, on_date=date(Y, 5, 1))
        in_force_in_june = queries.debarred_vendors(conn, on_date=date(Y, 6, 1))
        in_force_next_year = queries.debarred_vendors(conn, on_date=date(Y + 1, 1, 2), org=DISTRICT)
        revenue = queries.revenue_by_code(conn, SEOUL, Y)
        tax = queries.revenue_by_code(conn, SEOUL, Y, code_prefix="100-")
        escaped = queries.allocations(conn, SEOUL, Y, code_prefix="100_")
    assert sum(a["amount"] for a in allocations) == 9_000_000 + 2_000_000 + 40_000_000
    assert [(a["quarter"], a["amount"], a["kind"]) for a in works] == [
        (1, 30_000_000, "allocated"),
        (4, 10_000_000, "allocated"),
        (2, 5_000_000, "pulled-forward"),
        (4, -5_000_000, "pulled-forward"),
    ]
    assert [(a["code"], a["amount"]) for a in second_quarter] == [
        (WELFARE, 3_000_000),
        (PARK_WORKS, 5_000_000),
    ]
    assert [(r["title"], r["status"]) for r in reqs] == [
        ("복지관 물품 구매 품의", "approved"),
        ("재료 구입", "rejected"),
        ("공원 설계 용역", "drafted"),
    ]
    assert [(r["decided_on"], r["line_title"]) for r in approved] == [(date(Y, 1, 22), "어르신 복지관 운영")]
    assert [(p["paid_on"], p["amount"], p["returned"], p["payee_name"]) for p in spring] == [
        (date(Y, 3, 12), 400_000, 50_000, "(주)한빛상사"),
        (date(Y, 3, 20), 200_000, 0, "(주)한빛상사"),
        (date(Y, 4, 20), 300_000, 0, None),
    ]
    assert [(p["org"], p["amount"]) for p in district_spending] == [(DISTRICT, 200_000)]
    assert [(c["title"], c["private_reason"]) for c in private] == [
        ("공원 수해 복구 공사", "emergency"),
        ("노인 건강 강좌 강의", "small-amount"),
    ]
    (works_contract,) = terminated
    assert works_contract["contract_id"] == str(history.works_contract)
    assert (works_contract["terminated_on"], works_contract["payments_to_date"]) == (date(Y, 9, 1), 4_000_000)
    (carried_contract,) = carried
    assert (carried_contract["code"], carried_contract["fiscal_year"], carried_contract["paid"]) == (
        WELFARE,
        Y + 1,
        200_000,
    )
    assert [(h["previous_amount"], h["new_amount"], h["new_ends"]) for h in history_rows] == [
        (1_200_000, 1_400_000, date(Y, 6, 30)),
        (1_400_000, 1_400_000, date(Y, 7, 31)),
    ]
    assert [d["vendor_name"] for d in in_force_in_may] == ["(주)부실산업"]
    assert in_force_in_june == []  # lifted on 1 June: that day it no longer applies
    assert [(d["vendor_name"], d["org"]) for d in in_force_next_year] == [("대한건설(주)", DISTRICT)]
    assert [
        (r["code"], r["assessed"], r["billed"], r["collected"], r["overpaid"], r["refunded"], r["closed"])
        for r in revenue
    ] == [
        (ACQUISITION_TAX, 0, 0, 0, 0, 0, True),
        (USAGE_FEES, 1_250_000, 1_250_000, 1_250_000, 100_000, 60_000, True),
    ]
    assert [r["code"] for r in tax] == [ACQUISITION_TAX]
    assert escaped == []  # "_" is a character, not a wildcard


def test_applying_again_changes_nothing(ledger: Ledger, read_db: Engine) -> None:
    make_history(ledger)
    engine = engine_for(ledger, read_db, 50)
    engine.catch_up()
    before = all_rows(read_db)
    assert engine.catch_up() == 0
    assert engine_for(ledger, read_db, 50).run_batch() == 0
    assert all_rows(read_db) == before


# --- random payments, returns and amendments -----------------------------------------------------


@contextlib.contextmanager
def fresh_books(backend: str, tmp_path: Path) -> Iterator[tuple[Ledger, Engine]]:
    """A new event store and read database for one example."""
    schema: PostgresSchema | None = None
    if backend == "sqlite":
        config = StoreConfig(f"sqlite:///{tmp_path / uuid.uuid4().hex}.db", cache_size=100)
        read_db = read_engine(config.database_url, writer=True)
    else:
        schema = PostgresSchema()
        config = StoreConfig(POSTGRES_URL, schema=schema.name, cache_size=100)
        read_db = read_engine(POSTGRES_URL, schema=f"{schema.name}_read", writer=True)
    ledger = open_ledger(config)
    try:
        yield ledger, read_db
    finally:
        ledger.close()
        read_db.dispose()
        if schema is not None:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(f"{schema.name}_read"))
                )
            schema.drop()


amounts = st.integers(min_value=1, max_value=4_000_000)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.integers(0, 2), amounts, st.booleans()),
        st.tuples(st.just("return"), st.integers(0, 50), amounts, st.booleans()),
        st.tuples(st.just("amend"), st.integers(0, 1), amounts, st.booleans()),
        st.tuples(st.just("project"), st.integers(1, 9), st.just(0), st.booleans()),
    ),
    min_size=3,
    max_size=14,
)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_random_payments_returns_and_amendments_equal_the_fold(backend: str, tmp_path: Path) -> None:
    if backend == "postgres":
        require_postgres()

    @settings(
        max_examples=15 if backend == "sqlite" else 8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(steps=steps)
    def run(steps: list[tuple[str, int, int, bool]]) -> None:
        with fresh_books(backend, tmp_path) as (ledger, read_db):
            books = Clerk(ledger).ready()
            business = books.vendor()
            person = books.vendor(PERSON_REF, PERSON_NAME, VendorKind.PERSON)
            line = books.line(60_000_000, {1: 60_000_000}, WELFARE)
            obligations = [
                books.obligate(line, 20_000_000, vendor_id=business),
                books.obligate(line, 20_000_000, vendor_id=person),
                books.obligate(line, 10_000_000),
            ]
            contracts = [
                books.sign(obligations[0], business, 8_000_000, date(Y, 2, 1)),
                books.sign(obligations[1], person, 8_000_000, date(Y, 2, 1)),
            ]
            payments: list[tuple[UUID, UUID]] = []
            for day, (kind, which, amount, flag) in enumerate(steps):
                on = date(Y, 3, 1) + timedelta(days=day)
                try:
                    if kind == "pay":
                        fields: dict[str, Any] = (
                            {"contract_id": contracts[which]} if which < 2 else {"payee_id": person}
                        )
                        voucher = books.voucher(obligations[which], amount, on, **fields)
                        order = books.order(voucher, amount, on)
                        parts = [amount // 2, amount - amount // 2] if flag and amount > 1 else [amount]
                        for part in parts:  # in one payment or two
                            payments.append(
                                (voucher, books.pay(voucher, order, part, on, withheld=part // 10))
                            )
                    elif kind == "return" and payments:
                        voucher, payment = payments[which % len(payments)]
                        books.give_back(voucher, payment, amount // 3 + 1 if flag else amount, on)
                    elif kind == "amend":
                        books.run(
                            AmendContract,
                            contract_id=contracts[which],
                            new_amount=2 * amount,
                            new_ends=date(Y, 12, 31 - which) if flag else None,
                            reason="변경",
                            on=on,
                        )
                    elif kind == "project":  # a new worker: nothing in memory
                        engine_for(ledger, read_db, which).catch_up()
                except DomainError:
                    pass
            engine_for(ledger, read_db, 5).catch_up()
            expected = fold(ledger)
            for table in (tables.contracts, tables.expenditures, tables.contract_amendments):
                assert rows_of(read_db, table) == expected[table.name], table.name
            for row in rows_of(read_db, tables.expenditures).values():
                assert PERSON_NAME not in str(row.values())

    run()
