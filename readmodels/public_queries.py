"""Queries of the public open API (공개 API): filtered, sorted, keyset-paged disclosure tables.

Each disclosed table is described once by a :class:`PublicTable`: the columns it publishes (a
whitelist: nothing else is ever selected), the Korean label of each, how it may be sorted and
filtered, and which amounts its totals sum. The HTTP layer builds its schemas, its CSV/XLSX headers
and its queries from these descriptions, so a column is public in all of them or in none.

Paging is keyset paging (no OFFSET): a page is "the next ``limit`` rows after this one" in the
order of the sort columns plus the table's primary key as tie-breaker, so every page costs one index
range scan however deep it is. Rows whose (nullable) sort column is NULL form a segment of their
own, last when ascending and first when descending (PostgreSQL's default placement); each segment
is paged with a plain row-value comparison, which both databases answer from an index.

Person vendors are never named here because the projection never stores their name, number or id
(see :mod:`readmodels.disclosure`); debarments of persons are left out altogether, as in
:func:`readmodels.disclosure_queries.debarred_vendors`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Select, Table, func, or_, select, tuple_

from readmodels import disclosure as tables
from readmodels.disclosure_queries import execution_rate
from readmodels.erp import line_balances, line_balances_as_of

#: Columns every disclosed row carries (readmodels.disclosure: "Every row carries org and
#: fiscal_year"), so a sort on them needs no NULL segment.
NEVER_NULL = frozenset({"org", "fiscal_year"})

MAX_LIMIT = 1000


class PublicQueryError(ValueError):
    """A request the public queries cannot answer: ``code`` is the stable problem type."""

    def __init__(self, code: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.title, self.detail = code, title, detail


@dataclass(frozen=True)
class Filters:
    """What a client may narrow a list by; ``None`` means "not narrowed"."""

    org: str | None = None
    year: int | None = None
    code_prefix: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    vendor: str | None = None
    q: str | None = None
    #: Accounting date the table is read as of (see :attr:`PublicTable.as_of`).
    as_of: date | None = None

    def given(self) -> list[str]:
        return [name for name, value in asdict(self).items() if value not in (None, "")]


DateFilter = Callable[[Table, date | None, date | None], list[ColumnElement[bool]]]


def _on_column(name: str) -> DateFilter:
    def conditions(table: Table, first: date | None, last: date | None) -> list[ColumnElement[bool]]:
        found = []
        if first is not None:
            found.append(table.c[name] >= first)
        if last is not None:
            found.append(table.c[name] <= last)
        return found

    return conditions


def _debarment_in_force(table: Table, first: date | None, last: date | None) -> list[ColumnElement[bool]]:
    """A debarment matches a range it was in force on at least one day of: its period overlaps the
    range and it was not lifted before the range began (lifting ends it on its date)."""
    found = []
    if last is not None:
        found.append(table.c.starts <= last)
    if first is not None:
        found.append(table.c.ends >= first)
        found.append(or_(table.c.lifted_on.is_(None), table.c.lifted_on > first))
    return found


@dataclass(frozen=True)
class PublicTable:
    """One disclosed table as the open API serves it."""

    name: str  # in the URL
    title: str  # Korean name of the disclosure (계약현황, …)
    table: Table
    labels: Mapping[str, str]  # every public column → its Korean label, in output order
    key: tuple[str, ...]  # primary key: the tie-breaker of every sort
    sorts: Mapping[str, tuple[str, ...]]  # sort name → its columns (all but the last never NULL)
    default_sort: str
    amounts: tuple[str, ...] = ()  # summed in the totals
    text: tuple[str, ...] = ()  # searched by ``q``
    code: str | None = "code"  # matched by ``code_prefix``
    vendor: tuple[str, str, str] | None = None  # id, business number, name: matched by ``vendor``
    dates: DateFilter | None = None  # ``date_from`` / ``date_to``
    date_label: str | None = None  # what the date range applies to, for the API description
    fixed: Callable[[Table], list[ColumnElement[bool]]] = lambda _: []
    #: Columns computed from the row, not stored (their labels are in ``labels`` too).
    derived: Mapping[str, Callable[[Mapping[str, Any]], Any]] = field(default_factory=dict)
    #: Derived columns that are whole won (``int``); the others are rates (``float``).
    derived_amounts: frozenset[str] = frozenset()
    #: How ``as_of`` (an accounting date) applies: "daily" (amounts summed from daily movements up
    #: to the date, see :func:`at_date`), "date" (rows whose ``dates`` column is on or before it),
    #: or None (refused).
    as_of: str | None = None
    #: What the rows are read from, if not ``table`` itself: a selectable with ``table``'s columns
    #: (``table`` as of an accounting date). ``table`` still describes the columns.
    source: Any = None

    @property
    def rows(self) -> Any:
        """The table or selectable queries read the rows from."""
        return self.table if self.source is None else self.source

    @property
    def columns(self) -> tuple[str, ...]:
        """The stored public columns, in output order."""
        return tuple(name for name in self.labels if name not in self.derived)

    def python_type(self, name: str) -> type:
        if name in self.derived:
            return int if name in self.derived_amounts else float
        column_type: type = self.table.c[name].type.python_type
        return column_type

    def nullable(self, name: str) -> bool:
        return name not in NEVER_NULL and name not in self.key and bool(self.table.c[name].nullable)


_LEDGER = {"org": "기관코드", "fiscal_year": "회계연도"}
_LINE = {"line_id": "예산사업 ID", "code": "예산과목코드", "line_title": "세부사업명"}
_BY_CODE = ("org", "fiscal_year", "code")


def _rate(row: Mapping[str, Any]) -> float:
    # A float of a 0.01-quantised Decimal prints back exactly; orjson does not take Decimal.
    return float(execution_rate(row["paid"], row["current_budget"]))


PROGRAMS = PublicTable(
    name="programs",
    title="사업현황",
    table=line_balances,
    labels={
        "line_id": "예산사업 ID",
        **_LEDGER,
        "code": "예산과목코드",
        "title": "세부사업명",
        "account": "회계",
        "field": "분야",
        "sector": "부문",
        "policy_project": "정책사업",
        "unit_project": "단위사업",
        "detailed_project": "세부사업",
        "budget_item": "편성목-통계목",
        "appropriated": "본예산",
        "amended": "추경",
        "transferred": "전용·이용",
        "contingency": "예비비",
        "carried_in": "이월액(전년도)",
        "current_budget": "예산현액",
        "allocated_q1": "1분기 배정액",
        "allocated_q2": "2분기 배정액",
        "allocated_q3": "3분기 배정액",
        "allocated_q4": "4분기 배정액",
        "allocated": "배정액",
        "obligated": "원인행위액",
        "vouchered": "지출결의액",
        "paid": "지출액",
        "carried_over": "이월액",
        "closed": "마감",
        "remaining": "잔액",
        "execution_rate": "집행률(%)",
    },
    key=("line_id",),
    sorts={
        "code": _BY_CODE,
        "title": ("title",),
        "current_budget": ("current_budget",),
        "allocated": ("allocated",),
        "obligated": ("obligated",),
        "paid": ("paid",),
    },
    default_sort="code",
    amounts=(
        "appropriated",
        "amended",
        "transferred",
        "contingency",
        "carried_in",
        "current_budget",
        "allocated",
        "obligated",
        "vouchered",
        "paid",
        "carried_over",
    ),
    text=("title",),
    # 잔액 (remaining) = 예산현액 − 원인행위액 (domain.md §4).
    derived={"remaining": lambda row: row["current_budget"] - row["obligated"], "execution_rate": _rate},
    derived_amounts=frozenset({"remaining"}),
    as_of="daily",
)

ALLOCATIONS = PublicTable(
    name="allocations",
    title="예산배정현황",
    table=tables.allocations,
    labels={
        "position": "기록 순번",
        "quarter": "분기",
        **_LEDGER,
        **_LINE,
        "kind": "배정 구분",
        "amount": "배정액",
        "allocated_on": "배정일자",
    },
    key=("position", "quarter"),
    sorts={"code": _BY_CODE, "allocated_on": ("allocated_on",), "amount": ("amount",)},
    default_sort="code",
    amounts=("amount",),
    text=("line_title",),
    dates=_on_column("allocated_on"),
    as_of="date",
    date_label="allocated_on (배정일자)",
)

REQUISITIONS = PublicTable(
    name="requisitions",
    title="품의현황",
    table=tables.requisitions,
    labels={
        "requisition_id": "품의 ID",
        **_LEDGER,
        **_LINE,
        "title": "품의명",
        "amount": "품의금액",
        "status": "상태",
        "drafted_on": "기안일자",
        "decided_on": "결재일자",
    },
    key=("requisition_id",),
    sorts={
        "code": _BY_CODE,
        "drafted_on": ("drafted_on",),
        "decided_on": ("decided_on",),
        "amount": ("amount",),
    },
    default_sort="code",
    amounts=("amount",),
    text=("title", "line_title"),
    dates=_on_column("drafted_on"),
    as_of="date",
    date_label="drafted_on (기안일자)",
)

EXPENDITURES = PublicTable(
    name="expenditures",
    title="지출현황",
    table=tables.expenditures,
    labels={
        "payment_id": "지급 ID",
        **_LEDGER,
        **_LINE,
        "voucher_id": "지출결의 ID",
        "contract_id": "계약 ID",
        "description": "적요",
        "paid_on": "지급일자",
        "amount": "지급액",
        "returned": "반납액",
        "payee_kind": "지급대상 구분",
        "payee_id": "지급대상 ID",
        "payee_name": "지급대상 상호",
        "payee_business_number": "지급대상 사업자등록번호",
    },
    key=("payment_id",),
    sorts={"code": _BY_CODE, "paid_on": ("paid_on",), "amount": ("amount",)},
    default_sort="code",
    amounts=("amount", "returned"),
    text=("description", "line_title"),
    vendor=("payee_id", "payee_business_number", "payee_name"),
    dates=_on_column("paid_on"),
    as_of="date",
    date_label="paid_on (지급일자)",
)

CONTRACTS = PublicTable(
    name="contracts",
    title="계약현황",
    table=tables.contracts,
    labels={
        "contract_id": "계약 ID",
        **_LEDGER,
        "department": "부서",
        "title": "계약명",
        "obligation_id": "지출원인행위 ID",
        **_LINE,
        "contract_date": "계약일자",
        "amount": "계약금액",
        "original_amount": "최초 계약금액",
        "method": "계약방법",
        "private_reason": "수의계약 사유",
        "private_reason_detail": "수의계약 사유 상세",
        "starts": "계약 시작일",
        "ends": "계약 종료일",
        "supplier_kind": "계약상대자 구분",
        "supplier_id": "계약상대자 ID",
        "supplier_name": "계약상대자 상호",
        "supplier_business_number": "계약상대자 사업자등록번호",
        "amendments": "변경 횟수",
        "last_amended_on": "최종 변경일",
        "inspected": "검수 여부",
        "inspected_amount": "검수금액",
        "inspected_on": "검수일자",
        "inspection_passed": "검수 합격",
        "status": "상태",
        "completed_on": "완료일",
        "terminated_on": "해지일",
        "termination_reason": "해지 사유",
        "paid": "지급액",
        "returned": "반납액",
        "payments_to_date": "대가지급 누계",
    },
    key=("contract_id",),
    sorts={
        "code": _BY_CODE,
        "contract_date": ("contract_date",),
        "amount": ("amount",),
        "ends": ("ends",),
    },
    default_sort="code",
    amounts=("amount", "original_amount", "paid", "returned", "payments_to_date"),
    text=("title", "department", "line_title"),
    vendor=("supplier_id", "supplier_business_number", "supplier_name"),
    dates=_on_column("contract_date"),
    as_of="date",
    date_label="contract_date (계약일자)",
)

DEBARRED_VENDORS = PublicTable(
    name="debarred-vendors",
    title="부정당업체",
    table=tables.debarred_vendors,
    labels={
        "debarment_id": "제재 ID",
        **_LEDGER,
        "vendor_id": "업체 ID",
        "vendor_name": "업체명",
        "business_number": "사업자등록번호",
        "ground": "제재 사유",
        "starts": "제재 시작일",
        "ends": "제재 종료일",
        "lifted_on": "해제일",
        "lift_reason": "해제 사유",
        "lifted_by": "해제 기관코드",
    },
    key=("debarment_id",),
    sorts={"starts": ("starts",), "ends": ("ends",), "vendor_name": ("vendor_name",)},
    default_sort="starts",  # ix_debarred_vendors_period (starts, ends)
    text=("vendor_name", "ground"),
    code=None,
    vendor=("vendor_id", "business_number", "vendor_name"),
    dates=_debarment_in_force,
    date_label="the debarment period (제재기간): debarments in force on a day of the range",
    # A person's debarment is not disclosed at all, not even without a name.
    fixed=lambda table: [table.c.vendor_kind == "business"],
)

REVENUE = PublicTable(
    name="revenue",
    title="세입현황",
    table=tables.revenue_by_code,
    labels={
        "line_id": "세입과목 ID",
        **_LEDGER,
        "code": "세입과목코드",
        "title": "세입과목명",
        "estimate": "세입예산액",
        "assessed": "부과액",
        "billed": "징수결정액",
        "collected": "수납액",
        "overpaid": "과오납액",
        "refunded": "환급액",
        "closed": "마감",
    },
    key=("line_id",),
    sorts={"code": _BY_CODE, "estimate": ("estimate",), "collected": ("collected",)},
    default_sort="code",
    amounts=("estimate", "assessed", "billed", "collected", "overpaid", "refunded"),
    text=("title",),
)

PUBLIC_TABLES: dict[str, PublicTable] = {
    spec.name: spec
    for spec in (PROGRAMS, ALLOCATIONS, REQUISITIONS, EXPENDITURES, CONTRACTS, DEBARRED_VENDORS, REVENUE)
}


def _check(spec: PublicTable) -> None:
    """Keyset paging needs every sort and key column published, and at most the last nullable."""
    for columns in spec.sorts.values():
        for name in (*columns, *spec.key):
            assert name in spec.columns, (spec.name, name)
        assert not any(spec.nullable(name) for name in columns[:-1]), (spec.name, columns)
    assert spec.default_sort in spec.sorts


for _spec in PUBLIC_TABLES.values():
    _check(_spec)


def at_date(spec: PublicTable, filters: Filters) -> PublicTable:
    """``spec`` as the filters' ``as_of`` asks: a "daily" table reads its amounts summed up to that
    accounting date (``line_daily``); any other is returned as it is (its date condition is
    among :func:`conditions`)."""
    if filters.as_of is None or spec.as_of != "daily":
        return spec
    where = []
    if filters.org is not None:
        where.append(line_balances.c.org == filters.org)
    if filters.year is not None:
        where.append(line_balances.c.fiscal_year == filters.year)
    return replace(spec, source=line_balances_as_of(filters.as_of, where=where))


# --- sorting --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Order:
    """A sort: ``columns`` then the key, all ascending or all descending.

    ``segments`` is the order in which the two kinds of rows come: "value" (the last sort column
    has one) and "null" (it is NULL); a never-NULL column has only the first.
    """

    spec: PublicTable
    name: str
    descending: bool

    @property
    def text(self) -> str:
        return f"-{self.name}" if self.descending else self.name

    @property
    def columns(self) -> tuple[str, ...]:
        return self.spec.sorts[self.name]

    @property
    def main(self) -> str:
        return self.columns[-1]

    @property
    def segments(self) -> tuple[str, ...]:
        if not self.spec.nullable(self.main):
            return ("value",)
        return ("null", "value") if self.descending else ("value", "null")

    def keys(self, segment: str) -> tuple[str, ...]:
        """The columns a segment is ordered by (NULL rows: without the NULL column)."""
        columns = self.columns if segment == "value" else self.columns[:-1]
        return (*columns, *self.spec.key)


def parse_sort(spec: PublicTable, text: str | None) -> Order:
    """``"amount"`` or ``"-amount"`` (descending), one of the table's sorts."""
    text = text or spec.default_sort
    descending = text.startswith("-")
    name = text[1:] if descending else text
    if name not in spec.sorts:
        allowed = ", ".join(sorted(spec.sorts))
        raise PublicQueryError(
            "invalid-sort",
            "The list cannot be sorted that way",
            f"{spec.name} sorts by {allowed} (prefix '-' for descending), not {text!r}.",
        )
    return Order(spec, name, descending)


# --- filters --------------------------------------------------------------------------------------


def _unsupported(spec: PublicTable, name: str) -> PublicQueryError:
    return PublicQueryError(
        "unsupported-filter", "The list has no such filter", f"{spec.name} cannot be filtered by {name}."
    )


def conditions(spec: PublicTable, filters: Filters) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``filters`` on ``spec`` (a filter the table lacks is refused)."""
    table = spec.rows
    found = spec.fixed(table)
    if filters.org is not None:
        found.append(table.c.org == filters.org)
    if filters.year is not None:
        found.append(table.c.fiscal_year == filters.year)
    if filters.code_prefix:
        if spec.code is None:
            raise _unsupported(spec, "code_prefix")
        found.append(table.c[spec.code].startswith(filters.code_prefix, autoescape=True))
    if filters.date_from is not None or filters.date_to is not None:
        if spec.dates is None:
            raise _unsupported(spec, "date_from/date_to")
        found.extend(spec.dates(table, filters.date_from, filters.date_to))
    if filters.as_of is not None:
        if spec.as_of is None:
            raise _unsupported(spec, "as_of")
        if spec.as_of == "date" and spec.dates is not None:
            found.extend(spec.dates(table, None, filters.as_of))
        # "daily": the rows themselves are of that date (:func:`at_date`).
    if filters.vendor:
        if spec.vendor is None:
            raise _unsupported(spec, "vendor")
        vendor_id, number, name = (table.c[column] for column in spec.vendor)
        found.append(
            or_(
                vendor_id == filters.vendor,
                number == filters.vendor,
                name.icontains(filters.vendor, autoescape=True),
            )
        )
    if filters.q:
        found.append(or_(*(table.c[column].icontains(filters.q, autoescape=True) for column in spec.text)))
    return found


# --- cursors --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class After:
    """Where the next page starts: after the row with these key values, in this segment."""

    segment: str
    values: tuple[Any, ...]


def _fingerprint(order: Order, filters: Filters) -> str:
    """Of the query a cursor belongs to; a cursor is refused by any other query."""
    described = {"table": order.spec.name, "sort": order.text, **asdict(filters)}
    canonical = json.dumps(described, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_cursor(order: Order, filters: Filters, after: After) -> str:
    body = {"f": _fingerprint(order, filters), "g": after.segment, "k": cursor_values(after)}
    return base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=").decode()


def _invalid_cursor(detail: str) -> PublicQueryError:
    return PublicQueryError("invalid-cursor", "The cursor is not valid", detail)


_BIGINT = 2**63


def _typed(expected: type, value: Any) -> Any:
    """``value`` as a bind parameter of a column of type ``expected``, or ValueError: a forged
    cursor must not reach the database with a value it cannot take (NUL, a lone surrogate that
    JSON's ``\\ud800`` makes and no database encoding holds, beyond BIGINT)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("NUL in a string")
        value.encode("utf-8")  # UnicodeEncodeError, a ValueError, for a lone surrogate
    if expected is date and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(value, int) and not isinstance(value, bool) and not -_BIGINT <= value < _BIGINT:
        raise ValueError("beyond BIGINT")
    # bool is an int in Python, and a JSON number is never a bool: check both ways.
    if isinstance(value, expected) and (expected is bool) == isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not a {expected.__name__}")


def decode_cursor(order: Order, filters: Filters, cursor: str) -> After:
    """The position ``cursor`` names, if it was issued for this very query; else 400."""
    try:
        body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        fingerprint, segment, values = body["f"], body["g"], body["k"]
    except (ValueError, TypeError, KeyError, RecursionError, binascii.Error) as error:
        raise _invalid_cursor("The cursor is not one this API issued.") from error
    if fingerprint != _fingerprint(order, filters):
        raise _invalid_cursor(
            "The cursor belongs to another list, sort or filter: request the first page of this one."
        )
    if segment not in order.segments or not isinstance(values, list):
        raise _invalid_cursor("The cursor is not one this API issued.")
    columns = order.keys(segment)
    if len(values) != len(columns):
        raise _invalid_cursor("The cursor is not one this API issued.")
    try:
        typed = tuple(_typed(order.spec.python_type(c), v) for c, v in zip(columns, values, strict=True))
    except ValueError as error:
        raise _invalid_cursor("The cursor is not one this API issued.") from error
    return After(segment, typed)


def _after(order: Order, row: Mapping[str, Any]) -> After:
    segment = "null" if row[order.main] is None else "value"
    return After(segment, tuple(row[column] for column in order.keys(segment)))


def cursor_values(after: After) -> list[Any]:
    return [value.isoformat() if isinstance(value, date) else value for value in after.values]


# --- pages ----------------------------------------------------------------------------------------


def _segment_query(
    order: Order, where: list[ColumnElement[bool]], segment: str, after: After | None
) -> Select[Any]:
    table = order.spec.rows
    keys = [table.c[name] for name in order.keys(segment)]
    query = select(*(table.c[name] for name in order.spec.columns)).where(*where)
    if len(order.segments) > 1:
        main = table.c[order.main]
        query = query.where(main.is_not(None) if segment == "value" else main.is_(None))
    if after is not None:
        # One row-value comparison: both databases turn it into an index range, as deep as it is.
        left, right = tuple_(*keys), tuple_(*after.values)
        query = query.where(left < right if order.descending else left > right)
    return query.order_by(*(key.desc() if order.descending else key for key in keys))


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    after: After | None  # where the next page starts; None on the last page


def page(conn: Connection, order: Order, filters: Filters, limit: int, after: After | None = None) -> Page:
    """Up to ``limit`` rows after ``after`` (from the start if None), in ``order``."""
    where = conditions(order.spec, filters)
    segments = order.segments
    start = segments.index(after.segment) if after is not None else 0
    rows: list[dict[str, Any]] = []
    names = order.spec.columns
    for index in range(start, len(segments)):
        bound = after if after is not None and index == start else None
        query = _segment_query(order, where, segments[index], bound).limit(limit + 1 - len(rows))
        # Plain ``str`` keys (the table's names are str subclasses, which orjson refuses as keys).
        rows.extend(dict(zip(names, row, strict=True)) for row in conn.execute(query))
        if len(rows) > limit:
            break
    more = len(rows) > limit
    rows = rows[:limit]
    derived = order.spec.derived
    if derived:
        for row in rows:
            for name, compute in derived.items():
                row[name] = compute(row)
    return Page(rows, _after(order, rows[-1]) if more else None)


def batches(
    engine: Engine, order: Order, filters: Filters, batch_size: int = 2000, after: After | None = None
) -> Iterator[list[dict[str, Any]]]:
    """Every row of the query, ``batch_size`` at a time, each batch read on a connection of its own.

    Keyset batches rather than one server-side cursor: no transaction stays open while a slow
    client downloads, so a download never holds back a rebuild's view swap or VACUUM, and memory
    holds one batch. A row changed between two batches shows as it is when its batch is read.
    """
    while True:
        with engine.connect() as conn:
            found = page(conn, order, filters, batch_size, after)
        if found.rows:
            yield found.rows
        if found.after is None:
            return
        after = found.after


def totals(conn: Connection, spec: PublicTable, filters: Filters) -> dict[str, int]:
    """The number of rows the filters select and the sum of each amount over them."""
    table = spec.rows
    sums = [func.coalesce(func.sum(table.c[name]), 0).label(name) for name in spec.amounts]
    query = select(func.count().label("count"), *sums).select_from(table).where(*conditions(spec, filters))
    row = conn.execute(query).one()
    # PostgreSQL sums BIGINT as NUMERIC (a Decimal): amounts are whole won.
    return {name: int(value) for name, value in zip(("count", *spec.amounts), row, strict=True)}


# --- one contract ---------------------------------------------------------------------------------

AMENDMENT_LABELS = {
    "position": "기록 순번",
    "amended_on": "변경일",
    "previous_amount": "변경 전 금액",
    "new_amount": "변경 후 금액",
    "new_ends": "변경 후 종료일",
    "reason": "변경 사유",
}
INSPECTION_LABELS = {"inspected_on": "검수일자", "inspected_amount": "검수금액", "passed": "합격 여부"}


def contract(conn: Connection, contract_id: str) -> dict[str, Any] | None:
    """계약 상세: one contract with its amendments (oldest first), its inspection and the payments
    made under it to date (by payment date), all from the projected tables; None if unknown.

    The projection keeps only a contract's latest inspection, so ``inspections`` has at most one.
    """
    found = conn.execute(
        select(*(CONTRACTS.table.c[name] for name in CONTRACTS.columns)).where(
            CONTRACTS.table.c.contract_id == contract_id
        )
    ).one_or_none()
    if found is None:
        return None
    row = dict(zip(CONTRACTS.columns, found, strict=True))
    amendments = tables.contract_amendments
    payments = EXPENDITURES.table
    detail = dict(row)
    detail["amendment_history"] = [
        dict(zip(AMENDMENT_LABELS, r, strict=True))
        for r in conn.execute(
            select(*(amendments.c[name] for name in AMENDMENT_LABELS))
            .where(amendments.c.contract_id == contract_id)
            .order_by(amendments.c.position)
        )
    ]
    detail["inspections"] = (
        [
            {
                "inspected_on": row["inspected_on"],
                "inspected_amount": row["inspected_amount"],
                "passed": row["inspection_passed"],
            }
        ]
        if row["inspected"]
        else []
    )
    detail["payments"] = [
        dict(zip(EXPENDITURES.columns, r, strict=True))
        for r in conn.execute(
            select(*(payments.c[name] for name in EXPENDITURES.columns))
            .where(payments.c.contract_id == contract_id)
            .order_by(payments.c.paid_on, payments.c.payment_id)
        )
    ]
    return detail
