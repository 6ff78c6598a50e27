"""Fixtures for driving the real `satchel` command line in-process (and, where a separate
process matters, as a subprocess), over real vaults with the fast test KDF.

In-process runs hand `main` the fast parameters for any vault they create; a subprocess
opens vaults made that way just as fast, since unlock reads the parameters from the vault.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF

from satchel.__main__ import main

PASSPHRASE = "correct horse battery staple"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


Cli = Callable[..., Result]


class _Stdin(io.TextIOWrapper):
    """Standard input from bytes, which may pretend to be a terminal."""

    tty = False

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    vault_dir: Path,
    passphrase_file: Path,
) -> Cli:
    """Run `satchel --vault <vault_dir> --passphrase-file <file> ARGS...` in this process.

    `stdin=` feeds standard input; `tty=True` makes it look like a terminal;
    `vault=None` / `passphrase=None` leave those options out.
    """

    def run(
        *argv: str,
        stdin: str | bytes | None = None,
        vault: Path | bool | None = True,
        passphrase: Path | bool | None = True,
        tty: bool = False,
    ) -> Result:
        args: list[str] = []
        if vault is True:
            args += ["--vault", str(vault_dir)]
        elif isinstance(vault, Path):
            args += ["--vault", str(vault)]
        if passphrase is True:
            args += ["--passphrase-file", str(passphrase_file)]
        elif isinstance(passphrase, Path):
            args += ["--passphrase-file", str(passphrase)]
        data = stdin.encode() if isinstance(stdin, str) else (stdin or b"")
        fake = _Stdin(io.BytesIO(data), encoding="utf-8")
        fake.tty = tty
        monkeypatch.setattr(sys, "stdin", fake)
        capsys.readouterr()
        code = main([*args, *argv], kdf_params=FAST_KDF)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def initialised(cli: Cli) -> Cli:
    """`cli` over a vault that `satchel init` has just created."""
    result = cli("init")
    assert result.code == 0, result.err
    return cli


def run_satchel(*argv: str, stdin: str = "", env: dict[str, str] | None = None) -> Result:
    """The installed command in a separate process, as a user's shell runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "satchel", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to prove that nothing changed."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
