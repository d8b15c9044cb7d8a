"""The payroll read models (readmodels/payroll.py, projections/payroll.py) on both backends: a run's
rows follow each step, a new calculation replaces its payslips also when its events fall in
several batches or a batch starts with the memory dropped, retroactive differences sit beside the
regular payslips, withholdings clear by date, table versions and item names are kept, the public
cost sums the paid runs against the personnel lines; and a rebuild gives the same rows as the
projection that followed every step."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, select

from commands.ledger import Ledger
from commands.messages.attendance import RecordAttendance
from commands.messages.payroll import CalculatePayrollRun, PayPayrollRun, PostPayrollRun, RejectPayrollRun
from domain.payroll.run import totals
from domain.payroll.tables import TableKind
from domain.personnel.attendance import AttendanceKind
from projections.engine import ProjectionEngine
from projections.payroll import PayrollProjection
from projections.rebuild import rebuild
from readmodels import payroll as queries
from tests.app.payroll_helpers import ALLOWANCES, MANAGER, ORG, Payroll, pay_scale
from tests.app.personnel_helpers import day


def follow(ledger: Ledger, read_db: Engine, batch_size: int = 1) -> None:
    """Apply what is new with a fresh engine (its projection's memory empty, as another worker's
    would be), in batches of ``batch_size`` positions."""
    ProjectionEngine(ledger.recorder, read_db, [PayrollProjection()], batch_size=batch_size).catch_up()


def rows(read_db: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with read_db.connect() as conn:
        return {
            table.name: sorted(tuple(row) for row in conn.execute(select(table))) for table in queries.TABLES
        }


def test_a_new_calculation_replaces_the_payslips_whatever_the_batches(
    ledger: Ledger, read_db: Engine
) -> None:
    pay = Payroll(ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    lee = pay.hr.hire("E002", grade="G8", step=1)
    first = pay.calculate("2026-03")
    follow(ledger, read_db)
    with read_db.connect() as conn:
        run = queries.run(conn, ORG, "2026-03")
        assert run is not None and (run["status"], run["calculation"], run["payslips"]) == (
            "calculated",
            1,
            2,
        )
        assert run["preparer"] == "pay.officer" and run["gross"] == totals(first.run.payslips).gross
        assert queries.payslip(conn, ORG, str(kim), "2026-03")["gross"] == first.slip(kim).gross  # type: ignore[index]

    # Rejected; overtime recorded and someone hired meanwhile; calculated again, then a third time
    # with every event of the two calculations applied in one batch, then one event a batch.
    on = date(2026, 3, 20)
    pay.send(RejectPayrollRun, month="2026-03", actor=MANAGER, on=on, reason="시간외근무 누락")
    pay.hr.run(
        RecordAttendance,
        on=day(3, 10),
        employee_id=lee,
        kind=AttendanceKind.OVERTIME,
        overtime_minutes=120,
    )
    park = pay.hr.hire("E003", grade="G9", step=2, on=day(3, 2))
    pay.send(CalculatePayrollRun, month="2026-03", on=on)
    pay.send(CalculatePayrollRun, month="2026-03", on=on)
    follow(ledger, read_db, batch_size=10_000)
    third = pay.view("2026-03")
    with read_db.connect() as conn:
        run = queries.run(conn, ORG, "2026-03")
        assert run is not None
        assert (run["status"], run["calculation"], run["payslips"]) == ("calculated", 3, 3)
        assert run["rejection_reason"] == "시간외근무 누락"
        register = queries.register(conn, ORG, "2026-03")
        assert register is not None
        assert [r["employee_number"] for r in register["items"]] == ["E001", "E002", "E003"]
        assert register["items"][1]["earnings"] == third.run.payslips_of(lee)[0].earnings
        assert "OVERTIME" in register["items"][1]["earnings"]
        assert register["totals"]["gross"] == run["gross"] == totals(third.run.payslips).gross
        assert register["items"][2]["employee_id"] == str(park)

    # A fourth calculation, each of its events in a batch of its own, the memory dropped each time.
    pay.send(CalculatePayrollRun, month="2026-03", on=on)
    follow(ledger, read_db, batch_size=1)
    with read_db.connect() as conn:
        register = queries.register(conn, ORG, "2026-03")
        assert register is not None and register["run"]["calculation"] == 4
        assert register["totals"]["payslips"] == 3


def test_retroactive_differences_sit_beside_the_regular_payslips(ledger: Ledger, read_db: Engine) -> None:
    pay = Payroll(ledger).ready()
    yoon = pay.hr.hire("E007", grade="G9", step=1)
    pay.through("2026-03")
    pay.through("2026-04")
    raised = pay_scale(extra=pay_scale("2026-03-01", raise_percent=3).split("\n", 1)[1])
    pay.load(TableKind.PAY_SCALE, raised, name="pay_scale_2026_raise.csv")
    may = pay.month("2026-05", retroactive_from="2026-03")
    follow(ledger, read_db, batch_size=7)
    with read_db.connect() as conn:
        register = queries.register(conn, ORG, "2026-05")
        assert register is not None
        assert [(r["kind"], r["month"]) for r in register["items"]] == [
            ("regular", "2026-05"),
            ("retroactive", "2026-03"),
            ("retroactive", "2026-04"),
        ]
        regular, *differences = register["items"]
        assert regular["change"]["earnings"]["BASE"] == 60_000  # May at the new scale against April
        assert all(row["change"] is None for row in differences)
        assert differences[0]["earnings"] == {"BASE": 60_000}
        assert register["totals"]["gross"] == totals(may.run.payslips).gross
        assert register["run"]["retroactive_from"] == "2026-03"
        assert register["run"]["tables"]["pay_scale"] == 2
        listed = queries.payslips(conn, ORG, str(yoon), 2026)
        assert [(s["run_month"], s["kind"], s["month"], s["run_status"]) for s in listed] == [
            ("2026-03", "regular", "2026-03", "remitted"),
            ("2026-04", "regular", "2026-04", "remitted"),
            ("2026-05", "regular", "2026-05", "approved"),
            ("2026-05", "retroactive", "2026-03", "approved"),
            ("2026-05", "retroactive", "2026-04", "approved"),
        ]
        assert len(queries.payslips(conn, ORG, str(yoon), 2026, paid_only=True)) == 2
        one = queries.payslip(conn, ORG, str(yoon), "2026-05", "retroactive", "2026-04")
        assert one is not None and one["earnings"] == {"BASE": 60_000} and one["run_status"] == "approved"
        assert queries.payslip(conn, ORG, str(yoon), "2026-05", "retroactive") is None  # no May difference
        loads = queries.table_loads(conn, ORG)
        assert [(t["version"], t["file_name"]) for t in loads if t["kind"] == "pay_scale"] == [
            (1, "pay_scale.csv"),
            (2, "pay_scale_2026_raise.csv"),
        ]


def test_withholdings_are_outstanding_from_the_payment_until_the_remittance(
    ledger: Ledger, read_db: Engine
) -> None:
    pay = Payroll(ledger).ready()
    for n in range(2):
        pay.hr.hire(f"E{n:03d}", grade="G9", step=1 + n)
    march = pay.through("2026-03")  # paid and remitted on 20 March
    april = pay.month("2026-04")
    pay.send(PostPayrollRun, month="2026-04", actor=MANAGER, on=date(2026, 4, 20))
    pay.send(PayPayrollRun, month="2026-04", actor=MANAGER, on=date(2026, 4, 24))
    follow(ledger, read_db, batch_size=50)
    withheld = sum(slip.deducted for slip in april.run.payslips)
    with read_db.connect() as conn:
        assert queries.outstanding_withholdings(conn, ORG, date(2026, 3, 19))["total"] == 0
        assert queries.outstanding_withholdings(conn, ORG, date(2026, 3, 31))["total"] == 0  # remitted
        assert queries.outstanding_withholdings(conn, ORG, date(2026, 4, 23))["total"] == 0
        found = queries.outstanding_withholdings(conn, ORG, date(2026, 4, 30))
        assert found["total"] == withheld and found["months"] == [
            {"month": "2026-04", "outstanding": withheld}
        ]
        assert sum(k["withheld"] for k in found["kinds"]) == withheld
        run = queries.run(conn, ORG, "2026-03")
        assert run is not None and run["employer_remitted"] == totals(march.run.payslips).employer


def test_item_names_follow_the_allowance_table(ledger: Ledger, read_db: Engine) -> None:
    pay = Payroll(ledger).ready()
    follow(ledger, read_db, batch_size=100)
    with read_db.connect() as conn:
        assert queries.item_names(conn, ORG)["POSITION"] == "직책수당"
    renamed = ALLOWANCES + "2026-07-01,POSITION,보직수당,POSITION:P2,200000,0,yes,시험용\n"
    pay.load(TableKind.ALLOWANCES, renamed, name="allowances_2026.csv")
    follow(ledger, read_db)
    with read_db.connect() as conn:
        names = queries.item_names(conn, ORG)
        assert (names["POSITION"], names["MEAL"], names["BASE"]) == ("보직수당", "정액급식비", "기본급")
        assert [t["version"] for t in queries.table_loads(conn, ORG) if t["kind"] == "allowances"] == [1, 2]


def test_the_public_cost_sums_the_paid_runs_against_the_personnel_lines(
    ledger: Ledger, read_db: Engine, projector: ProjectionEngine
) -> None:
    pay = Payroll(ledger).ready()
    for n in range(6):
        pay.hr.hire(f"E{n:03d}", grade=("G9", "G8", "G7")[n % 3], step=1 + n % 5)
    paid = [pay.through("2026-03"), pay.through("2026-04")]
    pay.month("2026-05")  # approved, not paid: not counted
    projector.catch_up()  # the budget lines' balances too
    with read_db.connect() as conn:
        found = queries.personnel_cost(conn, ORG, 2026)
        empty = queries.personnel_cost(conn, ORG, 2025)
    cost = sum(totals(run.run.payslips).cost for run in paid)
    assert (found["months_paid"], found["personnel_cost"], found["suppressed"]) == (2, cost, False)
    assert found["pay"] == sum(totals(run.run.payslips).gross for run in paid)
    assert str(found["average_headcount"]) == "6.0" and found["cost_per_head"] == cost // 6
    # Pay on 101-01, the employer's shares on 304-0x: all of it paid from the personnel lines.
    assert found["budget"]["paid"] == cost and found["budget"]["current_budget"] == 800_000_000
    assert str(found["cost_to_budget_percent"]) == f"{cost * 100 / 800_000_000:.1f}"
    assert (empty["months_paid"], empty["personnel_cost"], empty["average_headcount"]) == (0, 0, None)
    assert not empty["suppressed"]


def test_a_rebuild_gives_the_rows_the_projection_followed(ledger: Ledger, read_db: Engine) -> None:
    pay = Payroll(ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    pay.hr.hire("E002", grade="G8", step=2)
    pay.through("2026-03")
    follow(ledger, read_db)
    pay.calculate("2026-04")
    follow(ledger, read_db, batch_size=2)
    pay.send(RejectPayrollRun, month="2026-04", actor=MANAGER, on=date(2026, 4, 20), reason="재계산")
    pay.hr.run(RecordAttendance, on=day(4, 6), employee_id=kim, kind=AttendanceKind.ABSENCE)
    pay.send(CalculatePayrollRun, month="2026-04", on=date(2026, 4, 20))
    follow(ledger, read_db, batch_size=3)
    followed = rows(read_db)
    assert followed["payroll_payslips"] and followed["payroll_withholdings"]

    engine = ProjectionEngine(ledger.recorder, read_db, [PayrollProjection()], batch_size=5)
    (rebuilt,) = rebuild(engine, ["payroll"], batch_size=4)
    assert (rebuilt.previous_generation, rebuilt.generation, rebuilt.fault) == (1, 2, None)
    assert rows(read_db) == followed
