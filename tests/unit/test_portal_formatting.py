"""How the portal writes amounts, years and dates, and what its SVG charts hold."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from api.portal import charts, formatting
from api.portal.formatting import UNITS
from api.portal.rendering import templates


def test_amounts_are_grouped_and_scaled_half_up_in_the_chosen_unit() -> None:
    assert formatting.amount(1_234_567) == "1,234,567"
    assert formatting.amount(-400_000) == "-400,000"
    assert formatting.amount(149_999_999, UNITS["hundred-million"]) == "1.5"
    assert formatting.amount(1_499_999, UNITS["million"]) == "1"
    assert formatting.amount(1_500_000, UNITS["million"]) == "2"
    assert formatting.amount(45_000_000_000_000, UNITS["hundred-million"]) == "450,000.0"
    assert formatting.amount(None) == ""
    assert formatting.unit_of("nonsense") is formatting.DEFAULT_UNIT


def test_years_dates_and_rates_are_written_as_korean_readers_write_them() -> None:
    assert formatting.year(2026) == "2026년" and formatting.year(2026, "en") == "2026"
    assert formatting.day(date(2026, 3, 5)) == "2026. 3. 5."
    assert formatting.day("2026-03-05", "en") == "2026-03-05"
    assert formatting.rate(Decimal("12.5")) == "12.50%" and formatting.rate(None) == ""
    # A recorded moment is shown in Korea's time.
    assert formatting.moment(datetime(2026, 3, 4, 15, 30, tzinfo=UTC)) == "2026. 3. 5. 00:30"


def test_a_bar_chart_is_labelled_escaped_and_drawn_to_scale() -> None:
    svg = str(
        charts.bars(
            "c1",
            "분야별",
            "사회복지 2; 환경 1",
            [charts.Bar("<script>alert(1)</script>", 2_000, "2,000"), charts.Bar("환경", 1_000, "1,000")],
        )
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    widths = [float(w) for w in re.findall(r'<rect x="0" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths[0] == 2 * widths[1] > 0


def test_the_execution_chart_stops_at_the_months_to_come() -> None:
    months = [charts.Month(f"{n}월", 100 * n, Decimal(n * 5) if n <= 3 else None) for n in range(1, 13)]
    svg = str(charts.execution("m", "월별 집행", "…", months))
    points = re.search(r'<polyline points="([^"]+)"', svg)
    assert points is not None and len(points.group(1).split()) == 3
    assert svg.count("<text") >= 12 + 3  # a label per month and the three percentages


def test_a_key_figure_may_break_only_after_its_separators() -> None:
    breakable = templates.env.filters["breakable"]
    assert str(breakable("12,197,000,000")) == "12,<wbr>197,<wbr>000,<wbr>000"
    assert str(breakable("<b>1,0</b>")) == "&lt;b&gt;1,<wbr>0&lt;/b&gt;"
