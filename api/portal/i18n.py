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


def column_label(name: str, korean: str, lang: Language) -> str:
    """The Korean label the disclosure uses, or the field name in words for English readers."""
    return name.replace("_", " ").capitalize() if lang == "en" else korean
