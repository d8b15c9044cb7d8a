"""Commands of contracts (계약): sign, amend (변경계약), inspect (검수), complete, terminate (해지)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import StrictBool

from commands.messages.base import Command, Department, Note, Reason, ReasonDetail, Title, Versioned, Won
from domain.contract import ContractMethod, PrivateContractReason


class SignContract(Command, Versioned):
    """계약 against an obligation; ``expected_version`` is the obligation's.

    The contract date is the accounting date. A private contract (수의계약) states its ground.
    """

    obligation_id: UUID
    vendor_id: UUID
    amount: Won
    method: ContractMethod
    private_reason: PrivateContractReason | None = None
    private_reason_detail: ReasonDetail = ""
    title: Title
    department: Department
    starts: date
    ends: date


class AmendContract(Command, Versioned):
    """변경계약 of the amount and/or the end of the period."""

    contract_id: UUID
    new_amount: Won | None = None
    new_ends: date | None = None
    reason: Reason


class InspectContract(Command, Versioned):
    """검수 by the actor, on the accounting date."""

    contract_id: UUID
    inspected_amount: Won
    passed: StrictBool
    note: Note = ""


class CompleteContract(Command, Versioned):
    """준공/완료, after a passed inspection."""

    contract_id: UUID


class TerminateContract(Command, Versioned):
    """해지: what is not vouchered is released on the obligation."""

    contract_id: UUID
    reason: Reason
