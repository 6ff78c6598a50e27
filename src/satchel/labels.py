"""The names of the domain's enums in the interface language, one function per enum.

The desktop client, the chronology report and (through the report) the command line show
these words; they live here, on Qt Core only (`QCoreApplication.translate`), so that none of
them needs the widgets. The translation contexts ("EventLabels", "CaseLabels", ...) are part of
the .ts catalogue: keep them when moving a label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from PySide6.QtCore import QCoreApplication

from satchel.core.dates import DateKind
from satchel.core.model import (
    CaseStatus,
    CaseType,
    ContactKind,
    DeadlineStatus,
    EventType,
    FactStatus,
    PersonKind,
    RiskLevel,
    RoleKind,
    Script,
)

# Where the words come from: the interface's translators, or a catalogue of one language
# set for a while by `words_from` (a report in another language, built in a worker thread).
# A context variable is per thread, so a report's language never reaches the GUI thread.
_words: ContextVar[Callable[[str, str], str] | None] = ContextVar("label_words", default=None)


def translate(context: str, text: str) -> str:
    """The label in the current words (the name lupdate looks for)."""
    lookup = _words.get()
    if lookup is None:
        return QCoreApplication.translate(context, text)
    return lookup(context, text)


@contextmanager
def words_from(lookup: Callable[[str, str], str]) -> Iterator[None]:
    """Labels from `lookup(context, text)` in this thread until the block ends."""
    token = _words.set(lookup)
    try:
        yield
    finally:
        _words.reset(token)


def event_type_label(value: EventType) -> str:
    labels = {
        EventType.CRIMINAL_CASE_OPENED: translate("EventLabels", "Criminal case opened"),
        EventType.WANTED_NOTICE: translate("EventLabels", "Wanted notice / Interpol notice"),
        EventType.ARREST_IN_ABSENTIA: translate("EventLabels", "Arrest in absentia"),
        EventType.ARREST: translate("EventLabels", "Arrest"),
        EventType.DETENTION: translate("EventLabels", "Detention"),
        EventType.HEARING: translate("EventLabels", "Hearing"),
        EventType.FILING: translate("EventLabels", "Filing"),
        EventType.DECISION: translate("EventLabels", "Decision"),
        EventType.APPEAL: translate("EventLabels", "Appeal"),
        EventType.DEADLINE: translate("EventLabels", "Deadline"),
        EventType.EXTRADITION_REQUEST: translate("EventLabels", "Extradition request"),
        EventType.ASYLUM_APPLICATION: translate("EventLabels", "Asylum application"),
        EventType.DEPORTATION: translate("EventLabels", "Deportation"),
        EventType.RELEASE: translate("EventLabels", "Release"),
        EventType.MEETING: translate("EventLabels", "Meeting"),
        EventType.COMMUNICATION: translate("EventLabels", "Communication"),
        EventType.TRAVEL: translate("EventLabels", "Travel"),
        EventType.OTHER: translate("EventLabels", "Other"),
    }
    return labels[value]


def fact_status_label(value: FactStatus) -> str:
    labels = {
        FactStatus.UNDISPUTED: translate("EventLabels", "Undisputed"),
        FactStatus.DISPUTED_BY_US: translate("EventLabels", "Disputed by us"),
        FactStatus.DISPUTED_BY_OTHER: translate("EventLabels", "Disputed by the other side"),
        FactStatus.UNSURE: translate("EventLabels", "Unsure"),
    }
    return labels[value]


def deadline_status_label(value: DeadlineStatus) -> str:
    labels = {
        DeadlineStatus.PENDING: translate("EventLabels", "Pending"),
        DeadlineStatus.DONE: translate("EventLabels", "Done"),
        DeadlineStatus.MISSED: translate("EventLabels", "Missed"),
    }
    return labels[value]


def date_kind_label(value: DateKind) -> str:
    labels = {
        DateKind.ON: translate("EventLabels", "On"),
        DateKind.AROUND: translate("EventLabels", "Around"),
        DateKind.BEFORE: translate("EventLabels", "Before"),
        DateKind.AFTER: translate("EventLabels", "After"),
        DateKind.BETWEEN: translate("EventLabels", "Between"),
        DateKind.SPAN: translate("EventLabels", "From – to"),
        DateKind.UNDATED: translate("EventLabels", "Undated (TBD)"),
    }
    return labels[value]


def role_label(value: RoleKind) -> str:
    labels = {
        RoleKind.CLIENT: translate("RoleLabels", "Client"),
        RoleKind.RELATIVE: translate("RoleLabels", "Relative"),
        RoleKind.CO_COUNSEL: translate("RoleLabels", "Co-counsel"),
        RoleKind.OPPOSING_COUNSEL: translate("RoleLabels", "Opposing counsel"),
        RoleKind.PROSECUTOR: translate("RoleLabels", "Prosecutor"),
        RoleKind.INVESTIGATOR: translate("RoleLabels", "Investigator"),
        RoleKind.JUDGE: translate("RoleLabels", "Judge"),
        RoleKind.CONSULAR_OFFICER: translate("RoleLabels", "Consular officer"),
        RoleKind.OFFICIAL: translate("RoleLabels", "Official"),
        RoleKind.WITNESS: translate("RoleLabels", "Witness"),
        RoleKind.INTERPRETER: translate("RoleLabels", "Interpreter"),
        RoleKind.JOURNALIST: translate("RoleLabels", "Journalist"),
        RoleKind.NGO: translate("RoleLabels", "NGO"),
        RoleKind.OTHER: translate("RoleLabels", "Other"),
    }
    return labels[value]


def script_label(value: Script) -> str:
    labels = {
        Script.CYRILLIC: translate("PersonLabels", "Cyrillic"),
        Script.LATIN: translate("PersonLabels", "Latin"),
        Script.OTHER: translate("PersonLabels", "Other script"),
    }
    return labels[value]


def contact_kind_label(value: ContactKind) -> str:
    labels = {
        ContactKind.PHONE: translate("PersonLabels", "Phone"),
        ContactKind.SIGNAL: translate("PersonLabels", "Signal"),
        ContactKind.TELEGRAM: translate("PersonLabels", "Telegram"),
        ContactKind.EMAIL: translate("PersonLabels", "E-mail"),
        ContactKind.ADDRESS: translate("PersonLabels", "Address"),
        ContactKind.OTHER: translate("PersonLabels", "Other"),
    }
    return labels[value]


def person_kind_label(value: PersonKind) -> str:
    labels = {
        PersonKind.PERSON: translate("PersonLabels", "Person"),
        PersonKind.ORGANISATION: translate("PersonLabels", "Organisation"),
    }
    return labels[value]


def case_type_label(value: CaseType) -> str:
    return {
        CaseType.EXTRADITION: translate("CaseLabels", "Extradition"),
        CaseType.DEPORTATION: translate("CaseLabels", "Deportation"),
        CaseType.ASYLUM: translate("CaseLabels", "Asylum"),
        CaseType.CRIMINAL_DEFENCE: translate("CaseLabels", "Criminal defence"),
        CaseType.DETENTION_REVIEW: translate("CaseLabels", "Detention review"),
        CaseType.INTERNATIONAL_COMMUNICATION: translate(
            "CaseLabels", "International communication"
        ),
        CaseType.OTHER: translate("CaseLabels", "Other"),
    }[CaseType(value)]


def case_status_label(value: CaseStatus) -> str:
    return {
        CaseStatus.OPEN: translate("CaseLabels", "Open"),
        CaseStatus.ON_HOLD: translate("CaseLabels", "On hold"),
        CaseStatus.CLOSED: translate("CaseLabels", "Closed"),
    }[CaseStatus(value)]


def risk_label(value: RiskLevel) -> str:
    return {
        RiskLevel.LOW: translate("CaseLabels", "Low"),
        RiskLevel.MEDIUM: translate("CaseLabels", "Medium"),
        RiskLevel.HIGH: translate("CaseLabels", "High"),
        RiskLevel.CRITICAL: translate("CaseLabels", "Critical"),
    }[RiskLevel(value)]
