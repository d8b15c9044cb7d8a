"""Records personnel reads leave behind: issued certificates (증명서 발급대장) and every read of
unmasked personal data (개인정보 열람 기록). Both are events, so the hash chain vouches for them and
an auditor lists them from the log's projections.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.personnel.certificates import CertificateKind, check_verification_number


@dataclass(frozen=True, slots=True)
class CareerLine:
    """One line of a career certificate: a period in one department and grade."""

    starts: date
    ends: date | None
    department: str
    grade: str


@dataclass(frozen=True, slots=True)
class Statement:
    """What a certificate states besides the holder's name (which stays sealed with the
    employee's personal data, and is shown masked by the public check)."""

    employee_number: str
    organisation: str
    department: str
    grade: str
    position: str | None
    hired_on: date
    until: date | None
    career: tuple[CareerLine, ...] = ()


class IssuedCertificate(LedgerAggregate):
    """A certificate as issued: its verification number (진위확인번호) names it."""

    org: str
    number: str
    employee_id: UUID
    kind: CertificateKind
    purpose: str
    issued_on: date
    statement: Statement

    @staticmethod
    def id_for(number: str) -> UUID:
        return ledger_id("certificate", check_verification_number(number))

    class Issued(LedgerAggregate.Created):
        number: str
        employee_id: UUID
        kind: CertificateKind
        purpose: str
        statement: Statement

        def apply(self, certificate: IssuedCertificate) -> None:
            certificate.org = self.org
            certificate.number = self.number
            certificate.employee_id = self.employee_id
            certificate.kind = self.kind
            certificate.purpose = self.purpose
            certificate.issued_on = self.accounting_date
            certificate.statement = self.statement

    @classmethod
    def issue(
        cls,
        ctx: Context,
        number: str,
        employee_id: UUID,
        kind: CertificateKind,
        purpose: str,
        statement: Statement,
    ) -> IssuedCertificate:
        number = check_verification_number(number)
        return cls.start(
            cls.Issued,
            ctx,
            cls.id_for(number),
            number=number,
            employee_id=employee_id,
            kind=kind,
            purpose=text.NAME.check(purpose, "purpose"),
            statement=statement,
        )


class PersonalDataRead(LedgerAggregate):
    """One read of an employee's unmasked personal data: who, when, whose, why."""

    org: str
    employee_id: UUID
    reason: str

    @staticmethod
    def id_for(command_id: UUID) -> UUID:
        return ledger_id("personal-data-read", command_id)

    class Recorded(LedgerAggregate.Created):
        employee_id: UUID
        reason: str

        def apply(self, read: PersonalDataRead) -> None:
            read.org = self.org
            read.employee_id = self.employee_id
            read.reason = self.reason

    @classmethod
    def record_read(cls, ctx: Context, employee_id: UUID, reason: str) -> PersonalDataRead:
        return cls.start(
            cls.Recorded,
            ctx,
            cls.id_for(ctx.command_id),
            employee_id=employee_id,
            reason=text.REASON.check(reason, "reason"),
        )
