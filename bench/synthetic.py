"""A deterministic synthetic ledger: Seoul's city hall, districts and funded institutions.

``generate(ledger, scale)`` registers organisations, opens fiscal year 2026 for each, appropriates
budget lines with Korean detailed-project titles, allocates Q1 and Q2, registers vendors and
obligates part of the allocation, all through the ledger's command methods (``Ledger.handle``).

Everything is derived from a seed string: amounts and choices from ``random.Random(seed…)``, and
every command id from ``uuid5``. Running it again on the same store sends the very same commands,
which the command receipts answer without recording anything new.

Used by ``cleanledger demo`` and by benchmarks that need a realistic store.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from commands.messages.base import Command
from commands.messages.budget import Allocate, Appropriate, OpenFiscalYear, RegisterOrganisation
from commands.messages.spending import Obligate
from commands.messages.vendors import RegisterVendor
from domain.budget_line import BudgetLine
from domain.organisation import OrganisationKind
from domain.vendor import Vendor, VendorKind

if TYPE_CHECKING:
    from commands.ledger import Ledger

YEAR = 2026
ACTOR = "demo-loader"
DEFAULT_SEED = "cleanledger-demo"
_NAMESPACE = uuid5(NAMESPACE_URL, "https://cleanledger.seoul.go.kr/synthetic")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Org:
    code: str
    name: str
    kind: OrganisationKind
    #: Fields (분야) whose projects the organisation runs; empty means all of them.
    fields: tuple[str, ...] = ()


CITY = Org("6110000", "서울특별시 본청", OrganisationKind.CITY)
#: The 25 autonomous districts with their standard organisation codes (행정표준기관코드).
DISTRICTS = tuple(
    Org(code, name, OrganisationKind.DISTRICT)
    for code, name in (
        ("3030000", "성동구"),
        ("3000000", "종로구"),
        ("3010000", "중구"),
        ("3020000", "용산구"),
        ("3040000", "광진구"),
        ("3050000", "동대문구"),
        ("3060000", "중랑구"),
        ("3070000", "성북구"),
        ("3080000", "강북구"),
        ("3090000", "도봉구"),
        ("3100000", "노원구"),
        ("3110000", "은평구"),
        ("3120000", "서대문구"),
        ("3130000", "마포구"),
        ("3140000", "양천구"),
        ("3150000", "강서구"),
        ("3160000", "구로구"),
        ("3170000", "금천구"),
        ("3180000", "영등포구"),
        ("3190000", "동작구"),
        ("3200000", "관악구"),
        ("3210000", "서초구"),
        ("3220000", "강남구"),
        ("3230000", "송파구"),
        ("3240000", "강동구"),
    )
)
INSTITUTIONS = (
    Org("6119001", "서울문화재단", OrganisationKind.INSTITUTION, ("060", "010")),
    Org("6119002", "서울복지재단", OrganisationKind.INSTITUTION, ("080", "010")),
    Org("6119003", "서울시설공단", OrganisationKind.INSTITUTION, ("120", "140", "010")),
    Org("6119004", "서울연구원", OrganisationKind.INSTITUTION, ("140", "070", "010")),
)


@dataclass(frozen=True)
class Project:
    """A detailed project (세부사업) template: field, sector, title and its budget items."""

    field: str
    sector: str
    title: str
    items: tuple[str, ...]


PROJECTS = (
    Project("080", "081", "기초생활수급자 자활사업", ("307-02", "201-01")),
    Project("080", "082", "장애인 일자리 지원", ("307-02",)),
    Project("080", "084", "국공립어린이집 확충", ("401-01", "401-02")),
    Project("080", "084", "아이돌봄 지원", ("307-02",)),
    Project("080", "085", "어르신 복지관 운영", ("307-05", "201-02")),
    Project("080", "085", "경로당 냉난방비 지원", ("307-02",)),
    Project("080", "085", "청소년수련관 운영", ("307-05",)),
    Project("080", "088", "공공임대주택 관리", ("401-01", "201-02")),
    Project("060", "061", "공공도서관 확충", ("401-01", "405-02")),
    Project("060", "061", "작은도서관 운영 지원", ("307-02", "405-02")),
    Project("060", "061", "구립 문화예술회관 운영", ("307-05", "201-03")),
    Project("060", "062", "관광안내소 운영", ("201-03", "201-02")),
    Project("060", "063", "생활체육시설 조성", ("401-01", "401-03")),
    Project("060", "063", "구민체육센터 운영", ("307-05",)),
    Project("060", "064", "한양도성 보존관리", ("401-01", "207-01")),
    Project("120", "121", "보도블록 정비", ("401-01",)),
    Project("120", "121", "도로 포트홀 보수", ("401-01", "206-01")),
    Project("120", "125", "따릉이 운영", ("201-02", "405-01")),
    Project("120", "125", "마을버스 재정지원", ("307-02",)),
    Project("070", "072", "생활폐기물 수집운반 대행", ("307-05",)),
    Project("070", "073", "미세먼지 저감 사업", ("307-02", "201-01")),
    Project("070", "074", "공원 녹지 조성", ("401-01", "401-02")),
    Project("010", "016", "구정 홍보", ("201-01", "201-03")),
    Project("010", "016", "청사 시설관리", ("201-02", "401-01")),
    Project("010", "016", "행정정보시스템 고도화", ("207-02",)),
    Project("020", "023", "재난안전 대응체계 구축", ("201-01", "207-01")),
    Project("020", "023", "CCTV 통합관제센터 운영", ("201-02", "405-01")),
    Project("090", "091", "보건소 운영", ("206-01", "201-02")),
    Project("090", "091", "치매안심센터 운영", ("101-04", "201-01")),
    Project("050", "053", "평생학습관 운영", ("307-05", "201-03")),
    Project("110", "114", "소상공인 경영안정 지원", ("307-02",)),
    Project("140", "142", "도시재생 활성화", ("207-01", "401-01")),
)

#: Projects an organisation always has, whatever the scale (the rest are drawn at random).
FLAGSHIPS = {
    "6110000": ("따릉이 운영", "한양도성 보존관리"),
    "3030000": ("어르신 복지관 운영", "공공도서관 확충"),
}

#: 예비비: every city and district keeps a contingency reserve (never allocated or obligated).
RESERVE = ("100-160-161-9001-9001-9001-701-01", "예비비")

#: What an obligation on an item buys (for its description).
PURPOSES = {
    "101": "기간제근로자 인건비",
    "201": "운영 물품 구매",
    "206": "재료 구매",
    "207": "용역 계약",
    "307": "보조금 교부",
    "401": "시설 공사 계약",
    "405": "자산 취득",
}

_VENDOR_STEMS = (
    "한빛",
    "서울",
    "푸른",
    "다온",
    "미래",
    "새솔",
    "한강",
    "세종",
    "누리",
    "가람",
    "온누리",
    "하나",
)
_VENDOR_TRADES = ("건설", "환경", "정보기술", "조경", "시설관리", "도서유통", "복지서비스", "교통", "디자인")


@dataclass(frozen=True)
class Scale:
    districts: int
    institutions: int
    lines_per_org: int
    vendors: int


SCALES = {
    "small": Scale(districts=3, institutions=2, lines_per_org=20, vendors=8),
    "medium": Scale(districts=25, institutions=4, lines_per_org=60, vendors=40),
    "large": Scale(districts=25, institutions=4, lines_per_org=400, vendors=100),
}


@dataclass(frozen=True)
class Summary:
    """What one run sent, and how much of it was new."""

    scale: str
    organisations: int
    budget_lines: int
    vendors: int
    obligations: int
    commands: int
    replayed: int
    seconds: float

    @property
    def recorded(self) -> int:
        """Commands that recorded events in this run (the others were answered from receipts)."""
        return self.commands - self.replayed


def organisations(scale: Scale) -> list[Org]:
    return [CITY, *DISTRICTS[: scale.districts], *INSTITUTIONS[: scale.institutions]]


def vendors(count: int) -> list[tuple[str, str]]:
    """``count`` vendors as (business registration number, name), e.g. ``(주)한빛건설``."""
    found = []
    for n in range(count):
        stem = _VENDOR_STEMS[n % len(_VENDOR_STEMS)]
        trade = _VENDOR_TRADES[(n // len(_VENDOR_STEMS) + n) % len(_VENDOR_TRADES)]
        name = f"(주){stem}{trade}" if n % 2 == 0 else f"{stem}{trade}(주)"
        if n >= len(_VENDOR_STEMS) * len(_VENDOR_TRADES):
            name += f" {n // (len(_VENDOR_STEMS) * len(_VENDOR_TRADES)) + 1}"
        number = f"{123 + n % 800:03d}-{45 + n % 40:02d}-{67890 + n * 7:05d}"
        found.append((number, name))
    return found


@dataclass(frozen=True)
class Line:
    code: str
    title: str
    amount: int
    q1: int
    q2: int


def budget_lines(org: Org, count: int, rng: random.Random) -> list[Line]:
    """``count`` lines of projects in the organisation's fields, the reserve first (city, districts)."""
    slots = [
        (index, project, item)
        for index, project in enumerate(PROJECTS)
        if not org.fields or project.field in org.fields
        for item in project.items
    ]
    rng.shuffle(slots)
    flagships = FLAGSHIPS.get(org.code, ())
    slots.sort(key=lambda slot: slot[1].title not in flagships)
    lines: list[Line] = []
    if org.kind is not OrganisationKind.INSTITUTION and count > 0:
        amount = _round_down(int(10 ** rng.uniform(8.5, 9.3)), 1_000_000)
        lines.append(Line(RESERVE[0], RESERVE[1], amount, 0, 0))
    cycle = 0
    while len(lines) < count:
        for index, project, item in slots:
            if len(lines) == count:
                break
            detailed = 3001 + index + 100 * cycle
            code = (
                f"100-{project.field}-{project.sector}-1{project.field}-2{project.sector}-{detailed}-{item}"
            )
            title = project.title if cycle == 0 else f"{project.title} ({cycle + 1}단계)"
            low, high = (8.0, 9.7) if item.startswith("4") else (7.3, 9.0)
            if org.kind is OrganisationKind.INSTITUTION:
                low, high = low - 0.5, high - 0.5
            amount = _round_down(int(10 ** rng.uniform(low, high)), 1_000_000)
            q1 = _round_down(amount * rng.choice((25, 30, 35, 40)) // 100, 1_000)
            q2 = _round_down(amount * rng.choice((20, 25, 30)) // 100, 1_000)
            lines.append(Line(code, title, amount, q1, q2))
        cycle += 1
    return lines


def _round_down(amount: int, unit: int) -> int:
    return max(unit, amount // unit * unit)


def plan(scale: Scale, seed: str = DEFAULT_SEED) -> Iterator[Command]:
    """Every command of the data set, in the order they are sent."""

    def cid(*key: object) -> UUID:
        return uuid5(_NAMESPACE, "/".join([seed, *map(str, key)]))

    def command(cls: type[Command], org: Org, on: date, *key: object, **fields: object) -> Command:
        return cls(
            command_id=cid(cls.__name__, org.code, *key),
            org=org.code,
            fiscal_year=YEAR,
            accounting_date=on,
            actor=ACTOR,
            **fields,
        )

    orgs = organisations(scale)
    for org in orgs:
        yield command(RegisterOrganisation, org, date(YEAR, 1, 1), name=org.name, kind=org.kind)
        yield command(OpenFiscalYear, org, date(YEAR, 1, 1))
    vendor_ids = []
    for number, name in vendors(scale.vendors):
        vendor_ids.append(Vendor.id_for(number))
        yield command(
            RegisterVendor,
            CITY,
            date(YEAR, 1, 5),
            number,
            kind=VendorKind.BUSINESS,
            registration_number=number,
            name=name,
            address="서울특별시 중구 세종대로 110",
        )

    plans = {
        org.code: budget_lines(org, scale.lines_per_org, random.Random(f"{seed}/{org.code}")) for org in orgs
    }
    later: list[Command] = []
    for org in orgs:
        rng = random.Random(f"{seed}/{org.code}/obligations")
        for line in plans[org.code]:
            line_id = BudgetLine.id_for(org.code, YEAR, line.code)
            yield command(
                Appropriate,
                org,
                date(YEAR, 1, 2),
                line.code,
                budget_code=line.code,
                title=line.title,
                amount=line.amount,
            )
            if not line.q1:
                continue  # the contingency reserve is granted, never allocated
            yield command(
                Allocate, org, date(YEAR, 1, 2), line.code, 1, line_id=line_id, quarter=1, amount=line.q1
            )
            later.append(
                command(
                    Allocate, org, date(YEAR, 3, 25), line.code, 2, line_id=line_id, quarter=2, amount=line.q2
                )
            )
            if rng.random() >= 0.6:
                continue
            obligated = 0
            for n in range(rng.randint(1, 3)):
                quarter = 1 if n == 0 else 2
                room = (line.q1 if quarter == 1 else line.q1 + line.q2) - obligated
                amount = _round_down(room * rng.randint(10, 45) // 100, 10)
                if amount > room:
                    break
                obligated += amount
                on = date(YEAR, 2, rng.randint(2, 27)) if quarter == 1 else date(YEAR, 5, rng.randint(1, 29))
                item = line.code[-6:-3]
                vendor = (
                    rng.choice(vendor_ids) if vendor_ids and item in {"207", "307", "401", "405"} else None
                )
                ob = command(
                    Obligate,
                    org,
                    on,
                    line.code,
                    "obligation",
                    n,
                    line_id=line_id,
                    amount=amount,
                    description=f"{line.title} {PURPOSES.get(item, '집행')}",
                    vendor_id=vendor,
                )
                if quarter == 1:
                    yield ob
                else:
                    later.append(ob)
    # Q2 allocations precede Q2 obligations; within each, the accounting date orders them.
    later.sort(key=lambda c: (not isinstance(c, Allocate), c.accounting_date))
    yield from later


def generate(
    ledger: Ledger, scale: str | Scale, progress: Progress | None = None, seed: str = DEFAULT_SEED
) -> Summary:
    """Load the data set of ``scale`` into ``ledger``; idempotent (a re-run records nothing)."""
    name = scale if isinstance(scale, str) else "custom"
    spec = SCALES[scale] if isinstance(scale, str) else scale
    commands = list(plan(spec, seed))
    total, replayed = len(commands), 0
    started = time.perf_counter()
    for done, cmd in enumerate(commands, start=1):
        if ledger.handle(cmd).replayed:
            replayed += 1
        if progress is not None:
            progress(done, total)
    return Summary(
        scale=name,
        organisations=sum(isinstance(c, RegisterOrganisation) for c in commands),
        budget_lines=sum(isinstance(c, Appropriate) for c in commands),
        vendors=sum(isinstance(c, RegisterVendor) for c in commands),
        obligations=sum(isinstance(c, Obligate) for c in commands),
        commands=total,
        replayed=replayed,
        seconds=time.perf_counter() - started,
    )
