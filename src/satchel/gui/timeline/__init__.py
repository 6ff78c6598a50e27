"""The timeline: a case's (or every case's) events on a zoomable time axis.

`layout` holds the Qt-free geometry (items, lanes, ticks, clusters), `view` paints it,
`widget` adds the toolbar, filters and the tray of undated events. This package also
holds the glue to the rest of the client: `install()` makes the case view build its
timeline tab with `make_case_timeline`, and `link_timeline_and_chronology` keeps the
selection of a timeline and a chronology table in step and gives the table a Report menu.

Nothing here writes to the vault or shows vault text as rich text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from satchel.gui.chronology import EVENT_ID_ROLE
from satchel.gui.report import export_chronology_pdf, print_chronology
from satchel.gui.timeline.widget import AllCasesTimelinePage, TimelineWidget

_tr = QCoreApplication.translate

__all__ = [
    "AllCasesTimelinePage",
    "TimelineWidget",
    "chronology_report_ids",
    "install",
    "install_pages",
    "link_timeline_and_chronology",
    "make_case_timeline",
]


def make_case_timeline(vault: Any, parent: QWidget | None = None) -> TimelineWidget:
    """The Timeline tab of a case view (`CaseView.timeline_factory`, set by `install()`).

    The case view builds its chronology panel after this tab, so the two are linked when
    the chronology exists: right after the case view's constructor returns.
    """
    timeline = TimelineWidget(vault, None, parent)

    def link_with_host() -> None:
        chronology = getattr(parent, "chronology", None)
        if chronology is not None:
            link_timeline_and_chronology(timeline, chronology)

    QTimer.singleShot(0, timeline, link_with_host)
    return timeline


def link_timeline_and_chronology(timeline: TimelineWidget, chronology: Any) -> None:
    """Keep a timeline and a chronology panel showing the same selected event.

    `chronology` is a `satchel.gui.chronology.ChronologyPanel` (duck-typed: it needs
    `event_selected`, `select_event(id)` and, optionally, `events_changed` and
    `edit_selected()`). Each side selects without re-emitting, so there is no echo loop.
    An edit in the table reloads the timeline; opening a mark opens the event form.
    """
    timeline.event_selected.connect(chronology.select_event)
    chronology.event_selected.connect(timeline.select_event)

    changed = getattr(chronology, "events_changed", None)
    if changed is not None:
        # Several edits in one go (a computed deadline moving with its source) reload once.
        timer = QTimer(timeline)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(timeline.reload)
        changed.connect(timer.start)

    edit = getattr(chronology, "edit_selected", None)
    if edit is not None:

        def open_event(event_id: str) -> None:
            if chronology.select_event(event_id) is not False:
                edit()

        timeline.event_activated.connect(open_event)

    add = getattr(chronology, "add_toolbar_widget", None)
    if add is not None:
        add(_report_button(timeline, chronology))


def chronology_report_ids(chronology: Any) -> list[str] | None:
    """The events a report from the chronology table covers: the rows its filters show,
    or None (the whole case) when nothing is filtered out."""
    proxy = chronology.proxy
    if proxy.rowCount() == chronology.model.rowCount():
        return None
    return [str(proxy.index(row, 0).data(EVENT_ID_ROLE)) for row in range(proxy.rowCount())]


def _report_button(timeline: TimelineWidget, chronology: Any) -> QToolButton:
    """A "Report" menu for the chronology table: the rows shown, as a PDF or on paper."""

    def run(action: Callable[..., object]) -> None:
        case_id = chronology.case_id()
        if timeline.vault is not None and case_id is not None:
            action(chronology, timeline.vault, case_id, chronology_report_ids(chronology))

    button = QToolButton(chronology)
    button.setObjectName("chronologyReportButton")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setText(_tr("Timeline", "Report"))
    button.setToolTip(_tr("Timeline", "A chronology report of the events shown in the table"))
    button.setAccessibleName(button.toolTip())
    menu = QMenu(button)
    menu.addAction(_tr("Timeline", "Save as PDF…"), lambda: run(export_chronology_pdf))
    menu.addAction(_tr("Timeline", "Print…"), lambda: run(print_chronology))
    button.setMenu(menu)
    return button


def install() -> None:
    """Plug the timeline into the client (called once at start-up, before any window).

    The case view builds its Timeline tab with `make_case_timeline`; every main window,
    once its pages are built, shows the Agenda badge (`install_pages`).
    """
    # Imported here: the main window imports the agenda, which imports this package.
    from satchel.gui.case_view import CaseView
    from satchel.gui.main_window import MainWindow

    CaseView.timeline_factory = make_case_timeline
    if install_pages not in MainWindow.page_hooks:
        MainWindow.page_hooks.append(install_pages)


def install_pages(window: Any) -> None:
    """Show the Agenda's counts of overdue and near deadlines in the main window's navigation.

    `window` is a `satchel.gui.main_window.MainWindow` (its Agenda page is an `AgendaPage`,
    which also holds the all-cases timeline as a tab). The badge follows every recount.
    """
    from satchel.gui.agenda_page import AgendaPage, show_badge  # imports this package

    agenda = window.page("agenda") if "agenda" in window.page_keys() else None
    if not isinstance(agenda, AgendaPage):
        return
    navigation = window.navigation
    agenda.counts_changed.connect(
        lambda overdue, near: show_badge(navigation, "agenda", overdue, near)
    )
    agenda.refresh()
