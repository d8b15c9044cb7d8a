"""Contracts (계약): signed against an obligation with a vendor, amended, inspected, closed.

A contract is signed against an obligation (지출원인행위) with a vendor that is not debarred on the
contract date (invariant 7); its amount, and every amended amount (변경계약), stays within what
the obligation leaves uncontracted (invariant 6). The work is inspected (검수) and the contract
completed (준공/완료) after a passed inspection, or terminated (해지), which frees its unvouchered
part on the obligation. Vouchers (지출결의) draw on it up to its amount (invariant 3).

What is disclosed (계약현황, domain.md §6) is all here: department, title, contract date (the
accounting date of the signing), amount, supplier, method, the ground of a private contract
(수의계약 사유), period, amendments, inspections.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import (
    CancelExceedsRemaining,
    InvalidAmount,
    InvalidInput,
    InvalidState,
    ReasonRequired,
    VoucherExceedsObligation,
    WrongOrganisation,
)
from domain.money import positive_won, releasable
from domain.obligation import Obligation
from domain.vendor import Vendor


class ContractMethod(StrEnum):
    """계약방법: 일반경쟁 open, 제한경쟁 restricted competition, 수의계약 private contract."""

    OPEN = "open"
    RESTRICTED = "restricted"
    PRIVATE = "private"


class PrivateContractReason(StrEnum):
    """수의계약 사유: the grounds of 지방계약법 시행령 제25조 a private contract must state."""

    SMALL_AMOUNT = "small-amount"  # 추정가격이 소액인 계약
    EMERGENCY = "emergency"  # 천재지변·긴급한 재해복구 등 경쟁에 부칠 여유가 없는 경우
    SECURITY = "security"  # 보안상 필요하거나 국가기관의 행사와 관련된 경우
    SOLE_SOURCE = "sole-source"  # 특허·특정인의 기술 등으로 경쟁이 성립하지 않는 경우
    FOLLOW_ON = "follow-on"  # 기존 계약과의 호환·동일성이 필요한 추가 계약
    SOCIAL_ENTERPRISE = "social-enterprise"  # 사회적기업·장애인기업 등 정책 지원 대상
    OTHER = "other"  # 그 밖의 사유: the detail says which


class ContractStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    TERMINATED = "terminated"


@dataclass(frozen=True, slots=True)
class Inspection:
    """검수: who inspected how much of the work, on which date, and whether it passed."""

    inspected_on: date
    inspector: str
    amount: int
    passed: bool
    note: str


class Contract(LedgerAggregate):
    """계약."""

    org: str
    fiscal_year: int
    obligation_id: UUID
    vendor_id: UUID
    title: str
    department: str
    method: ContractMethod
    private_reason: PrivateContractReason | None
    private_reason_detail: str
    contract_date: date
    starts: date
    ends: date
    original_amount: int
    amount: int
    amendments: int
    inspections: tuple[Inspection, ...]
    vouchered: int
    released: int
    status: ContractStatus
    closed_on: date | None
    termination_reason: str

    # --- events -----------------------------------------------------------------------------

    class Signed(LedgerAggregate.Created):
        obligation_id: UUID
        vendor_id: UUID
        title: str
        department: str
        method: ContractMethod
        private_reason: PrivateContractReason | None
        private_reason_detail: str
        starts: date
        ends: date
        amount: int

        def apply(self, contract: Contract) -> None:
            contract.org, contract.fiscal_year = self.org, self.fiscal_year
            contract.obligation_id, contract.vendor_id = self.obligation_id, self.vendor_id
            contract.title, contract.department = self.title, self.department
            contract.method = self.method
            contract.private_reason = self.private_reason
            contract.private_reason_detail = self.private_reason_detail
            contract.contract_date = self.accounting_date
            contract.starts, contract.ends = self.starts, self.ends
            contract.original_amount = contract.amount = self.amount
            contract.amendments = contract.vouchered = contract.released = 0
            contract.inspections = ()
            contract.status = ContractStatus.ACTIVE
            contract.closed_on = None
            contract.termination_reason = ""

    class Amended(LedgerAggregate.Event):
        """변경계약: the amount and period after the change; ``change`` of the amount."""

        new_amount: int
        change: int
        new_ends: date
        reason: str

        def apply(self, contract: Contract) -> None:
            contract.amount, contract.ends = self.new_amount, self.new_ends
            contract.amendments += 1

    class Inspected(LedgerAggregate.Event):
        """검수 by ``inspector`` on the accounting date."""

        inspector: str
        inspected_amount: int
        passed: bool
        note: str

        def apply(self, contract: Contract) -> None:
            inspection = Inspection(
                self.accounting_date, self.inspector, self.inspected_amount, self.passed, self.note
            )
            contract.inspections = (*contract.inspections, inspection)

    class Completed(LedgerAggregate.Event):
        """준공/완료 after a passed inspection."""

        def apply(self, contract: Contract) -> None:
            contract.status, contract.closed_on = ContractStatus.COMPLETED, self.accounting_date

    class Terminated(LedgerAggregate.Event):
        """해지: ``released`` won, not vouchered, are freed on the obligation."""

        reason: str
        released: int

        def apply(self, contract: Contract) -> None:
            contract.status, contract.closed_on = ContractStatus.TERMINATED, self.accounting_date
            contract.termination_reason, contract.released = self.reason, self.released

    class Vouchered(LedgerAggregate.Event):
        voucher_id: UUID
        amount: int

        def apply(self, contract: Contract) -> None:
            contract.vouchered += self.amount

    class VoucherReleased(LedgerAggregate.Event):
        """A rejected voucher (지출결의 반려) gives back what it drew."""

        voucher_id: UUID
        amount: int

        def apply(self, contract: Contract) -> None:
            contract.vouchered -= self.amount

    # --- identity and derived amounts -------------------------------------------------------

    @staticmethod
    def id_for(command_id: UUID) -> UUID:
        return ledger_id("contract", command_id)

    @property
    def remaining(self) -> int:
        """What vouchers may still draw: amount − vouchered (nothing once terminated)."""
        return self.amount - self.vouchered - self.released

    @property
    def last_inspection(self) -> Inspection | None:
        return self.inspections[-1] if self.inspections else None

    # --- commands: validate, then record ----------------------------------------------------

    @classmethod
    def sign(
        cls,
        ctx: Context,
        obligation: Obligation,
        vendor: Vendor,
        amount: int,
        method: ContractMethod,
        title: str,
        department: str,
        starts: date,
        ends: date,
        private_reason: PrivateContractReason | None = None,
        private_reason_detail: str = "",
    ) -> Contract:
        """Sign against ``obligation`` with ``vendor``; the caller saves obligation and contract."""
        amount = positive_won(amount)
        method = ContractMethod(method)
        if private_reason is not None:
            private_reason = PrivateContractReason(private_reason)
        if not title.strip():
            raise InvalidInput("a contract needs a title (계약명)")
        if not department.strip():
            raise InvalidInput("a contract names the department that made it (계약부서)")
        title = text.TITLE.check(title, "title")
        department = text.DEPARTMENT.check(department, "department")
        private_reason_detail = text.REASON_DETAIL.check(private_reason_detail, "private_reason_detail")
        _check_period(starts, ends)
        _check_private_reason(method, private_reason, private_reason_detail)
        if (obligation.org, obligation.fiscal_year) != (ctx.org, ctx.fiscal_year):
            raise WrongOrganisation(
                f"the obligation belongs to {obligation.org} {obligation.fiscal_year}, "
                f"the contract to {ctx.org} {ctx.fiscal_year}",
                org=obligation.org,
                fiscal_year=obligation.fiscal_year,
            )
        if obligation.cancelled:
            raise InvalidState("a contract cannot be signed against a cancelled obligation")
        if obligation.vendor_id is not None and obligation.vendor_id != vendor.id:
            raise InvalidInput(
                "the obligation was made for another vendor than the one signing the contract",
                obligation_vendor=str(obligation.vendor_id),
                vendor=vendor.registration_number,
            )
        vendor.check_eligible(ctx.accounting_date)
        contract_id = cls.id_for(ctx.command_id)
        obligation.contract(ctx, contract_id, amount)
        return cls.start(
            cls.Signed,
            ctx,
            contract_id,
            obligation_id=obligation.id,
            vendor_id=vendor.id,
            title=title,
            department=department,
            method=method,
            private_reason=private_reason,
            private_reason_detail=private_reason_detail,
            starts=starts,
            ends=ends,
            amount=amount,
        )

    def amend(
        self,
        ctx: Context,
        obligation: Obligation,
        reason: str,
        new_amount: int | None = None,
        new_ends: date | None = None,
    ) -> None:
        """변경계약 of the amount and/or the end of the period; an increase re-checks invariant 6."""
        self._check_org(ctx)
        self._check_obligation(obligation)
        self._require_active("amended")
        if not reason.strip():
            raise ReasonRequired("an amended contract (변경계약) states why it changes")
        reason = text.REASON.check(reason, "reason")
        amount = self.amount if new_amount is None else positive_won(new_amount, field="new_amount")
        ends = self.ends if new_ends is None else new_ends
        if amount == self.amount and ends == self.ends:
            raise InvalidInput(
                "the amendment changes neither the amount nor the end of the period",
                amount=self.amount,
                ends=self.ends.isoformat(),
            )
        _check_period(self.starts, ends)
        if amount < self.vouchered:
            raise CancelExceedsRemaining(
                f"the contract cannot go below the {self.vouchered} won already vouchered",
                requested=amount,
                contract_amount=self.amount,
                vouchered=self.vouchered,
            )
        change = amount - self.amount
        if change != 0:
            obligation.contract(ctx, self.id, change)
        self.record(self.Amended, ctx, new_amount=amount, change=change, new_ends=ends, reason=reason)

    def inspect(self, ctx: Context, inspected_amount: int, passed: bool, note: str = "") -> None:
        """검수 by the actor on the accounting date."""
        self._check_org(ctx)
        self._require_active("inspected")
        inspected_amount = positive_won(inspected_amount, field="inspected_amount")
        if not isinstance(passed, bool):
            raise InvalidInput(f"an inspection passes or fails, got {passed!r}")
        note = text.NOTE.check(note, "note")
        if inspected_amount > self.amount:
            raise InvalidAmount(
                f"{inspected_amount} won inspected is more than the contract amount of {self.amount} won",
                requested=inspected_amount,
                contract_amount=self.amount,
            )
        self.record(
            self.Inspected,
            ctx,
            inspector=ctx.actor,
            inspected_amount=inspected_amount,
            passed=passed,
            note=note,
        )

    def complete(self, ctx: Context) -> None:
        """준공/완료: only when the latest inspection passed."""
        self._check_org(ctx)
        self._require_active("completed")
        last = self.last_inspection
        if last is None or not last.passed:
            raise InvalidState(
                "a contract is completed only after a passed inspection (검수)"
                + ("" if last is None else f"; the last one, on {last.inspected_on.isoformat()}, failed"),
                inspections=len(self.inspections),
            )
        self.record(self.Completed, ctx)

    def terminate(self, ctx: Context, obligation: Obligation, reason: str) -> int:
        """해지: the unvouchered part is released on the obligation; returns the won released."""
        self._check_org(ctx)
        self._check_obligation(obligation)
        self._require_active("terminated")
        if not reason.strip():
            raise ReasonRequired("a termination (해지) states why")
        reason = text.REASON.check(reason, "reason")
        released = self.amount - self.vouchered
        if released > 0:
            obligation.contract(ctx, self.id, -released)
        self.record(self.Terminated, ctx, reason=reason, released=released)
        return released

    def draw_voucher(self, ctx: Context, voucher_id: UUID, amount: int) -> None:
        """Invariant 3: a voucher ≤ what remains of the contract (amount − vouchered)."""
        amount = positive_won(amount)
        self._check_org(ctx)
        if self.status is ContractStatus.TERMINATED:
            raise InvalidState("a terminated contract takes no more vouchers", status=self.status.value)
        if amount > self.remaining:
            raise VoucherExceedsObligation(
                f"the contract has {self.remaining} won left to voucher; {amount} won asked",
                requested=amount,
                contract_amount=self.amount,
                vouchered=self.vouchered,
                available=self.remaining,
            )
        self.record(self.Vouchered, ctx, voucher_id=voucher_id, amount=amount)

    def release_voucher(self, ctx: Context, voucher_id: UUID, amount: int) -> None:
        """Give back what a rejected voucher drew."""
        amount = releasable(amount, held=self.vouchered, held_as="vouchered")
        self.record(self.VoucherReleased, ctx, voucher_id=voucher_id, amount=amount)

    # --- guards -----------------------------------------------------------------------------

    def _check_org(self, ctx: Context) -> None:
        # A contract may run into later fiscal years (its period, a carried obligation): the
        # organisation must match, the year of the command may be a later one.
        if ctx.org != self.org:
            raise WrongOrganisation(f"contract belongs to {self.org}, the command to {ctx.org}", org=self.org)

    def _check_obligation(self, obligation: Obligation) -> None:
        if obligation.id != self.obligation_id:
            raise WrongOrganisation("the obligation given is not the contract's obligation")

    def _require_active(self, action: str) -> None:
        if self.status is not ContractStatus.ACTIVE:
            raise InvalidState(
                f"{text.a(self.status.value)} contract cannot be {action}", status=self.status.value
            )


def _check_period(starts: date, ends: date) -> None:
    if ends < starts:
        raise InvalidInput(
            f"a contract period ends ({ends.isoformat()}) on or after it starts ({starts.isoformat()})",
            starts=starts.isoformat(),
            ends=ends.isoformat(),
        )


def _check_private_reason(method: ContractMethod, reason: PrivateContractReason | None, detail: str) -> None:
    """A private contract (수의계약) states its ground; competitive contracts have none."""
    if method is ContractMethod.PRIVATE:
        if reason is None:
            raise ReasonRequired(
                "a private contract (수의계약) states its ground (지방계약법 시행령 제25조)",
                method=method.value,
            )
        if reason is PrivateContractReason.OTHER and not detail.strip():
            raise ReasonRequired(
                "a private contract on another ground explains it in the detail",
                method=method.value,
                private_reason=reason.value,
            )
    elif reason is not None or detail.strip():
        raise InvalidInput(
            f"only a private contract (수의계약) states a private-contract ground; this one is "
            f"{method.value}",
            method=method.value,
        )
