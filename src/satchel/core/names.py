"""Name folding: matching keys for a name however it was spelt or transliterated.

Clients' names reach a lawyer in Cyrillic, in the passport's Latin (ICAO: `Iuliia`), in the
court's or the press's Latin (`Yulia`, `Julia`, `Yuliya`), in the spelling of a European
court, police force or Interpol notice (German `Chruschtschow`, French `Khrouchtchev`,
Polish `Chruszczow`, Czech and scholarly `Chruščov`/`Chruščëv`) and in Kazakh with its
extra letters (Cyrillic, and the Latin alphabets of 2018 and 2021). `fold_keys()` maps every
one of those spellings of a word to a few short ASCII keys, and two spellings of a name share
a key; the search index (`search.py`) stores the keys of every word of a name, and the
filters of the stores and of the client compare keys of typed words with them
(`NameFilter`). The rule is documented, with examples and known limits, in
`docs/search.md`; it is deliberately lossy (it makes some different names equal) because
missing a client's record is worse than showing one extra line.

The keys must not depend on anything but the word: stored keys and query keys are computed
by the same function, which is what makes them agree. `FOLD_VERSION` names the rule; a
vault whose index was folded by another version refolds it when opened. This module also
holds the one rule for "which script is this name in" (`script_of`). It never touches
storage and never raises on any input text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from anyascii import anyascii

from satchel.core.model import Script

__all__ = [
    "FOLD_VERSION",
    "WORD_RE",
    "NameFilter",
    "fold",
    "fold_keys",
    "fold_prefix",
    "fold_text",
    "key_terms",
    "plain_text",
    "script_of",
    "words",
]

# Cyrillic letters of Russian, Kazakh, Ukrainian and Belarusian, spelt the way the common
# English-language transliterations spell them. anyascii would give nearly the same, but
# the keys of these alphabets are stored in every vault's index: pinning them here means a
# new anyascii release can never make stored keys disagree with freshly folded queries.
# The soft and hard signs carry no sound of their own and are dropped (like the apostrophe
# some transliterations write for them).
_CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh (Latin forms of the 2021 alphabet in brackets): ә (ä), і (ı), ң (ñ, ng),
    # ғ (ğ, gh), ү (ü), ұ (ū), қ (q), ө (ö), һ (h). Ғ is spelt `g` (`gh` folds to `g`
    # anyway), so that Ң before Ғ (Құрманғали: `ngg`) does not read as `n` + `gh`.
    "ә": "a", "і": "i", "ң": "ng", "ғ": "g", "ү": "u", "ұ": "u", "қ": "q", "ө": "o",
    "һ": "h",
    # Ukrainian and Belarusian.
    "є": "ye", "ї": "yi", "ґ": "g", "ў": "u",
}  # fmt: skip

# Latin letters with a caron (Croatian, Slovene, Czech, Slovak, Lithuanian, the ISO 9 and
# scholarly systems: `Žuravljova`, `Ščukin`) stand for the sounds English spells with an
# `h`; spelling them so here lets the digraph rules below treat both the same.
_CARON: dict[str, str] = {"ž": "zh", "š": "sh", "č": "ch"}

_LETTERS: dict[int, str] = {ord(k): v for k, v in (_CYRILLIC | _CARON).items()}

# Consonant clusters, matched in ONE left-to-right pass, longest first, so that `shch` is
# taken whole before `sh` or `ch` could claim part of it and no output is re-read.
_CLUSTERS: dict[str, str] = {
    "shch": "s", "sch": "s", "tch": "c", "zh": "z", "kh": "h", "ch": "c", "sh": "s",
    "ts": "c", "tz": "c", "tc": "c", "gh": "g", "ph": "f", "ng": "n", "q": "k", "w": "v",
}  # fmt: skip
_CLUSTER_RE = re.compile("|".join(sorted(_CLUSTERS, key=len, reverse=True)))

# Letters that stand for different sounds in different Latin spellings; see `_readings`.
_READINGS: dict[str, tuple[str, ...]] = {"j": ("y", "dzh", "zh"), "x": ("ks", "h")}

# A vowel after the palatal glide: `ye`/`ie` and `yo`/`io` stand for Е and Ё, which are also
# written plain `e` (Yevgeny, Evgenii; Zhuravlyova, Zhuravleva). By the time this runs
# every `y` (including the glide reading of `j`) has become `i`.
_IOTATED_E_RE = re.compile("i[eo]")
_DOUBLE_RE = re.compile(r"(.)\1+")
_NOT_KEY_RE = re.compile(r"[^a-z0-9]+")

# A word: letters and digits, possibly with apostrophes inside (`Emel'yanova`, `O'Brien`).
# Underscore is `\w` to Python but not to the FTS tokenizer, so it separates words here too.
_APOSTROPHES = "'’ʼ`´ʹ"
WORD_RE = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*")

FOLD_VERSION = 2
"""Names the folding rule. Stored keys made by another version are recomputed on open."""

# -- spellings of the European conventions ---------------------------------------------------
#
# A Latin word may have been written in any convention, and a letter means different things
# in each: `ch` is Ч in English, Х in German, Polish and Czech, Ш in French; `j` is the glide
# in German and Polish, Ж in French; `z` is Ц in German, `c` is Ц in Polish and Czech. So a
# Latin word is read once per convention, each reading spelt back in the English-style Latin
# of `_CYRILLIC` (the form Cyrillic names are spelt in), and every reading gives a key. The
# tables below are the published transcription rules for Russian names:
# - German: Duden / DIN 1460 transcription (Chruschtschow, Schukow, Sacharow, Zwetajewa);
# - French: the usual French transcription (Khrouchtchev, Iouri, Raspoutine, Soljenitsyne);
# - Polish: the PWN transcription (Chruszczow, Żukow, Cwietajewa, Siergiej);
# - Czech and Slovak, and the scholarly and ISO 9 transliterations (Chruščov, Chruščëv,
#   Ŝukin, Âkovlev: ISO 9 spells Щ ŝ, Я â, Ю û, Є ê);
# - Ukrainian national Latin (Cabinet of Ministers resolution 55 of 2010): Г is `h`
#   (Hryhorii, Oleh);
# - Kazakh Latin of 2018: У is `ý` (Ýsenov), Ж is `j`.
# English-style spellings (BGN/PCGN, ICAO Doc 9303, the press) and the Kazakh Latin of 2021
# need no table of their own: `_latin` and the folding rules already read them.
# Each rule is (regular expression, spelling or tuple of spellings); the rules of one
# convention apply in ONE left-to-right pass, the first listed winning at a position. A rule
# with several spellings gives one reading per spelling (every match of that rule in a word
# takes the same one): German `sch` is Ш or Ж, German `s` is С or З. A word holding letters
# a convention never writes (German and Polish have no `v`, `kh` or `zh`) is not read in it:
# `Sakharov` is not German, so it does not also find Захаров as `Sacharow` would.
_VOWEL = "aeiouyäöüéèëïâêîôû"
_CONVENTIONS: dict[str, tuple[str, tuple[tuple[str, str | tuple[str, ...]], ...]]] = {
    # name: (letters the convention never writes, so a word with them is not in it; rules)
    "german": ("v|kh|zh|(?<!c)sh|ts(?!ch)|q", (
        ("schtsch", "shch"), ("tsch", "ch"), ("sch", ("sh", "zh")), ("ch", "kh"),
        ("ss", "s"), (f"(?<=[{_VOWEL}])s(?=[{_VOWEL}])", "z"), ("s", ("s", "z")),
        ("z", "ts"), ("w", "v"), ("j", "y"), ("x", "ks"),
    )),
    "french": ("w|zh|(?<!c)sh|q", (
        ("chtch", "shch"), ("tch", "ch"), ("ch", "sh"), ("dj", "dzh"), ("j", "zh"),
        ("ou", "u"), ("gu(?=[eiy])", "g"), (f"(?<=[{_VOWEL}])ss(?=[{_VOWEL}])", "s"),
        (f"(?<=[{_VOWEL}])s(?=[{_VOWEL}])", ("z", "s")), ("(?<=[iy]n)e$", ""), ("x", "ks"),
    )),
    "polish": ("v|kh|zh|sh|ts|q", (
        ("szcz", "shch"), ("sz", "sh"), ("cz", "ch"), ("ch", "kh"), ("rz", "zh"),
        ("dż", "dzh"), ("ż", "zh"), ("c", "ts"), ("w", "v"), ("j", "y"), ("x", "ks"),
    )),
    "czech": ("w|kh|zh|sh|ts|q", (
        ("ch", "kh"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ŝ", "shch"), ("c", "ts"),
        ("j", "y"), ("x", "ks"), ("â", "ya"), ("û", "yu"), ("ê", "ye"),
    )),
    "ukrainian": ("w|q|j|x", (("(?<![kzcsgp])h", "g"),)),
    "kazakh_2018": ("w|x", (("ý", "u"), ("j", "zh"))),
}  # fmt: skip

_MAX_READINGS = 8  # of one word in one convention; more ambiguous words keep the first 8


class _Convention:
    """One convention's rules, applied in one pass, with one result per reading."""

    def __init__(self, foreign: str, rules: tuple[tuple[str, str | tuple[str, ...]], ...]) -> None:
        self._foreign = re.compile(foreign)
        self._options = [(o,) if isinstance(o, str) else o for _, o in rules]
        self._re = re.compile("|".join(f"({pattern})" for pattern, _ in rules))

    def spellings(self, word: str) -> list[str]:
        """The word read in this convention, once per reading; none if it is not in it."""
        if self._foreign.search(word):
            return []
        matches = list(self._re.finditer(word))
        if not matches:
            return [word]
        rules = [(m.lastindex or 1) - 1 for m in matches]
        ambiguous = sorted({r for r in rules if len(self._options[r]) > 1})
        found = []
        for choice in itertools.product(*(range(len(self._options[r])) for r in ambiguous)):
            picked = dict(zip(ambiguous, choice, strict=True))
            parts, last = [], 0
            for m, r in zip(matches, rules, strict=True):
                parts += [word[last : m.start()], self._options[r][picked.get(r, 0)]]
                last = m.end()
            parts.append(word[last:])
            found.append("".join(parts))
            if len(found) == _MAX_READINGS:
                break
        return found


_READERS = tuple(_Convention(*convention) for convention in _CONVENTIONS.values())

# After Ж, Ч, Ш and Щ, Ё is written `o` in most conventions (Чернышёв: Chernyshov,
# Tschernyschow, Czernyszow), and Ё is often printed as Е: a Cyrillic name gets a second
# key with every such Ё read `o`, and one with its last such Е read `o` (the surname
# endings -шёв, -чёв, -щёв printed -шев, -чев, -щев).
_SIBILANT_YO_RE = re.compile("(?<=[жчшщ])ё")
_SIBILANT_E_RE = re.compile("(?<=[жчшщ])е(?!.*(?<=[жчшщ])[её])")
_CYRILLIC_RE = re.compile("[\u0400-\u052f]")

# Given names whose forms differ by more than a spelling: the Russian, Ukrainian,
# Belarusian, Polish, German and French forms of one name (Александр, Олександр,
# Аляксандр, Aleksander, Alexander, Alexandre). Each form's keys get the first form's key as
# well, so any form finds the others. Forms are those of the official Ukrainian and
# Belarusian name lists and the usual European forms of the Russian names; only whole words
# map (a surname such as Павлов keeps its own key).
_GIVEN_NAMES: tuple[tuple[str, ...], ...] = (
    ("Александр", "Олександр", "Аляксандр", "Alexander", "Aleksander", "Alexandre",
     "Oleksandr", "Olexandr", "Aliaksandr", "Alyaksandr"),
    ("Алексей", "Олексій", "Аляксей", "Oleksii", "Oleksiy", "Aliaksei", "Alexej"),
    ("Сергей", "Сергій", "Сяргей", "Serhii", "Serhiy", "Siarhei", "Sergiusz", "Serge"),
    ("Андрей", "Андрій", "Андрэй", "Andrii", "Andriy", "Andrzej", "Andreas", "André"),
    ("Михаил", "Михайло", "Міхаіл", "Mykhailo", "Mykhaylo", "Michail", "Michał", "Michel"),
    ("Дмитрий", "Дмитро", "Дзмітрый", "Dmytro", "Dzmitry", "Dimitri"),
    ("Владимир", "Володимир", "Уладзімір", "Volodymyr", "Uladzimir", "Włodzimierz",
     "Wladimir"),
    ("Николай", "Микола", "Мікалай", "Mykola", "Mikalai", "Mikołaj", "Nicolas"),
    ("Пётр", "Петро", "Пятро", "Petro", "Piotr", "Pierre"),
    ("Павел", "Павло", "Паўлюк", "Pavlo", "Paweł", "Paul"),
    ("Григорий", "Григорій", "Рыгор", "Hryhorii", "Hryhoriy", "Grzegorz", "Grégoire"),
    ("Евгений", "Євген", "Яўген", "Yevhen", "Ievgen", "Yauhen", "Eugen", "Eugène"),
    ("Георгий", "Георгій", "Heorhii", "Georg", "Georges"),
    ("Юрий", "Юрій", "Юрый", "Jerzy"),
    ("Иван", "Іван", "Янка", "Jan"),
    ("Игорь", "Ігор", "Ihor", "Ihar"),
    ("Олег", "Алег", "Aleh"),
    ("Геннадий", "Геннадій", "Hennadii", "Hienadz"),
    ("Виктор", "Віктор", "Віктар", "Viktar", "Wiktor"),
    ("Елена", "Олена", "Алена", "Olena", "Alena", "Hélène", "Helena"),
    ("Екатерина", "Катерина", "Кацярына", "Kateryna", "Katsiaryna", "Katarzyna", "Catherine"),
    ("Татьяна", "Тетяна", "Таццяна", "Tetiana", "Tatsiana"),
    ("Ольга", "Ольга", "Вольга", "Olha", "Volha"),
    ("Галина", "Галина", "Halyna", "Halina"),
    ("Анна", "Ганна", "Hanna"),
    ("Наталья", "Наталія", "Наталля", "Nataliia", "Natallia"),
    ("Мария", "Марія", "Марыя", "Mariia", "Maryia", "Marie"),
    ("Ирина", "Ірина", "Ірына", "Iryna"),
    ("Фёдор", "Федір", "Хведар", "Fedir", "Théodore"),
    ("Василий", "Василь", "Vasyl", "Wasyl"),
)  # fmt: skip


def words(text: str) -> list[str]:
    """The words of `text` as the name matcher sees them (apostrophes inside words kept)."""
    return WORD_RE.findall(_without_marks(text))


def fold(word: str) -> str:
    """The main matching key of one word: lowercase ASCII letters and digits, maybe empty.

    It is the key of the word's English-style reading; `fold_keys` gives all its keys.
    """
    return _apply_rules(_readings(_latin(word))[0])


def fold_keys(word: str) -> tuple[str, ...]:
    """Every key of one word, `fold(word)` first: one per reading in each convention."""
    keys = _spelling_keys(word)
    for key in list(keys):
        given = _GIVEN_NAME_KEYS.get(key)
        if given is not None:
            keys[given] = None
    return tuple(keys)


def fold_text(text: str, memo: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The keys of every word of `text`, in order, each once, without empty keys.

    `memo` (word → keys) saves refolding the same words when indexing many records; the
    caller owns it and drops it when done, so no name outlives the work in a cache.
    """
    keys: dict[str, None] = {}
    for w in words(text):
        if memo is None:
            found = fold_keys(w)
        elif (cached := memo.get(w)) is not None:
            found = cached
        else:
            found = memo[w] = fold_keys(w)
        keys.update(dict.fromkeys(found))
    return list(keys)


def fold_prefix(word: str) -> tuple[str, ...]:
    """Keys to match as prefixes when `word` may be the unfinished start of a longer word.

    The first key is `fold(word)` or a prefix of it; further keys cover the other readings
    and conventions, and an ending that would read differently once the word goes on: `K`
    may be the start of `Kh`, `Sz` of `Szcz`, `Chruscht` of `Chruschtsch`. For such an
    ending the word is also folded with each continuation that completes a rule (see
    `_CONTINUATIONS`), so the keys of a prefix are prefixes of the keys of the whole word.
    A key that starts with another adds nothing to a prefix search and is left out, and so
    are empty keys. A word of two or more letters whose keys are all one letter (`Ch`,
    `Sh`) keeps only the main reading's key (see docs/search.md, Speed).
    """
    base = _without_marks(word).casefold()
    if not base:
        return ()
    keys: dict[str, None] = dict.fromkeys(fold_keys(word))
    if _CYRILLIC_RE.search(base):
        # Cyrillic letters each read one way; only the folding rules look ahead, on the
        # word's Latin spelling (`Андрей` + `е`).
        typed, continuations = _latin(word), _RULE_CONTINUATIONS
    else:
        typed, continuations = base, _CONTINUATIONS
    for tail, more in continuations.items():
        if typed.endswith(tail):
            for rest in more:
                keys.update(dict.fromkeys(fold_keys(typed + rest)))
    # A key that starts with another key adds no match to a prefix search.
    ordered = sorted(keys, key=len)
    kept: list[str] = []
    for key in ordered:
        if key and not any(key.startswith(k) for k in kept):
            kept.append(key)
    first = fold(word)
    if len(base) > 1 and all(len(k) == 1 for k in kept):
        # One sound typed (`Ch`, `Sh`): a one-letter key walks every key of the index that
        # starts with it, ~50-100 ms on a large vault, so only the main reading's is kept
        # (`Ch` as Ч, not also as German Х or French Ш); the next letter brings them back.
        return (first[:1],) if first else tuple(kept[:1])
    return tuple(sorted(kept, key=lambda k: (not first.startswith(k), k != first)))


def plain_text(text: str) -> str:
    """Text as the substring filters compare it: case-folded, `ё` read as `е`, `й` as `и`.

    Russian readers take Ё and Е for one letter (Ё is usually printed as Е), and a filter
    that told them apart would miss a client written the other way.
    """
    return _without_marks(text).casefold().translate(_PLAIN_LETTERS)


def script_of(text: str) -> Script:
    """The script a name is written in: the one most of its letters belong to.

    The one rule for the client, the command line and the sample data. Only letters
    count; a tie goes to the script of the first letter (`Ivan Ivanov (Иван)` is Latin,
    `Иван Иванов (Ivan)` Cyrillic), and a name without letters is Latin.
    """
    counts: dict[Script, int] = {}
    first: Script | None = None
    for ch in _without_marks(text):
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            script = Script.CYRILLIC
        elif name.startswith("LATIN"):
            script = Script.LATIN
        else:
            script = Script.OTHER
        counts[script] = counts.get(script, 0) + 1
        first = first or script
    if first is None:
        return Script.LATIN
    best = max(counts.values())
    return first if counts[first] == best else max(counts, key=lambda s: counts[s])


class NameFilter:
    """A filter as typed into a list: does a record's text match it?

    A text matches when the filter, case-folded with Ё as Е, is a substring of it (as
    filters always did: `van` finds Ivanov, `2-40` a reference number), or when every word
    typed matches the start of some word of the text by its keys, so that `Chruschtschow`,
    `Khrushchev` and `Хрущёв` find each other. Used by the client's in-memory lists (the
    colleague list); the stores build the same test in SQL over the index's keys
    (`SearchIndex.key_filter`).
    """

    def __init__(self, text: str) -> None:
        self.text = text.strip()
        self.plain = plain_text(self.text)
        self.terms = key_terms(self.text)

    def __bool__(self) -> bool:
        return bool(self.plain)

    def matches(self, text: str) -> bool:
        if not self.plain:
            return True
        if self.plain in plain_text(text):
            return True
        if not self.terms:
            return False
        stored = fold_text(text)
        return all(any(s.startswith(k) for s in stored for k in keys) for keys in self.terms)


def key_terms(text: str, max_words: int = 16) -> list[tuple[str, ...]]:
    """The prefix keys of each word typed into a filter (see `NameFilter`).

    A one-letter word has no keys here: as a prefix it would match most names, and the
    substring test already finds it. The length is that of the word as typed, not of its
    key: `Sh`, `Zh` and `Ж` fold to one letter and are still real prefixes.
    """
    return [fold_prefix(w) for w in words(text)[:max_words] if len(w) >= 2]


# Continuations that complete a rule which looks at the next letters (the folding rules'
# `kh`, `ts`, `ie`; the conventions' `sch`, `szcz`, `tsch`, `ou`): an unfinished word ending
# in a key of this table is also folded with each value appended.
_CONTINUATIONS: dict[str, tuple[str, ...]] = {
    "k": ("h",),
    "p": ("h",),
    "t": ("s", "z", "ch", "sch"),
    "ts": ("ch",),
    "tc": ("h",),
    "tsc": ("h",),
    "c": ("h", "z", "htch"),
    "ch": ("tch",),
    "cht": ("ch",),
    "chtc": ("h",),
    "s": ("h", "z", "ch", "hch", "chtsch", "zcz"),
    "sc": ("h", "htsch"),
    "sch": ("tsch",),
    "scht": ("sch",),
    "schts": ("ch",),
    "schtsc": ("h",),
    "sz": ("cz",),
    "szc": ("z",),
    "shc": ("h",),
    "r": ("z",),
    "d": ("j", "ż", "zh"),
    "o": ("u",),
    "g": ("h", "u"),
    "gu": ("e", "i"),
    "i": ("e", "o"),
    "y": ("e", "o"),
    "j": ("e", "o"),
}

# The same for the folding rules alone, for a Cyrillic word spelt in Latin.
_RULE_CONTINUATIONS: dict[str, tuple[str, ...]] = {
    "k": ("h",),
    "t": ("s",),
    "sh": ("ch",),
    "i": ("e", "o"),
    "y": ("e", "o"),
}

# `plain_text`: the letters Russian readers take for one (see there).
_PLAIN_LETTERS = str.maketrans("ёй", "еи")


def _spelling_keys(word: str) -> dict[str, None]:
    """The keys of a word's readings, before given names: `fold(word)` first."""
    if word.isascii() and word.isdigit():
        # A number has no readings (a case number, a year): one key, found at once. An
        # import of 50,000 events titled "Hearing 1234" spent most of its indexing here.
        digits = _apply_rules(word)
        return {digits: None} if digits else {}
    keys: dict[str, None] = {}
    latin = _latin(word)
    for reading in _readings(latin):
        keys[_apply_rules(reading)] = None
    base = _without_marks(word).casefold()
    if _CYRILLIC_RE.search(base):
        for variant in (_SIBILANT_YO_RE.sub("о", base), _SIBILANT_E_RE.sub("о", base)):
            if variant != base:
                keys[_apply_rules(_latin(variant))] = None
    else:
        # A Latin word: read it in each convention too.
        for reader in _READERS:
            for spelled in reader.spellings(base):
                keys[_apply_rules(_ascii(spelled))] = None
    keys.pop("", None)
    return keys


def _without_marks(text: str) -> str:
    """NFC text without leftover combining marks (stress accents: `Мари́я` is one word)."""
    if text.isascii():
        return text  # already NFC, and no ASCII character is a mark: most indexed text
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


def _latin(word: str) -> str:
    """The word in lowercase ASCII, before the folding rules: `Журавлёва` → `zhuravleva`."""
    return _ascii(_without_marks(word).casefold().translate(_LETTERS))


def _ascii(spelled: str) -> str:
    """Lowercase ASCII letters and digits of an already spelt word."""
    if spelled.isascii():
        # Nothing to strip or spell out (NFD and anyascii leave ASCII as it is): most of
        # the text an import folds, at a tenth of the cost.
        return _NOT_KEY_RE.sub("", spelled.lower())
    # Remaining diacritics carry no distinction the rules keep (ä, ñ, ü, ğ → a, n, u, g);
    # dropping them first keeps anyascii from spelling them out (ü as "ue" in some tables).
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", spelled) if not unicodedata.combining(c)
    )
    return _NOT_KEY_RE.sub("", anyascii(stripped).lower())


def _readings(latin: str) -> list[str]:
    """The Latin spelling once per reading of its ambiguous letters, the usual one first.

    `j` is the glide in Slavic spellings (Julia, Marija), `Дж` in English ones (Jamshid)
    and `Ж` in Uzbek and 2018 Kazakh Latin (Jasur, Jana); `x` is `кс` in English (Xenia,
    Alexei) and `Х` in Uzbek Latin (Xasanov). Every occurrence takes the same reading, so a
    word has at most six keys this way, and nearly all words have one.
    """
    spelled = latin.replace("dj", "dzh")  # Djamshid = Dzhamshid: no other reading
    found = [spelled]
    for letter, options in _READINGS.items():
        if letter in spelled:
            found = [f.replace(letter, option) for f in found for option in options]
    return found


def _apply_rules(latin: str) -> str:
    """The documented folding rules, in order, on lowercase ASCII (see docs/search.md)."""
    s = _CLUSTER_RE.sub(lambda m: _CLUSTERS[m.group()], latin)
    s = s.replace("y", "i")  # Yulia = Iulia, Evgeniy = Evgenii, Krylov = Krilov
    s = _DOUBLE_RE.sub(r"\1", s)  # Evgenii = Evgeni, Khabibullin = Habibulin
    s = _IOTATED_E_RE.sub("e", s)  # Yevgeny = Evgeny, Zhuravlyova = Zhuravleva
    return _DOUBLE_RE.sub(r"\1", s)  # Andreyev = Andreev → andrev


def _given_name_keys() -> dict[str, str]:
    table: dict[str, str] = {}
    for forms in _GIVEN_NAMES:
        canonical = fold(forms[0])
        for form in forms:
            for key in _spelling_keys(form):
                if key != canonical:
                    table.setdefault(key, canonical)
    return table


_GIVEN_NAME_KEYS = _given_name_keys()
