"""Text the ledger records (domain.text): bounded, normalised, free of characters that break
pages and read models; and codes of ASCII digits only."""

from __future__ import annotations

import unicodedata

import pytest

from domain import text
from domain.codes import BudgetCode, org_code, revenue_code
from domain.errors import InvalidText
from domain.journal import JournalEntry, JournalLine
from domain.vendor import VendorKind, registration_number
from tests.unit.gwt import refused

#: Every shape of text a one-line field refuses, by what it is.
REFUSED_ANYWHERE = {
    "NUL": "서울\x00상사",
    "bell (C0)": "서울\x07상사",
    "escape (C0)": "\x1b[31m서울",
    "DEL": "서울\x7f상사",
    "next line (C1)": "서울\x85상사",
    "CSI (C1)": "서울\x9b상사",
    "right-to-left override": "계약\u202eTXT.exe",
    "left-to-right embedding": "\u202a계약",
    "pop directional formatting": "계약\u202c",
    "first-strong isolate": "\u2068계약\u2069",
    "line separator": "계약\u2028명",
    "paragraph separator": "계약\u2029명",
    "noncharacter U+FFFF": "계약\uffff",
    "noncharacter U+FDD0": "계약\ufdd0",
    "unassigned U+0378": "계약\u0378",
    "lone surrogate": "계약\ud800",
}
REFUSED_ON_ONE_LINE = {"line feed": "첫 줄\n둘째 줄", "tab": "계약\t명", "carriage return": "계약\r명"}


@pytest.mark.parametrize("value", [*REFUSED_ANYWHERE.values(), *REFUSED_ON_ONE_LINE.values()])
def test_a_one_line_text_refuses_controls_separators_bidi_controls_and_unassigned(value: str) -> None:
    with pytest.raises(InvalidText) as refusal:
        text.NAME.check(value, "name")
    assert refusal.value.code == "invalid-text"
    assert refusal.value.numbers["field"] == "name"
    assert str(refusal.value.numbers["character"]).startswith("U+")


@pytest.mark.parametrize("value", REFUSED_ANYWHERE.values())
def test_a_multi_line_text_refuses_the_same_but_line_feeds(value: str) -> None:
    with pytest.raises(InvalidText):
        text.REASON.check(value, "reason")


def test_a_multi_line_text_keeps_line_feeds_and_reads_carriage_returns_as_line_feeds() -> None:
    assert text.REASON.check("첫째, 단가 과다\r\n둘째, 증빙 미첨부\r셋째", "reason") == (
        "첫째, 단가 과다\n둘째, 증빙 미첨부\n셋째"
    )
    with pytest.raises(InvalidText):
        text.REASON.check("첫째\t단가", "reason")  # a tab is a control character everywhere


def test_text_is_stored_composed_nfc_and_stripped() -> None:
    decomposed = unicodedata.normalize("NFD", "  한빛상사  ")
    assert len(decomposed) > len("  한빛상사  ")
    assert text.NAME.check(decomposed, "name") == "한빛상사"
    # marks and isolated jamo and format characters that do not reorder text stay as they are
    assert text.NAME.check("Café\u200e ㄱ 😀", "name") == "Café\u200e ㄱ 😀"


def test_the_bound_counts_characters_after_normalisation() -> None:
    bound = text.LINE_TITLE.max_length
    assert text.LINE_TITLE.check("가" * bound, "title") == "가" * bound
    # 200 syllables written as 600 jamo compose to 200 characters: accepted
    assert text.LINE_TITLE.check(unicodedata.normalize("NFD", "한" * bound), "title") == "한" * bound
    with refused("invalid-text", field="title", length=bound + 1, maximum=bound):
        text.LINE_TITLE.check("가" * (bound + 1), "title")
    # U+0958 (DEVANAGARI QA) has no composed form: NFC writes it as two code points, so 200 of
    # them are 400 characters once normalised, too many
    with refused("invalid-text", field="title", length=2 * bound, maximum=bound):
        text.LINE_TITLE.check("\u0958" * bound, "title")


def test_blank_text_is_refused_where_a_value_is_required_and_kept_empty_where_not() -> None:
    for blank in ("", "   ", "\u3000"):
        with refused("invalid-text", field="title"):
            text.TITLE.check(blank, "title")
        assert text.NOTE.check(blank, "note") == ""
    with refused("invalid-text", field="note"):
        text.NOTE.check(None, "note")


# --- codes: ASCII digits only ------------------------------------------------------------------

FULL_WIDTH = "６１１００００"
ARABIC_INDIC = "٦١١٠٠٠٠"
SUPERSCRIPT = "611000²"


@pytest.mark.parametrize("value", [FULL_WIDTH, ARABIC_INDIC, SUPERSCRIPT, "6110000\n", "611000", "61100000"])
def test_an_organisation_code_is_seven_ascii_digits(value: str) -> None:
    with refused("malformed-code"):
        org_code(value)


@pytest.mark.parametrize(
    "value",
    [
        "１００-080-081-1001-2001-3001-201-01",  # full-width account
        "100-٠٨٠-081-1001-2001-3001-201-01",  # Arabic-Indic field
        "100-080-081-1001-2001-3001-201-0¹",  # superscript statistics item
        "100-080-081-1001-2001-3001-201-01\n",
    ],
)
def test_a_budget_code_has_ascii_digits_only(value: str) -> None:
    with refused("malformed-code"):
        BudgetCode.parse(value, 2026)


@pytest.mark.parametrize("value", ["１００-110-111-01", "100-110-111-٠١", "100-110-111-01\n"])
def test_a_revenue_code_has_ascii_digits_only(value: str) -> None:
    with refused("malformed-code"):
        revenue_code(value)


@pytest.mark.parametrize("value", ["１２３-45-67890", "123-٤٥-67890", "123-45-6789⁰", "123-45-67890\n"])
def test_a_business_registration_number_has_ascii_digits_only(value: str) -> None:
    with refused("malformed-code"):
        registration_number(VendorKind.BUSINESS, value)
    with refused("malformed-code"):
        registration_number(VendorKind.PERSON, "P-ＡＢ１２３４")


@pytest.mark.parametrize("account", ["１１１０", "١١١٠", "111⁰"])
def test_a_journal_account_is_a_code_of_the_chart_in_ascii_digits(account: str) -> None:
    with refused("unknown-code", account=account):
        JournalEntry((JournalLine(account, debit=1), JournalLine("3110", credit=1)))
