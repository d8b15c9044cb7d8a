""" Contains all the data models used in inputs/outputs """

from .account_line_out import AccountLineOut
from .allocate_request import AllocateRequest
from .amend_budget_request import AmendBudgetRequest
from .amend_contract_request import AmendContractRequest
from .amend_obligation_request import AmendObligationRequest
from .amendment import Amendment
from .appropriate_request import AppropriateRequest
from .approve_requisition_request import ApproveRequisitionRequest
from .approve_voucher_request import ApproveVoucherRequest
from .assess_revenue_request import AssessRevenueRequest
from .balance_sheet_out import BalanceSheetOut
from .bill_revenue_request import BillRevenueRequest
from .budget_actual_out import BudgetActualOut
from .budget_vs_actual_out import BudgetVsActualOut
from .cancel_obligation_request import CancelObligationRequest
from .carry_over_kind import CarryOverKind
from .carry_over_request import CarryOverRequest
from .causing_event_out import CausingEventOut
from .change_vendor_address_request import ChangeVendorAddressRequest
from .checkpoint_out import CheckpointOut
from .checkpoint_page_out import CheckpointPageOut
from .close_fiscal_year_request import CloseFiscalYearRequest
from .collect_revenue_request import CollectRevenueRequest
from .command_accepted import CommandAccepted
from .complete_contract_request import CompleteContractRequest
from .consistency_out import ConsistencyOut
from .contract_method import ContractMethod
from .cosignature_accepted import CosignatureAccepted
from .cosignature_in import CosignatureIn
from .cosignature_out import CosignatureOut
from .debar_vendor_request import DebarVendorRequest
from .diff_line_out import DiffLineOut
from .draft_requisition_request import DraftRequisitionRequest
from .draft_voucher_request import DraftVoucherRequest
from .fault_detail import FaultDetail
from .fault_summary import FaultSummary
from .grant_contingency_request import GrantContingencyRequest
from .head_out import HeadOut
from .head_page_out import HeadPageOut
from .history_entry_out import HistoryEntryOut
from .history_entry_out_details import HistoryEntryOutDetails
from .inclusion_out import InclusionOut
from .income_statement_out import IncomeStatementOut
from .inspect_contract_request import InspectContractRequest
from .inspection import Inspection
from .issue_payment_order_request import IssuePaymentOrderRequest
from .journal_kind import JournalKind
from .journal_line_input import JournalLineInput
from .lift_debarment_request import LiftDebarmentRequest
from .line_balances_out import LineBalancesOut
from .line_history_out import LineHistoryOut
from .line_state_out import LineStateOut
from .log_key_out import LogKeyOut
from .obligate_request import ObligateRequest
from .open_fiscal_year_request import OpenFiscalYearRequest
from .open_revenue_line_request import OpenRevenueLineRequest
from .operator_status_out import OperatorStatusOut
from .organisation_kind import OrganisationKind
from .pay_request import PayRequest
from .payer_kind import PayerKind
from .private_contract_reason import PrivateContractReason
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .problem_numbers import ProblemNumbers
from .projection_detail import ProjectionDetail
from .projection_out import ProjectionOut
from .public_allocations_page import PublicAllocationsPage
from .public_allocations_row import PublicAllocationsRow
from .public_allocations_totals import PublicAllocationsTotals
from .public_contract_detail import PublicContractDetail
from .public_contracts_page import PublicContractsPage
from .public_contracts_row import PublicContractsRow
from .public_contracts_totals import PublicContractsTotals
from .public_debarred_vendors_page import PublicDebarredVendorsPage
from .public_debarred_vendors_row import PublicDebarredVendorsRow
from .public_debarred_vendors_totals import PublicDebarredVendorsTotals
from .public_expenditures_page import PublicExpendituresPage
from .public_expenditures_row import PublicExpendituresRow
from .public_expenditures_totals import PublicExpendituresTotals
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
from .record_journal_entry_request import RecordJournalEntryRequest
from .reduce_assessment_request import ReduceAssessmentRequest
from .refund_overpayment_request import RefundOverpaymentRequest
from .register_organisation_request import RegisterOrganisationRequest
from .register_vendor_request import RegisterVendorRequest
from .reject_requisition_request import RejectRequisitionRequest
from .reject_voucher_request import RejectVoucherRequest
from .report_diff_name import ReportDiffName
from .report_diff_out import ReportDiffOut
from .return_payment_request import ReturnPaymentRequest
from .sign_contract_request import SignContractRequest
from .statement_line_out import StatementLineOut
from .status_out import StatusOut
from .terminate_contract_request import TerminateContractRequest
from .transfer_budget_request import TransferBudgetRequest
from .transfer_kind import TransferKind
from .trial_balance_out import TrialBalanceOut
from .vendor_entry_out import VendorEntryOut
from .vendor_entry_out_details import VendorEntryOutDetails
from .vendor_history_out import VendorHistoryOut
from .vendor_kind import VendorKind

__all__ = (
    "AccountLineOut",
    "AllocateRequest",
    "AmendBudgetRequest",
    "AmendContractRequest",
    "Amendment",
    "AmendObligationRequest",
    "AppropriateRequest",
    "ApproveRequisitionRequest",
    "ApproveVoucherRequest",
    "AssessRevenueRequest",
    "BalanceSheetOut",
    "BillRevenueRequest",
    "BudgetActualOut",
    "BudgetVsActualOut",
    "CancelObligationRequest",
    "CarryOverKind",
    "CarryOverRequest",
    "CausingEventOut",
    "ChangeVendorAddressRequest",
    "CheckpointOut",
    "CheckpointPageOut",
    "CloseFiscalYearRequest",
    "CollectRevenueRequest",
    "CommandAccepted",
    "CompleteContractRequest",
    "ConsistencyOut",
    "ContractMethod",
    "CosignatureAccepted",
    "CosignatureIn",
    "CosignatureOut",
    "DebarVendorRequest",
    "DiffLineOut",
    "DraftRequisitionRequest",
    "DraftVoucherRequest",
    "FaultDetail",
    "FaultSummary",
    "GrantContingencyRequest",
    "HeadOut",
    "HeadPageOut",
    "HistoryEntryOut",
    "HistoryEntryOutDetails",
    "InclusionOut",
    "IncomeStatementOut",
    "InspectContractRequest",
    "Inspection",
    "IssuePaymentOrderRequest",
    "JournalKind",
    "JournalLineInput",
    "LiftDebarmentRequest",
    "LineBalancesOut",
    "LineHistoryOut",
    "LineStateOut",
    "LogKeyOut",
    "ObligateRequest",
    "OpenFiscalYearRequest",
    "OpenRevenueLineRequest",
    "OperatorStatusOut",
    "OrganisationKind",
    "PayerKind",
    "PayRequest",
    "PrivateContractReason",
    "Problem",
    "ProblemErrorsType0Item",
    "ProblemNumbers",
    "ProjectionDetail",
    "ProjectionOut",
    "PublicAllocationsPage",
    "PublicAllocationsRow",
    "PublicAllocationsTotals",
    "PublicContractDetail",
    "PublicContractsPage",
    "PublicContractsRow",
    "PublicContractsTotals",
    "PublicDebarredVendorsPage",
    "PublicDebarredVendorsRow",
    "PublicDebarredVendorsTotals",
    "PublicExpendituresPage",
    "PublicExpendituresRow",
    "PublicExpendituresTotals",
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
    "RecordJournalEntryRequest",
    "ReduceAssessmentRequest",
    "RefundOverpaymentRequest",
    "RegisterOrganisationRequest",
    "RegisterVendorRequest",
    "RejectRequisitionRequest",
    "RejectVoucherRequest",
    "ReportDiffName",
    "ReportDiffOut",
    "ReturnPaymentRequest",
    "SignContractRequest",
    "StatementLineOut",
    "StatusOut",
    "TerminateContractRequest",
    "TransferBudgetRequest",
    "TransferKind",
    "TrialBalanceOut",
    "VendorEntryOut",
    "VendorEntryOutDetails",
    "VendorHistoryOut",
    "VendorKind",
)
