"""The ``cleanledger`` command line: the demo data set loads, re-loads as a no-op, and lists.

Projected, the demo fills the public portal: expenditures, contracts, debarred vendors, revenue,
and balanced statements, and never names the private person it pays.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, Connection, Table, func, select

from cleanledger.cli import main, read_budget_lines
from cleanledger.settings import Settings
from cleanledger.synthetic import PERSON, SCALES, organisations
from cleanledger.wiring import build_ledger, build_read_engine
from readmodels import disclosure
from readmodels.statements import balance_sheet, trial_balance
from tests.app import identities
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

SMALL_LINES = len(organisations(SCALES["small"])) * SCALES["small"].lines_per_org
#: The five personnel lines (cleanledger.synthetic_payroll) of each funded institution, when the
#: demo has people (its store can seal their personal data: SQLite's key file beside it).
PAYROLL_LINES = 5 * SCALES["small"].institutions


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """CLEANLEDGER_DATABASE_URL for a fresh store; on PostgreSQL the ``?schema=`` form, with a
    fresh schema for the read models too."""
    monkeypatch.chdir(tmp_path)  # no stray .env or cleanledger.db is read
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'demo.db'}"
        monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", url)
        yield url
        return
    require_postgres()
    schema, read = PostgresSchema(), PostgresSchema()
    url = f"{POSTGRES_URL}?schema={schema.name}"
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", url)
    monkeypatch.setenv("CLEANLEDGER_READ_SCHEMA", read.name)
    try:
        yield url
    finally:
        schema.drop()
        read.drop()


def log_size() -> int:
    ledger = build_ledger(Settings())
    try:
        return ledger.recorder.max_notification_id() or 0
    finally:
        ledger.close()


@pytest.mark.slow
def test_demo_loads_once_a_rerun_records_nothing_and_projected_it_fills_the_portal(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--scale", "small", "--quiet"]) == 0
    first = capsys.readouterr().out
    staffed = " 0 employees" not in first
    lines = SMALL_LINES + (PAYROLL_LINES if staffed else 0)
    assert f"{lines} budget lines" in first
    for kind in ("requisitions", "obligations", "contracts", "vouchers", "payments", "revenue assessments"):
        assert f" 0 {kind}" not in first and f" {kind}" in first
    assert " 0 already there" in first
    assert f"{12 * SCALES['small'].institutions if staffed else 0} payroll runs" in first
    assert staffed or "postgres" in database_url
    size = log_size()
    assert size > 0

    ledger = build_ledger(Settings())
    try:
        rows = read_budget_lines(ledger)
    finally:
        ledger.close()
    assert len(rows) == lines
    assert {row.org for row in rows} == {org.code for org in organisations(SCALES["small"])}
    assert all(0 <= row.obligated <= row.allocated <= row.current_budget for row in rows)
    assert sum(row.obligated for row in rows) > 0

    assert main(["demo", "--scale", "small"]) == 0
    second = capsys.readouterr()
    assert log_size() == size
    assert " 0 recorded" in second.out
    assert "commands" in second.err  # the progress counter

    assert main(["lines"]) == 0
    listing = capsys.readouterr().out
    assert "어르신 복지관 운영" in listing
    assert "따릉이 운영" in listing
    assert "서울특별시 본청" in listing
    assert f"{lines} budget lines" in listing

    assert main(["lines", "--org", "3030000"]) == 0
    seongdong = capsys.readouterr().out
    assert "3030000 성동구: 20 lines" in seongdong
    assert "6110000" not in seongdong

    assert main(["project", "--quiet"]) == 0
    assert f"position {size}" in capsys.readouterr().out
    engine = build_read_engine(Settings())
    try:
        with engine.connect() as conn:
            check_the_portal(conn)
            check_the_statements(conn)
            check_no_private_person_is_named(conn)
            from_reads = identities.from_read_models(conn)
    finally:
        engine.dispose()
    # every line obligates the sum of its obligations and pays its payments net of returns, in
    # the read models and in the aggregates alike (domain.md §4; finding 9 of issue 12)
    ledger = build_ledger(Settings())
    try:
        from_aggregates = identities.from_aggregates(ledger)
    finally:
        ledger.close()
    assert from_reads == from_aggregates
    assert len(from_reads.lines) == lines and from_reads.returned > 0


def check_the_portal(conn: Connection) -> None:
    """Every stage of the lifecycle shows: spending, contracts, debarments, revenue."""

    def count(table: Table, *where: ColumnElement[bool]) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    for table in (
        disclosure.requisitions,
        disclosure.expenditures,
        disclosure.contracts,
        disclosure.contract_amendments,
        disclosure.debarred_vendors,
        disclosure.revenue_by_code,
    ):
        assert count(table) > 0, table.name
    assert count(disclosure.requisitions, disclosure.requisitions.c.status == "rejected") == 1
    contracts = disclosure.contracts.c
    assert count(disclosure.contracts, contracts.method == "open") > count(
        disclosure.contracts, contracts.method == "private"
    )
    assert count(disclosure.contracts, contracts.private_reason.is_not(None)) > 0
    assert count(disclosure.contracts, contracts.status == "completed") > 0
    assert count(disclosure.contracts, contracts.department.is_(None)) == 0
    spent = disclosure.expenditures.c
    # 반납: a subsidy's unspent part, and a payment to the wrong business paid again to the right one
    assert count(disclosure.expenditures, spent.returned > 0) == 2
    assert count(disclosure.expenditures, spent.returned == spent.amount) == 1
    assert count(disclosure.expenditures, spent.payee_kind == "person") == 1
    debarred = disclosure.debarred_vendors.c
    assert count(disclosure.debarred_vendors, debarred.lifted_on.is_not(None)) == 1
    revenue = disclosure.revenue_by_code.c
    assert count(disclosure.revenue_by_code, revenue.collected > 0) > 0
    assert count(disclosure.revenue_by_code, revenue.refunded > 0) == 1  # 과오납 환급
    paid = conn.execute(select(func.min(spent.paid_on), func.max(spent.paid_on))).one()
    assert date(2026, 1, 1) <= paid[0] <= paid[1] <= date(2026, 12, 31)


def check_the_statements(conn: Connection) -> None:
    """Opening balances, postings and depreciation give the city balanced statements."""
    tb = trial_balance(conn, "6110000", date(2026, 12, 31))
    accounts = {line.account for line in tb.lines}
    # cash, payables, net assets, local taxes, depreciation
    assert {"1110", "2110", "3110", "4110", "5510"} <= accounts
    assert tb.total_debit == tb.total_credit > 0
    assert tb.closing_debit_balances == tb.closing_credit_balances > 0
    sheet = balance_sheet(conn, "6110000", date(2026, 12, 31))
    assert sheet.total_assets > 0 and sheet.total_net_assets > 0
    assert sheet.total_assets == sheet.total_liabilities + sheet.total_net_assets


def check_no_private_person_is_named(conn: Connection) -> None:
    """The person paid by the demo appears in no disclosure table, by name or number."""
    number, name, _ = PERSON
    cells = 0
    for table in disclosure.metadata.sorted_tables:
        for row in conn.execute(select(table)):
            for value in row:
                cells += 1
                assert name not in str(value) and number not in str(value), table.name
    assert cells > 0


def test_lines_on_an_empty_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    assert main(["lines"]) == 0
    assert "no budget lines" in capsys.readouterr().out


def test_an_unknown_scale_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--scale", "huge"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
