"""How the portal writes numbers, amounts and dates for Korean readers (표기).

Amounts are whole won (``int``). A reader may ask for them in 원, 백만원 or 억원 (``?unit=``): the
page says which unit it uses once, in each table's caption, and every cell is the amount divided
and rounded half away from zero (so 149 999 999원 is 1.5억원, never 1.4). Years are written
without a thousands separator (2026년, never "2,026"), dates as Korean readers write them
(2026. 3. 15.), English dates in ISO form (2026-03-15).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from api.routers.personnel import KST

Language = Literal["ko", "en"]


@dataclass(frozen=True)
class Unit:
    """A unit amounts are shown in: its divisor, decimals, and its name in each language."""

    key: str
    divisor: int
    decimals: int
    korean: str
    english: str

    def name(self, lang: Language) -> str:
        return self.english if lang == "en" else self.korean


UNITS: dict[str, Unit] = {
    unit.key: unit
    for unit in (
        Unit("won", 1, 0, "원", "won"),
        Unit("million", 1_000_000, 0, "백만원", "million won"),
        Unit("hundred-million", 100_000_000, 1, "억원", "100 million won"),
    )
}
DEFAULT_UNIT = UNITS["won"]


def unit_of(key: str | None) -> Unit:
    return UNITS.get(key or "", DEFAULT_UNIT)


def grouped(value: int | Decimal, decimals: int = 0) -> str:
    """``1234567`` → ``1,234,567``; a Decimal keeps ``decimals`` places."""
    return f"{value:,.{decimals}f}" if decimals else f"{int(value):,}"


def amount(value: Any, unit: Unit = DEFAULT_UNIT) -> str:
    """An amount in ``unit``; blank for None (no figure), never "None"."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return str(value)
    if unit.divisor == 1:
        return grouped(value)
    scaled = (Decimal(value) / unit.divisor).quantize(Decimal(1).scaleb(-unit.decimals), ROUND_HALF_UP)
    return grouped(scaled, unit.decimals)


def count(value: Any) -> str:
    """A count of rows or people: grouped, no unit."""
    return "" if value is None else grouped(int(value))


def rate(value: Any) -> str:
    """A percentage (already ×100) with two decimals: ``12.34%``; blank when undefined."""
    if value is None:
        return ""
    return f"{Decimal(value):,.2f}%"


def year(value: Any, lang: Language = "ko") -> str:
    """A fiscal year: ``2026년`` (Korean), ``2026`` (English); never with a separator."""
    if value is None:
        return ""
    return f"{int(value)}" if lang == "en" else f"{int(value)}년"


def day(value: Any, lang: Language = "ko") -> str:
    """A date as its reader writes it: ``2026. 3. 15.`` or ``2026-03-15``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return str(value)
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        return str(value)
    if lang == "en":
        return value.isoformat()
    return f"{value.year}. {value.month}. {value.day}."


def moment(value: Any, lang: Language = "ko") -> str:
    """A recorded moment (timestamp) to the minute, in Korea's time (KST) when it has an offset."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if not isinstance(value, datetime):
        return str(value)
    shown: datetime = value.astimezone(KST) if value.tzinfo is not None else value
    if lang == "en":
        return f"{shown:%Y-%m-%d %H:%M}"
    return f"{day(shown, lang)} {shown:%H:%M}"
