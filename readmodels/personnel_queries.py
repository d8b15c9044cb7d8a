"""Queries of the personnel (인사) read models: headcount (현원) and vacancies against 정원 as of a
date, the chart as of a date, the public headcount with small cells suppressed, and keyset-paged
lists of employees, actions (발령), the access log (열람 기록) and one certificate.

As of a date means the effective dates (시행일): the chart's versions in force on that day and the
periods of the approved history that cover it. A department merged (통합) by then counts in the one
it merged into (following a chain of merges), as the domain counts its people against 정원.

Lists page by keyset, the convention of :mod:`readmodels.public_queries`: a page is
``{"items": [...], "next_cursor": K}`` where ``K`` is the key of the last item (``None`` on the
last page), passed back as ``after``; the API makes it opaque.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Literal

import orjson
from sqlalchemy import Connection, Select, Table, func, select

from readmodels.personnel import (
    period_end,
    personnel_access_log,
    personnel_actions,
    personnel_authorised,
    personnel_certificates,
    personnel_departments,
    personnel_employees,
    personnel_grades,
    personnel_periods,
)

MAX_LIMIT = 1_000
#: Public cells of fewer people than this are suppressed (zero included: a conservative reading
#: of "under three", which also keeps an empty cell from being told apart from a hidden one).
MINIMUM_CELL = 3
RETIRED = "retired"
MERGED = "merged"
ACTIVE = "active"

By = Literal["department", "grade", "band"] | None


# --- the chart as of a date -----------------------------------------------------------------------


def _in_force(table: Table, key: str, org: str, as_of: date) -> Select[Any]:
    """The version of each ``key`` of ``table`` in force on ``as_of`` (the latest from by then)."""
    later = table.alias("later")
    newest = (
        select(func.max(later.c.effective_from))
        .where(later.c.org == table.c.org, later.c[key] == table.c[key], later.c.effective_from <= as_of)
        .scalar_subquery()
    )
    return select(table).where(table.c.org == org, table.c.effective_from == newest)


def _departments(conn: Connection, org: str, as_of: date) -> dict[str, Mapping[str, Any]]:
    rows = conn.execute(_in_force(personnel_departments, "code", org, as_of)).mappings()
    return {row["code"]: dict(row) for row in rows}


def _grades(conn: Connection, org: str, as_of: date) -> dict[str, Mapping[str, Any]]:
    rows = conn.execute(_in_force(personnel_grades, "code", org, as_of)).mappings()
    return {row["code"]: dict(row) for row in rows}


def _authorised(
    conn: Connection, org: str, as_of: date, departments: Mapping[str, Mapping[str, Any]]
) -> dict[str, int]:
    """정원 on ``as_of`` per department, with the 정원 of those merged into it by then (posts move
    with their people, as ``OrgChart.authorised_on`` sums them); a department none of whose
    parts has one is absent (not limited)."""
    rows = conn.execute(_in_force(personnel_authorised, "department", org, as_of)).mappings()
    summed: dict[str, int] = {}
    for row in rows:
        survivor = _survivor(row["department"], departments)
        summed[survivor] = summed.get(survivor, 0) + row["headcount"]
    return summed


def _survivor(code: str, departments: Mapping[str, Mapping[str, Any]]) -> str:
    """Where ``code``'s people count on the day: itself, or the department it merged into (and
    that one's, if it merged too)."""
    seen = {code}
    while (found := departments.get(code)) is not None and found["status"] == MERGED and found["merged_into"]:
        code = found["merged_into"]
        if code in seen:  # a cycle cannot be recorded, but a loop here would never end
            break
        seen.add(code)
    return code


# --- headcount (현원) --------------------------------------------------------------------------------


def _counts(conn: Connection, org: str, as_of: date, *columns: str) -> dict[tuple[Any, ...], int]:
    """People in service on ``as_of`` by columns of their period: one index-only range of one of
    the two indexes of ``personnel_periods``, whichever the database finds the shorter."""
    p = personnel_periods
    keys = [p.c[column] for column in columns]
    query = (
        select(*keys, func.count())
        .where(
            p.c.org == org,
            p.c.starts <= as_of,
            period_end(p) > as_of,
            p.c.status != RETIRED,
        )
        .group_by(*keys)
    )
    return {tuple(row[:-1]): row[-1] for row in conn.execute(query)}


def _summed(counts: Mapping[tuple[Any, ...], int], key: Callable[[tuple[Any, ...]], Any]) -> dict[Any, int]:
    summed: dict[Any, int] = {}
    for found, count in counts.items():
        summed[key(found)] = summed.get(key(found), 0) + count
    return summed


def _by_department(
    conn: Connection, org: str, as_of: date, counts: Mapping[tuple[Any, ...], int] | None = None
) -> tuple[dict[str, int], dict[str, Mapping[str, Any]]]:
    """Headcount per department that day (merged ones in their survivor), and the departments.
    ``counts``: by (department, …) if read already."""
    departments = _departments(conn, org, as_of)
    counts = _counts(conn, org, as_of, "department") if counts is None else counts
    return _summed(counts, lambda found: _survivor(found[0], departments)), departments


def _by_band(grades: Mapping[str, Mapping[str, Any]], by_grade: Mapping[str, int]) -> dict[str | None, int]:
    """Headcount per grade band (직급군), by the bands of the grades in force that day."""
    return _summed(
        {(code,): count for code, count in by_grade.items()},
        lambda found: grades[found[0]]["band"] if found[0] in grades else None,
    )


def headcount(conn: Connection, org: str, as_of: date, by: By = None) -> list[dict[str, Any]]:
    """현원 on ``as_of``: rows ``{"key", "name", "headcount"}`` by department (its name that day,
    merged departments counted in their survivor), grade, grade band, or one row of the total
    (``by=None``). Everyone not retired counts, also on leave, suspended or seconded."""
    if by not in (None, "department", "grade", "band"):
        raise ValueError(f"headcount is counted by department, grade or band, not {by!r}")
    if by is None:
        total = sum(_counts(conn, org, as_of).values())
        return [{"key": None, "name": None, "headcount": total}]
    if by == "department":
        counted, departments = _by_department(conn, org, as_of)
        return [
            {"key": code, "name": _name(departments, code), "headcount": count}
            for code, count in sorted(counted.items())
        ]
    grades = _grades(conn, org, as_of)
    by_grade = {found[0]: count for found, count in _counts(conn, org, as_of, "grade").items()}
    if by == "grade":
        return [
            {"key": code, "name": grades[code]["name"] if code in grades else code, "headcount": count}
            for code, count in sorted(by_grade.items())
        ]
    bands = _by_band(grades, by_grade)
    return [
        {"key": band, "name": band, "headcount": count}
        for band, count in sorted(bands.items(), key=lambda item: (item[0] is None, item[0] or ""))
    ]


def _name(departments: Mapping[str, Mapping[str, Any]], code: str) -> str:
    found = departments.get(code)
    return found["name"] if found is not None else code


def _shown(departments: Mapping[str, Mapping[str, Any]], counted: Mapping[str, int]) -> list[str]:
    """The departments a table of the day lists: the active ones, and any other holding people."""
    return sorted({c for c, d in departments.items() if d["status"] == ACTIVE} | set(counted))


def vacancies(conn: Connection, org: str, as_of: date) -> list[dict[str, Any]]:
    """정원 against 현원 on ``as_of``, per department: ``{"department", "name", "authorised",
    "headcount", "vacancy"}``. From the merge day, a merged department's people and 정원 count in
    the one it merged into. ``authorised`` None: no 정원 set, so not limited, and no vacancy."""
    counted, departments = _by_department(conn, org, as_of)
    authorised = _authorised(conn, org, as_of, departments)
    rows = []
    for code in _shown(departments, counted):
        limit = authorised.get(code)
        people = counted.get(code, 0)
        rows.append(
            {
                "department": code,
                "name": _name(departments, code),
                "authorised": limit,
                "headcount": people,
                "vacancy": None if limit is None else limit - people,
            }
        )
    return rows


def chart(conn: Connection, org: str, as_of: date) -> list[dict[str, Any]]:
    """조직도 on ``as_of``: the departments in tree order (each after its parent), each with
    ``{"code", "name", "parent", "depth", "authorised", "headcount"}`` (its own people, merged
    departments' included; the sub-departments' are theirs)."""
    counted, departments = _by_department(conn, org, as_of)
    authorised = _authorised(conn, org, as_of, departments)
    shown = _shown(departments, counted)
    rows = []
    for code, depth in _tree(shown, departments):
        found = departments.get(code)
        rows.append(
            {
                "code": code,
                "name": _name(departments, code),
                "parent": _parent(code, set(shown), departments),
                "depth": depth,
                "authorised": authorised.get(code),
                "headcount": counted.get(code, 0),
                "status": found["status"] if found is not None else None,
            }
        )
    return rows


def _parent(code: str, shown: set[str], departments: Mapping[str, Mapping[str, Any]]) -> str | None:
    found = departments.get(code)
    parent = found["parent"] if found is not None else None
    return parent if parent in shown and parent != code else None


def _children(
    shown: Sequence[str], departments: Mapping[str, Mapping[str, Any]]
) -> dict[str | None, list[str]]:
    listed = set(shown)
    children: dict[str | None, list[str]] = {}
    for code in shown:  # sorted: children in code order
        children.setdefault(_parent(code, listed, departments), []).append(code)
    return children


def _tree(shown: Sequence[str], departments: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, int]]:
    """``shown`` in pre-order with each one's depth (0: no parent shown that day)."""
    children = _children(shown, departments)
    ordered: list[tuple[str, int]] = []
    stack = [(code, 0) for code in reversed(children.get(None, []))]
    placed: set[str] = set()
    while stack:
        code, depth = stack.pop()
        if code in placed:
            continue
        placed.add(code)
        ordered.append((code, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(code, [])))
    # A department whose parents form a loop has no root; list it rather than lose its people.
    ordered.extend((code, 0) for code in shown if code not in placed)
    return ordered


# --- the public headcount ---------------------------------------------------------------------------

Cell = tuple[str, ...]


def suppressed_cells(values: Mapping[Cell, int], groups: Sequence[tuple[Cell, Sequence[Cell]]]) -> set[Cell]:
    """The cells to hide: every cell under :data:`MINIMUM_CELL` (primary), then, until nothing
    changes, in every group (a total and the cells that sum to it) that hides exactly one cell,
    the next smallest cell too (secondary), so that the total less the others shown never gives a
    hidden cell back; and a hidden total whose cells all show hides its smallest cell, which the
    first rule then pairs. A group of one cell hides its total with it."""
    hidden = {cell for cell, value in values.items() if value < MINIMUM_CELL}
    changed = True
    while changed:
        changed = False
        for total, members in groups:
            inside = [cell for cell in members if cell in hidden]
            shown = sorted((cell for cell in members if cell not in hidden), key=lambda c: (values[c], c))
            if len(inside) == 1 and shown:
                hidden.add(shown[0])
                changed = True
            elif len(inside) == 1 and total not in hidden:
                hidden.add(total)
                changed = True
            elif not inside and total in hidden and shown:
                hidden.add(shown[0])
                changed = True
    return hidden


def _cell(values: Mapping[Cell, int], hidden: set[Cell], cell: Cell) -> dict[str, Any]:
    if cell in hidden:
        return {"headcount": None, "suppressed": True}
    return {"headcount": values[cell], "suppressed": False}


def _vacancy(limit: int | None, values: Mapping[Cell, int], hidden: set[Cell], cell: Cell) -> dict[str, Any]:
    """결원 against the people of ``cell``: 정원 is public (직제), so a vacancy shown beside it
    would give a hidden headcount back; it is hidden with it."""
    if limit is None:
        return {"vacancy": None, "suppressed": False}
    if cell in hidden:
        return {"vacancy": None, "suppressed": True}
    return {"vacancy": limit - values[cell], "suppressed": False}


def public_headcount(conn: Connection, org: str, as_of: date) -> dict[str, Any]:
    """공개 정원·현원 on ``as_of``: the organisation's total, each department's own people and its
    total with its sub-departments, and each grade band, every cell ``{"headcount", "suppressed"}``
    with the cells of fewer than three people hidden, and those that would give one back by
    subtraction (:func:`suppressed_cells`). Each department's 정원 (``authorised``) shows, and its
    vacancy ``{"vacancy", "suppressed"}`` is hidden with its own headcount."""
    # One read of the periods, by department and grade, gives both tables.
    counts = _counts(conn, org, as_of, "department", "grade")
    counted, departments = _by_department(conn, org, as_of, counts)
    shown = _shown(departments, counted)
    children = _children(shown, departments)
    tree = _tree(shown, departments)
    grades = _grades(conn, org, as_of)
    bands = _by_band(grades, _summed(counts, lambda found: found[1]))
    for grade in grades.values():
        if not grade["retired"]:
            bands.setdefault(grade["band"], 0)

    org_cell: Cell = ("org",)
    values: dict[Cell, int] = {}
    total_of: dict[str, Cell] = {}
    groups: list[tuple[Cell, Sequence[Cell]]] = []
    for code, _ in reversed(tree):  # children before parents: their totals are known
        own: Cell = ("own", code)
        values[own] = counted.get(code, 0)
        below = children.get(code, [])
        if not below:
            total_of[code] = own  # a department without sub-departments: its total is the cell
            continue
        total: Cell = ("total", code)
        total_of[code] = total
        values[total] = values[own] + sum(values[total_of[child]] for child in below)
        groups.append((total, [own, *(total_of[child] for child in below)]))
    roots = [total_of[code] for code, depth in tree if depth == 0]
    values[org_cell] = sum(values[cell] for cell in roots)
    groups.append((org_cell, roots))
    band_cells = {band: ("band", band or "") for band in bands}
    for band, count in bands.items():
        values[band_cells[band]] = count
    groups.append((org_cell, list(band_cells.values())))

    hidden = suppressed_cells(values, groups)
    authorised = _authorised(conn, org, as_of, departments)
    limits = [authorised.get(code) for code in shown]
    # 정원 of the whole only when every department has one: a department without is not limited.
    whole = sum(limit for limit in limits if limit is not None) if None not in limits and limits else None
    return {
        "org": org,
        "as_of": as_of,
        "total": _cell(values, hidden, org_cell),
        "authorised": whole,
        "vacancy": _vacancy(whole, values, hidden, org_cell),
        "departments": [
            {
                "code": code,
                "name": _name(departments, code),
                "parent": _parent(code, set(shown), departments),
                "depth": depth,
                "own": _cell(values, hidden, ("own", code)),
                "total": _cell(values, hidden, total_of[code]),
                "authorised": authorised.get(code),
                "vacancy": _vacancy(authorised.get(code), values, hidden, ("own", code)),
            }
            for code, depth in tree
        ],
        "bands": [
            {"band": band, **_cell(values, hidden, band_cells[band])}
            for band in sorted(bands, key=lambda b: (b is None, b or ""))
        ],
    }


# --- lists and records --------------------------------------------------------------------------------


def _checked(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be 1–{MAX_LIMIT}, got {limit!r}")
    return limit


def _page(conn: Connection, query: Select[Any], limit: int, key: str) -> dict[str, Any]:
    rows = [dict(row) for row in conn.execute(query.limit(limit + 1)).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": rows, "next_cursor": rows[-1][key] if more else None}


_LISTED = tuple(c for c in personnel_employees.c if c.name not in ("sealed", "org"))


def employees(
    conn: Connection,
    org: str,
    after: str | None = None,
    limit: int = 50,
    department: str | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    """Employees of ``org`` by employee number (사번), after ``after``; narrowed to a current
    department or status. Without the sealed personal data, which :func:`employee` gives."""
    e = personnel_employees
    query = select(*_LISTED).where(e.c.org == org)
    if department is not None:
        query = query.where(e.c.department == department)
    if status is not None:
        query = query.where(e.c.status == status)
    if after is not None:
        query = query.where(e.c.employee_number > after)
    return _page(conn, query.order_by(e.c.employee_number), _checked(limit), "employee_number")


def employee(conn: Connection, employee_id: str) -> dict[str, Any] | None:
    """One employee's row, the sealed personal data (ciphertext) included; None if unknown."""
    row = conn.execute(select(personnel_employees).where(personnel_employees.c.employee_id == employee_id))
    found = row.mappings().first()
    return dict(found) if found is not None else None


def actions(
    conn: Connection,
    *,
    employee_id: str | None = None,
    org: str | None = None,
    status: str | None = None,
    after: int | None = None,
    limit: int = 50,
) -> dict[str, Any]:
    """Actions (발령) in the order they were drafted (log position), after the position ``after``:
    one employee's, or an organisation's (e.g. those awaiting approval: ``status="drafted"``).
    ``details`` is the action's details as a dict."""
    a = personnel_actions
    if employee_id is None and org is None:
        raise ValueError("actions are listed for an employee or an organisation")
    query = select(a)
    if employee_id is not None:
        query = query.where(a.c.employee_id == employee_id)
    if org is not None:
        query = query.where(a.c.org == org)
    if status is not None:
        query = query.where(a.c.status == status)
    if after is not None:
        query = query.where(a.c.position > after)
    page = _page(conn, query.order_by(a.c.position), _checked(limit), "position")
    for row in page["items"]:
        row["details"] = orjson.loads(row["details"])
    return page


def access_log(
    conn: Connection, org: str, after: int | None = None, limit: int = 50, employee_id: str | None = None
) -> dict[str, Any]:
    """개인정보 열람 기록 of ``org`` in the order recorded, after the position ``after``."""
    log = personnel_access_log
    query = select(log).where(log.c.org == org)
    if employee_id is not None:
        query = query.where(log.c.employee_id == employee_id)
    if after is not None:
        query = query.where(log.c.position > after)
    return _page(conn, query.order_by(log.c.position), _checked(limit), "position")


def certificate(conn: Connection, number: str) -> dict[str, Any] | None:
    """One issued certificate by its verification number, ``statement`` as a dict; None if none."""
    c = personnel_certificates
    found = conn.execute(select(c).where(c.c.number == number)).mappings().first()
    if found is None:
        return None
    row = dict(found)
    row["statement"] = orjson.loads(row["statement"])
    return row


__all__ = [
    "MAX_LIMIT",
    "MINIMUM_CELL",
    "access_log",
    "actions",
    "certificate",
    "chart",
    "employee",
    "employees",
    "headcount",
    "public_headcount",
    "suppressed_cells",
    "vacancies",
]
