"""Recall and false hits of name folding, measured on tables kept with the tests.

`data/name_spellings.tsv`: 1,500 (Cyrillic name, spelling, convention) rows: common Russian,
Ukrainian and Kazakh surnames and given names in the ICAO, BGN/PCGN, ISO 9, scholarly,
press, old passport and French passport transliterations (from `iuliia`), in German,
Polish, Czech and French transcription, the Ukrainian national Latin, the Kazakh Latin
alphabets of 2018 and 2021, and given-name variants (`make_name_spellings.py` makes it).
`data/name_different.tsv`: spellings of a different but close name (Щукин / Shukshin).

Run with `-s` to see the figures; the asserted floor and ceiling are the measured figures
with a small margin, so a change to the rule that loses names fails here.
"""

from __future__ import annotations

import collections
import importlib.util
from functools import cache
from pathlib import Path

import pytest

from satchel.core.names import fold_keys, fold_prefix, words

DATA = Path(__file__).with_name("data")

RECALL_FLOOR = 0.995  # measured 1.000 (1,515 of 1,515)
TYPED_RECALL_FLOOR = 0.975  # measured 0.980 (9,703 of 9,904 prefixes)
CROSS_FALSE_HIT_CEILING = 0.00005  # measured 0.0000074 (4 of 539,340 pairs)
CLOSE_FALSE_HIT_CEILING = 0.05  # measured 0.000 (0 of 70 close pairs)


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@cache
def _keys(word: str) -> frozenset[str]:
    return frozenset(fold_keys(word))


def _same(a: str, b: str) -> bool:
    return bool(_keys(a) & _keys(b))


def test_the_table_is_large_and_covers_every_convention() -> None:
    rows = _rows("name_spellings.tsv")
    conventions = {r[2] for r in rows}
    assert len(rows) >= 300
    assert {
        "icao_doc_9303", "bgn_pcgn", "scholarly", "iso_9", "german_duden", "french",
        "polish_pwn", "czech", "kazakh_latin_2018", "kazakh_latin_2021", "ukrainian_2010",
        "given_name_variant", "cyrillic_e_for_yo",
    } <= conventions  # fmt: skip


def test_the_table_is_what_its_generator_spells() -> None:
    # The checked-in table must be the published schemas' output, not hand-edited.
    pytest.importorskip("iuliia")
    spec = importlib.util.spec_from_file_location(
        "make_name_spellings", DATA / "make_name_spellings.py"
    )
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert [list(r) for r in generator.rows()] == _rows("name_spellings.tsv")


def test_every_spelling_finds_its_cyrillic_name() -> None:
    rows = _rows("name_spellings.tsv")
    missed = collections.Counter()
    total = collections.Counter()
    for cyrillic, spelling, convention in rows:
        total[convention] += 1
        if not _same(cyrillic, spelling):
            missed[convention] += 1
    found = len(rows) - sum(missed.values())
    print(f"\nname recall: {found}/{len(rows)} = {found / len(rows):.4f}")
    for convention in sorted(total):
        ok = total[convention] - missed[convention]
        print(f"  {convention:20} {ok:4}/{total[convention]}")
    assert found / len(rows) >= RECALL_FLOOR


def test_every_prefix_typed_finds_its_cyrillic_name() -> None:
    # As typed into a search box or filter: each prefix of two or more letters.
    checked = found = 0
    for cyrillic, spelling, _ in _rows("name_spellings.tsv"):
        word = words(spelling)[0]
        for end in range(2, len(word) + 1):
            checked += 1
            keys = fold_prefix(word[:end])
            found += any(k.startswith(p) for k in _keys(cyrillic) for p in keys)
    print(f"\nas-typed recall: {found}/{checked} = {found / checked:.4f}")
    assert found / checked >= TYPED_RECALL_FLOOR


def test_spellings_rarely_find_another_name_of_the_table() -> None:
    rows = _rows("name_spellings.tsv")
    # The Ukrainian and Belarusian forms of a given name are the same name.
    same: dict[str, set[str]] = collections.defaultdict(set)
    for a, b, convention in rows:
        if convention == "equivalent_form":
            group = same[a] | same[b] | {a, b}
            for name in group:
                same[name] = group
    names = sorted({r[0] for r in rows} | {b for _, b, c in rows if c == "equivalent_form"})
    by_key: dict[str, set[str]] = collections.defaultdict(set)
    for name in names:
        for key in _keys(name):
            by_key[key].add(name)
    hits: list[tuple[str, str, str]] = []
    for cyrillic, spelling, _ in rows:
        found = set().union(*(by_key[k] for k in _keys(spelling))) - {cyrillic} - same[cyrillic]
        hits += [(cyrillic, spelling, other) for other in sorted(found)]
    pairs = len(rows) * (len(names) - 1)
    print(f"\nfalse hits among the table's names: {len(hits)}/{pairs} = {len(hits) / pairs:.7f}")
    for hit in hits:
        print("  {} spelt {} also finds {}".format(*hit))
    assert len(hits) / pairs <= CROSS_FALSE_HIT_CEILING


def test_close_but_different_names_stay_apart() -> None:
    rows = _rows("name_different.tsv")
    hits = [(a, b) for a, b, _ in rows if _same(a, b)]
    print(f"\nfalse hits among close names: {len(hits)}/{len(rows)}")
    for a, b in hits:
        print(f"  {b} finds {a}")
    assert len(hits) / len(rows) <= CLOSE_FALSE_HIT_CEILING
