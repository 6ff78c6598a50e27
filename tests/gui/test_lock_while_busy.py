"""The lock answers while the client renders a huge note (a 1.6 MB nested Markdown note once
froze the window for minutes, and no shortcut and no `satchel lock` worked meanwhile).

Measured in event-loop turns, not wall time: the note renders one small piece per turn, so
a Ctrl+Shift+L queued behind it is handled within a few turns.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from shell_helpers import PASSPHRASE
from test_lock_anywhere import press, unlock
from tests.kdf import FAST_KDF

from satchel.core.model import NoteFormat
from satchel.core.vault import Vault
from satchel.gui.app import Session
from satchel.gui.notes.pieces import SHOWN_CHARS, note_pieces

# Nested lists, the shape whose rendering grows quadratically in Qt: about 1.6 MB.
# Just under the core's limit on a note (MAX_NOTE_BODY, 1,000,000 characters): the 1.6 MB note
# of the report is no longer accepted, and a million characters of nested lists took Qt minutes.
OLD_NOTE = "# Witness statements, as transcribed\n\n" + "- a\n  - b\n    - c\n" * 90_000
HUGE_NOTE = "# Witness statements, as transcribed\n\n" + "- a\n  - b\n    - c\n" * 55_000


class Turns:
    """Counts turns of the event loop (a zero-interval timer fires once per turn)."""

    def __init__(self) -> None:
        self.count = 0
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self.count += 1

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def huge_note_folder(vault_dir: Path) -> tuple[Path, str]:
    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf_params=FAST_KDF)
    with v:
        case = v.cases.create(title="Fictional extradition case")
        v.notes.create(case.id, HUGE_NOTE, format=NoteFormat.MARKDOWN)
    return vault_dir, case.id


@pytest.fixture
def session(qtbot, huge_note_folder, tmp_path, monkeypatch) -> Iterator[Session]:
    s = Session(huge_note_folder[0])
    s.start()
    unlock(qtbot, s)
    yield s
    s.shutdown()


def test_lock_takes_effect_within_a_few_turns_while_a_huge_note_renders(
    qtbot, session: Session, huge_note_folder
):
    window = session.main_window
    vault = session.vault
    window.open_record("case", huge_note_folder[1])
    view = window.case_view.notes.view
    window.case_view.show_tab(window.case_view.NOTES)
    qtbot.waitUntil(lambda: view.rendering, timeout=10_000)
    turns = Turns()
    at_press: list[int] = []

    def press_now() -> None:
        at_press.append(turns.count)
        press()

    QTimer.singleShot(0, press_now)
    qtbot.waitUntil(lambda: session.main_window is None, timeout=60_000)
    locked_after = turns.count - at_press[0] if at_press else None
    turns.stop()

    assert at_press, "the key was never delivered"
    assert locked_after is not None and locked_after <= 3
    assert vault.closed
    assert not view.rendering, "the lock must stop the rendering"
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [session.unlock_screen]


def test_a_huge_note_is_shown_in_part_and_says_what_it_left_out(qtbot):
    from satchel.gui.notes.panel import SafeNoteView

    # A note past today's limit, as an older vault or Satchel may still hold one.
    view = SafeNoteView()
    qtbot.addWidget(view)
    view.show_note(OLD_NOTE, NoteFormat.MARKDOWN)
    assert view.rendering
    view.finish_rendering()
    text = view.plain_text()
    assert text.startswith("Witness statements, as transcribed")
    assert "the rest of it is shown as plain text" in text
    # Past the Markdown part, the source itself: every line of the note is there.
    # Then the source itself, up to what the view shows at most, and how much more there is.
    assert "- a\n  - b\n    - c\n- a" in text
    left_out = list(note_pieces(OLD_NOTE))[-1].left_out
    assert 0 < len(OLD_NOTE) - left_out <= SHOWN_CHARS
    assert text.endswith(
        "- c\n"
        f"The note goes on for {left_out} more characters, not shown "
        "here: it is too long to show at once. It is kept whole in the vault."
    )
