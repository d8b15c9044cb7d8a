"""A loaded payroll table (급여 기준표) of one organisation, and each load of it as an event.

The load carries the file's name, its SHA-256 and its whole content, parsed and checked before it
is recorded (:func:`domain.payroll.tables.parse_table`): the log keeps exactly what was loaded, and
a run names the version of each table it read. Loading the same content again records nothing;
other content is a new version, whose rows (history included) replace the table's. A row is
never edited in place: a new rate is a new row with its effective date, so a past month
recalculated reads the rows it read then.
"""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import InvalidInput
from domain.payroll.tables import TableKind, parse_table

MAX_CONTENT = 2_000_000


def file_name(value: str) -> str:
    """A table file's name as recorded: a plain name, no path (it ends up in pages and logs)."""
    name = text.NAME.check(value, "file_name")
    if "/" in name or "\\" in name or name.startswith("."):
        raise InvalidInput("a table's file name is a plain name, without a path", field="file_name")
    return name


class PayrollTable(LedgerAggregate):
    """One table kind of one organisation; its version counts the loads that changed it."""

    org: str
    kind: TableKind
    file_name: str
    sha256: str
    rows: tuple[dict[str, Any], ...]
    loads: int

    @staticmethod
    def id_for(org: str, kind: TableKind) -> UUID:
        return ledger_id("payroll-table", org, kind.value)

    class Loaded(LedgerAggregate.Created):
        kind: TableKind
        file_name: str
        sha256: str
        content: str

        def apply(self, table: PayrollTable) -> None:
            table.org, table.kind = self.org, self.kind
            table.loads = 0
            _load(table, self)

    class Reloaded(LedgerAggregate.Event):
        file_name: str
        sha256: str
        content: str

        def apply(self, table: PayrollTable) -> None:
            _load(table, self)

    @classmethod
    def load(cls, ctx: Context, kind: TableKind, name: str, content: str) -> PayrollTable:
        name, content = _checked(kind, name, content)
        return cls.start(
            cls.Loaded,
            ctx,
            cls.id_for(ctx.org, kind),
            kind=kind,
            file_name=name,
            sha256=_sha256(content),
            content=content,
        )

    def reload(self, ctx: Context, name: str, content: str) -> bool:
        """Load new content; False (and nothing recorded) when it is what is loaded already."""
        name, content = _checked(self.kind, name, content)
        digest = _sha256(content)
        if digest == self.sha256:
            return False
        self.record(self.Reloaded, ctx, file_name=name, sha256=digest, content=content)
        return True


def _checked(kind: TableKind, name: str, content: str) -> tuple[str, str]:
    if len(content) > MAX_CONTENT:
        raise InvalidInput(f"a table file holds at most {MAX_CONTENT} characters", field="content")
    parse_table(kind, content)  # refuses the whole file, naming the row and column
    return file_name(name), content


def _sha256(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()


def _load(table: PayrollTable, event: Any) -> None:
    # Parsing on apply keeps the event the file itself; it was checked before it was recorded.
    table.file_name, table.sha256 = event.file_name, event.sha256
    table.rows = parse_table(table.kind, event.content)
    table.loads += 1
