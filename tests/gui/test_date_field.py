"""Dates typed as spoken in the client: the words below the field, the fields one click away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from satchel import i18n
from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.core.vault import Vault
from satchel.gui.chronology.event_dialog import EventDialog
from satchel.gui.common.dates import DayEdit, FuzzyDateEdit
from satchel.gui.people.dialog import PersonDialog


@pytest.fixture
def russian():
    i18n.install_translations("ru")
    yield
    i18n.install_translations("en")


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest's keyClicks knows only ASCII keys; Russian is typed too)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def typed(qtbot, editor: FuzzyDateEdit, text: str) -> None:
    editor.text_edit.clear()
    type_text(editor.text_edit, text)


@pytest.mark.parametrize(
    ("text", "canonical", "shown"),
    [
        ("14.03.2025", "2025-03-14", "14 Mar 2025"),
        ("March 2025", "2025-03", "Mar 2025"),
        ("~2019", "~2019", "c. 2019"),
        ("около июля 2025", "~2025-07", "c. Jul 2025"),
        ("before 3 Mar 2024", "<2024-03-03", "before 3 Mar 2024"),
        ("3–10.03.2024", "2024-03-03/2024-03-10", "3 Mar 2024 – 10 Mar 2024"),
        ("2024..2025", "2024..2025", "between 2024 and 2025"),
        ("unknown", "tbd", "TBD"),
    ],
)
def test_typed_date_is_understood_and_said_in_words(qtbot, text, canonical, shown):
    editor = FuzzyDateEdit()
    qtbot.addWidget(editor)
    typed(qtbot, editor, text)
    assert editor.value() == FuzzyDate.parse(canonical)
    assert editor.preview_text() == f"Shown as: {shown}"
    # The structured fields hold the same date, the kind first.
    assert editor.kind() is FuzzyDate.parse(canonical).kind


@pytest.mark.parametrize(
    ("text", "canonical", "shown"),
    [
        ("около 3 марта 2025", "~2025-03-03", "около 3 марта 2025"),
        ("до марта 2023", "<2023-03", "до марта 2023"),
        ("с 3 по 10 марта 2024", "2024-03-03/2024-03-10", "3 марта 2024 – 10 марта 2024"),
        ("between 3 and 10 March 2024", "2024-03-03..2024-03-10",
         "в промежутке с 3 марта 2024 по 10 марта 2024"),
        ("после 5 мая 2021 г.", ">2021-05-05", "после 5 мая 2021"),
    ],
)  # fmt: skip
def test_russian_interface_says_the_date_in_russian_with_the_genitive(
    qtbot, russian, text, canonical, shown
):
    editor = FuzzyDateEdit()
    qtbot.addWidget(editor)
    typed(qtbot, editor, text)
    assert editor.value() == FuzzyDate.parse(canonical)
    assert editor.preview_text() == f"Будет показано: {shown}"


@pytest.mark.parametrize(
    ("text", "english", "russian"),
    [
        ("31.02.2025", "No such day: 2025-02-31", "Нет такого дня: 31.02.2025"),
        ("2025-13-01", "No such month: 13", "Нет такого месяца"),
        ("nonsense", "Not a date: 'nonsense'", "Это не дата: 'nonsense'"),
    ],
)
def test_what_is_not_a_date_is_said_in_words_in_both_languages(qtbot, text, english, russian):
    editor = FuzzyDateEdit()
    qtbot.addWidget(editor)
    editor.show()
    typed(qtbot, editor, text)
    assert editor.preview_text().startswith("Not a valid date yet: ")
    assert english in editor.preview_text()
    i18n.install_translations("ru")
    try:
        QApplication.processEvents()
        assert editor.preview_text().startswith("Дата пока недопустима: ")
        assert russian in editor.preview_text()
    finally:
        i18n.install_translations("en")


def test_details_follow_the_text_and_the_text_follows_the_details(qtbot):
    editor = FuzzyDateEdit()
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.details.isVisible()
    typed(qtbot, editor, "14.03.2025")
    qtbot.mouseClick(editor.details_button, Qt.MouseButton.LeftButton)
    assert editor.details.isVisible()
    assert editor.start.value() == PartialDate(2025, 3, 14)
    # Choosing "around" in the fields rewrites the text, and the text reads back the same.
    editor._kind.setCurrentIndex(editor._kind.findData(DateKind.AROUND.value))
    assert editor.text() == "c. 14 Mar 2025"
    assert editor.value() == FuzzyDate.parse("~2025-03-14")
    assert editor.preview_text() == "Shown as: c. 14 Mar 2025"


def test_tab_follows_what_is_shown_with_the_kind_first(qtbot):
    editor = FuzzyDateEdit()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    typed(qtbot, editor, "2025")
    editor.details_button.setChecked(True)
    chain = [editor.text_edit]
    widget = editor.text_edit
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain[1] is editor.details_button
    assert chain[2] is editor._kind  # the kind before the dates
    assert editor.start.isAncestorOf(chain[3])


def test_event_form_saves_the_date_as_typed(qtbot, vault: Vault):
    case = vault.cases.create(title="Extradition of P. Fictionova")
    dialog = EventDialog(vault, case.id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.title_edit.setText("Left Russia")
    typed(qtbot, dialog.date_edit, "около июля 2025")
    assert dialog.save()
    assert vault.events.get(dialog.event_id).date == FuzzyDate.parse("~2025-07")


def test_event_form_refuses_an_impossible_date_and_keeps_the_text(qtbot, vault: Vault):
    case = vault.cases.create(title="Extradition of P. Fictionova")
    dialog = EventDialog(vault, case.id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.show()
    dialog.title_edit.setText("Hearing")
    typed(qtbot, dialog.date_edit, "31.02.2025")
    assert not dialog.save()
    assert dialog.date_error.isVisible()
    assert "No such day" in dialog.date_error.text()
    assert dialog.date_edit.text() == "31.02.2025"
    assert vault.events.count(case_id=case.id) == 0


def test_birth_date_is_typed_as_spoken_and_empty_means_unknown(qtbot, vault: Vault):
    dialog = PersonDialog(vault)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.clear())
    dialog.names.table.item(0, PersonDialog.NAME).setText("Дина Сочинённая")
    assert dialog.birth_edit.value() is None
    type_text(dialog.birth_edit.text_edit, "14 марта 1990")
    assert dialog.birth_edit.preview_text() == "Shown as: 14 Mar 1990"
    assert dialog.save()
    assert vault.people.get(dialog.person_id).birth_date == PartialDate(1990, 3, 14)


def test_calendar_popups_name_the_months_in_the_interface_language(qtbot, russian):
    edit = DayEdit()
    qtbot.addWidget(edit)
    edit.setDate(QDate(2025, 3, 3))
    assert edit.text() == "3 марта 2025"
    assert edit.calendarWidget().locale().standaloneMonthName(3) == "март"
