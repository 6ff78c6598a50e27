"""The domain: cases, people, roles, events, deadlines, documents, notes, colleagues, audit.

Plain frozen values with no behaviour that touches storage; the store modules
(`cases.py`, `people.py`, ...) read and write them. Every stored record carries a random
UUID (stable across vaults so bundles can merge), its creation and change times, the id of
the vault that created it, and a version vector (`versions`): for each vault that edited
the record, how many edits it made. Bundles merge by comparing version vectors, never by
laptop clocks, which drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from satchel.core.dates import FuzzyDate, PartialDate

# -- enumerations ----------------------------------------------------------------------------


class CaseType(StrEnum):
    EXTRADITION = "extradition"
    DEPORTATION = "deportation"
    ASYLUM = "asylum"
    CRIMINAL_DEFENCE = "criminal_defence"
    DETENTION_REVIEW = "detention_review"
    INTERNATIONAL_COMMUNICATION = "international_communication"
    OTHER = "other"


class CaseStatus(StrEnum):
    OPEN = "open"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class PersonKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class Script(StrEnum):
    """The writing system a name is spelt in."""

    CYRILLIC = "cyrillic"
    LATIN = "latin"
    OTHER = "other"


class ContactKind(StrEnum):
    PHONE = "phone"
    SIGNAL = "signal"
    TELEGRAM = "telegram"
    EMAIL = "email"
    ADDRESS = "address"
    OTHER = "other"


class RoleKind(StrEnum):
    CLIENT = "client"
    RELATIVE = "relative"
    CO_COUNSEL = "co_counsel"
    OPPOSING_COUNSEL = "opposing_counsel"
    PROSECUTOR = "prosecutor"
    INVESTIGATOR = "investigator"
    JUDGE = "judge"
    CONSULAR_OFFICER = "consular_officer"
    OFFICIAL = "official"
    WITNESS = "witness"
    INTERPRETER = "interpreter"
    JOURNALIST = "journalist"
    NGO = "ngo"
    OTHER = "other"


class EventType(StrEnum):
    CRIMINAL_CASE_OPENED = "criminal_case_opened"
    WANTED_NOTICE = "wanted_notice"
    """Put on a wanted list: national, interstate, or an Interpol notice or diffusion."""
    ARREST_IN_ABSENTIA = "arrest_in_absentia"
    ARREST = "arrest"
    DETENTION = "detention"
    HEARING = "hearing"
    FILING = "filing"
    DECISION = "decision"
    APPEAL = "appeal"
    DEADLINE = "deadline"
    EXTRADITION_REQUEST = "extradition_request"
    ASYLUM_APPLICATION = "asylum_application"
    DEPORTATION = "deportation"
    RELEASE = "release"
    MEETING = "meeting"
    COMMUNICATION = "communication"
    TRAVEL = "travel"
    OTHER = "other"


class FactStatus(StrEnum):
    """Whether a fact is agreed, as litigation chronology tools keep it."""

    UNDISPUTED = "undisputed"
    DISPUTED_BY_US = "disputed_by_us"
    DISPUTED_BY_OTHER = "disputed_by_other"
    UNSURE = "unsure"


class DeadlineStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    MISSED = "missed"


class DeadlineUnit(StrEnum):
    """What a computed deadline counts from its source event."""

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"


class Urgency(StrEnum):
    """How close a deadline is, for colours and the agenda."""

    OVERDUE = "overdue"
    WITHIN_3_DAYS = "within_3_days"
    WITHIN_14_DAYS = "within_14_days"
    LATER = "later"
    DONE = "done"


class NoteFormat(StrEnum):
    PLAIN = "plain"
    MARKDOWN = "markdown"


class Verification(StrEnum):
    """A colleague's key: compared aloud (verified), not yet, or changed since it was."""

    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    KEY_CHANGED = "key_changed"


# -- small values ----------------------------------------------------------------------------

Versions = tuple[tuple[str, int], ...]
"""A version vector: ((vault_id, edits), ...) sorted by vault id."""


@dataclass(frozen=True, slots=True)
class Reference:
    """A labelled reference number: court file, prosecutor, migration service, ECHR, UN."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class PersonName:
    """One spelling of a name: the primary one, or an alias from a passport, court or press."""

    text: str
    script: Script = Script.LATIN
    source: str = ""  # "passport", "court", "press", ...
    primary: bool = False


@dataclass(frozen=True, slots=True)
class IdentityDocument:
    kind: str  # "passport", "residence permit", ...
    number: str
    issuer: str = ""
    issued: PartialDate | None = None
    expires: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    kind: ContactKind
    value: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class DeadlineInfo:
    """The deadline part of an event of type Deadline: its status and how it is computed.

    A computed deadline falls `offset_days` units (`unit`: calendar days, working days,
    weeks or months) after the anchor day of event `computed_from`, then rolls off a
    non-working last day as `rule` says (a rule code of `core/deadline_rules.py`: "RU",
    "ECHR", ..., "none" for no rollover, or a country's code for its public holidays), and
    moves when that event moves. `offset_days` keeps its name for bundles and JSON that
    already carry it; for weeks or months it counts those.
    """

    status: DeadlineStatus = DeadlineStatus.PENDING
    lead_days: int | None = None  # remind this many days before
    computed_from: str | None = None
    offset_days: int | None = None
    # Added after bundle format v1: left out of the dict form at their defaults (records.py).
    unit: DeadlineUnit = field(default=DeadlineUnit.CALENDAR_DAYS, metadata={"omit_default": True})
    rule: str = field(default="none", metadata={"omit_default": True})


# -- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """What every stored record carries."""

    id: str
    created_at: datetime
    updated_at: datetime
    origin_vault: str
    versions: Versions = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Case(Record):
    title: str
    case_type: CaseType = CaseType.OTHER
    status: CaseStatus = CaseStatus.OPEN
    risk: RiskLevel = RiskLevel.MEDIUM
    jurisdiction: str = ""
    authority: str = ""  # the court or authority
    summary: str = ""
    references: tuple[Reference, ...] = ()
    tags: tuple[str, ...] = ()
    opened: date | None = None
    closed: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Record):
    kind: PersonKind = PersonKind.PERSON
    names: tuple[PersonName, ...]  # exactly one has primary=True
    birth_date: PartialDate | None = None
    citizenships: tuple[str, ...] = ()
    documents: tuple[IdentityDocument, ...] = ()
    contacts: tuple[Contact, ...] = ()
    notes: str = ""

    @property
    def primary_name(self) -> str:
        for n in self.names:
            if n.primary:
                return n.text
        return self.names[0].text if self.names else ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Role(Record):
    case_id: str
    person_id: str
    kind: RoleKind
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    case_id: str
    event_type: EventType
    title: str
    date: FuzzyDate = field(default_factory=FuzzyDate.undated)
    day_order: int = 0  # manual order among events of the same day
    description: str = ""
    person_ids: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()
    key_fact: bool = False
    source: str = ""
    source_quote: str = ""
    fact_status: FactStatus = FactStatus.UNDISPUTED
    # Set exactly when event_type is DEADLINE (the store keeps the two in step).
    deadline: DeadlineInfo | None = None
    # Which proceeding of the case the event belongs to, as the lawyer names it ("Criminal
    # case No. 12/345 (Russia)", "Extradition, Germany"); "" for none. Added after bundle
    # format v1: left out of the dict form when empty (codec.py).
    proceeding: str = field(default="", metadata={"omit_default": True})

    @property
    def is_deadline(self) -> bool:
        return self.event_type is EventType.DEADLINE


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(Record):
    """An attached file stored encrypted inside the vault; its bytes are read by streaming."""

    case_id: str | None
    person_id: str | None = None
    filename: str
    media_type: str
    size: int
    sha256: str
    received: date | None = None
    source: str = ""  # provenance: who gave it, how it arrived
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Note(Record):
    case_id: str
    written: datetime
    author: str
    body: str
    format: NoteFormat = NoteFormat.PLAIN


@dataclass(frozen=True, slots=True, kw_only=True)
class Colleague(Record):
    """A trusted lawyer's public identity."""

    name: str
    age_recipient: str  # "age1..."
    signing_key: str  # Ed25519 public key, base64
    verification: Verification = Verification.UNVERIFIED
    previous_fingerprint: str = ""  # set when the key changed


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit log."""

    seq: int
    at: datetime
    action: str  # "create", "update", "delete", "export", "import", "unlock", ...
    record_kind: str  # "case", "person", ..., or "" for vault-level actions
    record_id: str
    summary: str
    actor: str = ""  # "" for this vault's user; a colleague's name for a change they sent
    case_id: str = ""  # the case the line is about, when there is one
