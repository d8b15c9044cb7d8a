"""The portal v2's pages in a real browser (issue 17): a year's dashboard, the programmes table
and a programme's history, a contract's story, the districts, an institution's statements with
the date picker and "as known at", the comparison, the verification, about and site-map pages,
English, a phone's width and the keyboard.

Like tests/e2e/test_portal.py, every page is opened through the fixture ``site`` (no console
error, no uncaught exception, nothing asked of another host) and checked with ``site.check_axe``
(no serious or critical WCAG 2.1 A/AA violation). The figures are read as the page prints them
and checked against each other: a sorted column is in order, a figure in 억원 is the won figure
rounded half up, a programme's last history row carries the programme's totals.

A test marked ``xfail(strict=True)`` records a defect of today's pages, named in its reason; it
fails as soon as the page is put right, so that the mark comes off then.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from api.portal.i18n import column_label, value_word, word
from api.portal.listings import CONTRACTS, PROGRAMS
from cleanledger.synthetic import SCALES
from tests.e2e.conftest import SCALE, Site

pytestmark = pytest.mark.browser

CITY = "6110000"
YEAR = 2026
DASHBOARD = f"/orgs/{CITY}/{YEAR}"
PROGRAMMES = f"{DASHBOARD}/programs"
CONTRACTS_OF_YEAR = f"{DASHBOARD}/contracts"
#: 성동구: the first district of the demo, at every scale, with a recorded population.
DISTRICT = "3030000"
DISTRICT_PAGE = f"/districts/{DISTRICT}/{YEAR}"
#: 서울문화재단: an institution of the demo at every scale, with statements.
INSTITUTION = "6119001"
COMPARE = f"/compare/{YEAR}"
#: A phone's screen, in CSS pixels.
PHONE_WIDTH, PHONE_HEIGHT = 375, 812
HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: A date as a Korean page writes it: ``2026. 3. 15.``
KOREAN_DAY = re.compile(r"(\d{4})\. (\d{1,2})\. (\d{1,2})\.")


# --- reading a page ---------------------------------------------------------------------------------


def number(text: str) -> Decimal | None:
    """A figure as the page prints it (``1,234``, ``-2.5``, ``12.34%``); None for a blank or ``–``."""
    cleaned = text.strip().replace(",", "").removesuffix("%").strip()
    if cleaned in ("", "–"):
        return None
    return Decimal(cleaned)


def numbers(texts: Sequence[str]) -> list[Decimal]:
    found = [number(text) for text in texts]
    assert all(value is not None for value in found), f"a blank among the figures: {list(texts)}"
    return [value for value in found if value is not None]


def header_label(text: str) -> str:
    """A column header's text without its sort arrow."""
    return text.replace("▲", "").replace("▼", "").strip()


def column(table: Locator, label: str) -> list[str]:
    """The text of each body cell of ``table`` under the header ``label``."""
    headers = [header_label(text) for text in table.locator("thead th").all_inner_texts()]
    assert label in headers, f"no column {label!r} among {headers}"
    index = headers.index(label) + 1
    return [text.strip() for text in table.locator(f"tbody tr > :nth-child({index})").all_inner_texts()]


def listing_label(name: str) -> str:
    """The Korean header of a column of a disclosure table page (api/portal/listings.py)."""
    for listing in (PROGRAMS, CONTRACTS):
        if name in listing.spec.labels:
            return column_label(name, listing.spec.labels[name], "ko")
    raise KeyError(name)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_query(page: Page, name: str, value: str) -> None:
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get(name) == [value])


def korean_day(text: str) -> date | None:
    found = KOREAN_DAY.search(text)
    return date(*(int(part) for part in found.groups())) if found else None


def figure_of(scope: Locator, term: str) -> Locator:
    """The ``<dd>`` of the figure named ``term`` in a ``<dl class="figures">`` of ``scope``."""
    return (
        scope.locator("dl.figures > div").filter(has=scope.page.get_by_text(term, exact=True)).locator("dd")
    )


def in_hundred_million(won: Decimal) -> Decimal:
    """What the portal prints for ``won`` in 억원: one decimal, rounded half up."""
    return (won / 100_000_000).quantize(Decimal("0.1"), ROUND_HALF_UP)


def expect_rendered_chart(chart: Locator) -> None:
    """An inline SVG chart drawn with a size, announced as an image with a name."""
    box = chart.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, f"a chart has no size: {box}"
    expect(chart).to_have_attribute("role", "img")
    expect(chart).to_have_accessible_name(re.compile(r"\S"))
    assert chart.locator("rect, polyline").count() > 0, "the chart draws nothing"


def tab_to(page: Page, target: Locator, limit: int = 80) -> int:
    """Press Tab until ``target`` has the focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return presses
    pytest.fail(f"{limit} presses of Tab did not reach {target}")


# --- 1. a year's dashboard --------------------------------------------------------------------------


def test_dashboard_charts_render_with_accessible_names(site: Site) -> None:
    page = site.open(DASHBOARD)
    charts = page.locator("main svg.chart")
    expect(charts).to_have_count(3)
    for chart in charts.all():
        expect_rendered_chart(chart)
    for name in (word("monthly_execution", "ko"), word("by_account", "ko"), word("by_field", "ko")):
        expect(page.get_by_role("img", name=re.compile(re.escape(name)))).to_have_count(1)
    site.check_axe(page)


def test_dashboard_monthly_figures_open_by_keyboard(site: Site) -> None:
    page = site.open(DASHBOARD)
    details = page.locator("main details.chart-table")
    summary = details.locator("summary")
    expect(summary).to_have_text(word("chart_table", "ko"))
    rows = details.locator("table tbody tr")
    expect(rows.first).to_be_hidden()
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(details).to_have_attribute("open", "")
    expect(rows).to_have_count(12)
    for month, row in enumerate(rows.all(), start=1):
        expect(row).to_be_visible()
        expect(row.locator("th")).to_have_text(f"{month}월")
    site.check_axe(page)


def test_dashboard_budget_figure_leads_to_the_programmes(site: Site) -> None:
    page = site.open(DASHBOARD)
    total = figure_of(page.locator("main section[aria-labelledby=scale-heading]"), "예산현액")
    shown = total.inner_text().strip()
    total.get_by_role("link").click()
    page.wait_for_url(re.compile(rf"{PROGRAMMES}(\?|$)"))
    expect(page.locator("main h1")).to_contain_text(PROGRAMS.title)
    summary = page.locator("main .summary").inner_text()
    assert re.search(rf"예산현액 {re.escape(shown)}(\D|$)", summary), (
        f"the dashboard's 예산현액 {shown} is not the programmes' total: {summary}"
    )
    site.check_axe(page)


def test_a_largest_programme_leads_to_its_figures(site: Site) -> None:
    """A row of 주요 사업 whose 세부사업 has several budget lines leads to a page showing the row's
    예산현액 (its lines with their total, or a history of them all)."""
    page = site.open(DASHBOARD)
    table = page.locator("main table:has(#top-caption)")
    titles = [text.strip() for text in table.locator("tbody th").all_inner_texts()]
    budgets = column(table, word("current_budget", "ko"))
    several = None
    for index, title in enumerate(titles):
        found = page.request.get(site.portal.url(f"{PROGRAMMES}?{urlencode({'q': title})}"))
        assert found.status == 200
        if found.text().count(f">{html.escape(title)}</a>") > 1:
            several = index
            break
    if several is None:
        pytest.skip("no largest programme of the demo at this scale has several budget lines")
    table.locator("tbody th").nth(several).get_by_role("link").click()
    page.wait_for_load_state()
    assert budgets[several] in page.locator("main").inner_text(), (
        f"{titles[several]} ({budgets[several]} won) leads to {page.url}, which does not show that figure"
    )


def test_dashboard_year_tabs_navigate(site: Site) -> None:
    page = site.open(DASHBOARD)
    tabs = page.locator("main nav.tabs li")
    labels = [text.strip() for text in tabs.all_inner_texts()]
    assert len(labels) == 7, labels
    expect(page.locator("main nav.tabs [aria-current=page]")).to_have_text(labels[0])
    hrefs = {
        label: str(href)
        for label, href in zip(
            labels[1:], tabs.locator("a").evaluate_all("links => links.map(a => a.href)"), strict=True
        )
    }
    for label in [*labels[1:], labels[0]]:
        page.locator("main nav.tabs").get_by_role("link", name=label, exact=True).click()
        expected = hrefs.get(label, site.portal.url(DASHBOARD))
        page.wait_for_url(expected)
        expect(page.locator("main nav.tabs [aria-current=page]")).to_have_text(label)
        expect(page.locator("main h1")).to_be_visible()
    assert urlsplit(page.url).path == DASHBOARD


# --- 2. the programmes table and a programme's history --------------------------------------------------


def test_programmes_sort_by_a_header(site: Site) -> None:
    page = site.open(PROGRAMMES)
    label = listing_label("current_budget")
    table = page.locator("main table.data")
    header = table.locator("thead th").filter(has_text=label)
    expect(table.locator("thead th[aria-sort]")).to_have_count(1)  # the default order (by code)
    expect(header).not_to_have_attribute("aria-sort", re.compile(".*"))
    header.get_by_role("link").click()
    wait_for_query(page, "sort", "current_budget")
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(table.locator("thead th[aria-sort]")).to_have_count(1)
    ascending = numbers(column(table, label))
    assert len(set(ascending)) > 1, "the first page's budgets are all alike"
    assert ascending == sorted(ascending), ascending
    header.get_by_role("link").click()
    wait_for_query(page, "sort", "-current_budget")
    expect(header).to_have_attribute("aria-sort", "descending")
    descending = numbers(column(table, label))
    assert descending == sorted(descending, reverse=True), descending
    assert descending[0] >= ascending[-1]
    site.check_axe(page)


def test_programmes_unit_switch(site: Site) -> None:
    page = site.open(f"{PROGRAMMES}?sort=-current_budget")
    table = page.locator("main table.data")
    expect(table.locator("caption")).to_contain_text("(단위: 원)")
    labels = [listing_label(name) for name in ("current_budget", "allocated", "obligated", "paid")]
    in_won = {label: numbers(column(table, label)) for label in labels}
    page.locator("main p.units").get_by_role("link", name="억원", exact=True).click()
    wait_for_query(page, "unit", "hundred-million")
    assert query(page)["sort"] == ["-current_budget"], "the unit switch dropped the sort"
    expect(table.locator("caption")).to_contain_text("(단위: 억원)")
    expect(page.locator("main p.units [aria-current=true]")).to_have_text("억원")
    for label in labels:
        shown = numbers(column(table, label))
        assert shown == [in_hundred_million(won) for won in in_won[label]], label
    assert in_won[labels[0]] != numbers(column(table, labels[0])), "the figures did not change"
    site.check_axe(page)


def test_a_programmes_history_ends_at_its_figures(site: Site) -> None:
    """A programme's name opens its history; the last event's running totals are the programme's
    figures as the table prints them, and the event's proof is in the transparency log."""
    page = site.open(f"{PROGRAMMES}?sort=-paid")
    table = page.locator("main table.data")
    names = ("current_budget", "allocated", "obligated", "paid")
    row = {name: numbers(column(table, listing_label(name)))[0] for name in names}
    assert row["paid"] > 0, "the programme paid most has paid nothing"
    link = table.locator("tbody tr").first.locator("td").first.get_by_role("link")
    title = link.inner_text().strip()
    link.click()
    page.wait_for_url(re.compile(rf"{DASHBOARD}/lines/[0-9a-f-]+$"))
    expect(page.locator("main h1")).to_have_text(title)
    # the figures at the top are the row's
    for name in names:
        assert number(figure_of(page.locator("main"), word(name, "ko")).inner_text()) == row[name], name
    # the last page of the history, then its last row
    while (more := page.locator("main nav.pager a[rel=next]")).count():
        following = str(more.evaluate("a => a.href"))
        more.click()
        page.wait_for_url(following)
    history = page.locator("main table.data")
    last = history.locator("tbody tr").last
    totals = {
        name: number(last.locator(f"td:nth-child({index})").inner_text())
        for index, name in zip((6, 7, 8, 9), names, strict=True)
    }
    assert totals == row, f"the history ends at {totals}, the programme shows {row}"
    site.check_axe(page)
    position = last.locator("td").first.inner_text().strip()
    last.get_by_role("link", name=re.compile(word("proof", "ko"))).click()
    wait_for_query(page, "position", position)
    assert urlsplit(page.url).path == "/verification"
    expect(page.locator("main")).to_contain_text(word("in_log", "ko"))


# --- 3. a contract's story --------------------------------------------------------------------------


def test_a_contracts_story_is_in_date_order(site: Site) -> None:
    page = site.open(f"{CONTRACTS_OF_YEAR}?sort=-amount")
    table = page.locator("main table.data")
    paid = column(table, listing_label("payments_to_date"))
    chosen = next((i for i, text in enumerate(paid) if (number(text) or 0) > 0), None)
    assert chosen is not None, "no contract of the first page was paid"
    link = table.locator("tbody tr").nth(chosen).locator("td").first.get_by_role("link")
    title = link.inner_text().strip()
    link.click()
    page.wait_for_url(re.compile(rf"{DASHBOARD}/contracts/[0-9a-f-]+$"))
    expect(page.locator("main h1")).to_have_text(title)
    steps = page.locator("main ol.timeline > li")
    texts = [text.strip() for text in steps.all_inner_texts()]
    assert len(texts) >= 2, f"a paid contract's story has fewer than two steps: {texts}"
    assert value_word("story", "signed", "ko") in texts[0], (
        f"the story does not begin with the signing: {texts}"
    )
    days = [korean_day(text) for text in steps.locator(".when").all_inner_texts()]
    dated = [day for day in days if day is not None]
    assert days[: len(dated)] == dated, f"an undated step comes before a dated one: {days}"
    assert dated == sorted(dated), f"the steps are not in date order: {texts}"
    assert any(value_word("story", "paid", "ko") in text for text in texts), texts
    site.check_axe(page)


# --- 4. districts -------------------------------------------------------------------------------------


def test_districts_lists_every_district(site: Site) -> None:
    page = site.open("/districts")
    rows = page.locator("main table.data tbody tr")
    expect(rows).to_have_count(SCALES[SCALE].districts)
    expect(rows.first.get_by_role("link")).to_have_attribute("href", re.compile(r"^/districts/\d{7}$"))
    site.check_axe(page)


def test_a_district_shows_its_ratios_with_the_formula_and_its_population(site: Site) -> None:
    page = site.open(DISTRICT_PAGE)
    main = page.locator("main")
    ratios = main.locator("section[aria-labelledby=ratio-heading]")
    shown = {
        key: number(figure_of(ratios, word(key, "ko")).inner_text())
        for key in ("fiscal_independence", "fiscal_autonomy")
    }
    assert all(value is not None and 0 < value <= 100 for value in shown.values()), shown
    formulas = ratios.locator(".formula p").all_inner_texts()
    worked = {}
    for key, name in (("fiscal_independence", "재정자립도"), ("fiscal_autonomy", "재정자주도")):
        line = next((text for text in formulas if text.startswith(f"{name} =")), None)
        assert line is not None, f"no formula of {name}: {formulas}"
        figures = re.search(r"= \(([\d, +]+)\) ÷ ([\d,]+) × 100$", line.strip())
        assert figures is not None, f"the formula of {name} has no numbers: {line}"
        terms = numbers(figures.group(1).split(" + "))
        denominator = number(figures.group(2))
        assert denominator, line
        worked[key] = (sum(terms) * 100 / denominator).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert worked == shown, f"the formulas give {worked}, the page shows {shown}"
    overview = main.locator("section[aria-labelledby=overview-heading]")
    expect(figure_of(overview, word("population", "ko"))).to_have_text(re.compile(r"^[1-9][\d,]*명$"))
    expect(figure_of(overview, word("per_capita", "ko"))).to_have_text(re.compile(r"^[1-9][\d,]*원$"))
    expect_rendered_chart(main.locator("svg.chart"))
    site.check_axe(page)


# --- 5. an institution's statements ----------------------------------------------------------------------


def statement_figures(page: Page) -> dict[str, list[str]]:
    """The 대차대조표's and 잔액시산표's rows as the page shows them."""
    return {
        caption: page.locator(f"main table:has(#{caption})").locator("tbody tr").all_inner_texts()
        for caption in ("sheet-caption", "trial-caption")
    }


def test_an_institutions_statements_follow_the_date_and_the_known_at_moment(site: Site) -> None:
    page = site.open(f"/institutions/{INSTITUTION}")
    form = page.locator("main form:has(input[name=as_of])")
    as_of = form.locator("input[type=date][name=as_of]")
    expect(as_of).to_have_accessible_name(re.compile(word("as_of", "ko")))
    seen = {}
    for day in ("2026-01-31", "2026-12-31"):
        as_of.fill(day)
        form.get_by_role("button", name=word("search", "ko")).click()
        wait_for_query(page, "as_of", day)
        expect(as_of).to_have_value(day)
        expect(page.locator("main p.as-of")).to_contain_text(
            "{}. {}. {}.".format(*(int(part) for part in day.split("-")))
        )
        seen[day] = statement_figures(page)
        assert all(seen[day].values()), f"a statement of {day} is empty"
    for table in ("sheet-caption", "trial-caption"):
        assert seen["2026-01-31"][table] != seen["2026-12-31"][table], f"{table}: same figures both days"
    site.check_axe(page)
    advanced = form.locator("details")
    expect(advanced).not_to_have_attribute("open", "")
    advanced.locator("summary").click()
    known_at = advanced.locator("input[name=known_at]")
    expect(known_at).to_be_visible()
    known_at.fill("2020-01-01T00:00")
    form.get_by_role("button", name=word("search", "ko")).click()
    wait_for_query(page, "known_at", "2020-01-01T00:00")
    assert query(page)["as_of"] == ["2026-12-31"], "the known_at moment dropped the date"
    expect(advanced).to_have_attribute("open", "")
    total = page.locator("main table:has(#trial-caption) tbody tr.section td.amount")
    expect(total).to_have_text(["0", "0"])
    site.check_axe(page)


# --- 6. the comparison -------------------------------------------------------------------------------


def test_the_comparison_ranks_and_sorts(site: Site) -> None:
    """The districts' 재정자립도 ranking is drawn, and the table sorts by 1인당 세출예산 both ways,
    the organisations without a population last. (axe-core: test_the_comparison_passes_axe.)"""
    page = site.open(COMPARE)
    expect_rendered_chart(page.locator("main svg.chart#chart-self-reliance"))
    bars = page.locator("main svg.chart#chart-self-reliance rect")
    expect(bars).to_have_count(SCALES[SCALE].districts)
    table = page.locator("main table.data")
    label = word("per_capita", "ko")
    header = table.locator("thead th").filter(has_text=label)
    for sort, order in (("-per_capita", "descending"), ("per_capita", "ascending")):
        header.get_by_role("link").click()
        wait_for_query(page, "sort", sort)
        expect(header).to_have_attribute("aria-sort", order)
        expect(table.locator("thead th[aria-sort]")).to_have_count(1)
        values = [number(text) for text in column(table, label)]
        known = [value for value in values if value is not None]
        assert len(known) > 1, values
        assert values[: len(known)] == known, f"a blank sorts before a figure: {values}"
        assert known == sorted(known, reverse=order == "descending"), known
        ranks = column(table, word("ranking", "ko"))
        assert ranks == [str(i) for i in range(1, len(ranks) + 1)], ranks


def test_the_comparison_passes_axe(site: Site) -> None:
    page = site.open(f"{COMPARE}?sort=-per_capita")
    site.check_axe(page)


# --- 7. verification, about, the site map, the organisations ------------------------------------------


def test_verification_page(site: Site) -> None:
    page = site.open("/verification")
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text(word("transparency", "ko"))
    expect(main.locator("section[aria-labelledby=head-heading] dl.facts")).to_be_visible()
    position = main.locator("form input[name=position]")
    position.fill("1")
    position.press("Enter")
    wait_for_query(page, "position", "1")
    expect(main).to_contain_text(word("in_log", "ko"))
    site.check_axe(page)


def test_about_page(site: Site) -> None:
    page = site.open("/about")
    definitions = page.locator("main dl.definitions dt")
    for term in ("예산현액", "집행률", "재정자립도", "재정자주도", "1인당 세출예산"):
        expect(definitions.filter(has_text=re.compile(f"^{term}$"))).to_have_count(1)
    site.check_axe(page)


def test_every_link_of_the_site_map_answers(site: Site) -> None:
    page = site.open("/sitemap")
    site.check_axe(page)
    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.href)")
    urls = sorted({str(href).split("#")[0] for href in hrefs})
    assert len(urls) > 20, urls
    assert any(url.endswith(DISTRICT_PAGE.rsplit("/", 1)[0]) for url in urls), "no district page"
    failed = []
    for url in urls:
        answer = page.request.get(url)
        if answer.status != 200:
            failed.append(f"{url}: {answer.status}")
    assert not failed, f"{len(failed)} of {len(urls)} links of the site map fail:\n" + "\n".join(failed)


def test_organisations_page(site: Site) -> None:
    page = site.open("/orgs")
    scale = SCALES[SCALE]
    cards = page.locator("main ul.cards > li")
    expect(cards).to_have_count(1 + scale.districts + scale.institutions)
    city = cards.filter(has=page.locator(f"a[href='/orgs/{CITY}']"))
    city.get_by_role("link", name=f"{YEAR}년").click()
    page.wait_for_url(site.portal.url(DASHBOARD))
    site.check_axe(page)


# --- 8. English ---------------------------------------------------------------------------------------


def test_dashboard_in_english(site: Site) -> None:
    page = site.open(f"{DASHBOARD}?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_contain_text(f"{YEAR} {word('finance', 'en')}")
    headings = [text.strip() for text in page.locator("main h2").all_inner_texts()]
    keys = ("spending_scale", "monthly_execution", "spending_summary", "revenue_summary", "top_programmes")
    assert headings[: len(keys)] == [word(key, "en") for key in keys], headings
    assert not [text for text in headings if HANGUL.search(text)], headings
    tabs = page.locator("main nav.tabs li").all_inner_texts()
    assert not [text for text in tabs if HANGUL.search(text)], tabs
    expect(page.get_by_role("img", name=re.compile(word("monthly_execution", "en")))).to_have_count(1)
    expect(page.locator("header.site a.lang")).to_have_attribute("lang", "ko")
    site.check_axe(page)


def test_the_language_link_keeps_the_parameters(site: Site) -> None:
    page = site.open(f"{PROGRAMMES}?sort=-paid&unit=hundred-million")
    link = page.get_by_role("link", name=word("language", "ko"), exact=True)
    expect(link).to_have_attribute("lang", "en")
    link.click()
    wait_for_query(page, "lang", "en")
    assert urlsplit(page.url).path == PROGRAMMES
    assert query(page) == {"sort": ["-paid"], "unit": ["hundred-million"], "lang": ["en"]}
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main table.data caption")).to_contain_text("100 million won")
    page.get_by_role("link", name=word("language", "en"), exact=True).click()
    page.wait_for_url(lambda url: "lang=en" not in url)
    assert urlsplit(page.url).path == PROGRAMMES
    assert query(page).get("sort") == ["-paid"] and query(page).get("unit") == ["hundred-million"]
    expect(page.locator("html")).to_have_attribute("lang", "ko")


# --- 9. a phone -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [DASHBOARD, PROGRAMMES, DISTRICT_PAGE], ids=["dashboard", "table", "district"]
)
def test_a_phone_scrolls_no_page_sideways(site: Site, path: str) -> None:
    """At 375 px the document is no wider than the screen; a wide table scrolls in its own region."""
    page = site.open(path, width=PHONE_WIDTH, height=PHONE_HEIGHT, phone=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{path} is {width} px wide on a {PHONE_WIDTH} px screen"
    regions = page.locator("main .table-wrap")
    assert regions.count() > 0
    for region in regions.all():
        expect(region).to_have_attribute("role", "region")
        expect(region).to_have_attribute("tabindex", "0")
    if path == PROGRAMMES:
        region = regions.first
        assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "the programmes fit a phone?"
        region.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
        assert region.evaluate("r => r.scrollLeft") > 0, "the table's region does not scroll"
        assert page.evaluate("window.scrollX") == 0
    site.check_axe(page)


# --- 10. the keyboard ------------------------------------------------------------------------------------


def follow_the_skip_link(site: Site) -> Page:
    """The dashboard, its skip link reached by the first Tab and followed with Enter."""
    page = site.open(DASHBOARD)
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text(word("skip", "ko"))
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    return page


def test_the_skip_link_comes_first_and_tab_continues_in_main(site: Site) -> None:
    page = follow_the_skip_link(site)
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('main') !== null")
    assert inside, "after the skip link, Tab does not continue inside main"
    site.check_axe(page)


def test_the_skip_link_moves_the_focus_to_main(site: Site) -> None:
    page = follow_the_skip_link(site)
    expect(page.locator("main")).to_be_focused(timeout=1000)  # a fragment's focus moves at once
