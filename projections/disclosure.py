"""Public disclosure (클린재정 공개): allocations, requisitions, expenditures, contracts, debarments,
revenue per code, from the events of budget lines, requisitions, obligations, vendors, contracts,
vouchers and revenue lines.

Rows name the budget line (code and title), the payee and the supplier of what they disclose. Those
are looked up in tables of this projection (``disclosure_lines``, ``disclosure_obligations``,
``disclosure_vouchers``, ``vendors``), kept in memory as well; when ``continuing`` is false the
memory is dropped, and a miss is read back from those tables, as in :mod:`projections.erp`.

A vendor that is a person (개인) is never named: its name, registration number, address and id are
not written anywhere (domain.md §6), only its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, select

from projections.base import Envelope, Projection, RowWriter
from readmodels.disclosure import (
    allocations,
    contract_amendments,
    contracts,
    debarred_vendors,
    disclosure_lines,
    disclosure_obligations,
    disclosure_vouchers,
    expenditures,
    requisitions,
    revenue_by_code,
    vendors,
)

BUSINESS = "business"  # VendorKind.BUSINESS: the only kind of vendor ever named

_CODE_PARTS = (
    "account",
    "field",
    "sector",
    "policy_project",
    "unit_project",
    "detailed_project",
    "item",
    "stat",
)

#: RevenueLine events that add to its totals: event → (column, field of the event, sign), …
_REVENUE = {
    "RevenueLine.Assessed": (("assessed", "amount", 1),),
    "RevenueLine.AssessmentReduced": (("assessed", "amount", -1),),
    "RevenueLine.Billed": (("billed", "amount", 1),),
    "RevenueLine.Collected": (("collected", "collected", 1), ("overpaid", "overpaid", 1)),
    "RevenueLine.OverpaymentRefunded": (("refunded", "amount", 1),),
}


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _ledger(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"org": data["org"], "fiscal_year": data["fiscal_year"]}


class _Vendor:
    """What a row may say of a vendor: a business's id, name and number; of a person, its kind."""

    __slots__ = ("id", "kind", "name", "number")

    def __init__(self, kind: str, vendor_id: str | None, name: str | None, number: str | None) -> None:
        self.kind = kind
        business = kind == BUSINESS
        self.id = vendor_id if business else None
        self.name = name if business else None
        self.number = number if business else None


class _Voucher:
    """A voucher's line, contract and description, and of its payee the kind (and a business's id)."""

    __slots__ = ("contract_id", "description", "line_id", "payee_id", "payee_kind")

    def __init__(
        self,
        line_id: str,
        contract_id: str | None,
        payee_kind: str | None,
        payee_id: str | None,
        description: str,
    ) -> None:
        self.line_id, self.contract_id = line_id, contract_id
        self.payee_kind, self.payee_id = payee_kind, payee_id
        self.description = description


class DisclosureProjection(Projection):
    name = "disclosure"
    #: 2: ``debarred_vendors.lifted_by``, the organisation that lifted a debarment.
    version = 2
    tables = (
        allocations,
        requisitions,
        expenditures,
        contracts,
        contract_amendments,
        debarred_vendors,
        revenue_by_code,
        vendors,
        disclosure_lines,
        disclosure_obligations,
        disclosure_vouchers,
    )
    handles = frozenset(
        {
            "BudgetLine.Opened",
            "BudgetLine.Allocated",
            "BudgetLine.AllocationPulledForward",
            "Requisition.Drafted",
            "Requisition.Approved",
            "Requisition.Rejected",
            "Obligation.Created",
            "Obligation.CarriedOver",
            "Vendor.Registered",
            "Vendor.AddressChanged",
            "Vendor.Debarred",
            "Vendor.DebarmentLifted",
            "Contract.Signed",
            "Contract.Amended",
            "Contract.Inspected",
            "Contract.Completed",
            "Contract.Terminated",
            "Voucher.Drafted",
            "Voucher.Paid",
            "Voucher.PaymentReturned",
            "RevenueLine.Opened",
            "RevenueLine.Assessed",
            "RevenueLine.AssessmentReduced",
            "RevenueLine.Billed",
            "RevenueLine.Collected",
            "RevenueLine.OverpaymentRefunded",
            "RevenueLine.Closed",
        }
    )

    def __init__(self) -> None:
        self._lines: dict[str, tuple[str, str]] = {}  # line id → (code, title)
        self._obligation_lines: dict[str, str] = {}  # obligation id → line id
        self._vouchers: dict[str, _Voucher] = {}
        self._vendors: dict[str, _Vendor] = {}
        self._tables: Mapping[str, Table] = {}
        self._conn: Connection | None = None
        self._handlers: dict[str, Callable[[Envelope, RowWriter], None]] = {
            "BudgetLine.Opened": self._line_opened,
            "BudgetLine.Allocated": self._allocated,
            "BudgetLine.AllocationPulledForward": self._pulled_forward,
            "Requisition.Drafted": self._requisition_drafted,
            "Requisition.Approved": self._requisition_decided,
            "Requisition.Rejected": self._requisition_decided,
            "Obligation.Created": self._obligation_created,
            "Obligation.CarriedOver": self._obligation_carried_over,
            "Vendor.Registered": self._vendor_registered,
            "Vendor.AddressChanged": self._vendor_address_changed,
            "Vendor.Debarred": self._vendor_debarred,
            "Vendor.DebarmentLifted": self._debarment_lifted,
            "Contract.Signed": self._contract_signed,
            "Contract.Amended": self._contract_amended,
            "Contract.Inspected": self._contract_inspected,
            "Contract.Completed": self._contract_completed,
            "Contract.Terminated": self._contract_terminated,
            "Voucher.Drafted": self._voucher_drafted,
            "Voucher.Paid": self._voucher_paid,
            "Voucher.PaymentReturned": self._payment_returned,
            "RevenueLine.Opened": self._revenue_line_opened,
            "RevenueLine.Closed": self._revenue_line_closed,
        }
        for name in _REVENUE:
            self._handlers[name] = self._revenue_amounts

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if not continuing:
            self._lines.clear()
            self._obligation_lines.clear()
            self._vouchers.clear()
            self._vendors.clear()
        self._tables = tables
        self._conn = conn

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        handlers = self._handlers
        for event in events:
            handlers[event.name](event, out)

    # --- lookups: memory first, then this projection's own tables ---------------------------

    def _read(self, table: Table, key: str, value: str, *columns: str) -> tuple[Any, ...]:
        assert self._conn is not None
        physical = self._tables[table.name]
        query = select(*(physical.c[c] for c in columns)).where(physical.c[key] == value)
        return tuple(self._conn.execute(query).one())

    def _line(self, line_id: str) -> tuple[str, str]:
        found = self._lines.get(line_id)
        if found is None:
            code, title = self._read(disclosure_lines, "line_id", line_id, "code", "title")
            found = self._lines[line_id] = (code, title)
        return found

    def _line_columns(self, line_id: str) -> dict[str, Any]:
        code, title = self._line(line_id)
        return {"line_id": line_id, "code": code, "line_title": title}

    def _line_of_obligation(self, obligation_id: str) -> str:
        line_id = self._obligation_lines.get(obligation_id)
        if line_id is None:
            (line_id,) = self._read(disclosure_obligations, "obligation_id", obligation_id, "line_id")
            self._obligation_lines[obligation_id] = line_id
        return line_id

    def _voucher(self, voucher_id: str) -> _Voucher:
        found = self._vouchers.get(voucher_id)
        if found is None:
            columns = ("line_id", "contract_id", "payee_kind", "payee_id", "description")
            found = _Voucher(*self._read(disclosure_vouchers, "voucher_id", voucher_id, *columns))
            self._vouchers[voucher_id] = found
        return found

    def _vendor(self, vendor_id: str) -> _Vendor:
        found = self._vendors.get(vendor_id)
        if found is None:
            kind, name, number = self._read(
                vendors, "vendor_id", vendor_id, "kind", "name", "registration_number"
            )
            found = self._vendors[vendor_id] = _Vendor(kind, vendor_id, name, number)
        return found

    # --- budget lines and allocations (예산배정현황) ------------------------------------------

    def _line_opened(self, event: Envelope, out: RowWriter) -> None:
        data, line_id = event.data, str(event.originator_id)
        code = "-".join(data["code"][part] for part in _CODE_PARTS)
        self._lines[line_id] = (code, data["title"])
        out.put(disclosure_lines, {"line_id": line_id}, **_ledger(data), code=code, title=data["title"])

    def _allocation(self, event: Envelope, out: RowWriter, kind: str, quarter: int, amount: int) -> None:
        data = event.data
        out.insert(
            allocations,
            {
                "position": event.position,
                "quarter": quarter,
                **_ledger(data),
                **self._line_columns(str(event.originator_id)),
                "kind": kind,
                "amount": amount,
                "allocated_on": _day(data["accounting_date"]),
            },
        )

    def _allocated(self, event: Envelope, out: RowWriter) -> None:
        self._allocation(event, out, "allocated", event.data["quarter"], event.data["amount"])

    def _pulled_forward(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        self._allocation(event, out, "pulled-forward", data["from_quarter"], -data["amount"])
        self._allocation(event, out, "pulled-forward", data["to_quarter"], data["amount"])

    # --- requisitions (품의현황) --------------------------------------------------------------

    def _requisition_drafted(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        out.put(
            requisitions,
            {"requisition_id": str(event.originator_id)},
            **_ledger(data),
            **self._line_columns(data["line_id"]),
            title=data["title"],
            amount=data["amount"],
            status="drafted",
            drafted_on=_day(data["accounting_date"]),
        )

    def _requisition_decided(self, event: Envelope, out: RowWriter) -> None:
        status = "approved" if event.name == "Requisition.Approved" else "rejected"
        out.put(
            requisitions,
            {"requisition_id": str(event.originator_id)},
            status=status,
            decided_on=_day(event.data["accounting_date"]),
        )

    # --- obligations: only where they draw ---------------------------------------------------

    def _obligation_created(self, event: Envelope, out: RowWriter) -> None:
        data, obligation_id = event.data, str(event.originator_id)
        self._obligation_lines[obligation_id] = data["line_id"]
        out.put(
            disclosure_obligations, {"obligation_id": obligation_id}, **_ledger(data), line_id=data["line_id"]
        )

    def _obligation_carried_over(self, event: Envelope, out: RowWriter) -> None:
        data, obligation_id = event.data, str(event.originator_id)
        self._obligation_lines[obligation_id] = data["to_line_id"]
        out.put(
            disclosure_obligations,
            {"obligation_id": obligation_id},
            fiscal_year=data["to_fiscal_year"],
            line_id=data["to_line_id"],
        )

    # --- vendors and debarments (부정당업자) ----------------------------------------------------

    def _vendor_registered(self, event: Envelope, out: RowWriter) -> None:
        data, vendor_id = event.data, str(event.originator_id)
        vendor = self._vendors[vendor_id] = _Vendor(
            data["kind"], vendor_id, data["name"], data["registration_number"]
        )
        out.put(
            vendors,
            {"vendor_id": vendor_id},
            **_ledger(data),
            kind=vendor.kind,
            name=vendor.name,
            registration_number=vendor.number,
            address=data["address"] if vendor.kind == BUSINESS else None,
        )

    def _vendor_address_changed(self, event: Envelope, out: RowWriter) -> None:
        vendor_id = str(event.originator_id)
        if self._vendor(vendor_id).kind == BUSINESS:
            out.put(vendors, {"vendor_id": vendor_id}, address=event.data["address"])

    def _vendor_debarred(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        vendor = self._vendor(str(event.originator_id))
        out.put(
            debarred_vendors,
            {"debarment_id": data["debarment_id"]},
            **_ledger(data),
            vendor_kind=vendor.kind,
            vendor_id=vendor.id,
            vendor_name=vendor.name,
            business_number=vendor.number,
            ground=data["ground"],
            starts=_day(data["starts"]),
            ends=_day(data["ends"]),
        )

    def _debarment_lifted(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        out.put(
            debarred_vendors,
            {"debarment_id": data["debarment_id"]},
            lifted_on=_day(data["accounting_date"]),
            lift_reason=data["reason"],
            lifted_by=data["org"],
        )

    # --- contracts (계약현황) -----------------------------------------------------------------

    def _contract_signed(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        supplier = self._vendor(data["vendor_id"])
        out.put(
            contracts,
            {"contract_id": str(event.originator_id)},
            **_ledger(data),
            department=data["department"],
            title=data["title"],
            obligation_id=data["obligation_id"],
            **self._line_columns(self._line_of_obligation(data["obligation_id"])),
            contract_date=_day(data["accounting_date"]),
            amount=data["amount"],
            original_amount=data["amount"],
            method=data["method"],
            private_reason=data["private_reason"],
            private_reason_detail=data["private_reason_detail"],
            starts=_day(data["starts"]),
            ends=_day(data["ends"]),
            supplier_kind=supplier.kind,
            supplier_id=supplier.id,
            supplier_name=supplier.name,
            supplier_business_number=supplier.number,
            status="active",
        )

    def _contract_amended(self, event: Envelope, out: RowWriter) -> None:
        data, contract_id = event.data, str(event.originator_id)
        amended_on = _day(data["accounting_date"])
        new_ends = _day(data["new_ends"])
        out.put(
            contracts,
            {"contract_id": contract_id},
            amount=data["new_amount"],
            ends=new_ends,
            last_amended_on=amended_on,
        )
        out.add(contracts, {"contract_id": contract_id}, amendments=1)
        out.insert(
            contract_amendments,
            {
                "position": event.position,
                **_ledger(data),
                "contract_id": contract_id,
                "amended_on": amended_on,
                "previous_amount": data["new_amount"] - data["change"],
                "new_amount": data["new_amount"],
                "new_ends": new_ends,
                "reason": data["reason"],
            },
        )

    def _contract_inspected(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        out.put(
            contracts,
            {"contract_id": str(event.originator_id)},
            inspected=True,
            inspected_amount=data["inspected_amount"],
            inspected_on=_day(data["accounting_date"]),
            inspection_passed=data["passed"],
        )

    def _contract_completed(self, event: Envelope, out: RowWriter) -> None:
        out.put(
            contracts,
            {"contract_id": str(event.originator_id)},
            status="completed",
            completed_on=_day(event.data["accounting_date"]),
        )

    def _contract_terminated(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        out.put(
            contracts,
            {"contract_id": str(event.originator_id)},
            status="terminated",
            terminated_on=_day(data["accounting_date"]),
            termination_reason=data["reason"],
        )

    # --- vouchers, payments and returns (지출현황) ----------------------------------------------

    def _voucher_drafted(self, event: Envelope, out: RowWriter) -> None:
        data, voucher_id = event.data, str(event.originator_id)
        payee = self._vendor(data["payee_id"]) if data["payee_id"] is not None else None
        voucher = self._vouchers[voucher_id] = _Voucher(
            data["line_id"],
            data["contract_id"],
            payee.kind if payee else None,
            payee.id if payee else None,
            data["description"],
        )
        out.put(
            disclosure_vouchers,
            {"voucher_id": voucher_id},
            **_ledger(data),
            line_id=voucher.line_id,
            contract_id=voucher.contract_id,
            payee_kind=voucher.payee_kind,
            payee_id=voucher.payee_id,
            description=voucher.description,
        )

    def _voucher_paid(self, event: Envelope, out: RowWriter) -> None:
        data, voucher_id = event.data, str(event.originator_id)
        voucher = self._voucher(voucher_id)
        # Only a business has an id here; its name and number come from the vendors it registered.
        business = self._vendor(voucher.payee_id) if voucher.payee_id is not None else None
        out.put(
            expenditures,
            {"payment_id": data["payment_id"]},
            **_ledger(data),
            **self._line_columns(voucher.line_id),
            voucher_id=voucher_id,
            contract_id=voucher.contract_id,
            description=voucher.description,
            paid_on=_day(data["accounting_date"]),
            amount=data["amount"],
            payee_kind=voucher.payee_kind,
            payee_id=business.id if business else None,
            payee_name=business.name if business else None,
            payee_business_number=business.number if business else None,
        )
        if voucher.contract_id is not None:
            out.add(
                contracts,
                {"contract_id": voucher.contract_id},
                paid=data["amount"],
                payments_to_date=data["amount"],
            )

    def _payment_returned(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        out.add(expenditures, {"payment_id": data["payment_id"]}, returned=data["amount"])
        contract_id = self._voucher(str(event.originator_id)).contract_id
        if contract_id is not None:
            out.add(
                contracts,
                {"contract_id": contract_id},
                returned=data["amount"],
                payments_to_date=-data["amount"],
            )

    # --- revenue (세입현황) -------------------------------------------------------------------

    def _revenue_line_opened(self, event: Envelope, out: RowWriter) -> None:
        data, key = event.data, {"line_id": str(event.originator_id)}
        out.put(revenue_by_code, key, **_ledger(data), code=data["code"], title=data["title"])
        out.add(revenue_by_code, key, estimate=data["estimate"])

    def _revenue_amounts(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        out.add(
            revenue_by_code,
            {"line_id": str(event.originator_id)},
            **{column: sign * data[field] for column, field, sign in _REVENUE[event.name]},
        )

    def _revenue_line_closed(self, event: Envelope, out: RowWriter) -> None:
        out.put(revenue_by_code, {"line_id": str(event.originator_id)}, closed=True)
