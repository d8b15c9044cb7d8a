"""The budget-code catalogue (예산과목): accounts, fields and sectors, budget and statistics items.

The item catalogue (편성목·통계목) is versioned by the first fiscal year it applies to; the
catalogue for a year is the newest version whose start year is not after it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: 회계: 100 is the general account; 2xx/3xx are special accounts.
ACCOUNTS: Mapping[str, str] = MappingProxyType(
    {
        "100": "일반회계",
        "201": "주차장특별회계",
        "202": "교통사업특별회계",
        "203": "주택사업특별회계",
        "204": "상수도사업특별회계",
        "205": "하수도사업특별회계",
        "301": "지역개발기금",
        "302": "재난관리기금",
    }
)

#: 분야: the functional classification of local government spending.
FIELDS: Mapping[str, str] = MappingProxyType(
    {
        "010": "일반공공행정",
        "020": "공공질서및안전",
        "050": "교육",
        "060": "문화및관광",
        "070": "환경",
        "080": "사회복지",
        "090": "보건",
        "100": "농림해양수산",
        "110": "산업·중소기업및에너지",
        "120": "교통및물류",
        "140": "국토및지역개발",
        "150": "과학기술",
        "160": "예비비",
        "900": "기타",
    }
)

#: 통계목 per 편성목, by the first fiscal year the catalogue applies to.
_ITEMS_2013: Mapping[str, str] = {
    "101-01": "보수",
    "101-02": "기타직보수",
    "101-04": "기간제근로자등보수",
    "107-03": "퇴직급여",
    "201-01": "사무관리비",
    "201-02": "공공운영비",
    "201-03": "행사운영비",
    "202-01": "국내여비",
    "202-02": "월액여비",
    "202-03": "국외업무여비",
    "203-01": "기관운영업무추진비",
    "203-02": "시책추진업무추진비",
    "206-01": "일반재료비",
    "207-01": "연구용역비",
    "207-02": "전산개발비",
    "301-01": "일반보상금",
    "301-10": "행사실비지원금",
    "304-01": "연금부담금",
    "304-02": "국민건강보험부담금",
    # The employer's employment insurance (고용보험 사업주 부담분): the ledger's own 통계목 until the
    # catalogue is loaded as data (issue 20); payroll pays it from here (domain.payroll.settings).
    "304-03": "고용보험부담금",
    "307-02": "민간경상사업보조",
    "307-05": "민간위탁금",
    "401-01": "시설비",
    "401-02": "감리비",
    "401-03": "시설부대비",
    "405-01": "자산취득비",
    "405-02": "도서구입비",
    "601-01": "지방채상환",
    "701-01": "예비비",
}

ITEM_CATALOGUES: Mapping[int, Mapping[str, str]] = MappingProxyType({2013: MappingProxyType(_ITEMS_2013)})

#: 세입 장 (revenue chapters) and the 관-항-목 codes below them, as ``장-관-항-목`` keys.
REVENUE_CODES: Mapping[str, str] = MappingProxyType(
    {
        "100-110-111-01": "지방세수입/보통세/취득세",
        "100-110-111-02": "지방세수입/보통세/재산세",
        "100-110-111-03": "지방세수입/보통세/자동차세",
        "200-210-211-01": "세외수입/경상적세외수입/재산임대수입",
        "200-210-212-01": "세외수입/경상적세외수입/사용료수입",
        "200-210-213-01": "세외수입/경상적세외수입/수수료수입",
        "200-220-221-01": "세외수입/임시적세외수입/과징금및과태료",
        "300-310-311-01": "지방교부세/지방교부세/보통교부세",
        # 자치구 조정교부금 (지방재정법 제29조의2): the city's transfer to its districts. The official
        # classification has it as a chapter of its own (조정교부금등); here it is a 관 of 300, the
        # chapter of intergovernmental shared revenue, which already posts to 교부세수익 (4310).
        "300-320-321-01": "지방교부세/조정교부금/자치구조정교부금",
        "400-410-411-01": "보조금/국고보조금/국고보조금",
        "500-510-511-01": "지방채/국내차입금/국내차입금",
    }
)


def item_catalogue(fiscal_year: int) -> Mapping[str, str]:
    """The catalogue of budget items in force for ``fiscal_year`` (empty before the first)."""
    starts = [start for start in ITEM_CATALOGUES if start <= fiscal_year]
    return ITEM_CATALOGUES[max(starts)] if starts else MappingProxyType({})
