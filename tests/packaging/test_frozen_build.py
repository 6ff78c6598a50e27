"""Smoke test of the BUILT Linux artifact, not the source tree (issue 11, item 6).

Builds the PyInstaller onedir with the release recipe (packaging/linux/build.sh
--onedir-only, which also checks the library allowlist), then, with a fresh HOME and
nothing of the checkout on the path: `satchel --version`; a vault and a case through the
frozen command line; the frozen desktop client under a private Xvfb display, unlocked by
typing the passphrase (xdotool), locked through `satchel lock`, and ended with SIGTERM (a
logout), all under `strace -f`, which records every socket the client's process tree
creates or connects.

"No socket" is checked as "no socket outside AF_UNIX": the client's X11 connection to the
display, its D-Bus connection and its own `satchel lock` control socket are Unix-domain
sockets by design (local, never a network); any AF_INET/AF_INET6/AF_NETLINK/AF_PACKET
socket, or a connect to an IP address, fails the test with the trace line.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The build alone takes minutes on a busy 2-core machine (pytest-timeout counts the
# module fixture into the first test).
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "frozen smoke test 4 green lamps"
TOOLS = ("Xvfb", "xwininfo", "xdotool", "strace", "readelf")


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _measure_module():
    spec = importlib.util.spec_from_file_location("measure", ROOT / "packaging" / "measure.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def onedir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The onedir built here; or, with SATCHEL_FROZEN_ONEDIR, one built before: the CI
    release jobs test the very build they publish, on Windows and macOS too (there the
    folder holding satchel.exe, or Satchel.app/Contents/MacOS)."""
    prebuilt = os.environ.get("SATCHEL_FROZEN_ONEDIR")
    if prebuilt:
        return Path(prebuilt)
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    if sys.platform != "linux":
        pytest.skip("here the Linux onedir is built; set SATCHEL_FROZEN_ONEDIR elsewhere")
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) not installed (tools/install-system-deps)")
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [
            *("bash", str(ROOT / "packaging" / "linux" / "build.sh")),
            *("--python", sys.executable, "--out", str(out), "--onedir-only"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (folder,) = out.glob("satchel-*-linux-*")
    return folder


@pytest.fixture
def fresh_env(tmp_path: Path, runtime_dir: Path) -> dict[str, str]:
    """A user who never ran Satchel: empty HOME, no checkout, no test switches; the test's
    own short runtime folder (tests/conftest.py)."""
    home = tmp_path / "home"
    runtime = runtime_dir
    home.mkdir()
    env = {
        "PATH": os.pathsep.join(["/usr/bin", "/bin"]),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": "C.UTF-8",
    }
    if sys.platform == "win32":  # Windows needs its system folder and a profile
        env.update(
            SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"),
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            PATH=os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32",
        )
    return env


def _exe(onedir: Path) -> Path:
    return onedir / ("satchel.exe" if (onedir / "satchel.exe").exists() else "satchel")


def _run(onedir: Path, env: dict[str, str], *args: str, passfile: Path | None = None):
    cmd = [str(_exe(onedir))]
    if passfile is not None:
        cmd += ["--passphrase-file", str(passfile)]
    return subprocess.run(
        [*cmd, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _wait(predicate, what: str, display, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            windows = display._xwininfo("-root", "-tree")
            raise AssertionError(f"timed out waiting for {what}; windows:\n{windows}")
        time.sleep(0.1)


def _vault_with_a_case(onedir: Path, env: dict[str, str], tmp_path: Path) -> tuple[Path, Path]:
    passfile = tmp_path / "passphrase"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    vault = tmp_path / "vault"
    created = _run(onedir, env, "--vault", str(vault), "init", passfile=passfile)
    assert created.returncode == 0, created.stderr
    title = "Extradition of P. Invented"
    added = _run(onedir, env, "--vault", str(vault), "case", "add", title, passfile=passfile)
    assert added.returncode == 0, added.stderr
    listed = _run(onedir, env, "--vault", str(vault), "case", "list", passfile=passfile)
    assert title in listed.stdout
    case_id = added.stdout.split()[0]
    # A deadline counted from a decision and rolled over Russian public holidays (the New
    # Year days off): the holidays data made it into the build.
    decision = _run(onedir, env, "--vault", str(vault), "event", "add", case_id,
                    "Decision of the court", "--date", "2026-12-22", "--type", "decision",
                    passfile=passfile)  # fmt: skip
    assert decision.returncode == 0, decision.stderr
    deadline = _run(onedir, env, "--vault", str(vault), "deadline", "add", case_id, "Appeal",
                    "--from", decision.stdout.split()[0], "--days", "10", "--rule", "RU",
                    passfile=passfile)  # fmt: skip
    assert deadline.returncode == 0, deadline.stderr
    return vault, passfile


def test_frozen_cli_reports_its_version_and_keeps_a_case_in_a_new_vault(
    onedir: Path, fresh_env: dict[str, str], tmp_path: Path
) -> None:
    """Any OS: the frozen command line, with a user's fresh home and no checkout."""
    assert not (onedir / "_internal" / "satchel" / "cli").exists()  # code is in the archive
    version = _run(onedir, fresh_env, "--version")
    assert version.returncode == 0, version.stderr
    assert re.fullmatch(r"satchel \d+\.\d+\.\d+\n", version.stdout)
    vault, _passfile = _vault_with_a_case(onedir, fresh_env, tmp_path)
    _frozen_report_child_renders(onedir, fresh_env, vault)


def _frozen_report_child_renders(onedir: Path, env: dict[str, str], vault: Path) -> None:
    """The client lays reports out in a child: the frozen executable started with the
    hidden argument, handed the report's data on stdin, answers with progress and a PDF
    holding the case's words (fonts, Qt's offscreen platform and the catalogue are in)."""
    import pickle
    from datetime import UTC, datetime

    from satchel.core.vault import Vault
    from satchel.report.chronology import ReportOptions, load_report_data
    from satchel.report.render_child import CHILD_ARGUMENT, Request

    with Vault.unlock(vault, PASSPHRASE) as opened:
        (case,) = opened.cases.list()
        data = load_report_data(opened, case.id)
    request = Request(data, ReportOptions(language="ru"), datetime.now(UTC), None)
    child = subprocess.run(
        [str(_exe(onedir)), CHILD_ARGUMENT],
        input=pickle.dumps(request),
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stdout[-300:] + child.stderr[-3000:]
    head, _, rest = child.stdout.partition(b"\npdf ")
    assert head.startswith(b"progress layout ")
    size, _, pdf = rest.partition(b"\n")
    assert pdf.startswith(b"%PDF") and len(pdf) == int(size)
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert "Хронология" in text and "Extradition of P. Invented" in text


def test_frozen_gui_unlocks_locks_and_quits_and_opens_no_network_socket(
    onedir: Path, fresh_env: dict[str, str], tmp_path: Path
) -> None:
    """Linux: the frozen desktop client under Xvfb and strace (see the module docstring)."""
    if sys.platform != "linux":
        pytest.skip("Xvfb, xdotool and strace: Linux only")
    missing = _missing_tools()
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (tools/install-system-deps)")
    env = fresh_env
    vault, passfile = _vault_with_a_case(onedir, env, tmp_path)
    display = _measure_module().Display()
    trace = tmp_path / "sockets.trace"
    gui_env = {**env, "DISPLAY": display.name, "QT_QPA_PLATFORM": "xcb"}
    client = subprocess.Popen(
        [
            *("strace", "-f", "-qq", "-e", "trace=socket,connect,bind", "-o", str(trace)),
            *(str(onedir / "satchel"), "--vault", str(vault)),
        ],
        env=gui_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )

    def xdotool(*args: str) -> str:
        return subprocess.run(
            ["xdotool", *args], env=gui_env, capture_output=True, text=True, check=False
        ).stdout.strip()

    try:
        _wait(lambda: display.has_window("Satchel — locked"), "the unlock screen", display)
        window = xdotool("search", "--name", "^Satchel — locked$").split()[0]
        pid = int(xdotool("getwindowpid", window))
        xdotool("windowfocus", "--sync", window)
        xdotool("type", "--delay", "5", PASSPHRASE)
        xdotool("key", "Return")
        _wait(lambda: display.has_window("Satchel"), "the main window after unlock", display)

        locked = _run(onedir, env, "lock")
        assert locked.returncode == 0, locked.stderr
        gone = "the main window to close on lock"
        _wait(lambda: not display.has_window("Satchel"), gone, display)
        assert display.has_window("Satchel — locked")

        os.kill(pid, signal.SIGTERM)  # a logout: the client ends through its shutdown
        assert client.wait(timeout=60) == 0, client.stderr.read() if client.stderr else ""
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
        display.close()

    calls = trace.read_text(encoding="utf-8").splitlines()
    sockets = [line for line in calls if re.search(r"\bsocket\(", line)]
    assert sockets, "strace recorded no socket at all: the trace did not work"
    not_local = [
        line
        for line in calls
        if re.search(r"\bsocket\((?!AF_UNIX)", line)
        or re.search(r"sa_family=AF_INET|sin6?_addr|AF_NETLINK|AF_PACKET", line)
    ]
    assert not_local == []
    # The vault was closed and its lock released: the command line opens it again.
    again = _run(onedir, env, "--vault", str(vault), "case", "list", passfile=passfile)
    assert again.returncode == 0, again.stderr
