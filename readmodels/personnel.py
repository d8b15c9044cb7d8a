"""Personnel (인사) read models: the organisation chart by effective date, employees, their actions
(발령), their periods of service, issued certificates and the log of personal-data reads.

Widths follow the write side's bounds: codes are ASCII of fixed shapes (department 10, grade and
position 10, employee number 12, order number 24), names and titles are ``domain.text`` kinds
(department and name 200, reason and note 1 000, actor 200). No column holds personal data in the
clear: ``personnel_employees.sealed`` is the ciphertext the write side made, and the API unseals it.

Dates are effective dates (시행일). ``personnel_periods`` holds, per employee, the periods over which
department, grade and status stay the same in the approved history; the projection writes an
employee's periods again whenever an approval changes that history, so a backdated action or a
later cancellation moves every count as of the dates it touches.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
    text,
)

metadata = MetaData()

ORG = 7
DEPARTMENT_CODE = 10
GRADE_CODE = 10
POSITION_CODE = 10
EMPLOYEE_NUMBER = 12
ORDER_NUMBER = 24
NAME = 200  # domain.text.DEPARTMENT and NAME
ACTOR = 200  # domain.text.ACTOR
REASON = 1_000  # domain.text.REASON and NOTE
USERNAME = 64  # domain.personnel.employee's user name pattern
UUID_TEXT = 36
VERIFICATION_NUMBER = 19  # XXXX-XXXX-XXXX-XXXX
KIND = 20  # the values of the domain's enums (kinds and statuses)


def _org() -> Column[str]:
    return Column("org", String(ORG), primary_key=True)


# 부서: one row per department and day a version of it takes effect. The domain's change of the
# same day replaces that day's version; the primary key makes the projection's upsert do the same.
personnel_departments = Table(
    "personnel_departments",
    metadata,
    _org(),
    Column("code", String(DEPARTMENT_CODE), primary_key=True),
    Column("effective_from", Date, primary_key=True),
    Column("name", String(NAME), nullable=False),
    Column("parent", String(DEPARTMENT_CODE)),
    Column("status", String(KIND), nullable=False),  # active | abolished | merged
    Column("merged_into", String(DEPARTMENT_CODE)),
)

# 직급: ``band`` is the grade band (직급군) the public headcount is shown by.
personnel_grades = Table(
    "personnel_grades",
    metadata,
    _org(),
    Column("code", String(GRADE_CODE), primary_key=True),
    Column("effective_from", Date, primary_key=True),
    Column("name", String(NAME), nullable=False),
    Column("rank", Integer, nullable=False),
    Column("band", String(NAME), nullable=False),
    Column("max_step", Integer, nullable=False),
    Column("retired", Boolean, nullable=False),
)

# 직위
personnel_positions = Table(
    "personnel_positions",
    metadata,
    _org(),
    Column("code", String(POSITION_CODE), primary_key=True),
    Column("effective_from", Date, primary_key=True),
    Column("title", String(NAME), nullable=False),
    Column("retired", Boolean, nullable=False),
)

# 정원: a department's authorised headcount from a day.
personnel_authorised = Table(
    "personnel_authorised",
    metadata,
    _org(),
    Column("department", String(DEPARTMENT_CODE), primary_key=True),
    Column("effective_from", Date, primary_key=True),
    Column("headcount", Integer, nullable=False),
)

# 직원: one row per employee; the record as of their latest approved action (NULL until the hire
# is approved) and the number of drafted actions awaiting approval. Here and in the actions, the
# columns besides the key are nullable: an event sets only some of them, by an upsert, and a
# NOT NULL would be checked on the row it proposes before it meets the existing one.
personnel_employees = Table(
    "personnel_employees",
    metadata,
    Column("employee_id", String(UUID_TEXT), primary_key=True),
    Column("org", String(ORG)),
    Column("employee_number", String(EMPLOYEE_NUMBER)),
    Column("username", String(USERNAME)),
    # The ciphertext (pd1:…) as recorded; NULL once erased (파기). Unbounded: the domain's bound
    # is the sealer's format, not a text kind.
    Column("sealed", Text),
    Column("erased", Boolean, nullable=False, server_default=text("false")),
    Column("version", Integer),
    Column("status", String(KIND)),
    Column("department", String(DEPARTMENT_CODE)),
    Column("grade", String(GRADE_CODE)),
    Column("step", Integer),
    Column("position", String(POSITION_CODE)),
    Column("pattern", String(KIND)),
    Column("weekly_hours", Integer),
    Column("hired_on", Date),
    Column("retired_on", Date),
    Column("pending", Integer, nullable=False, server_default=text("0")),
    Index("ix_personnel_employees_org_number", "org", "employee_number", unique=True),
    Index("ix_personnel_employees_org_department", "org", "department", "employee_number"),
    postgresql_with={"fillfactor": 80},  # updated in place at every action: room for HOT updates
)

# 발령: one row per action, with what became of it. ``details`` is the action's ActionDetails as
# JSON (the projection folds it back into the domain's Action to recompute the periods);
# ``position`` is the log position of the event that drafted it, which orders an employee's
# actions as the aggregate holds them.
personnel_actions = Table(
    "personnel_actions",
    metadata,
    Column("action_id", String(UUID_TEXT), primary_key=True),
    Column("employee_id", String(UUID_TEXT)),
    Column("org", String(ORG)),
    Column("kind", String(KIND)),
    Column("order_number", String(ORDER_NUMBER)),
    Column("effective_date", Date),
    Column("status", String(KIND)),  # drafted | approved | rejected | cancelled | amended
    Column("drafted_by", String(ACTOR)),
    Column("approved_by", String(ACTOR)),
    Column("corrects", String(UUID_TEXT)),
    Column("over_authorised", Boolean, nullable=False, server_default=text("false")),
    Column("reason", String(REASON)),  # 사유 of the action (its details')
    Column("rejection_reason", String(REASON)),  # 반려 사유
    Column("department", String(DEPARTMENT_CODE)),
    Column("grade", String(GRADE_CODE)),
    Column("details", Text),
    Column("position", BigInteger),
    Index("ix_personnel_actions_employee", "employee_id", "position"),
    Index("ix_personnel_actions_org_status", "org", "status", "position"),
    postgresql_with={"fillfactor": 80},  # a status changes in place: room for HOT updates
)

# Periods of constant (department, grade, status) of each employee's approved history: from
# ``starts`` until ``ends`` (exclusive; NULL: open). Retirement ends the last one, so a covering
# period means the employee counts (재직, also on leave, suspended or seconded).
personnel_periods = Table(
    "personnel_periods",
    metadata,
    Column("employee_id", String(UUID_TEXT), primary_key=True),
    Column("starts", Date, primary_key=True),
    Column("org", String(ORG), nullable=False),
    Column("ends", Date),
    Column("department", String(DEPARTMENT_CODE), nullable=False),
    Column("grade", String(GRADE_CODE), nullable=False),
    Column("status", String(KIND), nullable=False),
)

#: The day after every open period: ``period_end`` compares an open period as one that ends then.
OPEN_END = "9999-12-31"


def period_end(table: Table) -> ColumnElement[Any]:
    """``ends``, an open period's as :data:`OPEN_END`: the expression the second index below
    holds, which a query must repeat word for word for either database to use it."""
    return func.coalesce(table.c.ends, literal_column(f"'{OPEN_END}'"))


# Headcount as of a day D is the periods with starts <= D < ends. Two ranges, one per bound, each
# carrying the columns counted by, so either is an index-only scan: the planner takes the one with
# fewer rows (for a recent D the periods not ended by then, about one per employee; for a distant
# D those begun by then). With one range over all of them, a recent D read every period ever.
Index(
    "ix_personnel_periods_org_starts",
    personnel_periods.c.org,
    personnel_periods.c.starts,
    postgresql_include=["ends", "department", "grade", "status"],
)
Index(
    "ix_personnel_periods_org_ends",
    personnel_periods.c.org,
    period_end(personnel_periods),
    personnel_periods.c.starts,
    postgresql_include=["ends", "department", "grade", "status"],
)

# 증명서 발급대장: every certificate issued; ``statement`` is what it states, as JSON.
personnel_certificates = Table(
    "personnel_certificates",
    metadata,
    Column("number", String(VERIFICATION_NUMBER), primary_key=True),
    Column("org", String(ORG), nullable=False),
    Column("employee_id", String(UUID_TEXT), nullable=False),
    Column("kind", String(KIND), nullable=False),
    Column("purpose", String(NAME), nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("statement", Text, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_personnel_certificates_employee", "employee_id", "position"),
)

# 개인정보 열람 기록: who read whose personal data unmasked, when and why. ``read_at`` is the time
# the event was recorded, ``read_on`` its accounting date.
personnel_access_log = Table(
    "personnel_access_log",
    metadata,
    Column("read_id", String(UUID_TEXT), primary_key=True),
    Column("org", String(ORG), nullable=False),
    Column("employee_id", String(UUID_TEXT), nullable=False),
    Column("reader", String(ACTOR), nullable=False),
    Column("reason", String(REASON), nullable=False),
    Column("read_at", DateTime(timezone=True), nullable=False),
    Column("read_on", Date, nullable=False),
    Column("position", BigInteger, nullable=False),
    Index("ix_personnel_access_log_org", "org", "position"),
    Index("ix_personnel_access_log_employee", "employee_id", "position"),
)

CHART_TABLES = (personnel_departments, personnel_grades, personnel_positions, personnel_authorised)
EMPLOYEE_TABLES = (personnel_employees, personnel_actions, personnel_periods)
RECORD_TABLES = (personnel_certificates, personnel_access_log)
