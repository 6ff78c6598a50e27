"""How the command line asks for passphrases: without echo at a terminal, twice when one is
being set, from a file or stdin for scripts, and never from the command line itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.conftest import PASSPHRASE, Cli


def _typed(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """The user types `answers` at the echo-free prompt; returns the prompts shown."""
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        if not answers:
            raise EOFError
        return answers.pop(0)

    monkeypatch.setattr("satchel.cli.common.getpass.getpass", fake_getpass)
    return prompts


def test_init_at_a_terminal_asks_twice_without_echo(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, vault_dir: Path
) -> None:
    prompts = _typed(monkeypatch, [PASSPHRASE, PASSPHRASE])
    result = cli("init", passphrase=None, tty=True)
    assert result.code == 0, result.err
    assert len(prompts) == 2
    assert (vault_dir / "keyslots").exists()
    assert PASSPHRASE not in result.out + result.err


def test_init_refuses_two_different_passphrases_and_creates_nothing(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, vault_dir: Path
) -> None:
    _typed(monkeypatch, [PASSPHRASE, PASSPHRASE + "!"])
    result = cli("init", passphrase=None, tty=True)
    assert result.code == 8
    assert "differ" in result.err
    assert not vault_dir.exists()


def test_ctrl_d_at_the_prompt_is_one_line(
    initialised: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _typed(monkeypatch, [])
    result = initialised("case", "list", passphrase=None, tty=True)
    assert result.code == 8
    assert result.err_lines == ["satchel: No passphrase given; nothing was changed"]


def test_a_short_new_passphrase_is_refused(cli: Cli, tmp_path: Path) -> None:
    short = tmp_path / "short"
    short.write_text("abc\n")
    result = cli("init", passphrase=short)
    assert result.code == 8
    assert "at least 8" in result.err


def test_there_is_no_option_to_give_a_passphrase_as_an_argument(cli: Cli) -> None:
    result = cli("--passphrase", PASSPHRASE, "case", "list", passphrase=None)
    assert result.code == 64
    # Not taken for an abbreviation of --passphrase-file, and not echoed back either.
    assert PASSPHRASE not in result.err


def test_passphrase_file_line_ending_is_stripped_but_inner_spaces_kept(
    cli: Cli, tmp_path: Path
) -> None:
    spaced = tmp_path / "spaced"
    spaced.write_text("  words with spaces  \r\n")
    assert cli("init", passphrase=spaced).code == 0
    exact = tmp_path / "exact"
    exact.write_text("  words with spaces  ")
    assert cli("case", "list", passphrase=exact).code == 0
    trimmed = tmp_path / "trimmed"
    trimmed.write_text("words with spaces\n")
    assert cli("case", "list", passphrase=trimmed).code == 2
