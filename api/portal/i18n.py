"""Words of the portal (공개 포털) in Korean first, English on request (``?lang=en``)."""

from __future__ import annotations

from typing import Literal

Language = Literal["ko", "en"]

WORDS: dict[str, tuple[str, str]] = {
    "site": ("클린재정 원장 공개 포털", "Clean Ledger public portal"),
    "intro": (
        "서울특별시와 자치구·출연기관의 예산 편성과 집행, 계약, 세입을 공개합니다. "
        "모든 수치는 원장에 기록된 사건에서 산출됩니다.",
        "The budgets, spending, contracts and revenue of Seoul, its districts and funded "
        "institutions. Every figure is derived from the events recorded in the ledger.",
    ),
    "org": ("기관코드", "Organisation code"),
    "year": ("회계연도", "Fiscal year"),
    "q": ("검색어", "Search"),
    "code_prefix": ("과목코드 앞자리", "Code prefix"),
    "search": ("조회", "Search"),
    "download": ("내려받기", "Download"),
    "next": ("다음 쪽", "Next page"),
    "first": ("처음으로", "First page"),
    "rows": ("건", "rows"),
    "total": ("합계", "Total"),
    "none": ("조회된 자료가 없습니다.", "Nothing found."),
    "statements": ("재무제표", "Financial statements"),
    "trial_balance": ("잔액시산표", "Trial balance"),
    "income_statement": ("재정운영표", "Income statement"),
    "balance_sheet": ("재정상태표", "Balance sheet"),
    "budget_vs_actual": ("예산 대비 집행", "Budget vs actual"),
    "as_of": ("기준일", "As of"),
    "api": ("개방 API 문서", "Open API documentation"),
    "language": ("English", "한국어"),
    "tables": ("공개 자료", "Disclosures"),
    "account": ("계정", "Account"),
    "amount": ("금액", "Amount"),
    "debit": ("차변", "Debit"),
    "credit": ("대변", "Credit"),
    "opening": ("기초", "Opening"),
    "closing": ("기말", "Closing"),
    "assets": ("자산", "Assets"),
    "liabilities": ("부채", "Liabilities"),
    "net_assets": ("순자산", "Net assets"),
    "revenue": ("수익", "Revenue"),
    "expenses": ("비용", "Expenses"),
    "surplus": ("재정운영결과", "Surplus"),
    "not_found": ("페이지를 찾을 수 없습니다.", "No such page."),
    "bad_request": ("요청을 처리할 수 없습니다.", "The request cannot be answered."),
    "home": ("처음으로", "Home"),
    "personnel": ("정원·현원", "Headcount"),
    "personnel_intro": (
        "부서별·직급군별 정원과 현원(기준일 재직자, 휴직·파견 포함)입니다. 개인을 알아볼 수 없도록 "
        "3명 미만인 칸과, 합계에서 그 칸을 계산해 낼 수 있게 하는 칸은 공개하지 않습니다(–).",
        "Authorised and actual headcount by department and grade band on the day (people in "
        "service, on leave and seconded included). No one may be singled out: cells of fewer than "
        "3 people, and cells that would let one be worked out from a total, are not shown (–).",
    ),
    "payroll": ("인건비", "Personnel cost"),
    "payroll_intro": (
        "그 해에 지급을 마친 달의 보수와 기관부담금(국민연금·건강보험·장기요양·고용보험)을 인건비 예산"
        "(101·304목)과 견줍니다. 개인별 급여는 공개하지 않으며, 월평균 5명 미만에게 지급된 기관은 "
        "누구의 급여도 짐작할 수 없도록 금액과 인원을 공개하지 않습니다.",
        "Pay and the employer's contributions (pension, health, long-term care and employment "
        "insurance) of the year's months whose pay went out, against the personnel budget "
        "(items 101 and 304). Individual pay is never shown; where fewer than five people were "
        "paid a month on average, no amount or headcount is shown, so no one's pay can be told.",
    ),
    "personnel_cost": ("인건비 (보수+기관부담금)", "Personnel cost (pay and employer's shares)"),
    "pay_total": ("보수 지급액", "Pay"),
    "employer_contributions": ("기관부담금", "Employer's contributions"),
    "personnel_budget": ("인건비 예산현액", "Personnel budget"),
    "personnel_paid": ("인건비 예산 지출액", "Personnel budget paid"),
    "cost_to_budget": ("예산 대비 인건비", "Cost against budget"),
    "average_headcount": ("월평균 지급 인원", "Average headcount paid"),
    "cost_per_head": ("1인당 인건비", "Cost per head"),
    "months_paid": ("지급 월수", "Months paid"),
    "no_payroll": ("이 해에 지급을 마친 급여가 없습니다.", "No payroll was paid out in this year."),
    "department": ("부서", "Department"),
    "band": ("직급군", "Grade band"),
    "own": ("부서 현원", "In the department"),
    "with_sub": ("하위 부서 포함", "With sub-departments"),
    "authorised": ("정원", "Authorised"),
    "vacancy": ("결원", "Vacancies"),
    "headcount": ("현원", "Headcount"),
    "suppressed": ("–", "–"),
    "certificate_check": ("증명서 진위확인", "Check a certificate"),
    "certificate_intro": (
        "재직·경력증명서 하단의 진위확인번호를 입력하면 증명서에 적힌 내용을 보여 드립니다. "
        "성명은 일부만 표시합니다.",
        "Enter the verification number printed at the foot of an employment or career "
        "certificate to see what it states. The name is partly masked.",
    ),
    "certificate_number": ("진위확인번호", "Verification number"),
    "certificate_unknown": ("그런 번호의 증명서가 없습니다.", "No certificate has this number."),
    "certificate_malformed": (
        "번호가 올바르지 않습니다(잘못 입력했거나 위조된 번호).",
        "The number is not well formed (mistyped or forged).",
    ),
    "kind": ("종류", "Kind"),
    "employment": ("재직증명서", "Certificate of employment"),
    "career": ("경력증명서", "Certificate of career"),
    "organisation": ("기관", "Organisation"),
    "name": ("성명", "Name"),
    "erased_name": ("(파기됨)", "(erased)"),
    "employee_number": ("사번", "Employee number"),
    "grade": ("직급", "Grade"),
    "position": ("직위", "Position"),
    "period": ("재직기간", "Period"),
    "purpose": ("용도", "Purpose"),
    "issued_on": ("발급일", "Issued on"),
    "present": ("현재", "present"),
    # --- portal v2: navigation and pages ---
    "skip": ("본문 바로가기", "Skip to content"),
    "sections": ("주 메뉴", "Main menu"),
    "finance": ("재정정보", "Finances"),
    "organisations": ("기관", "Organisations"),
    "city": ("서울특별시 본청", "Seoul City Hall"),
    "districts": ("자치구", "Districts"),
    "institutions": ("투자·출연기관", "Funded institutions"),
    "compare": ("비교분석", "Comparisons"),
    "contracts": ("계약현황", "Contracts"),
    "debarred": ("부정당업체", "Debarred vendors"),
    "transparency": ("원장 검증", "Ledger verification"),
    "sitemap": ("사이트맵", "Site map"),
    "dashboard": ("재정 한눈에 보기", "At a glance"),
    "spending_scale": ("재정규모(세출)", "Spending budget"),
    "by_account": ("회계별", "By account"),
    "by_field": ("분야별", "By sector"),
    "revenue_summary": ("세입예산·결산 총괄", "Revenue: budget and collection"),
    "spending_summary": ("세출예산·결산 총괄", "Spending: budget and execution"),
    "monthly_execution": ("월별 집행", "Execution by month"),
    "monthly_execution_desc": (
        "막대는 그 달의 지출액, 선은 예산현액 대비 누적 집행률입니다.",
        "Bars: paid in the month; line: cumulative execution rate against the current budget.",
    ),
    "top_programmes": ("주요 사업", "Largest programmes"),
    "chart_table": ("도표의 수치", "The chart's figures"),
    "month": ("월", "Month"),
    "paid_in_month": ("당월 지출액", "Paid in the month"),
    "cumulative_paid": ("누적 지출액", "Paid to date"),
    "cumulative_rate": ("누적 집행률", "Cumulative rate"),
    "current_budget": ("예산현액", "Current budget"),
    "allocated": ("배정액", "Allocated"),
    "obligated": ("원인행위액", "Obligated"),
    "paid": ("지출액", "Paid"),
    "remaining": ("잔액", "Remaining"),
    "execution_rate": ("집행률", "Execution rate"),
    "estimate": ("세입예산액", "Estimate"),
    "assessed": ("부과액", "Assessed"),
    "collected": ("수납액", "Collected"),
    "collection_rate": ("수납률", "Collection rate"),
    "share": ("비중", "Share"),
    "unit": ("금액 단위", "Amounts in"),
    "unit_caption": ("단위", "Unit"),
    "sort_by": ("정렬", "Sort"),
    "ascending": ("오름차순", "ascending"),
    "descending": ("내림차순", "descending"),
    "page_of": ("쪽", "page"),
    "history": ("변동 내역", "History"),
    "history_intro": (
        "이 사업의 금액을 만든 원장의 사건을 기록 순서대로 보여 줍니다. 각 사건은 원장 검증 로그에 "
        "포함되어 있어 누구나 변경되지 않았음을 확인할 수 있습니다.",
        "The ledger's events that make this programme's figures, in the order they were recorded. "
        "Every event is in the ledger's verification log, so anyone can check it was not altered.",
    ),
    "recorded_at": ("기록 시각", "Recorded at"),
    "accounting_date": ("회계일자", "Accounting date"),
    "event": ("내용", "Event"),
    "change": ("증감", "Change"),
    "after_event": ("사건 후 금액", "After the event"),
    "log_position": ("기록 순번", "Log position"),
    "proof": ("검증", "Proof"),
    "rows_behind": ("이 금액을 이루는 내역", "The rows behind this figure"),
    "programme": ("세부사업", "Programme"),
    "year_select": ("회계연도 선택", "Choose a fiscal year"),
    "tables_of_year": ("공개 자료", "Disclosures"),
    "no_data_year": ("이 회계연도의 자료가 없습니다.", "No figures for this fiscal year."),
    "fiscal_independence": ("재정자립도", "Fiscal self-reliance"),
    "fiscal_autonomy": ("재정자주도", "Fiscal autonomy"),
    "formula": ("산식", "Formula"),
    "overview": ("재정개요", "Overview"),
    "institution_intro": ("기관소개", "About"),
    "org_kind": ("구분", "Kind"),
    "code": ("기관코드", "Code"),
    "registered_on": ("등록일", "Registered on"),
    "population": ("인구", "Population"),
    "per_capita": ("1인당 세출예산", "Budget per resident"),
    "ranking": ("순위", "Rank"),
    "known_at": ("기록 시점 기준", "As known at"),
    "known_at_help": (
        "그 시각까지 원장에 기록된 사건만으로 다시 계산합니다(나중에 소급 기록된 정정은 빠집니다).",
        "Recomputed from the events recorded by that moment only (later backdated corrections are left out).",
    ),
    "advanced": ("고급 조회", "Advanced"),
    "statements_institution": ("재무제표", "Financial statements"),
    "balance_sheet_inst": ("대차대조표", "Balance sheet"),
    "income_statement_inst": ("손익계산서", "Income statement"),
    "headcount_link": ("정원·현원 보기", "Headcount"),
    "contract_story": ("계약 상세", "Contract"),
    "amendments": ("변경계약", "Amendments"),
    "inspection": ("검수", "Inspection"),
    "payments": ("대가 지급", "Payments"),
    "supplier": ("계약상대자", "Supplier"),
    "method": ("계약방법", "Method"),
    "period_contract": ("계약기간", "Period"),
    "status": ("상태", "Status"),
    "reason": ("사유", "Reason"),
    "private_share": ("수의계약 비중(금액)", "Private contracts (by amount)"),
    "programs_title": ("사업현황", "Programmes"),
    "breadcrumb": ("현재 위치", "Breadcrumb"),
    "private_person": ("개인", "A private person"),
    "contract_amount": ("계약금액", "Amount"),
    "paid_to_date": ("대가지급 누계", "Paid to date"),
    "contract_count": ("계약 건수", "Contracts"),
    "count": ("건수", "Count"),
    "revenue_budget_note": (
        "세입예산은 그 해 세입과목의 예산액 합계",
        "the revenue budget is the sum of the year’s revenue estimates",
    ),
    "verification_intro": (
        "원장의 모든 사건은 기록되는 순서대로 머클 트리(투명성 로그)에 들어가고, 트리의 루트는 서명되어 "
        "공개됩니다. 누구나 어떤 사건이 로그에 있는지, 그리고 이전에 받아 둔 루트 이후 기록이 바뀌지 "
        "않았는지 확인할 수 있습니다.",
        "Every event of the ledger enters a Merkle tree (the transparency log) in the order it is "
        "recorded, and the tree's root is signed and published. Anyone can check that an event is in "
        "the log, and that nothing recorded changed since a root they saved.",
    ),
    "latest_head": ("최신 서명 트리 헤드", "Latest signed tree head"),
    "tree_size": ("트리 크기(사건 수)", "Tree size (events)"),
    "root_hash": ("루트 해시", "Root hash"),
    "signed_at": ("서명 시각", "Signed at"),
    "witnesses": ("증인 서명", "Witnesses"),
    "signed_note": ("서명된 체크포인트", "Signed checkpoint"),
    "verifier_keys": ("검증 키", "Verifier keys"),
    "no_head": ("아직 서명된 헤드가 없습니다.", "No head has been signed yet."),
    "now": ("현재", "now"),
    "check_event": ("사건 포함 확인", "Check an event"),
    "in_log": ("이 사건은 로그에 있습니다", "This event is in the log"),
    "not_in_log": ("그 순번의 사건은 아직 로그에 없습니다.", "No event at that position is in the log yet."),
    "leaf_index": ("잎 번호", "Leaf index"),
    "verify_howto": (
        "내려받은 헤드로 원장 전체를 다시 계산해 확인하려면 다음 명령을 실행합니다.",
        "To recompute the whole ledger against a head you saved, run:",
    ),
    "recent_heads": ("최근 트리 헤드", "Recent tree heads"),
    "data_note": ("자료 안내", "About the data"),
    "data_note_text": (
        "모든 수치는 원장에 기록된 사건을 투영한 조회용 자료에서 읽습니다. "
        "새 사건은 보통 1초 안에 반영됩니다.",
        "Every figure is read from views projected from the events recorded in the ledger; a new "
        "event shows within about a second.",
    ),
}

#: English titles of the disclosed tables (their Korean titles come with the table).
TABLE_TITLES_EN = {
    "programs": "Programs",
    "allocations": "Budget allocations",
    "requisitions": "Requisitions",
    "expenditures": "Expenditures",
    "contracts": "Contracts",
    "debarred-vendors": "Debarred vendors",
    "revenue": "Revenue",
}


def language(value: str | None) -> Language:
    return "en" if value == "en" else "ko"


def word(key: str, lang: Language) -> str:
    korean, english = WORDS[key]
    return english if lang == "en" else korean


#: English column labels where the field's name does not say it well.
COLUMN_LABELS_EN = {
    "title": "Title",
    "line_title": "Programme",
    "budget_item": "Item",
    "current_budget": "Current budget",
    "execution_rate": "Execution rate",
    "payee_name": "Payee",
    "supplier_name": "Supplier",
    "payments_to_date": "Paid to date",
    "contract_date": "Signed on",
    "ends": "Ends",
    "vendor_name": "Vendor",
    "business_number": "Business number",
    "lifted_on": "Lifted on",
    "lift_reason": "Reason lifted",
    "drafted_on": "Drafted on",
    "decided_on": "Decided on",
    "allocated_on": "Allocated on",
    "paid_on": "Paid on",
}


def column_label(name: str, korean: str, lang: Language) -> str:
    """The Korean label the disclosure uses, or the English one."""
    if lang != "en":
        return korean
    return COLUMN_LABELS_EN.get(name) or name.replace("_", " ").capitalize()


#: Stored codes of a few columns, shown as words.
VALUE_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "method": {
        "open": ("일반경쟁", "Open tender"),
        "restricted": ("제한경쟁", "Restricted tender"),
        "private": ("수의계약", "Private contract"),
    },
    "status": {
        "active": ("진행 중", "Active"),
        "completed": ("완료", "Completed"),
        "terminated": ("해지", "Terminated"),
        "drafted": ("기안", "Drafted"),
        "approved": ("승인", "Approved"),
        "rejected": ("반려", "Rejected"),
    },
    "kind": {
        "allocated": ("배정", "Allocated"),
        "pulled-forward": ("당겨배정", "Pulled forward"),
    },
    "org_kind": {
        "city": ("본청", "City hall"),
        "district": ("자치구", "District"),
        "institution": ("투자·출연기관", "Funded institution"),
    },
    "story": {
        "signed": ("계약 체결", "Signed"),
        "amended": ("변경계약", "Amended"),
        "inspected": ("검수", "Inspected"),
        "paid": ("대가 지급", "Paid"),
        "returned": ("반납", "returned"),
        "completed": ("완료", "Completed"),
        "terminated": ("해지", "Terminated"),
    },
    "passed": {"True": ("합격", "passed"), "False": ("불합격", "failed")},
    "history": {
        "opened": ("사업 개설", "Line opened"),
        "appropriated": ("예산 편성", "Appropriated"),
        "amended": ("추가경정", "Amended"),
        "transferred-in": ("전용·이용(들어옴)", "Transferred in"),
        "transferred-out": ("전용·이용(나감)", "Transferred out"),
        "contingency-granted": ("예비비 배정", "Contingency granted"),
        "contingency-released": ("예비비 사용", "Contingency released"),
        "allocated": ("예산 배정", "Allocated"),
        "pulled-forward": ("당겨배정", "Pulled forward"),
        "obligated": ("지출원인행위", "Obligated"),
        "obligation-released": ("원인행위 감액·취소", "Obligation reduced"),
        "paid": ("지급", "Paid"),
        "returned": ("반납", "Returned"),
        "carried-over": ("다음 연도로 이월", "Carried over"),
        "carried-in": ("전년도에서 이월", "Carried in"),
        "lapsed": ("불용", "Lapsed"),
    },
}


def value_word(column: str, value: object, lang: Language) -> str:
    """The word for a stored code (``private`` → 수의계약), or the value itself."""
    if value is None:
        return ""
    found = VALUE_WORDS.get(column, {}).get(str(value))
    if found is None:
        return str(value)
    return found[1] if lang == "en" else found[0]
