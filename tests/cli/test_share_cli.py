"""`satchel share` and `satchel exchange` as two lawyers use them from a shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import Cli


@pytest.fixture
def lawyers(cli: Cli, tmp_path: Path) -> tuple[Path, Path, Path]:
    """Anna's and Boris's vaults, each knowing the other's verified card, and one exchange
    folder both point at (automatic import on)."""
    a, b, shared = tmp_path / "anna", tmp_path / "boris", tmp_path / "Exchange"
    shared.mkdir()
    for folder, name in ((a, "Anna Fictional"), (b, "Boris Fictional")):
        assert cli("init", vault=folder).code == 0
        assert cli("identity", "rename", name, vault=folder).code == 0
    cards = {a: cli("identity", "card", vault=a).out, b: cli("identity", "card", vault=b).out}
    for me, other in ((a, b), (b, a)):
        assert cli("colleague", "add", "--text", cards[other], vault=me).code == 0
        cid = json.loads(cli("colleague", "list", "--json", vault=me).out)[0]["id"]
        assert cli("colleague", "verify", cid, "--yes", vault=me).code == 0
        done = cli("exchange", "folder", str(shared), "--auto-import", "on", vault=me)
        assert done.code == 0 and "on (verified" in done.out
    return a, b, shared


def test_share_and_sync_carry_a_case_and_an_edit_back(cli: Cli, lawyers) -> None:
    a, b, shared = lawyers
    case = json.loads(cli("case", "add", "Asylum appeal of Lena Fictional", "--json", vault=a).out)[
        "id"
    ]
    added = cli("share", "add", case[:8], "Boris Fictional", vault=a)
    assert added.code == 0 and "Shared case" in added.out
    assert "already shared" in cli("share", "add", case, "Boris Fictional", vault=a).out

    sent = cli("exchange", "sync", "--settle", "0.2", vault=a)
    assert sent.code == 0 and "Sent" in sent.out and "Boris Fictional" in sent.out
    took = cli("exchange", "sync", "--settle", "0.2", vault=b)
    assert took.code == 0 and "Imported satchel-" in took.out and "1 new" in took.out
    assert cli("case", "show", case, vault=b).code == 0

    assert (
        cli("case", "edit", case, "--title", "Asylum appeal of Lena Fictional (ECHR)", vault=b).code
        == 0
    )
    assert "Sent" in cli("exchange", "sync", "--settle", "0.2", vault=b).out
    assert "1 changed" in cli("exchange", "sync", "--settle", "0.2", vault=a).out
    assert "(ECHR)" in cli("case", "show", case, vault=a).out
    assert list(shared.iterdir()) == []

    listed = json.loads(cli("share", "list", case, "--json", vault=a).out)
    assert [s["colleague"] for s in listed] == ["Boris Fictional"]
    assert listed[0]["last_sent_at"] and listed[0]["last_received_at"]
    table = cli("share", "list", vault=a).out
    assert "LAST SENT" in table and "(ECHR)" in table
    assert "Nothing to send" in cli("exchange", "sync", "--settle", "0", vault=a).out

    resend = cli("share", "resend", listed[0]["id"][:8], vault=a)
    assert resend.code == 0 and "whole case" in resend.out
    assert "Sent" in cli("exchange", "sync", "--settle", "0", vault=a).out

    removed = cli("share", "remove", listed[0]["id"], vault=a)
    assert removed.code == 0 and cli("share", "list", vault=a).out.startswith("Not shared")


def test_share_send_writes_changes_only_and_full_on_request(cli: Cli, lawyers, tmp_path) -> None:
    a, _b, _shared = lawyers
    case = json.loads(cli("case", "add", "Custody of Mira Fictional", "--json", vault=a).out)["id"]
    refused = cli(
        "share",
        "send",
        "--case",
        case,
        "--to",
        "Boris Fictional",
        "-o",
        str(tmp_path / "x.satchel"),
        vault=a,
    )
    assert refused.code == 8 and "not shared with Boris Fictional" in refused.err
    assert cli("share", "add", case, "Boris Fictional", vault=a).code == 0
    first = cli(
        "share",
        "send",
        "--case",
        case,
        "--to",
        "Boris Fictional",
        "-o",
        str(tmp_path / "1.satchel"),
        vault=a,
    )
    assert first.code == 0 and "1 case" in first.out
    none = cli(
        "share",
        "send",
        "--case",
        case,
        "--to",
        "Boris Fictional",
        "-o",
        str(tmp_path / "2.satchel"),
        vault=a,
    )
    assert none.code == 0 and "Nothing changed" in none.out
    assert not (tmp_path / "2.satchel").exists()
    full = cli(
        "share",
        "send",
        "--case",
        case,
        "--to",
        "Boris Fictional",
        "--full",
        "-o",
        str(tmp_path / "3.satchel"),
        vault=a,
    )
    assert full.code == 0 and "1 case" in full.out


def test_exchange_errors_are_one_line(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    cli("init", vault=folder)
    no_folder = cli("exchange", "sync", vault=folder)
    assert no_folder.code == 8 and len(no_folder.err_lines) == 1
    assert "No exchange folder is set" in no_folder.err
    missing = cli("exchange", "folder", str(tmp_path / "nowhere"), vault=folder)
    assert missing.code == 10 and len(missing.err_lines) == 1
    assert "Nothing waits" in cli("exchange", "list", vault=folder).out
    bad = cli("exchange", "import", "satchel-nothing.satchel", vault=folder)
    assert bad.code == 7 and len(bad.err_lines) == 1
