"""``cleanledger personnel``: personnel (인사) from the command line, on the server.

    cleanledger personnel headcount --org 6110001 --as-of 2026-12-31 --by department
    cleanledger personnel headcount --org 6110001 --public          # small cells suppressed
    cleanledger personnel vacancies --org 6110001
    cleanledger personnel chart --org 6110001 --json
    cleanledger personnel employees --org 6110001 --department FIN --status employed
    cleanledger personnel show --org 6110001 E001 --as-of 2026-06-30 --known-at 1042
    cleanledger personnel step-increases --org 6110001 --date 2027-01-01 --order 2027-0001 --as kim
    cleanledger personnel approve --org 6110001 --order 2027-0001 --as lee
    cleanledger personnel certificate --org 6110001 E001 --kind employment --purpose "은행 제출용" \\
        --as kim --out E001.pdf
    cleanledger personnel check-certificate 0A1B-2C3D-4E5F-6G7H
    cleanledger personnel erase --org 6110001 E001 --reason "보존기간 경과" --as lee

Who acts: ``--as USER`` names the actor every command records (required for writes); four eyes
(결재) is the domain's, so an approver who drafted an action is refused here as anywhere. Roles
are the HTTP API's business: this is an operator's tool, run on the server by whoever may run
``cleanledger`` there (as ``users`` and ``keys`` are), and it checks no grant.

Dates are effective dates (시행일): ``--as-of`` and a certificate's date default to today in
Korea Standard Time, and an approval (결재) and an erasure are dated today, so an erasure cannot be
dated past the retention period it waits for.

Reads come from the read models, brought up to date first (as ``report`` does), also after a
write of the same run; one employee's record is folded from their events, as the API does.
Personal data is shown masked only, and the certificate's PDF carries the name as the API's does:
nothing here reads it unmasked, so nothing records a read (열람 기록). A refusal prints
``cleanledger personnel: <code>: <detail>`` on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError
from pydantic import ValidationError
from sqlalchemy import Connection, select

from api.certificate_pdf import CertificateFontMissing, find_certificate_font, render_certificate
from cleanledger.settings import Settings
from cleanledger.terminal import pad, width
from cleanledger.wiring import build_projection_engine
from commands import timeline
from commands.ledger import Ledger
from commands.messages.personnel import (
    ApprovalItem,
    ApprovePersonnelActions,
    DraftStepIncreases,
    ErasePersonalData,
    IssueCertificate,
)
from commands.use_cases.personnel import action_id_for
from domain.errors import DomainError, InvalidState, NotFound
from domain.organisation import Organisation
from domain.personnel.actions import ServiceState
from domain.personnel.certificates import (
    CareerEntry,
    CertificateKind,
    CertificateStatement,
    check_verification_number,
)
from domain.personnel.dated import value_on
from domain.personnel.employee import Employee, employee_number
from domain.personnel.errors import ActionNotAllowed, SameActorApproval
from domain.personnel.masking import mask_name, mask_personal
from domain.personnel.org_chart import OrgChart
from domain.personnel.records import IssuedCertificate
from readmodels import personnel_queries as queries
from readmodels.personnel import period_end, personnel_actions, personnel_employees, personnel_periods

PROG = "cleanledger personnel"
#: The most one DraftStepIncreases or ApprovePersonnelActions names (their messages' bound).
BATCH = 5_000
#: Rows an IN list carries at once: well under any database's bound on parameters.
_CHUNK = 500
#: Korea Standard Time: "today" is the institutions' day, whatever the server's zone.
KST = timezone(timedelta(hours=9), "KST")
STATUSES = ("employed", "on_leave", "suspended", "seconded", "retired")
STATUS_KO = {
    "employed": "재직",
    "on_leave": "휴직",
    "suspended": "직위해제",
    "seconded": "파견",
    "retired": "퇴직",
}
KIND_KO = {CertificateKind.EMPLOYMENT: "재직증명서", CertificateKind.CAREER: "경력증명서"}

Row = Sequence[object]
Run = Callable[[Ledger, argparse.Namespace], int]


def personnel(ledger: Ledger, args: argparse.Namespace) -> int:
    run: Run = args.personnel_run
    try:
        return run(ledger, args)
    except DomainError as error:
        return _refused(error.code, error.detail)
    except CertificateFontMissing as missing:
        return _refused("certificate-font-missing", str(missing))
    except ValidationError as error:
        # Each error's place and message, never its input (pydantic's str() quotes the input).
        found = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return _refused("invalid-input", found)


def _refused(code: str, detail: str) -> int:
    print(f"{PROG}: {code}: {detail}", file=sys.stderr)
    return 1


def _today() -> date:
    return datetime.now(KST).date()


@contextmanager
def _read_side(ledger: Ledger, settings: Settings) -> Iterator[Connection]:
    """A connection to the read models once every event recorded so far is applied to them
    (this run's writes included), as ``cleanledger report`` makes sure of."""
    engine = build_projection_engine(settings, ledger)
    try:
        engine.catch_up()
        with engine.engine.connect() as conn:
            yield conn
    finally:
        engine.engine.dispose()


# --- output --------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _print_table(header: Row, rows: Iterable[Row]) -> None:
    """Columns aligned by display width (Hangul takes two), numbers to the right."""
    rows = list(rows)
    table = [[str(h) for h in header]] + [[_cell(v) for v in row] for row in rows]
    numeric = {i for row in rows for i, v in enumerate(row) if isinstance(v, int) and not isinstance(v, bool)}
    widths = [max(width(r[i]) for r in table) for i in range(len(header))]
    for n, line in enumerate(table):
        print("  ".join(pad(c, widths[i], right=i in numeric) for i, c in enumerate(line)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _print_json(value: object) -> None:
    def default(found: object) -> str:
        if isinstance(found, date | UUID):
            return str(found)
        raise TypeError(type(found).__name__)

    print(json.dumps(value, ensure_ascii=False, indent=2, default=default))


def _indented(name: str, depth: int) -> str:
    return "  " * depth + name


# --- reads of the read models ----------------------------------------------------------------------


def headcount(ledger: Ledger, args: argparse.Namespace) -> int:
    day = args.as_of or _today()
    with _read_side(ledger, args.settings) as conn:
        if args.public:
            public = queries.public_headcount(conn, args.org, day)
        else:
            rows = queries.headcount(conn, args.org, day, args.by)
    if args.public:
        return _print_public(public, args.json)
    if args.json:
        _print_json(rows)
        return 0
    print(f"현원 headcount of {args.org} as of {day}")
    if args.by is None:
        _print_table(("org", "name", "headcount"), [(args.org, "합계 total", rows[0]["headcount"])])
        return 0
    total = sum(r["headcount"] for r in rows)
    _print_table(
        (args.by, "name", "headcount"),
        [*((r["key"], r["name"], r["headcount"]) for r in rows), ("", "합계 total", total)],
    )
    return 0


def _print_public(found: dict[str, Any], as_json: bool) -> int:
    if as_json:
        _print_json(found)
        return 0

    def shown(cell: dict[str, Any], key: str = "headcount") -> object:
        return "*" if cell["suppressed"] else cell[key]

    print(f"공개 현원 public headcount of {found['org']} as of {found['as_of']}")
    _print_table(
        ("department", "name", "own", "with sub-departments", "정원", "결원 vacancy"),
        [
            (
                d["code"],
                _indented(d["name"], d["depth"]),
                shown(d["own"]),
                shown(d["total"]),
                d["authorised"],
                shown(d["vacancy"], "vacancy"),
            )
            for d in found["departments"]
        ],
    )
    print()
    _print_table(("직급군 band", "headcount"), [(b["band"] or "-", shown(b)) for b in found["bands"]])
    print()
    vacancy = shown(found["vacancy"], "vacancy")
    total, authorised = _cell(shown(found["total"])), _cell(found["authorised"])
    print(f"합계 total: {total} (정원 {authorised}, 결원 {_cell(vacancy)})")
    print("* suppressed: fewer than 3 people, or a cell that would give such a one back")
    return 0


def vacancies(ledger: Ledger, args: argparse.Namespace) -> int:
    day = args.as_of or _today()
    with _read_side(ledger, args.settings) as conn:
        rows = queries.vacancies(conn, args.org, day)
    if args.json:
        _print_json(rows)
        return 0
    people = sum(r["headcount"] for r in rows)
    # A department without 정원 is not limited: the whole has one only if every department has.
    limits = [r["authorised"] for r in rows]
    whole = sum(limits) if limits and None not in limits else None
    print(f"결원 vacancies of {args.org} as of {day}")
    _print_table(
        ("department", "name", "정원 authorised", "현원 headcount", "결원 vacancy"),
        [
            *((r["department"], r["name"], r["authorised"], r["headcount"], r["vacancy"]) for r in rows),
            ("", "합계 total", whole, people, None if whole is None else whole - people),
        ],
    )
    return 0


def chart(ledger: Ledger, args: argparse.Namespace) -> int:
    day = args.as_of or _today()
    with _read_side(ledger, args.settings) as conn:
        rows = queries.chart(conn, args.org, day)
    if args.json:
        _print_json(rows)
        return 0
    print(f"조직도 chart of {args.org} as of {day}")
    _print_table(
        ("department", "name", "정원 authorised", "현원 headcount", "status"),
        [
            (r["code"], _indented(r["name"], r["depth"]), r["authorised"], r["headcount"], r["status"])
            for r in rows
        ],
    )
    return 0


def employees(ledger: Ledger, args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    with _read_side(ledger, args.settings) as conn:
        after: str | None = None
        while True:
            page = queries.employees(
                conn, args.org, after, queries.MAX_LIMIT, department=args.department, status=args.status
            )
            rows += _with_masked_names(ledger, conn, page["items"])
            after = page["next_cursor"]
            if after is None:
                break
    if args.json:
        _print_json(rows)
        return 0
    _print_table(
        ("사번", "성명", "상태", "부서", "직급", "호봉", "직위", "임용일", "퇴직일", "결재대기"),
        [
            (
                r["employee_number"],
                r["name"],
                STATUS_KO.get(r["status"] or "", r["status"]),
                r["department"],
                r["grade"],
                r["step"],
                r["position"],
                r["hired_on"],
                r["retired_on"],
                r["pending"],
            )
            for r in rows
        ],
    )
    print(f"{len(rows)} employees")
    return 0


def _with_masked_names(ledger: Ledger, conn: Connection, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's rows with each name unsealed and masked (the list query leaves the ciphertext out)."""
    e = personnel_employees
    ids = [row["employee_id"] for row in items]
    query = select(e.c.employee_id, e.c.sealed).where(e.c.employee_id.in_(ids))
    sealed = {str(row[0]): row[1] for row in conn.execute(query)}
    found = []
    for row in items:
        values = (
            None
            if row["erased"]
            else _unsealed(ledger, UUID(row["employee_id"]), sealed.get(row["employee_id"]))
        )
        found.append({**row, "name": _masked_name(values)})
    return found


def _unsealed(ledger: Ledger, employee_id: UUID, sealed: str | None) -> dict[str, Any] | None:
    vault = ledger.personal_data
    if sealed is None or vault is None:
        return None
    try:
        return vault.unseal(employee_id, sealed)
    except (ValueError, LookupError):
        return None  # no key for it (shredded, or made elsewhere): shown as erased, as the API does


def _masked_name(values: dict[str, Any] | None) -> str | None:
    return mask_name(values["name"]) if values and values.get("name") else None


# --- one record, folded from its events ------------------------------------------------------------


def _employee(ledger: Ledger, org: str, number: str, position: int | None = None) -> Employee:
    """The employee ``number`` of ``org`` as known at the log ``position`` (None: now)."""
    employee_id = Employee.id_for(org, employee_number(number))
    found: object = None
    try:
        if position is None:
            found = ledger.repository.get(employee_id)
        elif version := timeline.last_version_at(ledger.recorder, employee_id, position):
            found = ledger.repository.get(employee_id, version=version)
    except AggregateNotFoundError:
        pass
    if not isinstance(found, Employee) or found.org != org:
        known = "" if position is None else f" known at position {position}"
        raise NotFound(f"no employee {number} in organisation {org}{known}", employee_number=number)
    return found


def _chart(ledger: Ledger, org: str, position: int | None) -> OrgChart | None:
    chart_id = OrgChart.id_for(org)
    try:
        if position is None:
            found: object = ledger.repository.get(chart_id)
        else:
            version = timeline.last_version_at(ledger.recorder, chart_id, position)
            found = ledger.repository.get(chart_id, version=version) if version else None
    except AggregateNotFoundError:
        return None
    return found if isinstance(found, OrgChart) else None


def show(ledger: Ledger, args: argparse.Namespace) -> int:
    position = None if args.known_at is None else timeline.resolve(ledger, args.known_at, "--known-at")
    employee = _employee(ledger, args.org, args.employee_number, position)
    day = args.as_of or _today()
    values = None if employee.erased else _unsealed(ledger, employee.id, employee.sealed)
    record = _record(employee.state_on(day), _chart(ledger, args.org, position), day)
    personal = None if values is None else mask_personal(values)
    found = {
        "employee_id": str(employee.id),
        "org": employee.org,
        "employee_number": employee.employee_number,
        "as_of": day,
        "version": employee.version,
        "known_at_position": position,
        "record": record,
        "personal": personal,
        "erased": employee.erased,
        "username": employee.username,
        "pending_actions": sum(1 for a in employee.actions if a.status.value == "drafted"),
    }
    if args.json:
        _print_json(found)
        return 0
    known = "now" if position is None else f"at position {position:,}"
    print(f"인사기록 {employee.employee_number} of {employee.org} as of {day}, as known {known}")
    lines: list[Row] = list((record or {"record": "not hired (or not approved) by then"}).items())
    lines += [("version", employee.version), ("pending actions", found["pending_actions"])]
    lines.append(("username", employee.username))
    if personal is None:
        lines.append(("personal data", "erased (파기)"))
    else:
        lines += [(f"{key} (masked)", value) for key, value in personal.items() if key != "dependants"]
        lines += [
            ("dependant (masked)", f"{d['name']} {d['birth_date']}") for d in personal["dependants"] or []
        ]
    _print_table(("field", "value"), [(k, _cell(v)) for k, v in lines])
    return 0


def _record(state: ServiceState | None, chart: OrgChart | None, day: date) -> dict[str, Any] | None:
    """The record's fields, the department's, grade's and position's names of the day beside their codes."""
    if state is None:
        return None

    def named(code: str | None, name: str | None) -> str | None:
        return None if code is None else f"{code} {name}" if name and name != code else code

    department = chart.department_as_of(state.department, day) if chart else None
    grade = value_on(chart.grades.get(state.grade, ()), day) if chart else None
    position = value_on(chart.positions.get(state.position, ()), day) if chart and state.position else None
    return {
        "status": f"{state.status.value} {STATUS_KO[state.status.value]}",
        "hired_on": state.hired_on,
        "department": named(state.department, department.name if department else None),
        "grade": named(state.grade, grade.name if grade else None),
        "step": state.step,
        "position": named(state.position, position.title if position else None),
        "pattern": state.pattern.value,
        "weekly_hours": state.weekly_hours,
        "on_probation": state.on_probation,
        "probation_until": state.probation_until,
        "since": state.since,
        "leave_kind": state.leave_kind.value if state.leave_kind else None,
        "expected_end": state.expected_end,
        "seconded_to": state.seconded_to,
        "last_step_increase": state.last_step_increase,
        "last_promotion": state.last_promotion,
        "retired_on": state.retired_on,
        "retirement_kind": state.retirement_kind.value if state.retirement_kind else None,
    }


# --- the yearly step increase and approval by order ------------------------------------------------


def _batches(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _in_service(conn: Connection, org: str, day: date) -> list[str]:
    """Everyone whose approved history has them in service on ``day`` (on leave, suspended or
    seconded too: who is due is the domain's to say), by employee number."""
    p, e = personnel_periods, personnel_employees
    query = (
        select(p.c.employee_id)
        .join(e, e.c.employee_id == p.c.employee_id)
        .where(p.c.org == org, p.c.starts <= day, period_end(p) > day, p.c.status != queries.RETIRED)
        .order_by(e.c.employee_number)
    )
    return list(dict.fromkeys(conn.execute(query).scalars()))


def _under_order(conn: Connection, org: str, order: str, kind: str | None = None) -> list[dict[str, Any]]:
    a = personnel_actions
    query = select(a).where(a.c.org == org, a.c.order_number == order).order_by(a.c.position)
    if kind is not None:
        query = query.where(a.c.kind == kind)
    return [dict(row) for row in conn.execute(query).mappings()]


def _recorded(conn: Connection, action_ids: Sequence[UUID]) -> list[dict[str, Any]]:
    a = personnel_actions
    found: list[dict[str, Any]] = []
    for chunk in _batches([str(i) for i in action_ids], _CHUNK):
        found += [dict(row) for row in conn.execute(select(a).where(a.c.action_id.in_(chunk))).mappings()]
    return found


def step_increases(ledger: Ledger, args: argparse.Namespace) -> int:
    """정기승급: the domain drafts an increase for each employee named who is due one; everyone in
    service is named, in batches, but those this order already holds (a re-run completes a run
    cut short instead of drafting twice)."""
    with _read_side(ledger, args.settings) as conn:
        done = {row["employee_id"] for row in _under_order(conn, args.org, args.order, "step_increase")}
        named = [UUID(i) for i in _in_service(conn, args.org, args.date) if i not in done]
    if not named:
        if done:
            print(f"정기승급 order {args.order}: nothing to draft, {len(done)} already drafted under it")
            return 0
        raise NotFound(f"no employee of organisation {args.org} is in service on {args.date}")
    expected: list[UUID] = []
    refusal: ActionNotAllowed | None = None
    for batch in _batches(named):
        command = DraftStepIncreases(
            command_id=uuid4(),
            org=args.org,
            actor=args.actor,
            effective_date=args.date,
            order_number=args.order,
            employee_ids=tuple(batch),
        )
        try:
            ledger.handle(command)
        except ActionNotAllowed as none_due:  # nobody of this batch is due: all of it skipped
            refusal = none_due
            continue
        expected += [action_id_for(command.command_id, employee_id) for employee_id in batch]
    with _read_side(ledger, args.settings) as conn:
        drafted = len(_recorded(conn, expected))
    if drafted == 0 and refusal is not None and not done:
        raise refusal  # nobody at all was due: the domain's refusal, as for one command
    print(
        f"정기승급 step increases of {args.org}, order {args.order}, effective {args.date}: "
        f"{drafted} drafted, {len(named) - drafted} skipped (not due)"
        + (f", {len(done)} drafted under this order before" if done else "")
    )
    print(
        f"they take effect once approved: {PROG} approve --org {args.org} --order {args.order} --as MANAGER"
    )
    return 0


def approve(ledger: Ledger, args: argparse.Namespace) -> int:
    """결재 of every action drafted under the order, an employee's actions in one batch."""
    with _read_side(ledger, args.settings) as conn:
        pending = [row for row in _under_order(conn, args.org, args.order) if row["status"] == "drafted"]
    if not pending:
        raise NotFound(f"no action of organisation {args.org} awaits approval under order {args.order}")
    own = [row for row in pending if row["drafted_by"] == args.actor]
    if own:
        # The domain refuses the batch that holds them; refused before the first batch, so a
        # multi-batch order is not left half approved.
        raise SameActorApproval(
            f"{args.actor} drafted {len(own)} of the {len(pending)} actions of order {args.order}: "
            "someone else approves them",
            drafted=len(own),
        )
    by_employee: dict[str, list[ApprovalItem]] = {}
    for row in pending:
        item = ApprovalItem(employee_id=UUID(row["employee_id"]), action_id=UUID(row["action_id"]))
        by_employee.setdefault(row["employee_id"], []).append(item)
    approved = 0
    for batch in _employee_batches(list(by_employee.values())):
        command = ApprovePersonnelActions(
            command_id=uuid4(), org=args.org, actor=args.actor, effective_date=_today(), items=tuple(batch)
        )
        try:
            ledger.handle(command)
        except DomainError:
            if approved:
                print(f"결재 order {args.order}: {approved} of {len(pending)} approved before the refusal")
            raise
        approved += len(batch)
    with _read_side(ledger, args.settings) as conn:
        flagged = sum(
            1 for row in _recorded(conn, [UUID(r["action_id"]) for r in pending]) if row["over_authorised"]
        )
    print(
        f"결재 order {args.order} of {args.org}: {approved} actions of {len(by_employee)} employees approved"
        + (f", {flagged} flagged over 정원" if flagged else "")
    )
    return 0


def _employee_batches(groups: list[list[ApprovalItem]]) -> Iterator[list[ApprovalItem]]:
    """Batches of at most :data:`BATCH` items that keep each employee's actions together (the
    domain checks them as one history)."""
    batch: list[ApprovalItem] = []
    for group in groups:
        if batch and len(batch) + len(group) > BATCH:
            yield batch
            batch = []
        batch += group
    if batch:
        yield batch


# --- certificates and erasure ----------------------------------------------------------------------


def certificate(ledger: Ledger, args: argparse.Namespace) -> int:
    """증명서 issued, then written as the API prints it."""
    find_certificate_font()  # before anything is recorded: no font, no certificate
    employee = _employee(ledger, args.org, args.employee_number)
    result = ledger.handle(
        IssueCertificate(
            command_id=uuid4(),
            org=args.org,
            actor=args.actor,
            employee_id=employee.id,
            kind=args.kind,
            purpose=args.purpose,
            effective_date=args.as_of or _today(),
        )
    )
    issued = _certificate(ledger, result.aggregate_id)
    body = render_certificate(_statement(ledger, issued, employee))
    out: Path = args.out
    out.write_bytes(body)
    print(f"{KIND_KO[issued.kind]} of {employee.employee_number} issued: {out} ({len(body):,} bytes)")
    print(f"진위확인번호 verification number: {issued.number}")
    return 0


def _certificate(ledger: Ledger, certificate_id: UUID) -> IssuedCertificate:
    try:
        found: object = ledger.repository.get(certificate_id)
    except AggregateNotFoundError:
        found = None
    if not isinstance(found, IssuedCertificate):
        raise NotFound("no certificate has this number")
    return found


def _organisation_name(ledger: Ledger, org: str) -> str:
    try:
        found: object = ledger.repository.get(Organisation.id_for(org))
    except AggregateNotFoundError:
        return org
    return str(getattr(found, "name", org))


def _statement(ledger: Ledger, issued: IssuedCertificate, employee: Employee) -> CertificateStatement:
    """What the PDF shows: the recorded statement, with the name (the API's ``_pdf`` does the same)."""
    values = None if employee.erased else _unsealed(ledger, employee.id, employee.sealed)
    stated = issued.statement
    return CertificateStatement(
        kind=issued.kind,
        verification_number=issued.number,
        organisation_code=issued.org,
        organisation_name=_organisation_name(ledger, issued.org),
        employee_number=stated.employee_number,
        name=str(values["name"]) if values and values.get("name") else "(파기됨)",
        department=stated.department,
        grade=stated.grade,
        position=stated.position or "",
        hired_on=stated.hired_on,
        until=stated.until,
        purpose=issued.purpose,
        issued_on=issued.issued_on,
        career=tuple(CareerEntry(c.starts, c.ends, c.department, c.grade, "") for c in stated.career),
    )


def check_certificate(ledger: Ledger, args: argparse.Namespace) -> int:
    """진위확인, as the public endpoint answers it: what the certificate states, the name masked."""
    issued = _certificate(ledger, IssuedCertificate.id_for(check_verification_number(args.number)))
    employee = _employee(ledger, issued.org, issued.statement.employee_number)
    values = None if employee.erased else _unsealed(ledger, employee.id, employee.sealed)
    stated = issued.statement
    found = {
        "number": issued.number,
        "kind": issued.kind.value,
        "organisation": issued.org,
        "organisation_name": _organisation_name(ledger, issued.org),
        "name": _masked_name(values),
        "employee_number": stated.employee_number,
        "department": stated.department,
        "grade": stated.grade,
        "position": stated.position,
        "hired_on": stated.hired_on,
        "until": stated.until,
        "purpose": issued.purpose,
        "issued_on": issued.issued_on,
    }
    if args.json:
        _print_json(found)
        return 0
    print(f"{KIND_KO[issued.kind]} {issued.number}, issued by {found['organisation_name']}")
    _print_table(("field", "value"), [(k, _cell(v)) for k, v in found.items()])
    return 0


def erase(ledger: Ledger, args: argparse.Namespace) -> int:
    """파기: the data key is destroyed (crypto-shredding), once the retention period has run."""
    employee = _employee(ledger, args.org, args.employee_number)
    if employee.erased:
        raise InvalidState(f"employee {employee.employee_number}'s personal data is erased already")
    ledger.handle(
        ErasePersonalData(
            command_id=uuid4(),
            org=args.org,
            actor=args.actor,
            employee_id=employee.id,
            reason=args.reason,
            effective_date=_today(),
        )
    )
    print(f"{employee.employee_number} of {args.org}: personal data erased (파기); its data key is destroyed")
    return 0


# --- the parser ------------------------------------------------------------------------------------


def _action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Run,
    help_text: str,
    *,
    org: bool = True,
) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(personnel_run=run)
    if org:
        parser.add_argument("--org", required=True, help="organisation code, e.g. 6110001")
    return parser


def _as_of(
    parser: argparse.ArgumentParser, what: str = "effective date (시행일) read as of (default: today, KST)"
) -> None:
    parser.add_argument("--as-of", type=date.fromisoformat, metavar="DATE", help=what)


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="JSON on stdout instead of a table")


def _actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as", dest="actor", required=True, metavar="USER", help="who acts: recorded as the command's actor"
    )


def _number(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("employee_number", metavar="EMPLOYEE_NUMBER", help="사번, e.g. E001")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_personnel = sub.add_parser(
        "personnel",
        help="personnel (인사): headcount, chart, employees, step increases, approval, certificates",
        description="Personnel from the read models (brought up to date first) and commands acting as "
        "--as USER. An operator's tool on the server: roles are the HTTP API's business and are not "
        "checked here; four eyes is the domain's. Personal data is shown masked only.",
    )
    p_personnel.set_defaults(run=personnel)
    actions = p_personnel.add_subparsers(dest="action", required=True, metavar="ACTION")

    p = _action(
        actions,
        "headcount",
        headcount,
        "현원: people in service on a date (on leave, suspended, seconded too)",
    )
    _as_of(p)
    shown = p.add_mutually_exclusive_group()
    shown.add_argument(
        "--by", choices=("department", "grade", "band"), help="broken down by (default: the total)"
    )
    shown.add_argument(
        "--public",
        action="store_true",
        help="as the public sees it: by department and grade band, cells under 3 people suppressed",
    )
    _json(p)
    p = _action(actions, "vacancies", vacancies, "결원: 정원 against 현원 per department on a date")
    _as_of(p)
    _json(p)
    p = _action(actions, "chart", chart, "조직도: departments in tree order with 정원 and 현원 on a date")
    _as_of(p)
    _json(p)

    p = _action(actions, "employees", employees, "직원 목록 by employee number, names masked")
    p.add_argument("--department", help="only those now in this department (code)")
    p.add_argument("--status", choices=STATUSES, help="only those now of this status")
    _json(p)
    p = _action(actions, "show", show, "인사기록: one record folded from its events, personal data masked")
    _number(p)
    _as_of(p)
    p.add_argument(
        "--known-at",
        metavar="T|POSITION",
        help="as the ledger stood then: a log position or an ISO 8601 timestamp (default: now)",
    )
    _json(p)

    p = _action(
        actions, "step-increases", step_increases, "정기승급: draft the yearly step increase of everyone due"
    )
    p.add_argument(
        "--date", type=date.fromisoformat, required=True, metavar="DATE", help="its effective date (시행일)"
    )
    p.add_argument("--order", required=True, metavar="ORDER_NUMBER", help="발령번호, e.g. 2027-0001")
    _actor(p)
    p = _action(actions, "approve", approve, "결재: approve every action drafted under an order number")
    p.add_argument("--order", required=True, metavar="ORDER_NUMBER", help="발령번호")
    _actor(p)

    p = _action(
        actions, "certificate", certificate, "증명서: issue an employment or career certificate as PDF"
    )
    _number(p)
    p.add_argument("--kind", type=CertificateKind, choices=list(CertificateKind), required=True)
    p.add_argument("--purpose", required=True, help="용도, e.g. 금융기관 제출용")
    _as_of(p, "the date it states (default: today, KST)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write the PDF")
    _actor(p)
    p = _action(
        actions,
        "check-certificate",
        check_certificate,
        "진위확인: what a certificate states, name masked",
        org=False,
    )
    p.add_argument("number", metavar="NUMBER", help="진위확인번호, XXXX-XXXX-XXXX-XXXX")
    _json(p)
    p = _action(
        actions, "erase", erase, "파기: destroy the personal data's key after retirement and retention"
    )
    _number(p)
    p.add_argument("--reason", required=True, help="사유 (recorded)")
    _actor(p)
