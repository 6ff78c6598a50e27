"""`satchel person list --text` and `satchel case list --text` find names in any spelling,
and the command line decides a name's script by the same rule as the client."""

from __future__ import annotations

import json

import pytest
from tests.cli.conftest import Cli


def _id(out: str) -> str:
    return json.loads(out)["id"] if out.lstrip().startswith("{") else out.split()[-1]


@pytest.fixture
def people(initialised: Cli) -> Cli:
    cli = initialised
    assert cli("person", "add", "Журавлёва Анна Сергеевна").code == 0
    assert cli("person", "add", "Щёголев Пётр").code == 0
    assert cli("person", "add", "Петрова Ольга").code == 0
    assert cli("case", "add", "Экстрадиция Журавлёвой", "--type", "extradition").code == 0
    assert cli("case", "add", "Asylum claim of Petrova").code == 0
    return cli


def _names(cli: Cli, *argv: str) -> list[str]:
    result = cli(*argv, "--json")
    assert result.code == 0, result.err
    return [p["names"][0]["text"] if "names" in p else p["title"] for p in json.loads(result.out)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Zhuravleva", ["Журавлёва Анна Сергеевна"]),
        ("Žuravljova", ["Журавлёва Анна Сергеевна"]),
        ("Журавлева", ["Журавлёва Анна Сергеевна"]),  # Е typed for Ё
        ("Zhuravl", ["Журавлёва Анна Сергеевна"]),  # as far as typed
        ("Schtschogolew", ["Щёголев Пётр"]),  # German
        ("Chtchogolev", ["Щёголев Пётр"]),  # French
        ("Szczogolew", ["Щёголев Пётр"]),  # Polish
        ("Pjotr", ["Петрова Ольга", "Щёголев Пётр"]),  # each word typed is a prefix
        ("Piotr", ["Петрова Ольга", "Щёголев Пётр"]),
        ("anna zhur", ["Журавлёва Анна Сергеевна"]),
        ("Sidorova", []),
    ],
)
def test_person_list_text_finds_a_name_in_any_spelling(
    people: Cli, typed: str, expected: list[str]
) -> None:
    assert _names(people, "person", "list", "--text", typed) == expected


def test_one_sound_typed_is_a_prefix(people: Cli) -> None:
    # `Shch` folds to the one letter `s`, as Щ, Ш and С do: it finds every name with a word
    # starting with one of them (Сергеевна too), and the next letter narrows it.
    for typed in ("Shch", "Sch", "Щ"):
        assert "Щёголев Пётр" in _names(people, "person", "list", "--text", typed), typed
    assert _names(people, "person", "list", "--text", "Shchyog") == ["Щёголев Пётр"]
    assert _names(people, "person", "list", "--text", "Zh") == ["Журавлёва Анна Сергеевна"]


def test_case_list_text_finds_a_name_in_the_title_in_any_spelling(people: Cli) -> None:
    assert _names(people, "case", "list", "--text", "Zhuravlyovoy") == ["Экстрадиция Журавлёвой"]
    assert _names(people, "case", "list", "--text", "Журавлевой") == ["Экстрадиция Журавлёвой"]
    assert _names(people, "case", "list", "--text", "Петрова") == ["Asylum claim of Petrova"]
    assert _names(people, "case", "list", "--text", "Sidorova") == []


def test_text_filter_still_finds_a_substring_as_typed(people: Cli) -> None:
    assert _names(people, "person", "list", "--text", "равл") == ["Журавлёва Анна Сергеевна"]


def test_the_script_of_a_name_is_that_of_most_of_its_letters(initialised: Cli) -> None:
    cli = initialised
    for name in ("Ivan Ivanov (Иван)", "Иван Иванов (Ivan)"):
        assert cli("person", "add", name).code == 0
    scripts = {
        p["names"][0]["text"]: p["names"][0]["script"]
        for p in json.loads(cli("person", "list", "--json").out)
    }
    assert scripts == {"Ivan Ivanov (Иван)": "latin", "Иван Иванов (Ivan)": "cyrillic"}
