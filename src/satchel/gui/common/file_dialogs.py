"""Every file and folder chooser Satchel shows, in one place, leaving no trace on the machine.

File names and folders are case data: "Zhuravleva/extradition decision.pdf" tells whom a
lawyer defends. Desktops remember what a file dialog opened, in places anyone with the
laptop can read long after Satchel has locked:

- the GTK file chooser (Qt's native dialog on GNOME and most Linux desktops, and the
  xdg-desktop-portal one) adds every file to `~/.local/share/recently-used.xbel`;
- Qt's own dialog writes its `history`, `lastVisited` folder and sidebar to Qt's shared
  settings (`~/.config/QtProject.conf`; the registry on Windows, a plist on macOS) when it
  is destroyed, whatever the application does;
- the Windows common dialog keeps MRU lists in the registry and feeds Recent Items.

So every chooser here is Qt's widget dialog (`DontUseNativeDialog`, never the platform's),
and on Linux and the BSDs Qt's shared settings point at /dev/null for this process
(`keep_qt_dialog_state_off_disk`): Qt reads nothing there and every write fails, so nothing
is saved. Where that store cannot be redirected (Windows, macOS), each dialog's history,
sidebar and Qt's process-wide "last visited" folder are reset to neutral values before the
dialog is destroyed, so what Qt writes there names no case folder. docs/decisions.md records
the choice; docs/threat-model.md what remains on each system.

No other module may construct a QFileDialog or call its static functions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, QUrl
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QTreeView, QWidget

from satchel.core.paths import locations

__all__ = [
    "choose_folder",
    "choose_open_file",
    "choose_open_files",
    "choose_save_file",
    "keep_qt_dialog_state_off_disk",
]

_isolated = False


def keep_qt_dialog_state_off_disk() -> None:
    """Point Qt's own per-user settings (organisation `QtProject`) at /dev/null.

    QFileDialog's destructor saves its state with `QSettings(UserScope, "QtProject")`, a
    native-format store. On Unix other than macOS that is an INI file whose folder
    `QSettings.setPath` moves; under /dev/null no file can be created, so Qt keeps the
    values in memory for this process only. Satchel's own settings name their file
    explicitly and are not affected. Windows and macOS keep native settings in the
    registry and in CFPreferences, which no path moves: see `_forget`.
    """
    global _isolated
    if _isolated or sys.platform.startswith(("win", "darwin")):
        return
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, os.devnull)
    _isolated = True


def choose_open_files(parent: QWidget | None, title: str, name_filter: str = "") -> list[Path]:
    """Existing files the user picks (none if cancelled)."""
    dialog = _dialog(parent, title, QFileDialog.FileMode.ExistingFiles, name_filter)
    return _run(dialog)


def choose_open_file(parent: QWidget | None, title: str, name_filter: str = "") -> Path | None:
    """One existing file, or None if cancelled."""
    dialog = _dialog(parent, title, QFileDialog.FileMode.ExistingFile, name_filter)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def choose_save_file(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str = ""
) -> Path | None:
    """Where to write a file, starting from `suggested` (its folder and name); None if
    cancelled. Qt asks before replacing an existing file."""
    dialog = _dialog(parent, title, QFileDialog.FileMode.AnyFile, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suggested.parent.is_dir():
        dialog.setDirectory(str(suggested.parent))
    dialog.selectFile(suggested.name)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    """An existing folder, or None if cancelled."""
    dialog = _dialog(parent, title, QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


def _start_folder() -> Path:
    """Where every dialog opens: the home folder, never the last place a case file was."""
    return Path.home()


def _sidebar() -> list[QUrl]:
    """The fixed places on the dialog's left: the computer, home, and a portable copy's
    folder. Reset on every dialog, so a case folder dragged there is not remembered."""
    urls = [QUrl("file:"), QUrl.fromLocalFile(str(_start_folder()))]
    root = locations().portable_root
    if root is not None:
        urls.append(QUrl.fromLocalFile(str(root)))
    return urls


def _dialog(
    parent: QWidget | None, title: str, mode: QFileDialog.FileMode, name_filter: str = ""
) -> QFileDialog:
    keep_qt_dialog_state_off_disk()
    dialog = QFileDialog(parent, title)
    # First, before any other property: Qt decides native or widget dialog from it.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    # Custom folder icons are read from inside each folder (desktop.ini, .directory).
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
    dialog.setFileMode(mode)
    # Qt's own Russian leaves these two in English.
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, _tr("Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, _tr("Files of type:"))
    dialog.setDirectory(str(_start_folder()))
    if name_filter:
        dialog.setNameFilter(name_filter)
    dialog.setHistory([])
    dialog.setSidebarUrls(_sidebar())
    # Room for long document names; fits a 1366x768 screen with its panels.
    dialog.resize(860, 540)
    _size_columns(dialog)
    return dialog


def _size_columns(dialog: QFileDialog) -> None:
    """Readable size, type and date columns, the name taking the rest. Qt would restore
    widths from its shared settings, which Satchel never reads, and its defaults cut
    "1.54 KiB" and the Russian type names short."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:
        return
    header = view.header()
    width = view.fontMetrics().horizontalAdvance
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, sample in ((1, "1023.9 KiB"), (2, "Документ PDF"), (3, "31.12.2026 23:59")):
        header.resizeSection(column, width(sample) + 24)


def _run(dialog: QFileDialog) -> list[Path]:
    """Show the dialog modally, read the choice, then scrub and destroy it at once."""
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return [Path(p) for p in dialog.selectedFiles()] if accepted else []
    finally:
        _forget(dialog)
        shiboken6.delete(dialog)  # the destructor saves Qt's state: now, scrubbed


def _forget(dialog: QFileDialog) -> None:
    """Reset what QFileDialog's destructor writes to Qt's settings to neutral values.

    The destructor writes `history` (every folder visited), `lastVisited` (a process-wide
    value Qt sets on every directory change) and the sidebar. Where the store is
    redirected to /dev/null this is a second guard; on Windows and macOS it is the guard.
    """
    dialog.setHistory([])
    dialog.setSidebarUrls(_sidebar())
    dialog.setDirectory(str(_start_folder()))  # also resets Qt's global lastVisited
