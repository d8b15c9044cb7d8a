""" Contains all the data models used in inputs/outputs """

from .abolish_department_request import AbolishDepartmentRequest
from .access_log_entry_out import AccessLogEntryOut
from .access_log_page_out import AccessLogPageOut
from .account_line_out import AccountLineOut
from .action_kind import ActionKind
from .action_out import ActionOut
from .action_out_details import ActionOutDetails
from .action_page_out import ActionPageOut
from .action_status import ActionStatus
from .allocate_request import AllocateRequest
from .amend_budget_request import AmendBudgetRequest
from .amend_contract_request import AmendContractRequest
from .amend_obligation_request import AmendObligationRequest
from .amendment import Amendment
from .appropriate_request import AppropriateRequest
from .approval_item import ApprovalItem
from .approve_payroll_run_request import ApprovePayrollRunRequest
from .approve_personnel_actions_request import ApprovePersonnelActionsRequest
from .approve_requisition_request import ApproveRequisitionRequest
from .approve_voucher_request import ApproveVoucherRequest
from .assess_revenue_request import AssessRevenueRequest
from .attendance_item import AttendanceItem
from .attendance_kind import AttendanceKind
from .balance_sheet_out import BalanceSheetOut
from .bill_revenue_request import BillRevenueRequest
from .budget_actual_out import BudgetActualOut
from .budget_vs_actual_out import BudgetVsActualOut
from .calculate_payroll_run_request import CalculatePayrollRunRequest
from .cancel_obligation_request import CancelObligationRequest
from .carry_over_kind import CarryOverKind
from .carry_over_request import CarryOverRequest
from .causing_event_out import CausingEventOut
from .cell_out import CellOut
from .certificate_check_out import CertificateCheckOut
from .certificate_issue_request import CertificateIssueRequest
from .certificate_kind import CertificateKind
from .certificate_out import CertificateOut
from .certificate_out_statement import CertificateOutStatement
from .change_out import ChangeOut
from .change_personal_data_request import ChangePersonalDataRequest
from .change_vendor_address_request import ChangeVendorAddressRequest
from .chart_department_out import ChartDepartmentOut
from .checkpoint_out import CheckpointOut
from .checkpoint_page_out import CheckpointPageOut
from .close_fiscal_year_request import CloseFiscalYearRequest
from .collect_revenue_request import CollectRevenueRequest
from .command_accepted import CommandAccepted
from .complete_contract_request import CompleteContractRequest
from .configure_payroll_request import ConfigurePayrollRequest
from .configure_payroll_request_lines import ConfigurePayrollRequestLines
from .consistency_out import ConsistencyOut
from .contract_method import ContractMethod
from .correct_attendance_request import CorrectAttendanceRequest
from .cosignature_accepted import CosignatureAccepted
from .cosignature_in import CosignatureIn
from .cosignature_out import CosignatureOut
from .create_department_request import CreateDepartmentRequest
from .day_out import DayOut
from .day_page_out import DayPageOut
from .debar_vendor_request import DebarVendorRequest
from .declare_year_end_deductions_request import DeclareYearEndDeductionsRequest
from .define_grade_request import DefineGradeRequest
from .define_position_request import DefinePositionRequest
from .dependant import Dependant
from .diff_line_out import DiffLineOut
from .discipline_kind import DisciplineKind
from .draft_personnel_action_request import DraftPersonnelActionRequest
from .draft_requisition_request import DraftRequisitionRequest
from .draft_step_increases_request import DraftStepIncreasesRequest
from .draft_voucher_request import DraftVoucherRequest
from .employee_diff_out import EmployeeDiffOut
from .employee_page_out import EmployeePageOut
from .employee_record_out import EmployeeRecordOut
from .employee_row_out import EmployeeRowOut
from .erase_personal_data_request import ErasePersonalDataRequest
from .fault_detail import FaultDetail
from .fault_summary import FaultSummary
from .grant_contingency_request import GrantContingencyRequest
from .head_out import HeadOut
from .head_page_out import HeadPageOut
from .headcount_by import HeadcountBy
from .headcount_policy import HeadcountPolicy
from .headcount_row_out import HeadcountRowOut
from .hire_employee_request import HireEmployeeRequest
from .history_entry_out import HistoryEntryOut
from .history_entry_out_details import HistoryEntryOutDetails
from .inclusion_out import InclusionOut
from .income_statement_out import IncomeStatementOut
from .inspect_contract_request import InspectContractRequest
from .inspection import Inspection
from .issue_certificate_request import IssueCertificateRequest
from .issue_payment_order_request import IssuePaymentOrderRequest
from .journal_kind import JournalKind
from .journal_line_input import JournalLineInput
from .leave_kind import LeaveKind
from .leave_out import LeaveOut
from .leave_out_expiring_item import LeaveOutExpiringItem
from .lift_debarment_request import LiftDebarmentRequest
from .line_balances_out import LineBalancesOut
from .line_history_out import LineHistoryOut
from .line_state_out import LineStateOut
from .link_employee_account_request import LinkEmployeeAccountRequest
from .load_payroll_table_request import LoadPayrollTableRequest
from .log_key_out import LogKeyOut
from .merge_department_request import MergeDepartmentRequest
from .month_row_out import MonthRowOut
from .obligate_request import ObligateRequest
from .open_fiscal_year_request import OpenFiscalYearRequest
from .open_payroll_run_request import OpenPayrollRunRequest
from .open_revenue_line_request import OpenRevenueLineRequest
from .operator_status_out import OperatorStatusOut
from .organisation_kind import OrganisationKind
from .pay_payroll_run_request import PayPayrollRunRequest
from .pay_request import PayRequest
from .payer_kind import PayerKind
from .payroll_change_out import PayrollChangeOut
from .payroll_change_out_deductions import PayrollChangeOutDeductions
from .payroll_change_out_earnings import PayrollChangeOutEarnings
from .payroll_change_out_employer import PayrollChangeOutEmployer
from .payroll_items_out import PayrollItemsOut
from .payroll_items_out_deductions import PayrollItemsOutDeductions
from .payroll_items_out_earnings import PayrollItemsOutEarnings
from .payroll_items_out_employer import PayrollItemsOutEmployer
from .payroll_left_out import PayrollLeftOut
from .payroll_line import PayrollLine
from .payroll_payslip_detail_out import PayrollPayslipDetailOut
from .payroll_payslip_detail_out_deductions import PayrollPayslipDetailOutDeductions
from .payroll_payslip_detail_out_earnings import PayrollPayslipDetailOutEarnings
from .payroll_payslip_detail_out_employer import PayrollPayslipDetailOutEmployer
from .payroll_payslip_detail_out_facts import PayrollPayslipDetailOutFacts
from .payroll_payslip_detail_out_item_names import PayrollPayslipDetailOutItemNames
from .payroll_payslip_row_out import PayrollPayslipRowOut
from .payroll_register_out import PayrollRegisterOut
from .payroll_register_out_item_names import PayrollRegisterOutItemNames
from .payroll_register_row_out import PayrollRegisterRowOut
from .payroll_register_row_out_deductions import PayrollRegisterRowOutDeductions
from .payroll_register_row_out_earnings import PayrollRegisterRowOutEarnings
from .payroll_register_row_out_employer import PayrollRegisterRowOutEmployer
from .payroll_register_row_out_facts import PayrollRegisterRowOutFacts
from .payroll_run_out import PayrollRunOut
from .payroll_run_out_tables import PayrollRunOutTables
from .payroll_table_load_out import PayrollTableLoadOut
from .payroll_totals_out import PayrollTotalsOut
from .payroll_withholding_kind_out import PayrollWithholdingKindOut
from .payroll_withholding_month_out import PayrollWithholdingMonthOut
from .payroll_withholdings_out import PayrollWithholdingsOut
from .personal_data import PersonalData
from .personal_data_out import PersonalDataOut
from .personal_data_out_dependants_item import PersonalDataOutDependantsItem
from .personal_data_read_out import PersonalDataReadOut
from .personnel_budget_out import PersonnelBudgetOut
from .personnel_cost_out import PersonnelCostOut
from .post_payroll_run_request import PostPayrollRunRequest
from .private_contract_reason import PrivateContractReason
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .problem_numbers import ProblemNumbers
from .projection_detail import ProjectionDetail
from .projection_out import ProjectionOut
from .public_allocations_page import PublicAllocationsPage
from .public_allocations_row import PublicAllocationsRow
from .public_allocations_totals import PublicAllocationsTotals
from .public_band_out import PublicBandOut
from .public_contract_detail import PublicContractDetail
from .public_contracts_page import PublicContractsPage
from .public_contracts_row import PublicContractsRow
from .public_contracts_totals import PublicContractsTotals
from .public_debarred_vendors_page import PublicDebarredVendorsPage
from .public_debarred_vendors_row import PublicDebarredVendorsRow
from .public_debarred_vendors_totals import PublicDebarredVendorsTotals
from .public_department_out import PublicDepartmentOut
from .public_expenditures_page import PublicExpendituresPage
from .public_expenditures_row import PublicExpendituresRow
from .public_expenditures_totals import PublicExpendituresTotals
from .public_headcount_out import PublicHeadcountOut
from .public_programs_page import PublicProgramsPage
from .public_programs_row import PublicProgramsRow
from .public_programs_totals import PublicProgramsTotals
from .public_requisitions_page import PublicRequisitionsPage
from .public_requisitions_row import PublicRequisitionsRow
from .public_requisitions_totals import PublicRequisitionsTotals
from .public_revenue_page import PublicRevenuePage
from .public_revenue_row import PublicRevenueRow
from .public_revenue_totals import PublicRevenueTotals
from .pull_allocation_forward_request import PullAllocationForwardRequest
from .read_request import ReadRequest
from .record_attendance_days_request import RecordAttendanceDaysRequest
from .record_attendance_request import RecordAttendanceRequest
from .record_journal_entry_request import RecordJournalEntryRequest
from .record_population_request import RecordPopulationRequest
from .reduce_assessment_request import ReduceAssessmentRequest
from .refund_overpayment_request import RefundOverpaymentRequest
from .register_organisation_request import RegisterOrganisationRequest
from .register_vendor_request import RegisterVendorRequest
from .reject_payroll_run_request import RejectPayrollRunRequest
from .reject_personnel_action_request import RejectPersonnelActionRequest
from .reject_requisition_request import RejectRequisitionRequest
from .reject_voucher_request import RejectVoucherRequest
from .remit_payroll_withholdings_request import RemitPayrollWithholdingsRequest
from .rename_department_request import RenameDepartmentRequest
from .report_diff_name import ReportDiffName
from .report_diff_out import ReportDiffOut
from .retire_grade_request import RetireGradeRequest
from .retirement_kind import RetirementKind
from .return_payment_request import ReturnPaymentRequest
from .service_record_out import ServiceRecordOut
from .set_authorised_headcount_request import SetAuthorisedHeadcountRequest
from .set_payroll_profile_request import SetPayrollProfileRequest
from .set_personnel_rules_request import SetPersonnelRulesRequest
from .severance_accrual import SeveranceAccrual
from .sign_contract_request import SignContractRequest
from .statement_line_out import StatementLineOut
from .status import Status
from .status_out import StatusOut
from .table_kind import TableKind
from .terminate_contract_request import TerminateContractRequest
from .transfer_budget_request import TransferBudgetRequest
from .transfer_kind import TransferKind
from .trial_balance_out import TrialBalanceOut
from .vacancy_cell_out import VacancyCellOut
from .vacancy_out import VacancyOut
from .vendor_entry_out import VendorEntryOut
from .vendor_entry_out_details import VendorEntryOutDetails
from .vendor_history_out import VendorHistoryOut
from .vendor_kind import VendorKind
from .withdraw_attendance_request import WithdrawAttendanceRequest
from .working_pattern import WorkingPattern

__all__ = (
    "AbolishDepartmentRequest",
    "AccessLogEntryOut",
    "AccessLogPageOut",
    "AccountLineOut",
    "ActionKind",
    "ActionOut",
    "ActionOutDetails",
    "ActionPageOut",
    "ActionStatus",
    "AllocateRequest",
    "AmendBudgetRequest",
    "AmendContractRequest",
    "Amendment",
    "AmendObligationRequest",
    "AppropriateRequest",
    "ApprovalItem",
    "ApprovePayrollRunRequest",
    "ApprovePersonnelActionsRequest",
    "ApproveRequisitionRequest",
    "ApproveVoucherRequest",
    "AssessRevenueRequest",
    "AttendanceItem",
    "AttendanceKind",
    "BalanceSheetOut",
    "BillRevenueRequest",
    "BudgetActualOut",
    "BudgetVsActualOut",
    "CalculatePayrollRunRequest",
    "CancelObligationRequest",
    "CarryOverKind",
    "CarryOverRequest",
    "CausingEventOut",
    "CellOut",
    "CertificateCheckOut",
    "CertificateIssueRequest",
    "CertificateKind",
    "CertificateOut",
    "CertificateOutStatement",
    "ChangeOut",
    "ChangePersonalDataRequest",
    "ChangeVendorAddressRequest",
    "ChartDepartmentOut",
    "CheckpointOut",
    "CheckpointPageOut",
    "CloseFiscalYearRequest",
    "CollectRevenueRequest",
    "CommandAccepted",
    "CompleteContractRequest",
    "ConfigurePayrollRequest",
    "ConfigurePayrollRequestLines",
    "ConsistencyOut",
    "ContractMethod",
    "CorrectAttendanceRequest",
    "CosignatureAccepted",
    "CosignatureIn",
    "CosignatureOut",
    "CreateDepartmentRequest",
    "DayOut",
    "DayPageOut",
    "DebarVendorRequest",
    "DeclareYearEndDeductionsRequest",
    "DefineGradeRequest",
    "DefinePositionRequest",
    "Dependant",
    "DiffLineOut",
    "DisciplineKind",
    "DraftPersonnelActionRequest",
    "DraftRequisitionRequest",
    "DraftStepIncreasesRequest",
    "DraftVoucherRequest",
    "EmployeeDiffOut",
    "EmployeePageOut",
    "EmployeeRecordOut",
    "EmployeeRowOut",
    "ErasePersonalDataRequest",
    "FaultDetail",
    "FaultSummary",
    "GrantContingencyRequest",
    "HeadcountBy",
    "HeadcountPolicy",
    "HeadcountRowOut",
    "HeadOut",
    "HeadPageOut",
    "HireEmployeeRequest",
    "HistoryEntryOut",
    "HistoryEntryOutDetails",
    "InclusionOut",
    "IncomeStatementOut",
    "InspectContractRequest",
    "Inspection",
    "IssueCertificateRequest",
    "IssuePaymentOrderRequest",
    "JournalKind",
    "JournalLineInput",
    "LeaveKind",
    "LeaveOut",
    "LeaveOutExpiringItem",
    "LiftDebarmentRequest",
    "LineBalancesOut",
    "LineHistoryOut",
    "LineStateOut",
    "LinkEmployeeAccountRequest",
    "LoadPayrollTableRequest",
    "LogKeyOut",
    "MergeDepartmentRequest",
    "MonthRowOut",
    "ObligateRequest",
    "OpenFiscalYearRequest",
    "OpenPayrollRunRequest",
    "OpenRevenueLineRequest",
    "OperatorStatusOut",
    "OrganisationKind",
    "PayerKind",
    "PayPayrollRunRequest",
    "PayRequest",
    "PayrollChangeOut",
    "PayrollChangeOutDeductions",
    "PayrollChangeOutEarnings",
    "PayrollChangeOutEmployer",
    "PayrollItemsOut",
    "PayrollItemsOutDeductions",
    "PayrollItemsOutEarnings",
    "PayrollItemsOutEmployer",
    "PayrollLeftOut",
    "PayrollLine",
    "PayrollPayslipDetailOut",
    "PayrollPayslipDetailOutDeductions",
    "PayrollPayslipDetailOutEarnings",
    "PayrollPayslipDetailOutEmployer",
    "PayrollPayslipDetailOutFacts",
    "PayrollPayslipDetailOutItemNames",
    "PayrollPayslipRowOut",
    "PayrollRegisterOut",
    "PayrollRegisterOutItemNames",
    "PayrollRegisterRowOut",
    "PayrollRegisterRowOutDeductions",
    "PayrollRegisterRowOutEarnings",
    "PayrollRegisterRowOutEmployer",
    "PayrollRegisterRowOutFacts",
    "PayrollRunOut",
    "PayrollRunOutTables",
    "PayrollTableLoadOut",
    "PayrollTotalsOut",
    "PayrollWithholdingKindOut",
    "PayrollWithholdingMonthOut",
    "PayrollWithholdingsOut",
    "PersonalData",
    "PersonalDataOut",
    "PersonalDataOutDependantsItem",
    "PersonalDataReadOut",
    "PersonnelBudgetOut",
    "PersonnelCostOut",
    "PostPayrollRunRequest",
    "PrivateContractReason",
    "Problem",
    "ProblemErrorsType0Item",
    "ProblemNumbers",
    "ProjectionDetail",
    "ProjectionOut",
    "PublicAllocationsPage",
    "PublicAllocationsRow",
    "PublicAllocationsTotals",
    "PublicBandOut",
    "PublicContractDetail",
    "PublicContractsPage",
    "PublicContractsRow",
    "PublicContractsTotals",
    "PublicDebarredVendorsPage",
    "PublicDebarredVendorsRow",
    "PublicDebarredVendorsTotals",
    "PublicDepartmentOut",
    "PublicExpendituresPage",
    "PublicExpendituresRow",
    "PublicExpendituresTotals",
    "PublicHeadcountOut",
    "PublicProgramsPage",
    "PublicProgramsRow",
    "PublicProgramsTotals",
    "PublicRequisitionsPage",
    "PublicRequisitionsRow",
    "PublicRequisitionsTotals",
    "PublicRevenuePage",
    "PublicRevenueRow",
    "PublicRevenueTotals",
    "PullAllocationForwardRequest",
    "ReadRequest",
    "RecordAttendanceDaysRequest",
    "RecordAttendanceRequest",
    "RecordJournalEntryRequest",
    "RecordPopulationRequest",
    "ReduceAssessmentRequest",
    "RefundOverpaymentRequest",
    "RegisterOrganisationRequest",
    "RegisterVendorRequest",
    "RejectPayrollRunRequest",
    "RejectPersonnelActionRequest",
    "RejectRequisitionRequest",
    "RejectVoucherRequest",
    "RemitPayrollWithholdingsRequest",
    "RenameDepartmentRequest",
    "ReportDiffName",
    "ReportDiffOut",
    "RetireGradeRequest",
    "RetirementKind",
    "ReturnPaymentRequest",
    "ServiceRecordOut",
    "SetAuthorisedHeadcountRequest",
    "SetPayrollProfileRequest",
    "SetPersonnelRulesRequest",
    "SeveranceAccrual",
    "SignContractRequest",
    "StatementLineOut",
    "Status",
    "StatusOut",
    "TableKind",
    "TerminateContractRequest",
    "TransferBudgetRequest",
    "TransferKind",
    "TrialBalanceOut",
    "VacancyCellOut",
    "VacancyOut",
    "VendorEntryOut",
    "VendorEntryOutDetails",
    "VendorHistoryOut",
    "VendorKind",
    "WithdrawAttendanceRequest",
    "WorkingPattern",
)
