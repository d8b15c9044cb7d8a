"""What the write side accepts, every read model can hold (issue 12, finding 1).

A realistic history (every command with text: budget, requisitions, obligations, vendors,
debarments, contracts, vouchers, returns, revenue, a journal entry, the personnel chart, actions,
a certificate and a read of personal data) runs with every text field of
every command as long as its domain bound allows, each value marked with the command and field it
came from. Every projection then applies it on both backends. No batch may fail, and wherever a
marked value landed in a read-model table, the column must hold it whole: nothing in the test
lists which field reaches which column, the scan finds out.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, String, select

from commands.ledger import Ledger
from commands.messages.base import Command, text_kind
from commands.messages.budget import RecordPopulation
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.registry import HANDLERS
from domain.journal import JournalKind
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from tests.app.books import Books
from tests.projections.test_disclosure import make_history
from tests.projections.test_personnel import make_personnel_history

CASH, NET_ASSETS = "1110", "3110"
MARK = re.compile(r"^([A-Za-z]+\.[a-z_]+):")


def longest(command: type[Command], field: str) -> str:
    """The longest text ``field`` of ``command`` may hold, marked with where it came from."""
    kind = text_kind(command.model_fields[field])
    assert kind is not None
    mark = f"{command.__name__}.{field}:"
    return mark + "가" * (kind.max_length - len(mark))


@pytest.fixture
def longest_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command made through Books carries, in each text field given a value, the longest
    text it may hold."""
    make = Books.command

    def command(self: Books, cls: type[Command], **fields: Any) -> Command:
        made = make(self, cls, **fields)
        changes = {
            name: longest(cls, name)
            for name, field in cls.model_fields.items()
            if text_kind(field) is not None and name != "actor" and getattr(made, name)
        }
        return made.model_copy(update=changes)

    monkeypatch.setattr(Books, "command", command)


def marked_values(read_db: Engine) -> list[tuple[str, str, int | None, str]]:
    """Every marked value in every read model: (table, column, column width, value)."""
    found = []
    with read_db.connect() as conn:
        for projection in all_projections():
            for table in projection.tables:
                texts = [c for c in table.columns if isinstance(c.type, String)]
                for row in conn.execute(select(*texts)):
                    for column, value in zip(texts, row, strict=True):
                        if isinstance(value, str) and MARK.match(value):
                            found.append((table.name, column.name, column.type.length, value))
    return found


@pytest.mark.usefixtures("longest_texts")
def test_every_read_model_column_holds_the_longest_text_its_command_accepts(
    ledger: Ledger, projector: ProjectionEngine, read_db: Engine
) -> None:
    make_history(ledger)
    make_personnel_history(ledger)
    Books(ledger).run(
        RecordJournalEntry,
        kind=JournalKind.ADJUSTMENT,
        lines=(
            JournalLineInput(account=CASH, debit=1_000),
            JournalLineInput(account=NET_ASSETS, credit=1_000),
        ),
        memo="수정 분개",
        on=date(2027, 1, 5),
        year=2027,
    )
    Books(ledger).run(RecordPopulation, population=9_330_000, as_of=date(2025, 12, 31), source="출처")

    projector.catch_up()
    assert projector.position() == projector.head()

    found = marked_values(read_db)
    too_narrow = [
        (f"{table}.{column}", width, len(value))
        for table, column, width, value in found
        if width and len(value) > width
    ]
    assert not too_narrow
    fields = {MARK.match(value).group(1) for _, _, _, value in found}  # type: ignore[union-attr]
    for table, column, _, value in found:  # stored whole, as the command gave it
        assert value == longest_of(MARK.match(value).group(1)), (table, column)  # type: ignore[union-attr]
    # the history reaches the read models with the text of each of these (and more)
    assert {
        "RegisterOrganisation.name",
        "RecordPopulation.source",
        "Appropriate.title",
        "DraftRequisition.title",
        "Obligate.description",
        "RegisterVendor.name",
        "ChangeVendorAddress.address",
        "DebarVendor.ground",
        "LiftDebarment.reason",
        "SignContract.title",
        "SignContract.department",
        "AmendContract.reason",
        "TerminateContract.reason",
        "DraftVoucher.description",
        "OpenRevenueLine.title",
        "RecordJournalEntry.memo",
        "CreateDepartment.name",
        "RenameDepartment.name",
        "DefineGrade.name",
        "DefineGrade.band",
        "DefinePosition.title",
        "HireEmployee.reason",
        "DraftPersonnelAction.reason",
        "RejectPersonnelAction.reason",
        "IssueCertificate.purpose",
        "RecordPersonalDataRead.reason",
    } <= fields


def longest_of(where: str) -> str:
    name, field = where.split(".")
    command = next(c for c in commands() if c.__name__ == name)
    return longest(command, field)


def commands() -> list[type[Command]]:
    """Every command message: the registry's, and those the API issues itself (a read of
    personal data, RecordPersonalDataRead, is recorded by the API, not dispatched by it)."""
    found: list[type[Command]] = list(HANDLERS)
    pending = list(Command.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls not in found:
            found.append(cls)
    return found
