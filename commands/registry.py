"""The one list of every use case: command message type → :class:`~commands.ledger.Ledger` method."""

from __future__ import annotations

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

HANDLERS: dict[type[Command], str] = {
    budget.RegisterOrganisation: "register_organisation",
    budget.RecordPopulation: "record_population",
    budget.OpenFiscalYear: "open_fiscal_year",
    budget.CloseFiscalYear: "close_fiscal_year",
    budget.Appropriate: "appropriate",
    budget.AmendBudget: "amend_budget",
    budget.TransferBudget: "transfer_budget",
    budget.GrantContingency: "grant_contingency",
    budget.Allocate: "allocate",
    budget.PullAllocationForward: "pull_allocation_forward",
    budget.CarryOver: "carry_over",
    spending.DraftRequisition: "draft_requisition",
    spending.ApproveRequisition: "approve_requisition",
    spending.RejectRequisition: "reject_requisition",
    spending.Obligate: "obligate",
    spending.AmendObligation: "amend_obligation",
    spending.CancelObligation: "cancel_obligation",
    vendors.RegisterVendor: "register_vendor",
    vendors.ChangeVendorAddress: "change_vendor_address",
    vendors.DebarVendor: "debar_vendor",
    vendors.LiftDebarment: "lift_debarment",
    # --- contracts (계약) ---
    contracts.SignContract: "sign_contract",
    contracts.AmendContract: "amend_contract",
    contracts.InspectContract: "inspect_contract",
    contracts.CompleteContract: "complete_contract",
    contracts.TerminateContract: "terminate_contract",
    # --- end contracts ---
    # --- vouchers, payment orders, payments, returns (지출) ---
    payments.DraftVoucher: "draft_voucher",
    payments.ApproveVoucher: "approve_voucher",
    payments.RejectVoucher: "reject_voucher",
    payments.IssuePaymentOrder: "issue_payment_order",
    payments.Pay: "pay",
    payments.ReturnPayment: "return_payment",
    # --- end payments ---
    # --- revenue (세입) ---
    revenue.OpenRevenueLine: "open_revenue_line",
    revenue.AssessRevenue: "assess_revenue",
    revenue.ReduceAssessment: "reduce_assessment",
    revenue.BillRevenue: "bill_revenue",
    revenue.CollectRevenue: "collect_revenue",
    revenue.RefundOverpayment: "refund_overpayment",
    # --- end revenue ---
    # --- journal (분개) ---
    journal.RecordJournalEntry: "record_journal_entry",
    # --- end journal ---
    # --- personnel (인사) ---
    personnel.CreateDepartment: "create_department",
    personnel.RenameDepartment: "rename_department",
    personnel.MergeDepartment: "merge_department",
    personnel.AbolishDepartment: "abolish_department",
    personnel.DefineGrade: "define_grade",
    personnel.RetireGrade: "retire_grade",
    personnel.DefinePosition: "define_position",
    personnel.SetAuthorisedHeadcount: "set_authorised_headcount",
    personnel.SetPersonnelRules: "set_personnel_rules",
    personnel.HireEmployee: "hire_employee",
    personnel.DraftPersonnelAction: "draft_personnel_action",
    personnel.DraftStepIncreases: "draft_step_increases",
    personnel.ApprovePersonnelActions: "approve_personnel_actions",
    personnel.RejectPersonnelAction: "reject_personnel_action",
    personnel.ChangePersonalData: "change_personal_data",
    personnel.LinkEmployeeAccount: "link_employee_account",
    personnel.ErasePersonalData: "erase_personal_data",
    personnel.IssueCertificate: "issue_certificate",
    # --- end personnel ---
    attendance.RecordAttendance: "record_attendance",
    attendance.RecordAttendanceDays: "record_attendance_days",
    attendance.CorrectAttendance: "correct_attendance",
    attendance.WithdrawAttendance: "withdraw_attendance",
    # --- payroll (급여) ---
    payroll.LoadPayrollTable: "load_payroll_table",
    payroll.ConfigurePayroll: "configure_payroll",
    payroll.SetPayrollProfile: "set_payroll_profile",
    payroll.DeclareYearEndDeductions: "declare_year_end_deductions",
    payroll.OpenPayrollRun: "open_payroll_run",
    payroll.CalculatePayrollRun: "calculate_payroll_run",
    payroll.RejectPayrollRun: "reject_payroll_run",
    payroll.ApprovePayrollRun: "approve_payroll_run",
    payroll.PostPayrollRun: "post_payroll_run",
    payroll.PayPayrollRun: "pay_payroll_run",
    payroll.RemitPayrollWithholdings: "remit_payroll_withholdings",
    # --- end payroll ---
}
