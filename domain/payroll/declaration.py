"""An employee's year-end declaration (소득·세액공제 신고서): personal data, sealed.

The amounts an employee declares for the settlement (insurance premiums, medical and education
expenses, donations, other income deductions) reveal health, family and beliefs: the event carries
them only sealed under the employee's own data key (commands.personal_data), like every other
personal record; the settlement unseals them on the write side, and erasing the key erases them.
"""

from __future__ import annotations

from uuid import UUID

from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import InvalidInput
from domain.personnel.employee import sealed_value


class YearEndDeclaration(LedgerAggregate):
    org: str
    employee_id: UUID
    year: int
    sealed: str
    versions: int

    @staticmethod
    def id_for(org: str, employee_id: UUID, year: int) -> UUID:
        return ledger_id("year-end-declaration", org, employee_id, year)

    class Declared(LedgerAggregate.Created):
        employee_id: UUID
        year: int
        sealed: str

        def apply(self, declaration: YearEndDeclaration) -> None:
            declaration.org, declaration.employee_id = self.org, self.employee_id
            declaration.year, declaration.sealed, declaration.versions = self.year, self.sealed, 1

    class Amended(LedgerAggregate.Event):
        sealed: str

        def apply(self, declaration: YearEndDeclaration) -> None:
            declaration.sealed, declaration.versions = self.sealed, declaration.versions + 1

    @classmethod
    def declare(cls, ctx: Context, employee_id: UUID, year: int, sealed: str) -> YearEndDeclaration:
        if not 2000 <= year <= 2999:
            raise InvalidInput(f"a declaration is for a year, got {year}", year=year)
        return cls.start(
            cls.Declared,
            ctx,
            cls.id_for(ctx.org, employee_id, year),
            employee_id=employee_id,
            year=year,
            sealed=sealed_value(sealed),
        )

    def amend(self, ctx: Context, sealed: str) -> None:
        self.record(self.Amended, ctx, sealed=sealed_value(sealed))
