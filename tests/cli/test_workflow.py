"""A lawyer's day through the command line: a vault, a case, a client with a Cyrillic name,
a chronology with an uncertain date, a deadline, a document in and out, and search."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, Cli

CASE_KEYS = {
    "id", "created_at", "updated_at", "origin_vault", "versions", "title", "case_type",
    "status", "risk", "jurisdiction", "authority", "summary", "references", "tags", "opened",
    "closed",
}  # fmt: skip
PERSON_KEYS = {
    "id", "created_at", "updated_at", "origin_vault", "versions", "kind", "names",
    "birth_date", "citizenships", "documents", "contacts", "notes",
}  # fmt: skip
EVENT_KEYS = {
    "id", "created_at", "updated_at", "origin_vault", "versions", "case_id", "event_type",
    "title", "date", "day_order", "description", "person_ids", "document_ids", "key_fact",
    "source", "source_quote", "fact_status", "deadline",
}  # fmt: skip


def _id(result_out: str) -> str:
    return result_out.strip().splitlines()[-1]


def test_init_prints_the_recovery_code_once_and_it_opens_the_vault(
    cli: Cli, tmp_path: Path
) -> None:
    result = cli("init", "--json")
    assert result.code == 0, result.err
    code = json.loads(result.out)["recovery_code"]
    recovery_file = tmp_path / "recovery"
    recovery_file.write_text(code + "\n")
    assert cli("case", "list", passphrase=recovery_file).code == 0


def test_init_refuses_an_existing_vault(initialised: Cli) -> None:
    result = initialised("init")
    assert result.code == 3
    assert len(result.err_lines) == 1 and "already a vault" in result.err


def test_case_person_event_and_search_across_transliterations(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Экстрадиция в Россию", "--type", "extradition",
                   "--ref", "court:1-234/2025", "--tag", "urgent").out)  # fmt: skip
    person = _id(cli("person", "add", "Емельянова Анна Сергеевна",
                     "--alias", "EMELIANOVA ANNA:latin:passport",
                     "--contact", "signal:+49 151 000000:main", "--doc", "passport:75 1234567",
                     "--born", "1987-03").out)  # fmt: skip
    assert cli("role", "add", case[:8], person[:8], "client").code == 0
    added = cli("event", "add", case[:8], "Arrest at the airport", "--date", "2025-08",
                "--type", "arrest", "--person", person[:8], "--key-fact",
                "--source", "Border guard report", "--quote", "Detained at 06:40").out  # fmt: skip
    event = _id(added)

    listed = cli("event", "list", case[:8])
    assert "Aug 2025" in listed.out  # a month stays a month
    assert "arrest" in listed.out

    for spelling in ("Yemelyanova", "Emelianova", "Емельянова", "emel"):
        hits = json.loads(cli("search", spelling, "--json").out)
        assert any(h["kind"] == "person" and h["record_id"] == person for h in hits), spelling

    shown = json.loads(cli("case", "show", case[:8], "--json").out)
    assert shown["case"]["id"] == case
    assert shown["people"][0]["name"] == "Емельянова Анна Сергеевна"
    assert shown["people"][0]["role"] == "client"

    events = json.loads(cli("event", "list", case, "--json").out)
    assert [e["id"] for e in events] == [event]
    assert events[0]["date"] == "2025-08"
    assert events[0]["person_ids"] == [person]


def test_json_listings_keep_their_documented_shape(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Asylum claim").out)
    cli("person", "add", "Ivan Petrov")
    cli("event", "add", case, "Interview", "--date", "~2025-05")

    cases = json.loads(cli("case", "list", "--json").out)
    assert set(cases[0]) == CASE_KEYS
    people = json.loads(cli("person", "list", "--json").out)
    assert set(people[0]) == PERSON_KEYS
    assert people[0]["names"][0] == {
        "text": "Ivan Petrov", "script": "latin", "source": "", "primary": True,
    }  # fmt: skip
    events = json.loads(cli("event", "list", case, "--json").out)
    assert set(events[0]) == EVENT_KEYS
    assert events[0]["date"] == "~2025-05"
    deadlines = json.loads(cli("deadline", "list", "--json").out)
    assert deadlines == []
    audit = json.loads(cli("audit", "--json").out)
    assert set(audit[0]) == {
        "seq", "at", "action", "record_kind", "record_id", "summary", "actor", "case_id"
    }  # fmt: skip


def test_deadline_counted_from_a_decision_and_marked_done(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Extradition").out)
    decided = date.today() - timedelta(days=8)
    decision = _id(cli("event", "add", case, "Extradition admissible", "--type", "decision",
                       "--date", decided.isoformat()).out)  # fmt: skip
    deadline = _id(cli("deadline", "add", case, "Appeal due", "--from", decision[:8],
                       "--days", "10", "--lead", "3").out)  # fmt: skip

    [due] = json.loads(cli("deadline", "list", "--json").out)
    assert due["id"] == deadline
    assert due["due"] == (decided + timedelta(days=10)).isoformat()
    assert due["urgency"] == "within_3_days"
    assert due["deadline"]["computed_from"] == decision

    assert cli("deadline", "done", deadline[:8]).code == 0
    assert json.loads(cli("deadline", "list", "--json").out) == []
    [done] = json.loads(cli("deadline", "list", "--all", "--json").out)
    assert done["urgency"] == "done"


def test_note_from_stdin_and_markdown_flag(initialised: Cli, tmp_path: Path) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Detention review").out)
    body = tmp_path / "note.md"
    body.write_text("## Plan\n\n- ask for release\n", encoding="utf-8")
    assert cli("note", "add", case, "--file", str(body), "--markdown").code == 0
    assert cli("note", "add", case, stdin="Call with the mother.").code == 0
    hits = json.loads(cli("search", "release", "--json").out)
    assert any(h["kind"] == "note" for h in hits)


def test_document_goes_in_and_comes_back_identical(initialised: Cli, tmp_path: Path) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Deportation").out)
    original = tmp_path / "decision.pdf"
    original.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 1000)
    doc = _id(cli("doc", "add", case, str(original), "--source", "court registry").out)

    [listed] = json.loads(cli("doc", "list", case, "--json").out)
    assert listed["filename"] == "decision.pdf"
    assert listed["size"] == original.stat().st_size

    copy = tmp_path / "copy.pdf"
    assert cli("doc", "get", doc[:8], "-o", str(copy)).code == 0
    assert copy.read_bytes() == original.read_bytes()

    again = cli("doc", "get", doc[:8], "-o", str(copy))
    assert again.code == 10 and "already exists" in again.err
    copy.write_bytes(b"changed")
    assert cli("doc", "get", doc[:8], "-o", str(copy), "--force").code == 0
    assert copy.read_bytes() == original.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".satchel-")]


def test_passwd_changes_the_passphrase_and_old_one_stops_working(
    initialised: Cli, tmp_path: Path
) -> None:
    cli = initialised
    new = tmp_path / "new"
    new.write_text("a brand new passphrase\n")
    assert cli("passwd", "--new-passphrase-file", str(new)).code == 0
    assert cli("case", "list").code == 2
    assert cli("case", "list", passphrase=new).code == 0
    # Scripted through stdin: current passphrase on the first line, new one on the second.
    result = cli("passwd", "--passphrase-file", "-",
                 stdin=f"a brand new passphrase\n{PASSPHRASE}\n", passphrase=None)  # fmt: skip
    assert result.code == 0, result.err
    assert cli("case", "list").code == 0


def test_recovery_regenerate_replaces_the_code(initialised: Cli, tmp_path: Path) -> None:
    cli = initialised
    code = json.loads(cli("recovery", "regenerate", "--json").out)["recovery_code"]
    recovery = tmp_path / "code"
    recovery.write_text(code)
    assert cli("case", "list", passphrase=recovery).code == 0


def test_case_edit_and_close(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Criminal defence", "--opened", "2025-01-10").out)
    assert cli("case", "edit", case, "--risk", "critical", "--title", "Defence of K.").code == 0
    assert cli("case", "close", case, "--on", "2025-09-01").code == 0
    [shown] = json.loads(cli("case", "list", "--status", "closed", "--json").out)
    assert (shown["title"], shown["risk"], shown["closed"]) == (
        "Defence of K.",
        "critical",
        "2025-09-01",
    )


def test_demo_creates_a_vault_prints_its_code_and_fills_it(cli: Cli) -> None:
    result = cli("demo", "--cases", "2", "--seed", "3")
    assert result.code == 0, result.err
    assert "Recovery code" in result.out
    cases = json.loads(cli("case", "list", "--json").out)
    assert {c["case_type"] for c in cases} == {"extradition", "deportation"}
    # Run again on the existing vault: it unlocks it and adds, asking no new passphrase.
    again = cli("demo", "--cases", "1", "--seed", "4")
    assert again.code == 0, again.err
    assert "Recovery code" not in again.out
    assert len(json.loads(cli("case", "list", "--json").out)) == 3


def test_satchel_vault_environment_variable_names_the_vault(
    initialised: Cli, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SATCHEL_VAULT", str(vault_dir))
    assert initialised("case", "add", "Found through the environment", vault=None).code == 0
    listed = initialised("case", "list", "--json", vault=None)
    assert [c["title"] for c in json.loads(listed.out)] == ["Found through the environment"]


def test_options_may_follow_the_command(
    initialised: Cli, vault_dir: Path, passphrase_file: Path
) -> None:
    result = initialised("case", "list", "--vault", str(vault_dir), "--passphrase-file",
                         str(passphrase_file), vault=None, passphrase=None)  # fmt: skip
    assert result.code == 0, result.err


def test_no_command_without_a_display_is_one_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    result = cli(passphrase=None)
    assert result.code == 1
    assert result.err_lines == [
        "satchel: no display to open the desktop client on; the command line works: satchel --help"
    ]


def test_text_output_shows_dates_in_words_and_people_with_every_name(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Asylum claim", "--type", "asylum").out)
    person = _id(cli("person", "add", "Юдина Дарья", "--alias", "Darya Yudina:latin:press",
                     "--contact", "telegram:@dy_00:mother's phone").out)  # fmt: skip
    cli("role", "add", case, person, "client")
    cli("event", "add", case, "Left Russia", "--date", "<2024-03", "--status", "unsure")
    cli("event", "add", case, "Interview", "--date", "2025-05-03T09:00+02:00")

    events = cli("event", "list", case).out
    assert "before Mar 2024" in events and "unsure" in events
    assert "3 May 2025, 09:00 UTC+2" in events
    shown = cli("person", "show", person).out
    assert "Darya Yudina (latin, press)" in shown
    assert "telegram: @dy_00 (mother's phone)" in shown
    assert "client" in shown and "Asylum claim" in shown


def test_audit_of_one_record_lists_its_changes(initialised: Cli) -> None:
    cli = initialised
    case = _id(cli("case", "add", "Detention review").out)
    cli("case", "edit", case, "--risk", "high")
    cli("case", "add", "Another case")
    lines = json.loads(cli("audit", "--record", case[:8], "--json").out)
    assert [e["action"] for e in lines] == ["create", "update"]
    assert {e["record_id"] for e in lines} == {case}
