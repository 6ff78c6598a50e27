"""Files and standard input the user hands to the command line: only regular files are read,
reads are bounded, text must be UTF-8, and only a regular file is ever replaced.

Hostile or mistaken inputs met in an attack: `colleague add /dev/zero` (read gigabytes),
`doc add FIFO` (waited forever), `doc get -o LINK --force` (replaced a link or a device by
renaming over it), `note add` with Latin-1 bytes on stdin (an internal error)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, Cli, Result

HANG_GUARD = 60  # seconds; a guard against a test that would otherwise wait forever
MEMORY_GUARD = 2 * 1024**3  # address space of the child: an endless read fails, not the machine


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_GUARD, MEMORY_GUARD))


def _one_line(result: Result, code: int) -> str:
    assert result.code == code, (result.code, result.err)
    assert len(result.err_lines) == 1, result.err
    assert "internal error" not in result.err
    return result.err_lines[0]


def _satchel(vault: Path, pfile: Path, *argv: str, stdin: bytes | int = b"",
             env: dict[str, str] | None = None) -> Result:  # fmt: skip
    """The command in its own process with raw bytes (or a file descriptor) on stdin."""
    kwargs: dict = {"input": stdin} if isinstance(stdin, bytes) else {"stdin": stdin}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "satchel.cli.main",
            "--vault",
            str(vault),
            "--passphrase-file",
            str(pfile),
            *argv,
        ],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=HANG_GUARD,
        check=False,
        preexec_fn=_cap_memory,
        **kwargs,
    )
    return Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@pytest.fixture
def case(initialised: Cli) -> str:
    return initialised("case", "add", "Deportation of L. Fictionova").out.strip()


# -- 5: text that is not UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_note_with_latin1_bytes_on_stdin_is_refused_in_any_locale(
    initialised: Cli, case: str, vault_dir: Path, passphrase_file: Path, locale: str
) -> None:
    result = _satchel(vault_dir, passphrase_file, "note", "add", case,
                      stdin="Встреча с клиентом".encode("cp1251"),
                      env={"LC_ALL": locale, "PYTHONUTF8": "0"})  # fmt: skip
    assert "not UTF-8" in _one_line(result, 8)
    assert initialised("note", "list", case).out.strip() == ""


def test_note_in_process_with_binary_stdin_is_refused(initialised: Cli, case: str) -> None:
    assert "not UTF-8" in _one_line(initialised("note", "add", case, stdin=b"\x00\xff\xfe"), 8)


def test_note_file_that_is_not_utf8_is_refused(initialised: Cli, case: str, tmp_path) -> None:
    f = tmp_path / "note.txt"
    f.write_bytes("Жалоба".encode("koi8-r"))
    assert "not UTF-8" in _one_line(initialised("note", "add", case, "--file", str(f)), 8)


def test_note_text_argument_with_undecodable_bytes_is_refused(
    initialised: Cli, case: str, vault_dir: Path, passphrase_file: Path
) -> None:
    argv = [sys.executable.encode(), b"-m", b"satchel.cli.main", b"--vault", bytes(vault_dir),
            b"--passphrase-file", bytes(passphrase_file), b"note", b"add", case.encode(),
            b"--text", b"caf\xe9"]  # fmt: skip
    proc = subprocess.run(argv, capture_output=True, timeout=HANG_GUARD, check=False)
    result = Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    assert "not valid text" in _one_line(result, 8)


def test_passphrase_with_undecodable_bytes_on_stdin_is_refused(
    initialised: Cli, vault_dir: Path
) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "satchel.cli.main",
            "--vault",
            str(vault_dir),
            "--passphrase-file",
            "-",
            "case",
            "list",
        ],
        input=b"correct horse \xff battery\n",
        capture_output=True,
        timeout=HANG_GUARD,
        env={**os.environ, "LC_ALL": "C"},
        check=False,
    )
    result = Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    assert "not UTF-8" in _one_line(result, 8)


def test_passphrase_file_that_is_not_text_is_refused(initialised: Cli, tmp_path: Path) -> None:
    f = tmp_path / "pass"
    f.write_bytes(b"\xff\xfe\x00binary\n")
    assert "not UTF-8" in _one_line(initialised("case", "list", passphrase=f), 8)


# -- 4: reads that never end ---------------------------------------------------------------


def test_colleague_card_from_a_device_is_refused(
    initialised: Cli, vault_dir: Path, passphrase_file: Path
) -> None:
    line = _one_line(_satchel(vault_dir, passphrase_file, "colleague", "add", "/dev/zero"), 10)
    assert "not a regular file" in line


def test_colleague_card_from_endless_stdin_stops_at_the_cap(
    initialised: Cli, vault_dir: Path, passphrase_file: Path
) -> None:
    with open("/dev/zero", "rb") as zero:
        result = _satchel(vault_dir, passphrase_file, "colleague", "add", "-", stdin=zero.fileno())
    assert "too large" in _one_line(result, 8)


def test_colleague_card_file_far_larger_than_a_card_is_refused(
    initialised: Cli, tmp_path: Path
) -> None:
    big = tmp_path / "card.txt"
    big.write_bytes(b"satchel-card " * 100_000)
    assert "too large" in _one_line(initialised("colleague", "add", str(big)), 8)


def test_document_from_a_named_pipe_is_refused_without_waiting(
    initialised: Cli, case: str, vault_dir: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)
    # No writer ever opens the pipe: a blocking open would wait forever (HANG_GUARD ends it).
    result = _satchel(vault_dir, passphrase_file, "doc", "add", case, str(fifo))
    assert "named pipe" in _one_line(result, 10)
    assert initialised("doc", "list", case).out.strip() == ""


def test_note_from_a_named_pipe_is_refused(
    initialised: Cli, case: str, vault_dir: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "note.txt"
    os.mkfifo(fifo)
    result = _satchel(vault_dir, passphrase_file, "note", "add", case, "--file", str(fifo))
    assert "named pipe" in _one_line(result, 10)


# -- 4: writes that replace what they should not ----------------------------------------------


@pytest.fixture
def doc(initialised: Cli, case: str, tmp_path: Path) -> str:
    src = tmp_path / "decision.pdf"
    src.write_bytes(b"%PDF-1.4 fictional decision\n")
    return initialised("doc", "add", case, str(src)).out.strip()


def test_doc_get_force_never_replaces_a_symbolic_link(
    initialised: Cli, doc: str, tmp_path: Path
) -> None:
    target = tmp_path / "precious.txt"
    target.write_bytes(b"the user's own file")
    link = tmp_path / "out.pdf"
    link.symlink_to(target)
    line = _one_line(initialised("doc", "get", doc[:8], "-o", str(link), "--force"), 10)
    assert "symbolic link" in line
    assert link.is_symlink() and target.read_bytes() == b"the user's own file"


@pytest.mark.parametrize("what", ["fifo", "folder"])
def test_doc_get_force_never_replaces_a_pipe_or_folder(
    initialised: Cli, doc: str, tmp_path: Path, what: str
) -> None:
    dest = tmp_path / "out.pdf"
    if what == "fifo":
        os.mkfifo(dest)
    else:
        dest.mkdir()
    _one_line(initialised("doc", "get", doc[:8], "-o", str(dest), "--force"), 10)
    assert dest.is_fifo() if what == "fifo" else dest.is_dir()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".satchel-")] == []


def test_doc_get_force_replaces_a_regular_file(initialised: Cli, doc: str, tmp_path) -> None:
    dest = tmp_path / "out.pdf"
    dest.write_bytes(b"old")
    assert initialised("doc", "get", doc[:8], "-o", str(dest), "--force").code == 0
    assert dest.read_bytes().startswith(b"%PDF")


def test_report_and_bundle_outputs_never_replace_a_link(
    initialised: Cli, case: str, tmp_path: Path
) -> None:
    target = tmp_path / "precious.txt"
    target.write_bytes(b"mine")
    for argv in (
        ("report", "chronology", "--case", case[:8], "-o", "{}", "--force"),
        ("identity", "card", "--qr", "{}", "--force"),
    ):
        link = tmp_path / ("link-" + argv[0] + (".svg" if argv[0] == "identity" else ".pdf"))
        link.symlink_to(target)
        result = initialised(*[str(link) if a == "{}" else a for a in argv])
        assert "symbolic link" in _one_line(result, 10)
        assert link.is_symlink() and target.read_bytes() == b"mine"


def test_passphrase_is_still_read_from_a_plain_file(initialised: Cli, tmp_path: Path) -> None:
    f = tmp_path / "p"
    f.write_text(PASSPHRASE + "\nsecond line ignored\n", encoding="utf-8")
    assert initialised("case", "list", passphrase=f).code == 0


def test_bundle_export_never_replaces_a_dangling_link(
    initialised: Cli, case: str, tmp_path: Path
) -> None:
    link = tmp_path / "out.satchel"
    link.symlink_to(tmp_path / "elsewhere" / "nothing")
    result = initialised("bundle", "export", "--case", case[:8], "--passphrase", "-o", str(link))
    assert "symbolic link" in _one_line(result, 10)
    assert link.is_symlink()


def test_bundle_from_a_named_pipe_is_refused_without_waiting(
    initialised: Cli, vault_dir: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "in.satchel"
    os.mkfifo(fifo)
    result = _satchel(vault_dir, passphrase_file, "bundle", "inspect", str(fifo))
    assert "named pipe" in _one_line(result, 10)
