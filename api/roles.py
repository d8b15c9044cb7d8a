"""Roles (역할) and what each may do: the one permission table of the HTTP API.

A user holds roles per organisation (a grant of ``*`` covers every organisation). Every command
is allowed to the roles listed for it here and to nobody else; segregation of duties is the point,
so a clerk drafts and an approver approves, and not even an admin approves spending.
"""

from __future__ import annotations

from enum import StrEnum

from commands.messages import (
    attendance,
    budget,
    contracts,
    journal,
    payments,
    payroll,
    personnel,
    revenue,
    spending,
    vendors,
)
from commands.messages.base import Command


class Role(StrEnum):
    CLERK = "clerk"  # 담당자: drafts requisitions and vouchers, registers vendors, inspects
    APPROVER = "approver"  # 재무관·결재권자: approves, obligates, signs contracts, debars
    BUDGET_OFFICER = "budget_officer"  # 예산담당관: appropriations, allocations, transfers
    ACCOUNTANT = "accountant"  # 지출관·회계담당: payment orders, payments, revenue, journal, closing
    AUDITOR = "auditor"  # 감사: reads every history, changes nothing
    ADMIN = "admin"  # 관리자: organisations (and their population), fiscal years, users
    HR_CLERK = (
        "hr_clerk"  # 인사담당자: drafts personnel actions, hires, records attendance, issues certificates
    )
    HR_MANAGER = (
        "hr_manager"  # 인사책임자: approves actions (not their own drafts), keeps the chart, reads unmasked
    )
    HR_AUDITOR = "hr_auditor"  # 인사감사: reads every personnel record, masked, and the access log
    EMPLOYEE = "employee"  # 직원 본인: reads their own record and certificates (self-service)
    PAYROLL_OFFICER = "payroll_officer"  # 급여담당자: payroll profiles; opens and calculates the runs
    PAYROLL_MANAGER = (
        "payroll_manager"  # 급여책임자: tables, settings; approves or rejects, posts, pays and remits runs
    )


ALL_ORGS = "*"

_CLERK = frozenset({Role.CLERK})
_APPROVER = frozenset({Role.APPROVER})
_BUDGET = frozenset({Role.BUDGET_OFFICER})
_ACCOUNTANT = frozenset({Role.ACCOUNTANT})
_ADMIN = frozenset({Role.ADMIN})
_HR_CLERK = frozenset({Role.HR_CLERK})
_HR_MANAGER = frozenset({Role.HR_MANAGER})
_PAYROLL_OFFICER = frozenset({Role.PAYROLL_OFFICER})
_PAYROLL_MANAGER = frozenset({Role.PAYROLL_MANAGER})

#: Command → the roles that may issue it. Every command of the registry is listed (a test checks).
COMMAND_ROLES: dict[type[Command], frozenset[Role]] = {
    budget.RegisterOrganisation: _ADMIN,
    budget.RecordPopulation: _ADMIN,
    budget.OpenFiscalYear: _ADMIN | _BUDGET,
    budget.CloseFiscalYear: _ACCOUNTANT,
    budget.Appropriate: _BUDGET,
    budget.AmendBudget: _BUDGET,
    budget.TransferBudget: _BUDGET,
    budget.GrantContingency: _BUDGET,
    budget.Allocate: _BUDGET,
    budget.PullAllocationForward: _BUDGET,
    budget.CarryOver: _BUDGET,
    spending.DraftRequisition: _CLERK,
    spending.ApproveRequisition: _APPROVER,
    spending.RejectRequisition: _APPROVER,
    spending.Obligate: _APPROVER,
    spending.AmendObligation: _APPROVER,
    spending.CancelObligation: _APPROVER,
    vendors.RegisterVendor: _CLERK,
    vendors.ChangeVendorAddress: _CLERK,
    vendors.DebarVendor: _APPROVER,
    vendors.LiftDebarment: _APPROVER,
    contracts.SignContract: _APPROVER,
    contracts.AmendContract: _APPROVER,
    contracts.InspectContract: _CLERK,
    contracts.CompleteContract: _APPROVER,
    contracts.TerminateContract: _APPROVER,
    payments.DraftVoucher: _CLERK,
    payments.ApproveVoucher: _APPROVER,
    payments.RejectVoucher: _APPROVER,
    payments.IssuePaymentOrder: _ACCOUNTANT,
    payments.Pay: _ACCOUNTANT,
    payments.ReturnPayment: _ACCOUNTANT,
    revenue.OpenRevenueLine: _BUDGET,
    revenue.AssessRevenue: _ACCOUNTANT,
    revenue.ReduceAssessment: _ACCOUNTANT,
    revenue.BillRevenue: _ACCOUNTANT,
    revenue.CollectRevenue: _ACCOUNTANT,
    revenue.RefundOverpayment: _ACCOUNTANT,
    journal.RecordJournalEntry: _ACCOUNTANT,
    personnel.CreateDepartment: _HR_MANAGER,
    personnel.RenameDepartment: _HR_MANAGER,
    personnel.MergeDepartment: _HR_MANAGER,
    personnel.AbolishDepartment: _HR_MANAGER,
    personnel.DefineGrade: _HR_MANAGER,
    personnel.RetireGrade: _HR_MANAGER,
    personnel.DefinePosition: _HR_MANAGER,
    personnel.SetAuthorisedHeadcount: _HR_MANAGER,
    personnel.SetPersonnelRules: _HR_MANAGER,
    personnel.HireEmployee: _HR_CLERK,
    personnel.DraftPersonnelAction: _HR_CLERK,
    personnel.DraftStepIncreases: _HR_CLERK,
    personnel.ApprovePersonnelActions: _HR_MANAGER,
    personnel.RejectPersonnelAction: _HR_MANAGER,
    personnel.ChangePersonalData: _HR_CLERK,
    personnel.LinkEmployeeAccount: _HR_MANAGER,
    personnel.ErasePersonalData: _HR_MANAGER,
    personnel.IssueCertificate: _HR_CLERK,
    attendance.RecordAttendance: _HR_CLERK,
    attendance.RecordAttendanceDays: _HR_CLERK,
    attendance.CorrectAttendance: _HR_CLERK,
    attendance.WithdrawAttendance: _HR_CLERK,
    # Payroll (급여): the officer prepares, the manager decides (four eyes: whoever calculated a
    # run cannot approve it, which the domain checks by person as well).
    payroll.LoadPayrollTable: _PAYROLL_MANAGER,
    payroll.ConfigurePayroll: _PAYROLL_MANAGER,
    payroll.SetPayrollProfile: _PAYROLL_OFFICER,
    payroll.DeclareYearEndDeductions: _PAYROLL_OFFICER,
    payroll.OpenPayrollRun: _PAYROLL_OFFICER,
    payroll.CalculatePayrollRun: _PAYROLL_OFFICER,
    payroll.RejectPayrollRun: _PAYROLL_MANAGER,
    payroll.ApprovePayrollRun: _PAYROLL_MANAGER,
    payroll.PostPayrollRun: _PAYROLL_MANAGER,
    payroll.PayPayrollRun: _PAYROLL_MANAGER,
    payroll.RemitPayrollWithholdings: _PAYROLL_MANAGER,
}

#: Who may read an organisation's audit trail: every role of that organisation but self-service
#: (an employee reads their own record, not the organisation's books).
AUDIT_ROLES: frozenset[Role] = frozenset(Role) - {Role.EMPLOYEE}

#: Who reads personnel records (인사기록) of an organisation, and how. Personnel data is never
#: public and never reaches the finance roles (domain.md §6); an auditor of the organisation
#: reads it, masked, as the HR auditor does.
PERSONNEL_READERS: frozenset[Role] = frozenset(
    {Role.HR_CLERK, Role.HR_MANAGER, Role.HR_AUDITOR, Role.AUDITOR}
)
#: Who may read unmasked personal data (each read recorded): the HR manager (and the employee,
#: their own, through self-service).
UNMASKED_READERS: frozenset[Role] = frozenset({Role.HR_MANAGER})
#: Who lists the reads of unmasked personal data (열람 기록).
ACCESS_LOG_READERS: frozenset[Role] = frozenset({Role.HR_AUDITOR, Role.AUDITOR, Role.HR_MANAGER})
#: Who reads individual pay (급여대장, every payslip) of an organisation: the payroll roles and the
#: HR auditor. Individual pay is never public and never reaches the finance roles; an employee
#: reads their own payslips (self-service).
PAYROLL_READERS: frozenset[Role] = frozenset({Role.PAYROLL_OFFICER, Role.PAYROLL_MANAGER, Role.HR_AUDITOR})
#: Who reads an organisation's payroll totals (the runs, the withholdings not yet remitted): the
#: payroll readers, and the accountant and the auditor, who see the same sums as obligations,
#: vouchers and 예수금 in the books.
PAYROLL_TOTALS_READERS: frozenset[Role] = PAYROLL_READERS | {Role.ACCOUNTANT, Role.AUDITOR}
