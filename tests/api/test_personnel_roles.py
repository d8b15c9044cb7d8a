"""The personnel read side's role × endpoint × own/other-organisation matrix: every personnel
endpoint that is not a command (those are in tests/api/test_roles.py), tried by every role granted
in the record's organisation, in another one and in every one, over real records. Nothing leaks:
who may not read gets 403 before anything is looked up, and a role of another organisation that
names this organisation's employee under its own organisation's path finds nothing (404).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from api.roles import ACCESS_LOG_READERS, ALL_ORGS, PERSONNEL_READERS, UNMASKED_READERS, Role
from api.routers.commands import ROUTES
from tests.api.conftest import KeyMaker
from tests.api.test_personnel import OTHER, Office, _post
from tests.machine import require_korean_font

ORG = "6110001"
SCOPES = (ORG, OTHER, ALL_ORGS)
PRINTERS = frozenset({Role.HR_CLERK, Role.HR_MANAGER})
SELF = frozenset({Role.EMPLOYEE})


@dataclass(frozen=True)
class Read:
    """One personnel endpoint that is not a command, and who may call it."""

    name: str
    method: str
    path: str  # under /api/v1/orgs/{org}/personnel
    roles: frozenset[Role]
    params: tuple[tuple[str, str], ...] = ()
    body: dict[str, str] | None = None
    #: Self-service endpoints answer for the caller's own record: without one linked, 404.
    own_record: bool = False

    @property
    def template(self) -> str:
        return "/api/v1/orgs/{org}/personnel" + self.path.replace("{employee}", "{employee_id}").replace(
            "{certificate}", "{certificate_id}"
        )

    def call(self, client: TestClient, org: str, ids: dict[str, str], key: dict[str, str]) -> int:
        url = f"/api/v1/orgs/{org}/personnel" + self.path.format(**ids)
        if self.method == "post":
            return client.post(url, json=self.body, headers=key).status_code
        return client.get(url, headers=key, params=dict(self.params)).status_code


DAY = (("as_of", "2024-06-01"),)
MONTH = (("year", "2024"), ("month", "5"))
READS = [
    Read("chart", "get", "/chart", PERSONNEL_READERS, DAY),
    Read("headcount", "get", "/headcount", PERSONNEL_READERS, (*DAY, ("by", "department"))),
    Read("vacancies", "get", "/vacancies", PERSONNEL_READERS, DAY),
    Read("employees", "get", "/employees", PERSONNEL_READERS),
    Read("employees csv", "get", "/employees.csv", PERSONNEL_READERS),
    Read("employees xlsx", "get", "/employees.xlsx", PERSONNEL_READERS),
    Read("employee", "get", "/employees/{employee}", PERSONNEL_READERS, DAY),
    Read("diff", "get", "/employees/{employee}/diff", PERSONNEL_READERS, (("as_of", "2024-02-01"), *DAY)),
    Read("employee actions", "get", "/employees/{employee}/actions", PERSONNEL_READERS),
    Read("actions", "get", "/actions", PERSONNEL_READERS, (("status", "approved"),)),
    Read("access log", "get", "/access-log", ACCESS_LOG_READERS),
    Read("certificate", "get", "/certificates/{certificate}", PERSONNEL_READERS),
    Read("certificate pdf", "get", "/certificates/{certificate}.pdf", PRINTERS),
    Read("attendance", "get", "/employees/{employee}/attendance", PERSONNEL_READERS, (("year", "2024"),)),
    Read("leave", "get", "/employees/{employee}/leave", PERSONNEL_READERS, (("on", "2024-06-01"),)),
    Read("month summary", "get", "/attendance/summary", PERSONNEL_READERS, MONTH),
    Read("month summary csv", "get", "/attendance/summary.csv", PERSONNEL_READERS, MONTH),
    Read("month summary xlsx", "get", "/attendance/summary.xlsx", PERSONNEL_READERS, MONTH),
    Read(
        "unmasked read",
        "post",
        "/employees/{employee}/personal-data/reads",
        UNMASKED_READERS,
        body={"reason": "감사 확인"},
    ),
    Read("me", "get", "/me", SELF, own_record=True),
    Read("my leave", "get", "/me/leave", SELF, own_record=True),
    Read(
        "my certificate",
        "post",
        "/me/certificates",
        SELF,
        body={"kind": "employment", "purpose": "제출용"},
        own_record=True,
    ),
    Read("my certificate pdf", "get", "/me/certificates/{certificate}.pdf", SELF, own_record=True),
]
#: The reads that name one record by its id.
BY_ID = [read for read in READS if "{" in read.path and not read.own_record]


@pytest.fixture
def records(client: TestClient, key_for: KeyMaker) -> dict[str, str]:
    require_korean_font()  # the matrix prints certificates
    office = Office(client, key_for)
    employee = office.hire("E100")
    issued = _post(
        client,
        f"{office.hr}/employees/{employee}/certificates",
        office.clerk,
        {"kind": "employment", "purpose": "제출용", "effective_date": "2024-09-01"},
    )
    return {"employee": employee, "certificate": issued["aggregate_id"]}


@pytest.mark.slow
def test_every_personnel_read_answers_exactly_the_roles_of_its_organisation(
    client: TestClient, key_for: KeyMaker, records: dict[str, str]
) -> None:
    keys = {
        (role, scope): key_for(f"p-{role.value}-{scope.replace('*', 'all')}", f"{role.value}@{scope}")
        for role in Role
        for scope in SCOPES
    }
    wrong = []
    for read in READS:
        for role in Role:
            for scope in SCOPES:
                status = read.call(client, ORG, records, keys[role, scope])
                may = role in read.roles and scope in (ORG, ALL_ORGS)
                if not may:
                    expected = {403}
                elif read.own_record:
                    expected = {404}  # no employee is linked to these users
                else:
                    expected = {200, 201}
                if status not in expected:
                    wrong.append((read.name, role.value, scope, status))
    assert wrong == []


def test_another_organisations_roles_find_nothing_of_this_one_under_their_own_path(
    client: TestClient, key_for: KeyMaker, records: dict[str, str]
) -> None:
    """Every role granted in the other organisation, asking for this one's records by id under its
    own organisation's path: refused, or not found; never the record."""
    found = []
    for role in Role:
        key = key_for(f"o-{role.value}", f"{role.value}@{OTHER}")
        for read in BY_ID:
            status = read.call(client, OTHER, records, key)
            expected = 404 if role in read.roles else 403
            if status != expected:
                found.append((read.name, role.value, status))
    assert found == []


def test_the_matrix_covers_every_personnel_endpoint_that_is_not_a_command(client: TestClient) -> None:
    """A new personnel endpoint must join the matrix (commands are in tests/api/test_roles.py)."""
    commands = {("post", f"/api/v1{route.path}") for route in ROUTES}
    paths = {
        (method, path)
        for path, methods in client.get("/openapi.json").json()["paths"].items()
        for method in methods
        if path.startswith("/api/v1/orgs/{org}/personnel") and (method, path) not in commands
    }
    assert paths == {(read.method, read.template) for read in READS}
