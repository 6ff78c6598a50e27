"""The command line reads dates as the desktop client does: as a lawyer types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import Cli, snapshot


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("около июля 2025", "~2025-07"),
        ("before 3 Mar 2024", "<2024-03-03"),
        ("с 3 по 10 марта 2024", "2024-03-03/2024-03-10"),
        ("14.03.2025", "2025-03-14"),
        ("unknown", "tbd"),
    ],
)
def test_event_date_is_read_as_spoken(initialised: Cli, typed: str, stored: str) -> None:
    case = initialised("case", "add", "Extradition of P. Fictionova").out.strip()
    result = initialised("event", "add", case, "Decision", "--date", typed)
    assert result.code == 0, result.err
    listed = json.loads(initialised("event", "list", case, "--json").out)
    assert [e["date"] for e in listed] == [stored]


@pytest.mark.parametrize(
    ("typed", "says"),
    [("31.02.2025", "No such day"), ("2025-13-01", "No such month"), ("nonsense", "Not a date")],
)
def test_impossible_date_is_refused_in_one_line_and_nothing_is_written(
    initialised: Cli, vault_dir: Path, typed: str, says: str
) -> None:
    case = initialised("case", "add", "Extradition of P. Fictionova").out.strip()
    before = snapshot(vault_dir)
    result = initialised("event", "add", case, "Decision", "--date", typed)
    assert result.code == 8
    assert len(result.err_lines) == 1 and says in result.err_lines[0], result.err
    assert snapshot(vault_dir) == before


def test_birth_date_and_plain_days_take_the_same_forms(initialised: Cli) -> None:
    person = initialised("person", "add", "Pavel Fictionov", "--born", "14 марта 1987")
    assert person.code == 0, person.err
    shown = json.loads(initialised("person", "show", person.out.strip(), "--json").out)
    assert shown["person"]["birth_date"] == "1987-03-14"
    case = initialised("case", "add", "Asylum of P. Fictionov").out.strip()
    assert initialised("case", "edit", case, "--opened", "02.06.2025").code == 0
    refused = initialised("case", "edit", case, "--opened", "June 2025")
    assert refused.code == 8 and "Not a day" in refused.err
