"""Charts drawn on the server as SVG (도표), with no script and nothing loaded from elsewhere.

Each chart is an ``<svg role="img">`` labelled by its own ``<title>`` and ``<desc>``; the page puts
the same figures in a table beside it, so a screen reader, a printer or a reader who wants the
exact numbers loses nothing. Only presentation attributes are used (no ``style``), which the
portal's Content-Security-Policy allows, and every text is escaped (``markupsafe``): a programme's
name cannot become markup.

The drawing area is narrow (``WIDTH`` user units) and scales to its container, so the text stays
readable on a 375 px phone and does not grow past the CSS ``max-width`` on a desktop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

WIDTH = 360
#: Colours with at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
BAR = "#00427a"
BAR_LIGHT = "#5b7fa6"
LINE = "#b3400a"
TEXT = "#1b1f24"
GRID = "#8a96a3"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (won or any count), and the text written beside it.

    A bar is no link: a chart is one image (``role="img"``) to assistive technology, and a link
    inside it could not be reached (axe: nested-interactive). The table beside it links."""

    label: str
    value: int
    text: str


def _svg(chart_id: str, title: str, description: str, height: int, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" id="{chart_id}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bars(chart_id: str, title: str, description: str, items: Sequence[Bar]) -> Markup:
    """Horizontal bars, one row each: the label above its bar, the value's text at its end.

    Bars are drawn to the largest value; a negative value is drawn as an empty bar (its text says
    the figure).
    """
    row = 34
    height = max(row * len(items), row) + 4
    top = max((item.value for item in items), default=0)
    body: list[str] = []
    for index, item in enumerate(items):
        y = index * row
        share = max(item.value, 0) / top if top > 0 else 0
        length = round((WIDTH - 90) * share, 1)
        label = escape(_shorten(item.label, 26))
        body += [
            f'<text x="0" y="{y + 11}" font-size="11" fill="{TEXT}">{label}</text>',
            f'<rect x="0" y="{y + 15}" width="{length}" height="12" fill="{BAR}"></rect>',
            f'<text x="{length + 4}" y="{y + 25}" font-size="10" fill="{TEXT}">{escape(item.text)}</text>',
        ]
    return _svg(chart_id, title, description, height, body)


@dataclass(frozen=True)
class Month:
    """One month of the execution chart: the amount paid in it and the cumulative rate (%)."""

    label: str
    paid: int
    cumulative_rate: Decimal | None  # None: a month still to come


def execution(chart_id: str, title: str, description: str, months: Sequence[Month]) -> Markup:
    """Columns of what was paid each month, and a line of the cumulative execution rate against
    the right-hand scale (0–100 %). Months still to come draw nothing."""
    left, right, top, bottom = 6, 30, 10, 22
    height = 190
    plot_w = WIDTH - left - right
    plot_h = height - top - bottom
    slot = plot_w / max(len(months), 1)
    highest = max((m.paid for m in months), default=0)
    body: list[str] = []
    for percent in (0, 50, 100):
        y = round(top + plot_h * (1 - percent / 100), 1)
        body.append(
            f'<line x1="{left}" y1="{y}" x2="{WIDTH - right}" y2="{y}" stroke="{GRID}" '
            f'stroke-width="0.5"></line>'
            f'<text x="{WIDTH - right + 3}" y="{y + 3}" font-size="9" fill="{TEXT}">{percent}%</text>'
        )
    points: list[str] = []
    for index, month in enumerate(months):
        x = left + slot * index
        if highest > 0 and month.paid > 0:
            h = round(plot_h * month.paid / highest * 0.9, 1)
            body.append(
                f'<rect x="{round(x + slot * 0.2, 1)}" y="{round(top + plot_h - h, 1)}" '
                f'width="{round(slot * 0.6, 1)}" height="{h}" fill="{BAR_LIGHT}"></rect>'
            )
        body.append(
            f'<text x="{round(x + slot / 2, 1)}" y="{height - 8}" font-size="9" fill="{TEXT}" '
            f'text-anchor="middle">{escape(month.label)}</text>'
        )
        if month.cumulative_rate is not None:
            share = min(max(float(month.cumulative_rate), 0.0), 100.0) / 100
            points.append(f"{round(x + slot / 2, 1)},{round(top + plot_h * (1 - share), 1)}")
    if points:
        body.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{LINE}" stroke-width="2"></polyline>'
        )
        body.extend(
            f'<circle cx="{p.split(",")[0]}" cy="{p.split(",")[1]}" r="2.5" fill="{LINE}"></circle>'
            for p in points
        )
    return _svg(chart_id, title, description, height, body)
