"""Payroll (급여) over HTTP, on both backends: the run's steps as commands (four eyes, refusals as
problem+json with the domain's code), the register against the run and last month, payslips read
by the payroll roles and by each employee their own only, the withholdings not yet remitted, the
public personnel cost with small cells hidden, and every read against every role and scope.

The set-up (chart, budget lines, tables, hires) goes through the ledger with the application
tests' driver (tests/app/payroll_helpers.py); what is under test goes through HTTP.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from api.roles import ALL_ORGS, COMMAND_ROLES, PAYROLL_READERS, PAYROLL_TOTALS_READERS, Role
from cleanledger.wiring import Service
from commands.messages import payroll
from commands.messages.personnel import LinkEmployeeAccount
from domain.payroll.payslip import Payslip
from domain.payroll.run import totals
from domain.personnel.actions import ActionKind
from tests.api.conftest import KeyMaker
from tests.app.payroll_helpers import MANAGER, ORG, Payroll
from tests.app.personnel_helpers import day
from tests.certificates.test_pdf import text_of

OTHER = "6110002"
PAY = f"/api/v1/orgs/{ORG}/payroll"
PUBLIC = f"/api/v1/public/orgs/{ORG}/personnel-cost"


def head(service: Service) -> dict[str, int]:
    """``min_position`` of everything recorded so far: the reads wait for the views to hold it."""
    return {"min_position": service.ledger.recorder.max_notification_id() or 0}


def get(
    client: TestClient, service: Service, path: str, key: dict[str, str] | None = None, **query: Any
) -> Any:
    answer = client.get(path, headers=key or {}, params={**head(service), **query})
    assert answer.status_code == 200, answer.text
    return answer.json() if answer.headers["content-type"].startswith("application/json") else answer


def refused(answer: Any, status: int, code: str) -> dict[str, Any]:
    """A refusal: the status, problem+json, and the stable code."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json"), answer.headers
    problem: dict[str, Any] = answer.json()
    assert (problem["status"], problem["type"]) == (status, code), problem
    return problem


def slip_amounts(slip: Payslip) -> dict[str, Any]:
    """A payslip as the API answers its totals and items."""
    return {
        "gross": slip.gross,
        "deducted": slip.deducted,
        "net": slip.net,
        "employer_total": slip.employer_total,
        "earnings": slip.earnings,
        "deductions": slip.deductions,
        "employer": slip.employer,
    }


def link(pay: Payroll, employee_id: UUID, username: str) -> None:
    """The HR manager links ``username`` to the employee's record (self-service)."""
    pay.hr.run(LinkEmployeeAccount, actor=pay.hr.manager, employee_id=employee_id, username=username)


# --- the register (급여대장) ------------------------------------------------------------------------


def test_the_register_sums_to_the_run_and_gives_each_items_change_from_last_month(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    pay = Payroll(service.ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    lee = pay.hr.hire("E002", grade="G8", step=2)
    han = pay.hr.hire("E003", grade="G7", step=1)
    march = pay.through("2026-03")
    # April: Kim's step goes up (G9 step 2: 60 000 more), Han retires on 1 April, Park joins.
    pay.hr.act(kim, ActionKind.STEP_INCREASE, on=day(4, 1))
    pay.hr.act(han, ActionKind.RETIREMENT, on=day(4, 1), retirement_kind="voluntary", reason="의원면직")
    park = pay.hr.hire("E004", grade="G9", step=3, on=day(4, 1))
    april = pay.month("2026-04")
    auditor = key_for("payroll-hr-auditor", f"hr_auditor@{ORG}")

    register = get(client, service, f"{PAY}/runs/2026-04/register", auditor)
    run = get(client, service, f"{PAY}/runs/2026-04", auditor)
    expected = totals(april.run.payslips)
    assert register["totals"] == {
        "payslips": expected.payslips,
        "gross": expected.gross,
        "deducted": expected.deducted,
        "net": expected.net,
        "employer": expected.employer,
    }
    assert {k: run[k] for k in ("payslips", "gross", "deducted", "net", "employer")} == register["totals"]
    assert run["status"] == "approved" and register["run"]["version"] == run["version"]
    assert register["previous_month"] == "2026-03"
    # Each item's sum over the run.
    for section in ("earnings", "deductions", "employer"):
        summed: dict[str, int] = {}
        for slip in april.run.payslips:
            for code, won in getattr(slip, section).items():
                summed[code] = summed.get(code, 0) + won
        assert register["item_totals"][section] == dict(sorted(summed.items())), section
    assert register["item_names"]["BASE"] == "기본급" and register["item_names"]["MEAL"] == "정액급식비"

    rows = {(row["employee_number"], row["kind"]): row for row in register["items"]}
    assert [row["employee_number"] for row in register["items"] if row["kind"] == "regular"] == [
        "E001",
        "E002",
        "E004",
    ]
    for number, employee in (("E001", kim), ("E002", lee), ("E004", park)):
        row = rows[number, "regular"]
        now = slip_amounts(april.slip(employee))
        assert {k: row[k] for k in now} == now
        before = slip_amounts(march.slip(employee)) if march.has_slip(employee) else None
        change = row["change"]
        assert change["previous"] is (before is not None)
        for total in ("gross", "deducted", "net", "employer_total"):
            assert change[total] == now[total] - (before[total] if before else 0), (number, total)
        for section in ("earnings", "deductions", "employer"):
            codes = set(now[section]) | set(before[section] if before else {})
            assert change[section] == {
                code: now[section].get(code, 0) - (before[section].get(code, 0) if before else 0)
                for code in sorted(codes)
            }, (number, section)
    assert rows["E001", "regular"]["change"]["earnings"]["BASE"] == 60_000
    assert rows["E002", "regular"]["change"]["gross"] == 0
    assert rows["E004", "regular"]["change"]["previous"] is False
    assert [(left["employee_number"], left["net"]) for left in register["left"]] == [
        ("E003", march.slip(han).net)
    ]
    assert ("E003", "regular") not in rows

    # Paged by employee: the totals are the whole run's on every page.
    first = get(client, service, f"{PAY}/runs/2026-04/register", auditor, limit=2)
    assert sorted({row["employee_number"] for row in first["items"]}) == ["E001", "E002"]
    assert first["totals"] == register["totals"] and first["next_cursor"]
    rest = get(client, service, f"{PAY}/runs/2026-04/register", auditor, limit=2, cursor=first["next_cursor"])
    assert {row["employee_number"] for row in rest["items"]} == {"E004"} | {
        row["employee_number"] for row in register["items"] if row["employee_number"] > "E002"
    }
    assert rest["next_cursor"] is None
    wrong = client.get(f"{PAY}/runs/2026-04/register", headers=auditor, params={"cursor": "x"})
    refused(wrong, 400, "invalid-cursor")

    # The download: a column per item, the change per item, and the totals' row.
    answer = get(client, service, f"{PAY}/runs/2026-04/register.csv", auditor)
    assert "attachment" in answer.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    header = table[0]
    assert header[:3] == ["사번 (employee_number)", "구분 (kind)", "귀속월 (month)"]
    assert "기본급 (earnings:BASE)" in header and "전월 대비 기본급 (change:earnings:BASE)" in header
    by_number = {line[0]: dict(zip(header, line, strict=True)) for line in table[1:] if line[1] == "regular"}
    assert by_number["E001"]["전월 대비 기본급 (change:earnings:BASE)"] == "60000"
    last = dict(zip(header, table[-1], strict=True))
    assert last["사번 (employee_number)"] == "합계"
    assert int(last["지급액 계 (gross)"]) == expected.gross and int(last["실지급액 (net)"]) == expected.net

    refused(client.get(f"{PAY}/runs/2026-05/register", headers=auditor), 404, "not-found")


# --- payslips: the payroll roles, and each employee their own -----------------------------------


def test_an_employee_reads_only_their_own_payslips_of_paid_runs(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    pay = Payroll(service.ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    lee = pay.hr.hire("E002", grade="G8", step=2)
    march = pay.through("2026-03")
    pay.month("2026-04")  # approved, not paid
    link(pay, kim, "kim")
    me = key_for("kim", f"employee@{ORG}")
    officer = key_for("officer", f"payroll_officer@{ORG}")

    mine = get(client, service, f"{PAY}/me/payslips", me)
    assert [(s["run_month"], s["kind"], s["employee_number"]) for s in mine] == [
        ("2026-03", "regular", "E001")
    ]
    slip = get(client, service, f"{PAY}/me/payslips/2026-03", me)
    assert {k: slip[k] for k in slip_amounts(march.slip(kim))} == slip_amounts(march.slip(kim))
    assert slip["run_status"] == "remitted" and slip["item_names"]["MEAL"] == "정액급식비"
    # April is not paid yet: not the employee's to read.
    refused(client.get(f"{PAY}/me/payslips/2026-04", headers=me), 404, "not-found")
    # Their own by id too; anyone else's is refused before anything is looked up.
    assert get(client, service, f"{PAY}/employees/{kim}/payslips", me) == mine
    assert get(client, service, f"{PAY}/employees/{kim}/payslips/2026-03", me) == slip
    for path in (f"{PAY}/employees/{lee}/payslips", f"{PAY}/employees/{lee}/payslips/2026-03"):
        refused(client.get(path, headers=me), 403, "forbidden")
    for path in (f"{PAY}/runs/2026-03/register", f"{PAY}/runs", f"{PAY}/withholdings"):
        refused(client.get(path, headers=me), 403, "forbidden")

    # The officer reads everyone's, unpaid runs included.
    both = get(client, service, f"{PAY}/employees/{lee}/payslips", officer, year=2026)
    assert [(s["run_month"], s["run_status"]) for s in both] == [
        ("2026-03", "remitted"),
        ("2026-04", "approved"),
    ]
    april = get(client, service, f"{PAY}/employees/{lee}/payslips/2026-04", officer, kind="regular")
    assert april["gross"] == pay.view("2026-04").slip(lee).gross

    # A user of no linked record reads nothing of their own; the employee role reads no one's.
    stranger = key_for("stranger", f"employee@{ORG}")
    refused(client.get(f"{PAY}/me/payslips", headers=stranger), 404, "not-found")
    refused(client.get(f"{PAY}/employees/{kim}/payslips", headers=stranger), 403, "forbidden")


def test_another_organisations_roles_reach_nothing_of_this_ones_payroll(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    pay = Payroll(service.ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    pay.through("2026-03")
    link(pay, kim, "kim-elsewhere")
    reads = (
        "runs",
        "runs/2026-03",
        "runs/2026-03/register",
        "runs/2026-03/register.csv",
        f"employees/{kim}/payslips",
        f"employees/{kim}/payslips/2026-03",
        "me/payslips",
        "withholdings",
        "tables",
    )
    for role in (Role.PAYROLL_OFFICER, Role.PAYROLL_MANAGER, Role.HR_AUDITOR, Role.ACCOUNTANT, Role.EMPLOYEE):
        key = key_for(f"other-{role.value}", f"{role.value}@{OTHER}")
        for read in reads:
            # Through this organisation's path: the role is not this organisation's.
            refused(client.get(f"{PAY}/{read}", headers=key), 403, "forbidden")
            # Through its own organisation's path, naming this one's run or employee: nothing.
            answer = client.get(f"/api/v1/orgs/{OTHER}/payroll/{read}", headers=key)
            assert answer.status_code in (200, 403, 404), (role, read, answer.status_code)
            if answer.status_code == 200:
                found = answer.json()
                assert found == [] or (read == "withholdings" and found["total"] == 0), (role, read, found)
    # The user named kim-elsewhere is linked in this organisation, not in the other.
    linked_elsewhere = key_for("kim-elsewhere", f"employee@{OTHER}")
    refused(
        client.get(f"/api/v1/orgs/{OTHER}/payroll/me/payslips", headers=linked_elsewhere), 404, "not-found"
    )
    refused(client.get(f"{PAY}/me/payslips", headers=linked_elsewhere), 403, "forbidden")
    # A payroll manager of the other organisation cannot touch this one's run either.
    manager = key_for("other-manager", f"payroll_manager@{OTHER}")
    body = {"accounting_date": "2026-03-25"}
    refused(client.post(f"{PAY}/runs/2026-03/remittance", json=body, headers=manager), 403, "forbidden")
    refused(
        client.post(f"/api/v1/orgs/{OTHER}/payroll/runs/2026-03/remittance", json=body, headers=manager),
        404,
        "not-found",
    )


# --- withholdings (예수금) -----------------------------------------------------------------------------


def test_what_was_withheld_is_outstanding_until_remitted(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    pay = Payroll(service.ledger).ready()
    for n in range(3):
        pay.hr.hire(f"E{n:03d}", grade="G9", step=1 + n)
    run = pay.month("2026-03")
    manager = key_for("manager", f"payroll_manager@{ORG}")
    accountant = key_for("accountant", f"accountant@{ORG}")
    withheld: dict[str, int] = {}
    for slip in run.run.payslips:
        for code, won in slip.deductions.items():
            withheld[code] = withheld.get(code, 0) + won

    for step, on in (("posting", "2026-03-18"), ("payment", "2026-03-20")):
        answer = client.post(f"{PAY}/runs/2026-03/{step}", json={"accounting_date": on}, headers=manager)
        assert answer.status_code == 201, answer.text
    path = f"{PAY}/withholdings"
    paid = get(client, service, path, accountant, as_of="2026-03-31")
    assert {k["kind"]: k["outstanding"] for k in paid["kinds"]} == withheld
    assert paid["total"] == sum(withheld.values()) > 0
    assert paid["months"] == [{"month": "2026-03", "outstanding": paid["total"]}]
    assert {k["kind"]: k["name"] for k in paid["kinds"]}["INCOME_TAX"] == "소득세"
    assert get(client, service, path, accountant, as_of="2026-03-19")["total"] == 0  # not paid yet then

    answer = client.post(
        f"{PAY}/runs/2026-03/remittance", json={"accounting_date": "2026-04-10"}, headers=manager
    )
    assert answer.status_code == 201, answer.text
    assert get(client, service, path, accountant, as_of="2026-04-09")["total"] == paid["total"]
    remitted = get(client, service, path, accountant, as_of="2026-04-10")
    assert (remitted["total"], remitted["kinds"], remitted["months"]) == (0, [], [])
    run_row = get(client, service, f"{PAY}/runs/2026-03", accountant)
    assert (run_row["status"], run_row["withheld"], run_row["paid_on"], run_row["remitted_on"]) == (
        "remitted",
        paid["total"],
        "2026-03-20",
        "2026-04-10",
    )
    assert run_row["paid_net"] == run_row["gross"] - run_row["deducted"]


# --- the public personnel cost ------------------------------------------------------------------------


def _individual_amounts(runs: list[Any]) -> set[int]:
    found: set[int] = set()
    for run in runs:
        for slip in run.run.payslips:
            found |= {
                slip.gross,
                slip.net,
                slip.deducted,
                slip.employer_total,
                slip.gross + slip.employer_total,
            }
    return found


def _numbers(document: Any) -> set[int]:
    """Every whole number in a JSON document (decimals as text included)."""
    if isinstance(document, dict):
        return set().union(*(_numbers(v) for v in document.values())) if document else set()
    if isinstance(document, list):
        return set().union(*(_numbers(v) for v in document)) if document else set()
    if isinstance(document, bool) or document is None:
        return set()
    if isinstance(document, int):
        return {document}
    if isinstance(document, str) and document.replace(".", "", 1).isdigit():
        return {int(float(document))}
    return set()


def test_the_public_personnel_cost_shows_no_individual_pay_and_hides_small_groups(
    client: TestClient, service: Service
) -> None:
    pay = Payroll(service.ledger).ready()
    grades = ("G9", "G8", "G7")
    for n in range(3):
        pay.hr.hire(f"E{n:03d}", grade=grades[n], step=1 + n)
    few = [pay.through("2026-03")]

    small = get(client, service, PUBLIC, year=2026)
    assert (small["suppressed"], small["months_paid"], small["minimum_cell"]) == (True, 1, 5)
    assert small["suppression"] and "5" in small["suppression"]
    hidden = ("personnel_cost", "pay", "employer_contributions", "average_headcount", "cost_per_head")
    assert all(small[name] is None for name in (*hidden, "cost_to_budget_percent"))
    assert small["budget"]["paid"] is None and small["budget"]["current_budget"] > 0
    assert not _numbers(small) & _individual_amounts(few)
    download = get(client, service, f"{PUBLIC}.csv", year=2026)
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert len(lines) == 2 and lines[1][:2] == [ORG, "2026"]
    assert not {int(cell) for cell in lines[1] if cell.isdigit()} & _individual_amounts(few)

    # Seven people of different grades and steps in April, five a month on average: the year's
    # figures show, none of anyone's pay.
    for n, (grade, step) in enumerate((("G6", 2), ("G8", 3), ("G7", 4), ("G9", 5)), start=3):
        pay.hr.hire(f"E{n:03d}", grade=grade, step=step, on=day(3, 2))
    many = [pay.through("2026-04")]
    shown = get(client, service, PUBLIC, year=2026)
    paid = few + many
    cost = sum(totals(run.run.payslips).cost for run in paid)
    assert not shown["suppressed"] and shown["suppression"] is None
    assert (shown["months_paid"], shown["personnel_cost"]) == (2, cost)
    assert shown["pay"] + shown["employer_contributions"] == cost
    assert shown["average_headcount"] == "5.0"  # 3 in March, 7 in April
    assert shown["cost_per_head"] == cost * 2 // 10
    assert shown["budget"]["paid"] > 0 and shown["cost_to_budget_percent"] is not None
    assert not _numbers(shown) & _individual_amounts(paid)
    assert shown["name"] and json.dumps(shown, ensure_ascii=False).count("E00") == 0

    refused(client.get("/api/v1/public/orgs/6119999/personnel-cost", params={"year": 2026}), 404, "not-found")
    refused(client.get(PUBLIC, params={"year": "20x6"}), 422, "invalid-request")


# --- the run's commands: four eyes, states, refusals ---------------------------------------------------


def test_the_run_over_http_keeps_four_eyes_and_refuses_with_the_domains_codes(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    pay = Payroll(service.ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    officer = key_for("officer", f"payroll_officer@{ORG}")
    manager = key_for("manager", f"payroll_manager@{ORG}")
    both = key_for("both", f"payroll_officer@{ORG}", f"payroll_manager@{ORG}")
    run = f"{PAY}/runs/2026-03"
    on = {"accounting_date": "2026-03-16"}

    def post(path: str, key: dict[str, str], body: dict[str, Any] | None = None, **headers: str) -> Any:
        return client.post(path, json=body or on, headers={**key, **headers})

    opened = post(run, officer, **{"Idempotency-Key": "open-2026-03"})
    assert opened.status_code == 201, opened.text
    again = post(run, officer, **{"Idempotency-Key": "open-2026-03"})
    assert (again.status_code, again.headers.get("Idempotent-Replayed")) == (201, "true")
    assert again.json() == opened.json()
    refused(post(run, both), 409, "already-exists")
    # The officer may not approve (the role), nor may the manager open or calculate.
    refused(post(f"{run}/approval", officer), 403, "forbidden")
    refused(post(f"{run}/calculation", manager), 403, "forbidden")
    refused(post(f"{run}/posting", manager), 409, "payroll-run-state")

    calculated = post(f"{run}/calculation", both)
    assert calculated.status_code == 201, calculated.text
    # Four eyes: whoever calculated it may not approve it, whatever roles they hold.
    problem = refused(post(f"{run}/approval", both), 409, "same-preparer")
    assert problem["numbers"]["preparer"] == "both"
    # A stale If-Match is refused before any rule: the run is at the calculation's version.
    version = calculated.json()["version"]
    refused(
        post(f"{run}/rejection", manager, {**on, "reason": "확인"}, **{"If-Match": '"1"'}),
        412,
        "version-conflict",
    )
    rejected = post(
        f"{run}/rejection", manager, {**on, "reason": "시간외근무 누락"}, **{"If-Match": f'"{version}"'}
    )
    assert rejected.status_code == 201, rejected.text
    seen = get(client, service, run, manager)
    assert (seen["status"], seen["rejection_reason"], seen["rejected_by"]) == (
        "open",
        "시간외근무 누락",
        "manager",
    )
    refused(post(f"{run}/approval", manager), 409, "payroll-run-state")

    recalculated = post(f"{run}/calculation", officer)
    assert recalculated.status_code == 201
    seen = client.get(run, headers=manager, params=head(service))
    assert seen.headers["ETag"] == f'"{recalculated.json()["version"]}"'
    assert (seen.json()["preparer"], seen.json()["calculation"]) == ("officer", 2)
    assert post(f"{run}/approval", manager).status_code == 201
    for step in ("posting", "payment", "remittance"):
        assert post(f"{run}/{step}", manager, {"accounting_date": "2026-03-20"}).status_code == 201, step
    refused(post(f"{run}/calculation", officer), 409, "payroll-run-state")
    done = get(client, service, run, manager)
    assert (done["status"], done["approver"], done["payslips"]) == ("remitted", "manager", 1)
    assert done["gross"] == pay.view("2026-03").slip(kim).gross

    # Malformed input: a month that is none, a body field of the wrong type, a table not in form.
    refused(post(f"{PAY}/runs/2026-13", officer), 422, "invalid-request")
    refused(
        post(f"{PAY}/runs/2026-04/calculation", officer, {"accounting_date": 20260416}),
        422,
        "invalid-request",
    )
    table = {**on, "kind": "allowances", "file_name": "allowances.csv", "content": "code\nMEAL\n"}
    refused(post(f"{PAY}/tables", manager, table), 422, "malformed-table")
    refused(post(f"{PAY}/tables", officer, table), 403, "forbidden")
    profile = {**on, "employee_number": "E001", "effective_month": "2026-04", "family": 3, "children": 1}
    assert post(f"{PAY}/profiles", officer, profile).status_code == 201
    refused(post(f"{PAY}/profiles", officer, {**profile, "employee_number": "E404"}), 404, "not-found")
    refused(post(f"{PAY}/profiles", manager, profile), 403, "forbidden")
    settings = {**on, "lines": {line.value: str(line_id) for line, line_id in pay.lines.items()}}
    assert post(f"{PAY}/settings", manager, settings).status_code == 201


def test_an_employee_prints_their_own_payslip_as_pdf_and_reads_it_as_a_page(
    client: TestClient, service: Service, key_for: KeyMaker, tmp_path: Any
) -> None:
    pay = Payroll(service.ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)
    pay.hr.hire("E002", grade="G8", step=2)
    march = pay.through("2026-03")
    pay.month("2026-04")  # approved, not paid
    link(pay, kim, "kim")
    me = key_for("kim", f"employee@{ORG}")
    slip = march.slip(kim)

    page = get(client, service, f"{PAY}/me/payslips/2026-03/html", me)
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "private, no-store"
    assert "2026년 3월 급여명세서" in page.text and "정액급식비" in page.text
    assert f"{slip.gross:,}" in page.text and f"{slip.net:,}원" in page.text
    assert "<script" not in page.text

    pdf = get(client, service, f"{PAY}/me/payslips/2026-03/pdf", me)
    assert pdf.headers["content-type"] == "application/pdf"
    assert "payslip-6110001-E001-2026-03-regular.pdf" in pdf.headers["content-disposition"]
    path = tmp_path / "payslip.pdf"
    path.write_bytes(pdf.content)
    text = text_of(path)
    assert f"실지급액 {slip.net:,}원" in text and f"{slip.gross:,}원" in text
    # Not paid yet, or someone else's: nothing to print.
    refused(client.get(f"{PAY}/me/payslips/2026-04/pdf", headers=me), 404, "not-found")
    officer = key_for("officer", f"payroll_officer@{ORG}")
    refused(client.get(f"{PAY}/me/payslips/2026-03/pdf", headers=officer), 403, "forbidden")


# --- every read, every role, every scope ------------------------------------------------------------------


@dataclass(frozen=True)
class Read:
    name: str
    path: str  # the template under /api/v1/orgs/{org}/payroll, as the document has it
    roles: frozenset[Role]
    query: tuple[tuple[str, str], ...] = ()
    own: bool = False  # self-service: the caller's own record (none linked here: 404)


SELF = frozenset({Role.EMPLOYEE})
READS = (
    Read("runs", "/runs", PAYROLL_TOTALS_READERS, (("year", "2026"),)),
    Read("run", "/runs/{month}", PAYROLL_TOTALS_READERS),
    Read("register", "/runs/{month}/register", PAYROLL_READERS),
    Read("register csv", "/runs/{month}/register.csv", PAYROLL_READERS),
    Read("payslips", "/employees/{employee_id}/payslips", PAYROLL_READERS),
    Read("payslip", "/employees/{employee_id}/payslips/{run_month}", PAYROLL_READERS),
    Read("withholdings", "/withholdings", PAYROLL_TOTALS_READERS, (("as_of", "2026-03-31"),)),
    Read("tables", "/tables", PAYROLL_TOTALS_READERS),
    Read("my payslips", "/me/payslips", SELF, own=True),
    Read("my payslip", "/me/payslips/{run_month}", SELF, own=True),
    Read("my payslip pdf", "/me/payslips/{run_month}/pdf", SELF, own=True),
    Read("my payslip page", "/me/payslips/{run_month}/html", SELF, own=True),
)


@pytest.mark.slow
def test_every_payroll_read_answers_exactly_the_roles_of_its_organisation(
    client: TestClient, service: Service, key_for: KeyMaker
) -> None:
    pay = Payroll(service.ledger).ready()
    employee = pay.hr.hire("E001", grade="G9", step=1)
    pay.through("2026-03")
    position = head(service)
    wrong = []
    for role in Role:
        for scope in (ORG, OTHER, ALL_ORGS):
            key = key_for(f"r-{role.value}-{scope.replace('*', 'all')}", f"{role.value}@{scope}")
            for read in READS:
                url = PAY + read.path.format(employee_id=employee, month="2026-03", run_month="2026-03")
                status = client.get(url, headers=key, params={**position, **dict(read.query)}).status_code
                may = role in read.roles and scope in (ORG, ALL_ORGS)
                expected = (404 if read.own else 200) if may else 403
                if status != expected:
                    wrong.append((read.name, role.value, scope, status))
    assert wrong == []
    # The public reads need no key.
    assert client.get(PUBLIC, params={"year": "2026", **position}).status_code == 200


def test_the_matrix_covers_every_payroll_read(client: TestClient) -> None:
    """A new payroll read must join the matrix above (commands are in tests/api/test_roles.py)."""
    paths = {
        path
        for path, methods in client.get("/openapi.json").json()["paths"].items()
        if path.startswith("/api/v1/orgs/{org}/payroll") and "get" in methods
    }
    listed = {"/api/v1/orgs/{org}/payroll" + read.path for read in READS}
    assert paths == listed


def test_payslip_dates_are_accounting_dates(client: TestClient, service: Service, key_for: KeyMaker) -> None:
    """The run's steps read back with the accounting dates they were recorded on."""
    pay = Payroll(service.ledger).ready()
    pay.hr.hire("E001", grade="G9", step=1)
    pay.through("2026-03")
    row = get(client, service, f"{PAY}/runs/2026-03", key_for("m", f"payroll_manager@{ORG}"))
    assert row["opened_on"] == row["approved_on"] == row["posted_on"] == str(date(2026, 3, 20))
    assert row["approver"] == MANAGER and row["tables"]["pay_scale"] == 1


def test_who_calculates_a_run_is_not_who_approves_it() -> None:
    """Four eyes in the roles as well as in the domain: the officer prepares, the manager decides."""
    prepares = COMMAND_ROLES[payroll.OpenPayrollRun] | COMMAND_ROLES[payroll.CalculatePayrollRun]
    decides = (
        payroll.ApprovePayrollRun,
        payroll.RejectPayrollRun,
        payroll.PostPayrollRun,
        payroll.PayPayrollRun,
        payroll.RemitPayrollWithholdings,
    )
    assert prepares == {Role.PAYROLL_OFFICER}
    assert all(COMMAND_ROLES[command] == {Role.PAYROLL_MANAGER} for command in decides)
