"""The personnel (인사) read models on both backends: headcount (현원) and vacancies as of a date,
the public headcount with its small cells suppressed, and the lists.

An organisation of five departments and twenty people is hired through the ledger, then actions
move the numbers: a backdated transfer, its cancellation approved later, drafts that are never
approved, a merge. Every count is asserted as a number, as of days before and after each change.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, select

from commands.ledger import Ledger
from commands.messages.base import Command, CommandResult
from commands.messages.personnel import (
    AbolishDepartment,
    ApprovePersonnelActions,
    CreateDepartment,
    DefineGrade,
    DefinePosition,
    DraftPersonnelAction,
    ErasePersonalData,
    HireEmployee,
    IssueCertificate,
    LinkEmployeeAccount,
    MergeDepartment,
    RecordPersonalDataRead,
    RejectPersonnelAction,
    RenameDepartment,
    SetAuthorisedHeadcount,
)
from commands.persistence import StoreConfig
from commands.use_cases.personnel import action_id_for
from domain.personnel.employee import Employee
from projections.engine import ProjectionEngine
from projections.personnel import EmployeesProjection, PersonnelChartProjection, PersonnelRecordsProjection
from projections.rebuild import rebuild
from readmodels import personnel as tables
from readmodels import personnel_queries as queries
from readmodels.database import read_engine
from tests.app.books import SEOUL, Books
from tests.app.personnel_helpers import register_organisation
from tests.conftest import POSTGRES_URL

C = TypeVar("C", bound=Command)

CHARTED = date(2024, 1, 1)
HIRED = date(2024, 3, 1)
NAME, RRN = "홍길동", "900101-1234567"

#: Department: (name, parent, 정원, people hired on HIRED, their grade).
DEPARTMENTS = {
    "HQ": ("기획조정실", None, 5, 3, "G6"),
    "HR": ("인사과", "HQ", 10, 5, "G6"),
    "FIN": ("재무과", "HQ", 10, 6, "G7"),
    "IT": ("정보화담당관", "HQ", 10, 4, "G7"),
    "AUDIT": ("감사팀", "HQ", 5, 2, "G5"),
}
GRADES = {"G5": ("5급", 50, "5급 이상"), "G6": ("6급", 40, "6급 이하"), "G7": ("7급", 30, "6급 이하")}
TABLES = (
    tables.personnel_departments,
    tables.personnel_grades,
    tables.personnel_positions,
    tables.personnel_authorised,
    tables.personnel_employees,
    tables.personnel_actions,
    tables.personnel_periods,
    tables.personnel_certificates,
    tables.personnel_access_log,
)


class Sealer:
    """A stand-in for commands.personal_data's vault: ciphertext-shaped, and never the values."""

    def __init__(self) -> None:
        self.erased: list[UUID] = []

    def seal(self, subject: UUID, fields: Mapping[str, Any]) -> str:
        return "pd1:" + base64.b64encode(uuid.uuid5(subject, "sealed").bytes * 2).decode()

    def unseal(self, subject: UUID, sealed: str) -> dict[str, Any] | None:
        return None  # nothing here opens: the read side never needs to

    def erase(self, subject: UUID, reason: str) -> None:
        self.erased.append(subject)


class HR:
    """Personnel commands in one line each, dated by their effective date (through Books, so the
    text-bound test's longest texts reach them too)."""

    def __init__(self, ledger: Ledger, org: str = SEOUL) -> None:
        ledger.personal_data = Sealer()
        self.ledger, self.org = ledger, org
        register_organisation(ledger, org)
        self.books = Books(ledger, org=org)

    def command(self, cls: type[C], day: date, actor: str = "clerk-kim", **fields: Any) -> C:
        return self.books.command(cls, on=day, year=day.year, effective_date=day, actor=actor, **fields)

    def run(self, cls: type[Command], day: date, actor: str = "clerk-kim", **fields: Any) -> CommandResult:
        return self.ledger.handle(self.command(cls, day, actor, **fields))

    def chart(self) -> None:
        for code, (name, parent, _, _, _) in DEPARTMENTS.items():
            self.run(CreateDepartment, CHARTED, code=code, name=name, parent=parent)
        for code, (name, rank, band) in GRADES.items():
            self.run(DefineGrade, CHARTED, code=code, name=name, rank=rank, band=band, max_step=30)
        self.run(DefinePosition, CHARTED, code="TL", title="팀장")
        for code, (_, _, authorised, _, _) in DEPARTMENTS.items():
            self.run(SetAuthorisedHeadcount, CHARTED, department=code, headcount=authorised)

    def hire(
        self, number: str, department: str, grade: str, day: date = HIRED, **fields: Any
    ) -> tuple[UUID, UUID]:
        """A hire drafted: the employee and the hire action."""
        command_id = uuid.uuid4()
        employee_id = Employee.id_for(self.org, number)
        self.run(
            HireEmployee,
            day,
            command_id=command_id,
            employee_number=number,
            order_number="2024-0001",
            department=department,
            grade=grade,
            step=1,
            personal={"name": NAME, "rrn": RRN},
            **fields,
        )
        return employee_id, action_id_for(command_id, employee_id)

    def draft(self, employee_id: UUID, kind: str, day: date, **fields: Any) -> UUID:
        command_id = uuid.uuid4()
        fields.setdefault("order_number", "2024-0100")
        self.run(
            DraftPersonnelAction, day, command_id=command_id, employee_id=employee_id, kind=kind, **fields
        )
        return action_id_for(command_id, employee_id)

    def approve(self, items: Sequence[tuple[UUID, UUID]], day: date) -> None:
        self.run(
            ApprovePersonnelActions,
            day,
            actor="director-lee",
            items=[{"employee_id": e, "action_id": a} for e, a in items],
        )

    def staff(self) -> dict[str, list[UUID]]:
        """The chart and its twenty people, hired and approved: department → employees."""
        self.chart()
        staff: dict[str, list[UUID]] = {}
        hires = []
        for code, (_, _, _, people, grade) in DEPARTMENTS.items():
            for n in range(people):
                hire = self.hire(f"{code}{n:02d}", code, grade)
                hires.append(hire)
                staff.setdefault(code, []).append(hire[0])
        self.approve(hires, HIRED)
        return staff


def personnel_engine(ledger: Ledger, read_db: Engine, batch_size: int) -> ProjectionEngine:
    projections = [PersonnelChartProjection(), EmployeesProjection(), PersonnelRecordsProjection()]
    return ProjectionEngine(ledger.recorder, read_db, projections, batch_size=batch_size)


def rows_of(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {
            table.name: [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]
            for table in TABLES
        }


def by_key(rows: list[dict[str, Any]]) -> dict[Any, int]:
    return {row["key"]: row["headcount"] for row in rows}


def counts(read_db: Engine, day: date, by: queries.By = "department") -> dict[Any, int]:
    with read_db.connect() as conn:
        return by_key(queries.headcount(conn, SEOUL, day, by))


# --- headcount as of a date ---------------------------------------------------------------------


def test_a_backdated_transfer_and_its_later_cancellation_move_the_headcount_of_past_days(
    ledger: Ledger, read_db: Engine, projector: ProjectionEngine
) -> None:
    hr = HR(ledger)
    staff = hr.staff()
    mover = staff["HR"][0]
    # a later action recorded first: a leave from 15 June (on leave still counts)
    leave = hr.draft(
        staff["FIN"][0], "leave", date(2024, 6, 15), leave_kind="parental", expected_end=date(2025, 6, 15)
    )
    hr.approve([(staff["FIN"][0], leave)], date(2024, 6, 15))
    projector.catch_up()
    before = {"HQ": 3, "HR": 5, "FIN": 6, "IT": 4, "AUDIT": 2}
    assert counts(read_db, date(2024, 2, 29)) == {}
    assert counts(read_db, HIRED) == before
    assert counts(read_db, date(2024, 7, 1)) == before
    assert counts(read_db, date(2024, 7, 1), None) == {None: 20}

    # recorded in July, effective 1 May: drafted, it counts nowhere yet
    transfer = hr.draft(mover, "transfer", date(2024, 5, 1), department="FIN", reason="인력 재배치")
    projector.catch_up()
    assert counts(read_db, date(2024, 7, 1)) == before
    with read_db.connect() as conn:
        row = queries.employee(conn, str(mover))
    assert row is not None and row["pending"] == 1 and row["department"] == "HR"

    hr.approve([(mover, transfer)], date(2024, 7, 2))
    projector.catch_up()
    after = before | {"HR": 4, "FIN": 7}
    assert counts(read_db, date(2024, 4, 30)) == before
    assert counts(read_db, date(2024, 5, 1)) == after
    assert counts(read_db, date(2024, 7, 1)) == after
    assert counts(read_db, date(2024, 7, 1), "grade") == {"G5": 2, "G6": 8, "G7": 10}  # the grade moved along
    with read_db.connect() as conn:
        row = queries.employee(conn, str(mover))
        periods = conn.execute(
            select(
                tables.personnel_periods.c.department,
                tables.personnel_periods.c.starts,
                tables.personnel_periods.c.ends,
            )
            .where(tables.personnel_periods.c.employee_id == str(mover))
            .order_by(tables.personnel_periods.c.starts)
        ).all()
    assert row is not None and row["pending"] == 0 and row["department"] == "FIN"
    assert row["version"] == ledger.repository.get(mover).version
    assert [tuple(p) for p in periods] == [("HR", HIRED, date(2024, 5, 1)), ("FIN", date(2024, 5, 1), None)]

    # a cancellation (발령 취소) approved in August withdraws it: 1 May reads as before again
    cancellation = hr.draft(mover, "cancellation", date(2024, 5, 1), corrects=transfer, reason="발령 취소")
    hr.approve([(mover, cancellation)], date(2024, 8, 1))
    projector.catch_up()
    assert counts(read_db, date(2024, 5, 1)) == before
    assert counts(read_db, date(2024, 7, 1)) == before
    with read_db.connect() as conn:
        listed = queries.actions(conn, employee_id=str(mover), limit=10)["items"]
    assert [(a["kind"], a["status"]) for a in listed] == [
        ("hire", "approved"),
        ("transfer", "cancelled"),
        ("cancellation", "approved"),
    ]
    assert listed[1]["approved_by"] == "director-lee" and listed[1]["details"]["department"] == "FIN"
    assert listed[2]["corrects"] == str(transfer)


def test_drafts_are_not_counted_until_approved_and_a_retirement_ends_the_count(
    ledger: Ledger, read_db: Engine, projector: ProjectionEngine
) -> None:
    hr = HR(ledger)
    staff = hr.staff()
    newcomer, hire = hr.hire("NEW01", "IT", "G7", date(2024, 4, 1))
    leaver = staff["IT"][0]
    retirement = hr.draft(leaver, "retirement", date(2024, 6, 30), retirement_kind="voluntary")
    projector.catch_up()
    assert counts(read_db, date(2024, 7, 1))["IT"] == 4  # neither the draft hire nor the draft retirement
    with read_db.connect() as conn:
        drafted = queries.employee(conn, str(newcomer))
        awaiting = queries.actions(conn, org=SEOUL, status="drafted")["items"]
    assert drafted is not None and drafted["status"] is None and drafted["pending"] == 1
    assert {a["action_id"] for a in awaiting} == {str(hire), str(retirement)}

    rejected = hr.draft(staff["IT"][1], "suspension", date(2024, 6, 1))
    hr.run(
        RejectPersonnelAction,
        date(2024, 6, 2),
        actor="director-lee",
        employee_id=staff["IT"][1],
        action_id=rejected,
        reason="사유 부족",
    )
    hr.approve([(newcomer, hire)], date(2024, 7, 3))
    hr.approve([(leaver, retirement)], date(2024, 7, 3))
    projector.catch_up()
    assert counts(read_db, date(2024, 3, 31))["IT"] == 4
    assert counts(read_db, date(2024, 4, 1))["IT"] == 5
    assert counts(read_db, date(2024, 6, 29))["IT"] == 5
    assert counts(read_db, date(2024, 6, 30))["IT"] == 4  # the retirement day is outside
    with read_db.connect() as conn:
        retired = queries.employee(conn, str(leaver))
        suspension = queries.actions(conn, employee_id=str(staff["IT"][1]))["items"][-1]
        listed = queries.employees(conn, SEOUL, status="retired")["items"]
    assert (
        retired is not None and retired["status"] == "retired" and retired["retired_on"] == date(2024, 6, 30)
    )
    assert (suspension["status"], suspension["rejection_reason"]) == ("rejected", "사유 부족")
    assert [e["employee_id"] for e in listed] == [str(leaver)]


def test_a_merged_department_counts_in_its_survivor_from_the_merge_day(
    ledger: Ledger, read_db: Engine, projector: ProjectionEngine
) -> None:
    hr = HR(ledger)
    hr.staff()
    merged = date(2024, 9, 1)
    hr.run(MergeDepartment, merged, code="AUDIT", into="IT")
    hr.run(RenameDepartment, date(2024, 10, 1), code="IT", name="디지털정책과")
    hr.run(SetAuthorisedHeadcount, merged, department="IT", headcount=12)
    # the same day again: that day's 정원 is replaced, as the domain replaces it
    hr.run(SetAuthorisedHeadcount, merged, department="IT", headcount=8)
    projector.catch_up()

    assert counts(read_db, date(2024, 8, 31)) == {"HQ": 3, "HR": 5, "FIN": 6, "IT": 4, "AUDIT": 2}
    assert counts(read_db, merged) == {"HQ": 3, "HR": 5, "FIN": 6, "IT": 6}
    with read_db.connect() as conn:
        names = {r["key"]: r["name"] for r in queries.headcount(conn, SEOUL, date(2024, 9, 30), "department")}
        renamed = {
            r["key"]: r["name"] for r in queries.headcount(conn, SEOUL, date(2024, 10, 1), "department")
        }
        before = {r["department"]: r for r in queries.vacancies(conn, SEOUL, date(2024, 8, 31))}
        after = {r["department"]: r for r in queries.vacancies(conn, SEOUL, merged)}
        tree = queries.chart(conn, SEOUL, date(2024, 10, 1))
        authorised = (
            conn.execute(
                select(tables.personnel_authorised.c.headcount).where(
                    tables.personnel_authorised.c.department == "IT"
                )
            )
            .scalars()
            .all()
        )
    assert (names["IT"], renamed["IT"]) == ("정보화담당관", "디지털정책과")
    assert sorted(authorised) == [8, 10]
    assert (before["IT"]["authorised"], before["IT"]["headcount"], before["IT"]["vacancy"]) == (10, 4, 6)
    assert (before["AUDIT"]["authorised"], before["AUDIT"]["headcount"], before["AUDIT"]["vacancy"]) == (
        5,
        2,
        3,
    )
    # AUDIT's people and its 정원 of 5 count in IT from the merge day
    assert (after["IT"]["authorised"], after["IT"]["headcount"], after["IT"]["vacancy"]) == (13, 6, 7)
    assert "AUDIT" not in after
    assert (after["HQ"]["authorised"], after["HQ"]["headcount"], after["HQ"]["vacancy"]) == (5, 3, 2)
    assert [(d["code"], d["depth"], d["name"], d["headcount"]) for d in tree] == [
        ("HQ", 0, "기획조정실", 3),
        ("FIN", 1, "재무과", 6),
        ("HR", 1, "인사과", 5),
        ("IT", 1, "디지털정책과", 6),
    ]


# --- the public headcount -----------------------------------------------------------------------


def test_the_public_headcount_hides_cells_under_three_and_what_would_give_them_back(
    ledger: Ledger, read_db: Engine, projector: ProjectionEngine
) -> None:
    hr = HR(ledger)
    hr.staff()
    hr.run(CreateDepartment, date(2024, 5, 1), code="EMPTY", name="신설팀", parent="HR")
    projector.catch_up()
    with read_db.connect() as conn:
        public = queries.public_headcount(conn, SEOUL, date(2024, 6, 1))
    shown = {d["code"]: (d["own"]["headcount"], d["total"]["headcount"]) for d in public["departments"]}
    hidden = {d["code"]: (d["own"]["suppressed"], d["total"]["suppressed"]) for d in public["departments"]}
    # AUDIT's 2 is hidden; HQ's own 3, the next smallest of its group, is hidden with it, so
    # HQ's total (20) less the shown cells (15) leaves the sum of two hidden cells, not one.
    assert shown["AUDIT"] == (None, None) and hidden["AUDIT"] == (True, True)
    assert shown["HQ"] == (None, 20) and hidden["HQ"] == (True, False)
    assert shown["FIN"] == (6, 6) and shown["IT"] == (4, 4)
    # HR holds 5 and an empty sub-department: the empty cell is hidden, so HR's own 5 is hidden
    # too (else HR's total less it gives the sub-department back); HR's total shows.
    assert shown["EMPTY"] == (None, None)
    assert shown["HR"] == (None, 5) and hidden["HR"] == (True, False)
    assert public["total"] == {"headcount": 20, "suppressed": False}
    # 정원 is public; a vacancy is hidden with the headcount it would give back
    vacancy = {d["code"]: (d["authorised"], d["vacancy"]) for d in public["departments"]}
    assert vacancy["FIN"] == (10, {"vacancy": 4, "suppressed": False})
    assert vacancy["AUDIT"] == (5, {"vacancy": None, "suppressed": True})
    assert vacancy["HQ"] == (5, {"vacancy": None, "suppressed": True})
    assert vacancy["EMPTY"] == (None, {"vacancy": None, "suppressed": False})  # no 정원 set
    assert public["authorised"] is None  # EMPTY has none: the whole is not limited
    # bands: 2 in 5급 이상 is hidden, and so the other band, which the total would give back
    assert public["bands"] == [
        {"band": "5급 이상", "headcount": None, "suppressed": True},
        {"band": "6급 이하", "headcount": None, "suppressed": True},
    ]


def test_secondary_suppression_holds_in_every_group() -> None:
    """Nested groups: a total hidden as the next smallest of its parent's group hides a cell of its
    own group too, and then a second one (else its cells would add up to it)."""
    values = {
        ("org",): 62,
        ("total", "A"): 10,
        ("own", "A"): 6,
        ("own", "A1"): 4,
        ("own", "B"): 2,
        ("own", "C"): 50,
    }
    groups = [
        (("total", "A"), [("own", "A"), ("own", "A1")]),
        (("org",), [("total", "A"), ("own", "B"), ("own", "C")]),
    ]
    assert queries.suppressed_cells(values, groups) == {
        ("own", "B"),
        ("total", "A"),
        ("own", "A"),
        ("own", "A1"),
    }
    # a group of one: its total is its one cell, hidden with it
    assert queries.suppressed_cells(
        {("org",): 9, ("own", "X"): 2, ("own", "Y"): 7}, [(("org",), [("own", "X")])]
    ) == {
        ("own", "X"),
        ("org",),
    }
    # no small cell, nothing hidden
    assert not queries.suppressed_cells(
        {("org",): 9, ("own", "X"): 3, ("own", "Y"): 6}, [(("org",), [("own", "X"), ("own", "Y")])]
    )


# --- personal data, records, lists ---------------------------------------------------------------


def test_personal_data_is_held_only_sealed_and_dropped_on_erasure(
    ledger: Ledger, read_db: Engine, projector: ProjectionEngine
) -> None:
    hr = HR(ledger)
    staff = hr.staff()
    person = staff["HR"][0]
    hr.run(LinkEmployeeAccount, date(2024, 3, 2), employee_id=person, username="hong.gildong")
    issued = hr.run(
        IssueCertificate, date(2024, 6, 1), employee_id=person, kind="employment", purpose="금융기관 제출용"
    )
    for reason in ("급여 지급 확인", "감사 요청"):
        ledger.record_personal_data_read(
            hr.command(
                RecordPersonalDataRead,
                date(2024, 6, 2),
                actor="auditor-park",
                employee_id=person,
                reason=reason,
            )
        )
    retirement = hr.draft(person, "retirement", date(2024, 12, 31), retirement_kind="voluntary")
    hr.approve([(person, retirement)], date(2024, 12, 31))
    projector.catch_up()

    with read_db.connect() as conn:
        sealed = conn.execute(select(tables.personnel_employees.c.sealed)).scalars().all()
        row = queries.employee(conn, str(person))
        number = conn.execute(select(tables.personnel_certificates.c.number)).scalar_one()
        certificate = queries.certificate(conn, number)
        log = queries.access_log(conn, SEOUL, limit=1)
        rest = queries.access_log(conn, SEOUL, after=log["next_cursor"], limit=1, employee_id=str(person))
        texts = [
            value
            for table in TABLES
            for found in conn.execute(select(table))
            for value in found
            if isinstance(value, str)
        ]
    assert len(sealed) == 20 and all(s.startswith("pd1:") for s in sealed)
    assert not [t for t in texts if NAME in t or RRN in t or RRN.replace("-", "") in t]
    assert row is not None and row["username"] == "hong.gildong" and not row["erased"]
    assert certificate is not None and certificate["employee_id"] == str(person)
    assert certificate["statement"]["employee_number"] == "HR00"
    assert certificate["statement"]["department"] == "인사과" and certificate["purpose"] == "금융기관 제출용"
    assert number == ledger.repository.get(issued.aggregate_id).number
    assert [(r["reader"], r["reason"]) for r in log["items"]] == [("auditor-park", "급여 지급 확인")]
    assert [(r["reader"], r["reason"]) for r in rest["items"]] == [("auditor-park", "감사 요청")]
    assert rest["next_cursor"] is None and log["items"][0]["read_on"] == date(2024, 6, 2)

    hr.run(ErasePersonalData, date(2030, 1, 2), employee_id=person, reason="보존기간 경과")
    projector.catch_up()
    with read_db.connect() as conn:
        row = queries.employee(conn, str(person))
    assert row is not None and row["erased"] and row["sealed"] is None


def test_lists_page_by_keyset(ledger: Ledger, read_db: Engine, projector: ProjectionEngine) -> None:
    hr = HR(ledger)
    hr.staff()
    projector.catch_up()
    seen: list[str] = []
    after = None
    with read_db.connect() as conn:
        while True:
            page = queries.employees(conn, SEOUL, after=after, limit=7)
            seen += [e["employee_number"] for e in page["items"]]
            after = page["next_cursor"]
            if after is None:
                break
        it = queries.employees(conn, SEOUL, department="IT")["items"]
        with pytest.raises(ValueError, match="limit"):
            queries.employees(conn, SEOUL, limit=0)
    assert len(seen) == 20 and seen == sorted(seen)
    assert [e["employee_number"] for e in it] == ["IT00", "IT01", "IT02", "IT03"]
    assert all("sealed" not in e for e in it)


# --- the rows do not depend on how they were made -------------------------------------------------


def make_personnel_history(ledger: Ledger) -> None:
    """A short history with every personnel command that carries text, and every kind of row, in
    an organisation of its own (성동구)."""
    hr = HR(ledger, org="3030000")
    hr.run(CreateDepartment, CHARTED, code="HQ", name="기획조정실")
    hr.run(CreateDepartment, CHARTED, code="HR", name="인사과", parent="HQ")
    hr.run(CreateDepartment, CHARTED, code="OLD", name="폐지예정팀", parent="HQ")
    hr.run(RenameDepartment, date(2024, 2, 1), code="HR", name="인사혁신과")
    hr.run(AbolishDepartment, date(2024, 2, 1), code="OLD")
    hr.run(DefineGrade, CHARTED, code="G6", name="6급", rank=40, band="6급 이하", max_step=30)
    hr.run(DefineGrade, CHARTED, code="G5", name="5급", rank=50, band="5급 이상", max_step=30)
    hr.run(DefinePosition, CHARTED, code="TL", title="팀장")
    hr.run(SetAuthorisedHeadcount, CHARTED, department="HR", headcount=4)
    first, hire = hr.hire("E001", "HR", "G6", reason="공개경쟁채용")
    second, other = hr.hire("E002", "HQ", "G6")
    hr.approve([(first, hire), (second, other)], HIRED)
    seconded = hr.draft(
        first, "secondment", date(2024, 4, 1), seconded_to="행정안전부", expected_end=date(2025, 3, 31)
    )
    promotion = hr.draft(second, "promotion", date(2024, 4, 1), grade="G5", reason="승진 심사 통과")
    hr.approve([(first, seconded), (second, promotion)], date(2024, 4, 1))
    rejected = hr.draft(second, "transfer", date(2024, 5, 1), department="HR", position="TL")
    hr.run(
        RejectPersonnelAction,
        date(2024, 5, 2),
        actor="director-lee",
        employee_id=second,
        action_id=rejected,
        reason="정원 초과",
    )
    amended = hr.draft(
        second, "promotion", date(2024, 4, 15), corrects=promotion, grade="G5", reason="시행일 정정"
    )
    hr.approve([(second, amended)], date(2024, 5, 3))
    hr.run(IssueCertificate, date(2024, 6, 1), employee_id=first, kind="career", purpose="타 기관 제출용")
    ledger.record_personal_data_read(
        hr.command(
            RecordPersonalDataRead,
            date(2024, 6, 2),
            actor="auditor-park",
            employee_id=first,
            reason="감사 요청",
        )
    )


@pytest.fixture
def second_read_db(store_config: StoreConfig, tmp_path: Path) -> Iterator[Engine]:
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


def test_a_rebuild_and_workers_taking_turns_give_the_same_rows(
    ledger: Ledger, read_db: Engine, second_read_db: Engine, projector: ProjectionEngine
) -> None:
    make_personnel_history(ledger)
    HR(ledger).staff()
    projector.catch_up()
    before = rows_of(read_db)
    assert {name: len(rows) for name, rows in before.items()} == {
        "personnel_departments": 10,
        "personnel_grades": 5,
        "personnel_positions": 2,
        "personnel_authorised": 6,
        "personnel_employees": 22,
        "personnel_actions": 26,
        "personnel_periods": 24,
        "personnel_certificates": 1,
        "personnel_access_log": 1,
    }
    names = [PersonnelChartProjection.name, EmployeesProjection.name, PersonnelRecordsProjection.name]
    results = rebuild(projector, names, batch_size=5)
    assert {r.name: r.generation for r in results} == dict.fromkeys(names, 2)
    assert rows_of(read_db) == before

    # each batch applied by another instance than the last: every employee's actions are read
    # back from the table, never from memory that may be stale
    workers = [personnel_engine(ledger, second_read_db, 3) for _ in range(2)]
    turn = 0
    while workers[turn % 2].run_batch():
        turn += 1
    assert turn > 20
    assert rows_of(second_read_db) == before
