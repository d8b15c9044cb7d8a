from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.payroll_change_out import PayrollChangeOut
  from ..models.payroll_register_row_out_deductions import PayrollRegisterRowOutDeductions
  from ..models.payroll_register_row_out_earnings import PayrollRegisterRowOutEarnings
  from ..models.payroll_register_row_out_employer import PayrollRegisterRowOutEmployer
  from ..models.payroll_register_row_out_facts import PayrollRegisterRowOutFacts





T = TypeVar("T", bound="PayrollRegisterRowOut")



@_attrs_define
class PayrollRegisterRowOut:
    """ 
        Attributes:
            earnings (PayrollRegisterRowOutEarnings): 지급 항목: code → won (ABSENCE, a deduction of pay, negative)
            deductions (PayrollRegisterRowOutDeductions): 공제 항목: code → won
            employer (PayrollRegisterRowOutEmployer): 기관부담금: code → won
            employee_id (UUID):
            employee_number (str):
            run_month (str): The run it was paid in
            kind (str): regular 정기, retroactive 소급, settlement 연말정산, severance 퇴직 …
            month (str): 귀속월: the run's, or the past month a difference is for
            days (int): Days in service in the month (재직일수)
            gross (int):
            deducted (int):
            net (int):
            employer_total (int):
            taxable (int):
            non_taxable (int):
            facts (PayrollRegisterRowOutFacts): What the slip shows: grade, step, department, family …
            change (None | PayrollChangeOut): On a regular payslip: the change from the month before
     """

    earnings: PayrollRegisterRowOutEarnings
    deductions: PayrollRegisterRowOutDeductions
    employer: PayrollRegisterRowOutEmployer
    employee_id: UUID
    employee_number: str
    run_month: str
    kind: str
    month: str
    days: int
    gross: int
    deducted: int
    net: int
    employer_total: int
    taxable: int
    non_taxable: int
    facts: PayrollRegisterRowOutFacts
    change: None | PayrollChangeOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_change_out import PayrollChangeOut # noqa: PLC0415
        from ..models.payroll_register_row_out_deductions import PayrollRegisterRowOutDeductions # noqa: PLC0415
        from ..models.payroll_register_row_out_earnings import PayrollRegisterRowOutEarnings # noqa: PLC0415
        from ..models.payroll_register_row_out_employer import PayrollRegisterRowOutEmployer # noqa: PLC0415
        from ..models.payroll_register_row_out_facts import PayrollRegisterRowOutFacts # noqa: PLC0415
        earnings = self.earnings.to_dict()

        deductions = self.deductions.to_dict()

        employer = self.employer.to_dict()

        employee_id = str(self.employee_id)

        employee_number = self.employee_number

        run_month = self.run_month

        kind = self.kind

        month = self.month

        days = self.days

        gross = self.gross

        deducted = self.deducted

        net = self.net

        employer_total = self.employer_total

        taxable = self.taxable

        non_taxable = self.non_taxable

        facts = self.facts.to_dict()

        change: dict[str, Any] | None
        if isinstance(self.change, PayrollChangeOut):
            change = self.change.to_dict()
        else:
            change = self.change


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "earnings": earnings,
            "deductions": deductions,
            "employer": employer,
            "employee_id": employee_id,
            "employee_number": employee_number,
            "run_month": run_month,
            "kind": kind,
            "month": month,
            "days": days,
            "gross": gross,
            "deducted": deducted,
            "net": net,
            "employer_total": employer_total,
            "taxable": taxable,
            "non_taxable": non_taxable,
            "facts": facts,
            "change": change,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_change_out import PayrollChangeOut # noqa: PLC0415
        from ..models.payroll_register_row_out_deductions import PayrollRegisterRowOutDeductions # noqa: PLC0415
        from ..models.payroll_register_row_out_earnings import PayrollRegisterRowOutEarnings # noqa: PLC0415
        from ..models.payroll_register_row_out_employer import PayrollRegisterRowOutEmployer # noqa: PLC0415
        from ..models.payroll_register_row_out_facts import PayrollRegisterRowOutFacts # noqa: PLC0415
        d = dict(src_dict)
        earnings = PayrollRegisterRowOutEarnings.from_dict(d.pop("earnings"))




        deductions = PayrollRegisterRowOutDeductions.from_dict(d.pop("deductions"))




        employer = PayrollRegisterRowOutEmployer.from_dict(d.pop("employer"))




        employee_id = UUID(d.pop("employee_id"))




        employee_number = d.pop("employee_number")

        run_month = d.pop("run_month")

        kind = d.pop("kind")

        month = d.pop("month")

        days = d.pop("days")

        gross = d.pop("gross")

        deducted = d.pop("deducted")

        net = d.pop("net")

        employer_total = d.pop("employer_total")

        taxable = d.pop("taxable")

        non_taxable = d.pop("non_taxable")

        facts = PayrollRegisterRowOutFacts.from_dict(d.pop("facts"))




        def _parse_change(data: object) -> None | PayrollChangeOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                change_type_0 = PayrollChangeOut.from_dict(data)



                return change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayrollChangeOut, data)

        change = _parse_change(d.pop("change"))


        payroll_register_row_out = cls(
            earnings=earnings,
            deductions=deductions,
            employer=employer,
            employee_id=employee_id,
            employee_number=employee_number,
            run_month=run_month,
            kind=kind,
            month=month,
            days=days,
            gross=gross,
            deducted=deducted,
            net=net,
            employer_total=employer_total,
            taxable=taxable,
            non_taxable=non_taxable,
            facts=facts,
            change=change,
        )


        payroll_register_row_out.additional_properties = d
        return payroll_register_row_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
