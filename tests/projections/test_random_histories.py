"""Random command histories on both backends: the ERP balances always equal a plain fold.

The state machine of tests/app/test_state_machine.py issues random budget, obligation, voucher,
payment and return commands; after every step the projections catch up and every budget line's
row must equal the fold of that line's events, and every obligation row its own fold.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import invariant, run_state_machine_as_test
from sqlalchemy import select

from commands.persistence import StoreConfig
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from readmodels.database import read_engine
from readmodels.erp import line_balances, obligation_balances
from tests.app.test_state_machine import LedgerMachine, fold_line
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres


def fold_obligation(events: list[Any]) -> dict[str, int]:
    totals = {"amount": 0, "vouchered": 0, "returned": 0}
    for event in events:
        name = type(event).__name__
        if name == "Created":
            totals["amount"] += event.amount
        elif name == "Amended":
            totals["amount"] += event.change
        elif name == "Cancelled":
            totals["amount"] -= event.amount
        elif name == "Vouchered":
            totals["vouchered"] += event.amount
        elif name == "VoucherReleased":
            totals["vouchered"] -= event.amount
        elif name == "Returned":
            totals["returned"] += event.amount
    return totals


class ProjectedMachine(LedgerMachine):
    read_url: str
    read_schema: str | None

    def __init__(self) -> None:
        super().__init__()
        self.reads = read_engine(self.read_url, schema=self.read_schema, writer=True)
        self.projector = ProjectionEngine(self.ledger.recorder, self.reads, all_projections(), batch_size=7)

    def teardown(self) -> None:
        self.reads.dispose()
        super().teardown()

    @invariant()
    def balances_equal_the_fold(self) -> None:
        if not self.lines:
            return
        self.projector.catch_up()
        with self.reads.connect() as conn:
            lines = {row.line_id: row for row in conn.execute(select(line_balances))}
            obligations = {row.obligation_id: row for row in conn.execute(select(obligation_balances))}
        for line_id in [*self.lines, self.reserve]:
            folded = fold_line(list(self.ledger.events.get(line_id)))
            row = lines[str(line_id)]
            assert (row.current_budget, row.obligated, row.paid) == (
                folded["current_budget"],
                folded["obligated"],
                folded["paid"],
            )
            assert (row.allocated_q1, row.allocated_q2, row.allocated_q3, row.allocated_q4) == folded[
                "allocated"
            ]
        for obligation_id in self.obligations:
            folded_obligation = fold_obligation(list(self.ledger.events.get(obligation_id)))
            row = obligations[str(obligation_id)]
            assert (row.amount, row.vouchered, row.returned) == (
                folded_obligation["amount"],
                folded_obligation["vouchered"],
                folded_obligation["returned"],
            )


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_projected_balances_equal_the_fold_of_random_histories(backend: str, tmp_path: Path) -> None:
    schemas: list[PostgresSchema] = []
    if backend == "postgres":
        require_postgres()

    class Machine(ProjectedMachine):
        def __init__(self) -> None:
            if backend == "sqlite":
                url = f"sqlite:///{tmp_path / uuid.uuid4().hex}.db"
                type(self).config = StoreConfig(url, cache_size=100)
                type(self).read_url, type(self).read_schema = url, None
            else:
                schemas.append(PostgresSchema())
                type(self).config = StoreConfig(POSTGRES_URL, schema=schemas[-1].name, cache_size=100)
                type(self).read_url, type(self).read_schema = POSTGRES_URL, f"{schemas[-1].name}_read"
            super().__init__()

    try:
        run_state_machine_as_test(
            Machine,
            settings=settings(
                max_examples=10 if backend == "sqlite" else 5,
                stateful_step_count=30,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        for schema in schemas:
            schema.drop()
            PostgresSchema.drop_named(f"{schema.name}_read")
