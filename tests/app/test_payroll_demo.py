"""The demo's payroll agrees with the ledger, month by month, for every institution (both backends):

- Σ 급여대장 (pay and the employer's shares of the month's run) = the month's 인건비 (5110)
  debits in the general ledger = what the month paid from the personnel budget lines
  (101-01 and 304-xx);
- the withholdings kept back on pay day are the ones remitted: 예수금's debits in the month are the
  run's remittance, and every run is remitted;
- severance is paid from 107-03 and debits 퇴직급여충당부채, never 인건비;
- the trial balance balances at every month's end.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from cleanledger import synthetic, synthetic_payroll
from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig
from domain.payroll.payslip import PayslipKind
from domain.payroll.run import PayrollRun, RunStatus
from domain.payroll.settings import PayrollLine
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from readmodels.database import read_engine
from readmodels.disclosure import expenditures
from readmodels.statements import trial_balance
from tests.app.personnel_helpers import FakeSealer
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

pytestmark = pytest.mark.slow
YEAR = synthetic.YEAR
INSTITUTIONS = [
    o.code for o in synthetic.organisations(synthetic.SCALES["small"]) if o.code.startswith("6119")
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Ledger, Engine]]:
    schema: PostgresSchema | None = None
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("payroll-demo") / "ledger.db"
        config = StoreConfig(database_url=f"sqlite:///{path}", cache_size=1000)
        reads = read_engine(config.database_url, writer=True)
    else:
        require_postgres()
        schema = PostgresSchema()
        config = StoreConfig(database_url=POSTGRES_URL, schema=schema.name, pool_size=5, max_overflow=10)
        reads = read_engine(POSTGRES_URL, schema=schema.name, writer=True)
    ledger = open_ledger(config)
    ledger.personal_data = FakeSealer()
    try:
        synthetic.generate(ledger, "small")
        ProjectionEngine(ledger.recorder, reads, all_projections(), batch_size=2_000).catch_up()
        yield ledger, reads
    finally:
        ledger.close()
        reads.dispose()
        if schema is not None:
            schema.drop()


def _runs(ledger: Ledger, org: str) -> list[PayrollRun]:
    runs = []
    for number in range(1, 13):
        run = ledger.repository.get(PayrollRun.id_for(org, f"{YEAR}-{number:02d}"))
        assert isinstance(run, PayrollRun)
        runs.append(run)
    return runs


def test_every_month_of_every_institution_is_run_and_remitted(demo: tuple[Ledger, Engine]) -> None:
    ledger, _ = demo
    assert INSTITUTIONS
    for org in INSTITUTIONS:
        runs = _runs(ledger, org)
        assert all(run.status is RunStatus.REMITTED for run in runs), org
        assert all(run.approver != run.preparer for run in runs)
        assert min(len(run.payslips) for run in runs) > 10, org


def test_register_equals_personnel_expense_equals_budget_paid_and_withholdings_clear(
    demo: tuple[Ledger, Engine],
) -> None:
    ledger, reads = demo
    for org in INSTITUTIONS:
        pay_lines = [
            str(synthetic_payroll.line_id(org, YEAR, k))
            for k in PayrollLine
            if k is not PayrollLine.SEVERANCE
        ]
        for run in _runs(ledger, org):
            number = int(run.month[5:])
            first = date(YEAR, number, 1)
            last = date(YEAR, number, calendar.monthrange(YEAR, number)[1])
            earned = [s for s in run.payslips if s.kind is not PayslipKind.SEVERANCE]
            register = sum(s.gross + s.employer_total for s in earned)
            withheld = sum(s.deducted for s in run.payslips)
            with reads.connect() as conn:
                tb = trial_balance(conn, org, last, period_start=first)
                accounts = {line.account: line for line in tb.lines}
                paid = conn.execute(
                    select(func.coalesce(func.sum(expenditures.c.amount), 0)).where(
                        expenditures.c.org == org,
                        expenditures.c.line_id.in_(pay_lines),
                        expenditures.c.paid_on.between(first, last),
                    )
                ).scalar_one()
            assert register > 0
            assert accounts["5110"].debit == register == paid, (org, run.month)
            # 예수금: what pay day kept back for the run is what the remittance took out
            assert accounts["2120"].debit == withheld, (org, run.month)
            assert sum(run.withheld.values()) == withheld
            # 잔액시산표 balances: Σ debit = Σ credit, in the month and in the closing balances
            assert tb.total_debit == tb.total_credit, (org, run.month)
            assert tb.closing_debit_balances == tb.closing_credit_balances, (org, run.month)


def test_severance_debits_the_provision_and_never_personnel_expense(demo: tuple[Ledger, Engine]) -> None:
    ledger, reads = demo
    severances = 0
    for org in INSTITUTIONS:
        paid_out = sum(
            s.gross for run in _runs(ledger, org) for s in run.payslips if s.kind is PayslipKind.SEVERANCE
        )
        severances += paid_out
        with reads.connect() as conn:
            accounts = {line.account: line for line in trial_balance(conn, org, date(YEAR, 12, 31)).lines}
        assert accounts["2230"].debit == paid_out, org
        accrued = sum(
            sum(s.gross for s in run.payslips if s.kind in (PayslipKind.REGULAR, PayslipKind.RETROACTIVE))
            // 12
            for run in _runs(ledger, org)
        )
        assert accounts["5120"].debit == accrued > 0, org
    assert severances > 0, "the small demo retires someone with a year's service in the year"
