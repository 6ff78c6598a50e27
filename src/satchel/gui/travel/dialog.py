"""Travel mode in the client: the dialog that starts a trip, and the restore after it.

Both run the core exactly as `satchel travel start|restore` does (satchel.bundle.travel):
`start_travel` writes the cases not carried into one bundle, proves it restores in a
throw-away vault, removes them and rewrites the vault under a new master key; this module
only asks, shows the steps, and shows the NEW recovery code once.

The lock during the work (the choice, DESIGN §6): until the bundle is proven, a lock
cancels the job (the bundle it wrote is removed, nothing else was touched). From the moment
the removal begins the job is past its point of no return (JobContext.point_of_no_return):
the lock hides every window at once as always, then waits for the rewrite under the new
key to finish before it closes the vault, since closing it under the rewrite would leave a
vault whose cases are gone but whose old key still stands until the next start finishes it.

After the trip has started the session locks and the passphrase (unchanged) is asked again:
every page and model of the main window was built on the old database and still holds the
left-behind cases' text in memory; the lock clears all of it, and the unlock opens a new
window on the rewritten vault. The new recovery code is known only to this dialog until the
user confirms it is written down; until then the vault keeps the mark CODE_UNSEEN_SETTING
(set by the job, cleared on that confirmation), so a lock or a crash before it is followed
by the advice to make a new recovery code (Settings → Security), never by silence.

Nothing here keeps a passphrase: the fields are SecretFields, their secrets are wiped when
the job ends, and the dialog is not a draft form (it holds passphrases and a choice of
cases that must be made afresh).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satchel import i18n
from satchel.bundle.merge import ImportResult
from satchel.bundle.travel import rewrite_pending, travel_since
from satchel.core.events import due_day
from satchel.core.model import RoleKind, Verification
from satchel.core.vault import Vault
from satchel.crypto.secret import SecretText
from satchel.gui.common.file_dialogs import choose_open_file, choose_save_file
from satchel.gui.common.plaintext import plain_message, plain_tooltip, set_plain_text
from satchel.gui.common.secret_field import SecretField
from satchel.gui.common.workers import Job, JobContext, run_job

__all__ = [
    "CODE_UNSEEN_SETTING",
    "TravelDialog",
    "TravelRestore",
    "travel_notice",
]

CODE_UNSEEN_SETTING = "travel/recovery_code_unseen"
"""True from the rewrite under a new key until the user confirmed the new code written down."""

BUNDLE_FILTER = "*.satchel"

# The steps as the core reports them (its `checkpoint` names), each with what is done after it.
_STEPS_DONE = {"bundle": 1, "proven": 2, "purged": 3, "finished": 4}
_STEP_COUNT = 4
_ID_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("TravelDialog", text)


def travel_notice(vault: Vault) -> str:
    """The status bar's discreet words while a trip is on ("" when none is)."""
    since = travel_since(vault)
    if since is None:
        return ""
    text = _tr("Travel mode since {0}").format(i18n.format_date(since))
    if vault.settings.get(CODE_UNSEEN_SETTING):
        text += " · " + _tr("make a new recovery code: Settings → Security")
    return text


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


@dataclass(frozen=True)
class _Row:
    case_id: str
    title: str
    client: str
    deadline: date | None


def _rows(vault: Vault) -> list[_Row]:
    """Every case with its clients and its next deadline (three queries, as the cases list)."""
    cases = vault.cases.list(order="title")
    ids = [c.id for c in cases]
    deadlines = vault.events.next_deadlines(ids)
    roles = vault.roles.of_cases(ids, RoleKind.CLIENT)
    people = vault.people.primary_names([r.person_id for r in roles])
    clients: dict[str, list[str]] = {}
    for role in roles:
        if role.person_id in people:
            clients.setdefault(role.case_id, []).append(people[role.person_id])
    return [
        _Row(
            c.id,
            c.title,
            ", ".join(clients.get(c.id, [])),
            due_day(deadlines[c.id]) if c.id in deadlines else None,
        )
        for c in cases
    ]


def _wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel()
    set_plain_text(label, text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class TravelDialog(QDialog):
    """Settings → Travel mode…: choose what to carry, write the rest away, show the new code.

    Four pages: the choice, the summary before the irreversible step, the steps while the
    job runs, and the new recovery code (confirmed as written down). `trip_started` is
    emitted when the user has confirmed it; the session then locks (see the module).
    """

    trip_started = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("travelDialog")
        self.setWindowTitle(self.tr("Travel mode"))
        self._vault = vault
        self._job: Job | None = None
        self._done_steps = 0
        self._finishing = rewrite_pending(vault)  # an interrupted start: only the key is left
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._summary_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._code_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(760, 620)
        self._fill_cases()
        # QDialog.done, which the lock calls past the override below, emits `finished`.
        self.finished.connect(self._forget)

    # -- page 1: what to carry, where the rest goes, the passphrase -------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        if self._finishing:
            intro = self.tr(
                "The start of a trip was interrupted after the cases left behind were removed "
                "and before the vault was rewritten under a new key. Give the passphrase to "
                "finish it; the cases left behind are in the bundle written then."
            )
        else:
            intro = self.tr(
                "Tick the cases to carry across the border (possibly none). Every other case "
                "is written to one encrypted bundle, read back whole to prove it restores, "
                "and only then removed from this laptop without a trace. This is not "
                "deniability: the vault shows that a trip is on, and lying to a border "
                "official or destroying evidence can be an offence."
            )
        lay.addWidget(_wrapped(intro))
        self.cases = QTreeWidget(page)
        self.cases.setObjectName("travelCases")
        self.cases.setHeaderLabels([self.tr("Case"), self.tr("Client"), self.tr("Next deadline")])
        self.cases.setRootIsDecorated(False)
        self.cases.setUniformRowHeights(True)
        self.cases.setAccessibleName(self.tr("Cases to carry"))
        header = self.cases.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.cases.itemChanged.connect(lambda *_: self._update_count())
        lay.addWidget(self.cases, 1)
        ticks = QHBoxLayout()
        self.count_label = _wrapped("")
        ticks.addWidget(self.count_label, 1)
        carry_none = QPushButton(self.tr("Carry none"), page)
        carry_none.clicked.connect(lambda: self._tick_all(False))
        carry_all = QPushButton(self.tr("Carry all"), page)
        carry_all.clicked.connect(lambda: self._tick_all(True))
        ticks.addWidget(carry_none)
        ticks.addWidget(carry_all)
        lay.addLayout(ticks)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        where = QHBoxLayout()
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("travelBundlePath")
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Bundle of the cases left behind"))
        self.path_edit.setPlaceholderText(self.tr("Choose where to write it"))
        choose = QPushButton(self.tr("Choose…"), page)
        choose.clicked.connect(self.choose_bundle_path)
        where.addWidget(self.path_edit, 1)
        where.addWidget(choose)
        self.where_row = QWidget(page)
        self.where_row.setLayout(where)
        where.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Bundle:"), self.where_row)
        self.where_warning = _wrapped(
            self.tr(
                "Do not carry this bundle on the same laptop: it opens with this vault's "
                "passphrase, the one a border official may make you give. Send it to a "
                "colleague, or leave it on a drive that stays behind; then delete it from "
                "this machine."
            ),
            "warningBanner",
        )
        form.addRow(self.where_warning)
        self.colleague = QComboBox(page)
        self.colleague.setAccessibleName(self.tr("Also encrypt to"))
        self.colleague.addItem(self.tr("No one (this vault only)"), None)
        for c in self._vault.colleagues.list(verification=Verification.VERIFIED):
            self.colleague.addItem(c.name, c.id)  # a combo box shows plain text
        form.addRow(self.tr("Also encrypt to:"), self.colleague)
        self.passphrase = SecretField(page)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.duress = SecretField(page)
        self.duress.setAccessibleName(self.tr("Duress passphrase"))
        form.addRow(self.tr("Duress passphrase:"), self.duress)
        self.duress_hint = _wrapped(
            self.tr(
                "Only if you set one: it must keep opening the decoy under the new key. "
                "Leave it empty otherwise."
            )
        )
        form.addRow(self.duress_hint)
        lay.addLayout(form)
        self.choice_status = _wrapped("", "travelStatus")
        self.choice_status.setStyleSheet("color: palette(highlight); font-weight: bold;")
        lay.addWidget(self.choice_status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.continue_button = QPushButton(self.tr("Continue…"), page)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.review)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(cancel)
        lay.addLayout(buttons)
        if self._finishing:
            for w in (self.cases, self.count_label, carry_none, carry_all, self.where_row):
                w.setVisible(False)
            self.where_warning.setVisible(False)
            self.colleague.setEnabled(False)
        return page

    def _fill_cases(self) -> None:
        if self._finishing:
            return
        self.cases.blockSignals(True)
        for row in _rows(self._vault):
            deadline = i18n.format_date(row.deadline) if row.deadline else ""
            item = QTreeWidgetItem([row.title, row.client, deadline])
            item.setData(0, _ID_ROLE, row.case_id)
            item.setToolTip(0, plain_tooltip(row.title))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            self.cases.addTopLevelItem(item)
        self.cases.blockSignals(False)
        self._update_count()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.cases.topLevelItem(i) for i in range(self.cases.topLevelItemCount()))
        return [item for item in found if item is not None]

    def _tick_all(self, carry: bool) -> None:
        state = Qt.CheckState.Checked if carry else Qt.CheckState.Unchecked
        self.cases.blockSignals(True)
        for item in self._items():
            item.setCheckState(0, state)
        self.cases.blockSignals(False)
        self._update_count()

    def set_carried(self, case_ids: set[str]) -> None:
        """Tick exactly these cases (the rest leave)."""
        self.cases.blockSignals(True)
        for item in self._items():
            carried = item.data(0, _ID_ROLE) in case_ids
            item.setCheckState(0, Qt.CheckState.Checked if carried else Qt.CheckState.Unchecked)
        self.cases.blockSignals(False)
        self._update_count()

    def carried(self) -> list[str]:
        return [
            str(item.data(0, _ID_ROLE))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _counts(self) -> tuple[int, int]:
        total = self.cases.topLevelItemCount()
        stay = len(self.carried())
        return stay, total - stay

    def _update_count(self) -> None:
        stay, leave = self._counts()
        set_plain_text(
            self.count_label,
            self.tr("Carried: {0} · left behind: {1}").format(
                i18n.format_number(stay), i18n.format_number(leave)
            ),
        )

    def choose_bundle_path(self) -> None:
        suggested = Path.home() / (self.tr("left-behind") + f"-{date.today().isoformat()}.satchel")
        chosen = choose_save_file(
            self,
            self.tr("Where to write the cases left behind"),
            suggested,
            self.tr("Satchel bundles ({0})").format(BUNDLE_FILTER),
        )
        if chosen is not None:
            self.set_bundle_path(chosen)

    def set_bundle_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def bundle_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def _problem(self) -> str | None:
        """What stops the start, said once, before anything is written."""
        if self.passphrase.is_empty():
            return self.tr("Enter the passphrase: the vault is rewritten under a new key.")
        if self._finishing:
            return None
        path = self.bundle_path()
        if path is None:
            return self.tr("Choose where to write the bundle of the cases left behind.")
        if _inside(path, self._vault.path) or _inside(path.parent, self._vault.path):
            return self.tr(
                "Write the bundle outside the vault folder: it would be removed or found "
                "with the vault. Choose another place."
            )
        if path.exists() or path.is_symlink():
            return self.tr("That file exists already: choose a new name for the bundle.")
        if not path.parent.is_dir():
            return self.tr("That folder does not exist: choose another place.")
        _stay, leave = self._counts()
        if leave == 0:
            return self.tr("Every case is carried: nothing would be left behind.")
        return None

    def review(self) -> None:
        problem = self._problem()
        if problem:
            self.show_problem(problem)
            return
        self.choice_status.clear()
        stay, leave = self._counts()
        if self._finishing:
            text = self.tr(
                "The vault will be rewritten under a new key. A NEW recovery code will be "
                "shown once; the old one will stop working."
            )
        else:
            text = self.tr(
                "{0} cases stay, {1} leave. They are written to {2}, read back to prove they "
                "restore, then removed from this laptop with every trace of them. The vault "
                "will be rewritten under a new key; a NEW recovery code will be shown once "
                "and the old one will stop working. This cannot be undone here: only "
                "restoring the bundle brings the cases back."
            ).format(i18n.format_number(stay), i18n.format_number(leave), self.bundle_path())
        set_plain_text(self.summary_text, text)
        self.pages.setCurrentIndex(1)
        self.start_button.setFocus()

    def show_problem(self, text: str) -> None:
        self.pages.setCurrentIndex(0)
        set_plain_text(self.choice_status, text)

    # -- page 2: the summary before the irreversible step -----------------------------------

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        heading = _wrapped(self.tr("Before anything is removed"))
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        lay.addWidget(heading)
        self.summary_text = _wrapped("", "travelSummary")
        lay.addWidget(self.summary_text)
        lay.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        back = QPushButton(self.tr("Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.start_button = QPushButton(self.tr("Start travel mode"), page)
        self.start_button.clicked.connect(self.start)
        buttons.addWidget(back)
        buttons.addWidget(self.start_button)
        lay.addLayout(buttons)
        return page

    # -- page 3: the steps ------------------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(_wrapped(self.tr("Working. Do not close the laptop.")))
        steps = QGridLayout()
        steps.setColumnStretch(1, 1)
        self.step_labels = []
        self.step_marks = []
        for i, text in enumerate(
            (
                self.tr("Writing the bundle"),
                self.tr("Proving it restores in a throw-away vault"),
                self.tr("Removing the cases left behind"),
                self.tr("Rewriting the vault under a new key"),
            )
        ):
            mark = QLabel(page)
            mark.setTextFormat(Qt.TextFormat.PlainText)
            mark.setMinimumWidth(mark.fontMetrics().horizontalAdvance("✓→") + 4)
            label = _wrapped(text)
            steps.addWidget(mark, i, 0)
            steps.addWidget(label, i, 1)
            self.step_marks.append(mark)
            self.step_labels.append(label)
        lay.addLayout(steps)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setRange(0, _STEP_COUNT)
        self.progress_bar.setTextVisible(False)  # the steps above say where it is
        lay.addWidget(self.progress_bar)
        lay.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.stop_button = QPushButton(self.tr("Stop"), page)
        self.stop_button.setToolTip(self.tr("Possible until the removal begins"))
        self.stop_button.clicked.connect(self._stop)
        buttons.addWidget(self.stop_button)
        lay.addLayout(buttons)
        return page

    def _show_steps(self, done: int) -> None:
        self._done_steps = max(self._done_steps, done)
        first = 3 if self._finishing else 0
        for i, (mark, label) in enumerate(zip(self.step_marks, self.step_labels, strict=True)):
            if i < first:
                mark.setText("–")
            elif i < self._done_steps:
                mark.setText("✓")
            elif i == self._done_steps:
                mark.setText("→")
            else:
                mark.setText("")
            font = label.font()
            font.setBold(i == self._done_steps)
            label.setFont(font)
        self.progress_bar.setValue(self._done_steps)
        self.stop_button.setEnabled(self._done_steps < 2 and not self._finishing)

    def _stop(self) -> None:
        if self._job is not None:
            self.stop_button.setEnabled(False)
            self._job.cancel()

    def start(self) -> None:
        """Run the core's start of travel mode off the GUI thread (see the module on locks)."""
        problem = self._problem()
        if problem:
            self.show_problem(problem)
            return
        from satchel.bundle.travel import start_travel

        vault = self._vault
        carry = self.carried()
        dest = self.bundle_path() or Path()
        colleague = self.colleague.currentData()
        passphrase = self.passphrase.secret()
        duress: SecretText | None = None if self.duress.is_empty() else self.duress.secret()
        self.passphrase.clear()
        self.duress.clear()
        finishing = self._finishing
        existed = dest.exists() if not finishing else True

        def job(ctx: JobContext) -> Any:
            def checkpoint(name: str) -> None:
                done = _STEPS_DONE.get(name)
                if done is not None:
                    ctx.progress(done, _STEP_COUNT)
                if name == "bundle":
                    ctx.check_cancelled()
                elif name == "proven":
                    # The removal begins after this: no lock or Stop may interrupt it now.
                    ctx.point_of_no_return()

            try:
                if finishing:
                    # The cases are gone already: only the rewrite is left, and it must end.
                    ctx.point_of_no_return()
                ctx.progress(3 if finishing else 0, _STEP_COUNT)
                result = start_travel(
                    vault,
                    passphrase,
                    carry,
                    dest,
                    colleague_id=colleague if isinstance(colleague, str) else None,
                    duress_passphrase=duress,
                    checkpoint=checkpoint,
                )
            except BaseException:
                if not ctx.must_finish and not existed:
                    dest.unlink(missing_ok=True)  # not proven, or stopped: not a safe copy
                raise
            finally:
                passphrase.wipe()
                if duress is not None:
                    duress.wipe()
            # Until the user confirms the new code written down (see the module).
            vault.settings.set(CODE_UNSEEN_SETTING, True, audited=False)
            return result

        self.pages.setCurrentIndex(2)
        self._done_steps = 3 if self._finishing else 0
        self._show_steps(self._done_steps)
        self._job = run_job(job, self._succeeded, self._failed, self._progressed)

    def _progressed(self, done: int, _total: int) -> None:
        self._show_steps(done)

    def _failed(self, message: str, _exc: BaseException) -> None:
        self._job = None
        if self._done_steps >= 3 or rewrite_pending(self._vault):
            # Removed but not rewritten: the next start (this dialog again) finishes it.
            self._finishing = True
            message += " " + self.tr(
                "The cases left behind were removed; open Travel mode again to finish "
                "rewriting the vault under a new key."
            )
        self.show_problem(message)

    def _succeeded(self, result: Any) -> None:
        self._job = None
        set_plain_text(self.code_label, str(result.recovery_code))
        self.written_down.setChecked(False)
        self.pages.setCurrentIndex(3)

    # -- page 4: the new recovery code ------------------------------------------------------

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(
            _wrapped(
                self.tr(
                    "The vault was rewritten under a new key: the OLD recovery code no longer "
                    "opens it. Write this new code on paper now and keep it apart from the "
                    "laptop; it is shown only this once."
                ),
                "warningBanner",
            )
        )
        self.code_label = QLabel(page)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        self.code_label.setAccessibleName(self.tr("New recovery code"))
        # Not selectable, no "Copy": the code belongs on paper, not in a clipboard history.
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        self.code_label.setFont(mono)
        lay.addWidget(self.code_label)
        self.written_down = QCheckBox(self.tr("I have &written it down"), page)
        lay.addWidget(self.written_down)
        lay.addWidget(
            _wrapped(
                self.tr(
                    "Satchel then locks: unlock with your passphrase, which has not changed, "
                    "to go on with the cases you carry."
                )
            )
        )
        lay.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.finish_button = QPushButton(self.tr("Lock and reopen"), page)
        self.finish_button.setEnabled(False)
        self.written_down.toggled.connect(self.finish_button.setEnabled)
        self.finish_button.clicked.connect(self.finish)
        buttons.addWidget(self.finish_button)
        lay.addLayout(buttons)
        return page

    def finish(self) -> None:
        if not self.written_down.isChecked():
            return
        self._vault.settings.remove(CODE_UNSEEN_SETTING, audited=False)
        self.code_label.clear()
        QDialog.accept(self)
        self.trip_started.emit()

    # -- closing ----------------------------------------------------------------------------

    def _may_close(self) -> bool:
        """Not while the job runs, nor before the new code is confirmed written down (a
        lock closes it anyway, past these overrides: the vault then keeps CODE_UNSEEN)."""
        if self._job is not None:
            return False
        if self.pages.currentIndex() == 3:
            plain_message(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Recovery code not confirmed"),
                self.tr(
                    "Write the new recovery code down and tick the box: the old code no "
                    "longer opens the vault, and this one is not shown again."
                ),
            ).open()
            return False
        return True

    def reject(self) -> None:
        if self._may_close():
            super().reject()

    def accept(self) -> None:
        self.finish()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close():
            event.accept()
        else:
            event.ignore()

    def _forget(self, _result: int = 0) -> None:
        # The secrets and the code leave the widgets however the dialog closes (a lock too).
        self.passphrase.clear()
        self.duress.clear()
        self.code_label.clear()


class TravelRestore(QObject):
    """Settings → Restore from travel…: pick the trip's bundle and bring its cases back.

    The core's restore (`restore_travel`: the bundle must be signed by this vault's own
    identity) runs off the GUI thread behind a window-modal progress box; `restored` is
    emitted with the import's counts when it is done (the window refreshes its lists and
    drops the travel notice). A lock during it cancels the import, which rolls back whole.
    """

    restored = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget) -> None:
        super().__init__(parent)
        self._vault = vault
        self._parent = parent
        self._progress: QProgressDialog | None = None
        self.job: Job | None = None

    def choose_and_restore(self) -> None:
        path = choose_open_file(
            self._parent,
            _tr("The bundle written when the trip began"),
            _tr("Satchel bundles ({0})").format(BUNDLE_FILTER),
        )
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> Job:
        from satchel.bundle.travel import restore_travel

        vault = self._vault
        progress = QProgressDialog(_tr("Bringing the cases back…"), "", 0, 0, self._parent)
        progress.setWindowTitle(_tr("Restore from travel"))
        progress.setCancelButton(None)  # the import rolls back whole at a lock
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self._progress = progress

        def job(_ctx: JobContext) -> ImportResult:
            return restore_travel(vault, path)

        self.job = run_job(job, self._succeeded, self._failed)
        return self.job

    def _close_progress(self) -> None:
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.hide()
            progress.deleteLater()

    def _succeeded(self, result: ImportResult) -> None:
        self._close_progress()
        self.restored.emit(result)
        plain_message(
            self._parent,
            QMessageBox.Icon.Information,
            _tr("Restore from travel"),
            _tr(
                "The cases are back: {0} new, {1} changed, {2} conflicts to review, {3} "
                "unchanged. The trip is over. Delete the bundle from wherever it is kept "
                "once you no longer need it."
            ).format(
                i18n.format_number(result.added),
                i18n.format_number(result.updated),
                i18n.format_number(result.conflicts),
                i18n.format_number(result.unchanged),
            ),
        ).open()

    def _failed(self, message: str, _exc: BaseException) -> None:
        self._close_progress()
        plain_message(
            self._parent, QMessageBox.Icon.Warning, _tr("Restore from travel"), message
        ).open()
