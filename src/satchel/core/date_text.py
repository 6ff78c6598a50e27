"""Dates as lawyers type them, in English and Russian, read into a `FuzzyDate`.

`read_date` understands what goes into a chronology by hand: `14.03.2025`, `2025-03-14`,
`March 2025`, `14 марта 2025 г.`, `~2019`, `около июля 2025`, `before 3 Mar 2024`,
`до марта 2023`, `after`/`после`, `3–10.03.2024`, `с 3 по 10 марта 2024`,
`between 3 and 10 March 2024`, `между 3 и 10 марта 2024`, `2024..2025`, `spring 2020`,
`unknown`; every canonical form of `FuzzyDate.parse`; and the text `FuzzyDate.display()`
writes in either language, so what the client shows can be typed back. `read_partial` reads
one date without a kind (a birth date, a passport's expiry).

The reading is honest: it never invents a day, a month or a year nobody typed ("3 марта"
with no year is refused, not put in this year), and a date that cannot exist (31.02.2025,
2025-13-01) is refused with the core's own coded error rather than read as something else.
Two-digit years and slashed day/month orders (03/04/2025) are refused: they read
differently in different countries. Ranges: "between", "между", "в промежутке" and `..`
mean once, somewhere in the range (BETWEEN); a dash, "from … to", "с … по" and `/` mean
lasting from one date to the other (SPAN); the left end may leave out what the right end
says ("3–10.03.2024", "March–May 2024").

The CLI and the desktop client read dates here and only here. No Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from satchel.core.dates import DateKind, FuzzyDate, PartialDate
from satchel.errors import InvalidInput

__all__ = ["read_date", "read_partial"]

_MONTH_WORDS: dict[str, int] = {}
for _number, _forms in enumerate(
    (
        "january jan январь января январе январем янв",
        "february feb февраль февраля феврале февралем февр фев",
        "march mar март марта марте мартом мар",
        "april apr апрель апреля апреле апрелем апр",
        "may май мая мае маем",
        "june jun июнь июня июне июнем июн",
        "july jul июль июля июле июлем июл",
        "august aug август августа августе августом авг",
        "september sep sept сентябрь сентября сентябре сентябрем сент сен",
        "october oct октябрь октября октябре октябрем окт",
        "november nov ноябрь ноября ноябре ноябрем нояб ноя",
        "december dec декабрь декабря декабре декабрем дек",
    ),
    start=1,
):
    for _word in _forms.split():
        _MONTH_WORDS[_word] = _number

# Longest first, so that "марта" is not read as "мар" followed by "та".
_MONTH = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th|-?го|-?е)?"

_DAY_MONTH_YEAR = re.compile(
    rf"^(?P<d>\d{{1,2}}){_ORDINAL}\s*(?:of\s+)?(?P<mon>{_MONTH})\.?(?:,?\s*(?P<y>\d{{4}}))?$"
)
_MONTH_DAY_YEAR = re.compile(
    rf"^(?P<mon>{_MONTH})\.?\s*(?P<d>\d{{1,2}}){_ORDINAL}(?:,?\s*(?P<y>\d{{4}}))?$"
)
_MONTH_YEAR = re.compile(rf"^(?P<mon>{_MONTH})\.?(?:,?\s*(?:of\s+)?(?P<y>\d{{4}}))?$")
_DOTTED = re.compile(r"^(?:(?P<d>\d{1,2})\.)?(?P<m>\d{1,2})\.(?P<y>\d{4})$")
# The left end of a range may stop short: "3" or "3.03" of "3–10.03.2024".
_DOTTED_SHORT = re.compile(r"^(?P<d>\d{1,2})(?:\.(?P<m>\d{1,2}))?\.?$")
_YEAR = re.compile(r"^\d{4}$")
_ISO = re.compile(r"^\d{4}-\d{2}")
# A time after the day: "14 Aug 2025, 10:30 UTC+3", "14.08.2025 10:30 МСК", "… at 10:30".
_TIME = re.compile(
    r"""^(?P<date>.+?)\s*[,\s]\s*(?:at\s+|в\s+)?
        (?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?
        \s*(?P<tz>z|utc|gmt|msk|мск
            |(?:(?:utc|gmt)\s*)?[+-]\d{1,2}(?::?\d{2})?)?$""",
    re.VERBOSE,
)

_UNDATED = frozenset(
    {
        "", "?", "tbd", "undated", "unknown", "not known", "date unknown", "n/a",
        "неизвестно", "не известно", "дата неизвестна", "дата не известна",
        "дата не определена", "не определена", "нет даты",
    }
)  # fmt: skip

# A kind said before one date. Symbols stick to the date ("~2019"); words are followed by a
# space, or a dot that ends an abbreviation ("c.2019").
_KIND_WORDS: tuple[tuple[DateKind, tuple[str, ...]], ...] = (
    (
        DateKind.AROUND,
        (
            "~", "≈", "circa", "approximately", "approx.", "approx", "about", "around",
            "ca.", "c.", "ca", "приблизительно", "ориентировочно", "примерно", "около",
            "прибл.", "ок.",
        ),
    ),
    (DateKind.BEFORE, ("<", "before", "prior to", "earlier than", "ранее", "раньше", "до")),
    (DateKind.AFTER, (">", "after", "later than", "позднее", "позже", "после")),
)  # fmt: skip

# Ranges introduced by words: (pattern, kind). The left and right ends are read as dates.
_WORDED_RANGES: tuple[tuple[re.Pattern[str], DateKind], ...] = (
    (re.compile(r"^between (?P<a>.+?) and (?P<b>.+)$"), DateKind.BETWEEN),
    (re.compile(r"^между (?P<a>.+?) и (?P<b>.+)$"), DateKind.BETWEEN),
    (re.compile(r"^в промежутке с (?P<a>.+?) (?:по|до) (?P<b>.+)$"), DateKind.BETWEEN),
    (re.compile(r"^from (?P<a>.+?) (?:to|until|till|through) (?P<b>.+)$"), DateKind.SPAN),
    (re.compile(r"^с (?P<a>.+?) (?:по|до) (?P<b>.+)$"), DateKind.SPAN),
)

# Seasons as the months they cover (meteorological, northern hemisphere). Winter is
# refused: "winter 2020" is read as Dec 2019–Feb 2020 by some and Jan–Feb + Dec 2020 by
# others, and a chronology must not guess which.
_SEASONS: dict[str, tuple[int, int] | None] = {
    "spring": (3, 5), "весна": (3, 5), "весной": (3, 5),
    "summer": (6, 8), "лето": (6, 8), "летом": (6, 8),
    "autumn": (9, 11), "fall": (9, 11), "осень": (9, 11), "осенью": (9, 11),
    "winter": None, "зима": None, "зимой": None,
}  # fmt: skip
_SEASON = re.compile(r"^(?:in\s+)?(?:the\s+)?(?P<season>[a-zа-я]+)\s+(?:of\s+)?(?P<y>\d{4})$")


@dataclass(frozen=True, slots=True)
class _Piece:
    """What one end of a date says; any part may be missing until a range fills it."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None
    exact: PartialDate | None = None  # an ISO form, read by PartialDate itself

    def filled_from(self, other: _Piece) -> _Piece:
        """This end with the year (and the month, if it has a day) the other end gives."""
        if self.exact is not None or other.year is None:
            return self
        year = self.year if self.year is not None else other.year
        month = self.month
        if month is None and self.day is not None:
            month = other.month
        return replace(self, year=year, month=month)

    def date(self, text: str, default_offset_minutes: int | None) -> PartialDate:
        if self.exact is not None:
            return self.exact
        if self.year is None:
            raise InvalidInput(
                "A date needs its year: {text!r}", "date", code="date_needs_year", text=text
            )
        if self.day is not None and self.month is None:
            raise _not_understood(text)
        if self.hour is None:
            return PartialDate(self.year, self.month, self.day)
        offset = self.offset if self.offset is not None else default_offset_minutes
        if offset is None:
            raise InvalidInput(
                "A time needs a time zone: {text!r} (e.g. 2025-08-14T10:30+03:00)",
                "date",
                code="time_needs_time_zone_2025",
                text=text,
            )
        return PartialDate(self.year, self.month, self.day, self.hour, self.minute, offset)


def _not_understood(text: str) -> InvalidInput:
    return InvalidInput(
        "Not a date: {text!r} (for example 14.03.2025, 2025-03-14, March 2025, ~2019, "
        "before 3 Mar 2024, 3–10.03.2024, 2024..2025 or unknown)",
        "date",
        code="date_not_understood",
        text=text,
    )


def _normalize(text: str) -> str:
    t = text.strip().casefold().replace("ё", "е").replace("\u00a0", " ")
    # The display writes a negative zone with a minus sign ("UTC−3").
    t = t.replace("−", "-")
    t = re.sub(r"\s*[–—‒―]\s*", " – ", t)
    # "2024 г.", "2024 года", "в 2024 году": the year is the number.
    t = re.sub(r"(\d{4})\s*(?:годами|годом|года|году|год|гг\.|г\.|г)(?=$|[\s,–-])", r"\1", t)
    return re.sub(r"\s+", " ", t).strip()


def _zone(tz: str | None) -> int | None:
    if tz is None:
        return None
    tz = tz.replace(" ", "")
    if tz in ("z", "utc", "gmt"):
        return 0
    if tz in ("msk", "мск"):
        return 3 * 60
    tz = tz.removeprefix("utc").removeprefix("gmt")
    sign = -1 if tz[0] == "-" else 1
    body = tz[1:].replace(":", "")
    hours, minutes = (body, "0") if len(body) <= 2 else (body[:-2], body[-2:])
    if int(minutes) > 59:
        raise InvalidInput(
            "No such time zone offset: {tz!r}", "date", code="no_such_time_zone_offset", tz=tz
        )
    return sign * (int(hours) * 60 + int(minutes))


def _piece(s: str, *, short: bool = False) -> _Piece | None:
    """One end of a date, or None when `s` is not written as a date at all.

    `short` allows the forms only the left end of a range may take ("3", "3.03").
    A date that is written as one but cannot exist raises the core's coded error.
    """
    s = s.strip().removeprefix("the ")
    for lead in ("on ", "in ", "в ", "во "):
        s = s.removeprefix(lead)
    if _ISO.match(s):
        try:
            return _Piece(exact=PartialDate.parse(s.upper()))
        except InvalidInput as exc:
            if exc.code == "not_date_yyyy_yyyy_mm":
                return None
            raise
    timed = _TIME.match(s)
    if timed:
        dated = _piece(timed["date"])
        if dated is None or dated.day is None:
            return None
        if timed["s"] is not None and int(timed["s"]) > 59:
            raise InvalidInput(
                "No such time: {value!r} (seconds go up to 59)",
                "date",
                code="no_such_time_seconds_go",
                value=s,
            )
        return replace(
            dated, hour=int(timed["h"]), minute=int(timed["mi"]), offset=_zone(timed["tz"])
        )
    if _YEAR.match(s):
        return _Piece(year=int(s))
    m = _DOTTED.match(s)
    if m:
        day = int(m["d"]) if m["d"] else None
        return _Piece(int(m["y"]), int(m["m"]), day)
    m = _DAY_MONTH_YEAR.match(s) or _MONTH_DAY_YEAR.match(s)
    if m:
        year = int(m["y"]) if m["y"] else None
        return _Piece(year, _MONTH_WORDS[m["mon"]], int(m["d"]))
    m = _MONTH_YEAR.match(s)
    if m:
        return _Piece(int(m["y"]) if m["y"] else None, _MONTH_WORDS[m["mon"]])
    if short:
        m = _DOTTED_SHORT.match(s)
        if m:
            return _Piece(None, int(m["m"]) if m["m"] else None, int(m["d"]))
    return None


def _one(s: str, text: str, default_offset_minutes: int | None) -> PartialDate:
    piece = _piece(s)
    if piece is None:
        raise _not_understood(text)
    return piece.date(text, default_offset_minutes)


def _range(
    a: str, b: str, kind: DateKind, text: str, default_offset_minutes: int | None
) -> FuzzyDate | None:
    left, right = _piece(a, short=True), _piece(b)
    if left is None or right is None:
        return None
    left, right = left.filled_from(right), right.filled_from(left)
    return FuzzyDate(
        kind, left.date(text, default_offset_minutes), right.date(text, default_offset_minutes)
    )


def _season(t: str, text: str) -> FuzzyDate | None:
    m = _SEASON.match(t)
    if not m or m["season"] not in _SEASONS:
        return None
    months = _SEASONS[m["season"]]
    if months is None:
        raise InvalidInput(
            "Winter spans two years: type its months, e.g. 12.2019–02.2020 ({text!r})",
            "date",
            code="winter_spans_two_years",
            text=text,
        )
    year = int(m["y"])
    return FuzzyDate(DateKind.BETWEEN, PartialDate(year, months[0]), PartialDate(year, months[1]))


def _kind_prefix(t: str) -> tuple[DateKind, str] | None:
    for kind, words in _KIND_WORDS:
        for word in words:
            if not t.startswith(word):
                continue
            rest = t[len(word) :]
            if word[-1].isalpha() and not rest.startswith(" "):
                continue  # "до" must not take the start of "дек"
            return kind, rest.strip()
    return None


def read_date(text: str, default_offset_minutes: int | None = None) -> FuzzyDate:
    """The uncertain date `text` says, in English or Russian (see the module docstring).

    A time without a zone takes `default_offset_minutes` (the client passes the computer's
    own zone) or, when it is None, is refused. Raises InvalidInput with a code: the date
    does not exist (`no_such_day`, `no_such_month`, …), it has no year (`date_needs_year`),
    or it is not written as a date at all (`date_not_understood`).
    """
    t = _normalize(text)
    if t in _UNDATED:
        return FuzzyDate.undated()
    for pattern, kind in _WORDED_RANGES:
        m = pattern.match(t)
        if m:
            found = _range(m["a"], m["b"], kind, text, default_offset_minutes)
            if found is not None:
                return found
    prefixed = _kind_prefix(t)
    if prefixed is not None:
        kind, rest = prefixed
        return FuzzyDate(kind, _one(rest, text, default_offset_minutes))
    season = _season(t, text)
    if season is not None:
        return season
    for sep, kind in (("..", DateKind.BETWEEN), (" – ", DateKind.SPAN), ("/", DateKind.SPAN)):
        if sep in t:
            a, _, b = t.partition(sep)
            found = _range(a, b, kind, text, default_offset_minutes)
            if found is None:
                raise _not_understood(text)
            return found
    single = _piece(t)
    if single is not None:
        return FuzzyDate(DateKind.ON, single.date(text, default_offset_minutes))
    # A hyphen between two dates is a dash ("2024-2025", "3-10.03.2024"); an ISO date has
    # hyphens of its own, so try each one.
    for i, ch in enumerate(t):
        if ch == "-" and 0 < i < len(t) - 1:
            found = _range(t[:i], t[i + 1 :], DateKind.SPAN, text, default_offset_minutes)
            if found is not None:
                return found
    raise _not_understood(text)


def read_partial(text: str, default_offset_minutes: int | None = None) -> PartialDate:
    """One date without a kind (`1990`, `03.1990`, `14 марта 1990`, `1990-03-14`)."""
    return _one(_normalize(text), text, default_offset_minutes)
