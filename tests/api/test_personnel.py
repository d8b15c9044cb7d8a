"""Personnel (인사) over HTTP, on both backends: the chart, a hire drafted and approved by two
people, the record masked and as of a date, an unmasked read recorded and listed, certificates
and their public check, self-service, and the public headcount with small cells suppressed."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.personnel.employee import Employee
from tests.api.conftest import KeyMaker
from tests.machine import require_korean_font, require_tool

ORG = "6110001"
OTHER = "6110002"
HR = f"/api/v1/orgs/{ORG}/personnel"
RRN = "900101-1234567"
PHONE = "010-2345-6789"
ACCOUNT = "110-234-567890"


def _post(client: TestClient, path: str, key: dict[str, str], body: dict[str, Any], status: int = 201) -> Any:
    answer = client.post(path, json=body, headers=key)
    assert answer.status_code == status, answer.text
    return answer.json()


class Office:
    """An institution with a small chart and the keys of its HR people."""

    def __init__(self, client: TestClient, key_for: KeyMaker, org: str = ORG) -> None:
        self.client = client
        self.org = org
        self.hr = f"/api/v1/orgs/{org}/personnel"
        admin = key_for(f"admin{org}", "admin@*")
        _post(
            client,
            f"/api/v1/orgs/{org}",
            admin,
            {"name": "서울연구원", "kind": "institution", "accounting_date": "2020-01-01"},
        )
        self.clerk = key_for(f"clerk{org}", f"hr_clerk@{org}")
        self.manager = key_for(f"manager{org}", f"hr_manager@{org}")
        self.auditor = key_for(f"auditor{org}", f"hr_auditor@{org}")
        day = {"effective_date": "2020-01-01"}
        _post(client, f"{self.hr}/departments", self.manager, {"code": "PLAN", "name": "기획조정실", **day})
        _post(
            client,
            f"{self.hr}/departments",
            self.manager,
            {"code": "HR", "name": "인사팀", "parent": "PLAN", **day},
        )
        _post(
            client,
            f"{self.hr}/departments",
            self.manager,
            {"code": "RES", "name": "연구팀", "parent": "PLAN", **day},
        )
        for code, rank in (("G3", 3), ("G4", 2), ("G5", 1)):
            _post(
                client,
                f"{self.hr}/grades",
                self.manager,
                {"code": code, "name": f"{code[1]}급", "rank": rank, "band": "3–5급", "max_step": 30, **day},
            )
        _post(
            client,
            f"{self.hr}/authorised-headcounts",
            self.manager,
            {"department": "RES", "headcount": 10, **day},
        )

    def hire(self, number: str, department: str = "RES", day: str = "2024-03-01", **personal: Any) -> str:
        body = {
            "employee_number": number,
            "order_number": "2024-0001",
            "effective_date": day,
            "department": department,
            "grade": "G5",
            "step": 3,
            "personal": {"name": "홍길동", "rrn": RRN, "phone": PHONE, "bank_account": ACCOUNT, **personal},
        }
        drafted = _post(self.client, f"{self.hr}/employees", self.clerk, body)
        self.approve_pending(drafted["aggregate_id"], drafted["position"])
        return str(drafted["aggregate_id"])

    def employee_id_for(self, number: str) -> str:
        return str(Employee.id_for(self.org, number))

    def approve_pending(self, employee_id: str, after: int) -> int:
        """Approve every drafted action of the employee (the read model caught up to ``after``)."""
        pending = self.client.get(
            f"{self.hr}/employees/{employee_id}/actions",
            headers=self.auditor,
            params={"limit": 100, "min_position": after},
        ).json()["items"]
        items = [
            {"employee_id": employee_id, "action_id": a["action_id"]}
            for a in pending
            if a["status"] == "drafted"
        ]
        answer = _post(
            self.client,
            f"{self.hr}/approvals",
            self.manager,
            {"items": items, "effective_date": "2024-03-01"},
        )
        return int(answer["position"])


@pytest.fixture
def office(client: TestClient, key_for: KeyMaker) -> Office:
    return Office(client, key_for)


def test_a_hire_takes_effect_once_someone_else_approves_it(client: TestClient, office: Office) -> None:
    body = {
        "employee_number": "E001",
        "order_number": "2024-0001",
        "effective_date": "2024-03-01",
        "department": "RES",
        "grade": "G5",
        "step": 3,
        "personal": {"name": "김철수", "rrn": RRN},
    }
    employee_id = _post(client, f"{HR}/employees", office.clerk, body)["aggregate_id"]
    record = client.get(
        f"{HR}/employees/{employee_id}", headers=office.auditor, params={"as_of": "2024-06-01"}
    )
    assert record.status_code == 200
    assert record.json()["record"] is None  # drafted, not in effect
    assert record.json()["pending_actions"] == 1
    actions = client.get(f"{HR}/actions", headers=office.manager, params={"status": "drafted"}).json()[
        "items"
    ]
    assert [a["kind"] for a in actions] == ["hire"]
    # The clerk cannot approve (no role); a manager who drafted nothing can.
    item = {"employee_id": employee_id, "action_id": actions[0]["action_id"]}
    refused = client.post(
        f"{HR}/approvals", json={"items": [item], "effective_date": "2024-03-01"}, headers=office.clerk
    )
    assert refused.status_code == 403
    _post(client, f"{HR}/approvals", office.manager, {"items": [item], "effective_date": "2024-03-01"})
    shown = client.get(
        f"{HR}/employees/{employee_id}", headers=office.auditor, params={"as_of": "2024-06-01"}
    ).json()
    assert shown["record"]["status"] == "employed"
    assert shown["record"]["department"] == "RES"
    assert shown["personal"]["rrn"] == "900101-1******"
    assert shown["personal"]["name"] == "김*수"
    before = client.get(
        f"{HR}/employees/{employee_id}", headers=office.auditor, params={"as_of": "2024-02-01"}
    ).json()
    assert before["record"] is None  # not hired yet on that day


def test_a_refused_action_says_why_with_the_rule_code(client: TestClient, office: Office) -> None:
    employee_id = office.hire("E002")
    answer = client.post(
        f"{HR}/employees/{employee_id}/actions",
        json={"kind": "return", "order_number": "2024-0002", "effective_date": "2024-05-01"},
        headers=office.clerk,
    )
    assert answer.status_code == 409
    assert answer.json()["type"] == "action-not-allowed"
    unknown = client.post(
        f"{HR}/employees/{employee_id}/actions",
        json={
            "kind": "promotion",
            "order_number": "2024-0002",
            "effective_date": "2024-05-01",
            "grade": "G1",
        },
        headers=office.clerk,
    )
    assert unknown.status_code == 422
    assert unknown.json()["type"] == "unknown-grade"


def test_personal_data_is_masked_and_an_unmasked_read_is_recorded_first(
    client: TestClient, office: Office
) -> None:
    employee_id = office.hire("E003")
    masked = client.get(f"{HR}/employees/{employee_id}", headers=office.clerk).json()
    assert RRN not in str(masked) and PHONE not in str(masked) and ACCOUNT not in str(masked)
    assert masked["personal"]["phone"] == "010-****-6789"
    # A clerk and an auditor may not read unmasked values.
    for key in (office.clerk, office.auditor):
        refused = client.post(
            f"{HR}/employees/{employee_id}/personal-data/reads",
            json={"reason": "급여 계좌 확인"},
            headers=key,
        )
        assert refused.status_code == 403
    read = _post(
        client,
        f"{HR}/employees/{employee_id}/personal-data/reads",
        office.manager,
        {"reason": "급여 계좌 확인"},
    )
    assert read["personal"]["rrn"] == RRN
    assert read["personal"]["bank_account"] == ACCOUNT
    log = client.get(
        f"{HR}/access-log", headers=office.auditor, params={"min_position": read["position"]}
    ).json()["items"]
    assert [(e["employee_id"], e["reader"], e["reason"]) for e in log] == [
        (employee_id, f"manager{ORG}", "급여 계좌 확인")
    ]


def test_the_employee_list_masks_names_and_pages(client: TestClient, office: Office) -> None:
    for number in ("E010", "E011", "E012"):
        office.hire(number, name="이영희")
    first = client.get(f"{HR}/employees", headers=office.auditor, params={"limit": 2}).json()
    assert [row["employee_number"] for row in first["items"]] == ["E010", "E011"]
    assert {row["name"] for row in first["items"]} == {"이*희"}
    rest = client.get(
        f"{HR}/employees", headers=office.auditor, params={"limit": 2, "cursor": first["next_cursor"]}
    )
    assert [row["employee_number"] for row in rest.json()["items"]] == ["E012"]
    assert rest.json()["next_cursor"] is None
    download = client.get(f"{HR}/employees.csv", headers=office.auditor)
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("사번 (employee_number),성명(마스킹) (name)")
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["E010", "이*희"],
        ["E011", "이*희"],
        ["E012", "이*희"],
    ]
    assert RRN not in download.text and "이영희" not in download.content.decode("utf-8-sig")


def test_a_backdated_correction_changes_as_of_and_not_known_at(client: TestClient, office: Office) -> None:
    employee_id = office.hire("E020")
    transfer = _post(
        client,
        f"{HR}/employees/{employee_id}/actions",
        office.clerk,
        {"kind": "transfer", "order_number": "2024-0100", "effective_date": "2024-07-01", "department": "HR"},
    )
    position = office.approve_pending(employee_id, transfer["position"])
    actions = client.get(
        f"{HR}/employees/{employee_id}/actions", headers=office.auditor, params={"min_position": position}
    ).json()["items"]
    transfer_id = next(a["action_id"] for a in actions if a["kind"] == "transfer")
    assert transfer["aggregate_id"] == employee_id
    # A correction moves the transfer back to 1 May.
    correction = _post(
        client,
        f"{HR}/employees/{employee_id}/actions",
        office.clerk,
        {
            "kind": "transfer",
            "order_number": "2024-0101",
            "effective_date": "2024-05-01",
            "department": "HR",
            "corrects": transfer_id,
        },
    )
    office.approve_pending(employee_id, correction["position"])
    diff = client.get(
        f"{HR}/employees/{employee_id}/diff",
        headers=office.auditor,
        params={"as_of": "2024-06-01", "known_at": str(position), "to_as_of": "2024-06-01"},
    ).json()
    assert [(c["field"], c["before"], c["after"]) for c in diff["changes"]] == [("department", "RES", "HR")]
    then = client.get(
        f"{HR}/employees/{employee_id}",
        headers=office.auditor,
        params={"as_of": "2024-06-01", "known_at": str(position)},
    ).json()
    assert then["record"]["department"] == "RES"


def test_a_certificate_is_issued_printed_and_checked_in_public(client: TestClient, office: Office) -> None:
    require_korean_font()
    employee_id = office.hire("E030", name="박민수")
    issued = _post(
        client,
        f"{HR}/employees/{employee_id}/certificates",
        office.clerk,
        {"kind": "employment", "purpose": "금융기관 제출용", "effective_date": "2024-09-01"},
    )
    certificate = client.get(f"{HR}/certificates/{issued['aggregate_id']}", headers=office.auditor).json()
    number = certificate["number"]
    check = client.get(f"/api/v1/public/certificates/{number}")
    assert check.status_code == 200
    assert check.json()["name"] == "박*수"
    assert check.json()["department"] == "연구팀"
    assert RRN not in check.text
    pdf = client.get(f"{HR}/certificates/{issued['aggregate_id']}.pdf", headers=office.clerk)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    text = subprocess.run(
        [require_tool("pdftotext"), "-", "-"], input=pdf.content, capture_output=True, check=True
    ).stdout.decode()
    assert "재직증명서" in text and "박민수" in text and number in text
    # A number with a wrong check character is refused before any lookup; a well-formed unknown
    # one is not found.
    forged = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert client.get(f"/api/v1/public/certificates/{forged}").status_code == 422
    page = client.get("/certificates", params={"number": number.lower().replace("-", " ")})
    assert page.status_code == 200
    assert "박*수" in page.text and "연구팀" in page.text and "재직증명서" in page.text
    assert "박민수" not in page.text and RRN not in page.text
    assert client.get("/certificates", params={"number": forged}).status_code == 422
    assert "Check a certificate" in client.get("/certificates", params={"lang": "en"}).text
    assert client.get(f"/api/v1/public/certificates/{'0' * 15}").status_code == 422


def test_self_service_reads_only_its_own_record(
    client: TestClient, office: Office, key_for: KeyMaker
) -> None:
    mine = office.hire("E040", name="최지우")
    other = office.hire("E041", name="정하늘")
    linked = _post(
        client,
        f"{HR}/employees/{mine}/account",
        office.manager,
        {"username": "jiwoo", "effective_date": "2024-03-02"},
    )
    me = key_for("jiwoo", f"employee@{ORG}")
    # Who "me" is comes from the read model: read it once the link is projected.
    record = client.get(
        f"{HR}/me", headers=me, params={"as_of": "2024-06-01", "min_position": linked["position"]}
    )
    assert record.status_code == 200
    assert record.json()["employee_id"] == mine
    assert record.json()["personal"]["name"] == "최지우"  # their own, in full
    # Nothing of anyone else's: not the list, not another record, not the access log.
    assert client.get(f"{HR}/employees", headers=me).status_code == 403
    assert client.get(f"{HR}/employees/{other}", headers=me).status_code == 403
    assert client.get(f"{HR}/access-log", headers=me).status_code == 403
    issued = _post(client, f"{HR}/me/certificates", me, {"kind": "employment", "purpose": "제출용"})
    pdf = client.get(f"{HR}/me/certificates/{issued['certificate_id']}.pdf", headers=me)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    theirs = _post(
        client,
        f"{HR}/employees/{other}/certificates",
        office.clerk,
        {"kind": "employment", "purpose": "제출용", "effective_date": "2024-09-01"},
    )
    assert client.get(f"{HR}/me/certificates/{theirs['aggregate_id']}.pdf", headers=me).status_code == 404


def test_the_public_sees_headcount_with_small_cells_suppressed(client: TestClient, office: Office) -> None:
    for number in ("E050", "E051", "E052", "E053"):
        office.hire(number, department="RES")
    last = office.hire("E054", department="HR")
    del last
    answer = client.get(f"/api/v1/public/orgs/{ORG}/personnel/headcount", params={"as_of": "2024-06-01"})
    assert answer.status_code == 200
    text = answer.text
    assert "홍" not in text and "E05" not in text  # no names, no employee numbers
    assert RRN not in text


def test_another_organisations_hr_reads_nothing_here(
    client: TestClient, office: Office, key_for: KeyMaker
) -> None:
    employee_id = office.hire("E060")
    stranger = key_for("stranger", f"hr_manager@{OTHER}")
    assert client.get(f"{HR}/employees/{employee_id}", headers=stranger).status_code == 403
    # With roles there too, the path's organisation decides: the record is not found under theirs.
    assert (
        client.get(f"/api/v1/orgs/{OTHER}/personnel/employees/{employee_id}", headers=stranger).status_code
        == 404
    )
    reads = client.post(
        f"/api/v1/orgs/{OTHER}/personnel/employees/{employee_id}/personal-data/reads",
        json={"reason": "조회"},
        headers=stranger,
    )
    assert reads.status_code == 404


def test_attendance_is_recorded_and_summed_for_payroll(client: TestClient, office: Office) -> None:
    employee_id = office.hire("E070")
    days = f"{HR}/employees/{employee_id}/attendance"
    _post(
        client, days, office.clerk, {"effective_date": "2024-05-02", "kind": "annual_leave", "leave_days": 1}
    )
    _post(
        client,
        days,
        office.clerk,
        {"effective_date": "2024-05-03", "kind": "overtime", "overtime_minutes": 150, "night_minutes": 60},
    )
    # 1 day arose on 1 April and 1 on 1 May (one per month of full attendance): a third is refused.
    _post(
        client, days, office.clerk, {"effective_date": "2024-05-07", "kind": "annual_leave", "leave_days": 1}
    )
    refused = client.post(
        days,
        json={"effective_date": "2024-05-09", "kind": "annual_leave", "leave_days": 1},
        headers=office.clerk,
    )
    assert refused.status_code == 409, refused.text
    assert refused.json()["type"] == "leave-exceeds-balance"
    last = _post(client, days, office.clerk, {"effective_date": "2024-05-08", "kind": "absence"})
    listed = client.get(
        days, headers=office.auditor, params={"year": 2024, "min_position": last["position"]}
    ).json()
    assert [(d["day"], d["kind"]) for d in listed["items"]] == [
        ("2024-05-02", "annual_leave"),
        ("2024-05-03", "overtime"),
        ("2024-05-07", "annual_leave"),
        ("2024-05-08", "absence"),
    ]
    summary = client.get(
        f"{HR}/attendance/summary", headers=office.auditor, params={"year": 2024, "month": 5}
    ).json()
    assert [
        (r["employee_number"], float(r["annual_leave_days"]), float(r["absence_days"]), r["overtime_minutes"])
        for r in summary
    ] == [("E070", 2.0, 1.0, 150)]
    assert summary[0]["night_minutes"] == 60
    csv = client.get(
        f"{HR}/attendance/summary.csv", headers=office.auditor, params={"year": 2024, "month": 5}
    )
    assert csv.status_code == 200
    assert "연장근로(분)" in csv.content.decode("utf-8-sig") and ",150," in csv.content.decode("utf-8-sig")
    leave = client.get(
        f"{HR}/employees/{employee_id}/leave", headers=office.auditor, params={"on": "2024-05-31"}
    )
    assert leave.status_code == 200
    assert (leave.json()["entitled"], leave.json()["taken"], leave.json()["balance"]) == (
        "2.000",
        "2.000",
        "0.000",
    )


def test_a_server_without_a_korean_font_says_so_rather_than_failing(
    client: TestClient, office: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    employee_id = office.hire("E080")
    issued = _post(
        client,
        f"{HR}/employees/{employee_id}/certificates",
        office.clerk,
        {"kind": "employment", "purpose": "제출용", "effective_date": "2024-09-01"},
    )
    monkeypatch.setenv("CLEANLEDGER_CERTIFICATE_FONT", str(tmp_path / "no-such-font.ttf"))
    answer = client.get(f"{HR}/certificates/{issued['aggregate_id']}.pdf", headers=office.clerk)
    assert answer.status_code == 503
    assert answer.json()["type"] == "certificate-font-missing"
    assert "CLEANLEDGER_CERTIFICATE_FONT" in answer.json()["detail"]


def test_the_portal_shows_headcount_by_department_with_small_cells_hidden(
    client: TestClient, office: Office
) -> None:
    for number in ("E090", "E091", "E092", "E093"):
        office.hire(number, department="RES")
    office.hire("E094", department="HR")
    public = client.get(
        f"/api/v1/public/orgs/{ORG}/personnel/headcount", params={"as_of": "2024-06-01"}
    ).json()
    rows = {d["code"]: d for d in public["departments"]}
    assert rows["RES"]["own"] == {"headcount": 4, "suppressed": False}
    assert rows["HR"]["own"] == {"headcount": None, "suppressed": True}  # one person: never shown
    assert rows["RES"]["authorised"] == 10 and rows["RES"]["vacancy"] == {"vacancy": 6, "suppressed": False}
    page = client.get(f"/orgs/{ORG}/personnel", params={"as_of": "2024-06-01"})
    assert page.status_code == 200
    html = page.text
    assert "연구팀" in html and "인사팀" in html and "정원" in html
    assert "홍길동" not in html and "홍*동" not in html and "E09" not in html
    english = client.get(f"/orgs/{ORG}/personnel", params={"as_of": "2024-06-01", "lang": "en"}).text
    assert "Authorised" in english and "Vacancies" in english


def test_a_malformed_resident_number_is_refused_without_being_echoed(
    client: TestClient, office: Office
) -> None:
    body = {
        "employee_number": "E099",
        "order_number": "2024-0001",
        "effective_date": "2024-03-01",
        "department": "RES",
        "grade": "G5",
        "step": 1,
        "personal": {"name": "홍길동", "rrn": "9001011234567"},  # no hyphen
    }
    answer = client.post(f"{HR}/employees", json=body, headers=office.clerk)
    assert answer.status_code == 422
    assert answer.json()["type"] == "invalid-input" and answer.json()["numbers"] == {"field": "rrn"}
    assert "9001011234567" not in answer.text
    assert (
        client.get(f"{HR}/employees/{office.employee_id_for('E099')}", headers=office.auditor).status_code
        == 404
    )
