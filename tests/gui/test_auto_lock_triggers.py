"""What starts an automatic lock: idle time (suspend counted), screen lock, suspend, a command."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from satchel.control import LOCK_COMMAND, lock_all, send_command
from satchel.gui.lock.control_server import ControlServer
from satchel.gui.lock.idle import IdleWatcher
from satchel.gui.lock.session_events import SessionEventWatcher

_FDO_PATH = "/org/freedesktop/ScreenSaver"
_FDO_MEMBER = "org.freedesktop.ScreenSaver.ActiveChanged"
_LOGIN1_PATH = "/org/freedesktop/login1"
_LOGIN1_MEMBER = "org.freedesktop.login1.Manager.PrepareForSleep"


def _key_a() -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")


class FakeClock:
    """A suspend-aware clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_watcher_fires_after_timeout(qtbot):
    clock = FakeClock()
    w = IdleWatcher(300, clock=clock, check_interval_ms=10_000)
    w.start()
    clock.now += 299
    with qtbot.assertNotEmitted(w.idle):
        w.check()
    clock.now += 2
    with qtbot.waitSignal(w.idle, timeout=1000):
        w.check()
    w.stop()


def test_user_input_resets_idle_time(qtbot):
    clock = FakeClock()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    w = IdleWatcher(300, clock=clock, check_interval_ms=10_000)
    w.start()
    clock.now += 200
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    clock.now += 200  # 400 s since start, 200 s since the key press
    with qtbot.assertNotEmitted(w.idle):
        w.check()
    w.stop()


def test_time_spent_suspended_counts_and_the_waking_key_press_locks(qtbot):
    # The clock jumps by eight hours, as CLOCK_BOOTTIME does across a suspend; the first
    # key press after wake-up must lock rather than count as activity.
    clock = FakeClock()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    w = IdleWatcher(300, clock=clock, check_interval_ms=10_000)
    w.start()
    clock.now += 8 * 3600
    with qtbot.waitSignal(w.idle, timeout=1000):
        QApplication.sendEvent(
            edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        )


def test_idle_lock_can_be_turned_off(qtbot):
    clock = FakeClock()
    w = IdleWatcher(0, clock=clock, check_interval_ms=10_000)
    w.start()
    clock.now += 10**6
    with qtbot.assertNotEmitted(w.idle):
        w.check()
    w.stop()


def test_idle_timer_fires_by_itself(qtbot):
    clock = FakeClock()
    w = IdleWatcher(1, clock=clock, check_interval_ms=20)
    w.start()
    clock.now += 5
    with qtbot.waitSignal(w.idle, timeout=15000):
        pass


@pytest.fixture
def private_bus():
    """A private D-Bus daemon standing in for both the session and the system bus."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (tools/install-system-deps installs it)")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    address = proc.stdout.readline().strip()
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus(address, f"satchel-test-{proc.pid}")
    assert bus.isConnected()
    yield address, bus
    QDBusConnection.disconnectFromBus(f"satchel-test-{proc.pid}")
    proc.terminate()
    proc.wait(5)


def _emit(address: str, path: str, member: str, value: str) -> None:
    subprocess.run(
        ["dbus-send", f"--bus={address}", "--type=signal", path, member, value],
        check=True,
        timeout=10,
    )


@pytest.mark.parametrize(
    ("path", "member"),
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged"),
    ],
)
def test_screen_lock_signal_over_dbus_is_seen(qtbot, private_bus, path, member):
    address, bus = private_bus
    watcher = SessionEventWatcher(session_bus=bus, system_bus=bus)
    assert watcher.connected_to
    with qtbot.waitSignal(watcher.screen_locked, timeout=15000):
        _emit(address, path, member, "boolean:true")


def test_screen_unlock_signal_does_not_lock(qtbot, private_bus):
    address, bus = private_bus
    watcher = SessionEventWatcher(session_bus=bus, system_bus=bus)
    with qtbot.assertNotEmitted(watcher.screen_locked, wait=500):
        _emit(
            address,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            "boolean:false",
        )


def test_prepare_for_sleep_over_dbus_is_seen(qtbot, private_bus):
    address, bus = private_bus
    watcher = SessionEventWatcher(session_bus=bus, system_bus=bus)
    with qtbot.waitSignal(watcher.suspending, timeout=15000):
        _emit(
            address,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager.PrepareForSleep",
            "boolean:true",
        )


def test_lock_command_reaches_the_running_client(qtbot, tmp_path):
    path = tmp_path / "satchel.control"
    server = ControlServer(path)
    server.is_unlocked = lambda: False
    assert server.listen()
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode & 0o077 == 0, f"control socket is reachable by others: {oct(mode)}"
    answers: list[bool] = []
    with qtbot.waitSignal(server.lock_requested, timeout=5000):
        t = threading.Thread(target=lambda: answers.append(send_command(LOCK_COMMAND, path)))
        t.start()
    qtbot.waitUntil(lambda: not t.is_alive(), timeout=5000)
    assert answers == [True]
    server.close()


def test_unknown_command_does_not_lock(qtbot, tmp_path):
    path = tmp_path / "satchel.control"
    server = ControlServer(path)
    assert server.listen()
    answers: list[bool] = []
    with qtbot.assertNotEmitted(server.lock_requested, wait=300):
        t = threading.Thread(target=lambda: answers.append(send_command(b"unlock", path)))
        t.start()
        qtbot.waitUntil(lambda: not t.is_alive(), timeout=5000)
    assert answers == [False]
    server.close()


def test_lock_command_without_a_running_client_says_so(tmp_path):
    assert send_command(LOCK_COMMAND, tmp_path / "nobody.control") is False


def test_stale_socket_of_a_crashed_client_is_replaced(qtbot, tmp_path):
    import socket as pysocket

    path = tmp_path / "satchel.control"
    stale = pysocket.socket(pysocket.AF_UNIX, pysocket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens
    server = ControlServer(path)
    assert server.listen()
    server.close()


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A temp folder as short as /tmp: a deeper one leaves no room for a socket's name, and
    the client would rightly move to /tmp itself."""
    folder = Path(tempfile.mkdtemp(prefix="t", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_without_a_runtime_dir_the_socket_lives_in_a_private_folder(monkeypatch, short_tmp):
    from satchel.control import control_socket_path

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(short_tmp))
    path = control_socket_path()
    assert path.parent.parent == short_tmp / f"satchel-{os.getuid()}"
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_folder_another_user_could_read_is_never_used(qtbot, monkeypatch, short_tmp):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(short_tmp))
    planted = short_tmp / f"satchel-{os.getuid()}"
    planted.mkdir(mode=0o777)
    os.chmod(planted, 0o777)
    server = ControlServer()
    assert server.listen() is False
    assert lock_all() == []
    assert list(planted.iterdir()) == []
