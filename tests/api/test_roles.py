"""The role × endpoint × organisation matrix: every command refused to every role and organisation
that may not issue it, and let through (to reading its body) for every one that may.

What a role may do to another organisation's records through its own organisation's path is the
other half of the matrix, in ``tests/api/test_organisation_scope.py``."""

from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from api.roles import ALL_ORGS, COMMAND_ROLES, Role
from api.routers import payroll
from api.routers.commands import ROUTES, CommandRoute
from tests.api.conftest import SEOUL, YEAR, KeyMaker

OTHER_ORG = "3000000"
#: Every command's route: the registry's in api/routers/commands.py and payroll's (api/routers/payroll.py).
ALL_ROUTES = (*ROUTES, *payroll.COMMAND_ROUTES)


def _url(path: str, org: str) -> str:
    values = {"org": org, "fiscal_year": str(YEAR), "month": f"{YEAR}-03"}
    return "/api/v1" + re.sub(r"{(\w+)}", lambda m: values.get(m.group(1), str(uuid.uuid4())), path)


@dataclass(frozen=True)
class Attempt:
    route: CommandRoute
    role: Role
    scope: str  # where the role is granted: the path's organisation, another one, or "*"

    @property
    def may(self) -> bool:
        return self.role in COMMAND_ROLES[self.route.command] and self.scope in (SEOUL, ALL_ORGS)


#: The role × endpoint × organisation matrix: every write endpoint, every role, granted in the
#: path's organisation, in another one and in every one.
MATRIX = [
    Attempt(route, role, scope)
    for route in ALL_ROUTES
    for role in Role
    for scope in (SEOUL, OTHER_ORG, ALL_ORGS)
]


@pytest.mark.slow
def test_every_command_is_refused_to_exactly_the_roles_and_organisations_that_may_not_issue_it(
    client: TestClient, key_for: KeyMaker
) -> None:
    keys = {
        (role, scope): key_for(f"{role.value}-{scope.replace('*', 'all')}", f"{role.value}@{scope}")
        for role in Role
        for scope in (SEOUL, OTHER_ORG, ALL_ORGS)
    }

    def attempt(case: Attempt) -> tuple[int, str | None]:
        # A body that is not even JSON: who may issue the command gets as far as reading it
        # (422); who may not is refused first (403), learning nothing about the body.
        answer = client.post(
            _url(case.route.path, SEOUL),
            content=b"{not json",
            headers={**keys[case.role, case.scope], "Content-Type": "application/json"},
        )
        return answer.status_code, answer.json().get("type")

    # Each request is independent: four at a time overlap the test client's thread hand-overs.
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(attempt, MATRIX))
    wrong = [
        (case.route.command.__name__, case.role.value, case.scope, answer)
        for case, answer in zip(MATRIX, answers, strict=True)
        if answer != ((422, "invalid-request") if case.may else (403, "forbidden"))
    ]
    assert wrong == []
    assert sum(case.may for case in MATRIX) == sum(2 * len(roles) for roles in COMMAND_ROLES.values())
    # Without a key the body is not read either; nor with a key that is not valid (one route:
    # failed authentications from one client may be limited).
    json = {"Content-Type": "application/json"}
    for route in ALL_ROUTES:
        answer = client.post(_url(route.path, SEOUL), content=b"{not json", headers=json)
        assert (answer.status_code, answer.json().get("type")) == (401, "unauthenticated"), route.path
    unknown = {"Authorization": "Bearer clk_0000000000000000_" + "x" * 43, **json}
    answer = client.post(_url(ROUTES[-1].path, SEOUL), content=b"{not json", headers=unknown)
    assert (answer.status_code, answer.json().get("type")) == (401, "invalid-api-key")


def test_the_matrix_covers_every_write_endpoint_every_role_and_scope() -> None:
    assert {case.route.command for case in MATRIX} == set(COMMAND_ROLES) == {r.command for r in ALL_ROUTES}
    assert len(MATRIX) == len(ALL_ROUTES) * len(Role) * 3


def test_a_grant_for_every_organisation_covers_any_organisation(
    client: TestClient, key_for: KeyMaker
) -> None:
    headers = key_for("city-budget", "budget_officer@*")
    route = next(r for r in ROUTES if r.command.__name__ == "Appropriate")
    for org in (SEOUL, OTHER_ORG):
        assert client.post(_url(route.path, org), json={}, headers=headers).status_code == 422


def test_no_role_approves_what_it_drafts() -> None:
    """Segregation of duties: the role that drafts a requisition or voucher cannot approve it."""
    by_name = {c.__name__: roles for c, roles in COMMAND_ROLES.items()}
    assert by_name["DraftRequisition"].isdisjoint(by_name["ApproveRequisition"])
    assert by_name["DraftVoucher"].isdisjoint(by_name["ApproveVoucher"])
    assert by_name["DraftVoucher"].isdisjoint(by_name["Pay"])
    assert all(Role.AUDITOR not in roles for roles in COMMAND_ROLES.values())


def test_the_population_is_recorded_by_who_registers_organisations(
    client: TestClient, key_for: KeyMaker
) -> None:
    """주민등록인구 is master data of the organisation: the admin's, as its registration is."""
    by_name = {c.__name__: roles for c, roles in COMMAND_ROLES.items()}
    assert by_name["RecordPopulation"] == by_name["RegisterOrganisation"] == {Role.ADMIN}
    route = next(r for r in ROUTES if r.command.__name__ == "RecordPopulation")
    assert route.path == "/orgs/{org}/population"
    admin = key_for("population-admin", "admin@*")
    registered = client.post(
        _url("/orgs/{org}", SEOUL),
        json={"accounting_date": f"{YEAR}-01-01", "name": "서울특별시", "kind": "city"},
        headers=admin,
    )
    assert registered.status_code == 201, registered.text
    body = {
        "accounting_date": f"{YEAR}-01-02",
        "population": 9_330_000,
        "as_of": f"{YEAR - 1}-12-31",
        "source": "행정안전부 주민등록인구통계",
    }
    budget = key_for("population-budget", f"budget_officer@{SEOUL}")
    refused = client.post(_url(route.path, SEOUL), json=body, headers=budget)
    assert (refused.status_code, refused.json()["type"]) == (403, "forbidden")
    answer = client.post(_url(route.path, SEOUL), json=body, headers=admin)
    assert answer.status_code == 201, answer.text
    assert answer.json()["aggregate_id"] == registered.json()["aggregate_id"]
    assert answer.headers["ETag"] == '"2"'
    too_many = client.post(_url(route.path, SEOUL), json={**body, "population": 100_000_001}, headers=admin)
    assert (too_many.status_code, too_many.json()["type"]) == (422, "invalid-input")
    # Beyond 64 bits the refusal still goes out (its figure as text), never a 500.
    huge = client.post(_url(route.path, SEOUL), json={**body, "population": 2**70}, headers=admin)
    assert (huge.status_code, huge.json()["numbers"]["population"]) == (422, str(2**70))


#: Write endpoints that are not commands, and who may call them. Neither touches an organisation's
#: records: a tree head covers the whole log, and a cosignature is authenticated by the witness's
#: signature (docs/tamper-evidence.md), so neither has an organisation to be scoped to.
OTHER_WRITES = {
    ("post", "/api/v1/log/heads"): "any user with a key, of any role or organisation",
    ("post", "/api/v1/public/log/heads/{size}/cosignatures"): "no key: only a trusted witness's signature",
    # Personnel: a read of unmasked personal data is recorded (an event) before it is answered,
    # and self-service issues a certificate of the caller's own record (tests/api/test_personnel_roles.py).
    ("post", "/api/v1/orgs/{org}/personnel/employees/{employee_id}/personal-data/reads"): "hr_manager",
    ("post", "/api/v1/orgs/{org}/personnel/me/certificates"): "employee, of their own record",
}


def test_every_write_endpoint_is_a_command_or_listed_with_who_may_call_it(client: TestClient) -> None:
    commands = {f"/api/v1{route.path}" for route in ALL_ROUTES}
    writes = {
        (method, path)
        for path, methods in client.get("/openapi.json").json()["paths"].items()
        for method in methods
        if method != "get" and path not in commands
    }
    assert writes == set(OTHER_WRITES)


@pytest.mark.parametrize("scope", [SEOUL, "3030000", ALL_ORGS])
def test_signing_a_tree_head_is_open_to_every_role_and_scope_and_cosigning_to_no_key(
    client: TestClient, key_for: KeyMaker, scope: str
) -> None:
    for role in Role:
        headers = key_for(f"{role.value}-{scope}".replace("*", "all"), f"{role.value}@{scope}")
        # no leaf yet: the answer is the same refusal for every role, never 401 or 403
        answer = client.post("/api/v1/log/heads", headers=headers)
        assert (answer.status_code, answer.json()["type"]) == (404, "not-found"), role
        # a key gives no right to cosign: the head is looked up, and no witness key is trusted
        cosigned = client.post(
            "/api/v1/public/log/heads/1/cosignatures", headers=headers, json={"signature": "x"}
        )
        assert cosigned.status_code == 404, role
    assert client.post("/api/v1/log/heads").status_code == 401
