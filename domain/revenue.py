"""Revenue (세입): assessment (조정/부과), billing (징수·납입고지), collection (수납), refund (환급)."""

from __future__ import annotations

from uuid import UUID

from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import InvalidState


class RevenueLine(LedgerAggregate):
    """One revenue code (장-관-항-목) of an organisation's fiscal year."""

    org: str
    fiscal_year: int
    code: str
    closed: bool

    class Opened(LedgerAggregate.Created):
        code: str

        def apply(self, line: RevenueLine) -> None:
            line.org, line.fiscal_year, line.code, line.closed = (
                self.org,
                self.fiscal_year,
                self.code,
                False,
            )

    class Closed(LedgerAggregate.Event):
        def apply(self, line: RevenueLine) -> None:
            line.closed = True

    @staticmethod
    def id_for(org: str, year: int, code: str) -> UUID:
        return ledger_id("revenue-line", org, year, code)

    def close(self, ctx: Context) -> None:
        if self.closed:
            raise InvalidState(f"revenue line {self.code} of {self.fiscal_year} is already closed")
        self.record(self.Closed, ctx)
