"""The passphrase field: edits like a line edit, and no typed character ever reaches Qt's text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from satchel.gui.common.secret_field import SecretField


def _typed(field: SecretField) -> str:
    with field.secret() as secret:
        return bytes(secret.view()).decode("utf-8")


def _only_stand_ins(field: SecretField) -> bool:
    return all(0xE000 <= ord(ch) < 0xF900 for ch in field.text())


def _key(field: SecretField, char: str) -> None:
    # As a Russian keyboard layout sends a letter: no key code Qt knows, only the text.
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_typed_latin_and_cyrillic_are_kept_but_never_in_qt_text(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "violet ")
    for ch in "тропа ёж":
        _key(field, ch)
    assert _typed(field) == "violet тропа ёж"
    assert _only_stand_ins(field)
    assert field.char_count() == len("violet тропа ёж")
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_editing_keys_work_on_the_real_characters(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "abcd")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Left)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, "X")
    assert _typed(field) == "abX"
    field.selectAll()
    qtbot.keyClicks(field, "new")
    assert _typed(field) == "new"


def test_paste_arrives_as_stand_ins(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    QGuiApplication.clipboard().setText("pasted ключ\nsecond line")
    try:
        paste = QKeySequence(QKeySequence.StandardKey.Paste)[0]
        qtbot.keyClick(field, paste.key(), paste.keyboardModifiers())
    finally:
        QGuiApplication.clipboard().clear()
    assert _typed(field) == "pasted ключ"
    assert _only_stand_ins(field)


def test_text_from_an_input_method_arrives_as_stand_ins(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    event = QInputMethodEvent("", [])
    event.setCommitString("日本語")
    QApplication.sendEvent(field, event)
    assert _typed(field) == "日本語"
    assert _only_stand_ins(field)


def test_clear_forgets_the_text_and_leaves_nothing_to_undo(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "secret words")
    field.clear()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.is_empty()
    assert not any(field._table)  # the characters behind the stand-ins are overwritten


def test_matches_compares_two_fields(qtbot):
    first, second = SecretField(), SecretField()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    qtbot.keyClicks(first, "same words")
    qtbot.keyClicks(second, "same words")
    assert first.matches(second)
    qtbot.keyClicks(second, "!")
    assert not first.matches(second)


def test_shown_text_is_painted_and_the_field_stays_protected(qtbot):
    field = SecretField()
    qtbot.addWidget(field)
    field.resize(300, 32)
    qtbot.keyClicks(field, "mmmm")
    masked = field.grab().toImage()
    field.set_revealed(True)
    shown = field.grab().toImage()
    assert shown != masked
    assert field.echoMode() == QLineEdit.EchoMode.Password  # nothing to copy, still protected
    assert _only_stand_ins(field)
