"""`satchel identity`, `colleague`, `bundle` and `conflict` as two lawyers use them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.cli.conftest import Cli, snapshot


@pytest.fixture
def lawyers(cli: Cli, tmp_path: Path) -> tuple[Path, Path]:
    """Two initialised vaults, Anna's and Boris's, that know each other's (verified) cards."""
    a, b = tmp_path / "anna", tmp_path / "boris"
    for folder, name in ((a, "Anna Fictional"), (b, "Boris Fictional")):
        assert cli("init", vault=folder).code == 0
        assert cli("identity", "rename", name, vault=folder).code == 0
    card_a = cli("identity", "card", vault=a).out
    card_b = cli("identity", "card", vault=b).out
    assert cli("colleague", "add", "-", stdin=card_b, vault=a).code == 0
    boris_id = json.loads(cli("colleague", "list", "--json", vault=a).out)[0]["id"]
    assert cli("colleague", "verify", boris_id, "--yes", vault=a).code == 0
    assert cli("colleague", "add", "--text", card_a, vault=b).code == 0
    return a, b


def _new_case(cli: Cli, vault: Path) -> str:
    out = cli("case", "add", "Asylum appeal of Lena Fictional", "--json", vault=vault)
    assert out.code == 0, out.err
    return json.loads(out.out)["id"]


def test_identity_card_and_fingerprint_are_shown(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    cli("init", vault=folder)
    shown = cli("identity", "show", vault=folder)
    assert shown.code == 0
    assert re.search(r"(\d{5} ){3}\d{5}", shown.out)
    qr = tmp_path / "card.svg"
    card = cli("identity", "card", "--qr", str(qr), vault=folder)
    assert card.out.startswith("SATCHEL-CARD-1\n") and qr.read_text().startswith("<?xml")


def test_export_age_key_warns_on_stderr(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    cli("init", vault=folder)
    result = cli("identity", "export-age-key", vault=folder)
    assert result.out.startswith("AGE-SECRET-KEY-1")
    assert "SECRET" in result.err and "AGE-SECRET-KEY" not in result.err


def test_colleague_key_change_is_loud_and_resets_verification(
    cli: Cli, lawyers: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _b = lawyers
    impostor = tmp_path / "impostor"
    cli("init", vault=impostor)
    cli("identity", "rename", "Boris Fictional", vault=impostor)
    result = cli(
        "colleague", "add", "-", stdin=cli("identity", "card", vault=impostor).out, vault=a
    )
    assert result.code == 0
    assert "CHANGED" in result.err
    (boris,) = json.loads(cli("colleague", "list", "--json", vault=a).out)
    assert boris["verification"] == "key_changed" and boris["previous_fingerprint"]


def test_bundle_round_trip_on_the_command_line(cli: Cli, lawyers: tuple[Path, Path], tmp_path):
    a, b = lawyers
    case_id = _new_case(cli, a)
    bundle = tmp_path / "out.satchel"
    exported = cli("bundle", "export", "--case", case_id, "--to", "Boris Fictional",
                   "-o", str(bundle), vault=a)  # fmt: skip
    assert exported.code == 0, exported.err

    inspected = cli("bundle", "inspect", str(bundle), vault=b)
    assert inspected.code == 0, inspected.err
    assert "Anna Fictional" in inspected.out and "NOT verified" in inspected.out
    assert "(you)" in inspected.out

    before = snapshot(b)
    refused = cli("bundle", "import", str(bundle), "--yes", vault=b)
    assert refused.code != 0 and "--trust-unknown" in refused.err
    assert snapshot(b) == before

    done = cli("bundle", "import", str(bundle), "--yes", "--trust-unknown", vault=b)
    assert done.code == 0, done.err
    assert "1 new" in done.out or "Imported:" in done.out
    assert cli("case", "show", case_id, vault=b).code == 0

    again = cli("bundle", "import", str(bundle), "--yes", "--trust-unknown", vault=b)
    assert "Nothing to import" in again.out


def test_default_name_carries_no_case_data(
    cli: Cli, lawyers: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _b = lawyers
    case_id = _new_case(cli, a)
    out = tmp_path / "outbox"
    out.mkdir()
    monkeypatch.chdir(out)
    assert cli("bundle", "export", "--case", case_id, "--to", "Boris Fictional", vault=a).code == 0
    (written,) = list(out.iterdir())
    assert re.fullmatch(r"satchel-\d{8}-[a-z]{8}\.satchel", written.name)


def test_passphrase_bundle_for_someone_without_satchel(cli, lawyers, tmp_path) -> None:
    a, b = lawyers
    case_id = _new_case(cli, a)
    bundle = tmp_path / "p.satchel"
    result = cli("bundle", "export", "--case", case_id, "--passphrase", "-o", str(bundle), vault=a)
    assert result.code == 0, result.err
    passphrase = re.search(r"One-time passphrase: (\S+)", result.out)[1]  # type: ignore[index]
    pfile = tmp_path / "bundle-pass"
    pfile.write_text(passphrase + "\n")
    wrong = tmp_path / "wrong-pass"
    wrong.write_text("not-it\n")
    before = snapshot(b)
    bad = cli("bundle", "import", str(bundle), "--yes", "--trust-unknown",
              "--bundle-passphrase-file", str(wrong), vault=b)  # fmt: skip
    assert bad.code == 11 and "wrong passphrase" in bad.err
    assert snapshot(b) == before
    good = cli("bundle", "import", str(bundle), "--yes", "--trust-unknown",
               "--bundle-passphrase-file", str(pfile), vault=b)  # fmt: skip
    assert good.code == 0, good.err


@pytest.mark.skipif(shutil.which("age") is None, reason="the age CLI is not installed")
def test_bundle_opens_with_age_and_the_exported_key(cli, lawyers, tmp_path) -> None:
    a, b = lawyers
    case_id = _new_case(cli, a)
    bundle = tmp_path / "x.satchel"
    cli(
        "bundle", "export", "--case", case_id, "--to", "Boris Fictional", "-o", str(bundle), vault=a
    )
    key = tmp_path / "boris.key"
    key.write_text(cli("identity", "export-age-key", vault=b).out)
    plain = subprocess.run(["age", "-d", "-i", str(key), str(bundle)], capture_output=True,
                           check=True).stdout  # fmt: skip
    listing = subprocess.run(["tar", "t"], input=plain, capture_output=True, check=True).stdout
    names = listing.decode().splitlines()
    assert names[:3] == ["manifest.json", "manifest.sig", "records.jsonl"]
    assert all(re.fullmatch(r"files/[0-9a-f]{64}", n) for n in names[3:])


def test_conflicts_are_listed_shown_and_resolved(cli, lawyers, tmp_path) -> None:
    a, b = lawyers
    case_id = _new_case(cli, a)
    first = tmp_path / "1.satchel"
    cli("bundle", "export", "--case", case_id, "--to", "Boris Fictional", "-o", str(first), vault=a)
    cli("bundle", "import", str(first), "--yes", "--trust-unknown", vault=b)
    cli("colleague", "add", "--text", cli("identity", "card", vault=a).out, vault=b)
    assert cli("case", "edit", case_id, "--title", "Anna's title", vault=a).code == 0
    assert cli("case", "edit", case_id, "--title", "Boris's title", vault=b).code == 0
    back = tmp_path / "2.satchel"
    sent = cli("bundle", "export", "--case", case_id, "--to", "Anna Fictional", "-o", str(back),
               vault=b)  # fmt: skip
    assert sent.code == 0, sent.err
    imported = cli("bundle", "import", str(back), "--yes", "--trust-unknown", vault=a)
    assert "1 conflict" in imported.out
    (conflict,) = json.loads(cli("conflict", "list", "--json", vault=a).out)
    shown = cli("conflict", "show", conflict["id"], vault=a)
    assert "Anna's title" in shown.out and "Boris's title" in shown.out
    assert cli("conflict", "resolve", conflict["id"], "--take", "title", vault=a).code == 0
    assert "Boris's title" in cli("case", "show", case_id, vault=a).out
    assert "No conflicts" in cli("conflict", "list", vault=a).out
