"""No traces outside the vault: portable mode keeps everything beside the program, and no
file or folder name reaches recent-file lists, Qt's dialog history or thumbnail caches.

The sessions run in a fresh process (tests/gui/traceless_session.py) with HOME, every XDG
folder and TMPDIR pointed at empty folders, and the whole of them is compared before and
after, byte for byte. The file dialogs are the real ones, answered by typing a name.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from file_dialog_driver import answer_file_dialog

from satchel.core.paths import PORTABLE_MARKER
from satchel.gui.common import file_dialogs

HERE = Path(__file__).parent
CLIENT_FOLDER = "Imaginarova-extradition"  # the folder name a lawyer would not want leaked
DOCUMENT = "Imaginarova decision 2025-08.txt"
BUNDLE = "handover-for-counsel.satchel"
CASE_TITLE = "Extradition of V. Imaginarova"
NAMES = [CLIENT_FOLDER, DOCUMENT, BUNDLE, "Imaginarova"]


def _snapshot(roots: list[Path]) -> dict[str, str]:
    """Every file and folder under `roots`: path -> a digest of its content (or 'dir')."""
    seen: dict[str, str] = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            for d in dirnames:
                seen[os.path.join(dirpath, d)] = "dir"
            for f in filenames:
                p = Path(dirpath, f)
                if p.is_symlink() or not p.is_file():
                    seen[str(p)] = "special"
                    continue
                seen[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return seen


def _changes(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def _under(path: str, folder: Path) -> bool:
    return Path(path) == folder or Path(path).is_relative_to(folder)


class Machine:
    """A fresh user account: HOME, XDG folders and TMPDIR, empty, plus a client's file."""

    def __init__(self, base: Path, runtime: Path) -> None:
        # `runtime`: short, as /run/user/N is (a control socket's path must fit in 108
        # bytes; a deeper one sends the client's socket to /tmp, outside what is watched).
        self.base = base
        self.home = base / "home"
        self.dirs = {
            "HOME": self.home,
            "XDG_CONFIG_HOME": self.home / ".config",
            "XDG_DATA_HOME": self.home / ".local/share",
            "XDG_CACHE_HOME": self.home / ".cache",
            "XDG_STATE_HOME": self.home / ".local/state",
            "XDG_RUNTIME_DIR": runtime,
            "TMPDIR": base / "tmp",
        }
        for p in self.dirs.values():
            p.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.document = self.home / "Cases" / CLIENT_FOLDER / DOCUMENT
        self.document.parent.mkdir(parents=True)
        self.document.write_text("Decision of the court (fictional).", encoding="utf-8")
        self.outbox = self.home / "Outbox"
        self.outbox.mkdir()

    def roots(self) -> list[Path]:
        return sorted(set(self.dirs.values()))

    def run_session(self, program_folder: Path | None) -> dict[str, object]:
        config = self.base / "session.json"
        config.write_text(
            json.dumps(
                {
                    "program_folder": str(program_folder) if program_folder else None,
                    "document": str(self.document),
                    "bundle": str(self.outbox / BUNDLE),
                    "case_title": CASE_TITLE,
                }
            ),
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SATCHEL_V"))}
        env.update({k: str(v) for k, v in self.dirs.items()})
        env["QT_QPA_PLATFORM"] = "offscreen"
        done = subprocess.run(
            [sys.executable, str(HERE / "traceless_session.py"), str(config)],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])


def _files_naming_the_case(paths: set[str]) -> list[str]:
    found = []
    for p in sorted(paths):
        path = Path(p)
        text = p.encode()
        if path.is_file() and not path.is_symlink():
            text += path.read_bytes()
        if any(n.encode() in text for n in NAMES):
            found.append(p)
    return found


@pytest.mark.slow
def test_portable_copy_writes_nothing_outside_its_folder_and_the_chosen_bundle(
    tmp_path, runtime_dir
):
    machine = Machine(tmp_path, runtime_dir)
    stick = tmp_path / "stick" / "Satchel"
    stick.mkdir(parents=True)
    (stick / PORTABLE_MARKER).write_bytes(b"")
    before = _snapshot(machine.roots())

    report = machine.run_session(stick)

    after = _snapshot(machine.roots())
    bundle = machine.outbox / BUNDLE
    assert report["portable"] is True
    # Libraries that cache on their own (fontconfig, Mesa) were sent to the stick too.
    assert report["cache"] == str(stick / "Data" / "cache")
    assert report["add_dialog_native"] is False and report["export_dialog_native"] is False
    assert report["documents_after_unlock"] == 1
    assert Path(str(report["vault"])) == stick / "Data" / "vault"
    assert Path(str(report["bundle"])) == bundle and bundle.is_file()
    assert sorted(_changes(before, after)) == [str(bundle)]
    assert (stick / "Data" / "vault" / "keyslots").is_file()
    assert (stick / "Data" / "settings.ini").is_file()


@pytest.mark.slow
def test_installed_copy_leaves_no_name_in_recent_files_qt_history_or_thumbnails(
    tmp_path, runtime_dir
):
    machine = Machine(tmp_path, runtime_dir)
    # A desktop that already has a recent-files list and Qt dialog settings of other apps:
    # Satchel must leave both exactly as they were.
    recent = machine.home / ".local/share/recently-used.xbel"
    recent.write_text('<?xml version="1.0"?>\n<xbel version="1.0"></xbel>\n', encoding="utf-8")
    qt_conf = machine.home / ".config/QtProject.conf"
    qt_conf.write_text("[FileDialog]\nhistory=file:///srv/other-app\n", encoding="utf-8")
    before = _snapshot(machine.roots())

    report = machine.run_session(None)

    after = _snapshot(machine.roots())
    data = machine.home / ".local/share/Satchel"
    settings_file = machine.home / ".config/Satchel/Satchel.conf"
    bundle = machine.outbox / BUNDLE
    assert report["portable"] is False and Path(str(report["vault"])) == data / "vault"
    assert report["cache"] == str(machine.home / ".cache")
    assert report["add_dialog_native"] is False and report["export_dialog_native"] is False
    changed = _changes(before, after)
    # Only the vault, the app's settings file (and the folders holding them), the bundle.
    allowed = {str(settings_file), str(settings_file.parent), str(bundle)}
    assert {p for p in changed if not _under(p, data)} == allowed
    assert after[str(recent)] == before[str(recent)]
    assert after[str(qt_conf)] == before[str(qt_conf)]
    assert not (machine.home / ".cache/thumbnails").exists()
    # No file outside the vault names the client, the document or the bundle, except the
    # document itself and the bundle the user chose to write (its name is theirs).
    outside_vault = {p for p in after if not _under(p, data / "vault")}
    assert _files_naming_the_case(outside_vault - {str(bundle)}) == [
        str(machine.document.parent),
        str(machine.document),
    ]


@pytest.mark.slow
def test_the_check_sees_what_a_bare_qt_file_dialog_leaves(tmp_path, runtime_dir):
    """The counter-proof: Qt's dialog used without Satchel's helper writes the client's
    folder into QtProject.conf, and the snapshot above would catch it."""
    machine = Machine(tmp_path, runtime_dir)
    before = _snapshot(machine.roots())
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit\n"
        "app = QApplication([])\n"
        "d = QFileDialog(None, 'Add documents')\n"
        "d.setOption(QFileDialog.Option.DontUseNativeDialog)\n"
        "def choose():\n"
        f"    d.setDirectory({str(machine.document.parent)!r})\n"
        f"    d.findChild(QLineEdit, 'fileNameEdit').setText({machine.document.name!r})\n"
        "    d.accept()\n"
        "QTimer.singleShot(50, choose)\n"
        "d.exec()\n"
        "del d\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update({k: str(v) for k, v in machine.dirs.items()})
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    changed = _changes(before, _snapshot(machine.roots()))
    leaked = _files_naming_the_case(changed)
    assert str(machine.home / ".config/QtProject.conf") in leaked


# -- the dialogs themselves, in this process ---------------------------------------------------


def test_every_chooser_is_qt_own_dialog_and_opens_at_home_with_no_history(qtbot, tmp_path):
    folder = tmp_path / CLIENT_FOLDER
    folder.mkdir()
    document = folder / DOCUMENT
    document.write_text("x", encoding="utf-8")

    seen = answer_file_dialog(document)
    assert file_dialogs.choose_open_files(None, "Add documents") == [document]
    assert seen.answered and not seen.native

    # The next dialog does not start where the last one went, nor list it in its history.
    seen = answer_file_dialog(folder / BUNDLE)
    assert file_dialogs.choose_save_file(
        None, "Write the bundle to", Path.home() / "b.satchel"
    ) == (folder / BUNDLE)
    assert not seen.native
    assert Path(seen.directory) == Path.home()
    assert {Path(h) for h in seen.history} <= {Path.home()}

    seen = answer_file_dialog(document)
    assert file_dialogs.choose_open_file(None, "Open a card") == document
    assert Path(seen.directory) == Path.home()
    assert {Path(h) for h in seen.history} <= {Path.home()}

    seen = answer_file_dialog(folder)
    assert file_dialogs.choose_folder(None, "Open vault folder") == folder
    assert not seen.native

    seen = answer_file_dialog(None)
    assert file_dialogs.choose_open_file(None, "Open a bundle") is None
    assert seen.answered


def test_dialogs_write_nothing_to_qt_settings_or_recent_files(qtbot, tmp_path, sandbox_home):
    folder = tmp_path / CLIENT_FOLDER
    folder.mkdir()
    document = folder / DOCUMENT
    document.write_text("x", encoding="utf-8")
    config = Path(os.environ["XDG_CONFIG_HOME"])
    data = Path(os.environ["XDG_DATA_HOME"])
    cache = Path(os.environ["XDG_CACHE_HOME"])
    before = _snapshot([sandbox_home, config, data, cache])

    answer_file_dialog(document)
    file_dialogs.choose_open_files(None, "Add documents")
    answer_file_dialog(folder / BUNDLE)
    file_dialogs.choose_save_file(None, "Write the bundle to", Path.home() / BUNDLE)

    after = _snapshot([sandbox_home, config, data, cache])
    changes = _changes(before, after)
    assert _files_naming_the_case(changes) == []
    # Neither written nor changed by these dialogs (whatever this process ran before them).
    assert str(config / "QtProject.conf") not in changes
    assert str(data / "recently-used.xbel") not in changes
    assert not [p for p in changes if _under(p, cache / "thumbnails")]


def test_no_module_but_the_helper_uses_qt_file_dialog():
    src = Path(file_dialogs.__file__).parents[2]
    users = [
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if "QFileDialog" in p.read_text(encoding="utf-8")
    ]
    assert users == ["gui/common/file_dialogs.py"]
