"""Name folding: one matching key for a name however it was spelt or transliterated.

Clients' names reach a lawyer in Cyrillic, in the passport's Latin (ICAO: `Iuliia`), in the
court's or the press's Latin (`Yulia`, `Julia`, `Yuliya`) and in Kazakh with its extra
letters. `fold()` maps every one of those spellings of a word to the same short ASCII key,
so the search index (`search.py`) can store the key of every word of a name and match the
key of every word the user types. The rule is documented, with examples, in
`docs/search.md`; it is deliberately lossy (it makes some different names equal) because
missing a client's record is worse than showing one extra line.

The key must not depend on anything but the word: stored keys and query keys are computed
by the same function, which is what makes them agree. This module never touches storage
and never raises on any input text.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

__all__ = ["WORD_RE", "fold", "fold_keys", "fold_prefix", "fold_text", "words"]

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
    # ғ (ğ, gh), ү (ü), ұ (ū), қ (q), ө (ö), һ (h).
    "ә": "a", "і": "i", "ң": "ng", "ғ": "gh", "ү": "u", "ұ": "u", "қ": "q", "ө": "o",
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
    "ts": "c", "tz": "c", "gh": "g", "ph": "f", "ng": "n", "q": "k", "w": "v",
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

# Rules that rewrite a letter depending on the one after it (`k` + `h`, `t` + `s`, `i` +
# `e`) break "the key of a prefix is a prefix of the key" while a word is being typed: `K`
# folds to `k`, `Khabibullin` to `habibulin`. For such an unfinished ending, `fold_prefix`
# also offers the keys the word would have with each continuation that fires a rule.
_UNFINISHED: dict[str, tuple[str, ...]] = {
    "k": ("h",),
    "p": ("h",),
    "t": ("s", "z", "ch"),
    "tc": ("h",),
    "sc": ("h",),
    "shc": ("h",),
    "i": ("e", "o"),
    "y": ("e", "o"),
    "j": ("e", "o"),
}


def words(text: str) -> list[str]:
    """The words of `text` as the name matcher sees them (apostrophes inside words kept)."""
    return WORD_RE.findall(_without_marks(text))


def fold(word: str) -> str:
    """The main matching key of one word: lowercase ASCII letters and digits, maybe empty.

    For a word with a letter of several readings (`j`, `x`) this is the first reading's
    key; `fold_keys` gives them all.
    """
    return _apply_rules(_readings(_latin(word))[0])


def fold_keys(word: str) -> tuple[str, ...]:
    """Every key of one word: one per reading of its ambiguous letters, `fold(word)` first."""
    keys = dict.fromkeys(_apply_rules(r) for r in _readings(_latin(word)))
    return tuple(k for k in keys if k)


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

    The first key is `fold(word)`; further keys cover the other readings of ambiguous
    letters and an ending that would fold differently once the next letter is typed (see
    `_UNFINISHED`). Empty keys are left out.
    """
    latin = _latin(word)
    keys: dict[str, None] = {}
    for candidate in [latin] + [
        latin + more
        for tail, continuations in _UNFINISHED.items()
        if latin.endswith(tail)
        for more in continuations
    ]:
        for reading in _readings(candidate):
            key = _apply_rules(reading)
            if key:
                keys[key] = None
    return tuple(keys)


def _without_marks(text: str) -> str:
    """NFC text without leftover combining marks (stress accents: `Мари́я` is one word)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


def _latin(word: str) -> str:
    """The word in lowercase ASCII, before the folding rules: `Журавлёва` → `zhuravleva`."""
    spelled = _without_marks(word).casefold().translate(_LETTERS)
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
    word has at most six keys, and nearly all words have one.
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
