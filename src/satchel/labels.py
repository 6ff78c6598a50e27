"""The names of the domain's enums in the interface language, one function per enum.

The desktop client, the chronology report and (through the report) the command line show
these words; they live here, on Qt Core only (`QCoreApplication.translate`), so that none of
them needs the widgets. The translation contexts ("EventLabels", "CaseLabels", ...) are part of
the .ts catalogue: keep them when moving a label.
"""

from __future__ import annotations

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

translate = QCoreApplication.translate  # the name lupdate looks for


def event_type_label(value: EventType) -> str:
    labels = {
        EventType.CRIMINAL_CASE_OPENED: QCoreApplication.translate(
            "EventLabels", "Criminal case opened"
        ),
        EventType.WANTED_NOTICE: QCoreApplication.translate(
            "EventLabels", "Wanted notice / Interpol notice"
        ),
        EventType.ARREST_IN_ABSENTIA: QCoreApplication.translate(
            "EventLabels", "Arrest in absentia"
        ),
        EventType.ARREST: QCoreApplication.translate("EventLabels", "Arrest"),
        EventType.DETENTION: QCoreApplication.translate("EventLabels", "Detention"),
        EventType.HEARING: QCoreApplication.translate("EventLabels", "Hearing"),
        EventType.FILING: QCoreApplication.translate("EventLabels", "Filing"),
        EventType.DECISION: QCoreApplication.translate("EventLabels", "Decision"),
        EventType.APPEAL: QCoreApplication.translate("EventLabels", "Appeal"),
        EventType.DEADLINE: QCoreApplication.translate("EventLabels", "Deadline"),
        EventType.EXTRADITION_REQUEST: QCoreApplication.translate(
            "EventLabels", "Extradition request"
        ),
        EventType.ASYLUM_APPLICATION: QCoreApplication.translate(
            "EventLabels", "Asylum application"
        ),
        EventType.DEPORTATION: QCoreApplication.translate("EventLabels", "Deportation"),
        EventType.RELEASE: QCoreApplication.translate("EventLabels", "Release"),
        EventType.MEETING: QCoreApplication.translate("EventLabels", "Meeting"),
        EventType.COMMUNICATION: QCoreApplication.translate("EventLabels", "Communication"),
        EventType.TRAVEL: QCoreApplication.translate("EventLabels", "Travel"),
        EventType.OTHER: QCoreApplication.translate("EventLabels", "Other"),
    }
    return labels[value]


def fact_status_label(value: FactStatus) -> str:
    labels = {
        FactStatus.UNDISPUTED: QCoreApplication.translate("EventLabels", "Undisputed"),
        FactStatus.DISPUTED_BY_US: QCoreApplication.translate("EventLabels", "Disputed by us"),
        FactStatus.DISPUTED_BY_OTHER: QCoreApplication.translate(
            "EventLabels", "Disputed by the other side"
        ),
        FactStatus.UNSURE: QCoreApplication.translate("EventLabels", "Unsure"),
    }
    return labels[value]


def deadline_status_label(value: DeadlineStatus) -> str:
    labels = {
        DeadlineStatus.PENDING: QCoreApplication.translate("EventLabels", "Pending"),
        DeadlineStatus.DONE: QCoreApplication.translate("EventLabels", "Done"),
        DeadlineStatus.MISSED: QCoreApplication.translate("EventLabels", "Missed"),
    }
    return labels[value]


def date_kind_label(value: DateKind) -> str:
    labels = {
        DateKind.ON: QCoreApplication.translate("EventLabels", "On"),
        DateKind.AROUND: QCoreApplication.translate("EventLabels", "Around"),
        DateKind.BEFORE: QCoreApplication.translate("EventLabels", "Before"),
        DateKind.AFTER: QCoreApplication.translate("EventLabels", "After"),
        DateKind.BETWEEN: QCoreApplication.translate("EventLabels", "Between"),
        DateKind.SPAN: QCoreApplication.translate("EventLabels", "From – to"),
        DateKind.UNDATED: QCoreApplication.translate("EventLabels", "Undated (TBD)"),
    }
    return labels[value]


def role_label(value: RoleKind) -> str:
    labels = {
        RoleKind.CLIENT: QCoreApplication.translate("RoleLabels", "Client"),
        RoleKind.RELATIVE: QCoreApplication.translate("RoleLabels", "Relative"),
        RoleKind.CO_COUNSEL: QCoreApplication.translate("RoleLabels", "Co-counsel"),
        RoleKind.OPPOSING_COUNSEL: QCoreApplication.translate("RoleLabels", "Opposing counsel"),
        RoleKind.PROSECUTOR: QCoreApplication.translate("RoleLabels", "Prosecutor"),
        RoleKind.INVESTIGATOR: QCoreApplication.translate("RoleLabels", "Investigator"),
        RoleKind.JUDGE: QCoreApplication.translate("RoleLabels", "Judge"),
        RoleKind.CONSULAR_OFFICER: QCoreApplication.translate("RoleLabels", "Consular officer"),
        RoleKind.OFFICIAL: QCoreApplication.translate("RoleLabels", "Official"),
        RoleKind.WITNESS: QCoreApplication.translate("RoleLabels", "Witness"),
        RoleKind.INTERPRETER: QCoreApplication.translate("RoleLabels", "Interpreter"),
        RoleKind.JOURNALIST: QCoreApplication.translate("RoleLabels", "Journalist"),
        RoleKind.NGO: QCoreApplication.translate("RoleLabels", "NGO"),
        RoleKind.OTHER: QCoreApplication.translate("RoleLabels", "Other"),
    }
    return labels[value]


def script_label(value: Script) -> str:
    labels = {
        Script.CYRILLIC: QCoreApplication.translate("PersonLabels", "Cyrillic"),
        Script.LATIN: QCoreApplication.translate("PersonLabels", "Latin"),
        Script.OTHER: QCoreApplication.translate("PersonLabels", "Other script"),
    }
    return labels[value]


def contact_kind_label(value: ContactKind) -> str:
    labels = {
        ContactKind.PHONE: QCoreApplication.translate("PersonLabels", "Phone"),
        ContactKind.SIGNAL: QCoreApplication.translate("PersonLabels", "Signal"),
        ContactKind.TELEGRAM: QCoreApplication.translate("PersonLabels", "Telegram"),
        ContactKind.EMAIL: QCoreApplication.translate("PersonLabels", "E-mail"),
        ContactKind.ADDRESS: QCoreApplication.translate("PersonLabels", "Address"),
        ContactKind.OTHER: QCoreApplication.translate("PersonLabels", "Other"),
    }
    return labels[value]


def person_kind_label(value: PersonKind) -> str:
    labels = {
        PersonKind.PERSON: QCoreApplication.translate("PersonLabels", "Person"),
        PersonKind.ORGANISATION: QCoreApplication.translate("PersonLabels", "Organisation"),
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
