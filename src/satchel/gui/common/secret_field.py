"""SecretField: a passphrase field whose text never becomes a Qt string or a Python `str`.

A QLineEdit keeps its text in QString buffers that are freed without being zeroed, and in its
undo history; a dump of the process after a lock found the typed passphrase there (issue 12).
SecretField is a QLineEdit in Password mode whose own text is made of stand-ins: every
character the user types, pastes or composes gets a private-use code point of its own
(U+E000 onwards), and the real character behind each stand-in is kept in one fixed-size
bytearray that `clear()` overwrites. Qt still does the editing, selection, undo, cursor and
bullets, and tells assistive technology that the text is protected; only stand-ins ever reach
a QString. `secret()` hands the text over as a SecretText, which its receiver wipes.

Shown (`set_revealed`), the characters are painted one at a time, so no QString of the whole
text is made for painting either. What this field cannot cover: text pasted from the
clipboard was already in the clipboard's own memory, and an input method may keep what it
composed.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QFocusEvent,
    QFontMetricsF,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

from satchel.crypto.secret import SecretText, wipe_buffer, wipe_immutable

__all__ = ["SecretField", "letter_script"]

_FIRST = 0xE000
_COUNT = 0xF900 - _FIRST  # the Basic Multilingual Plane's private use area: 6400 stand-ins
_MAX_CHARS = 1024
"""Far beyond any passphrase; a paste longer than this is cut, as QLineEdit's maxLength does."""


def letter_script(point: int) -> str | None:
    """'latin' or 'cyrillic' for a letter of that alphabet, else None (digits, signs...)."""
    ch = chr(point)
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    return None


class SecretField(QLineEdit):
    """A line edit for a passphrase or a recovery code; see the module docstring.

    While keys are typed it also reports what could make a right passphrase fail, guessed
    from the letters themselves (no platform says it reliably): `caps_lock_changed(on)` when
    a capital arrives without Shift or a small letter with it, and `letter_typed(script)`
    with the alphabet ('latin', 'cyrillic') of each letter typed.
    """

    caps_lock_changed = Signal(bool)
    letter_typed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(_MAX_CHARS)
        self.setAcceptDrops(False)
        self.setDragEnabled(False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        # The real character of stand-in i, as 4 bytes little-endian, at 4*i. Fixed size,
        # so it never moves (a grown bytearray would leave its old copy behind, unzeroed).
        self._table = bytearray(4 * _COUNT)
        self._used = 0
        self._revealed = False
        self._scroll = 0.0
        self._anchor = 0
        self._blink_on = True
        self._blink = QTimer(self)
        self._blink.timeout.connect(self._toggle_blink)
        self.caps_lock: bool | None = None  # unknown until a letter or Caps Lock is pressed
        self.textChanged.connect(self._keep_stand_ins_only)

    # -- what the rest of the client uses ----------------------------------------------------

    def secret(self) -> SecretText:
        """A copy of the text for the receiver to wipe (the field keeps its own)."""
        return SecretText.from_code_points(self._points())

    def char_count(self) -> int:
        return len(self.text())

    def is_empty(self) -> bool:
        return not self.text()

    def matches(self, other: SecretField) -> bool:
        """Whether both fields hold the same text (compared without making it a `str`)."""
        with self.secret() as mine, other.secret() as theirs:
            return mine.equals(theirs)

    def clear(self) -> None:
        """Empty the field, its undo history and the table of characters behind it."""
        # setText, unlike QLineEdit.clear(), also drops the undo history, whose entries
        # would otherwise point at characters wiped below.
        super().setText("")
        wipe_buffer(self._table)
        self._used = 0
        self._scroll = 0.0

    def setText(self, text: str | None) -> None:
        """Replace the text (for code that already holds it as a `str`, such as tests)."""
        self.clear()
        self.insert_characters(text or "")

    def set_revealed(self, shown: bool) -> None:
        """Paint the characters themselves instead of bullets (the echo mode stays Password,
        so nothing can be copied and assistive technology still hears a protected text)."""
        self._revealed = shown
        self._sync_blink()
        self.update()

    @property
    def revealed(self) -> bool:
        return self._revealed

    def insert_characters(self, text: str) -> None:
        """Insert `text` at the cursor as stand-ins (replacing any selection)."""
        room = _MAX_CHARS - len(self.text()) + len(self.selectedText())
        stand_ins = "".join(chr(self._stand_in(ord(ch))) for ch in text[: max(room, 0)])
        self.insert(stand_ins)

    # -- input: every way text arrives becomes stand-ins -------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self._paste(QClipboard.Mode.Clipboard)
            event.accept()
            return
        text = event.text()
        if event.key() == Qt.Key.Key_CapsLock and self.caps_lock is not None:
            self._set_caps_lock(not self.caps_lock)
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        for ch in text:
            if ch.lower() != ch.upper():
                self._set_caps_lock(ch.isupper() != shifted)
            script = letter_script(ord(ch))
            if script is not None:
                self.letter_typed.emit(script)
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        # AltGr arrives as Ctrl+Alt on Windows; otherwise Ctrl and Meta make a shortcut.
        shortcut = bool(
            mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        )
        if text and text.isprintable() and (not shortcut or mods == ctrl_alt):
            self.insert_characters(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if not commit:
            # Composition in progress: nothing is shown in a protected field until committed.
            event.accept()
            return
        stand_ins = "".join(chr(self._stand_in(ord(ch))) for ch in commit)
        replacement = QInputMethodEvent("", [])
        replacement.setCommitString(stand_ins, event.replacementStart(), event.replacementLength())
        super().inputMethodEvent(replacement)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                # Qt's own paste would put the clipboard's text into the line edit as is.
                action.triggered.disconnect()
                action.triggered.connect(lambda: self._paste(QClipboard.Mode.Clipboard))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            event.accept()  # the X11 selection is pasted on release, through _paste
            return
        if self._revealed and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            position = self._position_at(event.position().x())
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.setSelection(self._anchor, position - self._anchor)
            else:
                self._anchor = position
                self.setCursorPosition(position)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._revealed and event.buttons() & Qt.MouseButton.LeftButton:
            position = self._position_at(event.position().x())
            self.setSelection(self._anchor, position - self._anchor)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            if QGuiApplication.clipboard().supportsSelection():
                self._paste(QClipboard.Mode.Selection)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._revealed:
            self.selectAll()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._sync_blink()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._sync_blink()

    # -- painting the shown text one character at a time -------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._revealed or not self.text():
            super().paintEvent(event)  # bullets, or the placeholder of an empty field
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        area = self._text_area(option)
        metrics = QFontMetricsF(self.font())
        points = self._points()
        advances = [metrics.horizontalAdvance(chr(p)) for p in points]
        cursor_x = sum(advances[: self.cursorPosition()])
        if cursor_x - self._scroll > area.width() - 1:
            self._scroll = cursor_x - area.width() + 1
        elif cursor_x < self._scroll:
            self._scroll = cursor_x
        painter.setClipRect(area)
        baseline = area.top() + (area.height() - metrics.height()) / 2 + metrics.ascent()
        palette = self.palette()
        start = self.selectionStart()
        end = start + len(self.selectedText()) if start >= 0 else -1
        x = area.left() - self._scroll
        for i, (point, width) in enumerate(zip(points, advances, strict=True)):
            if start <= i < end:
                painter.fillRect(QRectF(x, area.top(), width, area.height()), palette.highlight())
                painter.setPen(palette.highlightedText().color())
            else:
                painter.setPen(palette.text().color())
            painter.drawText(QPointF(x, baseline), chr(point))
            x += width
        if self.hasFocus() and self._blink_on and end < 0:
            left = area.left() - self._scroll + cursor_x
            painter.fillRect(QRectF(left, area.top(), 1, area.height()), palette.text())
        for i in range(len(points)):
            points[i] = 0
        painter.end()

    # -- internals ---------------------------------------------------------------------------

    def _set_caps_lock(self, on: bool) -> None:
        if on != self.caps_lock:
            self.caps_lock = on
            self.caps_lock_changed.emit(on)

    def _stand_in(self, point: int) -> int:
        if self._used == _COUNT:
            self._renumber()
        index = self._used
        self._used += 1
        self._table[4 * index : 4 * index + 4] = point.to_bytes(4, "little")
        return _FIRST + index

    def _renumber(self) -> None:
        """All stand-ins used up (a very long editing session): number the text afresh."""
        points = self._points()
        position = self.cursorPosition()
        self.clear()
        stand_ins = "".join(chr(self._stand_in(p)) for p in points)
        for i in range(len(points)):
            points[i] = 0
        super().setText(stand_ins)
        self.setCursorPosition(position)

    def _points(self) -> list[int]:
        table = self._table
        out = []
        for ch in self.text():
            i = 4 * (ord(ch) - _FIRST)
            out.append(int.from_bytes(table[i : i + 4], "little"))
        return out

    def _keep_stand_ins_only(self, text: str) -> None:
        """Guard against a path that put real characters into Qt's text (one we missed)."""
        if all(_FIRST <= ord(ch) < _FIRST + self._used for ch in text):
            return
        position = self.cursorPosition()
        fixed = "".join(
            ch if _FIRST <= ord(ch) < _FIRST + self._used else chr(self._stand_in(ord(ch)))
            for ch in text
        )
        self.blockSignals(True)
        try:
            super().setText(fixed)
            self.setCursorPosition(position)
        finally:
            self.blockSignals(False)
        wipe_immutable(text)

    def _paste(self, mode: QClipboard.Mode) -> None:
        text = QGuiApplication.clipboard().text(mode)
        # One line, as QLineEdit pastes: the first line only.
        line = text.splitlines()[0] if text else ""
        self.insert_characters(line)
        if line is not text:
            wipe_immutable(line)
        wipe_immutable(text)

    def _text_area(self, option: QStyleOptionFrame) -> QRectF:
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        # QLineEdit's own inner margins: 2 px left and right, 1 px top and bottom.
        return QRectF(
            rect.adjusted(
                margins.left() + 2, margins.top() + 1, -margins.right() - 2, -margins.bottom() - 1
            )
        )

    def _position_at(self, x: float) -> int:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        left = self._text_area(option).left() - self._scroll
        metrics = QFontMetricsF(self.font())
        points = self._points()
        position = len(points)
        for i, point in enumerate(points):
            width = metrics.horizontalAdvance(chr(point))
            if x < left + width / 2:
                position = i
                break
            left += width
        for i in range(len(points)):
            points[i] = 0
        return position

    def _sync_blink(self) -> None:
        if self._revealed and self.hasFocus():
            interval = QGuiApplication.styleHints().cursorFlashTime() // 2
            if interval > 0:
                self._blink.start(interval)
            self._blink_on = True
        else:
            self._blink.stop()

    def _toggle_blink(self) -> None:
        self._blink_on = not self._blink_on
        self.update()
