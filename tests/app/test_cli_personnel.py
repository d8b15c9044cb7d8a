"""``cleanledger personnel`` on both backends, with the real personal-data vault: headcount,
vacancies and the chart as tables, employees and one record masked, the yearly step increase
drafted for those due only, approval by order number (four eyes kept), certificates written and
checked, and erasure after retention. No output ever holds the resident registration number."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from api.certificate_pdf import CertificateFontMissing, find_certificate_font
from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.terminal import width
from cleanledger.wiring import build_ledger
from commands.ledger import Ledger
from commands.messages.personnel import DefineGrade, HireEmployee
from commands.personal_data.keyring import MasterKeyring
from domain.personnel.actions import ActionKind, RetirementKind
from domain.personnel.org_chart import LeaveKind
from tests.app.personnel_helpers import CLERK, MANAGER, ORG, RRN, Personnel, day, personal
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

STEP_DAY = "2027-01-01"
STEP_ORDER = "2027-0001"
HIRE_ORDER = "2026-0900"


@pytest.fixture(params=["sqlite", "postgres"])
def settings(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    """A fresh store and read side, and a master key of the test's own (the CLI's vault)."""
    monkeypatch.chdir(tmp_path)
    key_file = tmp_path / "master.key"
    MasterKeyring.generate().save(key_file)
    monkeypatch.setenv("CLEANLEDGER_MASTER_KEY", str(key_file))
    if request.param == "sqlite":
        monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
        yield Settings()
        return
    require_postgres()
    schema, read = PostgresSchema(), PostgresSchema()
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"{POSTGRES_URL}?schema={schema.name}")
    monkeypatch.setenv("CLEANLEDGER_READ_SCHEMA", read.name)
    try:
        yield Settings()
    finally:
        schema.drop()
        read.drop()


@dataclass
class Office:
    """Who is there (helpers' chart: HQ 본부 over FIN 재무과 정원 10, HR 총무과 10, IT 정보화담당관 2):
    E001 FIN 9급 step 1 and E003 HR 8급 step 2 (due a step increase on 2027-01-01), E002 FIN at
    the top step, E004 IT on unpaid leave, E005 retired in 2026, E006 (at the top step) retired in 2018."""

    settings: Settings
    ids: dict[str, UUID]

    def ledger(self) -> Ledger:
        return build_ledger(self.settings)

    def head(self) -> int:
        ledger = self.ledger()
        try:
            return ledger.recorder.max_notification_id() or 0
        finally:
            ledger.close()


@pytest.fixture
def office(settings: Settings) -> Office:
    ledger = build_ledger(settings)
    try:
        vault = ledger.personal_data
        assert vault is not None
        hr = Personnel(ledger).ready()
        ledger.personal_data = vault  # the helpers' fake sealer out: the CLI unseals what is hired here
        ids = {
            "E001": hr.hire("E001", data=personal("홍길동")),
            "E002": hr.hire("E002", step=5, data=personal("김철수")),
            "E003": hr.hire("E003", department="HR", grade="G8", step=2, data=personal("이영희")),
            "E004": hr.hire("E004", department="IT", data=personal("박민수")),
            "E005": hr.hire("E005", department="IT", data=personal("최지우")),
        }
        hr.act(
            ids["E004"],
            ActionKind.LEAVE,
            on=day(10, 1),
            leave_kind=LeaveKind.UNPAID,
            expected_end=day(9, 30, 2027),
        )
        hr.act(ids["E005"], ActionKind.RETIREMENT, on=day(11, 1), retirement_kind=RetirementKind.VOLUNTARY)
        # Someone retired long enough ago for the retention period (5 years) to have run.
        old = date(2015, 1, 1)
        hr.department("OLD", "옛 사업단", parent=None, on=old)
        hr.run(DefineGrade, on=old, code="X9", name="9급", rank=1, band="일반직", max_step=5)
        ids["E006"] = hr.hire(
            "E006", department="OLD", grade="X9", step=5, on=date(2015, 3, 2), data=personal("정하나")
        )
        hr.act(ids["E006"], ActionKind.RETIREMENT, on=date(2019, 1, 1), retirement_kind=RetirementKind.AGE)
        hr.abolish("OLD", on=date(2019, 1, 1))
    finally:
        ledger.close()
    return Office(settings, ids)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``cleanledger personnel …``: its exit code, stdout and stderr, checked for the RRN."""
    code = main(["personnel", *argv])
    out, err = capsys.readouterr()
    assert RRN not in out and RRN not in err
    return code, out, err


def rows(out: str) -> list[list[str]]:
    """The printed lines split into their cells (no cell here holds a space but names)."""
    return [line.split() for line in out.splitlines()]


def test_headcount_vacancies_and_the_chart_print_aligned_tables_with_korean_names(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "headcount", "--org", ORG, "--as-of", "2026-12-31", "--by", "department")
    assert code == 0
    table = rows(out)
    assert ["FIN", "재무과", "2"] in table and ["HR", "총무과", "1"] in table
    assert ["IT", "정보화담당관", "1"] in table  # on leave counts
    assert ["합계", "total", "4"] in table
    # aligned by display width (Hangul takes two columns), the counts to the right
    lines = out.splitlines()
    assert lines[2].startswith("----------")
    assert len({width(line) for line in lines[1:]}) == 1

    assert run(capsys, "headcount", "--org", ORG, "--as-of", "2018-06-30")[1].splitlines()[-1].split() == [
        ORG,
        "합계",
        "total",
        "1",
    ]
    code, out, _ = run(capsys, "headcount", "--org", ORG, "--as-of", "2026-12-31", "--by", "grade", "--json")
    assert json.loads(out) == [
        {"key": "G8", "name": "8급", "headcount": 1},
        {"key": "G9", "name": "9급", "headcount": 3},
    ]

    code, out, _ = run(capsys, "vacancies", "--org", ORG, "--as-of", "2026-12-31")
    table = rows(out)
    assert ["FIN", "재무과", "10", "2", "8"] in table
    assert ["IT", "정보화담당관", "2", "1", "1"] in table
    assert ["HQ", "본부", "-", "0", "-"] in table  # no 정원: not limited, and so is the whole
    assert ["합계", "total", "-", "4", "-"] in table
    assert not any(row[:1] == ["OLD"] for row in table)  # abolished and empty by then

    code, out, _ = run(capsys, "chart", "--org", ORG, "--as-of", "2026-12-31")
    assert code == 0
    assert "HQ          본부" in out or ["HQ", "본부", "-", "0", "active"] in rows(out)
    assert any(line.startswith("FIN") and "  재무과" in line for line in out.splitlines())  # indented
    assert ["FIN", "재무과", "10", "2", "active"] in rows(out)
    code, out, _ = run(capsys, "chart", "--org", ORG, "--as-of", "2018-06-30", "--json")
    assert [(d["code"], d["headcount"]) for d in json.loads(out)] == [("OLD", 1)]


def test_the_public_headcount_suppresses_small_cells(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "headcount", "--org", ORG, "--as-of", "2026-12-31", "--public", "--json")
    assert code == 0
    found = json.loads(out)
    assert {d["code"]: d["own"] for d in found["departments"]}["FIN"] == {
        "headcount": None,
        "suppressed": True,
    }
    assert all(d["own"]["suppressed"] for d in found["departments"])  # 0, 2, 1 and 1 people
    code, out, _ = run(capsys, "headcount", "--org", ORG, "--as-of", "2026-12-31", "--public")
    assert ["FIN", "재무과", "*", "*", "10", "*"] in rows(out)
    assert "* suppressed" in out
    with pytest.raises(SystemExit) as usage:  # the public table is by department and band already
        main(["personnel", "headcount", "--org", ORG, "--public", "--by", "band"])
    assert usage.value.code == 2
    assert "argument --by: not allowed with argument --public" in capsys.readouterr().err


def test_employees_and_one_record_show_personal_data_masked(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "employees", "--org", ORG)
    assert code == 0
    table = rows(out)
    assert table[2][:6] == ["E001", "홍*동", "재직", "FIN", "G9", "1"]
    assert ["E004", "박*수", "휴직", "IT", "G9", "1", "-", "2026-02-02", "-", "0"] in table
    assert out.splitlines()[-1] == "6 employees"
    assert "홍길동" not in out and "박민수" not in out
    code, out, _ = run(
        capsys, "employees", "--org", ORG, "--department", "IT", "--status", "retired", "--json"
    )
    assert [(e["employee_number"], e["name"]) for e in json.loads(out)] == [("E005", "최*우")]

    before = office.head()
    code, out, _ = run(capsys, "show", "--org", ORG, "E004", "--as-of", "2026-12-31")
    assert code == 0
    table = rows(out)
    assert ["status", "on_leave", "휴직"] in table and ["department", "IT", "정보화담당관"] in table
    assert ["rrn", "(masked)", "900101-1******"] in table and ["name", "(masked)", "박*수"] in table
    code, out, _ = run(capsys, "show", "--org", ORG, "E004", "--as-of", "2026-09-30", "--json")
    record = json.loads(out)
    assert record["record"]["status"] == "employed 재직" and record["personal"]["name"] == "박*수"
    assert record["known_at_position"] is None

    # as known at a moment: a return approved later is not known then
    ledger = office.ledger()
    try:
        vault = ledger.personal_data
        hr = Personnel(ledger)
        ledger.personal_data = vault
        hr.act(office.ids["E004"], ActionKind.RETURN, on=day(12, 1))
    finally:
        ledger.close()
    now = json.loads(run(capsys, "show", "--org", ORG, "E004", "--as-of", "2026-12-31", "--json")[1])
    then = json.loads(
        run(
            capsys, "show", "--org", ORG, "E004", "--as-of", "2026-12-31", "--known-at", str(before), "--json"
        )[1]
    )
    assert (now["record"]["status"], then["record"]["status"]) == ("employed 재직", "on_leave 휴직")
    assert then["known_at_position"] == before and then["version"] < now["version"]

    code, out, _ = run(capsys, "show", "--org", ORG, "E001", "--as-of", "2026-01-31")
    assert code == 0 and "not hired (or not approved) by then" in out
    code, _, err = run(capsys, "show", "--org", ORG, "E999")
    assert code == 1 and err.strip().endswith(
        f"cleanledger personnel: not-found: no employee E999 in organisation {ORG}"
    )
    code, _, err = run(capsys, "show", "--org", ORG, "E001", "--known-at", "99999999")
    assert code == 1 and "cleanledger personnel: known-at-in-future: " in err


def test_the_yearly_step_increase_drafts_for_those_due_and_approval_by_order_keeps_four_eyes(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["personnel", "step-increases", "--org", ORG, "--date", STEP_DAY, "--order", STEP_ORDER])
    assert usage.value.code == 2
    assert "the following arguments are required: --as" in capsys.readouterr().err  # writes name who acts
    code, out, _ = run(
        capsys, "step-increases", "--org", ORG, "--date", STEP_DAY, "--order", STEP_ORDER, "--as", CLERK
    )
    assert code == 0
    # in service on the day: E001 to E004; due: E001 and E003 (E002 at the top, E004 on unpaid leave)
    assert f"order {STEP_ORDER}, effective {STEP_DAY}: 2 drafted, 2 skipped (not due)" in out
    code, out, _ = run(capsys, "employees", "--org", ORG)
    pending = {row[0]: row[-1] for row in rows(out)[2:-1]}
    assert pending == {"E001": "1", "E002": "0", "E003": "1", "E004": "0", "E005": "0", "E006": "0"}
    # a re-run drafts nobody twice
    code, out, _ = run(
        capsys, "step-increases", "--org", ORG, "--date", STEP_DAY, "--order", STEP_ORDER, "--as", CLERK
    )
    assert code == 0 and "0 drafted, 2 skipped (not due), 2 drafted under this order before" in out
    # nobody in service that day is due (E006 was at the top step): the domain's refusal
    code, _, err = run(
        capsys, "step-increases", "--org", ORG, "--date", "2018-06-30", "--order", "X1", "--as", CLERK
    )
    assert code == 1 and "cleanledger personnel: action-not-allowed: no employee named is due" in err

    code, _, err = run(capsys, "approve", "--org", ORG, "--order", STEP_ORDER, "--as", CLERK)
    assert code == 1
    assert err.splitlines()[-1].startswith(
        f"cleanledger personnel: approver-drafted-it: {CLERK} drafted 2 of the 2"
    )
    known = office.head()
    code, out, _ = run(capsys, "approve", "--org", ORG, "--order", STEP_ORDER, "--as", MANAGER)
    assert code == 0 and f"결재 order {STEP_ORDER} of {ORG}: 2 actions of 2 employees approved" in out
    code, _, err = run(capsys, "approve", "--org", ORG, "--order", STEP_ORDER, "--as", MANAGER)
    assert code == 1 and "cleanledger personnel: not-found: no action" in err

    show = ["show", "--org", ORG, "E001", "--as-of", STEP_DAY, "--json"]
    assert json.loads(run(capsys, *show)[1])["record"]["step"] == 2
    assert json.loads(run(capsys, *show, "--known-at", str(known))[1])["record"]["step"] == 1
    assert (
        json.loads(run(capsys, "show", "--org", ORG, "E002", "--as-of", STEP_DAY, "--json")[1])["record"][
            "step"
        ]
        == 5
    )


def test_approving_an_order_of_hires_changes_the_headcount(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = office.ledger()
    try:
        vault = ledger.personal_data
        hr = Personnel(ledger)
        ledger.personal_data = vault
        for number, name in (("E101", "강다은"), ("E102", "윤서준")):
            hr.ledger.handle(
                hr.command(
                    HireEmployee,
                    on=day(12, 1),
                    employee_number=number,
                    personal=personal(name),
                    order_number=HIRE_ORDER,
                    department="HR",
                    grade="G9",
                    step=1,
                )
            )
    finally:
        ledger.close()
    headcount = ["headcount", "--org", ORG, "--as-of", "2026-12-31", "--by", "department"]
    assert ["HR", "총무과", "1"] in rows(run(capsys, *headcount)[1])

    code, _, err = run(capsys, "approve", "--org", ORG, "--order", HIRE_ORDER, "--as", CLERK)
    assert code == 1 and "cleanledger personnel: approver-drafted-it: " in err
    assert ["HR", "총무과", "1"] in rows(run(capsys, *headcount)[1])

    code, out, _ = run(capsys, "approve", "--org", ORG, "--order", HIRE_ORDER, "--as", MANAGER)
    assert code == 0 and "2 actions of 2 employees approved" in out
    table = rows(run(capsys, *headcount)[1])
    assert ["HR", "총무과", "3"] in table and ["합계", "total", "6"] in table
    assert ["HR", "총무과", "10", "3", "7"] in rows(
        run(capsys, "vacancies", "--org", ORG, "--as-of", "2026-12-31")[1]
    )
    assert ["HR", "총무과", "10", "1", "9"] in rows(
        run(capsys, "vacancies", "--org", ORG, "--as-of", "2026-11-30")[1]
    )


def test_a_certificate_is_written_as_pdf_and_checked_with_the_name_masked(
    office: Office, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    try:
        find_certificate_font()
    except CertificateFontMissing as missing:
        pytest.skip(str(missing))
    out_file = tmp_path / "E001.pdf"
    code, out, _ = run(
        capsys,
        "certificate",
        "--org",
        ORG,
        "E001",
        "--kind",
        "employment",
        "--purpose",
        "금융기관 제출용",
        "--as-of",
        "2026-12-01",
        "--as",
        CLERK,
        "--out",
        str(out_file),
    )
    assert code == 0
    assert out_file.read_bytes().startswith(b"%PDF")
    number = out.splitlines()[-1].split()[-1]
    assert out.splitlines()[-1] == f"진위확인번호 verification number: {number}" and len(number) == 19

    code, out, _ = run(capsys, "check-certificate", number.lower())
    assert code == 0
    table = rows(out)
    assert ["name", "홍*동"] in table and ["employee_number", "E001"] in table
    assert ["department", "재무과"] in table and ["purpose", "금융기관", "제출용"] in table
    assert "홍길동" not in out
    checked = json.loads(run(capsys, "check-certificate", number, "--json")[1])
    assert (checked["kind"], checked["name"], checked["hired_on"]) == ("employment", "홍*동", "2026-02-02")

    broken = number[:-1] + ("0" if number[-1] != "0" else "1")
    code, _, err = run(capsys, "check-certificate", broken)
    assert code == 1 and "cleanledger personnel: malformed-verification-number: " in err
    # a retired employee gets a career certificate, not one of employment (the domain's refusal)
    code, _, err = run(
        capsys, "certificate", "--org", ORG, "E005", "--kind", "employment", "--purpose", "제출용",
        "--as", CLERK, "--out", str(tmp_path / "E005.pdf"),
    )  # fmt: skip
    assert code == 1 and "cleanledger personnel: action-not-allowed: " in err
    assert not (tmp_path / "E005.pdf").exists()


def test_erasure_shreds_the_personal_data_after_retention_only(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "erase", "--org", ORG, "E005", "--reason", "보존기간 경과", "--as", MANAGER)
    assert code == 1 and "cleanledger personnel: action-not-allowed: the retention period runs until" in err
    code, _, err = run(capsys, "erase", "--org", ORG, "E001", "--reason", "보존기간 경과", "--as", MANAGER)
    assert code == 1 and "cleanledger personnel: action-not-allowed: " in err

    code, out, _ = run(capsys, "erase", "--org", ORG, "E006", "--reason", "보존기간 경과", "--as", MANAGER)
    assert code == 0 and "E006 of 6110001: personal data erased (파기)" in out
    record = json.loads(run(capsys, "show", "--org", ORG, "E006", "--as-of", "2018-06-30", "--json")[1])
    assert record["erased"] is True and record["personal"] is None
    assert record["record"]["department"] == "OLD 옛 사업단"  # the record stays; only the person goes
    listed = json.loads(run(capsys, "employees", "--org", ORG, "--status", "retired", "--json")[1])
    assert {e["employee_number"]: e["name"] for e in listed} == {"E005": "최*우", "E006": None}
    code, _, err = run(capsys, "erase", "--org", ORG, "E006", "--reason", "다시", "--as", MANAGER)
    assert code == 1 and "cleanledger personnel: invalid-state: " in err
