"""The global search (Ctrl+K): results as you type, grouped by kind, that open the record.

`SearchPopup` is a panel laid over the main window under the search box (a child widget,
not a separate window, so it never steals the keyboard focus from the box and it vanishes
with the window on lock). It asks `vault.search.search()` for the best hits as soon as
the keys typed so far have been taken and groups them: cases, people, events, notes,
documents. Titles and snippets are vault text, shown as plain item text with escaped
tooltips. No SQL here.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel.core.search import SearchHit
from satchel.core.vault import Vault
from satchel.errors import SatchelError
from satchel.gui.common import icons
from satchel.gui.common.plaintext import plain_tooltip, set_plain_text
from satchel.gui.common.workers import user_message

__all__ = ["KIND_ORDER", "SearchPopup", "kind_label"]

translate = QCoreApplication.translate  # the name lupdate looks for

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SPANS_ROLE = Qt.ItemDataRole.UserRole + 2
_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})

KIND_ORDER = ("case", "person", "event", "note", "document", "colleague")
_KIND_ICONS = {
    "case": "cases",
    "person": "person",
    "event": "event",
    "note": "note",
    "document": "document",
    "colleague": "colleagues",
}
RESULT_LIMIT = 40
# The search runs on the next turn of the event loop after a key, not at once: keys that
# arrived while the previous search ran are taken together, so a fast typist never waits
# for the searches of intermediate words, and results appear as soon as typing pauses.
DEBOUNCE_MS = 0


def kind_label(kind: str) -> str:
    labels = {
        "case": translate("SearchPopup", "Cases"),
        "person": translate("SearchPopup", "People"),
        "event": translate("SearchPopup", "Events"),
        "note": translate("SearchPopup", "Notes"),
        "document": translate("SearchPopup", "Documents"),
        "colleague": translate("SearchPopup", "Colleagues"),
    }
    return labels.get(kind) or translate("SearchPopup", "Other")


class _MatchDelegate(QStyledItemDelegate):
    """Draws a snippet with its matched words in bold.

    The text is laid out as plain text with character formats on the match spans: no
    markup is ever built from vault text, so nothing in a snippet can be interpreted.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        spans = index.data(SPANS_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        formats = []
        for start, end in spans:
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length, fmt.format = start, end - start, bold
            formats.append(fmt)
        layout = QTextLayout(text, opt.font)
        layout.setFormats(formats)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)  # one line; the painter's clip cuts what does not fit
        layout.endLayout()
        selected = opt.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))
        top = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left() + 2, top))
        painter.restore()


class SearchPopup(QFrame):
    """Results under the search box `anchor`; emits `open_record(kind, id)` on choice."""

    open_record = Signal(str, str)
    results_shown = Signal(int)  # how many hits (for tests and the benchmark)

    def __init__(self, vault: Vault, anchor: QLineEdit, parent: QWidget) -> None:
        super().__init__(parent)
        self._vault: Vault | None = vault
        self._anchor = anchor
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Search results"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the box
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(True)
        self.tree.setItemDelegateForColumn(1, _MatchDelegate(self.tree))
        self.tree.itemClicked.connect(self._open_item)
        lay.addWidget(self.tree)
        self.message = QLabel(self)
        self.message.setObjectName("muted")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        anchor.textEdited.connect(self._schedule)
        anchor.returnPressed.connect(self.open_current)
        anchor.installEventFilter(self)

    # -- searching --------------------------------------------------------------------------

    def _schedule(self, _text: str = "") -> None:
        self._timer.start()

    def run_search(self) -> int:
        """Search for the box's text now; returns the number of hits shown."""
        self._timer.stop()
        query = self._anchor.text()
        self.tree.clear()
        if self._vault is None or not query.strip():
            self.hide()
            return 0
        try:
            hits = self._vault.search.search(query, limit=RESULT_LIMIT)
        except SatchelError as e:
            hits = []
            set_plain_text(self.message, user_message(e))
        else:
            self.message.setText(
                "" if hits else self.tr("Nothing found. Names match in any script or spelling.")
            )
        self.message.setVisible(bool(self.message.text()))
        groups: dict[str, list[SearchHit]] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        order = [k for k in KIND_ORDER if k in groups] + sorted(set(groups) - set(KIND_ORDER))
        first: QTreeWidgetItem | None = None
        for kind in order:
            group = QTreeWidgetItem([f"{kind_label(kind)} ({len(groups[kind])})", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for hit in groups[kind]:
                # Line breaks become spaces one for one, so the match spans still fit.
                snippet = hit.snippet.translate(_ONE_LINE)
                item = QTreeWidgetItem([hit.title, snippet])
                item.setData(1, SPANS_ROLE, list(hit.spans))
                item.setIcon(0, icons.icon(_KIND_ICONS.get(kind, "search")))
                item.setData(0, KIND_ROLE, kind)
                item.setData(0, ID_ROLE, hit.record_id)
                item.setToolTip(0, plain_tooltip(hit.title))
                item.setToolTip(1, plain_tooltip(snippet))
                group.addChild(item)
                if first is None:
                    first = item
        self.tree.expandAll()
        if first is not None:
            self.tree.setCurrentItem(first)
        self._place()
        self.show()
        self.raise_()
        self.results_shown.emit(len(hits))
        return len(hits)

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        # The box sits in the toolbar, not inside `parent`: go through global coordinates.
        below = parent.mapFromGlobal(self._anchor.mapToGlobal(QPoint(0, self._anchor.height() + 2)))
        width = max(self._anchor.width(), min(640, parent.width() - below.x() - 12))
        rows = sum(1 + g.childCount() for g in self._top_items())
        height = min(parent.height() - below.y() - 12, 60 + rows * 26)
        x = min(below.x(), parent.width() - width - 8)
        self.setGeometry(max(8, x), below.y(), width, max(80, height))

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def result_items(self) -> list[QTreeWidgetItem]:
        """Every hit shown, in order (group headers excluded)."""
        items = (g.child(i) for g in self._top_items() for i in range(g.childCount()))
        return [item for item in items if item is not None]

    # -- choosing ---------------------------------------------------------------------------

    def _move(self, step: int) -> None:
        items = self.result_items()
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else -1
        index = max(0, min(len(items) - 1, index + step))
        self.tree.setCurrentItem(items[index])
        self.tree.scrollToItem(items[index])

    def open_current(self) -> None:
        if self._timer.isActive():
            self.run_search()  # Enter pressed before the results caught up
        item = self.tree.currentItem()
        if item is not None and item.data(0, ID_ROLE):
            self._open_item(item)

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, record_id = item.data(0, KIND_ROLE), item.data(0, ID_ROLE)
        if not record_id:
            return
        self.dismiss()
        self.open_record.emit(kind, record_id)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._anchor:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                key = event.key()
                if key == Qt.Key.Key_Down:
                    self._move(1)
                    return True
                if key == Qt.Key.Key_Up:
                    self._move(-1)
                    return True
                if key == Qt.Key.Key_Escape:
                    self.dismiss()
                    self._anchor.clear()
                    return True
            elif event.type() == QEvent.Type.FocusIn and self._anchor.text().strip():
                self._schedule()
            elif event.type() == QEvent.Type.FocusOut:
                # Clicking a result keeps the focus (the list takes none); clicking
                # anywhere else moves it, and the results go away.
                self.dismiss()
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        """Drop every result and the vault (lock)."""
        self._timer.stop()
        self.tree.clear()
        self.message.clear()
        self.hide()
        self._vault = None
