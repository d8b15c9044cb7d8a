"""Every shape of bad text, replayed through every projection on both backends (issue 12, finding 1).

The write side now refuses bad text, but a log recorded before that holds it. Such events are
written here straight through the aggregates' record path (no validation), one row per shape,
for each text field a projection stores: too long by one, NUL, other C0 and C1 controls, DEL,
bidirectional controls, a noncharacter, a line separator, text not in NFC. Then every projection
runs over them, and a rebuild does too:

- no batch loops: once caught up, another batch finds nothing to do;
- a projection that can store a value stores it as it was recorded;
- a projection that cannot (PostgreSQL: NUL in text, text longer than its column) is stopped with
  a fault at exactly the first such event, having stored everything before it, while the others
  reach the head; a rebuild stops it at the same event and does not switch it over.

On SQLite nothing stops: its text columns take any length and NUL. A lone surrogate cannot even
be recorded: the event codec refuses it, on both backends.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

import orjson
import pytest
from eventsourcing.application import AggregateNotFoundError
from sqlalchemy import Engine, Table, select

from commands.ledger import Ledger
from commands.messages.contracts import SignContract
from domain import text
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import BudgetCode
from domain.contract import Contract, ContractMethod
from domain.journal import JournalKind, JournalLine, ManualJournal
from domain.obligation import Obligation
from domain.organisation import Organisation, OrganisationKind
from domain.personnel.actions import Action, ActionDetails, ActionKind
from domain.personnel.employee import Employee
from domain.personnel.org_chart import Department, OrgChart
from domain.personnel.records import PersonalDataRead
from domain.requisition import Requisition
from domain.revenue import RevenueLine
from domain.vendor import Vendor, VendorKind
from domain.voucher import Voucher
from projections.engine import ProjectionEngine
from projections.general_ledger import MEMO_LENGTH
from projections.rebuild import rebuild
from projections.registry import all_projections
from readmodels import disclosure, erp, organisations, personnel
from readmodels import ledger as gl
from readmodels.state import projection_state, statuses
from tests.app.books import SEOUL, Books

YEAR = 2026
ON = date(YEAR, 2, 2)

#: The shapes, in the order they are recorded: what every backend stores first, then too long by
#: one and NUL, which PostgreSQL cannot store (where the column is narrower, for the first).
SHAPES: dict[str, Callable[[int], str]] = {
    "not NFC": lambda _: unicodedata.normalize("NFD", "한빛 상사"),
    "bell (C0)": lambda _: "가\x07나",
    "escape sequence (C0)": lambda _: "\x1b[31m빨강\x1b[0m",
    "tab and newline": lambda _: "가\t나\r\n다",
    "DEL": lambda _: "가\x7f나",
    "C1 controls": lambda _: "가\x85나\x9b다",
    "right-to-left override": lambda _: "계약\u202etxt.exe",
    "isolate": lambda _: "\u2066계약\u2069",
    "noncharacter": lambda _: "계약\uffff",
    "line separator": lambda _: "계약\u2028명",
    "too long by one": lambda bound: "가" * (bound + 1),
    "NUL": lambda _: "가\x00나",
}


@dataclass(frozen=True)
class Lands:
    """Where a field's text lands: a projection's table and column, the row found by ``key``."""

    projection: str
    table: Table
    column: str
    key: str


@dataclass
class World:
    """A small history the poisoned events refer to: a line, a vendor, an obligation, a contract."""

    ledger: Ledger
    line: UUID
    vendor: UUID
    obligation: UUID
    contract: UUID

    def ctx(self) -> Context:
        return Context(SEOUL, YEAR, ON, "clerk-kim", uuid.uuid4())

    def save(self, *aggregates: LedgerAggregate) -> int:
        """Save without any check of the text; the log position of the last event saved."""
        return self.ledger.save(*aggregates)[-1].notification.id

    def contract_signed(self, **fields: Any) -> Contract:
        values: dict[str, Any] = {
            "obligation_id": self.obligation,
            "vendor_id": self.vendor,
            "title": "복지관 공사",
            "department": "복지정책과",
            "method": ContractMethod.OPEN,
            "private_reason": None,
            "private_reason_detail": "",
            "starts": ON,
            "ends": date(YEAR, 12, 31),
            "amount": 1,
        }
        return Contract.start(Contract.Signed, self.ctx(), uuid.uuid4(), **(values | fields))


# --- how each field is recorded: (its bound, a function recording one event with the value) -----


def budget_line_title(w: World, value: str) -> tuple[int, dict[str, Any]]:
    line = BudgetLine.start(
        BudgetLine.Opened,
        w.ctx(),
        uuid.uuid4(),
        code=BudgetCode.parse("100-080-081-1001-2001-3009-201-01", YEAR),
        title=value,
    )
    return w.save(line), {"line_id": str(line.id)}


def vendor_name(w: World, value: str) -> tuple[int, dict[str, Any]]:
    number = f"{uuid.uuid4().int % 10**10:010d}"
    vendor = Vendor.start(
        Vendor.Registered,
        w.ctx(),
        uuid.uuid4(),
        kind=VendorKind.BUSINESS,
        registration_number=f"{number[:3]}-{number[3:5]}-{number[5:]}",
        name=value,
        address="서울특별시 중구 세종대로 110",
    )
    return w.save(vendor), {"vendor_id": str(vendor.id)}


def vendor_address(w: World, value: str) -> tuple[int, dict[str, Any]]:
    vendor = Vendor.start(
        Vendor.Registered,
        w.ctx(),
        uuid.uuid4(),
        kind=VendorKind.BUSINESS,
        registration_number="999-99-99999",
        name="(주)주소상사",
        address=value,
    )
    return w.save(vendor), {"vendor_id": str(vendor.id)}


def requisition_title(w: World, value: str) -> tuple[int, dict[str, Any]]:
    requisition = Requisition.start(
        Requisition.Drafted, w.ctx(), uuid.uuid4(), line_id=w.line, title=value, amount=1
    )
    return w.save(requisition), {"requisition_id": str(requisition.id)}


def obligation_description(w: World, value: str) -> tuple[int, dict[str, Any]]:
    obligation = Obligation.start(
        Obligation.Created,
        w.ctx(),
        uuid.uuid4(),
        line_id=w.line,
        requisition_id=None,
        vendor_id=None,
        description=value,
        amount=1,
    )
    return w.save(obligation), {"obligation_id": str(obligation.id)}


def contract_title(w: World, value: str) -> tuple[int, dict[str, Any]]:
    contract = w.contract_signed(title=value)
    return w.save(contract), {"contract_id": str(contract.id)}


def contract_department(w: World, value: str) -> tuple[int, dict[str, Any]]:
    contract = w.contract_signed(department=value)
    return w.save(contract), {"contract_id": str(contract.id)}


def private_contract_detail(w: World, value: str) -> tuple[int, dict[str, Any]]:
    contract = w.contract_signed(
        method=ContractMethod.PRIVATE, private_reason="other", private_reason_detail=value
    )
    return w.save(contract), {"contract_id": str(contract.id)}


def termination_reason(w: World, value: str) -> tuple[int, dict[str, Any]]:
    contract = w.contract_signed()
    contract.record(Contract.Terminated, w.ctx(), reason=value, released=0)
    return w.save(contract), {"contract_id": str(contract.id)}


def amendment_reason(w: World, value: str) -> tuple[int, dict[str, Any]]:
    contract: Contract = w.ledger.repository.get(w.contract)
    contract.record(
        Contract.Amended, w.ctx(), new_amount=contract.amount, change=0, new_ends=contract.ends, reason=value
    )
    position = w.save(contract)
    return position, {"position": position}


def debarment_ground(w: World, value: str) -> tuple[int, dict[str, Any]]:
    vendor: Vendor = w.ledger.repository.get(w.vendor)
    debarment = uuid.uuid4()
    vendor.record(Vendor.Debarred, w.ctx(), debarment_id=debarment, ground=value, starts=ON, ends=ON)
    return w.save(vendor), {"debarment_id": str(debarment)}


def lift_reason(w: World, value: str) -> tuple[int, dict[str, Any]]:
    vendor: Vendor = w.ledger.repository.get(w.vendor)
    debarment = uuid.uuid4()
    vendor.record(Vendor.Debarred, w.ctx(), debarment_id=debarment, ground="입찰 담합", starts=ON, ends=ON)
    vendor.record(Vendor.DebarmentLifted, w.ctx(), debarment_id=debarment, reason=value)
    return w.save(vendor), {"debarment_id": str(debarment)}


def voucher_description(w: World, value: str) -> tuple[int, dict[str, Any]]:
    voucher = Voucher.start(
        Voucher.Drafted,
        w.ctx(),
        uuid.uuid4(),
        obligation_id=w.obligation,
        contract_id=None,
        line_id=w.line,
        payee_id=w.vendor,
        description=value,
        amount=1,
    )
    return w.save(voucher), {"voucher_id": str(voucher.id)}


def revenue_line_title(w: World, value: str) -> tuple[int, dict[str, Any]]:
    line = RevenueLine.start(
        RevenueLine.Opened, w.ctx(), uuid.uuid4(), code="100-110-111-01", title=value, estimate=1
    )
    return w.save(line), {"line_id": str(line.id)}


def journal_memo(w: World, value: str) -> tuple[int, dict[str, Any]]:
    journal = ManualJournal.start(
        ManualJournal.Recorded,
        w.ctx(),
        uuid.uuid4(),
        kind=JournalKind.ADJUSTMENT,
        lines=(JournalLine("1110", debit=1), JournalLine("3110", credit=1)),
        memo=value,
    )
    position = w.save(journal)
    return position, {"position": position}


def department_name(w: World, value: str) -> tuple[int, dict[str, Any]]:
    try:
        chart: OrgChart = w.ledger.repository.get(OrgChart.id_for(SEOUL))
    except AggregateNotFoundError:
        chart = OrgChart.open(w.ctx())
    code = f"D{uuid.uuid4().hex[:8].upper()}"
    chart.record(
        OrgChart.DepartmentChanged, w.ctx(), code=code, effective_from=ON, department=Department(value, None)
    )
    return w.save(chart), {"code": code}


def _new_organisation(value: str = "시험 자치구") -> tuple[Organisation, Context]:
    """An organisation of a code of its own (one row per shape), registered with ``value``."""
    code = f"9{uuid.uuid4().int % 10**6:06d}"
    ctx = Context(code, YEAR, ON, "clerk-kim", uuid.uuid4())
    organisation = Organisation.start(
        Organisation.Registered,
        ctx,
        Organisation.id_for(code),
        code=code,
        name=value,
        kind=OrganisationKind.DISTRICT,
    )
    return organisation, ctx


def organisation_name(w: World, value: str) -> tuple[int, dict[str, Any]]:
    organisation, _ = _new_organisation(value)
    return w.save(organisation), {"code": organisation.code}


def population_source(w: World, value: str) -> tuple[int, dict[str, Any]]:
    organisation, ctx = _new_organisation()
    organisation.record(
        Organisation.PopulationRecorded, ctx, population=1_000, as_of=date(YEAR - 1, 12, 31), source=value
    )
    return w.save(organisation), {"org": organisation.code}


def rejection_reason(w: World, value: str) -> tuple[int, dict[str, Any]]:
    hire = Action(uuid.uuid4(), ActionKind.HIRE, "2026-0001", ON, ActionDetails("HR", "G6", 1), "clerk-kim")
    number = f"E{uuid.uuid4().hex[:8].upper()}"
    employee = Employee.start(
        Employee.Hired,
        w.ctx(),
        Employee.id_for(SEOUL, number),
        employee_number=number,
        sealed="pd1:" + "A" * 24,
        action=hire,
    )
    employee.record(Employee.ActionRejected, w.ctx(), action_id=hire.action_id, reason=value)
    return w.save(employee), {"action_id": str(hire.action_id)}


def read_reason(w: World, value: str) -> tuple[int, dict[str, Any]]:
    read = PersonalDataRead.start(
        PersonalDataRead.Recorded, w.ctx(), uuid.uuid4(), employee_id=uuid.uuid4(), reason=value
    )
    return w.save(read), {"read_id": str(read.id)}


FIELDS: dict[str, tuple[text.TextKind, Callable[[World, str], tuple[int, dict[str, Any]]], list[Lands]]] = {
    "budget line title": (
        text.LINE_TITLE,
        budget_line_title,
        [
            Lands("erp_balances", erp.line_balances, "title", "line_id"),
            Lands("disclosure", disclosure.disclosure_lines, "title", "line_id"),
        ],
    ),
    "vendor name": (text.NAME, vendor_name, [Lands("disclosure", disclosure.vendors, "name", "vendor_id")]),
    "vendor address": (
        text.ADDRESS,
        vendor_address,
        [Lands("disclosure", disclosure.vendors, "address", "vendor_id")],
    ),
    "requisition title": (
        text.TITLE,
        requisition_title,
        [Lands("disclosure", disclosure.requisitions, "title", "requisition_id")],
    ),
    "obligation description": (
        text.DESCRIPTION,
        obligation_description,
        [Lands("erp_balances", erp.obligation_balances, "description", "obligation_id")],
    ),
    "contract title": (
        text.TITLE,
        contract_title,
        [Lands("disclosure", disclosure.contracts, "title", "contract_id")],
    ),
    "contract department": (
        text.DEPARTMENT,
        contract_department,
        [Lands("disclosure", disclosure.contracts, "department", "contract_id")],
    ),
    "private contract detail": (
        text.REASON_DETAIL,
        private_contract_detail,
        [Lands("disclosure", disclosure.contracts, "private_reason_detail", "contract_id")],
    ),
    "termination reason": (
        text.REASON,
        termination_reason,
        [Lands("disclosure", disclosure.contracts, "termination_reason", "contract_id")],
    ),
    "amendment reason": (
        text.REASON,
        amendment_reason,
        [Lands("disclosure", disclosure.contract_amendments, "reason", "position")],
    ),
    "debarment ground": (
        text.GROUND,
        debarment_ground,
        [Lands("disclosure", disclosure.debarred_vendors, "ground", "debarment_id")],
    ),
    "lift reason": (
        text.REASON,
        lift_reason,
        [Lands("disclosure", disclosure.debarred_vendors, "lift_reason", "debarment_id")],
    ),
    "voucher description": (
        text.DESCRIPTION,
        voucher_description,
        [Lands("disclosure", disclosure.disclosure_vouchers, "description", "voucher_id")],
    ),
    "revenue line title": (
        text.LINE_TITLE,
        revenue_line_title,
        [Lands("disclosure", disclosure.revenue_by_code, "title", "line_id")],
    ),
    "organisation name": (
        text.NAME,
        organisation_name,
        [Lands("organisations", organisations.organisations, "name", "code")],
    ),
    "population source": (
        text.SOURCE,
        population_source,
        [Lands("organisations", organisations.organisation_population, "source", "org")],
    ),
    "journal memo": (text.MEMO, journal_memo, [Lands("general_ledger", gl.postings, "memo", "position")]),
    "department name": (
        text.DEPARTMENT,
        department_name,
        [Lands("personnel_chart", personnel.personnel_departments, "name", "code")],
    ),
    "rejection reason": (
        text.REASON,
        rejection_reason,
        [Lands("personnel_employees", personnel.personnel_actions, "rejection_reason", "action_id")],
    ),
    "personal data read reason": (
        text.REASON,
        read_reason,
        [Lands("personnel_records", personnel.personnel_access_log, "reason", "read_id")],
    ),
}


def stored_as(lands: Lands, value: str) -> str:
    """What the projection writes of ``value``: the general ledger cuts a memo to its column."""
    return value[:MEMO_LENGTH] if lands.table is gl.postings else value


def fits(lands: Lands, value: str, postgres: bool) -> bool:
    """Whether the column can hold what the projection writes of ``value`` on this backend."""
    written = stored_as(lands, value)
    width = getattr(lands.table.c[lands.column].type, "length", None)
    if not postgres:
        return True  # SQLite: any length, and NUL
    return "\x00" not in written and (width is None or len(written) <= width)


def make_world(ledger: Ledger) -> World:
    books = Books(ledger).ready()
    line = books.line(amount=1_000_000, allocate={1: 1_000_000})
    vendor = books.vendor()
    obligation = books.obligate(line, 100_000, vendor_id=vendor)
    contract = books.run(
        SignContract,
        obligation_id=obligation,
        vendor_id=vendor,
        amount=50_000,
        method=ContractMethod.OPEN,
        title="복지관 공사",
        department="복지정책과",
        starts=ON,
        ends=date(YEAR, 12, 31),
        on=ON,
    ).aggregate_id
    return World(ledger, line, vendor, obligation, contract)


def read(read_db: Engine, lands: Lands, key: dict[str, Any]) -> list[str]:
    table = lands.table
    with read_db.connect() as conn:
        return list(
            conn.execute(select(table.c[lands.column]).where(table.c[lands.key] == key[lands.key])).scalars()
        )


@pytest.mark.parametrize("field", FIELDS)
def test_every_shape_of_bad_text_through_every_projection(
    ledger: Ledger, read_db: Engine, field: str
) -> None:
    kind, record, landings = FIELDS[field]
    world = make_world(ledger)
    postgres = read_db.dialect.name == "postgresql"
    recorded = []  # (shape, value, position, keys)
    for shape, make in SHAPES.items():
        value = make(kind.max_length)
        position, keys = record(world, value)
        recorded.append((shape, value, position, keys))
    engine = ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=7)
    names = [p.name for p in engine.projections]

    engine.catch_up()
    head = engine.head()
    assert engine.run_batch() == 0  # no loop: nothing is left to do

    # where each projection must stop: the first value it cannot store
    stops: dict[str, tuple[str, int]] = {}
    for shape, value, position, _ in recorded:
        for lands in landings:
            if not fits(lands, value, postgres) and lands.projection not in stops:
                stops[lands.projection] = (shape, position)
    faults = {f.name: f for f in engine.faults()}
    assert {name: f.position for name, f in faults.items()} == {n: p for n, (_, p) in stops.items()}
    with read_db.connect() as conn:
        positions = {row.name: row.position for row in conn.execute(select(projection_state))}
    for name in names:
        assert positions[name] == (stops[name][1] - 1 if name in stops else head), name
    if not postgres:
        assert not faults  # SQLite stores every shape
    with read_db.connect() as conn:  # what status (CLI and HTTP) shows
        shown = {row.name: row.fault for row in statuses(conn)}
    assert {name: f.event for name, f in shown.items() if f is not None} == {
        name: faults[name].event for name in stops
    }
    # what each projection reached it stored as it was recorded
    for shape, value, position, keys in recorded:
        for lands in landings:
            if lands.projection in stops and position >= stops[lands.projection][1]:
                # not stored (its row may exist, from an event before it)
                assert stored_as(lands, value) not in read(read_db, lands, keys), (shape, lands)
            else:
                assert set(read(read_db, lands, keys)) == {stored_as(lands, value)}, (shape, lands)

    # a rebuild meets the same events: it stops the same projections at the same events and
    # switches only the others over
    results = {r.name: r for r in rebuild(engine, batch_size=5)}
    for name in names:
        result = results[name]
        if name in stops:
            assert result.fault is not None and result.fault.position == stops[name][1], name
            assert result.generation == result.previous_generation == 1
        else:
            assert result.fault is None and result.generation == 2, name
    for shape, value, position, keys in recorded:
        for lands in landings:
            if lands.projection not in stops or position < stops[lands.projection][1]:
                assert set(read(read_db, lands, keys)) == {stored_as(lands, value)}, (shape, lands)


def test_a_lone_surrogate_cannot_even_be_recorded(ledger: Ledger) -> None:
    world = make_world(ledger)
    before = world.ledger.recorder.max_notification_id()
    with pytest.raises(orjson.JSONEncodeError, match="surrogates not allowed"):
        vendor_name(world, "한빛\ud800상사")
    assert world.ledger.recorder.max_notification_id() == before
