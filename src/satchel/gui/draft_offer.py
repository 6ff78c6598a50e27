"""After unlock: one offer per draft a lock kept — "You were editing … : Restore / Discard".

Restore reopens the form the way the client opens it (the same panel, so a save refreshes
what it should) and `DraftKeeper` fills it with the typed values and puts the cursor back;
Discard deletes the draft; "Decide later" (Esc) keeps it for the next unlock. A draft leaves
the vault (secure delete, satchel.core.drafts) only once its form holds the values again or
the user discarded it. If the record was deleted or changed since, the offer says so; a
deleted record's text can still come back as a new record where that makes sense.

The drafts live in the vault that was unlocked: a duress decoy has its own database and
never sees the real vault's drafts. Vault text (titles) is shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from satchel.core.drafts import Drafts
from satchel.core.vault import Vault
from satchel.errors import NotFound, SatchelError
from satchel.gui.cases.view import CaseView
from satchel.gui.common.drafts import DraftKeeper, DraftSubject, FormDraft
from satchel.gui.common.plaintext import plain_message
from satchel.gui.common.workers import user_message
from satchel.gui.main_window import MainWindow

__all__ = ["DraftOffer"]

# Kinds whose record, once deleted, can come back as a new one from the draft.
_NEW_AGAIN = {"event", "note", "person", "case"}


class DraftOffer(QObject):
    """Offers the drafts of one unlocked vault, one at a time, over its main window."""

    def __init__(self, vault: Vault, window: MainWindow, keeper: DraftKeeper) -> None:
        super().__init__(window)  # goes with the window at the next lock
        self._vault = vault
        self._window = window
        self._keeper = keeper
        self._stopped = False
        self._later: set[str] = set()
        self.offered: list[str] = []  # the offers' texts, in order (tests and screenshots)

    def start(self) -> None:
        QTimer.singleShot(0, self, self._next)

    def stop(self) -> None:
        self._stopped = True
        self._keeper.forget_expected()

    # -- the sequence -----------------------------------------------------------------------

    def _active(self) -> bool:
        return not self._stopped and not self._vault.closed and self._window.vault is not None

    def _next(self) -> None:
        if not self._active():
            return
        store = Drafts(self._vault.settings)
        pending = [(i, d) for i, d in store.all() if i not in self._later]
        if not pending:
            return
        draft_id, data = pending[0]
        draft = FormDraft.from_dict(data)
        if draft is None:
            self._offer_unreadable(store, draft_id)
            return
        self._offer(store, draft_id, draft)

    def _ask(self, text: str, detail: str, can_restore: bool) -> str:
        box = plain_message(
            self._window,
            QMessageBox.Icon.Question,
            self.tr("Unsaved form"),
            text,
            detail,
            buttons=QMessageBox.StandardButton.NoButton,
        )
        restore: QPushButton | None = None
        if can_restore:
            restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(self.tr("Decide later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore or later)
        box.setEscapeButton(later)
        self.offered.append(text)
        box.exec()
        clicked = box.clickedButton()
        if not self._active() or clicked is None or clicked is later:
            return "later"
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def _offer_unreadable(self, store: Drafts, draft_id: str) -> None:
        answer = self._ask(
            self.tr("A form was open when Satchel locked, but its draft cannot be read."),
            self.tr("It was kept by another version of Satchel."),
            can_restore=False,
        )
        self._settle(store, draft_id, answer)

    def _settle(self, store: Drafts, draft_id: str, answer: str) -> None:
        if not self._active():
            return
        if answer == "discard":
            store.remove(draft_id)
        else:
            self._later.add(draft_id)
        QTimer.singleShot(0, self, self._next)

    def _offer(self, store: Drafts, draft_id: str, draft: FormDraft) -> None:
        subject = draft.subject
        state = self._state(subject)
        detail = {
            "ok": self.tr("Restore it to go on where you were, or discard what you typed."),
            "changed": self.tr(
                "It has been changed since then. Restore shows your typed values over the "
                "current ones; saving replaces them."
            ),
            "gone": self.tr("It has been deleted since then. Restore makes a new one from it."),
            "lost": self.tr("What it belonged to has been deleted since then: only discard."),
            "files": self.tr("The files it was for are no longer where they were."),
        }[state]
        can_restore = state in {"ok", "changed", "gone"}
        answer = self._ask(
            self.tr("You were editing {0} when Satchel locked.").format(self._what(subject)),
            detail,
            can_restore,
        )
        if answer != "restore":
            self._settle(store, draft_id, answer)
            return
        target = replace(subject, record_id=None) if state == "gone" else subject
        self._restore(store, draft_id, draft, target)

    def _restore(
        self, store: Drafts, draft_id: str, draft: FormDraft, target: DraftSubject
    ) -> None:
        def restored(form: QWidget) -> None:
            # The form holds the text again: the stored draft goes (secure delete).
            if self._active():
                store.remove(draft_id)
            if isinstance(form, QDialog):
                form.finished.connect(lambda _r: QTimer.singleShot(0, self, self._next))

        expected = self._keeper.expect(target, draft, restored)
        try:
            self._reopen(target)
        except SatchelError as exc:
            self._keeper.forget(expected)
            self._failed(user_message(exc), draft_id)
            return
        if self._keeper.is_pending(expected):
            # No form of that kind appeared: keep the draft for the next unlock.
            self._keeper.forget(expected)
            self._failed(self.tr("The form could not be opened again."), draft_id)

    def _failed(self, message: str, draft_id: str) -> None:
        if not self._active():
            return
        self._later.add(draft_id)
        plain_message(
            self._window,
            QMessageBox.Icon.Warning,
            self.tr("Unsaved form"),
            message,
            self.tr("The draft is kept; Satchel offers it again after the next unlock."),
        ).exec()
        QTimer.singleShot(0, self, self._next)

    # -- what the draft is for ----------------------------------------------------------------

    def _what(self, s: DraftSubject) -> str:
        label = s.label.strip()
        if s.kind == "event":
            if s.record_id is None:
                return (
                    self.tr("a new event “{0}”").format(label) if label else self.tr("a new event")
                )
            return self.tr("the event “{0}”").format(label)
        if s.kind == "note":
            if s.record_id is None:
                if not label:
                    return self.tr("a new note")
                return self.tr("a new note “{0}”").format(label)
            return self.tr("the note “{0}”").format(label)
        if s.kind == "person":
            if s.record_id is None:
                return (
                    self.tr("a new person “{0}”").format(label)
                    if label
                    else self.tr("a new person")
                )
            return self.tr("the person “{0}”").format(label)
        if s.kind == "case":
            if s.record_id is None:
                if not label:
                    return self.tr("a new case")
                return self.tr("a new case “{0}”").format(label)
            return self.tr("the case “{0}”").format(label)
        words: dict[str, Callable[[], str]] = {
            "close-case": lambda: self.tr("the closing of the case “{0}”").format(label),
            "role": lambda: self.tr("a person's role in the case “{0}”").format(label),
            "document": lambda: self.tr("the details of the document “{0}”").format(label),
            "intake": lambda: self.tr("the details of new documents"),
            "colleague-card": lambda: self.tr("a colleague's card"),
            "export": lambda: self.tr("the sending of cases"),
            "security": lambda: self.tr("the security settings"),
            "settings": lambda: self.tr("the settings"),
            "report-options": lambda: self.tr("the options of a chronology report"),
        }
        return words.get(s.kind, lambda: self.tr("a form"))()

    def _state(self, s: DraftSubject) -> str:
        """ok, changed (since the form loaded it), gone (deleted), lost (its case or owner
        was deleted: nothing to reopen it in), files (an intake's files moved)."""
        v = self._vault
        try:
            if "case_id" in s.scope:
                v.cases.get(s.scope["case_id"])
            if "person_id" in s.scope:
                v.people.get(s.scope["person_id"])
        except NotFound:
            return "lost"
        if s.kind == "intake":
            paths = [Path(p) for p in s.scope.get("paths", "").splitlines() if p]
            return "ok" if paths and all(p.is_file() for p in paths) else "files"
        stores: dict[str, Any] = {
            "event": v.events,
            "note": v.notes,
            "person": v.people,
            "case": v.cases,
            "close-case": v.cases,
            "document": v.documents,
        }
        store = stores.get(s.kind)
        if store is None or s.record_id is None:
            return "ok"
        try:
            record = store.get(s.record_id)
        except NotFound:
            return "gone" if s.kind in _NEW_AGAIN else "lost"
        if s.stamp and record.updated_at.isoformat() != s.stamp:
            return "changed"
        return "ok"

    # -- reopening, as the client opens each form -------------------------------------------

    def _reopen(self, s: DraftSubject) -> None:
        w, rid, scope = self._window, s.record_id, s.scope
        view = w.case_view

        def case_tab(case_id: str, tab: int) -> None:
            w.open_record("case", case_id)
            view.show_tab(tab)

        if s.kind == "event":
            case_tab(scope["case_id"], CaseView.CHRONOLOGY)
            if rid is None:
                view.chronology.add_event()
            else:
                view.chronology.select_event(rid)
                view.chronology.edit_selected()
        elif s.kind == "note":
            case_tab(scope["case_id"], CaseView.NOTES)
            if rid is None:
                view.notes.add_note()
            else:
                view.notes.select_note(rid)
                view.notes.edit_selected()
        elif s.kind == "person":
            w.show_page("people")
            people = w.page("people")
            if rid is None:
                people.new_person()  # type: ignore[attr-defined]
            else:
                people.edit_person(rid)  # type: ignore[attr-defined]
        elif s.kind == "case":
            if rid is None:
                w.new_case()
            else:
                w.open_record("case", rid)
                view.edit_case()
        elif s.kind == "close-case" and rid is not None:
            w.open_record("case", rid)
            view.close_case()
        elif s.kind == "role":
            case_tab(scope["case_id"], CaseView.PEOPLE)
            view.people.add_role()
        elif s.kind == "document" and rid is not None:
            doc = self._vault.documents.get(rid)
            w.open_record("document", rid)
            panel = view.documents if doc.case_id else w.page("people").view.files  # type: ignore[attr-defined]
            panel.select_document(rid)
            panel.edit_selected_details()
        elif s.kind == "intake":
            paths = [Path(p) for p in scope.get("paths", "").splitlines() if p]
            if "case_id" in scope:
                case_tab(scope["case_id"], CaseView.DOCUMENTS)
                view.documents.ask_and_add(paths)
            elif "person_id" in scope:
                w.open_record("person", scope["person_id"])
                w.page("people").view.files.ask_and_add(paths)  # type: ignore[attr-defined]
        elif s.kind == "colleague-card":
            w.show_page("colleagues")
            w.page("colleagues").add_colleague()  # type: ignore[attr-defined]
        elif s.kind == "export":
            from satchel.gui.exchange.export_dialog import ExportDialog

            dialog = ExportDialog(
                self._vault,
                case_ids=scope.get("cases", "").split(),
                colleague_ids=scope.get("colleagues", "").split(),
                parent=w,
            )
            dialog.open()
        elif s.kind == "security":
            w.security_requested.emit()
        elif s.kind == "settings":
            w.open_settings()
        elif s.kind == "report-options" and "case_id" in scope:
            from satchel.gui.common.report_actions import export_chronology_pdf, print_chronology

            case_tab(scope["case_id"], CaseView.CHRONOLOGY)
            report = print_chronology if scope.get("action") == "print" else export_chronology_pdf
            report(view.chronology, self._vault, scope["case_id"])
        # Any other kind opens nothing: the caller sees no form come up and keeps the draft.
