"""Certificate statements the tests render: Korean names, departments and grades."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from domain.personnel.certificates import (
    CareerEntry,
    CertificateKind,
    CertificateStatement,
    new_verification_number,
)


def employment(**changes: object) -> CertificateStatement:
    statement = CertificateStatement(
        kind=CertificateKind.EMPLOYMENT,
        verification_number=new_verification_number(b"employment-command"),
        organisation_code="3030000",
        organisation_name="서울특별시 성동구",
        employee_number="20190301",
        name="홍길동",
        department="재무과 예산팀",
        grade="지방행정주사(6급)",
        position="팀장",
        hired_on=date(2019, 3, 1),
        until=None,
        purpose="금융기관 제출용",
        issued_on=date(2026, 3, 15),
    )
    return replace(statement, **changes)  # type: ignore[arg-type]


def career(rows: int = 3, **changes: object) -> CertificateStatement:
    entries = tuple(
        CareerEntry(
            starts=date(2000 + i, 3, 1),
            ends=date(2001 + i, 2, 28),
            department="도시안전건설국 도로시설과" if i % 2 else "문화체육관광국 문화정책과",
            grade="지방행정주사보(7급)",
            what="도로 점용허가 및 예산 집행",
        )
        for i in range(rows)
    )
    statement = CertificateStatement(
        kind=CertificateKind.CAREER,
        verification_number=new_verification_number(b"career-command"),
        organisation_code="6119001",
        organisation_name="서울문화재단",
        employee_number="A-2000-0042",
        name="김*수",
        department="경영지원본부 재무회계팀",
        grade="책임",
        position="",
        hired_on=date(2000, 3, 1),
        until=date(2025, 12, 31),
        purpose="경력 확인용",
        issued_on=date(2026, 1, 5),
        career=entries,
    )
    return replace(statement, **changes)  # type: ignore[arg-type]
