"""`satchel deadline add --count/--rule`: counted deadlines that roll off non-working days."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli


def _id(out: str) -> str:
    return out.strip().splitlines()[-1]


def _decision(cli: Cli, day: str, jurisdiction: str = "") -> tuple[str, str]:
    extra = ["--jurisdiction", jurisdiction] if jurisdiction else []
    case = _id(cli("case", "add", "Extradition of Timur Aliev", *extra).out)
    decision = _id(cli("event", "add", case, "Decision", "--type", "decision", "--date", day).out)
    return case, decision


def test_fifteen_days_from_friday_27_november_2026_under_the_russian_rule(
    initialised: Cli,
) -> None:
    cli = initialised
    case, decision = _decision(cli, "2026-11-27")
    result = cli("deadline", "add", case, "Appeal due", "--from", decision[:8], "--days", "15",
                 "--count", "calendar", "--rule", "RU", "--json")  # fmt: skip
    assert result.code == 0, result.err
    added = json.loads(result.out)
    assert added["due"] == "2026-12-14"
    assert added["original_due"] == "2026-12-12"
    assert added["rolled"] is True
    assert added["rollover_reason"] == "weekend"
    assert (added["rule"], added["unit"]) == ("RU", "calendar_days")
    assert added["event_type"] == "deadline"

    listing = cli("deadline", "list").out
    assert "14 Dec 2026" in listing
    assert "Sat 12 Dec → Mon 14 Dec, weekend" in listing


def test_the_rule_defaults_to_the_cases_jurisdiction_and_names_the_holiday(
    initialised: Cli,
) -> None:
    cli = initialised
    case, decision = _decision(cli, "2026-12-22", jurisdiction="Russia")
    added = json.loads(
        cli("deadline", "add", case, "Reply", "--from", decision, "--days", "10", "--json").out
    )
    assert added["rule"] == "RU"
    assert (added["original_due"], added["due"]) == ("2027-01-01", "2027-01-11")
    assert added["rollover_reason"] == "New Year Holidays"


def test_months_and_working_days(initialised: Cli) -> None:
    cli = initialised
    case, decision = _decision(cli, "2028-01-31")
    month = json.loads(cli("deadline", "add", case, "Appeal", "--from", decision, "--days", "1",
                           "--count", "months", "--rule", "none", "--json").out)  # fmt: skip
    assert (month["due"], month["rolled"], month["rollover_reason"]) == ("2028-02-29", False, None)
    case, decision = _decision(cli, "2026-12-25")
    working = json.loads(cli("deadline", "add", case, "Reply", "--from", decision, "--days", "5",
                             "--count", "working", "--rule", "RU", "--json").out)  # fmt: skip
    assert working["due"] == "2027-01-12"


def test_the_echr_rule_keeps_a_saturday(initialised: Cli) -> None:
    cli = initialised
    case, decision = _decision(cli, "2026-11-27", jurisdiction="Russia")
    added = json.loads(cli("deadline", "add", case, "Strasbourg", "--from", decision, "--days",
                           "15", "--rule", "ECHR", "--json").out)  # fmt: skip
    assert (added["due"], added["rolled"]) == ("2026-12-12", False)


def test_an_unknown_rule_is_one_line_with_exit_status_8_and_nothing_added(
    initialised: Cli,
) -> None:
    cli = initialised
    case, decision = _decision(cli, "2026-11-27")
    bad = cli("deadline", "add", case, "Appeal", "--from", decision, "--days", "15",
              "--rule", "Narnia")  # fmt: skip
    assert bad.code == 8
    assert bad.err_lines == [bad.err_lines[0]] and "Unknown deadline rule" in bad.err
    assert json.loads(cli("deadline", "list", "--json").out) == []
    due = cli("deadline", "add", case, "Reply", "--due", "2026-12-12", "--rule", "RU")
    assert due.code == 8 and "go with --from" in due.err


def test_an_event_added_with_type_deadline_is_a_pending_deadline(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Asylum").out)
    cli("event", "add", case, "Reply to the ministry", "--type", "deadline", "--date", "2030-01-10")
    [due] = json.loads(cli("deadline", "list", "--json").out)
    assert due["title"] == "Reply to the ministry"
    assert due["deadline"]["status"] == "pending"
