"""`satchel travel start|status|restore` as a user runs it, and the issue's check: two
cases left behind leave no trace in any page (free pages included) or file of the vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, Cli
from tests.core.raw_pages import decrypted_pages, found_in

from satchel.core.vault import Vault
from satchel.errors import WrongPassphrase

CANARIES = ["Wendeline Strathcarrow appeal", "Korvin Eastlake-Rimsky", "Hollowmere ferry logs",
            "Tamsin Oakhurst custody", "Жозефина Кравец-Дюбуа"]  # fmt: skip


def _id(result) -> str:
    assert result.code == 0, result.err
    return result.out.strip().splitlines()[-1].split()[0]


def _add(cli: Cli) -> dict[str, str]:
    left1 = _id(cli("case", "add", CANARIES[0]))
    left2 = _id(cli("case", "add", CANARIES[3]))
    kept = _id(cli("case", "add", "Granary lease renewal"))
    korvin = _id(cli("person", "add", CANARIES[1]))
    josephine = _id(cli("person", "add", CANARIES[4]))
    assert cli("role", "add", left1, korvin, "client").code == 0
    assert cli("role", "add", left2, josephine, "client").code == 0
    assert cli("note", "add", left1, "--text", "Check the " + CANARIES[2]).code == 0
    return {"left1": left1, "left2": left2, "kept": kept}


def test_travel_start_status_restore(initialised: Cli, vault_dir: Path, tmp_path: Path):
    cli = initialised
    ids = _add(cli)
    shown_before = {i: json.loads(cli("case", "show", i, "--json").out) for i in ids.values()}
    assert "No trip is on." in cli("travel", "status").out

    out = tmp_path / "away.satchel"
    result = cli("travel", "start", "--carry", ids["kept"], "--out", str(out))
    assert result.code == 0, result.err
    assert "same laptop" in result.out and "New recovery code:" in result.out
    code = result.out.split("New recovery code:")[1].split()[0]

    # The unlocked vault: every page (free pages included) under its new key, every file.
    vault = Vault.unlock(vault_dir, PASSPHRASE)
    try:
        pages = b"".join(decrypted_pages(vault_dir / "vault.db", bytes(vault._key.view())))
    finally:
        vault.close()
    assert found_in(pages, CANARIES) == []
    files = b"".join(p.read_bytes() for p in vault_dir.rglob("*") if p.is_file())
    assert found_in(files, CANARIES) == []
    assert Vault.unlock(vault_dir, code).close() is None
    status = json.loads(cli("travel", "status", "--json").out)
    assert status["travelling"] is True and status["since"]
    assert [c["title"] for c in json.loads(cli("case", "list", "--json").out)] == [
        "Granary lease renewal"
    ]

    restored = cli("travel", "restore", str(out))
    assert restored.code == 0, restored.err
    assert "7 new" in restored.out  # 2 cases, 2 people, 2 roles and a note
    for i, before in shown_before.items():
        assert json.loads(cli("case", "show", i, "--json").out) == before
    assert "No trip is on." in cli("travel", "status").out


def test_refusals_are_one_line_and_change_nothing(initialised: Cli, vault_dir: Path, tmp_path):
    cli = initialised
    ids = _add(cli)
    inside = cli("travel", "start", "--carry", ids["kept"], "--out", str(vault_dir / "t.satchel"))
    assert inside.code != 0 and len(inside.err_lines) == 1 and "outside the vault" in inside.err
    every = cli("travel", "start", "--carry", *ids.values(), "--out", str(tmp_path / "t.satchel"))
    assert every.code != 0 and "nothing would be left behind" in every.err
    assert not (tmp_path / "t.satchel").exists()
    assert len(json.loads(cli("case", "list", "--json").out)) == 3
    restore = cli("travel", "restore", str(tmp_path / "missing.satchel"))
    assert restore.code != 0 and len(restore.err_lines) == 1


def test_old_recovery_code_stops_working(cli: Cli, vault_dir: Path, tmp_path: Path):
    init = cli("init", "--json")
    old = json.loads(init.out)["recovery_code"]
    _add(cli)
    assert cli("travel", "start", "--out", str(tmp_path / "all.satchel")).code == 0
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_dir, old)
    assert cli("case", "list", "--json").out.strip() == "[]"
