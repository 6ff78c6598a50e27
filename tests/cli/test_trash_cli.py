"""`satchel ... delete` and `satchel trash`: delete into the trash, list, restore, empty, with
the documented exit statuses."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli


def _id(out: str) -> str:
    return out.strip().splitlines()[-1]


def test_delete_restore_and_empty_through_the_command_line(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Asylum appeal of Leyla Kasymova").out)
    person = _id(cli("person", "add", "Leyla Kasymova").out)
    assert cli("role", "add", case[:8], person[:8], "client").code == 0
    event = _id(cli("event", "add", case[:8], "Interview at the migration service",
                    "--person", person[:8]).out)  # fmt: skip
    note = _id(cli("note", "add", case[:8], "--text", "Bring the birth certificate").out)

    assert cli("event", "delete", event[:8]).out.strip() == event
    assert cli("note", "delete", note).code == 0
    assert cli("person", "delete", person[:8]).code == 0
    assert json.loads(cli("event", "list", case, "--json").out) == []
    hits = json.loads(cli("search", "Kasymova", "--json").out)
    assert {h["kind"] for h in hits} == {"case"}  # the person and their event are gone
    listed = json.loads(cli("trash", "list", "--json").out)
    assert [(e["kind"], e["id"]) for e in listed] == [
        ("person", person), ("note", note), ("event", event)
    ]  # fmt: skip
    assert all(e["deleted_by"] == "" for e in listed)

    # The event comes back; the person it named is still in the trash, so it says so.
    restored = cli("trash", "restore", event[:8])
    assert restored.code == 0, restored.err
    assert "not restored" in restored.out
    assert [e["id"] for e in json.loads(cli("event", "list", case, "--json").out)] == [event]
    restored = cli("trash", "restore", person[:8])
    assert restored.code == 0 and "not restored" not in restored.out

    # Emptying is final and asks for --yes; then nothing comes back.
    refused = cli("trash", "empty")
    assert refused.code == 8 and len(refused.err_lines) == 1 and "--yes" in refused.err
    assert cli("trash", "empty", "--yes").code == 0
    assert json.loads(cli("trash", "list", "--json").out) == []
    gone = cli("trash", "restore", note)
    assert gone.code == 7 and len(gone.err_lines) == 1


def test_deleting_what_is_not_there_is_an_unknown_id(initialised: Cli) -> None:
    result = initialised("event", "delete", "0123456789")
    assert result.code == 7
    assert result.err_lines == [result.err_lines[0]] and "satchel:" in result.err
