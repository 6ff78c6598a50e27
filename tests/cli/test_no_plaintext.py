"""What goes in through the command line never lands on disk in plaintext: not in the vault
folder and not in the system temp folder."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

import pytest
from tests.cli.conftest import Cli

# Large files elsewhere in the temp folder (other programs' caches) are not ours to read.
_MAX_SCANNED = 256 * 1024 * 1024


def _files_under(folder: Path) -> list[Path]:
    # os.walk ignores folders that vanish while it walks: other tests share the temp folder.
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            try:
                if not path.is_symlink() and path.stat().st_size <= _MAX_SCANNED:
                    found.append(path)
            except OSError:
                continue  # vanished or unreadable: another program's file
    return found


def _holders(needles: list[bytes], folders: list[Path]) -> list[tuple[str, str]]:
    hits = []
    for folder in folders:
        for path in _files_under(folder):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            hits += [(str(path), n.decode()) for n in needles if n in data]
    return hits


def test_names_notes_and_documents_never_reach_the_disk_in_plaintext(
    initialised: Cli, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = initialised
    # A temp folder of this test's own: whatever Satchel puts in "the temp dir" lands here,
    # and the scan does not wade through what other programs keep in the machine's /tmp.
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    tag = secrets.token_hex(6)
    title = f"Extradition of Quillfeather{tag}"
    name = f"Щеглова{tag} Анна"
    alias = f"Shcheglova{tag}"
    note = f"Safe house on Bramblecourt{tag} street"
    document = f"Passport page of Quillfeather{tag}, number 75 {tag}".encode()

    case = cli("case", "add", title, "--summary", note).out.strip()
    person = cli("person", "add", name, "--alias", alias, "--contact", f"phone:+7{tag}").out
    cli("role", "add", case, person.strip(), "client")
    cli("event", "add", case, f"Arrest of {alias}", "--date", "2025-08", "--quote", note)
    cli("note", "add", case, "--text", note, "--markdown")
    added = cli("doc", "add", case, "-", "--filename", f"{alias}.txt", stdin=document)
    assert added.code == 0, added.err
    assert any(h["record_id"] == person.strip() for h in _search(cli, alias))

    needles = [s.encode() for s in (title, name, alias, note)] + [document, tag.encode()]
    # The vault closed after every command: what is on disk now is all that stays.
    assert tempfile.gettempdir() == str(temp)
    assert _holders(needles, [vault_dir, temp]) == []


def _search(cli: Cli, query: str) -> list[dict[str, str]]:
    import json

    result: list[dict[str, str]] = json.loads(cli("search", query, "--json").out)
    return result
