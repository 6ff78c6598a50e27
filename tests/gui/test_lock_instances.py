"""`satchel lock` with several Satchel clients running, each in its own process.

A second client started later once took the single control socket over: `satchel lock` then
said "Locked." while the first window stayed open. Each client now listens on its own socket;
these tests start real client processes (offscreen) over real vaults and check that every
unlocked one locks, that the answer names each, and that nothing unconfirmed is called locked.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from shell_helpers import PASSPHRASE

from satchel.core.vault import Vault

DRIVER = Path(__file__).with_name("instance_driver.py")


class Client:
    """One running client process and the lines it printed."""

    def __init__(self, env: dict[str, str], vault: Path, passphrase_file: Path | None) -> None:
        args = [sys.executable, str(DRIVER), str(vault)]
        if passphrase_file is not None:
            args.append(str(passphrase_file))
        self.proc = subprocess.Popen(
            args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )

    def next_line(self, timeout_s: float = 60.0) -> str:
        # readline blocks; the client prints within seconds or the test has failed anyway.
        import selectors

        assert self.proc.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout_s):
                raise TimeoutError("the client said nothing")
        return self.proc.stdout.readline().strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


@pytest.fixture
def env(runtime_dir: Path) -> dict[str, str]:
    # The test's own short runtime folder (tests/conftest.py): the clients' sockets go there.
    e = dict(os.environ)
    e.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime_dir))
    return e


@pytest.fixture
def two_vaults(tmp_path: Path) -> tuple[Path, Path, Path]:
    folders = []
    for name in ("first", "second"):
        v, _ = Vault.create(tmp_path / name, PASSPHRASE)
        with v:
            v.cases.create(title=f"Fictional case of the {name} vault")
        folders.append(tmp_path / name)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    return folders[0], folders[1], secret


@pytest.fixture
def clients() -> Iterator[list[Client]]:
    started: list[Client] = []
    yield started
    for c in started:
        c.stop()


def satchel_lock(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "satchel", "lock"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_lock_reaches_the_first_client_when_a_second_started_later(
    env, two_vaults, clients: list[Client]
):
    first_vault, second_vault, secret = two_vaults
    first = Client(env, first_vault, secret)
    clients.append(first)
    assert first.next_line() == "ready unlocked"
    # A second client, started later and left at its unlock screen.
    second = Client(env, second_vault, None)
    clients.append(second)
    assert second.next_line() == "ready locked"

    result = satchel_lock(env)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sorted(lines[:-1]) == sorted(
        [
            f"Satchel (process {first.proc.pid}): locked.",
            f"Satchel (process {second.proc.pid}): already locked.",
        ]
    )
    assert lines[-1] == "Locked."
    assert first.next_line() == "locked command"
    # The first client's vault is closed: it opens again only with the passphrase.
    assert satchel_lock(env).stdout.splitlines()[-1] == "Nothing was unlocked."


def test_two_unlocked_clients_both_lock(env, two_vaults, clients: list[Client]):
    first_vault, second_vault, secret = two_vaults
    for folder in (first_vault, second_vault):
        c = Client(env, folder, secret)
        clients.append(c)
        assert c.next_line() == "ready unlocked"

    result = satchel_lock(env)

    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()[:-1]) == sorted(
        f"Satchel (process {c.proc.pid}): locked." for c in clients
    )
    for c in clients:
        assert c.next_line() == "locked command"


def test_a_client_that_cannot_answer_is_named_not_counted_as_locked(
    env, two_vaults, clients: list[Client]
):
    first_vault, second_vault, secret = two_vaults
    for folder in (first_vault, second_vault):
        c = Client(env, folder, secret)
        clients.append(c)
        assert c.next_line() == "ready unlocked"
    frozen = clients[1]
    frozen.proc.send_signal(signal.SIGSTOP)  # as frozen as a window stuck in a long render
    try:
        result = satchel_lock(env)
    finally:
        frozen.proc.send_signal(signal.SIGCONT)

    assert result.returncode == 1
    assert f"Satchel (process {clients[0].proc.pid}): locked." in result.stdout
    assert (
        f"Satchel (process {frozen.proc.pid}): did NOT answer; it may still be unlocked."
        in result.stdout
    )
    assert "Locked." not in result.stdout.splitlines()
    assert result.stderr.strip().splitlines() == [
        f"satchel: Not confirmed locked: Satchel process {frozen.proc.pid}; "
        "lock it by hand or end it"
    ]


def test_the_socket_of_a_killed_client_is_removed_and_not_reported(
    env, two_vaults, clients: list[Client]
):
    first_vault, second_vault, secret = two_vaults
    alive = Client(env, first_vault, secret)
    killed = Client(env, second_vault, None)
    clients += [alive, killed]
    assert alive.next_line() == "ready unlocked"
    assert killed.next_line() == "ready locked"
    killed.proc.kill()
    killed.proc.wait(10)
    folder = Path(env["XDG_RUNTIME_DIR"]) / f"satchel-{os.getuid()}.control"
    assert len(list(folder.iterdir())) == 2  # the killed client's socket stays behind

    result = satchel_lock(env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"Satchel (process {alive.proc.pid}): locked.", "Locked."]
    assert [p.name.split("-")[0] for p in folder.iterdir()] == [str(alive.proc.pid)]
