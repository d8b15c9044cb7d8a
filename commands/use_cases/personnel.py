"""Use cases of personnel (인사): the organisation chart, personnel actions (발령), personal data.

Personnel commands are not acts of a fiscal year: they take effect on their effective date
whatever the state of the budget's year, so none requires an open year. A command that changes
where someone works (a hire, transfer or retirement approved, or a correction of one) records the
employee's department periods in each department's :class:`Staffing` in the same save, and is
checked there against the 정원 (refused, or flagged, as the organisation's rules say).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol
from uuid import UUID, uuid5

from commands.core import UseCases
from commands.errors import PersonalDataUnavailable, VersionConflict
from commands.messages.base import CommandResult
from commands.messages.personnel import (
    AbolishDepartment,
    ActionFields,
    ApprovePersonnelActions,
    ChangePersonalData,
    CreateDepartment,
    DefineGrade,
    DefinePosition,
    DraftPersonnelAction,
    DraftStepIncreases,
    ErasePersonalData,
    HireEmployee,
    IssueCertificate,
    LinkEmployeeAccount,
    MergeDepartment,
    PersonalData,
    RecordPersonalDataRead,
    RejectPersonnelAction,
    RenameDepartment,
    RetireGrade,
    SetAuthorisedHeadcount,
    SetPersonnelRules,
)
from commands.unit_of_work import UnitOfWork
from domain import text
from domain.base import Context, LedgerAggregate
from domain.errors import AlreadyExists, InvalidInput, InvalidState, NotFound
from domain.organisation import Organisation
from domain.personnel.actions import Action, ActionDetails, ActionKind, Status, assignments
from domain.personnel.certificates import CertificateKind, new_verification_number
from domain.personnel.dated import value_on
from domain.personnel.employee import Employee, employee_number, order_number
from domain.personnel.errors import ActionNotAllowed, ChartRuleBroken, OverAuthorisedHeadcount
from domain.personnel.masking import check_rrn
from domain.personnel.org_chart import HeadcountPolicy, OrgChart, PersonnelRules
from domain.personnel.records import CareerLine, IssuedCertificate, PersonalDataRead, Statement
from domain.personnel.staffing import Period, Staffing, first_excess, newly_covered


class PersonalDataSealer(Protocol):
    """What the write side needs of commands.personal_data's vault."""

    def seal(self, subject: UUID, fields: Mapping[str, Any]) -> str: ...

    def unseal(self, subject: UUID, sealed: str) -> dict[str, Any] | None: ...

    def erase(self, subject: UUID, reason: str) -> Any: ...


def action_id_for(command_id: UUID, employee_id: UUID) -> UUID:
    """An action's id, derived from its command (a batch drafts one per employee)."""
    return uuid5(command_id, str(employee_id))


def _check_personal(personal: PersonalData) -> None:
    """The form of what is sealed: a resident registration number of the form YYMMDD-NNNNNNN
    (the refusal names the field, never the value)."""
    check_rrn(personal.rrn.get_secret_value())


def _details(fields: ActionFields) -> ActionDetails:
    return ActionDetails(
        department=fields.department,
        grade=fields.grade,
        step=fields.step,
        position=fields.position,
        probation_until=fields.probation_until,
        leave_kind=fields.leave_kind,
        expected_end=fields.expected_end,
        seconded_to=text.NAME.check(fields.seconded_to, "seconded_to") if fields.seconded_to else None,
        discipline_kind=fields.discipline_kind,
        period_ends=fields.period_ends,
        pattern=fields.pattern,
        weekly_hours=fields.weekly_hours,
        retirement_kind=fields.retirement_kind,
        reason=text.NOTE.check(fields.reason, "reason"),
    )


class PersonnelUseCases(UseCases):
    #: Set by the composition root (cleanledger.wiring); None refuses personal data.
    personal_data: PersonalDataSealer | None = None

    # --- organisation chart -------------------------------------------------------------------

    def _chart_command(self, command: Any, change: Any) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            chart_id = OrgChart.id_for(ctx.org)
            if uow.find(OrgChart, chart_id) is None:
                # The first change opens the chart (If-Match then names version 0: none yet).
                if command.expected_version not in (None, 0):
                    raise VersionConflict(
                        f"organisation {ctx.org} has no chart yet",
                        expected_version=command.expected_version,
                        actual_version=0,
                    )
                if uow.find(Organisation, Organisation.id_for(ctx.org)) is None:
                    raise NotFound(
                        f"organisation {ctx.org} is not registered: register it before its chart",
                        org=ctx.org,
                    )
                chart = OrgChart.open(ctx)
                uow.add(chart)
            else:
                chart = uow.target(OrgChart, chart_id, "organisation chart")
            change(uow, ctx, chart)
            return chart

        return self._execute(command, use_case, requires_open_year=False)

    def create_department(self, command: CreateDepartment) -> CommandResult:
        return self._chart_command(
            command,
            lambda uow, ctx, chart: chart.create_department(
                ctx, command.code, command.name, command.parent, command.effective_date
            ),
        )

    def rename_department(self, command: RenameDepartment) -> CommandResult:
        return self._chart_command(
            command,
            lambda uow, ctx, chart: chart.rename_department(
                ctx, command.code, command.name, command.effective_date
            ),
        )

    def merge_department(self, command: MergeDepartment) -> CommandResult:
        return self._chart_command(
            command,
            lambda uow, ctx, chart: chart.merge_department(
                ctx, command.code, command.into, command.effective_date
            ),
        )

    def abolish_department(self, command: AbolishDepartment) -> CommandResult:
        def change(uow: UnitOfWork, ctx: Context, chart: OrgChart) -> None:
            # Its own people, and those of the departments merged into it: anyone counted in it
            # on or after the day blocks it, not only on the day itself.
            counts_from = {command.code: date.min, **chart.absorbed(command.code)}
            staffings = {
                code: found
                for code in counts_from
                if (found := uow.find(Staffing, Staffing.id_for(ctx.org, code))) is not None
            }
            days = {command.effective_date}
            for found in staffings.values():
                days |= {d for d in found.change_days() if d >= command.effective_date}
            staffed = max(
                sum(found.headcount_on(d) for code, found in staffings.items() if counts_from[code] <= d)
                for d in days
            )
            chart.abolish_department(ctx, command.code, command.effective_date, staffed)

        return self._chart_command(command, change)

    def define_grade(self, command: DefineGrade) -> CommandResult:
        return self._chart_command(
            command,
            lambda uow, ctx, chart: chart.define_grade(
                ctx,
                command.code,
                command.name,
                command.rank,
                command.band,
                command.max_step,
                command.effective_date,
            ),
        )

    def retire_grade(self, command: RetireGrade) -> CommandResult:
        return self._chart_command(
            command, lambda uow, ctx, chart: chart.retire_grade(ctx, command.code, command.effective_date)
        )

    def define_position(self, command: DefinePosition) -> CommandResult:
        return self._chart_command(
            command,
            lambda uow, ctx, chart: chart.define_position(
                ctx, command.code, command.title, command.effective_date
            ),
        )

    def set_authorised_headcount(self, command: SetAuthorisedHeadcount) -> CommandResult:
        return self._chart_command(
            command,
            lambda uow, ctx, chart: chart.set_authorised_headcount(
                ctx, command.department, command.headcount, command.effective_date
            ),
        )

    def set_personnel_rules(self, command: SetPersonnelRules) -> CommandResult:
        rules = PersonnelRules(
            headcount_policy=command.headcount_policy,
            advancing_leave=tuple(sorted(set(command.advancing_leave))),
            retention_years=command.retention_years,
        )
        return self._chart_command(command, lambda uow, ctx, chart: chart.set_rules(ctx, rules))

    # --- employees and actions ------------------------------------------------------------------

    def hire_employee(self, command: HireEmployee) -> CommandResult:
        sealer = self._sealer()

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            number = employee_number(command.employee_number)
            employee_id = Employee.id_for(ctx.org, number)
            existing = uow.find(Employee, employee_id)
            if existing is not None and (existing.has_live_hire() or existing.erased):
                raise AlreadyExists(f"employee {number} exists already", employee_number=number)
            chart = self._chart(uow, ctx)
            action = Action(
                action_id=action_id_for(command.command_id, employee_id),
                kind=ActionKind.HIRE,
                order_number=order_number(command.order_number),
                effective_date=command.effective_date,
                details=_details(command),
                drafted_by=ctx.actor,
            )
            # Sealed after the rules passed: a refused hire leaves no data key behind.
            Employee.check_hire(number, action, chart)
            _check_personal(command.personal)
            sealed = sealer.seal(employee_id, command.personal.plain())
            if existing is not None:
                # Its hire was rejected or cancelled: the same number is hired anew, on the same
                # record, whose history keeps the first attempt.
                existing.change_personal_data(ctx, sealed)
                existing.draft(ctx, action, chart)
                return existing
            employee = Employee.hire(ctx, number, sealed, action, chart)
            uow.add(employee)
            return employee

        return self._execute(command, use_case, requires_open_year=False)

    def draft_personnel_action(self, command: DraftPersonnelAction) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.target(Employee, command.employee_id, "employee")
            chart = self._chart(uow, ctx)
            employee.draft(
                ctx,
                Action(
                    action_id=action_id_for(command.command_id, employee.id),
                    kind=command.kind,
                    order_number=order_number(command.order_number),
                    effective_date=command.effective_date,
                    details=_details(command),
                    drafted_by=ctx.actor,
                    corrects=command.corrects,
                ),
                chart,
            )
            return employee

        return self._execute(command, use_case, requires_open_year=False)

    def draft_step_increases(self, command: DraftStepIncreases) -> CommandResult:
        """정기승급: every employee named who is in a state to advance and below the top step."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            chart = self._chart(uow, ctx)
            number = order_number(command.order_number)
            drafted: Employee | None = None
            for employee_id in dict.fromkeys(command.employee_ids):
                employee = uow.get(Employee, employee_id, "employee")
                if employee.org != ctx.org:
                    raise NotFound(f"no employee {employee_id}", id=str(employee_id))
                action = Action(
                    action_id=action_id_for(command.command_id, employee.id),
                    kind=ActionKind.STEP_INCREASE,
                    order_number=number,
                    effective_date=command.effective_date,
                    details=ActionDetails(reason="정기승급"),
                    drafted_by=ctx.actor,
                )
                try:
                    employee.draft(ctx, action, chart)
                except (ActionNotAllowed, InvalidInput):
                    continue  # not due: retired, on unpaid leave, at the top step, barred, …
                drafted = employee
            if drafted is None:
                raise ActionNotAllowed(
                    f"no employee named is due a step increase on {command.effective_date}",
                    kind="step_increase",
                )
            return drafted

        return self._execute(command, use_case, requires_open_year=False)

    def approve_personnel_actions(self, command: ApprovePersonnelActions) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            chart = self._chart(uow, ctx)
            by_employee: dict[UUID, list[UUID]] = {}
            for item in command.items:
                by_employee.setdefault(item.employee_id, []).append(item.action_id)
            last: Employee | None = None
            for employee_id, action_ids in by_employee.items():
                employee = uow.get(Employee, employee_id, "employee")
                if employee.org != ctx.org:
                    raise NotFound(f"no employee {employee_id}", id=str(employee_id))
                before = employee.department_periods()
                # The rules of the history first, then where the person would count, then 정원;
                # recorded once all passed.
                timeline = employee.check_approval(ctx.actor, tuple(action_ids), chart)
                after = assignments(timeline)
                flagged = self._staff(uow, ctx, chart, employee.id, before, after, action_ids)
                employee.record_approval(ctx, tuple(action_ids), flagged)
                last = employee
            assert last is not None
            return last

        return self._execute(command, use_case, requires_open_year=False)

    def reject_personnel_action(self, command: RejectPersonnelAction) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.target(Employee, command.employee_id, "employee")
            employee.reject(ctx, command.action_id, command.reason)
            return employee

        return self._execute(command, use_case, requires_open_year=False)

    def change_personal_data(self, command: ChangePersonalData) -> CommandResult:
        sealer = self._sealer()

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.target(Employee, command.employee_id, "employee")
            if employee.erased:
                raise InvalidState(f"employee {employee.employee_number}'s personal data is erased")
            _check_personal(command.personal)
            employee.change_personal_data(ctx, sealer.seal(employee.id, command.personal.plain()))
            return employee

        return self._execute(command, use_case, requires_open_year=False)

    def link_employee_account(self, command: LinkEmployeeAccount) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.target(Employee, command.employee_id, "employee")
            employee.link_account(ctx, command.username)
            return employee

        return self._execute(command, use_case, requires_open_year=False)

    def erase_personal_data(self, command: ErasePersonalData) -> CommandResult:
        sealer = self._sealer()

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.target(Employee, command.employee_id, "employee")
            chart = self._chart(uow, ctx)
            employee.erase(ctx, command.reason, command.effective_date, chart.rules.retention_years)
            # The key goes once the rules allowed it; a save that fails after this is retried and
            # records the erasure then (destroying a destroyed key changes nothing).
            sealer.erase(employee.id, command.reason)
            return employee

        return self._execute(command, use_case, requires_open_year=False)

    # --- certificates and reads -----------------------------------------------------------------

    def issue_certificate(self, command: IssueCertificate) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.target(Employee, command.employee_id, "employee")
            chart = self._chart(uow, ctx)
            state = employee.state_on(command.effective_date)
            if state is None:
                raise ActionNotAllowed(
                    f"employee {employee.employee_number} is not hired on {command.effective_date}",
                    kind="certificate",
                )
            if command.kind is CertificateKind.EMPLOYMENT and state.status is Status.RETIRED:
                raise ActionNotAllowed(
                    f"employee {employee.employee_number} retired on {state.retired_on}: "
                    "issue a career certificate (경력증명서)",
                    kind="certificate",
                )
            number = new_verification_number(command.command_id.bytes)
            certificate = IssuedCertificate.issue(
                ctx,
                number,
                employee.id,
                command.kind,
                command.purpose,
                statement(employee, chart, command.effective_date),
            )
            uow.add(certificate)
            return certificate

        return self._execute(command, use_case, requires_open_year=False)

    def record_personal_data_read(self, command: RecordPersonalDataRead) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.get(Employee, command.employee_id, "employee")
            if employee.org != ctx.org:
                raise NotFound(f"no employee {command.employee_id}", id=str(command.employee_id))
            read = PersonalDataRead.record_read(ctx, employee.id, command.reason)
            uow.add(read)
            return read

        return self._execute(command, use_case, requires_open_year=False)

    # --- helpers ----------------------------------------------------------------------------------

    def _sealer(self) -> PersonalDataSealer:
        if self.personal_data is None:
            raise PersonalDataUnavailable("no master key is configured: set CLEANLEDGER_MASTER_KEY")
        return self.personal_data

    @staticmethod
    def _chart(uow: UnitOfWork, ctx: Context) -> OrgChart:
        chart = uow.find(OrgChart, OrgChart.id_for(ctx.org))
        if chart is None:
            raise NotFound(
                f"organisation {ctx.org} has no organisation chart yet: create its departments first",
                org=ctx.org,
            )
        return chart

    @staticmethod
    def _staff(
        uow: UnitOfWork,
        ctx: Context,
        chart: OrgChart,
        employee_id: UUID,
        before: tuple[tuple[str, date, date | None], ...],
        after: tuple[tuple[str, date, date | None], ...],
        action_ids: list[UUID],
    ) -> tuple[UUID, ...]:
        """Record the employee's new department periods and check every day they begin to count
        somewhere against that department's 정원 (where a department merged by then, in the one
        it merged into); the actions to flag, if the rules flag rather than refuse."""
        if before == after:
            return ()
        departments = {dept for dept, _, _ in before} | {dept for dept, _, _ in after}
        checks: dict[str, list[Period]] = {}
        for department in sorted(departments):
            staffing = _staffing(uow, ctx, department)
            old = tuple((s, e) for d, s, e in before if d == department)
            new = tuple((s, e) for d, s, e in after if d == department)
            staffing.set_periods(ctx, employee_id, new)
            for start, end in newly_covered(new, old):
                for target, piece_start, piece_end in _counted_pieces(chart, department, start, end):
                    abolished = chart.abolished_on(target)
                    if abolished is not None and (piece_end is None or abolished < piece_end):
                        raise ChartRuleBroken(
                            f"department {target} is abolished on {abolished}, while the employee would "
                            "still count in it: transfer or retire them by then",
                            department=target,
                            abolished_on=abolished.isoformat(),
                        )
                    checks.setdefault(target, []).append((piece_start, piece_end))
        over = False
        for target, added in sorted(checks.items()):
            counts_from = chart.absorbed(target)
            staffings = [_staffing(uow, ctx, target)]
            staffings += [
                found
                for other in sorted(counts_from)
                if (found := uow.find(Staffing, Staffing.id_for(ctx.org, other))) is not None
            ]
            excess = first_excess(
                target,
                staffings,
                counts_from,
                added,
                lambda day, target=target: chart.authorised_on(target, day),  # type: ignore[misc]
                chart.change_days(target),
            )
            if excess is None:
                continue
            if chart.rules.headcount_policy is HeadcountPolicy.REFUSE:
                raise OverAuthorisedHeadcount(
                    f"department {target} would hold {excess.headcount} people on {excess.day}, "
                    f"over its 정원 of {excess.authorised}",
                    department=target,
                    date=excess.day.isoformat(),
                    authorised=excess.authorised,
                    headcount=excess.headcount,
                )
            over = True
        return tuple(action_ids) if over else ()


def _staffing(uow: UnitOfWork, ctx: Context, department: str) -> Staffing:
    staffing = uow.find(Staffing, Staffing.id_for(ctx.org, department))
    if staffing is None:
        staffing = Staffing.open(ctx, department)
        uow.add(staffing)
    return staffing


def _counted_pieces(
    chart: OrgChart, department: str, start: date, end: date | None
) -> list[tuple[str, date, date | None]]:
    """The days [start, end) of someone in ``department``, split where a merge makes them count in
    another department: (department counted in, from, until)."""
    pieces: list[tuple[str, date, date | None]] = []
    current, since = department, start
    while True:
        merged = chart.merged_into(current)
        if merged is None or (end is not None and merged[1] >= end):
            pieces.append((current, since, end))
            return pieces
        into, day = merged
        if day > since:
            pieces.append((current, since, day))
        current, since = into, max(since, day)
        if current == department:  # a cycle of merges cannot be made; stop rather than loop
            pieces.append((current, since, end))
            return pieces


def statement(employee: Employee, chart: OrgChart, on: date) -> Statement:
    """What a certificate of ``employee`` states as of ``on``, in the chart's names of each day."""
    state = employee.state_on(on)
    assert state is not None

    def department_name(code: str, day: date) -> str:
        found = chart.department_as_of(code, day)
        return found.name if found is not None else code

    def grade_name(code: str, day: date) -> str:
        found = value_on(chart.grades.get(code, ()), day)
        return found.name if found is not None else code

    position = value_on(chart.positions.get(state.position, ()), on) if state.position else None
    career: list[CareerLine] = []
    for start, end, department, grade in employee.career_periods(until=on):
        career.append(CareerLine(start, end, department_name(department, start), grade_name(grade, start)))
    until = state.retired_on if state.status is Status.RETIRED else None
    return Statement(
        employee_number=employee.employee_number,
        organisation=employee.org,
        department=department_name(state.department, on),
        grade=grade_name(state.grade, on),
        position=position.title if position is not None else None,
        hired_on=state.hired_on,
        until=until,
        career=tuple(career),
    )


__all__ = ["PersonalDataSealer", "PersonalDataUnavailable", "PersonnelUseCases", "Status", "action_id_for"]
