"""`satchel FILE.satchel`: what a file manager runs for a bundle (the desktop entry's Exec)."""

from __future__ import annotations

from pathlib import Path

import pytest

from satchel.cli.main import main

Calls = list[tuple[Path | None, Path | None]]


@pytest.fixture
def client_calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """The arguments the desktop client would be started with (no window is opened)."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return []


def run(argv: list[str], calls: Calls) -> int:
    """`satchel ARGV` with a client that records what it was asked to open."""

    def client(vault: Path | None, bundle: Path | None) -> int:
        calls.append((vault, bundle))
        return 0

    return main(argv, open_client=client)


def test_a_bundle_path_alone_opens_the_client_on_it(client_calls, tmp_path, monkeypatch):
    bundle = tmp_path / "2026-12-03-kqzt.satchel"
    bundle.write_bytes(b"age-encryption.org/v1\n")
    monkeypatch.chdir(tmp_path)
    assert run([bundle.name], client_calls) == 0
    assert client_calls == [(None, bundle)]  # made absolute: the client may change folder


def test_the_vault_option_still_applies_before_the_bundle(client_calls, tmp_path):
    bundle = tmp_path / "b.SATCHEL"
    bundle.write_bytes(b"age-encryption.org/v1\n")
    assert run(["--vault", str(tmp_path / "v"), str(bundle)], client_calls) == 0
    assert client_calls == [(tmp_path / "v", bundle)]


def test_a_missing_bundle_is_one_line_and_no_window(client_calls, tmp_path, capsys):
    assert run([str(tmp_path / "gone.satchel")], client_calls) == 10
    assert capsys.readouterr().err == f"satchel: {tmp_path / 'gone.satchel'}: no such bundle file\n"
    assert client_calls == []


def test_a_command_keeps_its_own_bundle_argument(client_calls, tmp_path, capsys):
    # `bundle inspect FILE.satchel` is a command: the client is not started for it.
    code = run(["--vault", str(tmp_path / "none"), "bundle", "inspect", "x.satchel"], client_calls)
    assert code != 0 and client_calls == []
    assert capsys.readouterr().err.startswith("satchel: ")
