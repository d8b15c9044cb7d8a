"""Example request bodies for the OpenAPI document, built from the command's fields.

Values are chosen by field name first (a budget code looks like one, an amount is a plausible sum
in won), then by type, so every command's example is a body its endpoint accepts in form.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel

_BY_NAME: dict[str, Any] = {
    "accounting_date": "2026-03-02",
    "budget_code": "100-080-081-1001-2001-3001-201-01",
    "revenue_code": "110-01-01",
    "title": "어르신 복지시설 운영 지원",
    "name": "(주)한강건설",
    "description": "복지관 시설 보수 공사",
    "reason": "사업 계획 변경에 따른 조정",
    "reference": "2026년 제1회 추가경정예산",
    "private_reason_detail": "",
    "department": "복지정책과",
    "registration_number": "101-81-12345",
    "address": "서울특별시 중구 세종대로 110",
    "ground": "입찰 담합 (국가계약법 시행령 제76조)",
    "payer": "(주)서울상사",
    "note": "검수 완료",
    "memo": "감가상각비 계상",
    "population": 9_330_000,
    "as_of": "2025-12-31",
    "source": "행정안전부 주민등록인구통계 (2025년 12월)",
    "quarter": 1,
    "from_quarter": 3,
    "to_quarter": 1,
    "withheld": 0,
    "change": 50_000_000,
    "starts": "2026-03-02",
    "ends": "2026-12-31",
    "new_ends": "2027-02-28",
    "due_date": "2026-04-30",
    "lines": [
        {"account": "5110", "debit": 1_000_000, "credit": 0},
        {"account": "1110", "debit": 0, "credit": 1_000_000},
    ],
}
_SAMPLE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


def _value(name: str, annotation: Any) -> Any:
    if name in _BY_NAME:
        return _BY_NAME[name]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if annotation is UUID:
        return _SAMPLE_ID
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation)).value
    if annotation is bool:
        return True
    if annotation is int:
        return 120_000_000
    if annotation is date:
        return "2026-03-02"
    return "예시"


def example_body(model: type[BaseModel]) -> dict[str, Any]:
    return {name: _value(name, field.annotation) for name, field in model.model_fields.items()}
