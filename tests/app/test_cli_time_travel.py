"""``cleanledger report --known-at`` and ``--diff``: the replayed report, with progress on stderr."""

from __future__ import annotations

import csv
import io

import pytest

from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger
from commands import timeline
from tests.api.test_reports import CASH, record_year
from tests.api.test_time_travel import CORRECTION, record_after_t
from tests.app.books import Books
from tests.app.test_cli_users_report import settings  # noqa: F401 (the fixture)


def test_known_at_shows_the_report_of_then_and_diff_names_the_backdated_entry(
    settings: Settings,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    ledger = build_ledger(settings)
    try:
        books = Books(ledger)
        t_position = record_year(books)
        line = next(
            i.originator_id
            for i in timeline.describe_events(ledger, range(1, t_position + 1))
            if i.event == "BudgetLine.Opened"
        )
        later = record_after_t(books, line)
    finally:
        ledger.close()

    def cash(*extra: str) -> int:
        assert (
            main(["report", "trial-balance", "--org", "6110000", "--as-of", "2026-01-31", "--csv", *extra])
            == 0
        )
        out = capsys.readouterr()
        rows = {row["account"]: row for row in csv.DictReader(io.StringIO(out.out.removeprefix("\ufeff")))}
        if extra:
            assert "replaying to position" in out.err and "took" in out.err
        return int(rows[CASH]["closing"])

    assert cash() == 50_000_000 - CORRECTION
    assert cash("--known-at", str(t_position)) == 50_000_000
    assert (
        main(
            [
                "report",
                "trial-balance",
                "--org",
                "6110000",
                "--as-of",
                "2026-01-31",
                "--diff",
                str(t_position),
                str(later[-1]),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "ManualJournal.Recorded" in out and "auditor-lee" in out and "-400,000" in out
    with pytest.raises(SystemExit, match="beyond the head"):
        main(["report", "balance-sheet", "--org", "6110000", "--as-of", "2026-01-31", "--known-at", "999999"])
