"""The portal on the small demo, both backends: what the pages print agrees with the open API's
disclosure tables and with each other, for every organisation — a dashboard's 예산현액 is its
programmes' total, its 지출액 the payments less the returns, a district's 재정자립도 its revenue
lines' estimates, the comparison the dashboards."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cleanledger import synthetic
from commands.persistence import StoreConfig
from domain.organisation import OrganisationKind
from tests.api.conftest import serving
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

YEAR = 2026
ORGS = synthetic.organisations(synthetic.SCALES["small"])


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The service over the small demo, loaded and projected once per backend."""
    schema: PostgresSchema | None = None
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("portal-demo") / "ledger.db"
        config = StoreConfig(database_url=f"sqlite:///{path}", cache_size=1000)
    else:
        require_postgres()
        schema = PostgresSchema()
        config = StoreConfig(database_url=POSTGRES_URL, schema=schema.name, pool_size=5, max_overflow=10)
    try:
        with serving(config, public_cache_seconds=0) as (service, client):
            synthetic.generate(service.ledger, "small")
            assert service.projector is not None
            assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0, timeout=300)
            yield client
    finally:
        if schema is not None:
            schema.drop()


def _figures(html: str) -> dict[str, str]:
    """The key figures of a page (``<dt>`` → ``<dd>``), tags stripped."""
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    return {re.sub(r"<[^>]+>", "", k).strip(): re.sub(r"<[^>]+>", "", v).strip() for k, v in pairs}


def _won(text: str) -> int:
    return int(text.replace(",", "").replace("원", "").strip())


def _totals(client: TestClient, table: str, org: str, **query: str) -> dict[str, int]:
    answer = client.get(
        f"/api/v1/public/{table}", params={"org": org, "year": YEAR, "limit": 1, "totals": "true", **query}
    )
    assert answer.status_code == 200, answer.text
    totals: dict[str, int] = answer.json()["totals"]
    return totals


def test_every_dashboard_agrees_with_the_disclosure_tables(demo: TestClient) -> None:
    for org in ORGS:
        page = demo.get(f"/orgs/{org.code}/{YEAR}")
        assert page.status_code == 200, org
        shown = _figures(page.text)
        programmes = _totals(demo, "programs", org.code)
        payments = _totals(demo, "expenditures", org.code)
        assert _won(shown["예산현액"]) == programmes["current_budget"] > 0, org
        assert (
            _won(shown["배정액"])
            == programmes["allocated"]
            == _totals(demo, "allocations", org.code)["amount"]
        )
        assert _won(shown["원인행위액"]) == programmes["obligated"], org
        assert _won(shown["지출액"]) == programmes["paid"] == payments["amount"] - payments["returned"], org
        assert _won(shown["잔액"]) == programmes["current_budget"] - programmes["obligated"], org
        contracts = _totals(demo, "contracts", org.code)
        assert _won(shown["계약 건수"]) == contracts["count"], org
        assert _won(shown["계약금액"]) == contracts["amount"], org


def test_every_districts_ratios_are_its_revenue_estimates(demo: TestClient) -> None:
    compare = demo.get(f"/compare/{YEAR}").text
    for org in ORGS:
        if org.kind is not OrganisationKind.DISTRICT:
            continue
        estimates = {
            chapter: _totals(demo, "revenue", org.code, code_prefix=chapter)["estimate"]
            for chapter in ("100", "200", "300")
        }
        budget = _totals(demo, "revenue", org.code)["estimate"]
        expected = (Decimal(estimates["100"] + estimates["200"]) * 100 / budget).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )
        autonomy = (Decimal(sum(estimates.values())) * 100 / budget).quantize(Decimal("0.01"), ROUND_HALF_UP)
        shown = _figures(demo.get(f"/districts/{org.code}/{YEAR}").text)
        assert shown["재정자립도"] == f"{expected}%", org
        assert shown["재정자주도"] == f"{autonomy}%" and autonomy > expected, org
        row = re.search(rf">{re.escape(org.name)}</a></th>(.*?)</tr>", compare, re.S)
        assert row is not None and f"{expected}%" in row.group(1), org
        population = re.sub(r"\D", "", shown["인구"])
        assert population and int(population) > 0, org  # the demo records each district's residents
