"""Deterministic fictional case files: the demo vault and the benchmark vault.

Long (about 1,300 lines) on purpose: most of it is the fictional tables (names, places,
courts, event templates in Russian and English) beside the code that draws from them;
split apart, each table would be read far from the one function that uses it.

`fill_demo` writes realistic-looking but invented cases of a defence and human-rights
practice in Russian and English — extradition, deportation, asylum, detention review,
criminal defence and international communications — with clients whose names come in
Cyrillic and several Latin spellings, their relatives, judges, prosecutors, interpreters
and NGOs, chronologies with dates of every precision, computed appeal deadlines, notes and
small documents (a PDF, a PNG and a text file made here byte by byte).

Determinism: the same seed gives the same records by content. Dates are laid out relative
to `today` (default: the real today) so that the agenda is alive whenever the demo is made:
some appeal deadlines overdue, some due in a day or two, some done. Record ids and
timestamps are the store's own (random ids, the real clock).

Every name here is invented from common first names and common or made-up surnames; no
record may describe a real person. This module never imports Qt and writes only through the
vault's stores.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from anyascii import anyascii

from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.core.model import (
    CaseStatus,
    CaseType,
    Contact,
    ContactKind,
    DeadlineStatus,
    EventType,
    FactStatus,
    IdentityDocument,
    NoteFormat,
    PersonKind,
    PersonName,
    Reference,
    RiskLevel,
    RoleKind,
    Script,
)
from satchel.core.names import script_of
from satchel.core.vault import Vault

__all__ = [
    "DEMO_CASE_TYPES",
    "fill_demo",
    "minimal_pdf",
    "minimal_png",
    "on_day",
    "one_transaction",
]

Progress = Callable[[int, int], None]

DEMO_CASE_TYPES: tuple[CaseType, ...] = (
    CaseType.EXTRADITION,
    CaseType.DEPORTATION,
    CaseType.ASYLUM,
    CaseType.DETENTION_REVIEW,
    CaseType.CRIMINAL_DEFENCE,
    CaseType.INTERNATIONAL_COMMUNICATION,
)
"""The case types the demo cycles through, so even a small demo shows every kind."""

APPEAL_DAYS = 10
"""Days to appeal an extradition or expulsion decision in the demo's fictional courts."""

# -- names ----------------------------------------------------------------------------------

# Given names by origin: (male first names, female first names, male surnames). A female
# surname adds "а" (Журавлёв → Журавлёва). The Russian surnames are common ones or made
# up, chosen to exercise Ё, Й, Щ, Х, Ю, Я and Ж in search; the Kazakh ones carry the letters
# of the Kazakh alphabet (Ә, І, Ң, Ғ, Ү, Ұ, Қ, Ө).
_ORIGINS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Russia": (
        ("Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Максим", "Иван", "Михаил",
         "Николай", "Павел", "Артём", "Юрий", "Илья", "Егор", "Кирилл", "Роман"),
        ("Анна", "Мария", "Елена", "Ольга", "Ирина", "Татьяна", "Наталья", "Светлана",
         "Юлия", "Екатерина", "Дарья", "Ксения", "Валерия", "Людмила", "Софья", "Алёна"),
        ("Журавлёв", "Емельянов", "Щукин", "Хохлов", "Юдин", "Яковлев", "Соколов", "Белов",
         "Морозов", "Лебедев", "Чистяков", "Ярцев", "Зимин", "Котов", "Полозов", "Тихомиров",
         "Семёнов", "Воробьёв", "Жаринов", "Щеглов", "Ховрин", "Крючков", "Осокин", "Ельцов"),
    ),
    "Kazakhstan": (
        ("Нұрлан", "Дәурен", "Ерлан", "Асқар", "Серік", "Ғалым"),
        ("Әсем", "Гүлнар", "Айгерім", "Жанар", "Айнұр", "Дана"),
        ("Жақсыбеков", "Сейітов", "Оспанов", "Құдайбергенов", "Төлеуов", "Ғалымов"),
    ),
    "Uzbekistan": (
        ("Рустам", "Фаррух", "Бахтиёр", "Шерзод", "Улугбек", "Жасур"),
        ("Шахло", "Дилноза", "Зарина", "Нилуфар", "Гульнора", "Мадина"),
        ("Назаров", "Каримов", "Юлдашев", "Рахимов", "Хасанов", "Умаров"),
    ),
}  # fmt: skip
_PATRONYMICS = (
    ("Сергеевич", "Сергеевна"), ("Александрович", "Александровна"),
    ("Игоревич", "Игоревна"), ("Викторович", "Викторовна"), ("Олегович", "Олеговна"),
    ("Андреевич", "Андреевна"), ("Юрьевич", "Юрьевна"), ("Николаевич", "Николаевна"),
    ("Владимирович", "Владимировна"), ("Петрович", "Петровна"),
)  # fmt: skip


def _surname(male_form: str, female: bool) -> str:
    return male_form + "а" if female and male_form.endswith(("ов", "ев", "ёв", "ин")) else male_form


# ICAO Doc 9303 (Russian passports since 2013): й→i, ю→iu, я→ia, х→kh, щ→shch, ё→e.
_ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ә": "a", "і": "i", "ң": "n", "ғ": "g", "ү": "u", "ұ": "u", "қ": "k",
    "ө": "o", "һ": "h",
}  # fmt: skip
# The press's English spelling (BGN/PCGN-like): й→y, ю→yu, я→ya, ё→yo, е→ye after a vowel.
_PRESS = _ICAO | {"й": "y", "ю": "yu", "я": "ya", "ё": "yo", "ъ": "", "ь": ""}
# A Central European court's spelling (scholarly/ISO-like): ž, š, č, ju, ja, jo.
_COURT = _ICAO | {
    "ж": "ž", "ш": "š", "щ": "šč", "ч": "č", "х": "ch", "ц": "c", "й": "j", "ю": "ju",
    "я": "ja", "ё": "jo", "ь": "", "ъ": "",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяәіүұө")


def _translit(text: str, table: dict[str, str], *, ye: bool = False) -> str:
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in table:
            piece = table[low]
            if ye and low == "е" and (not prev or prev in _VOWELS or not prev.isalpha()):
                piece = "ye"
            if ch != low and piece:
                piece = piece[0].upper() + piece[1:]
            out.append(piece)
        else:
            out.append(ch)
        prev = low
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Name:
    first: str
    surname: str
    patronymic: str = ""
    female: bool = False
    origin: str = "Russia"

    def cyrillic(self) -> str:
        """As a Russian court writes it: surname, first name, patronymic."""
        return " ".join(p for p in (self.surname, self.first, self.patronymic) if p)

    def short(self) -> str:
        """'Журавлёва А. С.'"""
        initials = " ".join(f"{p[0]}." for p in (self.first, self.patronymic) if p)
        return f"{self.surname} {initials}"

    def latin(self, table: dict[str, str], *, ye: bool = False) -> str:
        return f"{_translit(self.first, table, ye=ye)} {_translit(self.surname, table, ye=ye)}"


# Invented judges (first three) and prosecutors or officials (last three) of the demo's
# jurisdictions, in their own scripts.
_OFFICIALS: dict[str, tuple[str, ...]] = {
    "Lithuania": ("Rasa Petraitienė", "Tomas Jankauskas", "Ieva Kazlauskienė",
                  "Mindaugas Stankevičius", "Aistė Vaitkutė", "Darius Paulauskas"),
    "Germany": ("Katrin Hoffmann", "Jürgen Weber", "Sabine Brandt", "Matthias Krüger",
                "Anja Lindner", "Stefan Vogel"),
    "Poland": ("Agnieszka Nowak", "Piotr Kowalski", "Katarzyna Wiśniewska", "Tomasz Zieliński",
               "Magdalena Wójcik", "Paweł Kamiński"),
    "Czech Republic": ("Petra Novotná", "Jan Svoboda", "Lucie Dvořáková", "Martin Černý",
                       "Kateřina Procházková", "Tomáš Veselý"),
    "Serbia": ("Milica Jovanović", "Dragan Petrović", "Jelena Nikolić", "Nenad Marković",
               "Ivana Đorđević", "Miloš Ilić"),
    "Georgia": ("Nino Beridze", "Giorgi Kapanadze", "Tamar Gelashvili", "Levan Lomidze",
                "Ana Tsiklauri", "Davit Maisuradze"),
    "France": ("Claire Martin", "Julien Bernard", "Camille Dubois", "Nicolas Lefèvre",
               "Élodie Moreau", "Thomas Girard"),
    "Netherlands": ("Sanne de Vries", "Pieter Jansen", "Femke van Dijk", "Joost Bakker",
                    "Lotte Visser", "Bram Smit"),
    "Turkey": ("Ayşe Yılmaz", "Mehmet Demir", "Elif Kaya", "Emre Şahin", "Zeynep Çelik",
               "Murat Aydın"),
    "Kazakhstan": ("Гүлмира Бекова", "Асқар Исаев", "Жанар Мұратова", "Серік Ахметов",
                   "Айнұр Сағынова", "Бауыржан Тоқтаров"),
    "Russia": ("Ольга Смирнова", "Виктор Кузнецов", "Наталья Попова", "Игорь Васильев",
               "Марина Фёдорова", "Денис Орлов"),
    "Council of Europe": ("Hanna Berg", "Luca Ferrari", "Ines Costa", "Mikkel Holm",
                          "Sofia Marinescu", "Pavel Dvorak"),
    "United Nations": ("Amina Diallo", "Jorge Castillo", "Mei Lin Tan", "Oskar Nyström",
                       "Leila Haddad", "Tomas Ruiz"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Place:
    country: str
    city: str
    court: str
    appeal_court: str
    migration: str
    prosecutor: str
    airport: str
    utc_offset: int  # minutes, for exact times at the airport and in court
    language: str  # the case file's language: "en" or "ru"


_PLACES: dict[CaseType, tuple[_Place, ...]] = {
    CaseType.EXTRADITION: (
        _Place("Lithuania", "Vilnius", "Vilnius Regional Court", "Court of Appeal of Lithuania",
               "Migration Department", "Prosecutor General's Office", "Vilnius Airport", 180, "en"),
        _Place("Serbia", "Belgrade", "Higher Court in Belgrade", "Court of Appeal in Belgrade",
               "Asylum Office", "Higher Public Prosecutor", "Belgrade Airport", 120, "en"),
        _Place("Georgia", "Tbilisi", "Tbilisi City Court", "Tbilisi Court of Appeals",
               "Migration Department", "Prosecutor's Office", "Tbilisi Airport", 240, "ru"),
        _Place("Turkey", "Istanbul", "Istanbul Criminal Court of Peace",
               "Istanbul Regional Court", "Presidency of Migration Management",
               "Chief Public Prosecutor", "Istanbul Airport", 180, "ru"),
    ),
    CaseType.DEPORTATION: (
        _Place("Germany", "Frankfurt am Main", "Administrative Court of Frankfurt",
               "Higher Administrative Court of Hesse", "Foreigners' Authority",
               "Public Prosecutor", "Frankfurt Airport", 120, "en"),
        _Place("Kazakhstan", "Алматы", "Специализированный межрайонный суд г. Алматы",
               "Алматинский городской суд", "Департамент миграционной службы",
               "Прокуратура г. Алматы", "аэропорт Алматы", 300, "ru"),
    ),
    CaseType.ASYLUM: (
        _Place("Netherlands", "Amsterdam", "District Court of Amsterdam",
               "Council of State", "Immigration and Naturalisation Service",
               "Public Prosecution Service", "Schiphol", 120, "en"),
        _Place("France", "Paris", "National Court of Asylum", "Council of State",
               "OFPRA", "Public Prosecutor", "Roissy-Charles de Gaulle", 120, "en"),
        _Place("Poland", "Warsaw", "Voivodeship Administrative Court in Warsaw",
               "Supreme Administrative Court", "Office for Foreigners",
               "District Prosecutor", "Warsaw Chopin Airport", 120, "ru"),
    ),
    CaseType.DETENTION_REVIEW: (
        _Place("Czech Republic", "Prague", "Regional Court in Prague",
               "Supreme Administrative Court", "Foreign Police",
               "Regional Prosecutor", "Prague Airport", 120, "en"),
        _Place("Lithuania", "Pabradė", "Vilnius Regional Administrative Court",
               "Supreme Administrative Court of Lithuania", "State Border Guard Service",
               "Prosecutor General's Office", "Vilnius Airport", 180, "ru"),
    ),
    CaseType.CRIMINAL_DEFENCE: (
        _Place("Russia", "Москва", "Тверской районный суд г. Москвы", "Московский городской суд",
               "ГУ МВД по г. Москве", "Прокуратура г. Москвы", "Шереметьево", 180, "ru"),
        _Place("Russia", "Санкт-Петербург", "Дзержинский районный суд г. Санкт-Петербурга",
               "Санкт-Петербургский городской суд", "ГУ МВД по г. Санкт-Петербургу",
               "Прокуратура г. Санкт-Петербурга", "Пулково", 180, "ru"),
    ),
    CaseType.INTERNATIONAL_COMMUNICATION: (
        _Place("Council of Europe", "Strasbourg", "European Court of Human Rights",
               "Grand Chamber", "Registry", "Government Agent", "Strasbourg Airport", 120, "en"),
        _Place("United Nations", "Geneva", "UN Human Rights Committee",
               "UN Human Rights Committee", "Petitions Unit", "State party", "Geneva Airport",
               120, "en"),
    ),
}  # fmt: skip

_ACCUSATIONS = (
    ("Art. 207.3 (\"false information\" about the armed forces)",
     "ст. 207.3 УК РФ («фейки» об армии)"),
    ("Art. 280.3 (\"discrediting\" the armed forces)", "ст. 280.3 УК РФ («дискредитация»)"),
    ("Art. 282.2 (an \"extremist organisation\")",
     "ст. 282.2 УК РФ («экстремистская организация»)"),
    ("Art. 159 Part 4 (large-scale fraud)", "ч. 4 ст. 159 УК РФ (мошенничество)"),
    ("Art. 205.2 (\"justifying terrorism\" online)", "ст. 205.2 УК РФ («оправдание терроризма»)"),
    ("Art. 212.1 (repeated protests)", "ст. 212.1 УК РФ (неоднократные нарушения на акциях)"),
)  # fmt: skip

_NGOS = (
    ("Lanterna Legal Aid", "en"),
    ("Правозащитный центр «Маяк»", "ru"),
    ("Refugee Counsel Network Baltic", "en"),
    ("Фонд «Свободный берег»", "ru"),
    ("Safe Corridor Initiative", "en"),
)
FEATURED_CLIENT = _Name("Анна", "Журавлёва", "Сергеевна", True, "Russia")
"""The client of the first demo case (an extradition): spelt Журавлёва, ZHURAVLEVA,
Zhuravlyova and Žuravljova across her papers, so one search shows the name matching."""

_INTERPRETERS = (
    _Name("Ольга", "Виноградова", "", True),
    _Name("Marta", "Kaminska", "", True),
    _Name("Григорий", "Левин", "", False),
)
_COUNSEL = (
    ("Elena Rusu", "co-counsel, local bar"),
    ("Jonas Albrecht", "co-counsel, Frankfurt"),
    ("Мадина Абенова", "адвокат, Алматы"),
    ("Tomasz Brzeziński", "co-counsel, Warsaw"),
)

# -- words in two languages -------------------------------------------------------------------

_T: dict[str, tuple[str, str]] = {
    "case_extradition": ("Extradition of {short} to Russia", "Экстрадиция в Россию: {short}"),
    "case_deportation": ("Expulsion of {short}", "Выдворение: {short}"),
    "case_asylum": ("Asylum claim of {short}", "Убежище: {short}"),
    "case_detention_review": ("Detention review: {short}", "Обжалование задержания: {short}"),
    "case_criminal_defence": ("Defence of {short}", "Защита: {short}"),
    "case_international_communication": (
        "{short} v. Russia ({court})", "{short} против России ({court})"),
    "criminal_case": ("Criminal case opened in Russia under {acc}",
                      "Возбуждено уголовное дело по {acc_ru}"),
    "wanted": ("Placed on the federal wanted list", "Объявлен(а) в федеральный розыск"),
    "left": ("Left Russia", "Выезд из России"),
    "arrest": ("Detained at {airport} on an Interpol notice",
               "Задержание в {airport} по линии Интерпола"),
    "provisional": ("Court orders provisional arrest for 40 days",
                    "Суд избрал временный арест на 40 суток"),
    "request": ("Extradition request received from the Russian Prosecutor General",
                "Поступил запрос Генпрокуратуры РФ о выдаче"),
    "asylum_app": ("Asylum application lodged", "Подано ходатайство об убежище"),
    "remand": ("Held in remand prison", "Содержание под стражей в СИЗО"),
    "visit": ("Meeting with the client in detention", "Встреча с подзащитным в месте содержания"),
    "medical": ("Medical report on the client's health", "Медицинское заключение о здоровье"),
    "hearing_ext": ("Extradition hearing", "Судебное заседание по вопросу выдачи"),
    "decision_ext": ("Court finds extradition admissible", "Суд признал выдачу допустимой"),
    "appeal_deadline": ("Appeal against the decision due", "Срок подачи апелляции"),
    "appeal": ("Appeal lodged with {appeal}", "Подана апелляционная жалоба в {appeal}"),
    "rule39": ("Rule 39 request to the ECHR", "Запрос в ЕСПЧ по правилу 39"),
    "appeal_hearing": ("Appeal hearing (date to be set)",
                       "Апелляционное заседание (дата не назначена)"),
    "entry": ("Entered {country}", "Въезд в {country}"),
    "permit_refused": ("Residence permit refused", "Отказ в виде на жительство"),
    "expulsion_order": ("Expulsion order issued by {migration}",
                        "Решение о выдворении ({migration})"),
    "detained_migration": ("Detained for removal", "Помещение в центр для выдворяемых"),
    "hearing_adm": ("Hearing at {court}", "Заседание в суде: {court}"),
    "decision_adm": ("Court upholds the expulsion order",
                     "Суд оставил решение о выдворении в силе"),
    "interview": ("Asylum interview at {migration}", "Собеседование в {migration}"),
    "refusal": ("Asylum refused at first instance", "Отказ в убежище в первой инстанции"),
    "country_report": ("Country report on persecution of critics filed",
                       "Приобщён доклад о преследовании критиков власти"),
    "detention_order": ("Administrative detention ordered",
                        "Назначено административное задержание"),
    "extension": ("Detention extended by 60 days", "Срок содержания продлён на 60 суток"),
    "review_filed": ("Request for judicial review of detention", "Жалоба на законность содержания"),
    "decision_detention": ("Court refuses release", "Суд отказал в освобождении"),
    "search": ("Search of the client's flat", "Обыск в квартире подзащитного"),
    "charged": ("Charged under {acc}", "Предъявлено обвинение по {acc_ru}"),
    "measure": ("Pre-trial detention ordered", "Избрана мера пресечения — заключение под стражу"),
    "trial": ("Trial hearing", "Судебное заседание по существу"),
    "verdict": ("Verdict: guilty, 6 years", "Приговор: виновен, 6 лет"),
    "application": ("Application lodged with {court}", "Подана жалоба в {court}"),
    "communicated": ("Application communicated to the Government",
                     "Жалоба коммуницирована властям"),
    "observations_due": ("Observations in reply due", "Срок подачи возражений на меморандум"),
    "observations": ("Government's observations received", "Получен меморандум властей"),
    "call": ("Call with {who}", "Созвон с {who}"),
    "letter": ("Letter to {migration}", "Письмо в {migration}"),
    "docs_request": ("Request for the case file", "Ходатайство об ознакомлении с материалами"),
    "release": ("Released from detention", "Освобождение из-под стражи"),
    "served": ("Decision served on the client", "Решение вручено подзащитному"),
}  # fmt: skip

_SOURCES = {
    "protocol": ("Border guard report", "Протокол задержания"),
    "client": ("Client's statement", "Объяснения подзащитного"),
    "request": ("Extradition request, p. 2", "Запрос о выдаче, л. 2"),
    "decision": ("Court decision, para. 14", "Решение суда, п. 14"),
    "order": ("Expulsion order", "Решение о выдворении"),
    "interview": ("Interview record", "Протокол собеседования"),
    "relative": ("Statement of the client's relative", "Объяснения родственника"),
    "press": ("Press report", "Публикация в СМИ"),
}  # fmt: skip

_QUOTES = {
    "protocol": ("Detained at passport control at 06:40 on the basis of Interpol notice.",
                 "Задержан на паспортном контроле в 06:40 на основании уведомления Интерпола."),
    "client": ("I left in the spring, after the second summons; I do not remember the day.",
               "Я уехал весной, после второй повестки; точную дату не помню."),
    "request": ("The requesting State guarantees that the person will not be subjected to torture.",
                "Запрашивающая сторона гарантирует, что лицо не будет подвергнуто пыткам."),
    "decision": ("The court finds no substantial grounds to believe in a real risk of "
                 "ill-treatment.",
                 "Суд не усматривает серьёзных оснований полагать, что существует реальный риск."),
    "order": ("The person must leave the territory within 7 days.",
              "Лицо обязано покинуть территорию в течение 7 дней."),
    "interview": ("The applicant's account is detailed but lacks documentary support.",
                  "Рассказ заявителя подробен, но не подтверждён документами."),
}  # fmt: skip


_DESCRIPTIONS = {
    "arrest": ("Held overnight at the border post; the lawyer was admitted only the next "
               "morning. The notice was issued at the request of the Russian authorities.",
               "Ночь провёл(а) на пограничном посту; защитника допустили только утром. "
               "Уведомление выставлено по запросу российских властей."),
    "request": ("The request relies on the charge sheet alone; no evidence is attached. "
                "The date of receipt is unclear from the ministry's letter.",
                "Запрос основан только на постановлении о привлечении; доказательств нет. "
                "Дата поступления из письма министерства неясна."),
    "hearing": ("The court heard the client through an interpreter; the prosecutor relied "
                "on the diplomatic assurances.",
                "Суд заслушал подзащитного через переводчика; прокурор ссылался на "
                "дипломатические гарантии."),
    "decision": ("Served on the client in person; a copy was sent to counsel by e-mail. "
                 "The appeal window runs from the date of the decision.",
                 "Вручено подзащитному лично, копия направлена защитнику по почте. "
                 "Срок обжалования исчисляется с даты решения."),
    "asylum": ("Lodged in writing with a summary of the persecution and copies of the "
               "summonses.",
               "Подано письменно, с изложением преследования и копиями повесток."),
}  # fmt: skip
"""Descriptions of the events that carry one, by plan key: (English, Russian)."""


_COUNTRY_RU = {
    "Lithuania": "Литву", "Serbia": "Сербию", "Georgia": "Грузию", "Turkey": "Турцию",
    "Germany": "Германию", "Kazakhstan": "Казахстан", "Netherlands": "Нидерланды",
    "France": "Францию", "Poland": "Польшу", "Czech Republic": "Чехию",
}  # fmt: skip


def _t(key: str, lang: str, **kw: str) -> str:
    en, ru = _T[key]
    return (ru if lang == "ru" else en).format(**kw)


# -- dates -----------------------------------------------------------------------------------


def on_day(d: date) -> FuzzyDate:
    return FuzzyDate.on(d)


def _month(d: date) -> FuzzyDate:
    return FuzzyDate(DateKind.ON, PartialDate(d.year, d.month))


def _exact(d: date, hour: int, minute: int, offset: int) -> FuzzyDate:
    return FuzzyDate(DateKind.ON, PartialDate(d.year, d.month, d.day, hour, minute, offset))


def _around_year(d: date) -> FuzzyDate:
    return FuzzyDate(DateKind.AROUND, PartialDate(d.year))


def _around_month(d: date) -> FuzzyDate:
    return FuzzyDate(DateKind.AROUND, PartialDate(d.year, d.month))


def _before_month(d: date) -> FuzzyDate:
    return FuzzyDate(DateKind.BEFORE, PartialDate(d.year, d.month))


def _after_day(d: date) -> FuzzyDate:
    return FuzzyDate(DateKind.AFTER, PartialDate(d.year, d.month, d.day))


def _between(a: date, b: date) -> FuzzyDate:
    return FuzzyDate(DateKind.BETWEEN, PartialDate.from_date(a), PartialDate.from_date(b))


def _span_months(a: date, b: date) -> FuzzyDate:
    if (b.year, b.month) <= (a.year, a.month):
        b = a + timedelta(days=31)
    return FuzzyDate(DateKind.SPAN, PartialDate(a.year, a.month), PartialDate(b.year, b.month))


# -- the plan of one case ----------------------------------------------------------------------


@dataclass
class _EventPlan:
    key: str  # a handle other plans refer to ("decision")
    event_type: EventType
    title: str
    date: FuzzyDate
    description: str = ""
    source: str = ""
    quote: str = ""
    fact_status: FactStatus = FactStatus.UNDISPUTED
    key_fact: bool = False
    people: tuple[str, ...] = ()  # person handles: "client", "judge", ...
    # A deadline counted from another planned event, or due on its own date.
    day_order: int = 0  # among the case's events of the same day
    deadline_from: str | None = None
    deadline_days: int | None = None
    deadline_status: DeadlineStatus | None = None
    lead_days: int | None = None


@dataclass
class _CasePlan:
    case_type: CaseType
    lang: str
    place: _Place
    client: _Name
    decision_day: date
    accusation: tuple[str, str]
    events: list[_EventPlan] = field(default_factory=list)


def _deadline_offset(rng: random.Random, index: int) -> tuple[int, DeadlineStatus]:
    """Where a case's appeal deadline falls relative to today, and whether it is met.

    Cycles through the states a lawyer's agenda shows, so that even a 6-case demo has an
    overdue deadline, one due within three days, one within two weeks and one done.
    """
    states = (
        (-4, DeadlineStatus.PENDING),  # overdue
        (2, DeadlineStatus.PENDING),  # within 3 days
        (9, DeadlineStatus.PENDING),  # within 14 days
        (-30, DeadlineStatus.DONE),
        (1, DeadlineStatus.PENDING),
        (-60, DeadlineStatus.DONE),
        (25, DeadlineStatus.PENDING),  # later
        (-12, DeadlineStatus.MISSED),
    )
    offset, status = states[index % len(states)]
    # A little jitter so two cases rarely share a day; never across the today line.
    jitter = rng.randint(0, 2) if offset > 3 else 0
    return offset + (jitter if offset > 0 else -jitter), status


def _plan_events(plan: _CasePlan, rng: random.Random, status: DeadlineStatus) -> None:
    """The chronology of one case, laid out backwards from its decision day `D`."""
    lang, p, D = plan.lang, plan.place, plan.decision_day
    acc, acc_ru = plan.accusation
    ago = lambda n: D - timedelta(days=n)  # noqa: E731 - a table reads better with it

    def add(key: str, event_type: EventType, title: str, when: FuzzyDate, **kw: Any) -> None:
        if key in _DESCRIPTIONS:
            kw.setdefault("description", _DESCRIPTIONS[key][1 if lang == "ru" else 0])
        plan.events.append(_EventPlan(key, event_type, title, when, **kw))

    def cite(key: str) -> dict[str, str]:
        """The source and, if there is one, its quote, in the case's language."""
        i = 1 if lang == "ru" else 0
        quote = _QUOTES[key][i] if key in _QUOTES else ""
        return {"source": _SOURCES[key][i], "quote": quote}

    def tr(key: str, **kw: str) -> str:
        return _t(key, lang, acc=acc, acc_ru=acc_ru, **kw)

    # "Въезд в Германию": the country as the Russian text needs it (accusative).
    country = _COUNTRY_RU.get(p.country, p.country) if lang == "ru" else p.country

    E, F = EventType, FactStatus
    t = plan.case_type
    # fmt: off
    if t is CaseType.EXTRADITION:
        add("opened", E.OTHER, tr("criminal_case"), _around_year(ago(700)),
            fact_status=F.DISPUTED_BY_US, **cite("request"))
        add("wanted", E.OTHER, tr("wanted"), _between(ago(520), ago(490)), **cite("request"))
        add("left", E.TRAVEL, tr("left"), _before_month(ago(480)), people=("client",),
            fact_status=F.UNSURE, **cite("client"))
        add("arrest", E.ARREST, tr("arrest", airport=p.airport),
            _exact(ago(150), 6, 40, p.utc_offset), key_fact=True, people=("client",),
            **cite("protocol"))
        add("provisional", E.DETENTION, tr("provisional"), on_day(ago(149)),
            people=("client", "judge"), key_fact=True)
        add("request", E.EXTRADITION_REQUEST, tr("request"), _between(ago(125), ago(118)),
            fact_status=F.DISPUTED_BY_US, key_fact=True, **cite("request"))
        add("asylum", E.ASYLUM_APPLICATION, tr("asylum_app"), on_day(ago(110)),
            people=("client", "counsel"))
        add("remand", E.DETENTION, tr("remand"), _span_months(ago(148), D), people=("client",))
        add("visit", E.MEETING, tr("visit"), on_day(ago(60)), people=("client", "interpreter"))
        add("medical", E.COMMUNICATION, tr("medical"), _around_month(ago(40)))
        add("hearing", E.HEARING, tr("hearing_ext"), _exact(ago(7), 10, 0, p.utc_offset),
            people=("client", "judge", "prosecutor", "interpreter"))
        add("decision", E.DECISION, tr("decision_ext"), on_day(D), key_fact=True,
            fact_status=F.DISPUTED_BY_US, people=("judge",), **cite("decision"))
    elif t is CaseType.DEPORTATION:
        add("entry", E.TRAVEL, tr("entry", country=country), _around_year(ago(1500)),
            people=("client",), fact_status=F.UNSURE, **cite("client"))
        add("permit", E.DECISION, tr("permit_refused"), _month(ago(200)), **cite("order"))
        add("order", E.DECISION, tr("expulsion_order", migration=p.migration), on_day(ago(90)),
            key_fact=True, **cite("order"))
        add("detained", E.DETENTION, tr("detained_migration"),
            _exact(ago(60), 7, 15, p.utc_offset), people=("client",), key_fact=True)
        add("letter", E.FILING, tr("letter", migration=p.migration), on_day(ago(45)))
        add("call", E.COMMUNICATION, tr("call", who=_relative_word(lang)), _after_day(ago(30)),
            people=("relative",), **cite("relative"))
        add("hearing", E.HEARING, tr("hearing_adm", court=p.court),
            _exact(ago(3), 9, 30, p.utc_offset), people=("client", "judge", "interpreter"))
        add("decision", E.DECISION, tr("decision_adm"), on_day(D), key_fact=True,
            people=("judge",), **cite("decision"))
    elif t is CaseType.ASYLUM:
        add("press", E.OTHER, tr("criminal_case"), _before_month(ago(430)),
            fact_status=F.DISPUTED_BY_OTHER, **cite("press"))
        add("left", E.TRAVEL, tr("left"), _around_month(ago(420)), people=("client",),
            fact_status=F.UNSURE, **cite("client"))
        add("entry", E.TRAVEL, tr("entry", country=country), on_day(ago(400)),
            people=("client",))
        add("asylum", E.ASYLUM_APPLICATION, tr("asylum_app"), on_day(ago(395)), key_fact=True,
            people=("client", "counsel"))
        add("interview", E.MEETING, tr("interview", migration=p.migration),
            _exact(ago(200), 9, 0, p.utc_offset), people=("client", "interpreter"),
            **cite("interview"))
        add("report", E.FILING, tr("country_report"), on_day(ago(150)), people=("ngo",))
        add("decision", E.DECISION, tr("refusal"), on_day(D), key_fact=True, **cite("interview"))
    elif t is CaseType.DETENTION_REVIEW:
        add("entry", E.TRAVEL, tr("entry", country=country), on_day(ago(140)),
            people=("client",))
        add("order", E.DETENTION, tr("detention_order"), _exact(ago(138), 18, 5, p.utc_offset),
            key_fact=True, people=("client",))
        add("asylum", E.ASYLUM_APPLICATION, tr("asylum_app"), on_day(ago(130)),
            people=("client", "counsel"))
        add("extension", E.DECISION, tr("extension"), on_day(ago(78)), people=("judge",))
        add("held", E.DETENTION, tr("remand"), _span_months(ago(138), D), people=("client",))
        add("review", E.FILING, tr("review_filed"), on_day(ago(20)))
        add("hearing", E.HEARING, tr("hearing_adm", court=p.court),
            _exact(ago(2), 13, 0, p.utc_offset), people=("client", "judge", "interpreter"))
        add("decision", E.DECISION, tr("decision_detention"), on_day(D), key_fact=True,
            people=("judge",), **cite("decision"))
    elif t is CaseType.CRIMINAL_DEFENCE:
        add("search", E.OTHER, tr("search"), _exact(ago(300), 6, 5, p.utc_offset),
            key_fact=True, people=("client",), **cite("relative"))
        add("arrest", E.ARREST, tr("charged"), on_day(ago(298)), people=("client",),
            key_fact=True)
        add("measure", E.DETENTION, tr("measure"), on_day(ago(297)),
            people=("client", "judge", "prosecutor"))
        add("remand", E.DETENTION, tr("remand"), _span_months(ago(297), D), people=("client",))
        add("file", E.FILING, tr("docs_request"), _month(ago(120)))
        add("trial", E.HEARING, tr("trial"), _between(ago(40), ago(10)),
            people=("client", "judge", "prosecutor"))
        add("decision", E.DECISION, tr("verdict"), on_day(D), key_fact=True,
            fact_status=F.DISPUTED_BY_US, people=("judge",), **cite("decision"))
    else:  # an application to the ECHR or the UN Human Rights Committee
        add("domestic", E.DECISION, tr("decision_ext"), on_day(ago(380)), key_fact=True,
            **cite("decision"))
        add("application", E.FILING, tr("application", court=p.court), on_day(ago(300)),
            people=("client", "counsel"), key_fact=True)
        add("rule39", E.FILING, tr("rule39"), _exact(ago(299), 23, 10, p.utc_offset))
        add("decision", E.COMMUNICATION, tr("communicated"), on_day(D), key_fact=True)
        add("observations", E.COMMUNICATION, tr("observations"), _after_day(D),
            people=("prosecutor",))
    # fmt: on
    # The deadline everything turns on: an appeal (or a reply) counted from the decision.
    international = t is CaseType.INTERNATIONAL_COMMUNICATION
    if not international:
        # Same day as the decision, and after it: the manual order within a day.
        add("served", E.COMMUNICATION, tr("served"), on_day(D), day_order=1, people=("client",))
    add(
        "deadline",
        E.DEADLINE,
        tr("observations_due" if international else "appeal_deadline"),
        FuzzyDate.undated(),
        deadline_from="decision",
        deadline_days=APPEAL_DAYS,
        deadline_status=status,
        lead_days=3,
        key_fact=True,
    )
    if status is DeadlineStatus.DONE and not international:
        add("appeal", E.APPEAL, tr("appeal", appeal=p.appeal_court),
            on_day(D + timedelta(days=rng.randint(5, 9))), people=("counsel",))  # fmt: skip
    if t is CaseType.EXTRADITION:
        add("rule39", E.FILING, tr("rule39"), FuzzyDate.undated())
        add("appeal_hearing", E.HEARING, tr("appeal_hearing"), FuzzyDate.undated())
    if t is CaseType.DETENTION_REVIEW and status is DeadlineStatus.DONE:
        add("release", E.RELEASE, tr("release"), on_day(D + timedelta(days=15)),
            people=("client",), key_fact=True)  # fmt: skip


def _relative_word(lang: str) -> str:
    return "родственниками" if lang == "ru" else "the family"


_FILLER = ("call", "letter", "docs_request", "visit")


def _add_filler(plan: _CasePlan, rng: random.Random, total: int) -> None:
    """More ordinary events (calls, letters, visits) until the case has `total` events."""
    lang, p = plan.lang, plan.place
    while len(plan.events) < total:
        key = rng.choice(_FILLER)
        back = rng.randint(1, 900)
        d = plan.decision_day - timedelta(days=back)
        shape = rng.random()
        if shape < 0.55:
            when = on_day(d)
        elif shape < 0.7:
            when = _exact(d, rng.randint(8, 19), rng.choice((0, 15, 30, 45)), p.utc_offset)
        elif shape < 0.85:
            when = _month(d)
        elif shape < 0.93:
            when = _between(d, d + timedelta(days=rng.randint(1, 10)))
        else:
            when = _around_month(d)
        event_type = {
            "call": EventType.COMMUNICATION,
            "letter": EventType.FILING,
            "docs_request": EventType.FILING,
            "visit": EventType.MEETING,
        }[key]
        title = _t(key, lang, who=_relative_word(lang), migration=p.migration)
        plan.events.append(
            _EventPlan(
                f"filler{len(plan.events)}",
                event_type,
                title,
                when,
                people=("client",) if key == "visit" else (),
            )
        )


# -- people --------------------------------------------------------------------------------------


def _phone(rng: random.Random) -> str:
    return (
        f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-"
        f"{rng.randint(10, 99)}-{rng.randint(10, 99)}"
    )


class _People:
    """Makes the demo's people and remembers the ones shared between cases."""

    def __init__(self, vault: Vault, rng: random.Random) -> None:
        self.vault = vault
        self.rng = rng
        self.shared: dict[tuple[str, str], str] = {}  # (role, name) -> person id
        self.clients: set[str] = set()
        self.count = 0

    def _create(self, names: Sequence[PersonName], **fields: Any) -> str:
        self.count += 1
        return str(self.vault.people.create(list(names), **fields).id)

    def _new_name(self, origin: str, female: bool, *, patronymic: bool) -> _Name:
        males, females, surnames = _ORIGINS[origin]
        first = self.rng.choice(females if female else males)
        surname = _surname(self.rng.choice(surnames), female)
        middle = self.rng.choice(_PATRONYMICS)[int(female)] if patronymic else ""
        return _Name(first, surname, middle, female, origin)

    def featured(self) -> _Name:
        """The first demo client, the same in every demo: the README searches for her."""
        self.clients.add(FEATURED_CLIENT.cyrillic())
        return FEATURED_CLIENT

    def client_name(self, case_type: CaseType) -> _Name:
        """A client's name, not yet used by another demo client while names remain."""
        pick = self.rng.random()
        if case_type is CaseType.DEPORTATION and pick < 0.6:
            origin = "Uzbekistan"
        elif pick < 0.18:
            origin = "Kazakhstan"
        else:
            origin = "Russia"
        female = self.rng.random() < 0.45
        for _ in range(20):
            name = self._new_name(origin, female, patronymic=origin == "Russia")
            if name.cyrillic() not in self.clients:
                break
        self.clients.add(name.cyrillic())
        return name

    def client(self, name: _Name, place: _Place) -> str:
        rng = self.rng
        names = [
            PersonName(name.cyrillic(), Script.CYRILLIC, "internal passport", primary=True),
            PersonName(name.latin(_ICAO).upper(), Script.LATIN, "passport"),
            PersonName(name.latin(_PRESS, ye=True), Script.LATIN, "press"),
        ]
        if place.language == "en" or rng.random() < 0.5:
            names.append(PersonName(name.latin(_COURT), Script.LATIN, "court"))
        birth = PartialDate(rng.randint(1962, 2001), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.2:  # only the year is known, as in some court papers
            birth = PartialDate(birth.year)
        phone = _phone(rng)
        handle = _translit(name.first, _PRESS).lower() + "_" + str(rng.randint(10, 99))
        contacts = [
            Contact(ContactKind.SIGNAL, phone, "via relative" if rng.random() < 0.3 else "")
        ]
        if rng.random() < 0.6:
            contacts.append(Contact(ContactKind.TELEGRAM, f"@{handle}"))
        if rng.random() < 0.4:
            contacts.append(
                Contact(
                    ContactKind.ADDRESS, f"{place.city}, c/o {self._ngo_name(place)}", "for letters"
                )
            )
        docs = [
            IdentityDocument(
                "international passport",
                f"{rng.randint(70, 77)} {rng.randint(1000000, 9999999)}",
                "MVD",
                expires=PartialDate(rng.randint(2026, 2034), rng.randint(1, 12)),
            )
        ]
        if rng.random() < 0.3:
            docs.append(
                IdentityDocument(
                    "asylum seeker certificate", f"AS-{rng.randint(10000, 99999)}", place.migration
                )
            )
        return self._create(
            names,
            birth_date=birth,
            citizenships=(name.origin,),
            documents=tuple(docs),
            contacts=tuple(contacts),
        )

    def relative(self, client: _Name, index: int) -> tuple[str, str]:
        """A relative of the client; returns (person id, how related) in Russian."""
        rng = self.rng
        kinds = (
            ("мать", True),
            ("брат", False),
            ("супруга", True),
            ("сестра", True),
            ("отец", False),
            ("супруг", False),
        )
        relation, female = kinds[(index + rng.randint(0, 5)) % len(kinds)]
        if relation == "супруга" and client.female:
            relation, female = "супруг", False
        elif relation == "супруг" and not client.female:
            relation, female = "супруга", True
        male_form = client.surname[:-1] if client.female else client.surname
        name = self._new_name(client.origin, female, patronymic=False)
        name = _Name(name.first, _surname(male_form, female), "", female, client.origin)
        first, surname = name.first, name.surname
        names = [
            PersonName(f"{first} {surname}", Script.CYRILLIC, primary=True),
            PersonName(name.latin(_PRESS, ye=True), Script.LATIN, "messenger"),
        ]
        phone = _phone(rng)
        pid = self._create(
            names,
            contacts=(
                Contact(ContactKind.PHONE, phone, relation),
                Contact(ContactKind.SIGNAL, phone),
            ),
            notes="Передаёт документы из России." if rng.random() < 0.3 else "",
        )
        return pid, relation

    def witness(self, lang: str) -> str:
        name = self._new_name("Russia", self.rng.random() < 0.5, patronymic=False)
        return self._create(
            [
                PersonName(f"{name.first} {name.surname}", Script.CYRILLIC, primary=True),
                PersonName(name.latin(_PRESS, ye=True), Script.LATIN, "statement"),
            ],
            notes="Witness to the arrest." if lang == "en" else "Очевидец задержания.",
        )

    def official(self, role: str, place: _Place) -> str:
        """A judge or prosecutor of the place; the same few appear in the cases heard there."""
        pool = _OFFICIALS[place.country]
        text = self.rng.choice(pool[:3] if role == "judge" else pool[3:])
        key = (role, text)
        if key not in self.shared:
            script = script_of(text)
            names = [PersonName(text, script, primary=True)]
            if script is Script.LATIN and anyascii(text) != text:
                names.append(PersonName(anyascii(text), Script.LATIN, "without diacritics"))
            where = place.court if role == "judge" else place.prosecutor
            self.shared[key] = self._create(names, notes=f"{where}, {place.city}")
        return self.shared[key]

    def interpreter(self) -> str:
        name = self.rng.choice(_INTERPRETERS)
        key = ("interpreter", name.surname)
        if key not in self.shared:
            text = f"{name.first} {name.surname}"
            script = script_of(text)
            alias = (
                [PersonName(name.latin(_PRESS), Script.LATIN, "invoice")]
                if script is Script.CYRILLIC
                else []
            )
            self.shared[key] = self._create(
                [PersonName(text, script, primary=True), *alias],
                contacts=(
                    Contact(ContactKind.EMAIL, f"interpreting{len(self.shared)}@example.org"),
                ),
                notes="Sworn interpreter, Russian.",
            )
        return self.shared[key]

    def _ngo_name(self, place: _Place) -> str:
        return _NGOS[len(place.city) % len(_NGOS)][0]

    def ngo(self) -> str:
        name, lang = self.rng.choice(_NGOS)
        key = ("ngo", name)
        if key not in self.shared:
            self.shared[key] = self._create(
                [PersonName(name, Script.CYRILLIC if lang == "ru" else Script.LATIN, primary=True)],
                kind=PersonKind.ORGANISATION,
                contacts=(
                    Contact(ContactKind.EMAIL, f"cases{len(self.shared)}@example.org", "intake"),
                ),
                notes="Monitors extradition cases; can provide country reports.",
            )
        return self.shared[key]

    def counsel(self) -> tuple[str, str]:
        text, note = self.rng.choice(_COUNSEL)
        key = ("counsel", text)
        if key not in self.shared:
            script = script_of(text)
            self.shared[key] = self._create(
                [PersonName(text, script, primary=True)],
                contacts=(
                    Contact(
                        ContactKind.SIGNAL, f"+3{len(self.shared)} 600 {len(text)}0 {len(note)}0"
                    ),
                ),
            )
        return self.shared[key], note


# -- documents -------------------------------------------------------------------------------------


def _pdf_text(text: str) -> str:
    # The standard Type 1 fonts only know Latin-1; the demo's PDFs are written in English
    # and transliterated, and (, ) and \ must be escaped inside a PDF string.
    latin = anyascii(text)
    return latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines: Sequence[str]) -> bytes:
    """A valid one-page PDF showing `lines` in Helvetica, with a correct xref table."""
    body = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
    for i, line in enumerate(lines):
        if i == 0:
            body += ["/F1 14 Tf", f"({_pdf_text(line)}) Tj", "/F1 11 Tf", "T* T*"]
        else:
            body.append(f"({_pdf_text(line)}) Tj T*")
    body.append("ET")
    stream = "\n".join(body).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def minimal_png(width: int, height: int, seed: int) -> bytes:
    """A small valid RGB PNG: a pale 'scanned page' with a few dark text-like bars."""
    rng = random.Random(seed)  # noqa: S311 - a picture, not a secret
    bars = [
        (rng.randint(4, height - 6), rng.randint(4, width // 3), rng.randint(width // 2, width - 4))
        for _ in range(max(3, height // 10))
    ]
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            dark = any(by <= y < by + 2 and x0 <= x < x1 for by, x0, x1 in bars)
            edge = x < 2 or y < 2 or x >= width - 2 or y >= height - 2
            shade = 60 if dark else (180 if edge else 238 - (x + y) % 7)
            rows += bytes((shade, shade, max(0, shade - 8)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


# -- notes -----------------------------------------------------------------------------------------


def _notes_for(plan: _CasePlan, rng: random.Random) -> list[tuple[str, NoteFormat]]:
    c = plan.client
    if plan.lang == "ru":
        first = (
            f"## Стратегия\n\n"
            f"- Риск пыток и несправедливого суда: собрать доклады НКО и решения ЕСПЧ.\n"
            f"- **Срок апелляции — {APPEAL_DAYS} дней** с даты решения, не с даты получения.\n"
            f"- Запросить у {c.short()} копии повесток (есть у родственников).\n"
            f"- Проверить, как фамилия написана в запросе о выдаче и в паспорте.\n",
            NoteFormat.MARKDOWN,
        )
        second = (
            f"Звонок из места содержания: {c.first} жалуется на давление при допросе, "
            f"просит передать лекарства. Переводчик нужен на следующую встречу.",
            NoteFormat.PLAIN,
        )
    else:
        first = (
            f"## Strategy\n\n"
            f"1. Real risk of ill-treatment if returned: cite country reports and Article 3 "
            f"case law.\n"
            f"2. **Appeal window: {APPEAL_DAYS} days** from the decision, not from service.\n"
            f"3. Ask the family for the summonses (originals are in Russia).\n\n"
            f"> The request names the client as *{c.latin(_ICAO)}*; the court file uses "
            f"*{c.latin(_COURT)}*. Same person — flag it at the hearing.\n",
            NoteFormat.MARKDOWN,
        )
        second = (
            f"Visit: {c.first} is in reasonable health, anxious about the family. Asked for "
            f"the interpreter to attend the next hearing.",
            NoteFormat.PLAIN,
        )
    return [first, second] if rng.random() < 0.75 else [first]


# -- filling a vault ------------------------------------------------------------------------------


@contextmanager
def one_transaction(vault: Vault) -> Iterator[None]:
    # Database.bulk: one transaction, search index updated once at the end — what makes
    # 200,000 events take a minute rather than an hour.
    with vault.bulk():
        yield


def fill_demo(
    vault: Vault,
    *,
    cases: int = 12,
    seed: int = 7,
    progress: Progress | None = None,
    people_per_case: int | None = None,
    events_per_case: int | None = None,
    documents: bool = True,
    today: date | None = None,
) -> dict[str, int]:
    """Write `cases` fictional cases into an unlocked vault; return how much was made.

    `people_per_case` counts the people made for each case (client, relatives, witnesses);
    judges, prosecutors, interpreters, NGOs and co-counsel are shared between cases and come
    on top. `events_per_case` pads each chronology with ordinary events (calls, letters,
    visits) up to that number. `documents=False` skips the attached files (benchmarks).
    Everything is written in one transaction: a failure leaves the vault as it was.
    """
    if cases < 0:
        raise ValueError("cases must not be negative")
    rng = random.Random(seed)  # noqa: S311 - fictional data, reproducible on purpose
    today = today or date.today()
    people = _People(vault, rng)
    counts = {"cases": 0, "people": 0, "events": 0, "deadlines": 0, "notes": 0, "documents": 0}
    with one_transaction(vault):
        for i in range(cases):
            _fill_case(
                vault, rng, people, i, today, people_per_case, events_per_case, documents, counts
            )
            if progress is not None:
                progress(i + 1, cases)
    counts["people"] = people.count
    return counts


def _fill_case(
    vault: Vault,
    rng: random.Random,
    people: _People,
    index: int,
    today: date,
    people_per_case: int | None,
    events_per_case: int | None,
    documents: bool,
    counts: dict[str, int],
) -> None:
    case_type = DEMO_CASE_TYPES[index % len(DEMO_CASE_TYPES)]
    place = rng.choice(_PLACES[case_type])
    lang = place.language if rng.random() < 0.8 else ("en" if place.language == "ru" else "ru")
    client = people.client_name(case_type) if index else people.featured()
    offset, status = _deadline_offset(rng, index)
    decision_day = today + timedelta(days=offset - APPEAL_DAYS)
    plan = _CasePlan(case_type, lang, place, client, decision_day, rng.choice(_ACCUSATIONS))
    _plan_events(plan, rng, status)
    if events_per_case is not None:
        plan.events = plan.events[: max(1, events_per_case)]
        if not any(e.key == "decision" for e in plan.events):
            plan.events = [e for e in plan.events if e.deadline_from is None]
        _add_filler(plan, rng, events_per_case)
    else:
        _add_filler(plan, rng, len(plan.events) + rng.randint(0, 3))

    short = client.short() if lang == "ru" else f"{client.latin(_PRESS, ye=True)}"
    title = _t(f"case_{case_type.value}", lang, short=short, court=place.court)
    closed = status is DeadlineStatus.DONE and offset < -45
    refs = [Reference("court", f"{rng.randint(1, 9)}-{rng.randint(100, 9999)}/{decision_day.year}")]
    if case_type in (CaseType.EXTRADITION, CaseType.CRIMINAL_DEFENCE):
        refs.append(
            Reference(
                "prosecutor",
                f"{rng.randint(80, 89)}/3-{rng.randint(1000, 9999)}-{decision_day.year - 1}",
            )
        )
    if case_type in (CaseType.DEPORTATION, CaseType.ASYLUM, CaseType.DETENTION_REVIEW):
        refs.append(
            Reference(
                "migration service", f"{place.country[:2].upper()}-{rng.randint(100000, 999999)}"
            )
        )
    if case_type is CaseType.INTERNATIONAL_COMMUNICATION or rng.random() < 0.25:
        if place.court.startswith("UN"):
            refs.append(
                Reference(
                    "UN HRC", f"CCPR/C/{rng.randint(3000, 4999)}/{decision_day.year % 100:02d}"
                )
            )
        else:
            refs.append(
                Reference("ECHR", f"no. {rng.randint(1000, 59999)}/{decision_day.year % 100:02d}")
            )
    if lang == "ru":
        summary = f"Клиент: {client.cyrillic()}. Обвинение: {plan.accusation[1]}. "
        summary += f"{place.court}, {place.city}."
    else:
        summary = f"Client {client.latin(_PRESS, ye=True)}; accused in Russia under "
        summary += f"{plan.accusation[0]}. Heard by {place.court}."
    case = vault.cases.create(
        title,
        case_type=case_type,
        status=CaseStatus.CLOSED
        if closed
        else (CaseStatus.ON_HOLD if rng.random() < 0.1 else CaseStatus.OPEN),
        risk=rng.choice((RiskLevel.HIGH, RiskLevel.CRITICAL, RiskLevel.MEDIUM, RiskLevel.HIGH)),
        jurisdiction=place.country,
        authority=place.court,
        summary=summary,
        references=tuple(refs),
        tags=tuple(sorted({rng.choice(("urgent", "ECHR", "Interpol", "family", "media")), lang})),
        opened=decision_day - timedelta(days=rng.randint(160, 420)),
        closed=today + timedelta(days=offset + 20) if closed else None,
    )
    counts["cases"] += 1

    # People of this case.
    handles: dict[str, str] = {}
    client_id = people.client(client, place)
    handles["client"] = client_id
    vault.roles.create(case.id, client_id, RoleKind.CLIENT)
    own = people_per_case if people_per_case is not None else rng.randint(2, 4)
    for k in range(max(0, own - 1)):
        if k < 2:
            pid, relation = people.relative(client, k)
            handles.setdefault("relative", pid)
            vault.roles.create(case.id, pid, RoleKind.RELATIVE, note=relation)
        else:
            pid = people.witness(lang)
            vault.roles.create(case.id, pid, RoleKind.WITNESS)
    handles["judge"] = people.official("judge", place)
    vault.roles.create(case.id, handles["judge"], RoleKind.JUDGE, note=place.court)
    handles["prosecutor"] = people.official("prosecutor", place)
    vault.roles.create(case.id, handles["prosecutor"], RoleKind.PROSECUTOR, note=place.prosecutor)
    handles["interpreter"] = people.interpreter()
    vault.roles.create(case.id, handles["interpreter"], RoleKind.INTERPRETER)
    if rng.random() < 0.6:
        handles["ngo"] = people.ngo()
        vault.roles.create(case.id, handles["ngo"], RoleKind.NGO)
    if rng.random() < 0.5:
        handles["counsel"], note = people.counsel()
        vault.roles.create(case.id, handles["counsel"], RoleKind.CO_COUNSEL, note=note)

    # The chronology. Deadlines come after the events they count from.
    made: dict[str, str] = {}
    for e in plan.events:
        person_ids = tuple(dict.fromkeys(handles[h] for h in e.people if h in handles))
        if e.deadline_from is not None:
            source = made.get(e.deadline_from)
            if source is None:
                continue
            event = vault.events.create_deadline(
                case.id,
                e.title,
                lead_days=e.lead_days,
                computed_from=source,
                offset_days=e.deadline_days,
                key_fact=e.key_fact,
            )
            if e.deadline_status not in (None, DeadlineStatus.PENDING):
                vault.events.set_deadline_status(event.id, e.deadline_status)
            counts["deadlines"] += 1
        else:
            event = vault.events.create(
                case.id,
                e.title,
                e.event_type,
                date=e.date,
                description=e.description,
                person_ids=person_ids,
                key_fact=e.key_fact,
                source=e.source,
                source_quote=e.quote,
                fact_status=e.fact_status,
                day_order=e.day_order,
            )
        made[e.key] = event.id
        counts["events"] += 1
    # A hearing ahead, so the agenda shows more than deadlines.
    if case_type is not CaseType.INTERNATIONAL_COMMUNICATION and not closed:
        ahead = today + timedelta(days=rng.randint(3, 40))
        vault.events.create(
            case.id,
            _t("hearing_adm", lang, court=place.appeal_court),
            EventType.HEARING,
            date=_exact(ahead, rng.choice((9, 10, 11, 14)), rng.choice((0, 30)), place.utc_offset),
            person_ids=(client_id,),
        )
        counts["events"] += 1

    for body, fmt in _notes_for(plan, rng):
        written = datetime.combine(
            decision_day - timedelta(days=rng.randint(1, 90)), datetime.min.time(), tzinfo=UTC
        ) + timedelta(hours=rng.randint(8, 20))
        vault.notes.create(case.id, body, author="Demo Lawyer", format=fmt, written=written)
        counts["notes"] += 1

    if documents:
        counts["documents"] += _add_documents(vault, case.id, plan, made, index)


def _add_documents(
    vault: Vault, case_id: str, plan: _CasePlan, made: dict[str, str], index: int
) -> int:
    c, p = plan.client, plan.place
    decision = [
        f"{p.court}",
        f"Decision of {plan.decision_day.isoformat()} in the case of {c.latin(_COURT)}",
        "",
        f"The court has examined the request concerning {c.latin(_ICAO)}, born in Russia,",
        f"accused under {anyascii(plan.accusation[0])}.",
        "The court finds no substantial grounds to believe in a real risk of ill-treatment.",
        f"An appeal may be lodged within {APPEAL_DAYS} days of this decision.",
        "",
        "(Fictional document generated by Satchel's demo.)",
    ]
    letter = (
        f"Письмо от родственников {c.short()}\n\n"
        f"Повестки приходили по адресу регистрации дважды. Копии пришлём через мессенджер.\n"
        f"Просим сообщить дату следующего заседания.\n\n"
        f"(Вымышленный документ из демонстрационных данных Satchel.)\n"
    )
    decision_event = made.get("decision")
    docs = (
        (
            "decision.pdf",
            "application/pdf",
            minimal_pdf(decision),
            "court registry",
            (decision_event,) if decision_event else (),
        ),
        ("passport-scan.png", "image/png", minimal_png(96, 64, index), "client", ()),
        ("letter-from-family.txt", "text/plain", letter.encode("utf-8"), "relative, by Signal", ()),
    )
    made_docs = 0
    for filename, media_type, data, source, event_ids in docs:
        vault.documents.add(
            io.BytesIO(data),
            case_id=case_id,
            filename=filename,
            media_type=media_type,
            source=source,
            received=plan.decision_day + timedelta(days=1),
            event_ids=event_ids,
        )
        made_docs += 1
    return made_docs
