"""Fixtures shared by every test: the two event-store backends.

Application tests take ``ledger`` and run once on SQLite and once on PostgreSQL. PostgreSQL is
found through ``CLEANLEDGER_TEST_POSTGRES_URL`` (default: the local server, database ``test``);
each test gets a fresh schema. Without a server the PostgreSQL half is skipped, unless
``CLEANLEDGER_REQUIRE_POSTGRES=1`` (set by CI), which makes its absence a failure.
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine
from starlette.testclient import TestClient

from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from readmodels.database import read_engine
from tests import contract

# --- every answer against the OpenAPI document (tests/contract.py) ---------------------------------

_request = TestClient.request


def _checked_request(self: TestClient, *args: object, **kwargs: object) -> object:
    response = _request(self, *args, **kwargs)  # type: ignore[arg-type]
    contract.check(self.app, response)
    return response


#: CLEANLEDGER_CHECK_CONTRACT=0 turns the check off (to time the suite without it).
if os.environ.get("CLEANLEDGER_CHECK_CONTRACT", "1") not in ("", "0", "false"):
    TestClient.request = _checked_request  # type: ignore[method-assign,assignment]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """The test fails if an answer it (or its fixtures' set-up) received disagrees with the
    document: an undeclared status, media type or header, or a body off its schema."""
    result = yield
    found = contract.take()
    if found:
        pytest.fail(
            f"{len(found)} answer(s) disagree with the OpenAPI document (tests/contract.py):\n"
            + "\n".join(found[:20]),
            pytrace=False,
        )
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    result = yield
    found = contract.take()
    if found:
        pytest.fail(
            f"{len(found)} answer(s) in tear-down disagree with the OpenAPI document:\n" + "\n".join(found),
            pytrace=False,
        )
    return result


# --- no personal data in any log line or captured output (docs/personnel.md) -----------------------

#: A resident registration number or a mobile phone number written in full: a masked one
#: (900101-1******, 010-****-5678) does not match.
PERSONAL_DATA = re.compile(
    r"(?<![0-9])[0-9]{6}-[1-4][0-9]{6}(?![0-9])|(?<![0-9])01[016789]-[0-9]{3,4}-[0-9]{4}(?![0-9])"
)
#: The project's own loggers, watched at every level.
_WATCHED = ("api", "cleanledger", "commands", "projections", "readmodels", "domain", "eventlog", "uvicorn")


_FORMATTER = logging.Formatter()


class _PersonalDataInLogs(logging.Handler):
    """Notes every log record of the project that holds personal data in plain text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage() + (_FORMATTER.formatException(record.exc_info) if record.exc_info else "")
        if PERSONAL_DATA.search(text):
            self.found.append(f"{record.name}: {PERSONAL_DATA.sub('<personal data>', text)[:300]}")


_leaks = _PersonalDataInLogs()
logging.getLogger().addHandler(_leaks)
for _name in _WATCHED:
    logging.getLogger(_name).setLevel(logging.DEBUG)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """A test whose logs or captured output held personal data in plain text fails."""
    report: pytest.TestReport = yield
    found = list(_leaks.found)
    _leaks.found.clear()
    found += [
        f"captured {name}: {PERSONAL_DATA.sub('<personal data>', content)[:300]}"
        for name, content in report.sections
        if PERSONAL_DATA.search(content)
    ]
    if found and report.when == "call" and report.passed:
        report.outcome = "failed"
        report.longrepr = "personal data in plain text in the run's output:\n" + "\n".join(found[:10])
    return report


_totals = contract.Stats()


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the counts to the controller
        workeroutput["contract"] = vars(contract.stats)
    else:
        for name, value in vars(contract.stats).items():
            setattr(_totals, name, getattr(_totals, name) + value)


def pytest_testnodedown(node: object, error: object) -> None:
    for name, value in getattr(node, "workeroutput", {}).get("contract", {}).items():
        setattr(_totals, name, getattr(_totals, name) + value)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _totals.checked or _totals.skipped:
        terminalreporter.write_line(
            f"OpenAPI contract: {_totals.checked} answers checked against their operations "
            f"({_totals.skipped} skipped: outside /api/, or 404/405 of no operation; "
            f"{_totals.allowed} disagreements allowed by tests/contract.py ALLOWED)"
        )


POSTGRES_URL = os.environ.get("CLEANLEDGER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("CLEANLEDGER_REQUIRE_POSTGRES", "") not in ("", "0", "false")


def _postgres_available() -> str | None:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error)
    return None


_PG_PROBLEM = _postgres_available()


def require_postgres() -> None:
    if _PG_PROBLEM is None:
        return
    message = f"PostgreSQL at {POSTGRES_URL} is not reachable: {_PG_PROBLEM}"
    if REQUIRE_POSTGRES:
        pytest.fail(message + " (CLEANLEDGER_REQUIRE_POSTGRES is set)")
    pytest.skip(message)


class PostgresSchema:
    """A throw-away schema in the test database."""

    def __init__(self) -> None:
        self.name = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        self.drop_named(self.name)

    @staticmethod
    def drop_named(name: str) -> None:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture(params=["sqlite", "postgres"])
def store_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreConfig]:
    """A fresh, empty event store on each backend."""
    if request.param == "sqlite":
        yield StoreConfig(database_url=f"sqlite:///{tmp_path / 'ledger.db'}", cache_size=1000)
        return
    require_postgres()
    schema = PostgresSchema()
    try:
        yield StoreConfig(
            database_url=POSTGRES_URL, schema=schema.name, pool_size=5, max_overflow=30, cache_size=1000
        )
    finally:
        schema.drop()


@pytest.fixture
def ledger(store_config: StoreConfig) -> Iterator[Ledger]:
    app = open_ledger(store_config)
    try:
        yield app
    finally:
        app.close()


@pytest.fixture
def read_db(store_config: StoreConfig, tmp_path: Path) -> Iterator[Engine]:
    """The read-model database beside the event store: the same SQLite file, or a schema of
    its own next to the event store's schema on PostgreSQL."""
    if store_config.is_postgres:
        engine = read_engine(POSTGRES_URL, schema=f"{store_config.schema}_read", writer=True)
    else:
        engine = read_engine(store_config.database_url, writer=True)
    try:
        yield engine
    finally:
        engine.dispose()
        if store_config.is_postgres:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                        sql.Identifier(f"{store_config.schema}_read")
                    )
                )


@pytest.fixture
def projector(ledger: Ledger, read_db: Engine) -> ProjectionEngine:
    """Every projection, over this test's event store and read database."""
    return ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=500)


@pytest.fixture
def reopen(store_config: StoreConfig) -> Iterator[object]:
    """Open a second, independent application on the same store (a cold cache)."""
    opened: list[Ledger] = []

    def _open() -> Ledger:
        app = open_ledger(store_config)
        opened.append(app)
        return app

    yield _open
    for app in opened:
        app.close()
