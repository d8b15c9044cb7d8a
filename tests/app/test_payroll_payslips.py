"""Payslips computed by hand (급여명세서), each step of the arithmetic written out.

The statutory rows are the shipped tables' 2026 ones:
- 국민연금 4.75 % of 보수월액 truncated to 1 000 won, within 400 000 – 6 370 000 (from July
  410 000 – 6 590 000), the premium truncated to 10 won;
- 건강보험 3.595 %; 장기요양 the health premium × 9 448/71 900 (0.9448 % ÷ 7.19 %); 고용보험 0.9 %
  (employer 0.9 % + 0.65 %); each truncated to 10 won;
- 간이세액표 (2026. 2. 27. edition, in force from March) at 100 %, 지방소득세 10 %, truncated to 10 won.
The pay scale and allowances are the test's own (tests/app/payroll_helpers.py): G9 step 1 is
2 000 000 won, 정액급식비 140 000 (non-taxable), and so on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from commands.ledger import Ledger
from commands.messages.attendance import RecordAttendance
from commands.messages.payroll import DeclareYearEndDeductions
from commands.use_cases.payroll import DECLARED
from domain.payroll.declaration import YearEndDeclaration
from domain.payroll.tables import TableKind
from domain.personnel.actions import ActionKind
from domain.personnel.attendance import AttendanceKind
from domain.personnel.org_chart import LeaveKind
from projections.engine import ProjectionEngine
from readmodels.statements import trial_balance
from tests.app.payroll_helpers import ORG, Payroll, pay_scale
from tests.app.personnel_helpers import day


def deductions(**items: int) -> dict[str, int]:
    return {k.upper(): v for k, v in items.items()}


def test_a_full_month_at_one_grade_and_step(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    kim = pay.hr.hire("E001", grade="G9", step=1)  # 2026-02-02
    slip = pay.month("2026-03").slip(kim)

    assert slip.days == 31
    assert slip.earnings == {"BASE": 2_000_000, "MEAL": 140_000}
    assert (slip.gross, slip.non_taxable, slip.taxable) == (2_140_000, 140_000, 2_000_000)
    # 보수월액 2 000 000 (the meal allowance is non-taxable):
    #   국민연금 2 000 000 × 4.75 % = 95 000; 건강 × 3.595 % = 71 900;
    #   장기요양 71 900 × 9 448/71 900 = 9 448 → 9 440; 고용 2 000 000 × 0.9 % = 18 000;
    #   소득세: 2 000천원 이상 2 010천원 미만, 1명 → 19 520; 지방소득세 1 952 → 1 950.
    assert slip.deductions == deductions(
        national_pension=95_000,
        health=71_900,
        long_term_care=9_440,
        employment=18_000,
        income_tax=19_520,
        local_income_tax=1_950,
    )
    assert slip.net == 2_140_000 - 215_810 == 1_924_190
    # 기관부담: the same pension, health and care; 고용 2 000 000 × 1.55 % = 31 000.
    assert slip.employer == deductions(
        national_pension=95_000, health=71_900, long_term_care=9_440, employment=31_000
    )


def test_a_hire_on_the_eleventh_is_paid_21_of_31_days_and_insured_from_the_next_month(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    lee = pay.hr.hire("E002", grade="G9", step=1, on=day(3, 11))
    slip = pay.month("2026-03").slip(lee)

    assert slip.days == 21
    # 2 000 000 × 21/31 = 1 354 838.7 → 1 354 838; 140 000 × 21/31 = 94 838.7 → 94 838.
    assert slip.earnings == {"BASE": 1_354_838, "MEAL": 94_838}
    assert slip.taxable == 1_354_838
    # Acquired on the 11th, not the 1st: no pension or health insurance for March.
    # 고용 1 354 838 × 0.9 % = 12 193.5 → 12 190; 소득세 1 350천원 이상 1 355천원 미만, 1명 → 5 770.
    assert slip.deductions == deductions(employment=12_190, income_tax=5_770, local_income_tax=570)
    # 기관 고용 1 354 838 × 1.55 % = 20 999.98 → 20 990.
    assert slip.employer == deductions(employment=20_990)
    april = pay.month("2026-04").slip(lee)
    assert april.deductions["NATIONAL_PENSION"] == 95_000


def test_a_promotion_on_the_sixteenth_pays_each_grade_for_its_days(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    park = pay.hr.hire("E003", grade="G9", step=3)
    pay.hr.act(park, ActionKind.PROMOTION, on=day(3, 16), grade="G8", step=1)
    slip = pay.month("2026-03").slip(park)

    # G9 step 3: 2 000 000 + 2 × 60 000 = 2 120 000 for 1–15 March; G8 step 1: 2 300 000 for 16–31.
    # 2 120 000 × 15/31 + 2 300 000 × 16/31 = 68 600 000/31 = 2 212 903.2 → 2 212 903.
    assert slip.earnings == {"BASE": 2_212_903, "MEAL": 140_000}
    # 보수월액 is the record of the 1st: 2 120 000.
    #   연금 2 120 000 × 4.75 % = 100 700; 건강 × 3.595 % = 76 214 → 76 210;
    #   장기요양 76 210 × 9 448/71 900 = 10 014.2 → 10 010; 고용 2 212 903 × 0.9 % = 19 916.1 → 19 910;
    #   소득세 2 210천원 이상 2 220천원 미만, 1명 → 26 270; 지방 2 627 → 2 620.
    assert slip.deductions == deductions(
        national_pension=100_700,
        health=76_210,
        long_term_care=10_010,
        employment=19_910,
        income_tax=26_270,
        local_income_tax=2_620,
    )
    assert slip.facts["grade"] == "G8"


def test_ten_days_of_unpaid_leave_are_not_paid(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    choi = pay.hr.hire("E004", grade="G9", step=1)
    pay.hr.act(choi, ActionKind.LEAVE, on=day(3, 10), leave_kind=LeaveKind.UNPAID, expected_end=day(3, 19))
    pay.hr.act(choi, ActionKind.RETURN, on=day(3, 20))
    slip = pay.month("2026-03").slip(choi)

    # 10–19 March on unpaid leave (pay rule 0 %): 21 of 31 days paid, as for the hire on the 11th.
    assert slip.days == 31
    assert slip.earnings == {"BASE": 1_354_838, "MEAL": 94_838}
    # Insured all month (not a whole month of leave): contributions on 보수월액 2 000 000;
    # 고용 on the month's taxable 1 354 838 → 12 190; 소득세 5 770, 지방 570.
    assert slip.deductions == deductions(
        national_pension=95_000,
        health=71_900,
        long_term_care=9_440,
        employment=12_190,
        income_tax=5_770,
        local_income_tax=570,
    )


def test_pay_above_the_pension_cap_pays_on_the_cap(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    jung = pay.hr.hire("E005", grade="G5", step=1, on=day(7, 1))  # G5 exists from July
    slip = pay.month("2026-09").slip(jung)

    assert slip.earnings == {"BASE": 8_000_000, "MEAL": 140_000}
    # 연금: 8 000 000 is over the cap of 6 590 000 (from July 2026): 6 590 000 × 4.75 % = 313 025 → 313 020.
    # 건강 8 000 000 × 3.595 % = 287 600; 장기요양 287 600 × 9 448/71 900 = 37 792 → 37 790;
    # 고용 8 000 000 × 0.9 % = 72 000; 소득세 8 000천원 이상 8 020천원 미만, 1명 → 959 500; 지방 95 950.
    assert slip.deductions == deductions(
        national_pension=313_020,
        health=287_600,
        long_term_care=37_790,
        employment=72_000,
        income_tax=959_500,
        local_income_tax=95_950,
    )
    assert slip.employer["NATIONAL_PENSION"] == 313_020


def test_overtime_and_night_hours_are_paid_on_the_hourly_ordinary_wage(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    kang = pay.hr.hire("E006", grade="G9", step=1)
    for on, overtime, night in ((day(3, 10), 360, 120), (day(3, 11), 240, 120)):
        pay.hr.run(
            RecordAttendance,
            on=on,
            employee_id=kang,
            kind=AttendanceKind.OVERTIME,
            overtime_minutes=overtime,
            night_minutes=night,
        )
    slip = pay.month("2026-03").slip(kang)

    # 통상임금 2 000 000 (the meal allowance is not ordinary) ÷ 209 hours.
    # 연장 10 h × 150 %: 2 000 000 × 10 × 1.5 / 209 = 143 540.6 → 143 540.
    # 야간 4 h × 50 %: 2 000 000 × 4 × 0.5 / 209 = 19 138.7 → 19 138.
    assert slip.earnings == {"BASE": 2_000_000, "MEAL": 140_000, "OVERTIME": 143_540, "NIGHT": 19_138}
    assert slip.taxable == 2_162_678
    # 고용 2 162 678 × 0.9 % = 19 464.1 → 19 460; 소득세 2 160천원 이상 2 170천원 미만, 1명 → 24 660.
    assert slip.deductions["EMPLOYMENT"] == 19_460
    assert slip.deductions["INCOME_TAX"] == 24_660
    assert slip.deductions["NATIONAL_PENSION"] == 95_000  # 보수월액 has no overtime in it


def test_a_retroactive_raise_is_paid_two_months_later_as_difference_payslips(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    yoon = pay.hr.hire("E007", grade="G9", step=1)
    march, april = pay.through("2026-03"), pay.through("2026-04")
    paid_march = march.slip(yoon)
    assert paid_march.earnings["BASE"] == april.slip(yoon).earnings["BASE"] == 2_000_000

    # In May the raise of 3 % from 1 March is decided: a new row, effective 2026-03-01.
    raised = pay_scale(extra=pay_scale("2026-03-01", raise_percent=3).split("\n", 1)[1])
    pay.load(TableKind.PAY_SCALE, raised, name="pay_scale_2026_raise.csv")
    may = pay.month("2026-05", retroactive_from="2026-03")

    assert may.slip(yoon).earnings["BASE"] == 2_060_000  # May at the new scale
    for month in ("2026-03", "2026-04"):
        diff = may.slip(yoon, kind="retroactive", month=month)
        # 2 060 000 − 2 000 000 = 60 000 more base pay for each month.
        assert diff.earnings == {"BASE": 60_000}
        # Recomputed on 보수월액 2 060 000: 연금 97 850 (+2 850); 건강 74 057 → 74 050 (+2 150);
        # 장기요양 74 050 × 9 448/71 900 = 9 730.4 → 9 730 (+290); 고용 18 540 (+540);
        # 소득세 2 060천원 이상 2 070천원 미만 21 450 (+1 930); 지방 2 145 → 2 140 (+190).
        assert diff.deductions == deductions(
            national_pension=2_850,
            health=2_150,
            long_term_care=290,
            employment=540,
            income_tax=1_930,
            local_income_tax=190,
        )
        assert diff.net == 60_000 - 7_950
    # The paid months are not edited: their runs still hold what was paid.
    assert pay.view("2026-03").slip(yoon) == paid_march


def test_the_family_counted_changes_the_tax_column_and_the_family_allowance(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    seo = pay.hr.hire("E008", grade="G9", step=1)
    pay.profile("E008", family=3, children=1, children_8_to_20=0)
    slip = pay.month("2026-03").slip(seo)

    # 가족수당 2 dependants × 20 000 = 40 000, taxable: 2 040 000.
    assert slip.earnings == {"BASE": 2_000_000, "MEAL": 140_000, "FAMILY": 40_000}
    assert slip.taxable == 2_040_000
    # 보수월액 2 040 000: 연금 2 040 000 × 4.75 % = 96 900;
    # 소득세 2 040천원 이상 2 050천원 미만, 3명 → 7 390 (1명이면 20 810); 지방 739 → 730.
    assert slip.deductions["NATIONAL_PENSION"] == 96_900
    assert slip.deductions["INCOME_TAX"] == 7_390
    assert slip.deductions["LOCAL_INCOME_TAX"] == 730


def test_a_retirement_mid_month_ends_pay_and_the_months_insurance(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    han = pay.hr.hire("E009", grade="G9", step=1)
    pay.hr.act(han, ActionKind.RETIREMENT, on=day(3, 21), retirement_kind="voluntary", reason="의원면직")
    slip = pay.month("2026-03").slip(han)

    # Retired from 21 March (the first day out): 20 of 31 days.
    # 2 000 000 × 20/31 = 1 290 322.5 → 1 290 322; 140 000 × 20/31 = 90 322.5 → 90 322.
    assert slip.days == 20
    assert slip.earnings == {"BASE": 1_290_322, "MEAL": 90_322}
    # The loss day (21 March) falls in March: no pension or health insurance for it.
    assert "NATIONAL_PENSION" not in slip.deductions and "HEALTH" not in slip.deductions
    assert not pay.month("2026-04").has_slip(han)


def test_severance_after_three_years_and_four_months_is_drawn_from_the_provision(
    ledger: Ledger, projector: ProjectionEngine, read_db: Engine
) -> None:
    pay = Payroll(ledger).ready(chart_from=date(2022, 1, 1))
    oh = pay.hr.hire("E010", grade="G9", step=1, on=date(2023, 1, 1))
    runs = [pay.through(m) for m in ("2026-02", "2026-03", "2026-04")]
    pay.hr.act(oh, ActionKind.RETIREMENT, on=day(5, 1), retirement_kind="voluntary", reason="의원면직")
    may = pay.through("2026-05")

    slip = may.slip(oh, kind="severance")
    assert not may.has_slip_of_kind(oh, "regular")  # out of service all May
    # Service 2023-01-01 – 2026-04-30: 365 + 366 + 365 + 120 = 1 216 days (3 years 4 months).
    # 평균임금: February, March and April (89 days) paid 2 140 000 each: 6 420 000 ÷ 89 = 72 134.83.
    # 퇴직금 = 6 420 000/89 × 30 × 1 216/365 = 7 209 530.5 → 7 209 530.
    assert slip.days == 1_216
    assert slip.earnings == {"SEVERANCE": 7_209_530}
    # 퇴직소득세: 근속연수 4 (a part year counts as one); 근속연수공제 4 × 1 000 000 = 4 000 000;
    # 환산급여 (7 209 530 − 4 000 000) × 12/4 = 9 628 590; 환산급여공제 8 000 000 + 60 % ×
    # 1 628 590 = 8 977 154; 과세표준 651 436; × 6 % = 39 086.16; × 4/12 = 13 028.7 → 13 020;
    # 지방소득세 1 302 → 1 300.
    assert slip.deductions == {"RETIREMENT_INCOME_TAX": 13_020, "RETIREMENT_LOCAL_TAX": 1_300}

    projector.catch_up()
    with read_db.connect() as conn:
        tb = {line.account: line for line in trial_balance(conn, ORG, date(2026, 5, 31)).lines}
    accrued = sum(sum(s.gross for s in r.run.payslips) // 12 for r in runs)  # 1/12 of each month's pay
    # 퇴직급여충당부채: credited by each month's accrual, debited by the severance paid out of it;
    # 퇴직급여 (expense) holds the accruals only: nothing is expensed twice.
    assert tb["2230"].credit == accrued == 3 * (2_140_000 // 12)
    assert tb["2230"].debit == 7_209_530
    assert tb["5120"].debit == accrued
    assert tb["5110"].debit == sum(s.gross + s.employer_total for r in runs for s in r.run.payslips)


def test_the_year_end_settlement_refunds_one_employee_and_collects_from_another(
    ledger: Ledger,
) -> None:
    pay = Payroll(ledger).ready()
    full = pay.hr.hire("E011", grade="G9", step=1, on=date(2026, 1, 1))
    less = pay.hr.hire("E012", grade="G9", step=1, on=date(2026, 1, 1))
    pay.profile("E012", family=1, withholding_percent=80)  # chose 80 % of the table
    for number in range(1, 13):
        pay.through(f"2026-{number:02d}")
    pay.next_year(2027)
    february = pay.through("2027-02", year_end_settlement=True)

    # Every month of 2026 both earned 2 000 000 taxable (and the meal allowance), withheld
    # 연금 95 000, 건강 71 900, 장기요양 9 440, 고용 18 000; 소득세 19 520 at 100 % (지방 1 950),
    # or 19 520 × 80 % = 15 616 → 15 610 (지방 1 561 → 1 560).
    # 총급여 24 000 000; 근로소득공제 7 500 000 + 15 % × 9 000 000 = 8 850 000; 근로소득금액 15 150 000.
    # With the special deductions: 과세표준 15 150 000 − 1 500 000 (기본) − 1 140 000 (연금)
    #   − 1 192 080 (보험료) = 11 317 920; 산출세액 6 % = 679 075.2; 근로소득세액공제 55 % =
    #   373 491.36 (limit 740 000): 결정세액 305 583.
    # With the standard credit instead: 과세표준 12 510 000; 산출세액 750 600; 55 % = 412 830
    #   + 표준세액공제 130 000 = 542 830: 결정세액 207 770, lower, so it applies; 지방 20 777.
    refund = february.slip(full, kind="settlement")
    assert refund.facts["decided_tax"] == "207770" and refund.facts["standard_credit"] == "yes"
    # withheld 12 × 19 520 = 234 240: 207 770 − 234 240 = −26 470 refunded;
    # 지방 20 777 − 12 × 1 950 = −2 623 → −2 620.
    assert refund.deductions == {"YEAR_END_TAX": -26_470, "YEAR_END_LOCAL_TAX": -2_620}
    assert refund.net == 29_090
    more = february.slip(less, kind="settlement")
    # withheld 12 × 15 610 = 187 320: 207 770 − 187 320 = 20 450 collected;
    # 지방 20 777 − 12 × 1 560 = 2 057 → 2 050.
    assert more.deductions == {"YEAR_END_TAX": 20_450, "YEAR_END_LOCAL_TAX": 2_050}
    assert more.net == -22_500
    # February's own pay is there too, and the pension of 2027 is 5 % (2 000 000 × 5 % = 100 000).
    assert february.slip(full).deductions["NATIONAL_PENSION"] == 100_000


def test_declared_deductions_are_sealed_and_lower_the_settled_tax(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    kim = pay.hr.hire("E013", grade="G9", step=1, on=date(2026, 1, 1))
    for number in range(1, 13):
        pay.through(f"2026-{number:02d}")
    pay.send(
        DeclareYearEndDeductions,
        employee_number="E013",
        year=2026,
        insurance_premiums=1_200_000,
        donations=1_000_000,
    )
    sealed = pay.hr.sealer.sealed[-1]
    assert sealed == (
        kim,
        {**dict.fromkeys(DECLARED, 0), "insurance_premiums": 1_200_000, "donations": 1_000_000},
    )
    stored = [e for e in ledger.repository.event_store.get(YearEndDeclaration.id_for(pay.org, kim, 2026))]
    assert "1200000" not in repr(stored) and stored[0].sealed.startswith("pd1:")
    pay.next_year(2027)
    slip = pay.through("2027-02", year_end_settlement=True).slip(kim, kind="settlement")
    # Special path: 산출세액 679 075.2 (above); credits 55 % 373 491.36 + 보장성보험료 12 % of the
    # 1 000 000 limit = 120 000 + 기부금 15 % × 1 000 000 = 150 000: 643 491.36; 결정세액
    # 679 075.2 − 643 491.36 = 35 583.84 → 35 583, less than the standard path's 207 770.
    assert slip.facts == slip.facts | {"decided_tax": "35583", "standard_credit": "no"}
    # 35 583 − 234 240 = −198 657 → −198 650 refunded; 지방 3 558 − 23 400 = −19 842 → −19 840.
    assert slip.deductions == {"YEAR_END_TAX": -198_650, "YEAR_END_LOCAL_TAX": -19_840}
