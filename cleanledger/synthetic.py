"""A deterministic synthetic ledger: Seoul's city hall, districts and funded institutions.

``generate(ledger, scale)`` walks fiscal year 2026 of each organisation through the whole
lifecycle, all through the ledger's commands (``Ledger.handle``):

- organisations registered, the year opened, opening balances (기초잔액) recorded;
- budget lines with Korean detailed-project titles appropriated, Q1 and Q2 allocated;
- vendors registered: businesses, one private person (개인, never disclosed), two debarred
  (부정당업자), one of whose debarments is lifted;
- requisitions (품의) approved before some obligations, one rejected; obligations (지출원인행위);
- contracts (계약) on works, services and purchases (401, 207, 405): open tender mostly, some
  restricted or private (수의계약, with the ground), a few amended, inspected (검수), completed;
- vouchers (지출결의) approved (one rejected first), payment orders (지급명령), payments (지급) with
  withholding (원천징수) where it applies, one partly returned (반납) with its obligation reduced by
  the returned amount (원인행위 감액), one paid to the wrong business, returned in full and paid to
  the right one on a new voucher;
- revenue (세입): lines, assessments of businesses and persons, bills, collections, one reduced
  assessment (감액), one overpayment refunded (과오납 환급);
- depreciation (감가상각) on 31 December;
- personnel (인사) of the funded institutions, from 2000 on: charts, employees, their careers
  (cleanledger.synthetic_personnel), when the ledger can seal personal data;
- their payroll (급여): the personnel lines, settings and tables, and every month of the year run,
  approved, posted, paid and remitted (cleanledger.synthetic_payroll).

Commands are sent in the order of their accounting dates, all inside the fiscal year, each after
those it depends on (a payment after its order, after its voucher's approval, …).

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
from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from cleanledger import synthetic_payroll, synthetic_personnel
from commands.messages.base import Command
from commands.messages.budget import (
    Allocate,
    Appropriate,
    OpenFiscalYear,
    RecordPopulation,
    RegisterOrganisation,
)
from commands.messages.contracts import AmendContract, CompleteContract, InspectContract, SignContract
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.messages.payments import (
    ApproveVoucher,
    DraftVoucher,
    IssuePaymentOrder,
    Pay,
    RejectVoucher,
    ReturnPayment,
)
from commands.messages.payroll import CalculatePayrollRun
from commands.messages.personnel import HireEmployee
from commands.messages.revenue import (
    AssessRevenue,
    BillRevenue,
    CollectRevenue,
    OpenRevenueLine,
    ReduceAssessment,
    RefundOverpayment,
)
from commands.messages.spending import (
    AmendObligation,
    ApproveRequisition,
    DraftRequisition,
    Obligate,
    RejectRequisition,
)
from commands.messages.vendors import DebarVendor, LiftDebarment, RegisterVendor
from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.contract import Contract, ContractMethod, PrivateContractReason
from domain.journal import JournalKind
from domain.obligation import Obligation
from domain.organisation import OrganisationKind
from domain.reference.budget_catalogue import REVENUE_CODES
from domain.requisition import Requisition
from domain.revenue import Assessment, PayerKind, RevenueLine
from domain.vendor import Vendor, VendorKind
from domain.voucher import Voucher

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

#: 주민등록인구 of the city and each district for the demo's year, recorded with their registration:
#: approximate 2025 counts rounded to the thousand, for per-capita figures (not official statistics).
POPULATION_SOURCE = "데모 자료: 2025년 주민등록인구 근사치"
POPULATION = {
    CITY.code: 9_330_000,  # 서울특별시
    "3000000": 139_000,  # 종로구
    "3010000": 121_000,  # 중구
    "3020000": 212_000,  # 용산구
    "3030000": 280_000,  # 성동구
    "3040000": 339_000,  # 광진구
    "3050000": 353_000,  # 동대문구
    "3060000": 381_000,  # 중랑구
    "3070000": 429_000,  # 성북구
    "3080000": 286_000,  # 강북구
    "3090000": 301_000,  # 도봉구
    "3100000": 489_000,  # 노원구
    "3110000": 456_000,  # 은평구
    "3120000": 308_000,  # 서대문구
    "3130000": 365_000,  # 마포구
    "3140000": 431_000,  # 양천구
    "3150000": 555_000,  # 강서구
    "3160000": 392_000,  # 구로구
    "3170000": 228_000,  # 금천구
    "3180000": 373_000,  # 영등포구
    "3190000": 374_000,  # 동작구
    "3200000": 481_000,  # 관악구
    "3210000": 398_000,  # 서초구
    "3220000": 553_000,  # 강남구
    "3230000": 652_000,  # 송파구
    "3240000": 462_000,  # 강동구
}


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
    #: Assessments (부과) per revenue line.
    assessments: int = 3
    #: Employees hired over the years across the funded institutions (cleanledger.synthetic_personnel).
    employees: int = 0


SCALES = {
    "small": Scale(districts=3, institutions=2, lines_per_org=20, vendors=8, assessments=3, employees=200),
    "medium": Scale(
        districts=25, institutions=4, lines_per_org=60, vendors=40, assessments=6, employees=2_000
    ),
    "large": Scale(
        districts=25, institutions=4, lines_per_org=400, vendors=100, assessments=20, employees=20_000
    ),
}


@dataclass(frozen=True)
class Summary:
    """What one run sent, and how much of it was new."""

    scale: str
    organisations: int
    budget_lines: int
    vendors: int
    requisitions: int
    obligations: int
    contracts: int
    vouchers: int
    payments: int
    revenue_assessments: int
    journal_entries: int
    commands: int
    replayed: int
    seconds: float
    #: Employees hired (0 when the ledger has no vault to seal their personal data).
    employees: int = 0
    #: Monthly payroll runs calculated (one per institution and month).
    payroll_runs: int = 0

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


# --- the lifecycle after the obligation -------------------------------------------------------

LAST_DAY = date(YEAR, 12, 31)

#: Items whose obligations are contracted (계약) with their vendor, and what the contract is.
CONTRACTED = {
    "401-01": "시설공사",
    "401-02": "건설사업관리(감리) 용역",
    "401-03": "실시설계 용역",
    "207-01": "연구용역",
    "207-02": "정보시스템 구축 용역",
    "405-01": "장비 구매",
    "405-02": "도서 구매",
}
#: Contract periods (days) by budget item (편성목).
_DURATIONS = {"401": (60, 150), "207": (45, 120), "405": (10, 40)}

#: 계약부서 by sector (부문), with a few projects named apart; institutions have teams (팀).
DEPARTMENTS = {
    "081": "복지정책과",
    "082": "장애인복지정책과",
    "084": "보육정책과",
    "085": "어르신복지과",
    "088": "주택정책과",
    "053": "평생교육과",
    "061": "도서관정책과",
    "062": "관광정책과",
    "063": "체육정책과",
    "064": "역사문화재과",
    "072": "자원순환과",
    "073": "기후환경정책과",
    "074": "공원녹지정책과",
    "091": "보건정책과",
    "114": "소상공인정책과",
    "121": "도로관리과",
    "125": "교통정책과",
    "142": "도시재생과",
    "016": "총무과",
    "023": "안전총괄과",
}
_DEPARTMENTS_BY_TITLE = {"행정정보시스템 고도화": "정보화담당관", "따릉이 운영": "자전거정책과"}
_INSTITUTION_TEAMS = {"010": "경영지원팀", "060": "문화사업팀", "080": "복지사업팀", "120": "시설운영팀"}

#: 수의계약 on a ground other than a small amount, with the detail disclosed beside it.
_PRIVATE_GROUNDS = (
    (PrivateContractReason.SOLE_SOURCE, "특허공법 보유 업체와의 계약 (지방계약법 시행령 제25조 제1항 제4호)"),
    (
        PrivateContractReason.SOCIAL_ENTERPRISE,
        "사회적기업 제품 우선구매 (지방계약법 시행령 제25조 제1항 제5호)",
    ),
    (PrivateContractReason.EMERGENCY, "집중호우 피해 긴급 복구 (지방계약법 시행령 제25조 제1항 제2호)"),
    (PrivateContractReason.OTHER, "기존 시스템 유지관리 업체와의 호환성 확보"),
)

#: Withholding (원천징수) on payments to persons: 기타소득세 8 % and 지방소득세 0.8 %; on wages of
#: fixed-term workers (101-04): income tax and the workers' share of social insurance, about 9.4 %.
WITHHOLDING_OTHER_INCOME = (88, 1000)
WITHHOLDING_WAGES = (94, 1000)

#: The private person (개인) paid by the demo: never named in anything disclosed.
PERSON = ("P-2026004117", "문가온", "서울특별시 마포구 성산동")
#: Vendors debarred (부정당업자 제재): kept out of the obligations' vendor pool.
DEBARRED = (
    ("214-86-31570", "(주)금강토건", "서울특별시 강동구 천호대로 1050"),
    ("605-81-22418", "세진조경(주)", "서울특별시 은평구 통일로 715"),
)

#: Revenue lines (세입과목) per kind of organisation: code, estimate (세입예산액) in ‰ of the
#: organisation's spending budget, and whether private persons are among the payers.
_REVENUE_LINES = {
    OrganisationKind.CITY: (
        ("100-110-111-01", 220, True),
        ("100-110-111-03", 50, True),
        ("200-210-211-01", 12, False),
        ("200-220-221-01", 8, True),
        ("400-410-411-01", 200, False),
    ),
    OrganisationKind.DISTRICT: (
        ("100-110-111-02", 120, True),
        ("200-210-212-01", 20, True),
        ("200-210-213-01", 10, True),
        ("200-220-221-01", 8, True),
        ("400-410-411-01", 300, False),
        # 자치구 조정교부금 from the city: last, so the lines above draw the same amounts as before.
        ("300-320-321-01", 120, False),
    ),
    OrganisationKind.INSTITUTION: (
        ("200-210-212-01", 150, True),
        ("200-210-211-01", 50, False),
    ),
}
#: What a private person is assessed (log10 of won), by revenue chapter (장).
_PERSON_ASSESSED = {"100": (5.3, 6.6), "200": (4.3, 5.5)}
_BUSINESS_PAYERS = (
    "(주)한강부동산개발",
    "서울물산(주)",
    "(주)세종모빌리티",
    "(주)남산관광호텔",
    "동방상사(주)",
    "(주)청계유통",
    "(주)마포물류센터",
    "여의도빌딩관리(주)",
)
_PERSON_PAYERS = ("김민준", "이서연", "박지호", "최유나", "정우진", "강하은")
_GRANTORS = ("보건복지부", "국토교통부", "환경부", "행정안전부")

#: Opening balances (기초잔액) in ‰ of the organisation's spending budget, debit positive;
#: net assets (순자산, an institution's 이익잉여금) balance the entry.
_OPENING = {
    OrganisationKind.CITY: (
        ("1110", 250),  # 현금및현금성자산
        ("1120", 150),  # 단기금융상품
        ("1130", 30),  # 미수세금
        ("1310", 3000),  # 토지
        ("1320", 600),  # 건물
        ("1350", 30),  # 비품
        ("1370", 200),  # 건설중인자산
        ("1380", 2500),  # 사회기반시설
        ("1390", 300),  # 주민편의시설
        ("1395", -1100),  # 감가상각누계액
        ("2210", -220),  # 지방채
        ("2230", -30),  # 퇴직급여충당부채
    ),
    OrganisationKind.DISTRICT: (
        ("1110", 300),
        ("1120", 100),
        ("1130", 20),
        ("1310", 2500),
        ("1320", 600),
        ("1350", 40),
        ("1380", 800),
        ("1390", 400),
        ("1395", -500),
        ("2230", -50),
    ),
    OrganisationKind.INSTITUTION: (
        ("1110", 400),
        ("1120", 250),
        ("1320", 700),
        ("1350", 100),
        ("1410", 20),
        ("1395", -200),
        ("2230", -60),
        ("3210", -500),  # 기본재산
    ),
}
#: Straight-line depreciation (정액법): useful life in years of the depreciable accounts. Land is
#: not depreciated, nor is infrastructure (사회기반시설) kept up by maintenance, as roads are.
_USEFUL_LIFE = {"1320": 40, "1350": 5, "1390": 40, "1410": 5}


@dataclass(frozen=True)
class _Obligation:
    """What the plan knows of an obligation it made."""

    org: Org
    line: Line
    key: tuple[object, ...]
    obligation_id: UUID
    amount: int
    on: date
    vendor_id: UUID | None

    @property
    def item(self) -> str:
        """The budget item with its statistics item, e.g. ``401-01``."""
        return self.line.code[-6:]


def _days(day: date, rng: random.Random, low: int, high: int) -> date:
    """A working day ``low``–``high`` days after ``day`` (never past the fiscal year)."""
    return _workday(day + timedelta(days=rng.randint(low, high)))


def _days_before(day: date, rng: random.Random, low: int, high: int) -> date:
    found = day - timedelta(days=rng.randint(low, high))
    while found.weekday() >= 5:
        found -= timedelta(days=1)
    return found


def _workday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return min(day, LAST_DAY)


def _returned_on(paid: date) -> date:
    """When a payment made to the wrong business comes back: a week later."""
    return _workday(paid + timedelta(days=7))


def _part(amount: int, numerator: int, denominator: int, unit: int = 10) -> int:
    """``amount × numerator / denominator`` rounded down to ``unit`` (10원 미만 절사)."""
    return amount * numerator // denominator // unit * unit


class _Planner:
    """Collects the commands of the data set; each one-off story is told on its first occasion."""

    def __init__(self, scale: Scale, seed: str) -> None:
        self.scale, self.seed = scale, seed
        self.commands: list[Command] = []
        self.person_id = Vendor.id_for(PERSON[0])
        self.pool: list[UUID] = []
        self.rejected_requisition = False
        self.rejected_voucher = False
        self.returned_payment = False
        self.misdirected_payment = False
        self.person_paid = False
        self.failed_inspection = False
        self.reduced_assessment = False
        self.refunded_overpayment = False

    def cid(self, *key: object) -> UUID:
        return uuid5(_NAMESPACE, "/".join([self.seed, *map(str, key)]))

    def add(self, cls: type[Command], org: Org, on: date, *key: object, **fields: object) -> UUID:
        """Plan one command; returns its id (from which the ids of what it creates derive)."""
        command_id = self.cid(cls.__name__, org.code, *key)
        self.commands.append(
            cls(
                command_id=command_id,
                org=org.code,
                fiscal_year=YEAR,
                accounting_date=on,
                actor=ACTOR,
                **fields,
            )
        )
        return command_id

    # --- organisations, vendors, debarments -------------------------------------------------

    def vendors(self) -> list[UUID]:
        """Register the businesses of the obligations' pool, the debarred two and the person."""
        pool = []
        for number, name in vendors(self.scale.vendors):
            pool.append(Vendor.id_for(number))
            self.vendor(number, name, "서울특별시 중구 세종대로 110")
        for number, name, address in DEBARRED:
            self.vendor(number, name, address)
        self.vendor(*PERSON, kind=VendorKind.PERSON)
        self.pool = pool
        return pool

    def vendor(self, number: str, name: str, address: str, kind: VendorKind = VendorKind.BUSINESS) -> None:
        self.add(
            RegisterVendor,
            CITY,
            date(YEAR, 1, 5),
            number,
            kind=kind,
            registration_number=number,
            name=name,
            address=address,
        )

    def debarments(self, orgs: list[Org]) -> None:
        """부정당업자 제재: one in force for six months, one lifted by a court's stay."""
        collusion, faulty = (Vendor.id_for(number) for number, _, _ in DEBARRED)
        self.add(
            DebarVendor,
            CITY,
            date(YEAR, 3, 16),
            DEBARRED[0][0],
            vendor_id=collusion,
            ground="입찰 담합 (지방자치단체를 당사자로 하는 계약에 관한 법률 제31조 제1항)",
            starts=date(YEAR, 3, 17),
            ends=date(YEAR, 9, 16),
        )
        issuer = orgs[1] if len(orgs) > 1 and orgs[1].kind is OrganisationKind.DISTRICT else CITY
        debar = self.add(
            DebarVendor,
            issuer,
            date(YEAR, 4, 6),
            DEBARRED[1][0],
            vendor_id=faulty,
            ground="계약 이행 부실 (하자보수 의무 불이행)",
            starts=date(YEAR, 4, 7),
            ends=date(YEAR, 10, 6),
        )
        self.add(
            LiftDebarment,
            issuer,
            date(YEAR, 6, 15),
            DEBARRED[1][0],
            vendor_id=faulty,
            debarment_id=ledger_id("debarment", debar),
            reason="서울행정법원 집행정지 결정에 따른 제재 해제",
        )

    # --- budget, requisitions, obligations ------------------------------------------------------

    def budget(self, org: Org, lines: list[Line], vendor_pool: list[UUID]) -> None:
        """Appropriate and allocate the lines; obligate part of them and carry each on."""
        rng = random.Random(f"{self.seed}/{org.code}/obligations")
        life = random.Random(f"{self.seed}/{org.code}/lifecycle")
        for line in lines:
            line_id = BudgetLine.id_for(org.code, YEAR, line.code)
            self.add(
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
            self.add(
                Allocate, org, date(YEAR, 1, 2), line.code, 1, line_id=line_id, quarter=1, amount=line.q1
            )
            self.add(
                Allocate, org, date(YEAR, 3, 25), line.code, 2, line_id=line_id, quarter=2, amount=line.q2
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
                day = date(YEAR, 2, rng.randint(2, 27)) if quarter == 1 else date(YEAR, 5, rng.randint(1, 29))
                on = _workday(day)
                item = line.code[-6:-3]
                vendor = (
                    rng.choice(vendor_pool) if vendor_pool and item in {"207", "307", "401", "405"} else None
                )
                self.obligation(org, line, line_id, n, amount, on, vendor, life)

    def obligation(
        self,
        org: Org,
        line: Line,
        line_id: UUID,
        n: int,
        amount: int,
        on: date,
        vendor: UUID | None,
        rng: random.Random,
    ) -> None:
        key = (line.code, "obligation", n)
        item = line.code[-6:]
        purpose = PURPOSES.get(item[:3], "집행")
        contracted = item in CONTRACTED and vendor is not None
        requisition = None
        if contracted or rng.random() < 0.3:
            requisition = self.requisition(org, line, line_id, key, amount, on, purpose, rng)
        command_id = self.add(
            Obligate,
            org,
            on,
            *key,
            line_id=line_id,
            amount=amount,
            description=f"{line.title} {purpose}",
            requisition_id=requisition,
            vendor_id=vendor,
        )
        ob = _Obligation(org, line, key, Obligation.id_for(command_id), amount, on, vendor)
        if contracted:
            self.contract(ob, rng)
        elif rng.random() < 0.85:
            self.spend(ob, rng)

    def requisition(
        self,
        org: Org,
        line: Line,
        line_id: UUID,
        key: tuple[object, ...],
        amount: int,
        obligated_on: date,
        purpose: str,
        rng: random.Random,
    ) -> UUID:
        """지출품의, approved through 전자결재 a few days before the obligation; returns its id."""
        approved = _days_before(obligated_on, rng, 1, 3)
        drafted = _days_before(approved, rng, 2, 7)
        title = f"{line.title} {purpose} 지출품의"
        estimate = -(-amount * rng.randint(100, 108) // 100 // 1000) * 1000  # rounded up to 1,000
        if not self.rejected_requisition:
            self.rejected_requisition = True
            first = _days_before(drafted, rng, 10, 14)
            rejected = self.add(
                DraftRequisition, org, first, *key, "rejected", line_id=line_id, title=title, amount=estimate
            )
            self.add(
                RejectRequisition,
                org,
                _days(first, rng, 2, 4),
                *key,
                "rejected",
                requisition_id=Requisition.id_for(rejected),
                reason="사업비 산출근거 재검토 필요 (단가 과다 산정), 보완 후 재상신",
            )
        command_id = self.add(
            DraftRequisition, org, drafted, *key, line_id=line_id, title=title, amount=estimate
        )
        requisition_id = Requisition.id_for(command_id)
        self.add(ApproveRequisition, org, approved, *key, requisition_id=requisition_id)
        return requisition_id

    # --- contracts ------------------------------------------------------------------------------

    def contract(self, ob: _Obligation, rng: random.Random) -> None:
        """계약 with the obligation's vendor: signed, maybe amended, inspected, completed, paid."""
        assert ob.vendor_id is not None
        org, item, key = ob.org, ob.item, ob.key
        signed = _days(ob.on, rng, 1, 6)
        method, reason, detail = _method(ob.amount, rng)
        # 낙찰률: competitive bids come in below the estimate, private contracts near it.
        rate = rng.randint(870, 990) if method is not ContractMethod.PRIVATE else rng.randint(950, 1000)
        amount = min(ob.amount, max(1_000, _part(ob.amount, rate, 1000, 1_000)))
        starts = _days(signed, rng, 1, 5)
        ongoing = item.startswith("401") and rng.random() < 0.25  # 계속공사 into next year
        if ongoing:
            ends = date(YEAR + 1, rng.choice((3, 4, 6)), 30)
        else:
            low, high = _DURATIONS[item[:3]]
            ends = min(starts + timedelta(days=rng.randint(low, high)), date(YEAR, 11, 13))
        title = f"{ob.line.title} {CONTRACTED[item]}"
        contract_id = Contract.id_for(
            self.add(
                SignContract,
                org,
                signed,
                *key,
                obligation_id=ob.obligation_id,
                vendor_id=ob.vendor_id,
                amount=amount,
                method=method,
                private_reason=reason,
                private_reason_detail=detail,
                title=title,
                department=_department(org, ob.line),
                starts=starts,
                ends=ends,
            )
        )
        if rng.random() < 0.25:
            amount, ends = self.amend(ob, contract_id, amount, starts, ends, ongoing, rng)
        advance = 0
        if item.startswith("401") and (ongoing or rng.random() < 0.4):
            advance = _part(amount, rng.randint(20, 50), 100, 1_000)
            on = _days(starts, rng, 3, 10)
            self.voucher(ob, "advance", advance, f"{title} 선금", on, rng, contract_id=contract_id)
        if ongoing:
            return  # paid the rest next year
        inspected = self.inspect(ob, contract_id, amount, _days(ends, rng, 1, 5), rng)
        self.add(CompleteContract, org, inspected, *key, contract_id=contract_id)
        final = f"{title} {'준공금' if item.startswith('401') else '대금'}"
        on = _days(inspected, rng, 1, 4)
        self.voucher(ob, "final", amount - advance, final, on, rng, contract_id=contract_id)

    def amend(
        self,
        ob: _Obligation,
        contract_id: UUID,
        amount: int,
        starts: date,
        ends: date,
        ongoing: bool,
        rng: random.Random,
    ) -> tuple[int, date]:
        """변경계약 of the amount (within the obligation) or of the end; returns amount and end."""
        amended_on = _workday(starts + min(ends - starts, timedelta(days=60)) / 2)
        increase = _part(min(ob.amount - amount, amount * rng.randint(3, 10) // 100), 1, 1, 1_000)
        if increase > 0 and rng.random() < 0.5:
            amount += increase
            self.add(
                AmendContract,
                ob.org,
                amended_on,
                *ob.key,
                contract_id=contract_id,
                new_amount=amount,
                reason="설계변경에 따른 증액 (물량 증가)",
            )
            return amount, ends
        extended = ends + timedelta(days=rng.randint(14, 30))
        if not ongoing:
            extended = min(extended, date(YEAR, 12, 4))
        if extended > ends:
            ends = extended
            self.add(
                AmendContract,
                ob.org,
                amended_on,
                *ob.key,
                contract_id=contract_id,
                new_ends=ends,
                reason="자재 수급 지연에 따른 계약기간 연장",
            )
        return amount, ends

    def inspect(self, ob: _Obligation, contract_id: UUID, amount: int, on: date, rng: random.Random) -> date:
        """검수 of the whole work (the first purchase fails once); returns the day it passed."""
        if not self.failed_inspection and ob.item.startswith("405"):
            self.failed_inspection = True
            self.add(
                InspectContract,
                ob.org,
                on,
                *ob.key,
                "failed",
                contract_id=contract_id,
                inspected_amount=amount,
                passed=False,
                note="납품 물품 일부 규격 미달, 교체 후 재검수",
            )
            on = _days(on, rng, 5, 9)
        self.add(
            InspectContract,
            ob.org,
            on,
            *ob.key,
            contract_id=contract_id,
            inspected_amount=amount,
            passed=True,
            note="준공검사 합격" if ob.item.startswith("401") else "검수 완료",
        )
        return on

    # --- vouchers, payment orders, payments -----------------------------------------------------

    def spend(self, ob: _Obligation, rng: random.Random) -> None:
        """Spending without a contract: subsidies, operating costs, wages, a person's fee."""
        item = ob.item
        if not self.person_paid and item.startswith("201") and ob.vendor_id is None:
            self.person_paid = True
            fee = min(ob.amount, rng.choice((600_000, 900_000, 1_200_000, 1_500_000)))
            on = _days(ob.on, rng, 5, 20)
            paid = self.voucher(
                ob,
                "fee",
                fee,
                "정책자문위원회 자문수당",
                on,
                rng,
                payee_id=self.person_id,
                withholding=WITHHOLDING_OTHER_INCOME,
            )
            if ob.amount > fee:
                self.voucher(
                    ob,
                    "rest",
                    ob.amount - fee,
                    f"{ob.line.title} 운영 물품 구매 대금",
                    _days(paid, rng, 3, 10),
                    rng,
                    payee_id=self.supplier(ob, rng),
                )
            return
        reject = not self.rejected_voucher
        self.rejected_voucher = True
        if item.startswith("307"):
            share = 100 if rng.random() < 0.6 else rng.choice((50, 60, 70))
            first = _part(ob.amount, share, 100)
            give_back = not self.returned_payment
            self.returned_payment = True
            self.voucher(
                ob,
                "first",
                first,
                f"{ob.line.title} 보조금 교부" + ("" if share == 100 else " (1차)"),
                _days(ob.on, rng, 7, 25),
                rng,
                reject_first=reject,
                return_part=give_back,
            )
            if first < ob.amount:
                self.voucher(
                    ob,
                    "second",
                    ob.amount - first,
                    f"{ob.line.title} 보조금 교부 (2차)",
                    _workday(date(YEAR, 9, rng.randint(1, 25))),
                    rng,
                )
        elif item.startswith("101"):
            self.voucher(
                ob,
                "wages",
                ob.amount,
                f"{ob.line.title} 기간제근로자 보수",
                _days(ob.on, rng, 20, 30),
                rng,
                reject_first=reject,
                withholding=WITHHOLDING_WAGES,
            )
        else:
            description = f"{ob.line.title} {PURPOSES.get(item[:3], '집행')} 대금"
            on = _days(ob.on, rng, 3, 15)
            payee = self.supplier(ob, rng)
            misdirect = not self.misdirected_payment and payee is not None and len(self.pool) > 1
            self.misdirected_payment |= misdirect
            paid = self.voucher(
                ob,
                "whole",
                ob.amount,
                description,
                on,
                rng,
                payee_id=payee,
                reject_first=reject,
                return_all=misdirect,
            )
            if misdirect:
                # The right business, paid on a new voucher once the money came back; a random
                # stream of its own, so the rest of the data set stays as it was.
                fix = random.Random(f"{self.seed}/{ob.org.code}/misdirected")
                right = fix.choice([vendor for vendor in self.pool if vendor != payee])
                self.voucher(
                    ob,
                    "corrected",
                    ob.amount,
                    f"{description} (정당 채주 재지급)",
                    _workday(_returned_on(paid) + timedelta(days=3)),
                    fix,
                    payee_id=right,
                )

    def supplier(self, ob: _Obligation, rng: random.Random) -> UUID | None:
        """The business paid for goods bought without a contract, if the obligation names none."""
        return rng.choice(self.pool) if self.pool and ob.vendor_id is None else None

    def voucher(
        self,
        ob: _Obligation,
        name: str,
        amount: int,
        description: str,
        on: date,
        rng: random.Random,
        *,
        contract_id: UUID | None = None,
        payee_id: UUID | None = None,
        withholding: tuple[int, int] = (0, 1),
        reject_first: bool = False,
        return_part: bool = False,
        return_all: bool = False,
    ) -> date:
        """지출결의 → 전자결재 approval → 지급명령 → 지급 (and 반납); returns the payment date.

        ``return_part``: part of the payment comes back (집행잔액) and the obligation is reduced by
        it (원인행위 감액); ``return_all``: all of it comes back (paid to the wrong business) on
        :func:`_returned_on` the payment date, for a new voucher to pay again.
        """
        org, key = ob.org, (*ob.key, "voucher", name)
        fields = dict(
            obligation_id=ob.obligation_id,
            contract_id=contract_id,
            amount=amount,
            description=description,
            payee_id=payee_id,
        )
        if reject_first:
            rejected = self.add(DraftVoucher, org, on, *key, "rejected", **fields)
            refused = _days(on, rng, 1, 2)
            self.add(
                RejectVoucher,
                org,
                refused,
                *key,
                "rejected",
                voucher_id=Voucher.id_for(rejected),
                reason="증빙서류 미첨부로 반려 (보완 후 재결의)",
            )
            on = _days(refused, rng, 1, 3)
        voucher_id = Voucher.id_for(self.add(DraftVoucher, org, on, *key, **fields))
        approved = _days(on, rng, 0, 2)
        self.add(ApproveVoucher, org, approved, *key, voucher_id=voucher_id)
        ordered = _days(approved, rng, 1, 3)
        order = self.add(IssuePaymentOrder, org, ordered, *key, voucher_id=voucher_id, amount=amount)
        paid = _days(ordered, rng, 1, 3)
        payment = self.add(
            Pay,
            org,
            paid,
            *key,
            voucher_id=voucher_id,
            order_id=Voucher.order_id_for(order),
            amount=amount,
            withheld=_part(amount, *withholding),
        )
        if return_part:
            returned_on, returned = _days(paid, rng, 20, 40), max(10, _part(amount, rng.randint(5, 15), 100))
            self.add(
                ReturnPayment,
                org,
                returned_on,
                *key,
                voucher_id=voucher_id,
                payment_id=Voucher.payment_id_for(payment),
                amount=returned,
                reason="보조사업 집행잔액 반납",
            )
            # A return leaves the amount obligated (domain.md §4): reduce the obligation to free it.
            self.add(
                AmendObligation,
                org,
                returned_on,
                *key,
                obligation_id=ob.obligation_id,
                new_amount=ob.amount - returned,
                reason="보조사업 집행잔액 반납에 따른 원인행위 감액",
            )
        if return_all:
            self.add(
                ReturnPayment,
                org,
                _returned_on(paid),
                *key,
                voucher_id=voucher_id,
                payment_id=Voucher.payment_id_for(payment),
                amount=amount,
                reason="착오 지급 반납 (채주 오류)",
            )
        return paid

    # --- revenue ----------------------------------------------------------------------------

    def revenue(self, org: Org, budget: int) -> None:
        """세입: lines with their estimates, and assessments billed, collected (or owed)."""
        rng = random.Random(f"{self.seed}/{org.code}/revenue")
        for code, share, persons in _REVENUE_LINES[org.kind]:
            chapter = code.partition("-")[0]
            estimate = _round_down(budget * share * rng.randint(80, 120) // 100_000, 1_000_000)
            self.add(
                OpenRevenueLine,
                org,
                date(YEAR, 1, 2),
                code,
                revenue_code=code,
                title=REVENUE_CODES[code].rsplit("/", 1)[-1],
                estimate=estimate,
            )
            line_id = RevenueLine.id_for(org.code, YEAR, code)
            # Assessed: 55–85 % of the estimate; a person's share is a household's bill.
            count = self.scale.assessments
            people = [persons and n == 1 for n in range(count)]
            fixed = {
                n: _round_down(int(10 ** rng.uniform(*_PERSON_ASSESSED[chapter])), 10)
                for n in range(count)
                if people[n]
            }
            rest = max(0, estimate * rng.randint(55, 85) // 100 - sum(fixed.values()))
            weights = [rng.uniform(0.5, 1.5) for _ in range(count)]
            total = sum(w for n, w in enumerate(weights) if not people[n]) or 1.0
            for n in range(count):
                amount = fixed.get(n) or _round_down(int(rest * weights[n] / total), 10)
                self.assessment(org, code, line_id, n, amount, people[n], rng)

    def assessment(
        self, org: Org, code: str, line_id: UUID, n: int, amount: int, person: bool, rng: random.Random
    ) -> None:
        chapter = code.partition("-")[0]
        if chapter == "400":
            payer = rng.choice(_GRANTORS)
        elif code == "300-320-321-01":
            payer = "서울특별시"  # the city pays its districts' 조정교부금
        else:
            payer = rng.choice(_PERSON_PAYERS if person else _BUSINESS_PAYERS)
        assessed = _workday(date(YEAR, 1, 15) + timedelta(days=rng.randint(0, 285)))
        key = (code, "assessment", n)
        command_id = self.add(
            AssessRevenue,
            org,
            assessed,
            *key,
            line_id=line_id,
            payer=payer,
            payer_kind=PayerKind.PERSON if person else PayerKind.BUSINESS,
            amount=amount,
            due_date=assessed + timedelta(days=30),
        )
        assessment_id = Assessment.id_for(command_id)
        billed_on = _days(assessed, rng, 0, 3)
        if not self.reduced_assessment and chapter == "100":
            self.reduced_assessment = True
            reduction = _part(amount, rng.randint(10, 30), 100)
            amount -= reduction
            self.add(
                ReduceAssessment,
                org,
                billed_on,
                *key,
                assessment_id=assessment_id,
                amount=reduction,
                reason="이의신청 인용에 따른 감액 (과세표준 정정)",
            )
            billed_on = _days(billed_on, rng, 1, 3)
        self.add(BillRevenue, org, billed_on, *key, assessment_id=assessment_id, amount=amount)
        collected_on = _days(billed_on, rng, 5, 29)
        if not self.refunded_overpayment and chapter != "400" and not person and n > 0:
            self.refunded_overpayment = True
            # 이중납부: the bill paid twice, the second payment refunded (과오납 환급).
            self.add(
                CollectRevenue,
                org,
                collected_on,
                *key,
                assessment_id=assessment_id,
                amount=2 * amount,
                allow_overpayment=True,
            )
            self.add(
                RefundOverpayment,
                org,
                _days(collected_on, rng, 10, 20),
                *key,
                assessment_id=assessment_id,
                amount=amount,
                reason="이중납부 과오납금 환급",
            )
            return
        draw = rng.random()
        if draw < 0.1:
            return  # 체납: billed and still owed
        received = amount if draw < 0.85 else _part(amount, rng.randint(30, 90), 100)
        if received > 0:
            self.add(CollectRevenue, org, collected_on, *key, assessment_id=assessment_id, amount=received)

    # --- journal entries ----------------------------------------------------------------------

    def opening_balances(self, org: Org, budget: int) -> None:
        """기초잔액 on 1 January; net assets (순자산, or an institution's 이익잉여금) balance it."""
        lines = self.balances(org, budget)
        plug = "3220" if org.kind is OrganisationKind.INSTITUTION else "3110"
        net = sum(amount for _, amount in lines)
        self.add(
            RecordJournalEntry,
            org,
            date(YEAR, 1, 1),
            "opening",
            kind=JournalKind.OPENING,
            lines=tuple(_journal_line(account, amount) for account, amount in (*lines, (plug, -net))),
            memo=f"{YEAR} 회계연도 기초잔액 (전년도 결산 재무제표 이월)",
        )

    def depreciation(self, org: Org, budget: int) -> None:
        """감가상각비 of the year, straight line, on 31 December."""
        amount = sum(
            _round_down(balance // _USEFUL_LIFE[account], 1_000)
            for account, balance in self.balances(org, budget)
            if account in _USEFUL_LIFE
        )
        self.add(
            RecordJournalEntry,
            org,
            LAST_DAY,
            "depreciation",
            kind=JournalKind.DEPRECIATION,
            lines=(_journal_line("5510", amount), _journal_line("1395", -amount)),
            memo=f"{YEAR} 회계연도 감가상각비 계상 (정액법)",
        )

    def balances(self, org: Org, budget: int) -> list[tuple[str, int]]:
        """The opening balances of ``org`` (debit positive), in proportion to its budget."""
        rng = random.Random(f"{self.seed}/{org.code}/opening")
        return [
            (account, budget * share * rng.randint(85, 115) // 100_000 // 1_000_000 * 1_000_000)
            for account, share in _OPENING[org.kind]
        ]


def _journal_line(account: str, amount: int) -> JournalLineInput:
    """A debit of ``amount``, or a credit of ``−amount``."""
    return JournalLineInput(account=account, debit=max(amount, 0), credit=max(-amount, 0))


def _method(amount: int, rng: random.Random) -> tuple[ContractMethod, PrivateContractReason | None, str]:
    """계약방법: open tender mostly, some restricted; 수의계약 for some small amounts or a ground."""
    draw = rng.random()
    if amount <= 20_000_000 and draw < 0.35:
        detail = "추정가격 2천만원 이하 1인 견적 (지방계약법 시행령 제25조 제1항 제5호)"
        return ContractMethod.PRIVATE, PrivateContractReason.SMALL_AMOUNT, detail
    if draw < 0.75:
        return ContractMethod.OPEN, None, ""
    if draw < 0.92:
        return ContractMethod.RESTRICTED, None, ""
    reason, detail = rng.choice(_PRIVATE_GROUNDS)
    return ContractMethod.PRIVATE, reason, detail


def _department(org: Org, line: Line) -> str:
    field, sector = line.code.split("-")[1:3]
    if org.kind is OrganisationKind.INSTITUTION:
        return _INSTITUTION_TEAMS.get(field, "사업운영팀")
    return _DEPARTMENTS_BY_TITLE.get(line.title.split(" (")[0], DEPARTMENTS.get(sector, "기획예산과"))


def plan(scale: Scale, seed: str = DEFAULT_SEED) -> Iterator[Command]:
    """Every command of the data set, in the order they are sent: by accounting date.

    The commands of one day keep the order they were planned in, which puts every command after
    the ones it needs (a payment after its order, after its voucher's approval, …).
    """
    planner = _Planner(scale, seed)
    orgs = organisations(scale)
    lines = {
        org.code: budget_lines(org, scale.lines_per_org, random.Random(f"{seed}/{org.code}")) for org in orgs
    }
    budgets = {code: sum(line.amount for line in org_lines) for code, org_lines in lines.items()}
    for org in orgs:
        planner.add(RegisterOrganisation, org, date(YEAR, 1, 1), name=org.name, kind=org.kind)
        planner.add(OpenFiscalYear, org, date(YEAR, 1, 1))
        if org.code in POPULATION:
            planner.add(
                RecordPopulation,
                org,
                date(YEAR, 1, 1),
                population=POPULATION[org.code],
                as_of=date(YEAR - 1, 12, 31),
                source=POPULATION_SOURCE,
            )
    for org in orgs:
        planner.opening_balances(org, budgets[org.code])
    pool = planner.vendors()
    planner.debarments(orgs)
    for org in orgs:
        planner.budget(org, lines[org.code], pool)
    for org in orgs:
        planner.revenue(org, budgets[org.code])
    for org in orgs:
        planner.depreciation(org, budgets[org.code])
    yield from sorted(planner.commands, key=lambda command: command.accounting_date)


def personnel(scale: Scale, seed: str = DEFAULT_SEED) -> synthetic_personnel.Staff:
    """The personnel (인사) of the scale's funded institutions: sent after the rest, in the order
    of their own days (2000 on); ``.values`` lists the personal data it makes."""
    institutions = [
        (org.code, org.name) for org in organisations(scale) if org.kind is OrganisationKind.INSTITUTION
    ]
    return synthetic_personnel.plan(institutions, scale.employees, seed)


def generate(
    ledger: Ledger, scale: str | Scale, progress: Progress | None = None, seed: str = DEFAULT_SEED
) -> Summary:
    """Load the data set of ``scale`` into ``ledger``; idempotent (a re-run records nothing)."""
    name = scale if isinstance(scale, str) else "custom"
    spec = SCALES[scale] if isinstance(scale, str) else scale
    commands: list[Command] = list(plan(spec, seed))
    # Personal data is sealed before it is recorded: without a vault (PostgreSQL and no
    # CLEANLEDGER_MASTER_KEY) the demo has no personnel rather than failing.
    if spec.employees and ledger.personal_data is not None:
        staff = personnel(spec, seed).commands
        commands += staff
        commands += synthetic_payroll.plan(staff, YEAR, seed)
    total, replayed = len(commands), 0
    started = time.perf_counter()
    for done, cmd in enumerate(commands, start=1):
        if ledger.handle(cmd).replayed:
            replayed += 1
        if progress is not None:
            progress(done, total)

    def count(*kinds: type[Command]) -> int:
        return sum(isinstance(c, kinds) for c in commands)

    return Summary(
        scale=name,
        organisations=count(RegisterOrganisation),
        budget_lines=count(Appropriate),
        vendors=count(RegisterVendor),
        requisitions=count(DraftRequisition),
        obligations=count(Obligate),
        contracts=count(SignContract),
        vouchers=count(DraftVoucher),
        payments=count(Pay),
        revenue_assessments=count(AssessRevenue),
        journal_entries=count(RecordJournalEntry),
        commands=total,
        replayed=replayed,
        seconds=time.perf_counter() - started,
        employees=count(HireEmployee),
        payroll_runs=count(CalculatePayrollRun),
    )
