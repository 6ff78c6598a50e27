"""Numbers and dates out of a lawyer's range are refused on the command line with one line and
exit 8 - never "internal error (OverflowError)" - and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import Cli, Result, snapshot

HUGE = str(10**30)


def _refused(result: Result) -> str:
    assert result.code == 8, result.err
    assert len(result.err_lines) == 1, result.err
    assert "internal error" not in result.err
    return result.err_lines[0]


@pytest.fixture
def decision(initialised: Cli) -> tuple[str, str]:
    case = initialised("case", "add", "Extradition of P. Fictionova").out.strip()
    event = initialised("event", "add", case, "Decision", "--date", "2025-08-14",
                        "--type", "decision").out.strip()  # fmt: skip
    return case, event


@pytest.mark.parametrize("days", ["3000000", "-800000", HUGE, "3651", "-3651"])
def test_deadline_offset_beyond_ten_years_is_refused(
    initialised: Cli, decision: tuple[str, str], vault_dir: Path, days: str
) -> None:
    case, event = decision
    before = snapshot(vault_dir)
    line = _refused(
        initialised("deadline", "add", case, "Appeal", "--from", event[:8], f"--days={days}")
    )
    assert "3650" in line
    assert snapshot(vault_dir) == before


def test_deadline_offset_at_the_limit_is_accepted(initialised: Cli, decision) -> None:
    case, event = decision
    result = initialised("deadline", "add", case, "Far", "--from", event[:8], "--days", "3650")
    assert result.code == 0, result.err


@pytest.mark.parametrize("lead", [HUGE, "1000000000", "366", "-1"])
def test_reminder_lead_beyond_a_year_is_refused(initialised: Cli, decision, lead: str) -> None:
    case, _event = decision
    _refused(initialised("deadline", "add", case, "Appeal", "--due", "2025-09-01",
                         f"--lead={lead}"))  # fmt: skip
    listed = json.loads(initialised("deadline", "list", "--json").out)
    assert listed == []


def test_event_order_out_of_range_is_refused(initialised: Cli, decision) -> None:
    case, _event = decision
    _refused(initialised("event", "add", case, "Hearing", "--date", "2025-08-14", "--order", HUGE))


@pytest.mark.parametrize(
    "argv",
    [
        ("case", "list", "--limit", HUGE),
        ("audit", "--limit", HUGE),
        ("search", "Fictionova", "--limit", HUGE),
        ("person", "list", "--limit", HUGE),
        ("case", "list", "--limit", "-1"),
    ],
)
def test_listing_limit_out_of_range_is_refused(initialised: Cli, decision, argv) -> None:
    _refused(initialised(*argv))


@pytest.mark.parametrize("bad", ["2025-08-14T10:30:61+00:00", "2025-08-14T10:30+03:99"])
def test_a_time_with_an_impossible_second_or_zone_is_refused(
    initialised: Cli, decision, bad: str
) -> None:
    case, _event = decision
    _refused(initialised("event", "add", case, "Hearing", "--date", bad))


@pytest.mark.parametrize(
    ("count", "days"), [("months", "121"), ("weeks", "-521"), ("working", HUGE)]
)
def test_an_offset_beyond_ten_years_in_its_unit_is_refused(
    initialised: Cli, decision: tuple[str, str], count: str, days: str
) -> None:
    case, event = decision
    _refused(initialised("deadline", "add", case, "Appeal", "--from", event[:8],
                         f"--days={days}", "--count", count))  # fmt: skip
    assert json.loads(initialised("deadline", "list", "--json").out) == []
