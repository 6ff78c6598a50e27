"""The duress decoy: a plausible, harmless case file made for its owner.

A decoy that is the same in every install is recognised by anyone who knows Satchel. This
one is drawn at random for each vault (sample/decoy_data.py holds the vocabulary): four to
seven ordinary matters of a small practice — a deposit, a faulty appliance, an inheritance —
with clients named as people are named in the lawyer's country of practice, written in the
lawyer's language, at the offices of the lawyer's city, with sums in the local currency.
Each record and each audit line carries the time its event happened rather than the minute
the decoy was made (`codec.written_at`), and `keep_current` adds to the open matters as the
weeks pass, so that the decoy neither looks made in one second nor frozen on that day.

Nothing in it is sensitive; it writes only through the vault's stores and never imports Qt.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from satchel.core.codec import written_at
from satchel.core.dates import FuzzyDate
from satchel.core.deadline_rules import rule_for_jurisdiction
from satchel.core.duress import DuressMode
from satchel.core.model import (
    CaseStatus,
    CaseType,
    Contact,
    ContactKind,
    DeadlineStatus,
    EventType,
    PersonName,
    RiskLevel,
    RoleKind,
    Script,
)
from satchel.core.names import script_of
from satchel.core.vault import DecoyFiller, Vault
from satchel.crypto.keyslots import TypedSecret
from satchel.sample.decoy_data import (
    AUTHORITIES,
    COUNTRIES,
    CURRENCIES,
    FOLLOW_UPS,
    MATTERS,
    NAMES,
    PLACES,
    Matter,
    Pair,
)

__all__ = [
    "PROFILE_SETTING",
    "DecoyProfile",
    "decoy_filler",
    "fill_decoy",
    "keep_current",
    "keep_decoy_current",
    "set_duress",
]

PROFILE_SETTING = "duress.decoy_profile"
"""In the real vault (never in the decoy): the decoy's language, country and last refresh."""

# How long an open matter may stay without news before keep_current adds some.
_QUIET_DAYS = 20

_JURISDICTIONS: dict[str, Pair] = {
    "RU": ("Russia", "Россия"),
    "KZ": ("Kazakhstan", "Казахстан"),
    "KG": ("Kyrgyzstan", "Кыргызстан"),
    "UZ": ("Uzbekistan", "Узбекистан"),
    "GE": ("Georgia", "Грузия"),
    "AM": ("Armenia", "Армения"),
    "TR": ("Turkey", "Турция"),
    "EU": ("", ""),
}

_PHONES: dict[str, str] = {
    "RU": "+7 9## ###-##-##",
    "KZ": "+7 7## ### ## ##",
    "KG": "+996 ### ### ###",
    "UZ": "+998 9# ### ## ##",
    "GE": "+995 5## ## ## ##",
    "AM": "+374 9# ######",
    "TR": "+90 5## ### ## ##",
    "EU": "+370 6## #####",
}

_MAIL_HOSTS: dict[str, tuple[str, ...]] = {
    "RU": ("mail.ru", "yandex.ru", "gmail.com", "bk.ru"),
    "KZ": ("mail.ru", "gmail.com", "inbox.kz"),
    "KG": ("gmail.com", "mail.ru"),
    "UZ": ("gmail.com", "mail.ru"),
    "GE": ("gmail.com", "yahoo.com"),
    "AM": ("gmail.com", "mail.ru"),
    "TR": ("gmail.com", "hotmail.com"),
    "EU": ("gmail.com", "outlook.com"),
}


@dataclass(frozen=True)
class DecoyProfile:
    """Whose decoy: the language it is written in and the country of practice."""

    language: str = "en"
    country: str = "EU"

    def __post_init__(self) -> None:
        if self.language not in ("en", "ru"):
            object.__setattr__(self, "language", "en")
        if self.country not in COUNTRIES:
            object.__setattr__(self, "country", "EU")

    @classmethod
    def guess(cls, language: str, vault: Vault | None = None) -> DecoyProfile:
        """The language given, and the country where most of `vault`'s cases are.

        The real vault's cases name their jurisdictions ("Russia", "Казахстан", "RU"); the
        commonest one the deadline rules recognise is the country of practice. Without one,
        a Russian-speaking lawyer is taken to practise in Russia, anyone else in the EU.
        """
        counts: dict[str, int] = {}
        if vault is not None:
            for case in vault.cases.list(limit=500):
                code = rule_for_jurisdiction(case.jurisdiction).code.upper()
                if code in COUNTRIES:
                    counts[code] = counts.get(code, 0) + 1
        if counts:
            country = max(sorted(counts), key=lambda c: counts[c])
        else:
            country = "RU" if language == "ru" else "EU"
        return cls(language, country)

    def as_setting(self, current_on: date) -> dict[str, str]:
        return {
            "language": self.language,
            "country": self.country,
            "current_on": current_on.isoformat(),
        }

    @classmethod
    def from_setting(cls, value: Any) -> tuple[DecoyProfile, date | None]:
        if not isinstance(value, dict):
            return cls(), None
        try:
            current = date.fromisoformat(str(value.get("current_on", "")))
        except ValueError:
            current = None
        return cls(str(value.get("language", "en")), str(value.get("country", "EU"))), current


def set_duress(
    vault: Vault,
    current: TypedSecret,
    duress: TypedSecret,
    mode: DuressMode,
    profile: DecoyProfile,
    *,
    today: date | None = None,
) -> None:
    """Set the duress passphrase with a new decoy drawn for `profile`, and remember the
    profile in the real vault so that `keep_decoy_current` writes in the same voice."""
    today = today or date.today()
    vault.set_duress(current, duress, mode, decoy_filler(profile, today=today))
    vault.settings.set(PROFILE_SETTING, profile.as_setting(today), audited=False)


def decoy_filler(
    profile: DecoyProfile, *, today: date | None = None, seed: int | None = None
) -> DecoyFiller:
    """What `Vault.set_duress` fills a new decoy with, for this profile."""

    def fill(vault: Vault) -> object:
        return fill_decoy(vault, profile, today=today, seed=seed)

    return fill


def fill_decoy(
    vault: Vault,
    profile: DecoyProfile | None = None,
    *,
    today: date | None = None,
    seed: int | None = None,
) -> dict[str, int]:
    """Plausible, harmless content for the vault a duress passphrase opens.

    `seed` makes it reproducible (tests); without it every decoy is drawn from the system's
    randomness, so no two installs hold the same one.
    """
    profile = profile or DecoyProfile()
    today = today or date.today()
    rng = _rng(seed)
    writer = _Writer(vault, profile, rng, today)
    chosen = rng.sample(MATTERS, rng.randint(4, 7))
    with vault.bulk():
        for matter in chosen:
            writer.matter(matter, opened=today - timedelta(days=rng.randint(25, 330)))
        writer.ensure_something_ahead()
    return writer.counts


def keep_current(
    vault: Vault, profile: DecoyProfile, *, today: date | None = None, seed: int | None = None
) -> int:
    """Bring an existing decoy up to `today`; returns how many events were added.

    Each open matter quiet for more than three weeks gets a call, a letter or a meeting
    since its last event, and a step ahead if it has none; a decoy with fewer than three
    open matters gets a new one. Nothing is added when everything is recent.
    """
    today = today or date.today()
    rng = _rng(seed)
    writer = _Writer(vault, profile, rng, today)
    with vault.bulk():
        open_cases = vault.cases.list(status=CaseStatus.OPEN)
        for case in open_cases:
            writer.follow_up(case.id)
        if len(open_cases) < 3:
            writer.matter(rng.choice(MATTERS), opened=today - timedelta(days=rng.randint(3, 20)))
    return writer.counts["events"]


def keep_decoy_current(real: Vault, *, today: date | None = None) -> int:
    """From a normal session: refresh the decoy if it has not been for a week.

    Returns the number of events added (0 when there is no decoy this session can open,
    or when it is recent enough). The decoy's profile lives in the real vault's settings.
    """
    today = today or date.today()
    if not real.has_editable_decoy():
        return 0
    profile, current_on = DecoyProfile.from_setting(real.settings.get(PROFILE_SETTING))
    if current_on is not None and (today - current_on).days < 7:
        return 0
    with real.decoy() as decoy:
        added = keep_current(decoy, profile, today=today)
    real.settings.set(PROFILE_SETTING, profile.as_setting(today), audited=False)
    return added


# -- writing ---------------------------------------------------------------------------------


class _Writer:
    def __init__(self, vault: Vault, profile: DecoyProfile, rng: random.Random, today: date):
        self.vault = vault
        self.profile = profile
        self.rng = rng
        self.today = today
        self.ru = profile.language == "ru"
        self.city = rng.choice(PLACES[profile.country][:2])
        self.counts = {"cases": 0, "people": 0, "events": 0, "notes": 0}

    def say(self, pair: Pair) -> str:
        return pair[1] if self.ru else pair[0]

    @contextmanager
    def at(self, day: date) -> Iterator[None]:
        """Records written as if on `day`, in office hours (never in the future)."""
        minute = self.rng.randint(9 * 60, 18 * 60)
        moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=UTC)
        moment += timedelta(seconds=self.rng.randint(0, 59))
        with written_at(min(moment, datetime.now(UTC))):
            yield

    def matter(self, matter: Matter, *, opened: date) -> None:
        rng = self.rng
        client, surname = self.person()
        item = self.say(rng.choice(matter.items)) if matter.items else ""
        amount = self.amount(matter.amount)
        words = {"client": surname, "amount": amount, "item": item}
        old = (self.today - opened).days > 200
        with self.at(opened):
            case = self.vault.cases.create(
                self.say(matter.title).format(**words),
                case_type=CaseType.OTHER,
                risk=RiskLevel.MEDIUM if rng.random() < 0.2 else RiskLevel.LOW,
                authority=self.say(AUTHORITIES[matter.authority]).format(city=self.say(self.city)),
                jurisdiction=self.say(_JURISDICTIONS[self.profile.country]),
                summary=self.say(matter.summary).format(**words),
                opened=opened,
                tags=(self.say(matter.tag),),
            )
            self.counts["cases"] += 1
            client_record = self.vault.people.create(client, contacts=self.contacts(client))
            self.counts["people"] += 1
            self.vault.roles.create(case.id, client_record.id, RoleKind.CLIENT)
        other_id = None
        if matter.other_role is not None and rng.random() < 0.6:
            other_names, _ = self.person()
            with self.at(opened + timedelta(days=1)):
                other = self.vault.people.create(other_names)
                self.vault.roles.create(case.id, other.id, matter.other_role)
            self.counts["people"] += 1
            other_id = other.id
        happened: list[str] = []
        last = opened
        for step in matter.steps:
            day = opened + timedelta(days=step.day + (rng.randint(-2, 3) if step.day else 0))
            day = max(day, last)
            if day >= self.today:
                break
            people: tuple[str, ...] = (client_record.id,) if step.with_client else ()
            if other_id and step.kind is EventType.HEARING:
                people += (other_id,)
            with self.at(day):
                event = self.vault.events.create(
                    case.id,
                    self.say(step.title).format(**words),
                    step.kind,
                    date=FuzzyDate.on(day),
                    person_ids=people,
                    description=self.say(step.description).format(**words),
                )
            happened.append(event.id)
            self.counts["events"] += 1
            last = day
        source, days, title = matter.deadline
        if source < len(happened):
            with self.at(last):
                deadline = self.vault.events.create_deadline(
                    case.id,
                    self.say(title),
                    lead_days=rng.choice((2, 3, 5, 7)),
                    computed_from=happened[source],
                    offset_days=days,
                )
            self.counts["events"] += 1
            due = deadline.date.anchor_day()
            if due is not None and due < self.today:
                # A careful lawyer's past deadlines were met, not left overdue.
                with self.at(due):
                    self.vault.events.set_deadline_status(deadline.id, DeadlineStatus.DONE)
        with self.at(opened + timedelta(days=1)):
            self.vault.notes.create(case.id, self.say(matter.note).format(**words))
        self.counts["notes"] += 1
        if old and rng.random() < 0.5:
            with self.at(min(last + timedelta(days=rng.randint(10, 40)), self.today)):
                self.vault.cases.update(case.id, status=CaseStatus.CLOSED)

    def follow_up(self, case_id: str) -> None:
        events = self.vault.events.list(case_id=case_id)
        known = [d for e in events if (d := e.date.anchor_day()) is not None]
        last = max((d for d in known if d <= self.today), default=None)
        if last is None or (self.today - last).days <= _QUIET_DAYS:
            return
        client = next(iter(self.vault.roles.list(case_id=case_id, kind=RoleKind.CLIENT)), None)
        gap = (self.today - last).days
        # The newest news falls in the last quiet stretch; sometimes one more in between.
        final = self.today - timedelta(days=self.rng.randint(1, min(_QUIET_DAYS, gap) - 1))
        days = [final]
        if (final - last).days > 12 and self.rng.random() < 0.5:
            days.insert(0, last + timedelta(days=self.rng.randint(5, (final - last).days - 5)))
        for day in days:
            step = self.rng.choice(FOLLOW_UPS)
            people = (client.person_id,) if step.with_client and client is not None else ()
            with self.at(day):
                self.vault.events.create(
                    case_id,
                    self.say(step.title),
                    step.kind,
                    date=FuzzyDate.on(day),
                    person_ids=people,
                    description=self.say(step.description),
                )
            self.counts["events"] += 1
        ahead = [
            e
            for e in events
            if e.event_type is EventType.DEADLINE
            and (due := e.date.anchor_day()) is not None
            and due >= self.today
        ]
        if not ahead:
            with self.at(self.today - timedelta(days=1)):
                self.vault.events.create_deadline(
                    case_id,
                    self.say(("Next step due", "Срок следующего шага")),
                    self.today + timedelta(days=self.rng.randint(7, 35)),
                    lead_days=3,
                )
            self.counts["events"] += 1

    def ensure_something_ahead(self) -> None:
        """A case file with no step ahead looks abandoned: one matter gets a date to come."""
        for case in self.vault.cases.list(status=CaseStatus.OPEN):
            for event in self.vault.events.list(case_id=case.id, deadlines_only=True):
                due = event.date.anchor_day()
                if due is not None and due >= self.today:
                    return
        cases = self.vault.cases.list(status=CaseStatus.OPEN) or self.vault.cases.list()
        if cases:
            with self.at(self.today - timedelta(days=1)):
                self.vault.events.create_deadline(
                    cases[0].id,
                    self.say(("Hearing date to confirm", "Подтвердить дату заседания")),
                    self.today + timedelta(days=self.rng.randint(5, 21)),
                    lead_days=3,
                )
            self.counts["events"] += 1

    # -- people and money --------------------------------------------------------------------

    def person(self) -> tuple[list[PersonName], str]:
        """A random person of the country: their names (primary first) and the surname."""
        pool = NAMES[self.profile.country]
        female = self.rng.random() < 0.5
        given = self.rng.choice(pool.female if female else pool.male)
        surname = self.rng.choice(pool.surnames)
        if female and pool.inflects:
            surname = (_feminine(surname[0], latin=True), _feminine(surname[1], latin=False))
        latin = f"{given[0]} {surname[0]}"
        cyrillic = f"{given[1]} {surname[1]}"
        cyrillic_first = pool.native_script_cyrillic or (self.ru and self.rng.random() < 0.5)
        primary, alias = (cyrillic, latin) if cyrillic_first else (latin, cyrillic)
        names = [PersonName(primary, _script(primary), primary=True)]
        if self.ru or pool.native_script_cyrillic or self.rng.random() < 0.3:
            names.append(
                PersonName(alias, _script(alias), source=self.say(("passport", "паспорт")))
            )
        shown_surname = surname[1] if self.ru else surname[0]
        return names, shown_surname

    def contacts(self, names: list[PersonName]) -> tuple[Contact, ...]:
        rng = self.rng
        digits = "".join(
            str(rng.randint(0, 9)) if ch == "#" else ch for ch in _PHONES[self.profile.country]
        )
        contacts = [Contact(ContactKind.PHONE, digits)]
        if rng.random() < 0.6:
            latin = next((n.text for n in names if n.script is Script.LATIN), names[0].text)
            given, _, family = latin.lower().partition(" ")
            local = rng.choice(
                (f"{given}.{family}", f"{given[0]}{family}", f"{family}{rng.randint(70, 99)}")
            )
            local = "".join(ch for ch in local if ch.isascii() and (ch.isalnum() or ch == "."))
            host = rng.choice(_MAIL_HOSTS[self.profile.country])
            contacts.append(Contact(ContactKind.EMAIL, f"{local}@{host}"))
        return tuple(contacts)

    def amount(self, span: tuple[int, int]) -> str:
        (en, ru), scale = CURRENCIES[self.profile.country]
        low, high = max(span[0], 0.5), max(span[1], 1)
        value = self.rng.uniform(low, high) * scale
        digits = len(str(int(value)))
        value = round(value, -max(digits - 3, 0))
        number = f"{int(value):,}"
        if self.ru:
            return f"{number.replace(',', ' ')} {ru}"
        return f"{number} {en}"


def _rng(seed: int | None) -> random.Random:
    """The system's randomness (os.urandom), so no two decoys are alike; a seed for tests."""
    if seed is None:
        return random.SystemRandom()
    return random.Random(seed)  # noqa: S311 (reproducible tests only; nothing secret is drawn)


def _feminine(surname: str, *, latin: bool) -> str:
    if latin:
        for end, fem in (("skiy", "skaya"), ("ov", "ova"), ("ev", "eva"), ("in", "ina")):
            if surname.endswith(end):
                return surname[: -len(end)] + fem
        return surname
    for end, fem in (("ский", "ская"), ("ов", "ова"), ("ев", "ева"), ("ин", "ина")):
        if surname.endswith(end):
            return surname[: -len(end)] + fem
    return surname


def _script(text: str) -> Script:
    return script_of(text)
