"""`satchel report chronology`: the case's chronology as a PDF from the command line, headless."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, run_satchel
from tests.kdf import FAST_KDF

from satchel.core.dates import FuzzyDate
from satchel.core.model import EventType
from satchel.core.vault import Vault

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture
def case(vault_dir: Path) -> dict[str, str]:
    """A small fictional case in a closed vault (the command opens it itself)."""
    vault, _code = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    try:
        c = vault.cases.create("Deportation of Timur Askarov")
        ids = {"case": c.id}
        for key, title, when, kind in (
            ("request", "Removal order served", "2025-03", EventType.DECISION),
            ("arrest", "Detained at the border post", "2025-02-11T08:15+05:00", EventType.ARREST),
            ("stay", "Stayed with relatives", "2024-10/2025-01", EventType.TRAVEL),
            ("talk", "Call with the consulate", "tbd", EventType.COMMUNICATION),
        ):
            ids[key] = vault.events.create(c.id, title, kind, date=FuzzyDate.parse(when)).id
    finally:
        vault.close()
    return ids


def text_of(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def test_report_is_written_headless_in_english(qapp, cli, case, tmp_path):
    out = tmp_path / "chronology.pdf"
    result = cli("report", "chronology", "--case", case["case"][:8], "-o", str(out))
    assert result.code == 0, result.err
    assert "NOT encrypted" in result.err
    text = text_of(out)
    order = [
        text.find(t)
        for t in (
            "Stayed with relatives",
            "Detained at the border post",
            "Removal order served",
            "Call with the consulate",
        )
    ]
    assert -1 not in order and order == sorted(order)
    for honest in ("Oct 2024 – Jan 2025", "11 Feb 2025, 08:15 UTC+5", "Mar 2025", "TBD"):
        assert honest in text, honest


def test_report_in_russian_from_a_process_without_a_display(
    case, vault_dir, passphrase_file, tmp_path
):
    out = tmp_path / "хронология.pdf"
    # No display of any kind: the command must pick Qt's offscreen platform itself.
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = run_satchel(
        "report",
        "chronology",
        "--vault",
        str(vault_dir),
        "--passphrase-file",
        str(passphrase_file),
        "--case",
        case["case"],
        "--lang",
        "ru",
        "-o",
        str(out),
        env=env,
    )
    assert result.code == 0, result.err
    text = text_of(out)
    for expected in (
        "Хронология",
        "окт. 2024 – янв. 2025",
        "март 2025",
        "дата не определена",
        "Страница 1 из 1",
    ):
        assert expected in text, expected


def test_a_chosen_subset_of_events(qapp, cli, case, tmp_path):
    out = tmp_path / "part.pdf"
    result = cli(
        "report", "chronology", "--case", case["case"], "--event", case["arrest"], "-o", str(out)
    )
    assert result.code == 0, result.err
    text = text_of(out)
    assert "Detained at the border post" in text
    assert "Removal order served" not in text
    assert "1 of 4 events" in text


def test_an_existing_file_is_never_replaced_without_force(qapp, cli, case, tmp_path):
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"a colleague's file")
    result = cli("report", "chronology", "--case", case["case"], "-o", str(out))
    assert result.code != 0
    assert len(result.err_lines) == 1 and "already exists" in result.err
    assert out.read_bytes() == b"a colleague's file"
    assert cli("report", "chronology", "--case", case["case"], "-o", str(out), "--force").code == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_an_unknown_case_is_one_clear_line(qapp, cli, case, tmp_path):
    out = tmp_path / "none.pdf"
    result = cli("report", "chronology", "--case", "ffffffff", "-o", str(out))
    assert result.code == 7
    assert len(result.err_lines) == 1
    assert not out.exists()
