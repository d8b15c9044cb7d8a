"""Demo personnel (인사) of the funded institutions (출연기관): charts, employees and their careers.

:func:`plan` draws, for each institution, an organisation chart (조직도: 원장실, 기획조정실, a
경영지원본부 over its 경영지원팀, 인사팀 and 재무팀, a 사업본부 over the business teams, one team
created years later and one renamed; grades 1급–6급, and 연구직 at the research institute, with
their steps (호봉) and bands; positions from 원장 to 팀원; 정원 a little above the most people each
department ever holds) and employees hired from 2000 on. Each career is folded forward through
the domain's own rules (:func:`domain.personnel.actions.apply`, with the chart): probation ends,
the yearly step increase (정기승급), promotions, transfers, parental, unpaid and sick leave with the
returns, secondments, suspensions (직위해제) with a discipline, part-time spells, retirements
(voluntary, at the age limit, the 원장's at the end of the term). A drawn action the rules refuse
on its day is left out, so every command sent is accepted. Each institution also gets one amended
transfer, one reprimand cancelled on appeal and one draft rejected.

Every action is drafted by :data:`HR_CLERK` and approved by :data:`HR_MANAGER`, in one approval
per institution and day (one 발령 order). Command ids derive from the seed by ``uuid5``, so a
re-run sends the very same commands and their receipts answer them.

Personal data (개인정보) is synthetic and plainly so: addresses on 예시로 (example road), e-mail at
example.com. :func:`plan` also lists every resident registration number, phone and account it
made (:class:`PersonalValues`), for tests that search stores and dumps for them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from pydantic import SecretStr

from commands.messages.personnel import (
    ApprovalItem,
    ApprovePersonnelActions,
    CreateDepartment,
    DefineGrade,
    DefinePosition,
    Dependant,
    DraftPersonnelAction,
    DraftStepIncreases,
    HireEmployee,
    LinkEmployeeAccount,
    PersonalData,
    PersonnelCommand,
    RejectPersonnelAction,
    RenameDepartment,
    SetAuthorisedHeadcount,
)
from commands.use_cases.personnel import action_id_for
from domain.base import Context
from domain.errors import DomainError
from domain.personnel.actions import (
    Action,
    ActionDetails,
    ActionKind,
    DisciplineKind,
    RetirementKind,
    ServiceState,
    Status,
    WorkingPattern,
    apply,
    assignments,
    check_details,
)
from domain.personnel.employee import Employee
from domain.personnel.org_chart import LeaveKind, OrgChart

HR_CLERK = "hr.clerk"  # 인사담당자: drafts (기안)
HR_MANAGER = "hr.manager"  # 인사책임자: approves (결재) and keeps the chart
_NAMESPACE = uuid5(NAMESPACE_URL, "https://cleanledger.seoul.go.kr/synthetic/personnel")
#: Items per approval command (the message takes at most 5 000).
_APPROVAL_CHUNK = 2_000


@dataclass(frozen=True)
class Window:
    """The span of the careers: hires from ``hires_from`` (the chart's day and the founding
    cohort's) until ``hires_until``; the other actions from ``actions_from`` (None: from the
    hire; the bench puts them after every hire) until ``until`` (exclusive)."""

    hires_from: date
    hires_until: date
    until: date
    actions_from: date | None = None


DEMO = Window(date(2000, 1, 1), date(2026, 7, 1), date(2027, 1, 1))


@dataclass(frozen=True)
class PersonalValues:
    """Every value of personal data the plan made, to look for where it must never appear."""

    rrns: tuple[str, ...]
    phones: tuple[str, ...]
    accounts: tuple[str, ...]
    emails: tuple[str, ...]

    def all(self) -> tuple[str, ...]:
        return (*self.rrns, *self.phones, *self.accounts, *self.emails)


@dataclass(frozen=True)
class Staff:
    """The plan: its commands in the order they are sent, and what they make."""

    commands: list[PersonnelCommand]
    employees: int
    #: Approved actions, hires included (an action counts once, on its approval).
    actions: int
    values: PersonalValues
    #: Per institution, the employee linked to a self-service user (본인 조회) and the user's name.
    linked: dict[str, tuple[UUID, str]]


# --- the chart ----------------------------------------------------------------------------------

#: 직급: code → (name, rank, band, top step, track). Ranks order grades within a track.
GRADES = {
    "G1": ("1급", 6, "1–2급", 25, "general"),
    "G2": ("2급", 5, "1–2급", 28, "general"),
    "G3": ("3급", 4, "3–4급", 30, "general"),
    "G4": ("4급", 3, "3–4급", 30, "general"),
    "G5": ("5급", 2, "5급 이하", 31, "general"),
    "G6": ("6급", 1, "5급 이하", 31, "general"),
}
#: 연구직, kept by the research institute only.
RESEARCH_GRADES = {
    "R1": ("연구위원", 5, "연구직", 30, "research"),
    "R2": ("부연구위원", 4, "연구직", 30, "research"),
    "R3": ("연구원", 3, "연구직", 30, "research"),
}
RESEARCH_INSTITUTE = "6119004"  # 서울연구원
POSITIONS = {"HEAD": "원장", "DIRECTOR": "본부장", "CHIEF": "실장", "LEAD": "팀장", "STAFF": "팀원"}
#: Years in a grade before a promotion out of it is considered (승진 소요 최저연수).
_YEARS_IN_GRADE = {"G6": 4, "G5": 5, "G4": 6, "G3": 7, "G2": 8, "R3": 6, "R2": 8}
_NEXT_GRADE = {"G6": "G5", "G5": "G4", "G4": "G3", "G3": "G2", "G2": "G1", "R3": "R2", "R2": "R1"}
#: The chance of a promotion out of a grade in a year once the years are served: the pyramid
#: narrows towards 1급.
_PROMOTED = {"G6": 0.5, "G5": 0.35, "G4": 0.25, "G3": 0.1, "G2": 0.04, "R3": 0.3, "R2": 0.12}
#: Business teams (사업팀) by institution; others get numbered teams.
_TEAMS = {
    "6119001": ("문화예술지원팀", "축제사업팀", "시민문화팀"),
    "6119002": ("복지정책팀", "돌봄사업팀", "사회공헌팀"),
    "6119003": ("시설운영팀", "도로시설팀", "장사시설팀"),
    "6119004": ("도시계획연구팀", "경제연구팀", "환경연구팀"),
}
#: People a business team holds at most, roughly: a large institution gets more teams.
_TEAM_SIZE = 60
_SECONDED_TO = ("서울특별시 본청", "행정안전부", "서울특별시 성동구청")


@dataclass(frozen=True)
class _Department:
    code: str
    name: str
    parent: str | None
    since: date
    #: Where a person of which grades sits: "head" (원장실), "senior" (실·본부), "team".
    seat: str


def _departments(org: str, people: int, window: Window) -> list[_Department]:
    start = window.hires_from
    later = _month_start(start + (window.hires_until - start) * 2 // 5)
    teams = list(_TEAMS.get(org, ("사업1팀", "사업2팀", "사업3팀")))
    extra = max(0, people // _TEAM_SIZE - len(teams))
    teams += [f"사업{n}팀" for n in range(len(teams) + 1, len(teams) + extra + 1)]
    found = [
        _Department("EXEC", "원장실", None, start, "head"),
        _Department("PLAN", "기획조정실", None, start, "senior"),
        _Department("MGMT", "경영지원본부", None, start, "senior"),
        _Department("GA", "경영지원팀", "MGMT", start, "team"),
        _Department("HR", "인사팀", "MGMT", start, "team"),
        _Department("FIN", "회계팀", "MGMT", start, "team"),  # 재무팀 from the rename
    ]
    divisions = max(1, (len(teams) + 9) // 10)  # one 사업본부 per ten teams
    for n in range(divisions):
        code = "BIZ" if divisions == 1 else f"BIZ{n + 1}"
        found.append(
            _Department(code, "사업본부" if divisions == 1 else f"사업{n + 1}본부", None, start, "senior")
        )
    for n, name in enumerate(teams):
        parent = "BIZ" if divisions == 1 else f"BIZ{n // 10 + 1}"
        # The third team is 신설 (created) two fifths into the history.
        found.append(_Department(f"B{n + 1}", name, parent, later if n == 2 else start, "team"))
    return found


def _chart_commands(
    org: str, departments: list[_Department], window: Window, cid: Callable[..., UUID]
) -> tuple[list[tuple[date, PersonnelCommand]], OrgChart]:
    """The chart's commands, and the chart they make, built in memory by the domain's methods (so
    careers are checked against the very chart the ledger will hold)."""
    sent: list[tuple[date, PersonnelCommand]] = []
    chart: OrgChart | None = None

    def send(cls: type[PersonnelCommand], on: date, *key: object, **fields: Any) -> Context:
        command = cls(
            command_id=cid(cls.__name__, *key), org=org, actor=HR_MANAGER, effective_date=on, **fields
        )
        sent.append((on, command))
        return command.context()

    start = window.hires_from
    grades = {**GRADES, **(RESEARCH_GRADES if org == RESEARCH_INSTITUTE else {})}
    for code, (name, rank, band, top, _) in grades.items():
        ctx = send(DefineGrade, start, code, code=code, name=name, rank=rank, band=band, max_step=top)
        chart = chart or OrgChart.open(ctx)
        chart.define_grade(ctx, code, name, rank, band, top, start)
    assert chart is not None
    for code, title in POSITIONS.items():
        ctx = send(DefinePosition, start, code, code=code, title=title)
        chart.define_position(ctx, code, title, start)
    for dept in departments:
        ctx = send(
            CreateDepartment, dept.since, dept.code, code=dept.code, name=dept.name, parent=dept.parent
        )
        chart.create_department(ctx, dept.code, dept.name, dept.parent, dept.since)
    renamed = date(2015, 1, 1)
    if start < renamed < window.until:
        ctx = send(RenameDepartment, renamed, "FIN", code="FIN", name="재무팀")
        chart.rename_department(ctx, "FIN", "재무팀", renamed)
    return sent, chart


def _authorised(
    org: str,
    departments: list[_Department],
    periods: list[tuple[str, date, date | None]],
    window: Window,
    cid: Callable[..., UUID],
) -> list[tuple[date, PersonnelCommand]]:
    """정원 of each department: a little above the most people it holds, from its first day, and
    revised once halfway (증원·감원) when the history is long enough."""
    halfway = _month_start(window.hires_from + (window.until - window.hires_from) / 2)
    revised = (window.until - window.hires_from).days > 3_650
    sent: list[tuple[date, PersonnelCommand]] = []
    for dept in departments:
        spans = [(start, end) for code, start, end in periods if code == dept.code]
        cuts = [(dept.since, halfway), (halfway, window.until)] if revised else [(dept.since, window.until)]
        for n, (cut_start, end) in enumerate(cuts):
            start = max(cut_start, dept.since)
            if end <= start:
                continue
            most = _most(spans, start, end)
            headcount = most + 2 + most // 10
            fields = {"department": dept.code, "headcount": headcount}
            command = SetAuthorisedHeadcount(
                command_id=cid("SetAuthorisedHeadcount", dept.code, n),
                org=org,
                actor=HR_MANAGER,
                effective_date=start,
                **fields,
            )
            sent.append((start, command))
    return sent


def _most(spans: list[tuple[date, date | None]], start: date, end: date) -> int:
    """The most spans covering one day of [start, end)."""
    changes: dict[date, int] = {}
    for span_start, span_end in spans:
        first, last = max(span_start, start), min(span_end or end, end)
        if first < last:
            changes[first] = changes.get(first, 0) + 1
            changes[last] = changes.get(last, 0) - 1
    most = count = 0
    for day in sorted(changes):
        count += changes[day]
        most = max(most, count)
    return most


# --- people -------------------------------------------------------------------------------------

_SURNAMES = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황")
_SYLLABLES = (
    "민",
    "서",
    "지",
    "현",
    "준",
    "우",
    "예",
    "하",
    "도",
    "윤",
    "수",
    "영",
    "진",
    "은",
    "재",
    "혜",
    "성",
    "태",
    "유",
    "나",
    "연",
    "호",
    "희",
    "빈",
)
_DISTRICTS = (
    "종로구",
    "중구",
    "용산구",
    "성동구",
    "광진구",
    "마포구",
    "강서구",
    "관악구",
    "송파구",
    "노원구",
)
_BANKS = ("110", "302", "1002", "352")
_LATEST_BIRTH = date(2025, 12, 31)


@dataclass
class _Person:
    number: str
    employee_id: UUID
    birth: date
    data: PersonalData
    values: tuple[str, str, str, str]  # rrn, phone, account, e-mail


class _People:
    """Synthetic personal data, unique per plan: the values made are kept to be listed."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while (value := make()) in self.used:
            pass
        self.used.add(value)
        return value

    def make(self, org: str, number: str, birth: date, rng: random.Random) -> _Person:
        female = rng.random() < 0.5
        century = (2 if female else 1) + (2 if birth.year >= 2000 else 0)
        rrn = self._unique(lambda: f"{birth:%y%m%d}-{century}{rng.randrange(10**6):06d}")
        phone = self._unique(lambda: f"010-{rng.randrange(2000, 10_000)}-{rng.randrange(10_000):04d}")
        account = self._unique(
            lambda: f"{rng.choice(_BANKS)}-{rng.randrange(100, 1_000)}-{rng.randrange(10**6):06d}"
        )
        email = f"{org}.{number.lower()}@example.com"
        dependants = tuple(
            Dependant(
                name=SecretStr(_name(rng)),
                # A spouse first, then children, none born after the demo's year.
                birth_date=SecretStr(
                    min(
                        birth
                        + timedelta(
                            days=rng.randint(26 * 365, 38 * 365) if n else rng.randint(-1_000, 1_000)
                        ),
                        _LATEST_BIRTH,
                    ).isoformat()
                ),
            )
            for n in range(rng.choice((0, 0, 1, 2, 2, 3)))
        )
        address = (
            f"서울특별시 {rng.choice(_DISTRICTS)} 예시로{rng.randint(1, 99)}길 {rng.randint(1, 200)}, "
            f"{rng.randint(101, 120)}동 {rng.randint(1, 25)}{rng.randint(1, 4):02d}호"
        )
        data = PersonalData(
            name=SecretStr(_name(rng)),
            rrn=SecretStr(rrn),
            address=SecretStr(address),
            phone=SecretStr(phone),
            email=SecretStr(email),
            bank_account=SecretStr(account),
            dependants=dependants,
        )
        return _Person(number, Employee.id_for(org, number), birth, data, (rrn, phone, account, email))


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES)


# --- careers ------------------------------------------------------------------------------------


@dataclass
class _Planned:
    """One action of the plan: drafted on ``sent_on`` (its effective date, unless a correction sent
    later), approved the same day, unless ``rejected``."""

    sent_on: date
    person: _Person
    action: Action
    command_id: UUID
    batch: bool = False  # a yearly step increase, drafted in the day's DraftStepIncreases
    corrects: _Planned | None = None
    rejected: bool = False

    @property
    def action_id(self) -> UUID:
        return self.action.action_id


Builder = Callable[[ServiceState], tuple[ActionKind, dict[str, Any]] | None]


@dataclass
class _Candidate:
    """An action drawn for a day; ``build`` makes it from the state of that day (or gives up)."""

    on: date
    order: int  # on the same day: returns, then retirements, then the rest, then step increases
    build: Builder
    needs: _Candidate | None = None
    applied: bool = False


@dataclass
class _Institution:
    """Plans one institution: its chart, its people, their careers, in the order they are sent."""

    org: str
    people: int
    seed: str
    window: Window
    register: _People
    planned: list[_Planned] = field(default_factory=list)
    persons: list[_Person] = field(default_factory=list)
    periods: list[tuple[str, date, date | None]] = field(default_factory=list)
    #: Each person's approved history as it stands at the end (corrections in place).
    timelines: dict[str, list[Action]] = field(default_factory=dict)
    amended: bool = False

    def cid(self, *key: object) -> UUID:
        return uuid5(_NAMESPACE, "/".join([self.seed, self.org, *map(str, key)]))

    def plan(self) -> list[tuple[date, PersonnelCommand]]:
        self.departments = _departments(self.org, self.people, self.window)
        chart_commands, self.chart = _chart_commands(self.org, self.departments, self.window, self.cid)
        rng = random.Random(f"{self.seed}/{self.org}/personnel")
        for n, (hired, grade, head) in enumerate(self._hires(rng)):
            self._career(n, hired, grade, head)
        self._corrections()
        authorised = _authorised(self.org, self.departments, self.periods, self.window, self.cid)
        return chart_commands + authorised

    # --- who is hired when ------------------------------------------------------------------

    def _hires(self, rng: random.Random) -> Iterator[tuple[date, str, bool]]:
        """(day, grade, is the 원장): the 원장 every three years, a founding cohort on the first
        day with every grade, then the yearly recruitment (공채) in March and September."""
        window, left = self.window, self.people
        heads = [
            date(year, 1, 2)
            for year in range(window.hires_from.year, window.hires_until.year + 1, 3)
            if window.hires_from <= date(year, 1, 2) < window.hires_until
        ][: max(1, left // 10)]
        for day in heads:
            yield day, "G1", True
        left -= len(heads)
        founding = left // 4
        research = self.org == RESEARCH_INSTITUTE
        for _ in range(founding):
            grade = rng.choices(("G2", "G3", "G4", "G5", "G6"), (5, 15, 25, 25, 30))[0]
            yield window.hires_from, _track(grade, research, rng), False
        left -= founding
        days = [
            date(year, month, 1)
            for year in range(window.hires_from.year, window.hires_until.year + 1)
            for month in (3, 9)
            if window.hires_from < date(year, month, 1) < window.hires_until
        ]
        days = days or [window.hires_from]
        for n in range(left):
            grade = rng.choices(("G4", "G5", "G6"), (10, 20, 70))[0]
            yield days[n * len(days) // left], _track(grade, research, rng), False

    # --- one career -------------------------------------------------------------------------

    def _career(self, n: int, hired: date, grade: str, head: bool) -> None:
        rng = random.Random(f"{self.seed}/{self.org}/personnel/{n}")
        number = f"{hired.year}{n:04d}"
        age = {"G1": 55, "G2": 48, "G3": 43, "G4": 37, "G5": 31, "G6": 27, "R1": 45, "R2": 38, "R3": 32}
        born = hired - timedelta(days=round(365.25 * (age[grade] + rng.uniform(-4, 4))))
        person = self.register.make(self.org, number, born, rng)
        self.persons.append(person)
        top = self.chart.grade_on(grade, hired).max_step
        step = 1 if head else min(top, max(1, round((hired - born).days / 365.25) - 24 + rng.randint(-2, 2)))
        seat = "head" if head else "senior" if grade in ("G1", "G2", "R1") else "team"
        department = self._pick(seat, hired, None, rng)
        assert department is not None  # every seat has a department from the chart's first day
        probation = None if head or hired == self.window.hires_from else _months(hired, 6)
        hire = self._action(
            person,
            ActionKind.HIRE,
            hired,
            self.cid("hire", number),
            department=department,
            grade=grade,
            step=step,
            position=_position(grade, department, self._seat(department)),
            probation_until=probation,
            reason="원장 임명" if head else "신규 채용",
        )
        state = apply(None, hire.action, self.chart)
        applied = [hire.action]
        self.planned.append(hire)
        quiet = hired
        for candidate in self._candidates(person, hire.action, head, rng):
            if candidate.on <= quiet or (candidate.needs is not None and not candidate.needs.applied):
                continue
            built = candidate.build(state)
            if built is None:
                continue
            kind, fields = built
            key = ("action", number, len(applied))
            planned = self._action(person, kind, candidate.on, self.cid(*key), **fields)
            try:
                check_details(planned.action)
                after = apply(state, planned.action, self.chart)
            except DomainError:
                continue  # the rules refuse it on that day: it is not sent
            planned.batch = fields.get("reason") == "정기승급"
            if kind is ActionKind.TRANSFER and not self.amended and candidate.on >= self._midpoint():
                amended = self._amend(planned, state, rng)
                if amended is not None:
                    self.planned.append(planned)  # the transfer as ordered, then its correction
                    planned, after = amended
                    quiet = planned.sent_on  # nothing else of theirs until the correction is in
            candidate.applied = True
            state = after
            applied.append(planned.action)
            self.planned.append(planned)
            quiet = max(quiet, candidate.on)
        self.timelines[number] = applied
        self.periods.extend(assignments(applied))

    def _candidates(self, person: _Person, hire: Action, head: bool, rng: random.Random) -> list[_Candidate]:
        """Everything that may happen to the person, drawn ahead: the rules and the state of
        each day decide what happens."""
        window, hired = self.window, hire.effective_date
        first = max(hired + timedelta(days=1), window.actions_from or hired)
        found: list[_Candidate] = []

        def add(on: date, order: int, build: Builder, needs: _Candidate | None = None) -> _Candidate:
            candidate = _Candidate(on, order, build, needs)
            if first <= on < window.until:
                found.append(candidate)
            return candidate

        if hire.details.probation_until is not None:
            add(max(hire.details.probation_until, first), 2, lambda s: (ActionKind.PROBATION_END, {}))
        if head:  # the 원장's term is three years
            add(_years(hired, 3), 1, _retire(RetirementKind.VOLUNTARY, "임기 만료"))
            return sorted(found, key=lambda c: (c.on, c.order))
        born = person.birth
        limit = date(born.year + 60, 7, 1) if born.month <= 6 else date(born.year + 61, 1, 1)  # 정년
        add(limit, 1, _retire(RetirementKind.AGE, "정년퇴직"))
        for year in range(hired.year + 1, window.until.year + 1):
            jan1 = date(year, 1, 1)
            add(jan1, 3, self._step_increase(jan1))
            add(date(year, 7, 1), 2, self._promotion(date(year, 7, 1), rng))  # 정기 승진심사
            if rng.random() < 0.15:
                add(date(year, 8, 1), 2, self._transfer(date(year, 8, 1), rng))
            age = year - born.year
            month = date(year, rng.randint(2, 11), 1)
            draw = rng.random()
            if 27 <= age <= 42 and draw < 0.04:
                self._away(add, month, _months(month, rng.randint(6, 12)), LeaveKind.PARENTAL)
            elif draw < 0.05:
                self._away(add, month, _months(month, rng.randint(6, 12)), LeaveKind.UNPAID)
            elif draw < 0.057:
                self._away(add, month, _months(month, rng.randint(3, 6)), LeaveKind.SICK)
            elif draw < 0.062:
                self._away(add, month, _months(month, 12), None, rng.choice(_SECONDED_TO))
            elif draw < 0.065:
                self._suspension(add, month, rng)
            elif draw < 0.069:
                add(month, 2, _discipline(DisciplineKind.REPRIMAND, None, "복무규정 위반 (근무지 이탈)"))
            elif draw < 0.079:
                hours = rng.choice((20, 25, 30))
                switched = add(month, 2, _pattern(WorkingPattern.PART_TIME, hours, "시간선택제 전환 (육아)"))
                back = _months(month, rng.randint(12, 24))
                add(back, 2, _pattern(WorkingPattern.FULL_TIME, None, "전일제 복귀"), switched)
            elif draw < 0.091:
                add(month, 1, _retire(RetirementKind.VOLUNTARY, "의원면직 (이직)"))
        return sorted(found, key=lambda c: (c.on, c.order))

    def _away(
        self,
        add: Callable[..., _Candidate],
        starts: date,
        ends: date,
        leave: LeaveKind | None,
        seconded_to: str | None = None,
    ) -> None:
        """A leave (휴직) or secondment (파견) and the return (복직) on its expected end."""
        if leave is not None:
            reason = {LeaveKind.PARENTAL: "육아휴직", LeaveKind.UNPAID: "무급휴직 (자기계발)"}.get(
                leave, "질병휴직"
            )
            fields: dict[str, Any] = {"leave_kind": leave, "expected_end": ends, "reason": reason}
            away = add(starts, 2, lambda s: (ActionKind.LEAVE, fields))
        else:
            fields = {"seconded_to": seconded_to, "expected_end": ends, "reason": "인사교류 파견"}
            away = add(starts, 2, lambda s: (ActionKind.SECONDMENT, fields))
        add(ends, 0, lambda s: (ActionKind.RETURN, {"reason": "복직"}), away)

    def _suspension(self, add: Callable[..., _Candidate], starts: date, rng: random.Random) -> None:
        """직위해제 pending a disciplinary decision, 감봉 or 정직 a month later, the return after."""
        suspended = add(
            starts, 2, lambda s: (ActionKind.SUSPENSION, {"reason": "중징계 의결 요구에 따른 직위해제"})
        )
        decided = _months(starts, 1)
        kind = rng.choice((DisciplineKind.PAY_CUT, DisciplineKind.SUSPENSION))
        period = _months(decided, rng.randint(1, 3)) - timedelta(days=1)
        add(decided, 2, _discipline(kind, period, "품위유지의무 위반"), suspended)
        add(_months(starts, 4), 0, lambda s: (ActionKind.RETURN, {"reason": "직위해제 종료 복직"}), suspended)

    def _step_increase(self, day: date) -> Builder:
        def build(state: ServiceState) -> tuple[ActionKind, dict[str, Any]] | None:
            # A year in the grade and step since the hire, the promotion or the last increase.
            last = max(d for d in (state.hired_on, state.last_promotion, state.last_step_increase) if d)
            return (ActionKind.STEP_INCREASE, {"reason": "정기승급"}) if (day - last).days >= 365 else None

        return build

    def _promotion(self, day: date, rng: random.Random) -> Builder:
        def build(state: ServiceState) -> tuple[ActionKind, dict[str, Any]] | None:
            target = _NEXT_GRADE.get(state.grade)
            since = state.last_promotion or state.hired_on
            if target is None or (day - since).days < 365 * _YEARS_IN_GRADE[state.grade]:
                return None
            if rng.random() >= _PROMOTED[state.grade]:
                return None
            step = max(1, state.step - 3)
            return ActionKind.PROMOTION, {"grade": target, "step": step, "reason": "정기 승진"}

        return build

    def _transfer(self, day: date, rng: random.Random) -> Builder:
        def build(state: ServiceState) -> tuple[ActionKind, dict[str, Any]] | None:
            seat = "senior" if state.grade in ("G1", "G2", "R1") else "team"
            department = self._pick(seat, day, state.department, rng)
            if department is None:
                return None
            position = _position(state.grade, department, self._seat(department))
            return ActionKind.TRANSFER, {
                "department": department,
                "position": position,
                "reason": "정기 전보",
            }

        return build

    def _pick(self, seat: str, day: date, current: str | None, rng: random.Random) -> str | None:
        choices = [
            d.code
            for d in self.departments
            if d.seat == seat and d.code != current and self.chart.department_on(d.code, day) is not None
        ]
        return rng.choice(choices) if choices else None

    def _seat(self, code: str) -> str:
        return next(d.seat for d in self.departments if d.code == code)

    def _midpoint(self) -> date:
        start = self.window.actions_from or self.window.hires_from
        return start + (self.window.until - start) / 2

    def _action(
        self, person: _Person, kind: ActionKind, on: date, command_id: UUID, **fields: Any
    ) -> _Planned:
        action = Action(
            action_id=action_id_for(command_id, person.employee_id),
            kind=kind,
            order_number="0",  # given when the orders are numbered; the rules never read it
            effective_date=on,
            details=ActionDetails(**fields),
            drafted_by=HR_CLERK,
        )
        return _Planned(on, person, action, command_id)

    # --- corrections --------------------------------------------------------------------------

    def _amend(
        self, original: _Planned, before: ServiceState, rng: random.Random
    ) -> tuple[_Planned, ServiceState] | None:
        """정정: the transfer goes to another department than the one ordered, corrected two
        weeks later with the same effective date. Returns the correction and the state after."""
        day = original.action.effective_date
        details = original.action.details
        others = [
            d.code
            for d in self.departments
            if d.seat == "team"
            and d.code not in (details.department, before.department)
            and self.chart.department_on(d.code, day) is not None
        ]
        if not others:
            return None
        department = rng.choice(others)
        fields = {"department": department, "position": details.position, "reason": "전보 부서 정정"}
        correction = self._action(
            original.person, ActionKind.TRANSFER, day, self.cid("amend", original.person.number), **fields
        )
        try:
            after = apply(before, correction.action, self.chart)
        except DomainError:
            return None
        self.amended = True
        correction.sent_on = day + timedelta(days=14)
        correction.corrects = original
        return correction, after

    def _corrections(self) -> None:
        """A reprimand (견책) cancelled on appeal (소청 인용) two months later, and a transfer draft
        rejected (반려), on someone with nothing else happening around then."""
        at = _month_start(self._midpoint() + timedelta(days=90))
        for person in self.persons:
            mine = [p for p in self.planned if p.person is person]
            days = {p.action.effective_date for p in mine}
            if any(at - timedelta(days=1) <= d <= at + timedelta(days=62) for d in days):
                continue
            state = _state_on(self.timelines[person.number], at)
            if state is None or state.status is not Status.EMPLOYED:
                continue
            rejected_on = at + timedelta(days=31)
            team = self._pick("team", rejected_on, state.department, random.Random(person.number))
            if team is None:
                continue
            reprimand = self._action(
                person,
                ActionKind.DISCIPLINE,
                at,
                self.cid("reprimand", person.number),
                discipline_kind=DisciplineKind.REPRIMAND,
                reason="복무규정 위반 (무단 조퇴)",
            )
            cancellation = self._action(
                person, ActionKind.CANCELLATION, at, self.cid("cancel", person.number), reason="소청심사 인용"
            )
            cancellation.sent_on = at + timedelta(days=60)
            cancellation.corrects = reprimand
            rejected = self._action(
                person,
                ActionKind.TRANSFER,
                rejected_on,
                self.cid("rejected", person.number),
                department=team,
                position=state.position,
                reason="희망 전보",
            )
            rejected.rejected = True
            self.planned += [reprimand, cancellation, rejected]
            return


def _state_on(history: list[Action], day: date) -> ServiceState | None:
    state: ServiceState | None = None
    for action in history:
        if action.effective_date > day:
            break
        state = apply(state, action, None)
    return state


def _track(grade: str, research: bool, rng: random.Random) -> str:
    """At the research institute half of those hired below 2급 are researchers (연구직)."""
    if research and grade in ("G3", "G4", "G5", "G6") and rng.random() < 0.5:
        return {"G3": "R2", "G4": "R3"}.get(grade, "R3")
    return grade


def _position(grade: str, department: str, seat: str) -> str:
    if seat == "head":
        return "HEAD"
    if seat == "senior":
        return "CHIEF" if department == "PLAN" else "DIRECTOR"
    return "LEAD" if grade in ("G3", "R2") else "STAFF"


def _retire(kind: RetirementKind, reason: str) -> Builder:
    return lambda state: (ActionKind.RETIREMENT, {"retirement_kind": kind, "reason": reason})


def _discipline(kind: DisciplineKind, period_ends: date | None, reason: str) -> Builder:
    fields = {"discipline_kind": kind, "period_ends": period_ends, "reason": reason}
    return lambda state: (ActionKind.DISCIPLINE, fields)


def _pattern(pattern: WorkingPattern, hours: int | None, reason: str) -> Builder:
    fields = {"pattern": pattern, "weekly_hours": hours, "reason": reason}
    return lambda state: (ActionKind.WORKING_PATTERN, fields)


def _months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


def _years(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def _month_start(day: date) -> date:
    return date(day.year, day.month, 1)


# --- the plan as commands -----------------------------------------------------------------------


def plan(
    institutions: Sequence[tuple[str, str]],
    employees: int,
    seed: str,
    window: Window = DEMO,
    *,
    batch_steps: bool = True,
) -> Staff:
    """The personnel of ``institutions`` ((code, name) each), ``employees`` hired across them.
    ``batch_steps``: each day's yearly step increases are drafted by one DraftStepIncreases (as
    an office does); otherwise each by a command of its own."""
    register = _People()
    sent: list[tuple[date, str, int, PersonnelCommand]] = []
    linked: dict[str, tuple[UUID, str]] = {}
    hires = approved = 0
    for n, (org, _) in enumerate(institutions):
        people = employees // len(institutions) + (n < employees % len(institutions))
        if people == 0:
            continue
        institution = _Institution(org, people, seed, window, register)
        for on, command in institution.plan():
            sent.append((on, org, 0, command))
        for on, phase, command in _orders(institution, batch_steps):
            sent.append((on, org, phase, command))
            if isinstance(command, ApprovePersonnelActions):
                approved += len(command.items)
        hires += people
        linked[org] = _link(institution, sent)
    sent.sort(key=lambda item: (item[0], item[1], item[2]))
    return Staff([command for *_, command in sent], hires, approved, _values(sent), linked)


def _values(sent: list[tuple[date, str, int, PersonnelCommand]]) -> PersonalValues:
    rrns, phones, accounts, emails = [], [], [], []
    for *_, command in sent:
        if isinstance(command, HireEmployee):
            personal = command.personal
            rrns.append(personal.rrn.get_secret_value())
            phones.append(_secret(personal.phone))
            accounts.append(_secret(personal.bank_account))
            emails.append(_secret(personal.email))
    return PersonalValues(tuple(rrns), tuple(phones), tuple(accounts), tuple(emails))


def _secret(value: SecretStr | None) -> str:
    assert value is not None
    return value.get_secret_value()


def _orders(institution: _Institution, batch_steps: bool) -> Iterator[tuple[date, int, PersonnelCommand]]:
    """Each day's drafts (hires, single actions, the yearly step increases in one command), then
    their approval (결재) in one order (발령), numbered per year; a rejected draft is rejected."""
    org, cid = institution.org, institution.cid
    by_day: dict[date, list[_Planned]] = {}
    for planned in institution.planned:
        by_day.setdefault(planned.sent_on, []).append(planned)
    numbers: dict[int, int] = {}
    for day in sorted(by_day):
        numbers[day.year] = numbers.get(day.year, 0) + 1
        order = f"{day.year}-{numbers[day.year]:04d}"
        day_plan = by_day[day]
        steps = [p for p in day_plan if p.batch and batch_steps]
        for planned in day_plan:
            if not (planned.batch and batch_steps):
                yield day, 1, _draft(org, order, planned)
        if steps:
            step_cid = cid("steps", day)
            for planned in steps:
                planned.action = _with_id(planned.action, action_id_for(step_cid, planned.person.employee_id))
            yield (
                day,
                2,
                DraftStepIncreases(
                    command_id=step_cid,
                    org=org,
                    actor=HR_CLERK,
                    effective_date=day,
                    order_number=order,
                    employee_ids=tuple(p.person.employee_id for p in steps),
                ),
            )
        # Leavers first, then movers, hires last: nobody counts twice in a department's 정원.
        rank = {ActionKind.RETIREMENT: 0, ActionKind.TRANSFER: 1, ActionKind.HIRE: 3}
        chosen = sorted((p for p in day_plan if not p.rejected), key=lambda p: rank.get(p.action.kind, 2))
        items = [ApprovalItem(employee_id=p.person.employee_id, action_id=p.action_id) for p in chosen]
        for n in range(0, len(items), _APPROVAL_CHUNK):
            yield (
                day,
                3,
                ApprovePersonnelActions(
                    command_id=cid("approve", day, n),
                    org=org,
                    actor=HR_MANAGER,
                    effective_date=day,
                    items=tuple(items[n : n + _APPROVAL_CHUNK]),
                ),
            )
        for planned in day_plan:
            if planned.rejected:
                yield (
                    day,
                    4,
                    RejectPersonnelAction(
                        command_id=cid("reject", planned.person.number),
                        org=org,
                        actor=HR_MANAGER,
                        effective_date=day,
                        employee_id=planned.person.employee_id,
                        action_id=planned.action_id,
                        reason="전보 대상 부서의 업무 인수인계 일정 미확정 (반려 후 재기안)",
                    ),
                )


def _with_id(action: Action, action_id: UUID) -> Action:
    return Action(
        action_id=action_id,
        kind=action.kind,
        order_number=action.order_number,
        effective_date=action.effective_date,
        details=action.details,
        drafted_by=action.drafted_by,
    )


def _draft(org: str, order: str, planned: _Planned) -> PersonnelCommand:
    action, person = planned.action, planned.person
    details = {
        name: value
        for name, value in vars_of(action.details).items()
        if value is not None and not (name == "reason" and value == "")
    }
    if action.kind is ActionKind.HIRE:
        return HireEmployee(
            command_id=planned.command_id,
            org=org,
            actor=HR_CLERK,
            effective_date=action.effective_date,
            order_number=order,
            employee_number=person.number,
            personal=person.data,
            **details,
        )
    return DraftPersonnelAction(
        command_id=planned.command_id,
        org=org,
        actor=HR_CLERK,
        effective_date=action.effective_date,
        order_number=order,
        employee_id=person.employee_id,
        kind=action.kind,
        corrects=planned.corrects.action_id if planned.corrects is not None else None,
        **details,
    )


def vars_of(details: ActionDetails) -> dict[str, Any]:
    return {name: getattr(details, name) for name in details.__slots__}


def _link(institution: _Institution, sent: list[tuple[date, str, int, PersonnelCommand]]) -> tuple[UUID, str]:
    """The self-service user (본인 조회) of the institution: its most recent hire still in service."""
    on = institution.window.until - timedelta(days=1)
    person = next(
        p
        for p in reversed(institution.persons)
        if (state := _state_on(institution.timelines[p.number], on)) is not None
        and state.status is not Status.RETIRED
    )
    username = f"employee.{institution.org}"
    command = LinkEmployeeAccount(
        command_id=institution.cid("link", person.number),
        org=institution.org,
        actor=HR_MANAGER,
        effective_date=on,
        employee_id=person.employee_id,
        username=username,
    )
    sent.append((on, institution.org, 5, command))
    return person.employee_id, username
