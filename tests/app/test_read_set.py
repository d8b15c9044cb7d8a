"""A command decides on aggregates it does not change (the year is open, the vendor is not
debarred); if one of them moves between its check and its save, the save fails and the command
is tried again on fresh state, so it is refused as it would have been after the change.

Each test lets a second application (another server process) record the change at the worst
moment: after the command's checks passed, just before its save.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from commands.ledger import Ledger
from commands.messages.budget import CloseFiscalYear
from commands.messages.contracts import SignContract
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.messages.vendors import DebarVendor
from domain.contract import ContractMethod
from domain.errors import DomainError
from domain.journal import JournalKind
from tests.app.books import SEOUL, Books

YEAR = 2026


def just_before_the_save(ledger: Ledger, change: Callable[[], object], books: Books) -> list[int]:
    """Run ``change`` once, when ``ledger`` first saves. The list holds the log's size after the
    change, then one entry per save of ``ledger``."""
    original = ledger.save
    saves: list[int] = []

    def save(*objects: Any, **kwargs: Any) -> Any:
        if not saves:
            change()
            saves.append(books.log_size())
        saves.append(1)
        return original(*objects, **kwargs)

    ledger.save = save  # type: ignore[method-assign]
    return saves


def adjustment(books: Books, amount: int) -> Any:
    """A depreciation entry at the year's end (an adjustment: refused once the year is closed)."""
    return books.run(
        RecordJournalEntry,
        kind=JournalKind.ADJUSTMENT,
        lines=(
            JournalLineInput(account="5510", debit=amount),
            JournalLineInput(account="1395", credit=amount),
        ),
        memo="감가상각",
        on=date(YEAR, 12, 31),
    )


def debar(books: Books, vendor_id: Any, ground: str, starts: date, ends: date) -> Any:
    """A debarment from ``starts`` to ``ends``, recorded on 1 February."""
    return books.run(
        DebarVendor, vendor_id=vendor_id, ground=ground, starts=starts, ends=ends, on=date(YEAR, 2, 1)
    )


def ready_to_sign(ledger: Ledger) -> tuple[Books, Any, Any]:
    """Books with an obligation of 1 000 000 and a registered vendor to contract with."""
    books = Books(ledger).ready()
    line = books.line(amount=10_000_000, allocate={1: 10_000_000})
    return books, books.obligate(line, 1_000_000), books.vendor()


def sign(books: Books, obligation_id: Any, vendor_id: Any) -> Any:
    """A contract whose accounting date (10 March) a debarment from 1 March covers."""
    return books.run(
        SignContract,
        obligation_id=obligation_id,
        vendor_id=vendor_id,
        amount=300_000,
        method=ContractMethod.OPEN,
        title="복지관 리모델링 공사",
        department="복지정책과",
        starts=date(YEAR, 3, 10),
        ends=date(YEAR, 6, 30),
        on=date(YEAR, 3, 10),
    )


def test_a_journal_entry_is_not_saved_after_a_year_close_it_did_not_see(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    books = Books(ledger).ready()
    elsewhere = Books(reopen())
    saves = just_before_the_save(ledger, lambda: elsewhere.run(CloseFiscalYear, on=date(YEAR, 12, 31)), books)
    with pytest.raises(DomainError) as refused:
        adjustment(books, 100)
    assert refused.value.code == "year-closed"
    assert refused.value.numbers == {"org": SEOUL, "fiscal_year": YEAR}
    after_the_close, *tries = saves
    assert len(tries) == 1  # the first save failed; the retry was refused before saving
    assert books.log_size() == after_the_close  # nothing after the close


def test_a_contract_is_not_signed_with_a_vendor_debarred_meanwhile(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    books, obligation_id, vendor_id = ready_to_sign(ledger)
    elsewhere = Books(reopen())
    saves = just_before_the_save(
        ledger,
        lambda: debar(elsewhere, vendor_id, "입찰 담합", date(YEAR, 3, 1), date(YEAR, 8, 31)),
        books,
    )
    with pytest.raises(DomainError) as refused:
        sign(books, obligation_id, vendor_id)
    assert refused.value.code == "vendor-debarred"
    after_the_debarment, *tries = saves
    assert len(tries) == 1
    assert books.log_size() == after_the_debarment


def test_an_unrelated_change_meanwhile_costs_one_retry_and_nothing_else(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    books, obligation_id, vendor_id = ready_to_sign(ledger)
    elsewhere = Books(reopen())
    later = date(YEAR, 12, 1)
    saves = just_before_the_save(
        ledger,
        lambda: debar(elsewhere, vendor_id, "허위 서류", later, later),
        books,
    )
    signed = sign(books, obligation_id, vendor_id)
    assert signed.version == 1
    _, *tries = saves
    assert len(tries) == 2  # the vendor moved: tried again, and signed (its debarment is later)


def test_clerks_recording_entries_while_the_year_closes_record_none_after_the_close(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    """Real threads, two applications: every adjustment is stored before the close or refused."""
    books = Books(ledger).ready()
    closer = Books(reopen())
    refused: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(5)

    def clerk() -> None:
        start.wait()
        for n in range(15):
            try:
                adjustment(books, 100 + n)
            except DomainError as error:
                refused.append(error.code)
            except BaseException as error:  # reported below
                errors.append(error)

    threads = [threading.Thread(target=clerk) for _ in range(4)]
    for thread in threads:
        thread.start()
    start.wait()
    time.sleep(0.05)
    closer.run(CloseFiscalYear, on=date(YEAR, 12, 31))
    for thread in threads:
        thread.join(60)
    assert not errors
    assert set(refused) <= {"year-closed"}
    names = [n.topic.rpartition(":")[2] for n in ledger.recorder.select_notifications(1, 100_000)]
    closed_at = names.index("FiscalYear.Closed")
    assert "ManualJournal.Recorded" not in names[closed_at:]
    assert names.count("ManualJournal.Recorded") + len(refused) == 60


def test_a_year_closed_by_another_process_refuses_entries_here_though_this_cache_held_it_open(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    """This application cached the year open; another closed it. Entries here are refused."""
    books = Books(ledger).ready()
    adjustment(books, 100)  # the year is now in this application's cache, open
    Books(reopen()).run(CloseFiscalYear, on=date(YEAR, 12, 31))
    before = books.log_size()
    with pytest.raises(DomainError) as refused:
        adjustment(books, 200)
    assert refused.value.code == "year-closed"
    assert books.log_size() == before
    with pytest.raises(DomainError) as again:
        adjustment(books, 300)
    assert again.value.code == "year-closed"
